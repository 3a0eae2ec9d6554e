// Shell completions (`debrief --generate-completion-script bash|zsh|fish`): format names, section ids,
// check ids and debrief files, read from the archive the shell is in.
import ArgumentParser
import DebriefCore
import Foundation

enum Complete {
    /// The workspace for completions: quiet, and empty when there is none.
    static func workspace() -> Workspace? {
        let env = ProcessInfo.processInfo.environment
        return try? Workspace.discover(from: FileManager.default.currentDirectoryPath,
                                       templates: Templates.locate(given: env["DEBRIEF_TEMPLATES"]), today: Day.systemToday(), trust: archiveTrust())
    }

    static func matching(_ words: [String], _ prefix: String) -> [String] {
        words.filter { $0.hasPrefix(prefix) }
    }

    /// The formats' ids.
    static let formats = CompletionKind.custom { _, _, prefix in
        matching(((try? workspace()?.formats())?.formats.map(\.id)) ?? [], prefix)
    }

    /// The list sections' ids of every format (add).
    static let sections = CompletionKind.custom { _, _, prefix in
        let ids = ((try? workspace()?.formats())?.formats.flatMap { $0.sections.filter { $0.kind.isList }.map(\.id) }) ?? []
        var seen = Set<String>()
        return matching(ids.filter { seen.insert($0).inserted }, prefix)
    }

    /// The check ids.
    static let checks = CompletionKind.list(CheckID.allCases.map(\.rawValue))

    /// Debrief files: the archive's records, relative to here, and any YAML file.
    static let debriefs = CompletionKind.custom { _, _, prefix in
        let files = workspace()?.archive.recordFiles().map(Archive.display) ?? []
        return matching(files, prefix)
    }
}
