// The thin command-line tool: options in, library calls, results to exit codes.
import ArgumentParser
import DebriefCore
import DebriefRender
import Foundation

@main
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Guide a team through a debrief after a project went wrong, check it, and render it for the team and the client.",
        discussion: """
        Every debrief is one YAML file in the archive's debriefs/ folder. Commands find the archive \
        by looking for debrief.yml upward from the current folder; without one, the current folder serves.

        Exit status: 0 success, 1 findings or a refused client render, 64 bad usage, 65 a record that \
        does not load, 66 a missing file, 69 Chromium missing (for PDF), 73 an output that cannot be written, \
        130 interrupted (the draft is saved).
        """,
        version: DebriefVersion.string,
        subcommands: [Init.self, New.self, Resume.self, Add.self, CheckCommand.self, ChecksCommand.self, Render.self, Letter.self, Formats.self]
    )
}

enum DebriefVersion {
    static let string = "0.1.0"
}

/// Runs a command body, turning the library's errors into one line on
/// standard error and the product's exit statuses.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as LoadError {
        fail(e.description, 65)
    } catch let e as MissingFileError {
        fail(e.description, 66)
    } catch let e as WriteError {
        fail(e.description, 73)
    } catch let e as ClientRenderRefused {
        fail(e.description, 1)
    } catch let e as RenderError {
        fail(e.description, 70)
    } catch let e as ChromiumMissing {
        fail(e.description, 69)
    } catch let e as PDFError {
        fail(e.description, 70)
    } catch let e as UsageError {
        fail("debrief: error: \(e.message)", 64)
    }
}

struct UsageError: Error { var message: String }

func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

func say(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

/// The archive for the current folder.
func currentArchive() throws -> Archive {
    try Archive.discover()
}

/// The record file named on the command line, or the archive's most recent one.
func resolveRecord(_ file: String?, in archive: Archive) throws -> String {
    if let file { return file }
    guard let latest = archive.mostRecentRecord() else {
        throw MissingFileError(path: archive.debriefsFolder + "/*.yml (no debrief in the archive; name a file)")
    }
    return latest
}
