import DebriefChecks
import DebriefCore
import XCTest

/// Every check's own examples: its documentation, and its tests.
final class ExampleTests: XCTestCase {
    func testRegistryHasTheChecksOnce() {
        let ids = CheckRegistry.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(Set(ids), Set(CheckID.allCases), "every check id has its check, and no more")
    }

    func testEveryCheckIsDocumented() {
        for check in CheckRegistry.all {
            let id = check.id.rawValue
            XCTAssertFalse(check.rule.isEmpty, id)
            XCTAssertFalse(check.rule.contains("\n"), "\(id): the rule is one line")
            XCTAssertGreaterThan(check.rationale.count, 60, id)
            XCTAssertFalse(check.triggering.isEmpty, "\(id) has no triggering example")
            XCTAssertFalse(check.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        }
    }

    func testTriggeringExamplesTrigger() throws {
        for check in CheckRegistry.all {
            for e in check.triggering {
                let record = try exampleRecord(e, for: check)
                let found = try findings(check, on: record).filter { $0.check == check.id }
                if e.record == nil {
                    XCTAssertTrue(found.contains { $0.section == e.section && $0.item == 1 && $0.severity != .info },
                                  "\(check.id) should trigger on: \(e.text)  (found: \(found.map(\.message)))")
                    let pos = record.items(in: e.section).first?.position
                    XCTAssertTrue(found.contains { $0.position == pos }, "\(check.id): the finding points at the item's text")
                } else {
                    XCTAssertFalse(found.isEmpty, "\(check.id) should trigger on: \(e.text)")
                }
            }
        }
    }

    func testNonTriggeringExamplesDoNot() throws {
        for check in CheckRegistry.all {
            for e in check.nonTriggering {
                let found = try findings(check, on: try exampleRecord(e, for: check)).filter { $0.check == check.id && $0.severity != .info }
                XCTAssertTrue(found.isEmpty, "\(check.id) should not trigger on: \(e.text) (found: \(found.map(\.message)))")
            }
        }
    }
}
