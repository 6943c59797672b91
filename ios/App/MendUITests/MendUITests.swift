// Each role's life through the real app on a simulator, as the Android UI tests walk it:
// first run with the recovery code kept, today done with a response, a note written and
// found, a tool entry, a check-in, a reminder, the lock screen with a wrong then the right
// passcode, a passcode change, and erase; help while locked, the help card after a note that
// sounds dangerous, and the quick exit. Run on a Mac: see the README.
import XCTest

final class MendUITests: XCTestCase {
    private var app: XCUIApplication!

    override func setUp() {
        continueAfterFailure = false
        app = XCUIApplication()
        app.launchArguments = ["--ui-testing"]
        app.launch()
    }

    private func element(_ identifier: String) -> XCUIElement {
        app.descendants(matching: .any)[identifier].firstMatch
    }

    private func tap(_ identifier: String) {
        let target = element(identifier)
        XCTAssertTrue(target.waitForExistence(timeout: 20), identifier)
        target.tap()
    }

    private func type(_ identifier: String, _ text: String) {
        tap(identifier)
        element(identifier).typeText(text)
    }

    private func firstRun(role: String, passcode: String) -> String {
        tap(role)
        type("passcode", passcode)
        type("passcode-again", passcode)
        tap("create")
        let code = element("recovery-code")
        XCTAssertTrue(code.waitForExistence(timeout: 30))
        let shown = code.label
        tap("kept")
        return shown
    }

    private func practiseToday(_ response: String) {
        type("response", response)
        tap("done")
        XCTAssertTrue(element("outcome").waitForExistence(timeout: 20))
    }

    private func writeAndFindANote() {
        tap("tab-journal")
        tap("new-note")
        type("title", "After the walk")
        type("body", "We talked about the lighthouse trip.")
        tap("save")
        XCTAssertTrue(element("saved").waitForExistence(timeout: 20))
        tap("close")
        let search = app.searchFields.firstMatch
        XCTAssertTrue(search.waitForExistence(timeout: 20))
        search.tap()
        search.typeText("lighthouse")
        XCTAssertTrue(app.staticTexts["After the walk"].waitForExistence(timeout: 20))
    }

    private func checkIn() {
        tap("tab-progress")
        tap("save-check-in")
        XCTAssertTrue(element("checked-in").waitForExistence(timeout: 20))
    }

    private func addAReminder() {
        tap("tool-reminders")
        tap("add-reminder")
        XCTAssertTrue(element("reminder").waitForExistence(timeout: 20))
        app.navigationBars.buttons.firstMatch.tap()
    }

    private func lockThenUnlock(_ passcode: String) {
        tap("lock")
        type("passcode", "not-the-passcode")
        tap("unlock")
        XCTAssertTrue(element("problem").waitForExistence(timeout: 30))
        type("passcode", passcode)
        tap("unlock")
        XCTAssertTrue(element("tab-today").waitForExistence(timeout: 30))
    }

    private func changePasscodeThenErase(from old: String, to new: String) {
        tap("tab-settings")
        tap("change-passcode")
        type("current", old)
        type("passcode", new)
        type("passcode-again", new)
        tap("change")
        XCTAssertTrue(element("recovery-code").waitForExistence(timeout: 30))
        tap("kept")
        tap("erase")
        let word = app.alerts.textFields.firstMatch
        XCTAssertTrue(word.waitForExistence(timeout: 20))
        word.typeText("ERASE")
        app.alerts.buttons["confirm-erase"].tap()
        XCTAssertTrue(element("role-repairing").waitForExistence(timeout: 30), "back at the first screen")
    }

    func testTheRepairingPartnersLife() {
        _ = firstRun(role: "role-repairing", passcode: "first-passcode")
        practiseToday("I answered every question she asked tonight.")
        writeAndFindANote()
        tap("tab-tools")
        tap("tool-cutTies")
        type("cut-tie-item", "Delete the number")
        tap("add-cut-tie")
        XCTAssertTrue(element("entry").waitForExistence(timeout: 20))
        checkIn()
        addAReminder()
        lockThenUnlock("first-passcode")
        changePasscodeThenErase(from: "first-passcode", to: "second-passcode")
    }

    func testTheHurtPartnersLife() {
        _ = firstRun(role: "role-hurt", passcode: "first-passcode")
        practiseToday("I said what I needed tonight, and it was heard.")
        writeAndFindANote()
        tap("tab-tools")
        tap("tool-triggers")
        type("trigger-what", "A song on the radio")
        tap("add-trigger")
        XCTAssertTrue(element("entry").waitForExistence(timeout: 20))
        checkIn()
        addAReminder()
        lockThenUnlock("first-passcode")
        changePasscodeThenErase(from: "first-passcode", to: "second-passcode")
    }

    func testHelpIsOneTapAwayWhileLocked() {
        _ = firstRun(role: "role-repairing", passcode: "first-passcode")
        tap("lock")
        tap("help")
        XCTAssertTrue(element("get-help-now").waitForExistence(timeout: 20), "help opens on what to do now")
        XCTAssertTrue(element("help-intro").exists)
        tap("help-back")
        XCTAssertTrue(element("unlock").waitForExistence(timeout: 20))
    }

    func testANoteThatSoundsDangerousIsKeptWithHelpAndTheQuickExitLocks() {
        _ = firstRun(role: "role-hurt", passcode: "first-passcode")
        tap("tab-journal")
        tap("new-note")
        type("title", "Tonight")
        type("body", "I keep thinking about the pills in the cabinet")
        tap("save")
        XCTAssertTrue(element("help-offer").waitForExistence(timeout: 20), "help is offered")
        XCTAssertTrue(element("saved").exists, "the note is kept")
        tap("quick-exit")
        app.activate()
        XCTAssertTrue(element("unlock").waitForExistence(timeout: 30), "locked")
        XCTAssertFalse(app.staticTexts["Tonight"].exists, "nothing of the note stays on screen")
    }
}
