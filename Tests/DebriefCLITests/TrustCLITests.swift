import Foundation
import XCTest

/// Whose debrief.yml applies: another user's (a shared /tmp, a colleague's folder) is passed over with one line
/// that says how to trust it, as git's safe.directory does; trusted by the environment or the user's own file,
/// it applies.
final class TrustCLITests: XCTestCase {
    var shared = ""
    let env = ["DEBRIEF_TODAY": "2026-11-23", "DEBRIEF_TRUSTED_ARCHIVES": ""]

    override func setUpWithError() throws {
        shared = try makeTempDir("debrief-shared")
        try "archive: 1\nagency: Mallory Ltd\nsignature: |\n  Pay to IBAN XX00 MALLORY\n".write(toFile: shared + "/debrief.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(chown(shared + "/debrief.yml", 4242, 4242), 0, "the tests run as root")
        try FileManager.default.createDirectory(atPath: shared + "/mine", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/examples/bank-deck.yml", toPath: shared + "/mine/deck.yml")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: shared) }

    func testAnotherUsersSettingsAreNotApplied() throws {
        let r = try debrief(["letter", "deck.yml", "--to", "md"], in: shared + "/mine", env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("MALLORY"), "another user's signature signs my letter")
        XCTAssertFalse(r.stdout.contains("Mallory Ltd"))
        XCTAssertEqual(r.stderr, "\(shared)/debrief.yml: warning: not applied: it belongs to another user (uid 4242); to trust it, set DEBRIEF_TRUSTED_ARCHIVES=\(shared) or add that folder to ~/.config/debrief/trusted\n")
    }

    func testTrustedByTheEnvironmentOrTheUsersOwnFile() throws {
        var trusted = env
        trusted["DEBRIEF_TRUSTED_ARCHIVES"] = "/elsewhere:" + shared
        var r = try debrief(["letter", "deck.yml", "--to", "md"], in: shared + "/mine", env: trusted)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("MALLORY"), r.stdout)
        XCTAssertEqual(r.stderr, "")

        let home = try makeTempDir("debrief-home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/debrief", withIntermediateDirectories: true)
        try "# folders whose debrief.yml I trust\n\(shared)\n".write(toFile: home + "/debrief/trusted", atomically: true, encoding: .utf8)
        var viaFile = env
        viaFile["XDG_CONFIG_HOME"] = home
        r = try debrief(["letter", "deck.yml", "--to", "md"], in: shared + "/mine", env: viaFile)
        XCTAssertTrue(r.stdout.contains("MALLORY"))
        XCTAssertEqual(r.stderr, "")
    }
}
