// Options shared by the commands that look across archives (lessons, actions, site).
import ArgumentParser
import DebriefCore
import Foundation

struct ArchiveOptions: ParsableArguments {
    @Option(name: .customLong("archive"), help: ArgumentHelp("An archive to include (a folder with debrief.yml); give it more than once for several. Without it, the archive of the current folder.", valueName: "DIR"))
    var archives: [String] = []

    /// The workspaces to read: each archive given, or the current one.
    func workspaces() throws -> [Workspace] {
        guard !archives.isEmpty else { return [try currentWorkspace()] }
        let base = try currentWorkspace()
        return try archives.map { dir in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw MissingFileError(path: dir)
            }
            let ws = try Workspace.discover(from: dir, templates: base.templates, today: base.today, trust: archiveTrust())
            Diagnostics.report(ws.config.warnings)
            return ws
        }
    }
}
