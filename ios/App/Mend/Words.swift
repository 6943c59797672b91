// Every word the app's own screens say that is not the program's content, by name: each one
// read from the core's keyed catalogue (content/<code>/screens.toml, which the Android and
// desktop screens read too) through MendKit's ScreenWords, with Apple's own words where a
// screen names Face ID, Touch ID or the device passcode. No view carries text of its own
// (scripts/thin-apps.sh checks), so a translation is one more catalogue in the core.
import Foundation
import MendCore
import MendKit

/// The words of the app's own screens, from `w`.
struct Words: Sendable {
    private let w: ScreenWords

    init(_ words: ScreenWords = .device) {
        w = words
    }

    var appName: String { w["appName"] }
    var help: String { w["help"] }
    // Help offered after saving, its lines, and the quick exit.
    var openHelp: String { w["openHelp"] }
    func callLine(_ number: String) -> String { w.fill("callLine", ["number": number]) }
    func textLine(_ number: String) -> String { w.fill("textLine", ["number": number]) }
    func copyLine(_ number: String) -> String { w.fill("copyLine", ["number": number]) }
    var copied: String { w["copied"] }
    var quickExit: String { w["quickExit"] }
    var quickExitHint: String { w["quickExitHint"] }
    var back: String { w["back"] }
    var lock: String { w["lock"] }
    var busy: String { w["busy"] }
    var settings: String { w["settings"] }
    var cancel: String { w["cancel"] }
    // First run.
    var welcomeTitle: String { w["welcomeTitle"] }
    var welcomeText: String { w["welcomeText"] }
    var whoIsThisFor: String { w["whoIsThisFor"] }
    var repairingRole: String { w["repairingRole"] }
    var repairingRoleDetail: String { w["repairingRoleDetail"] }
    var hurtRole: String { w["hurtRole"] }
    var hurtRoleDetail: String { w["hurtRoleDetail"] }
    var screenLockTitle: String { w["screenLockTitle"] }
    var screenLockText: String { w["screenLockText"] }
    var screenLockCheckAgain: String { w["screenLockCheckAgain"] }
    var choosePasscodeTitle: String { w["choosePasscodeTitle"] }
    var choosePasscodeText: String { w["choosePasscodeText"] }
    var passcode: String { w["passcode"] }
    var passcodeAgain: String { w["passcodeAgain"] }
    var passcodesDiffer: String { w["passcodesDiffer"] }
    var createVault: String { w["createVault"] }
    var recoveryCodeTitle: String { w["recoveryCodeTitle"] }
    var recoveryCodeText: String { w["recoveryCodeText"] }
    var newRecoveryCodeText: String { w["newRecoveryCodeText"] }
    var keptRecoveryCode: String { w["keptRecoveryCode"] }

    func strength(_ strength: PasscodeStrength) -> String {
        switch strength {
        case .weak: w["strength.weak"]
        case .fair: w["strength.fair"]
        case .strong: w["strength.strong"]
        }
    }

    // Lock screen.
    var unlockTitle: String { w["unlockTitle"] }
    var unlock: String { w["unlock"] }
    var forgotPasscode: String { w["forgotPasscode"] }
    var recoverText: String { w["recoverText"] }
    var recoveryCode: String { w["recoveryCode"] }
    var newPasscode: String { w["newPasscode"] }
    var setNewPasscode: String { w["setNewPasscode"] }
    var interruptedAttempt: String { w["interruptedAttempt"] }
    var biometricUnlock: String { w["biometricUnlock"] }
    var biometricSwitchedOff: String { w["biometricSwitchedOff"] }
    /// The system's Face ID / Touch ID prompt: plain words, as a notification's are.
    var biometricReason: String { w["biometricPromptTitle"] }
    // Today.
    var today: String { w["today"] }
    var yourResponse: String { w["yourResponse"] }
    var done: String { w["done"] }
    var skip: String { w["skip"] }
    var another: String { w["another"] }
    var doneToday: String { w["doneToday"] }
    var skippedToday: String { w["skippedToday"] }

    /// What a prompt asks for and roughly how long it takes, in one line.
    func promptMeta(_ kind: PromptKind, _ minutes: Int32) -> String {
        let time = w.fill("aboutMinutes", count: max(1, Int(minutes)))
        let key = switch kind {
        case .action: "promptMeta.action"
        case .conversation: "promptMeta.conversation"
        case .reflection: "promptMeta.reflection"
        case .learn: "promptMeta.learn"
        case .minute: "promptMeta.minute"
        case .sitWith: "promptMeta.sitWith"
        }
        return w.fill(key, ["time": time])
    }

    // The program.
    var programRepairing: String { w["programRepairing"] }
    var programHurt: String { w["programHurt"] }
    var whyItMatters: String { w["whyItMatters"] }
    var practices: String { w["practices"] }
    var phrases: String { w["phrases"] }
    var cautions: String { w["cautions"] }
    var goingDeeper: String { w["goingDeeper"] }
    func partOfStep(_ step: Int32) -> String { w.fill("partOfStep", ["step": "\(step)"]) }
    var reflections: String { w["reflections"] }
    // Journal.
    var journal: String { w["journal"] }
    var newNote: String { w["newNote"] }
    var editNote: String { w["editNote"] }
    var searchNotes: String { w["searchNotes"] }
    var allSteps: String { w["allSteps"] }
    var nothingFound: String { w["nothingFound"] }
    var noNotesYet: String { w["noNotesYet"] }
    var showMore: String { w["showMore"] }
    var untitled: String { w["untitled"] }
    var noteTitle: String { w["noteTitle"] }
    var noteBody: String { w["noteBody"] }
    var saved: String { w["saved"] }
    var save: String { w["save"] }
    var discardChanges: String { w["discardChanges"] }
    var delete: String { w["delete"] }
    var keep: String { w["keep"] }
    var deleteNoteTitle: String { w["deleteNoteTitle"] }
    var deleteNoteText: String { w["deleteNoteText"] }
    var unsavedTitle: String { w["unsavedTitle"] }
    var unsavedText: String { w["unsavedText"] }
    var leaveUnsaved: String { w["leaveUnsaved"] }

    func stepLabel(_ number: Int32) -> String { w.fill("stepLabel", ["step": "\(number)"]) }

    // Progress and check-ins.
    var progress: String { w["progress"] }
    var checkInTitle: String { w["checkInTitle"] }
    var safety: String { w["safety"] }
    var trust: String { w["trust"] }
    var connection: String { w["connection"] }
    var checkInNote: String { w["checkInNote"] }
    var saveCheckIn: String { w["saveCheckIn"] }
    var practiceByFocus: String { w["practiceByFocus"] }
    var checkInTrends: String { w["checkInTrends"] }
    var milestones: String { w["milestones"] }
    var week: String { w["week"] }
    var score: String { w["score"] }
    var times: String { w["times"] }

    func score(_ label: String, _ value: Int32) -> String { w.fill("scoreShort", ["label": label, "value": "\(value)"]) }

    func checkedIn(_ safety: Int32, _ trust: Int32, _ connection: Int32) -> String {
        w.fill("checkedIn", ["safety": "\(safety)", "trust": "\(trust)", "connection": "\(connection)"])
    }

    func practisedDays(_ week: Int32, _ month: Int32) -> String {
        w.fill("practisedDays", ["week": "\(week)", "month": "\(month)"])
    }

    // Reminders.
    var reminders: String { w["toolName.reminders"] }
    var remindPractice: String { w["remindPractice"] }
    var remindCheckIn: String { w["remindCheckIn"] }
    var addReminder: String { w["addReminder"] }
    var comingUp: String { w["comingUp"] }
    var hour: String { w["hour"] }
    var minutes: String { w["minutes"] }
    var on: String { w["on"] }

    func reminderSummary(_ reminder: Reminder) -> String {
        let purpose = w[reminder.purpose == .practice ? "reminderPurpose.practice" : "reminderPurpose.checkIn"]
        let days = reminder.weekdays.map(weekday).joined(separator: " ")
        let time = String(format: "%02d:%02d", reminder.hour, reminder.minute)
        return w.fill(reminder.enabled ? "reminderSummary" : "reminderSummaryOff", ["purpose": purpose, "days": days, "time": time])
    }

    func weekday(_ day: Weekday) -> String {
        switch day {
        case .monday: w["weekdayShort.monday"]
        case .tuesday: w["weekdayShort.tuesday"]
        case .wednesday: w["weekdayShort.wednesday"]
        case .thursday: w["weekdayShort.thursday"]
        case .friday: w["weekdayShort.friday"]
        case .saturday: w["weekdayShort.saturday"]
        case .sunday: w["weekdayShort.sunday"]
        }
    }

    // Tools.
    var tools: String { w["tools"] }
    var writeNew: String { w["writeNew"] }
    var triggerWhat: String { w["triggerWhat"] }
    var triggerHelped: String { w["triggerHelped"] }
    var logIt: String { w["logIt"] }
    var questionText: String { w["questionText"] }
    var factQuestion: String { w["factQuestion"] }
    var meaningQuestion: String { w["meaningQuestion"] }
    var askedByPartner: String { w["askedByPartner"] }
    var askedByMe: String { w["askedByMe"] }
    var addQuestion: String { w["addQuestion"] }
    var theAnswer: String { w["theAnswer"] }
    var contactChannel: String { w["contactChannel"] }
    var contactWhat: String { w["contactWhat"] }
    var contactHandled: String { w["contactHandled"] }
    var contactTold: String { w["contactTold"] }
    var cutTieItem: String { w["cutTieItem"] }
    var addToList: String { w["addToList"] }
    var aNeed: String { w["aNeed"] }
    var aBoundary: String { w["aBoundary"] }
    var boundaryText: String { w["boundaryText"] }
    var agreedTogether: String { w["agreedTogether"] }
    var timePlan: String { w["timePlan"] }
    var timeAsked: String { w["timeAsked"] }
    var deleteEntryTitle: String { w["deleteEntryTitle"] }
    var deleteEntryText: String { w["deleteEntryText"] }

    func triggerIntensity(_ value: Int32) -> String { w.fill("triggerIntensity", ["intensity": "\(value)"]) }

    func toolName(_ kind: ToolKind) -> String { w["toolName." + toolKey(kind)] }

    func toolIntro(_ kind: ToolKind) -> String { w["toolIntro." + toolKey(kind)] }

    private func toolKey(_ kind: ToolKind) -> String {
        switch kind {
        case .triggers: "triggers"
        case .questions: "questions"
        case .contacts: "contacts"
        case .cutTies: "cutTies"
        case .remorseLetters: "remorseLetters"
        case .stories: "stories"
        case .validationNotes: "validationNotes"
        case .boundaries: "boundaries"
        case .timeTogether: "timeTogether"
        case .reminders: "reminders"
        case .checkIns: "checkIns"
        }
    }

    /// A flagged phrase and why it is worth another look, in the core's words.
    func flagged(_ flag: PhrasingFlag) -> String { w.fill("flagged", ["excerpt": flag.excerpt, "why": flag.label]) }

    /// One line for an entry: what it says, never more than the person wrote.
    func summary(_ entry: ToolEntry) -> String {
        switch entry {
        case .trigger(let t):
            t.helped.isEmpty
                ? w.fill("triggerSummary", ["what": t.what, "intensity": "\(t.intensity)"])
                : w.fill("triggerSummaryHelped", ["what": t.what, "intensity": "\(t.intensity)", "helped": t.helped])
        case .question(let q): q.answer.isEmpty ? q.text : w.fill("questionSummary", ["question": q.text, "answer": q.answer])
        case .worksheet(let ws): ws.sections.first { !$0.isEmpty } ?? untitled
        case .contact(let c):
            w.fill(
                (c.disclosedAt != nil ? "contactSummary.told" : "contactSummary.notTold") + (c.whatHappened.isEmpty ? "" : "What"),
                ["channel": c.channel, "what": c.whatHappened]
            )
        case .cutTie(let c): c.item
        case .boundary(let b): w.fill("boundarySummary", ["kind": b.isNeed ? aNeed : aBoundary, "text": b.text])
        case .timeTogether(let t): t.plan
        case .reminder(let r): reminderSummary(r)
        case .checkIn(let c): checkedIn(c.safety, c.trust, c.connection)
        }
    }

    // What an unlock found.
    var olderCopyText: String { w["olderCopyText"] }
    var unmatchedText: String { w["unmatchedText"] }
    var keepAsItIs: String { w["keepAsItIs"] }
    var settingsLostText: String { w["settingsLostText"] }

    func damagedText(_ count: Int32) -> String { w.fill("damagedText", count: Int(count)) }

    // Help.
    var helpTitle: String { w["helpTitle"] }
    func resourceChecked(_ day: String) -> String { w.fill("resourceChecked", ["day": day]) }
    func redFlagsFor(_ role: Role?) -> String {
        switch role {
        case nil: w["redFlagsFor.either"]
        case .hurt: w["redFlagsFor.hurt"]
        case .repairing: w["redFlagsFor.repairing"]
        }
    }
    // Settings.
    var autoLockTitle: String { w["autoLockTitle"] }
    var autoLockText: String { w["autoLockText"] }
    var biometricTitle: String { w["biometricTitle"] }
    var biometricText: String { w["biometricText"] }
    var discreetTitle: String { w["discreetTitle"] }
    var discreetText: String { w["discreetText"] }
    var discreetRepairingNote: String { w["discreetRepairingNote"] }
    var passcodeSection: String { w["passcodeSection"] }
    var changePasscode: String { w["changePasscode"] }
    var someoneMayKnow: String { w["someoneMayKnow"] }
    var newRecoveryCode: String { w["newRecoveryCode"] }
    var newRecoveryCodeAsked: String { w["newRecoveryCodeAsked"] }
    // Backups.
    var backupSection: String { w["backupSection"] }
    var backupText: String { w["backupText"] }
    var makeBackup: String { w["makeBackup"] }
    var backupPassphrase: String { w["backupPassphrase"] }
    var backupPassphraseAgain: String { w["backupPassphraseAgain"] }
    func backupPassphraseHint(_ n: Int) -> String { w.fill("backupPassphraseHint", count: n) }
    var passphrasesDiffer: String { w["passphrasesDiffer"] }
    var backingUp: String { w["backingUp"] }
    func backupDone(_ n: Int64) -> String { w.fill("backupDone", count: Int(n)) }
    func backupDeliveredTo(_ place: String) -> String { w.fill("backupDeliveredTo", ["place": place]) }
    var backupNotDelivered: String { w["backupNotDelivered"] }
    func backupLeftOut(_ n: Int32) -> String { w.fill("backupLeftOut", count: Int(n)) }
    var exportTitle: String { w["exportTitle"] }
    var exportText: String { w["exportText"] }
    var exportJson: String { w["exportJson"] }
    var exportMarkdown: String { w["exportMarkdown"] }
    func exportDeliveredTo(_ place: String) -> String { w.fill("exportDeliveredTo", ["place": place]) }
    var exportNotDelivered: String { w["exportNotDelivered"] }
    // The summary for a therapist.
    var summaryTitle: String { w["summaryTitle"] }
    var summaryText: String { w["summaryText"] }
    func summaryPeriod(_ weeks: Int32) -> String {
        weeks == 0 ? w["summaryPeriod.sinceStart"] : w.fill("summaryPeriod.weeks", count: Int(weeks))
    }
    var summaryPeriodLabel: String { w["summaryPeriodLabel"] }
    var summaryPractice: String { w["summaryPractice"] }
    var summaryCheckIns: String { w["summaryCheckIns"] }
    var summaryQuestions: String { w["summaryQuestions"] }
    var summaryNotes: String { w["summaryNotes"] }
    var summaryLetters: String { w["summaryLetters"] }
    var summaryPreview: String { w["summaryPreview"] }
    var summaryPrint: String { w["summaryPrint"] }
    var summaryHtml: String { w["summaryHtml"] }
    var summaryMarkdown: String { w["summaryMarkdown"] }
    func summaryDeliveredTo(_ place: String) -> String { w.fill("summaryDeliveredTo", ["place": place]) }
    var summaryNotDelivered: String { w["summaryNotDelivered"] }
    var restoreOffer: String { w["restoreOffer"] }
    var restoreTitle: String { w["restoreTitle"] }
    var restoreText: String { w["restoreText"] }
    var chooseBackup: String { w["chooseBackup"] }
    func backupChosen(_ name: String) -> String { w.fill("backupChosen", ["name": name]) }
    var restore: String { w["restore"] }
    var passcodeForThisDevice: String { w["passcodeForThisDevice"] }
    var restoring: String { w["restoring"] }
    var restoredCodeText: String { w["restoredCodeText"] }
    var eraseSection: String { w["eraseSection"] }
    var eraseText: String { w["eraseText"] }
    var erase: String { w["erase"] }
    var eraseConfirmTitle: String { w["eraseConfirmTitle"] }
    var eraseWord: String { w["eraseWord"] }
    var erasedText: String { w["erasedText"] }

    func eraseConfirmText(_ word: String) -> String { w.fill("eraseConfirmText", ["word": word]) }

    func autoLockChoice(_ seconds: Int32) -> String {
        switch seconds {
        case 0: w["autoLockChoice.atOnce"]
        case ..<60: w.fill("autoLockChoice.seconds", count: Int(seconds))
        default: w.fill("autoLockChoice.minutes", count: Int(seconds / 60))
        }
    }
}

/// The words for a refusal: fixed text and the numbers the core gave, never anything typed.
struct ProblemWords: Sendable {
    private let w: ScreenWords

    init(_ words: ScreenWords = .device) {
        w = words
    }

    func words(for problem: MendError, waitSeconds: Int = 0) -> String {
        switch problem {
        case .WrongPasscode(let left):
            left == 0 ? w["problem.wrongPasscodeLast"] : w.fill("problem.wrongPasscode", count: Int(left))
        case .WrongRecoveryCode: w["problem.wrongRecoveryCode"]
        case .TooManyAttempts: wait(max(1, waitSeconds))
        case .InvalidInput(_, let inputProblem):
            switch inputProblem {
            case .tooShort(let min, _): w.fill("problem.tooShort", count: Int(min))
            case .tooLong(let max, _): w.fill("problem.tooLong", count: Int(max))
            default: w["problem.invalid"]
            }
        case .DeviceKeyUnavailable: w["problem.deviceUnavailable"]
        case .DeviceKeyMissing: w["problem.deviceKeyMissing"]
        case .Damaged: w["problem.damaged"]
        case .StorageFull: w["problem.storageFull"]
        case .OlderCopy: w["problem.olderCopy"]
        case .Locked: w["problem.locked"]
        case .WrongBackupPassphrase: w["problem.wrongBackupPassphrase"]
        case .NotABackup: w["problem.notABackup"]
        case .NewerBackup: w["problem.newerBackup"]
        case .AlreadyExists: w["problem.alreadyExists"]
        default: w["problem.somethingElse"]
        }
    }

    /// A backup that fails its checks: said as such, not as damaged data in the space.
    var backupDamaged: String { w["problem.backupDamaged"] }

    func wait(_ seconds: Int) -> String {
        seconds < 90 ? w.fill("problem.waitSeconds", count: seconds) : w.fill("problem.waitMinutes", count: (seconds + 59) / 60)
    }
}
