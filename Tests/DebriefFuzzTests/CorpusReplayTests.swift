import DebriefFuzzing
import DebriefTestSupport
import Foundation
import XCTest

/// Every input in the fuzzers' corpus (Fuzz/corpus/TARGET/, seeds and every input that ever failed) goes through
/// its target again: none may crash or hang.
final class CorpusReplayTests: XCTestCase {
    func testEveryCorpusInputRunsClean() throws {
        var total = 0
        for target in FuzzEntries.targets {
            let dir = packageRoot + "/Fuzz/corpus/" + target
            let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            XCTAssertFalse(names.isEmpty, "no corpus for \(target)")
            for name in names {
                let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
                let started = Date()
                FuzzEntries.run(target, data)
                XCTAssertLessThan(Date().timeIntervalSince(started), 10, "\(target)/\(name) took too long")
                total += 1
            }
        }
        print("CorpusReplayTests: \(total) inputs replayed")
    }
}
