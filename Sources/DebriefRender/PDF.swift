// PDF: the standalone HTML page printed by headless Chromium, when it is installed.
import DebriefCore
import Foundation

/// Chromium is needed and not there (exit 69).
public struct ChromiumMissing: Error, Sendable, CustomStringConvertible, Diagnosable {
    public init(tried: String?) { self.tried = tried }
    public var diagnostics: [Diagnostic] { [Diagnostic(message: description)] }
    public var tried: String?
    public var description: String {
        let what = tried.map { "Chromium was not found at \($0)" } ?? "PDF needs Chromium, which was not found on PATH"
        return "\(what). Install it (Debian or Ubuntu: sudo apt-get install chromium) or pass --chromium PATH; or render --to html and print that."
    }
}

public struct PDFError: Error, Sendable, CustomStringConvertible, Diagnosable {
    public var diagnostics: [Diagnostic] { [Diagnostic(message: message)] }
    public var message: String
    public var description: String { message }
}

public enum PDFPrinter {
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

    /// The Chromium to use: the one given (the executable passes `--chromium`, else `$DEBRIEF_CHROMIUM`),
    /// or the first on `searchPath` (the executable passes `$PATH`).
    public static func findChromium(_ given: String? = nil, searchPath: String?) throws -> String {
        if let given, !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else { throw ChromiumMissing(tried: given) }
            return given
        }
        let path = searchPath ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for n in names {
                let p = "\(dir)/\(n)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        throw ChromiumMissing(tried: nil)
    }

    /// Prints `html` to PDF bytes.
    public static func pdf(html: String, chromium: String, timeout: TimeInterval = 90) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("page.html")
        let output = dir.appendingPathComponent("page.pdf")
        // The page is printed from a private folder: a relative link would point into it, so it keeps its text only.
        try Data(withoutRelativeLinks(html).utf8).write(to: input)

        var args = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                    "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", input.absoluteString]
        // Chromium refuses to run as root without this (CI and containers run as root).
        if geteuid() == 0 { args.insert("--no-sandbox", at: 0) }
        let log = dir.appendingPathComponent("chromium.log")
        let status = try run(chromium, args, log: log.path, timeout: timeout)
        guard let status else { throw PDFError(message: "Chromium did not finish printing within \(Int(timeout)) seconds") }
        guard let data = FileManager.default.contents(atPath: output.path), data.count > 4, data.prefix(4) == Data("%PDF".utf8) else {
            let tail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            throw PDFError(message: "Chromium did not produce a PDF (exit \(status))\(tail.isEmpty ? "" : ": \(tail)")")
        }
        return [UInt8](data)
    }

    /// Runs Chromium in a process group of its own, output to `log`; its exit status, or nil when it did not finish
    /// within `timeout` seconds. Either way, every process left in its group is killed: a hung Chromium and the
    /// helpers it started never outlive the command.
    static func run(_ program: String, _ args: [String], log: String, timeout: TimeInterval) throws -> Int32? {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([program] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, program, &actions, &attr, argv, environ) == 0 else { throw ChromiumMissing(tried: program) }
        defer { kill(-pid, SIGKILL) }   // the whole group, whatever happened
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F) }
            if r < 0 && errno != EINTR { return -1 }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
    }

    /// The page with every relative link (not `#fragment`, not `scheme:`) turned into plain text: printed from a
    /// temporary folder, it would point there. The HTML is the renderer's own: attribute values never hold `"`.
    static func withoutRelativeLinks(_ html: String) -> String {
        guard html.contains("<a href=\"") else { return html }
        var out = ""
        var rest = Substring(html)
        while let r = rest.range(of: "<a href=\"") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { out += rest[r.lowerBound...]; return out }
            let target = after[..<end]
            let colon = target.firstIndex(of: ":"), slash = target.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
            let hasScheme = colon != nil && (slash == nil || colon! < slash!)
            if target.hasPrefix("#") || hasScheme {
                out += rest[r.lowerBound...end]
            } else {
                out += "<a"   // the text stays; the link to the private folder goes
            }
            rest = after[after.index(after: end)...]
        }
        out += rest
        return out
    }
}
