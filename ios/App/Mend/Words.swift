// Every word the app's own screens say that is not the program's content (which comes from
// the core): one place, the same English as the Android and desktop screens, so no view
// carries text of its own and a translation is one new instance.
import Foundation
import MendCore

/// The words of the app's own screens.
struct Words: Sendable {
    let appName = "Mend"
    let help = "Help"
    let back = "Back"
    let lock = "Lock now"
    let busy = "Working…"
    let settings = "Settings"
    let cancel = "Cancel"
    // First run.
    let welcomeTitle = "Welcome"
    let welcomeText = "Mend is private: everything you write stays on this device, locked with a passcode only you know."
    let whoIsThisFor = "Who is this space for?"
    let repairingRole = "I had the affair and want to help us heal"
    let repairingRoleDetail = "Six steps to practise, with daily prompts and tools."
    let hurtRole = "I was hurt and want a private place for me"
    let hurtRoleDetail = "Space for your feelings, your questions and your pace."
    let screenLockTitle = "First, a device passcode"
    let screenLockText = "Your space is protected by a key this device only uses while it is unlocked. That needs a device passcode. Set one in Settings, then come back here."
    let screenLockCheckAgain = "I have set one"
    let choosePasscodeTitle = "Choose a passcode"
    let choosePasscodeText = "Pick something others could not guess, not the device's passcode. A longer passcode is stronger."
    let passcode = "Passcode"
    let passcodeAgain = "The same passcode again"
    let passcodesDiffer = "The two passcodes are not the same. Please type them again."
    let createVault = "Create my private space"
    let recoveryCodeTitle = "Your recovery code"
    let recoveryCodeText = "If you ever forget your passcode, this code is the only way back in. Write it down and keep it somewhere only you can reach. It will not be shown again."
    let newRecoveryCodeText = "The last recovery code was never confirmed as kept, so here is a new one. The old one no longer works."
    let keptRecoveryCode = "I have written it down"

    func strength(_ strength: PasscodeStrength) -> String {
        switch strength {
        case .weak: "Easy to guess: someone close to you might try this."
        case .fair: "Hard to guess in a few tries. Longer would be stronger."
        case .strong: "Strong."
        }
    }

    // Lock screen.
    let unlockTitle = "Welcome back"
    let unlock = "Unlock"
    let forgotPasscode = "Forgot passcode"
    let recoverText = "Type the recovery code you wrote down, then choose a new passcode. You will get a new recovery code."
    let recoveryCode = "Recovery code"
    let newPasscode = "New passcode"
    let setNewPasscode = "Set the new passcode"
    let interruptedAttempt = "An earlier unlock was interrupted and counted as a try, so even the right passcode has to wait."
    let biometricUnlock = "Use Face ID or Touch ID"
    let biometricSwitchedOff = "Face ID and Touch ID unlock was switched off because the faces or fingerprints on this device changed. Use your passcode; you can switch it on again in settings."
    /// The system's Face ID / Touch ID prompt: plain words, as a notification's are.
    let biometricReason = "Unlock"
    // Today.
    let today = "Today"
    let yourResponse = "Your response (optional)"
    let done = "Done"
    let skip = "Not today"
    let another = "Another prompt"
    let doneToday = "Done for today. Thank you for showing up."
    let skippedToday = "Skipped. Tomorrow brings a new one."

    /// What a prompt asks for and roughly how long it takes, in one line.
    func promptMeta(_ kind: PromptKind, _ minutes: Int32) -> String {
        let time = minutes <= 1 ? "about a minute" : "about \(minutes) minutes"
        switch kind {
        case .action: return "Something to do, \(time)"
        case .conversation: return "Something to talk about, \(time)"
        case .reflection: return "Something to think or write about, \(time)"
        case .learn: return "Something to read, \(time)"
        case .minute: return "A practice of about a minute"
        case .sitWith: return "A question to carry with you today"
        }
    }

    // The program.
    let programRepairing = "Six steps"
    let programHurt = "For you"
    let whyItMatters = "Why it matters"
    let practices = "Things to practise"
    let phrases = "Words to start from (make them your own)"
    let cautions = "Go gently"
    let goingDeeper = "Going deeper"
    func partOfStep(_ step: Int32) -> String { "Part of step \(step)" }
    let reflections = "To reflect on"
    // Journal.
    let journal = "Journal"
    let newNote = "New note"
    let editNote = "Note"
    let searchNotes = "Search your notes"
    let allSteps = "All"
    let nothingFound = "No notes match. Try other words or filters."
    let noNotesYet = "No notes yet. Whatever you write stays here, private."
    let showMore = "Show more"
    let untitled = "Untitled"
    let noteTitle = "Title"
    let noteBody = "Your note"
    let saved = "Saved"
    let save = "Save"
    let discardChanges = "Discard changes"
    let delete = "Delete"
    let keep = "Keep it"
    let deleteNoteTitle = "Delete this note?"
    let deleteNoteText = "It will be gone for good, from this device and from every copy of your space."
    let unsavedTitle = "Keep what you wrote?"
    let unsavedText = "This note has changes that are not saved yet."
    let leaveUnsaved = "Leave without saving"

    func stepLabel(_ number: Int32) -> String { "Step \(number)" }

    // Progress and check-ins.
    let progress = "Progress"
    let checkInTitle = "Today's check-in"
    let safety = "Safety"
    let trust = "Trust"
    let connection = "Connection"
    let checkInNote = "A word about today (optional)"
    let saveCheckIn = "Save check-in"
    let practiceByFocus = "Practice so far"
    let checkInTrends = "Check-ins, week by week"
    let milestones = "Milestones"
    let week = "Week"
    let score = "Score"
    let times = "Times"

    func score(_ label: String, _ value: Int32) -> String { "\(label): \(value)" }

    func checkedIn(_ safety: Int32, _ trust: Int32, _ connection: Int32) -> String {
        "Checked in today: safety \(safety), trust \(trust), connection \(connection)."
    }

    func practisedDays(_ week: Int32, _ month: Int32) -> String {
        "You practised on \(week) of the last 7 days, and \(month) of the last 28."
    }

    // Reminders.
    let reminders = "Reminders"
    let remindPractice = "Today's practice"
    let remindCheckIn = "The daily check-in"
    let addReminder = "Add the reminder"
    let comingUp = "Coming up"
    let hour = "Hour"
    let minutes = "Minutes"
    let on = "On"

    func reminderSummary(_ reminder: Reminder) -> String {
        let what = reminder.purpose == .practice ? "Practice" : "Check-in"
        let days = reminder.weekdays.map(weekday).joined(separator: " ")
        let off = reminder.enabled ? "" : " (off)"
        return String(format: "%@, %@, %02d:%02d%@", what, days, reminder.hour, reminder.minute, off)
    }

    func weekday(_ day: Weekday) -> String {
        switch day {
        case .monday: "Mon"
        case .tuesday: "Tue"
        case .wednesday: "Wed"
        case .thursday: "Thu"
        case .friday: "Fri"
        case .saturday: "Sat"
        case .sunday: "Sun"
        }
    }

    // Tools.
    let tools = "Tools"
    let writeNew = "Write a new one"
    let triggerWhat = "What set it off"
    let triggerHelped = "What helped, even a little (optional)"
    let logIt = "Log it"
    let questionText = "The question"
    let factQuestion = "A fact (what, when, who)"
    let meaningQuestion = "A meaning (why, what it says)"
    let askedByPartner = "My partner asks"
    let askedByMe = "I ask"
    let addQuestion = "Add the question"
    let theAnswer = "The answer"
    let contactChannel = "How (a message, a call, in person…)"
    let contactWhat = "What happened (optional)"
    let contactHandled = "How you handled it (optional)"
    let contactTold = "I have told my partner"
    let cutTieItem = "Something to end (a number to delete, a route to avoid…)"
    let addToList = "Add"
    let aNeed = "A need"
    let aBoundary = "A boundary"
    let boundaryText = "In your words"
    let agreedTogether = "Agreed together"
    let timePlan = "What you would like to do together"
    let timeAsked = "I have asked"
    let deleteEntryTitle = "Delete this entry?"
    let deleteEntryText = "It will be gone for good."

    func triggerIntensity(_ value: Int32) -> String { "How strong: \(value)" }

    func toolName(_ kind: ToolKind) -> String {
        switch kind {
        case .triggers: "Trigger log"
        case .questions: "Questions"
        case .contacts: "No-contact log"
        case .cutTies: "Cutting ties"
        case .remorseLetters: "Remorse letter"
        case .stories: "Telling your story"
        case .validationNotes: "Validation notes"
        case .boundaries: "Needs and boundaries"
        case .timeTogether: "Time together"
        case .reminders: "Reminders"
        case .checkIns: "Check-ins"
        }
    }

    func toolIntro(_ kind: ToolKind) -> String {
        switch kind {
        case .triggers: "When something sets off the hurt, note what it was, how strong, and anything that helped."
        case .questions: "Questions asked, or waiting to be asked, and the answers given."
        case .remorseLetters: "A letter that names the harm without excuses. Words worth another look are underlined."
        case .stories: "Working out, in writing, how it came to happen, to share when your partner wants to hear it."
        case .validationNotes: "What your partner said they feel, in your words, and what you said back."
        case .contacts: "Any contact with the affair partner, or an attempt at one, and whether you told your partner."
        case .cutTies: "Everything that still connects you to the affair, ticked off as you end it."
        case .boundaries: "What each of you needs to feel safe, and the limits you agree on together."
        case .timeTogether: "Small invitations to spend time together. Every answer, even no, is respected."
        case .reminders: "A gentle nudge at a time you choose. The notification never says what it is about."
        case .checkIns: "How safe, trusting and connected you feel today."
        }
    }

    /// A flagged phrase and why it is worth another look, in the core's words.
    func flagged(_ flag: PhrasingFlag) -> String { "“\(flag.excerpt)”: \(flag.label)" }
    let openHelpNow = "Open help now"

    /// One line for an entry: what it says, never more than the person wrote.
    func summary(_ entry: ToolEntry) -> String {
        switch entry {
        case .trigger(let t): "\(t.what) — \(t.intensity)" + (t.helped.isEmpty ? "" : "\nHelped: \(t.helped)")
        case .question(let q): q.text + (q.answer.isEmpty ? "" : "\n— \(q.answer)")
        case .worksheet(let w): w.sections.first { !$0.isEmpty } ?? untitled
        case .contact(let c): c.channel + (c.whatHappened.isEmpty ? "" : ": \(c.whatHappened)")
            + (c.disclosedAt != nil ? " — told" : " — not told yet")
        case .cutTie(let c): c.item
        case .boundary(let b): (b.isNeed ? aNeed : aBoundary) + ": " + b.text
        case .timeTogether(let t): t.plan
        case .reminder(let r): reminderSummary(r)
        case .checkIn(let c): checkedIn(c.safety, c.trust, c.connection)
        }
    }

    // What an unlock found.
    let olderCopyText = "This is an older copy of your space (restored from a backup or copied back), so it can be read but not changed. If you restored it on purpose, keep it as it is."
    let unmatchedText = "Some records are not the ones your space last saved: some may be missing, older, or back after being deleted. What can be read is shown."
    let keepAsItIs = "Keep it as it is"
    let settingsLostText = "Your space's settings could not be read, so Mend does not know whose space this is. Your notes are safe. Please choose again."

    func damagedText(_ count: Int32) -> String {
        count == 1 ? "1 record could not be read and is left out." : "\(count) records could not be read and are left out."
    }

    // Help.
    let helpTitle = "Help"
    func resourceChecked(_ day: String) -> String { "Details checked on \(day)" }
    func redFlagsFor(_ role: Role?) -> String {
        switch role {
        case nil: "For either of you"
        case .hurt: "If you were hurt"
        case .repairing: "If you had the affair"
        }
    }
    // Settings.
    let autoLockTitle = "Lock when away"
    let autoLockText = "How long Mend may stay in the background before it locks itself."
    let biometricTitle = "Unlock with Face ID or Touch ID"
    let biometricText = "Your passcode always works too. Changing your passcode, or the faces and fingerprints on this device, switches this off."
    let discreetTitle = "Discreet mode"
    let discreetText = "Show this app with a plain icon on this device, so a glance at the screen says nothing."
    let passcodeSection = "Passcode and recovery"
    let changePasscode = "Change passcode"
    let someoneMayKnow = "Someone may know my passcode"
    let newRecoveryCode = "New recovery code"
    let newRecoveryCodeAsked = "Here is your new recovery code. The old one no longer works. Write it down and keep it somewhere only you can reach."
    // Backups.
    let backupSection = "Backup and export"
    let backupText = "A backup carries your whole space to a new phone. It is sealed with a passphrase you choose now, so keep the passphrase apart from the file: without it, no one can open the backup, not even you."
    let makeBackup = "Make a backup"
    let backupPassphrase = "Backup passphrase"
    let backupPassphraseAgain = "The same passphrase again"
    func backupPassphraseHint(_ n: Int) -> String { "At least \(n) characters. A few words only you would put together work well." }
    let passphrasesDiffer = "Those two passphrases are not the same. Please type them again."
    let backingUp = "Sealing your backup…"
    func backupDone(_ n: Int64) -> String { n == 1 ? "Your backup holds 1 record." : "Your backup holds \(n) records." }
    func backupDeliveredTo(_ place: String) -> String { "Saved to \(place)." }
    let backupNotDelivered = "The backup was made but not saved anywhere. Try again when you are ready."
    func backupLeftOut(_ n: Int32) -> String { n == 1 ? "1 damaged record could not be read and was left out." : "\(n) damaged records could not be read and were left out." }
    let exportTitle = "Export everything"
    let exportText = "An export is a copy of everything you wrote, and it is NOT protected: anyone who opens the file can read it. Save it only somewhere you trust, and delete it when you no longer need it."
    let exportJson = "Export for other programs (JSON)"
    let exportMarkdown = "Export to read (Markdown)"
    func exportDeliveredTo(_ place: String) -> String { "Saved to \(place). Remember that it is not protected." }
    let exportNotDelivered = "The export was not saved anywhere."
    // The summary for a therapist.
    let summaryTitle = "A summary for a session"
    let summaryText = "Choose what to bring to your therapist. Only what you pick goes in, and the file is not protected: share it only with whom you choose."
    func summaryPeriod(_ weeks: Int32) -> String { weeks == 0 ? "Since the start" : "Last \(weeks) weeks" }
    let summaryPeriodLabel = "Period"
    let summaryPractice = "Practice and progress"
    let summaryCheckIns = "Check-in trends"
    let summaryQuestions = "Answered questions"
    let summaryNotes = "Notes to include"
    let summaryLetters = "Letters and worksheets to include"
    let summaryPreview = "Preview"
    let summaryPrint = "Print or save as PDF"
    let summaryHtml = "Save as a printable page"
    let summaryMarkdown = "Save as Markdown"
    func summaryDeliveredTo(_ place: String) -> String { "Saved to \(place)." }
    let summaryNotDelivered = "The summary was not saved anywhere."
    let restoreOffer = "I have a backup from another device"
    let restoreTitle = "Restore a backup"
    let restoreText = "Choose your backup file and type the passphrase you sealed it with. Then choose a passcode for this device. You will get a new recovery code."
    let chooseBackup = "Choose the backup file"
    func backupChosen(_ name: String) -> String { "Backup: \(name)" }
    let restore = "Restore"
    let passcodeForThisDevice = "A passcode for this device"
    let restoring = "Restoring your space…"
    let restoredCodeText = "Your space is restored on this device. Here is its new recovery code: write it down and keep it somewhere only you can reach."
    let eraseSection = "Erase"
    let eraseText = "Erasing removes everything in this space from this device, for good. No one can bring it back."
    let erase = "Erase everything"
    let eraseConfirmTitle = "Erase everything?"
    let eraseWord = "ERASE"
    let erasedText = "This space was erased. Nothing of it is left on this device."

    func eraseConfirmText(_ word: String) -> String { "This cannot be undone. To go ahead, type \(word) below." }

    func autoLockChoice(_ seconds: Int32) -> String {
        switch seconds {
        case 0: "At once"
        case 60: "After 1 minute"
        case ..<60: "After \(seconds) seconds"
        default: "After \(seconds / 60) minutes"
        }
    }
}

/// The words for a refusal: fixed text and the numbers the core gave, never anything typed.
struct ProblemWords: Sendable {
    func words(for problem: MendError, waitSeconds: Int = 0) -> String {
        switch problem {
        case .WrongPasscode(let left):
            switch left {
            case 0: "That passcode didn't open your space. The next try will need a short wait."
            case 1: "That passcode didn't open your space. 1 try left before a short wait."
            default: "That passcode didn't open your space. \(left) tries left before a short wait."
            }
        case .WrongRecoveryCode: "That recovery code didn't match. Check each group of letters and digits."
        case .TooManyAttempts: wait(max(1, waitSeconds))
        case .InvalidInput(_, let inputProblem):
            switch inputProblem {
            case .tooShort(let min, _): "Use at least \(min) characters."
            case .tooLong(let max, _): "Use at most \(max) characters."
            default: "That didn't look right. Please check it and try again."
            }
        case .DeviceKeyUnavailable: "This device's key store can't be used right now. Unlock the device and try again."
        case .DeviceKeyMissing: "This space's key is gone from this device, so it cannot be opened here."
        case .Damaged: "Some data could not be read. What could be read is shown."
        case .StorageFull: "The device is full, so nothing was saved. Free some space and try again."
        case .OlderCopy: "This is an older copy of your space, so nothing was changed."
        case .Locked: "Your space is locked."
        case .WrongBackupPassphrase: "That passphrase doesn't open this backup. Nothing was restored."
        case .NotABackup: "That file is not a Mend backup."
        case .NewerBackup: "This backup was made by a newer version of Mend. Please update Mend first."
        case .AlreadyExists: "There is already something there, so nothing was replaced."
        default: "Something went wrong. Nothing you wrote was lost."
        }
    }

    /// A backup that fails its checks: said as such, not as damaged data in the space.
    let backupDamaged = "This backup is damaged or incomplete, so nothing was restored."

    func wait(_ seconds: Int) -> String {
        seconds < 90 ? "Please wait \(seconds) seconds before trying again."
            : "Please wait \((seconds + 59) / 60) minutes before trying again."
    }
}
