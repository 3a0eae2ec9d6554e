// swift-tools-version:6.0
// The fuzzers: one libFuzzer executable per target of DebriefFuzzing. Built apart from the tool (they need
// -sanitize=fuzzer,address and libFuzzer's own main): `make fuzz` from the package root.
import PackageDescription

let targets = ["record", "quick-entry", "markdown-names", "render", "import"]

let package = Package(
    name: "debrief-fuzz",
    dependencies: [.package(name: "debrief", path: "..")],
    targets: targets.map { t in
        .executableTarget(name: "fuzz-\(t)", dependencies: [.product(name: "DebriefFuzzing", package: "debrief")],
                          path: "Sources/fuzz-\(t)")
    }
)
