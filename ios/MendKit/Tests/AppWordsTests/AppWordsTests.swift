// The iOS app's word table (Words.swift, linked here from the app) against the core's
// catalogue: every word it names exists, counts and placeholders come out filled, and under
// the en-XA pseudo-locale every word is pseudo-translated, so none is written into the app.
import Foundation
import MendCore
import MendKit
import XCTest

final class AppWordsTests: XCTestCase {
    override func tearDown() {
        _ = ScreenWords(languageTag: "en")
        super.tearDown()
    }

    /// Every word the table makes, over the values the views pass.
    private func everything(_ w: Words, _ p: ProblemWords) -> [String] {
        let reminder = Reminder(purpose: .checkIn, weekdays: [.monday, .friday], hour: 7, minute: 5, enabled: false)
        let kinds: [PromptKind] = [.action, .conversation, .reflection, .learn, .minute, .sitWith]
        let tools: [ToolKind] = [.triggers, .questions, .contacts, .cutTies, .remorseLetters, .stories,
                                 .validationNotes, .boundaries, .timeTogether, .reminders, .checkIns]
        let days: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        let problems: [MendError] = [.WrongPasscode(attemptsLeft: 0), .WrongPasscode(attemptsLeft: 3), .Locked, .StorageFull, .NotABackup]
        var out = [w.appName, w.help, w.unlock, w.biometricUnlock, w.helpTitle, w.reminders, w.biometricReason, w.eraseWord]
        out += [PasscodeStrength.weak, .fair, .strong].map(w.strength)
        out += kinds.flatMap { [w.promptMeta($0, 1), w.promptMeta($0, 5)] }
        out += tools.flatMap { [w.toolName($0), w.toolIntro($0)] }
        out += days.map(w.weekday)
        out += [Role?.none, .hurt, .repairing].map(w.redFlagsFor)
        out += [Int32(0), 30, 60, 300].map(w.autoLockChoice)
        out += [Int32(0), 1, 12].map(w.summaryPeriod)
        out += [w.partOfStep(2), w.stepLabel(3), w.score("Trust", 4), w.checkedIn(3, 4, 5), w.practisedDays(4, 12)]
        out += [w.reminderSummary(reminder), w.triggerIntensity(6), w.damagedText(2), w.resourceChecked("2026-11-28")]
        out += [w.backupPassphraseHint(12), w.backupDone(1), w.backupDone(2), w.backupDeliveredTo("Files")]
        out += [w.backupLeftOut(1), w.exportDeliveredTo("Files"), w.summaryDeliveredTo("Files"), w.backupChosen("a.mendbackup")]
        out += [w.eraseConfirmText(w.eraseWord), p.wait(30), p.wait(300), p.backupDamaged]
        out += [w.openHelp, w.callLine("116123"), w.textLine("85258"), w.copyLine("116123"), w.copied, w.quickExit, w.quickExitHint]
        out += problems.map { p.words(for: $0) }
        return out
    }

    func testEveryWordTheTableNamesIsInTheCatalogue() {
        let made = everything(Words(ScreenWords(languageTag: "en")), ProblemWords(ScreenWords(languageTag: "en")))
        // An unknown key would show itself; a placeholder left unfilled would show its braces.
        for text in made {
            XCTAssertFalse(text.isEmpty)
            XCTAssertFalse(text.contains("{"), text)
            XCTAssertTrue(text.contains(" ") || text.first?.isUppercase == true, "a key, not a word: \(text)")
        }
        let w = Words(ScreenWords(languageTag: "en"))
        XCTAssertEqual(w.reminderSummary(Reminder(purpose: .practice, weekdays: [.monday], hour: 7, minute: 5, enabled: true)), "Practice, Mon, 07:05")
        XCTAssertEqual(w.biometricUnlock, "Use Face ID or Touch ID")
        XCTAssertEqual(w.callLine("116123"), "Call 116123")
        XCTAssertEqual(w.textLine("85258"), "Text 85258")
    }

    func testUnderThePseudoLocaleEveryWordIsPseudoTranslated() {
        let words = ScreenWords(languageTag: "en-XA")
        let made = everything(Words(words), ProblemWords(words))
        for text in made {
            XCTAssertTrue(text.contains("[") && text.contains("]"), "not from the catalogue: \(text)")
        }
    }
}
