// `debrief lessons`: every lesson across the archive, grouped so that the same rule written differently
// lands in one group. The work is DebriefArchive's LessonGrouper; this file wires the options and prints.
import ArgumentParser
import DebriefArchive
import DebriefCore
import Foundation

enum LessonsFormat: String, ExpressibleByArgument, CaseIterable { case text, json, md }

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Every lesson across the archive, grouped so that the same rule written differently is one lesson, with how often and when it was learned.",
        discussion: """
        Lessons are grouped by their words: the plain text of each lesson, in lower case and without accents \
        or punctuation, without stop words and modal verbs (templates/lessons/stopwords.yml), each word stemmed \
        in the debrief's language. Two lessons are one when the stems they share, or the character trigrams \
        of their words, make up at least 60% of all they hold together (Jaccard similarity 0.6). \
        "We review every brief with the client in person" and "Every brief is reviewed with the client in \
        person." are one lesson; "We review every invoice with finance" is another.

        Each lesson shows how many debriefs learned it, when first and last, its tags and the debriefs. A \
        lesson learned in two debriefs or more is recurring; one learned again after a debrief whose done \
        action carried it out (a shared tag, or two words in common) came back. Internal lessons are listed \
        and marked: this list is for the team.

        An archive pins what the words get wrong in lessons.yml beside debrief.yml:

            same:
              - [We confirm every agreement in writing., Nothing agreed by phone counts.]
            apart:
              - [We review every brief in person., We review every invoice in person.]

        Each entry is a list of two lesson texts or more (case, accents and punctuation do not matter): \
        `same` makes them one lesson, `apart` keeps them in different ones.

        Exit status: 0, or 65 when a debrief or lessons.yml does not load (the debriefs that load are \
        still listed).
        """)

    @Option(name: .long, help: ArgumentHelp("Only lessons carrying this tag (with or without '#', any case).", valueName: "TAG"))
    var tag: String?

    @Option(name: .long, help: ArgumentHelp("Only lessons whose words hold all of these words, in any form of each word (\"reviewing briefs\" finds \"we review every brief\").", valueName: "WORDS"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("Only lessons from debriefs dated on or after this day (YYYY-MM-DD).", valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: "The output: text (to read in a terminal), md (a Markdown document) or json (an array of lessons with the keys lesson, count, tags, debriefs, first, last, recurring and cameBack).")
    var format: LessonsFormat = .text

    @OptionGroup var archives: ArchiveOptions

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output. The file is replaced atomically.")
    var output: String?

    func validate() throws {
        if let since, Day(since) == nil { throw ValidationError("--since: expected a date as YYYY-MM-DD, found '\(since)'") }
        if let tag, Tags.normalised(tag) == nil { throw ValidationError("--tag: give a tag") }
    }

    func run() throws {
        try runReporting {
            let workspaces = try archives.workspaces()
            let lists = try LessonWordLists.load(templates: workspaces[0].templates)
            var sources: [LessonSource] = []
            var pins: [LessonPins] = []
            var failures: [Diagnostic] = []
            var roots = Set<String>()
            for ws in workspaces where roots.insert(ws.archive.root).inserted {
                let snapshot = try ws.archiveIndex()
                failures += snapshot.failures.flatMap(\.diagnostics)
                let internalTags = LessonSource.internalTagKeys(ws.config.internalTags)
                for r in snapshot.records {
                    sources.append(LessonSource(record: r, display: Archive.display(r.path), internalTagKeys: internalTags))
                }
                do {
                    if let p = try LessonPins.load(archiveRoot: ws.archive.root) { pins.append(p) }
                } catch let e as LoadError {
                    failures += e.diagnostics
                }
            }
            let grouper = LessonGrouper(lists: lists)
            let grouping = grouper.group(sources, pins: pins, since: since.flatMap(Day.init))
            let groups = grouping.groups(tag: tag, search: search)
            let filtered = tag != nil || search != nil || since != nil
            switch format {
            case .text: try emit(LessonsReport.text(groups, debriefs: grouping.debriefCount, filtered: filtered), to: output)
            case .md: try emit(LessonsReport.markdown(groups, debriefs: grouping.debriefCount, filtered: filtered), to: output)
            case .json: try emit(LessonsReport.json(groups), to: output)
            }
            keepUntilExit(workspaces, sources, grouping, groups)
            // What did not load, and pins that name no lesson, are reported once; the rest has answered.
            Diagnostics.report(failures + grouping.warnings)
            if !failures.isEmpty { throw ExitCode(65) }
        }
    }
}
