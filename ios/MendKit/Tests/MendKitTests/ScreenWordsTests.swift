// The iOS screens' words come from the core's catalogue: Apple's own words where a screen
// names Face ID or the device passcode, counts in the core's plural forms, placeholders
// filled, and every word pseudo-translated under en-XA.
import Foundation
import MendCore
import MendKit
import XCTest

final class ScreenWordsTests: XCTestCase {
    override func tearDown() {
        _ = ScreenWords(languageTag: "en")
        super.tearDown()
    }

    func testApplesDevicesGetTheirOwnWordsAndTheRestAreShared() {
        let apple = ScreenWords(languageTag: "en")
        let standard = ScreenWords(languageTag: "en", devices: .standard)
        XCTAssertEqual(apple["biometricUnlock"], "Use Face ID or Touch ID")
        XCTAssertEqual(standard["biometricUnlock"], "Use fingerprint or face")
        XCTAssertEqual(apple["unlock"], standard["unlock"])
        XCTAssertEqual(apple["unlock"], "Unlock")
    }

    func testCountsPickTheirFormAndPlaceholdersAreFilled() {
        let words = ScreenWords(languageTag: "en-GB")
        XCTAssertEqual(words.fill("backupDone", count: 1), "Your backup holds 1 record.")
        XCTAssertEqual(words.fill("backupDone", count: 3), "Your backup holds 3 records.")
        XCTAssertEqual(words.fill("backupDeliveredTo", ["place": "Files"]), "Saved to Files.")
        XCTAssertEqual(words.fill("reminderSummary", ["purpose": "Practice", "days": "Mon", "time": "07:05"]), "Practice, Mon, 07:05")
        // An unknown key shows itself (the word tables are checked against the catalogue).
        XCTAssertEqual(words["noSuchWord"], "noSuchWord")
    }

    func testThePseudoLocaleTranslatesEveryWordButNotWhatFillsIt() {
        let words = ScreenWords(languageTag: "en-XA")
        XCTAssertEqual(words.fill("backupDeliveredTo", ["place": "Files"]), "[Sávéd tó Files. ~ ~]")
        XCTAssertTrue(words["unlock"].hasPrefix("[") && words["unlock"].hasSuffix("]"), words["unlock"])
    }
}
