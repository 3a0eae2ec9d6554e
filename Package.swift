// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "debrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
        .library(name: "DebriefCore", targets: ["DebriefCore"]),
        .library(name: "DebriefRender", targets: ["DebriefRender"]),
        .library(name: "DebriefGuide", targets: ["DebriefGuide"]),
        .library(name: "DebriefChecks", targets: ["DebriefChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries from the system (Debian: libyaml-dev, libcmark-dev), one wrapper file each.
        .systemLibrary(name: "Cyaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "Cedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The record model, YAML reading and writing, formats, the archive.
        .target(name: "DebriefCore", dependencies: ["Cyaml"]),
        // Markdown, HTML and JSON renderings, audiences.
        .target(name: "DebriefRender", dependencies: [
            "DebriefCore", "Ccmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The coaching checks, each with its own examples; word lists in templates/checks/.
        .target(name: "DebriefChecks", dependencies: ["DebriefCore"]),
        // The guided session: steps, prompts, the terminal (libedit) and a pipe.
        .target(name: "DebriefGuide", dependencies: ["DebriefCore", "Cedit"]),
        // The thin command-line tool.
        .executableTarget(name: "debrief", dependencies: [
            "DebriefCore", "DebriefRender", "DebriefGuide", "DebriefChecks",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "DebriefCoreTests", dependencies: ["DebriefCore"]),
        .testTarget(name: "DebriefRenderTests", dependencies: ["DebriefCore", "DebriefRender"]),
        .testTarget(name: "DebriefChecksTests", dependencies: ["DebriefCore", "DebriefChecks"]),
        .testTarget(name: "DebriefGuideTests", dependencies: ["DebriefCore", "DebriefGuide"]),
        .testTarget(name: "DebriefCLITests", dependencies: ["DebriefCore"]),
    ]
)
