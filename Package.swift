// swift-tools-version:6.0
import PackageDescription

// No compiler warnings: every target of ours treats them as errors (dependencies are left alone).
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "debrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
        .library(name: "DebriefCore", targets: ["DebriefCore"]),
        .library(name: "DebriefRender", targets: ["DebriefRender"]),
        .library(name: "DebriefGuide", targets: ["DebriefGuide"]),
        .library(name: "DebriefChecks", targets: ["DebriefChecks"]),
        .library(name: "DebriefArchive", targets: ["DebriefArchive"]),
        .library(name: "DebriefSite", targets: ["DebriefSite"]),
        .library(name: "DebriefFuzzing", targets: ["DebriefFuzzing"]),
        .library(name: "DebriefImport", targets: ["DebriefImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from the system (Debian: libyaml-dev, libcmark-dev), one wrapper file each.
        .systemLibrary(name: "Cyaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "Cedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Snowball stemmers (Debian: libstemmer-dev, which ships no pkg-config file: the module map names the header).
        .systemLibrary(name: "Cstemmer", path: "Sources/Cstemmer", providers: [.apt(["libstemmer-dev"])]),
        // The one place cmark is touched: each text parsed once into a Swift value.
        .target(name: "DebriefMarkdown", dependencies: ["Ccmark"], swiftSettings: strict),
        // The record model, strict YAML, formats, the client view and its policy, the workspace, the stemmers.
        .target(name: "DebriefCore", dependencies: ["Cyaml", "DebriefMarkdown", "Cstemmer"], swiftSettings: strict),
        // Markdown, HTML, JSON and PDF renderings of a record view, and the letter.
        .target(name: "DebriefRender", dependencies: [
            "DebriefCore", "DebriefMarkdown",
        ], swiftSettings: strict),
        // The coaching checks, each with its own examples; word lists in templates/checks/.
        .target(name: "DebriefChecks", dependencies: ["DebriefCore"], swiftSettings: strict),
        // The archive across debriefs: lessons grouped by meaning (stemmed, word lists in templates/lessons/).
        .target(name: "DebriefArchive", dependencies: ["DebriefCore", "DebriefMarkdown", "DebriefRender"], swiftSettings: strict),
        // The archive as a static website (debrief site): pages, lists, the search index, incremental rebuilds.
        .target(name: "DebriefSite", dependencies: [
            "DebriefCore", "DebriefMarkdown", "DebriefRender", "DebriefArchive",
        ], swiftSettings: strict),
        // What the fuzzers (Fuzz/) feed and the tests replay: one entry per target.
        .target(name: "DebriefFuzzing", dependencies: ["DebriefCore", "DebriefMarkdown", "DebriefRender", "DebriefImport"], swiftSettings: strict),
        // `debrief import`: Markdown post-mortems (read through cmark's tree) into records of a format.
        .target(name: "DebriefImport", dependencies: ["DebriefCore", "DebriefMarkdown"], swiftSettings: strict),
        // The guided session: steps, prompts, the terminal (libedit) and a pipe.
        .target(name: "DebriefGuide", dependencies: ["DebriefCore", "Cedit"], swiftSettings: strict),
        // The thin command-line tool.
        .executableTarget(name: "debrief", dependencies: [
            "DebriefCore", "DebriefRender", "DebriefGuide", "DebriefChecks", "DebriefArchive", "DebriefSite", "DebriefImport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        // What every test target shares: the package root, the real executable, golden files.
        .target(name: "DebriefTestSupport", dependencies: ["DebriefCore"], path: "Tests/DebriefTestSupport", swiftSettings: strict),
        .testTarget(name: "DebriefCoreTests", dependencies: ["DebriefCore", "DebriefTestSupport"], swiftSettings: strict),
        .testTarget(name: "DebriefRenderTests", dependencies: ["DebriefCore", "DebriefRender", "DebriefMarkdown", "DebriefTestSupport"], swiftSettings: strict),
        .testTarget(name: "DebriefChecksTests", dependencies: ["DebriefCore", "DebriefChecks", "DebriefTestSupport"],
                    exclude: ["sets"], swiftSettings: strict),
        .testTarget(name: "DebriefGuideTests", dependencies: ["DebriefCore", "DebriefGuide", "DebriefTestSupport"], swiftSettings: strict),
        .testTarget(name: "DebriefArchiveTests", dependencies: ["DebriefCore", "DebriefArchive", "DebriefTestSupport"],
                    exclude: ["labelled.yml", "heldout.yml"], swiftSettings: strict),
        .testTarget(name: "DebriefSiteTests", dependencies: ["DebriefSite"], swiftSettings: strict),
        .testTarget(name: "DebriefImportTests", dependencies: ["DebriefImport", "DebriefCore", "DebriefTestSupport"],
                    exclude: ["fixtures"], swiftSettings: strict),
        .testTarget(name: "DebriefFuzzTests", dependencies: ["DebriefFuzzing", "DebriefTestSupport"], swiftSettings: strict),
        .testTarget(name: "DebriefCLITests", dependencies: ["DebriefCore", "DebriefChecks", "DebriefTestSupport"], swiftSettings: strict),
    ]
)
