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
        try Data(html.utf8).write(to: input)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        var args = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                    "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", input.absoluteString]
        // Chromium refuses to run as root without this (CI and containers run as root).
        if geteuid() == 0 { args.insert("--no-sandbox", at: 0) }
        p.arguments = args
        let log = dir.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        p.standardOutput = logHandle
        p.standardError = logHandle
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw ChromiumMissing(tried: chromium) }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            throw PDFError(message: "Chromium did not finish printing within \(Int(timeout)) seconds")
        }
        try? logHandle.close()
        guard let data = FileManager.default.contents(atPath: output.path), data.count > 4, data.prefix(4) == Data("%PDF".utf8) else {
            let tail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            throw PDFError(message: "Chromium did not produce a PDF (exit \(p.terminationStatus))\(tail.isEmpty ? "" : ": \(tail)")")
        }
        return [UInt8](data)
    }
}
