// `debrief site`: the archive as a static website. The work is DebriefSite's SiteBuilder; this file wires the
// options, shows progress on a terminal, prints what was left out, and maps the exit status.
import ArgumentParser
import DebriefCore
import DebriefSite
import Foundation

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build the archive's website: every debrief, the lessons, the actions, the tags and a search, to open from a folder or any web server.",
        discussion: """
        The site opens from file:// as well as from a web server or the git host's pages, and makes no request \
        elsewhere: the search index is a set of small scripts beside the pages. Pages work without JavaScript; \
        only the search needs it.

        Building again rewrites only what changed: the pages of debriefs whose file changed, the lists that show \
        them, and the search files they touch (the site keeps what it was built from in DIR/.debrief-site/).

        --audience client builds a client portal: only final debriefs, as the client sees them (no internal item, \
        no tag, the team as "our team"). A debrief that would name a team member is left out and named on \
        standard error, and the exit status is 1. An archive with debriefs for several clients needs --client.

        Exit status: 0 built; 1 a debrief left out of a client portal; 65 a debrief that does not load (reported, \
        the others built); 73 the folder cannot be written or holds other files.
        """)

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write the site to. Without it, site/ in the archive.", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: "Who the site is for: team (everything) or client (a portal: final debriefs as the client sees them).")
    var audience: Audience = .team

    @Option(name: .long, help: ArgumentHelp("A client portal for this client only: the name as the debriefs give it, any case or accents.", valueName: "NAME"))
    var client: String?

    @OptionGroup var archives: ArchiveOptions

    func validate() throws {
        if client != nil && audience != .client { throw ValidationError("--client: only with --audience client") }
        if let client, Fold.key(client).isEmpty { throw ValidationError("--client: give the client's name") }
    }

    func run() throws {
        try runReporting {
            let workspaces = try archives.workspaces()
            if audience == .client && client == nil {
                let clients = try SiteBuilder.clients(of: workspaces)
                if clients.count > 1 {
                    throw UsageError("the archive has final debriefs for \(clients.count) clients (\(clients.prefix(3).joined(separator: ", "))\(clients.count > 3 ? ", ..." : "")); a portal is for one: add --client NAME")
                }
            }
            let folder = output ?? (workspaces[0].archive.root as NSString).appendingPathComponent("site")
            let builder = SiteBuilder(workspaces: workspaces, options: SiteOptions(
                output: folder, audience: audience, client: client, generator: "debrief \(DebriefVersion.string)"))
            let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
            builder.progress = { done, total in progress.show(done, total) }
            let report = try builder.build()
            progress.clear()
            keepUntilExit(builder, report)
            let display = Diagnostics.safe(Archive.display(folder))
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            var line = "Built \(display)/index.html: \(count(report.debriefs, "debrief"))"
            line += report.rendered == report.debriefs ? "." : "; \(count(report.rendered, "page")) rendered, \(count(report.written.count, "file")) written."
            writeErr(line + "\n")
            Diagnostics.report(report.failures.flatMap(\.diagnostics))
            if !report.refused.isEmpty {
                Diagnostics.report(report.refused.map { d in
                    var d = d
                    d.message = "left out of the client portal: " + d.message
                    return d
                }, withSuggestion: false)
            }
            if !report.failures.isEmpty { throw ExitCode(65) }
            if !report.refused.isEmpty { throw ExitCode(1) }
        }
    }
}

/// One line on standard error, rewritten as pages are rendered; only on a terminal.
final class Progress {
    let enabled: Bool
    var shown = false
    var last = Date.distantPast
    init(enabled: Bool) { self.enabled = enabled }

    func show(_ done: Int, _ total: Int) {
        guard enabled, total >= 200 else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(last) > 0.1 else { return }
        last = now
        writeErr("\r\u{1B}[2KRendering debriefs: \(done) of \(total)")
        shown = true
    }

    func clear() {
        if shown { writeErr("\r\u{1B}[2K") }
    }
}
