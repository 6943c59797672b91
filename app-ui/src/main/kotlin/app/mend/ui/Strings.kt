// Every word the screens say that is not the program's content, by name: each one read from
// the core's keyed catalogue (content/<code>/screens.toml, which the iOS app reads too) in the
// device's language, counted and filled words formatted by the core with the language's
// plural rule. No composable carries text of its own (scripts/thin-apps.sh checks), so a
// translation is one more catalogue in the core and nothing here.
package app.mend.ui

import androidx.compose.runtime.staticCompositionLocalOf
import app.mend.core.PasscodeStrength
import app.mend.core.PromptKind
import app.mend.core.Reminder
import app.mend.core.Role
import app.mend.core.ReminderPurpose
import app.mend.core.Weekday
import app.mend.core.ToolKind
import app.mend.kit.ScreenWords

/** The words of the app's own screens, from [words]. */
class MendStrings(private val words: ScreenWords = ScreenWords.load()) {
    val appName: String = words["appName"]
    val help: String = words["help"]
    val openHelp: String = words["openHelp"]
    fun callLine(number: String): String = words.fill("callLine", "number" to number)
    fun textLine(number: String): String = words.fill("textLine", "number" to number)
    fun copyLine(number: String): String = words.fill("copyLine", "number" to number)
    val copied: String = words["copied"]
    val quickExit: String = words["quickExit"]
    val discreetRepairingNote: String = words["discreetRepairingNote"]
    val quickExitHint: String = words["quickExitHint"]
    val back: String = words["back"]
    val lock: String = words["lock"]
    val busy: String = words["busy"]
    // First run.
    val welcomeTitle: String = words["welcomeTitle"]
    val welcomeText: String = words["welcomeText"]
    val whoIsThisFor: String = words["whoIsThisFor"]
    val repairingRole: String = words["repairingRole"]
    val repairingRoleDetail: String = words["repairingRoleDetail"]
    val hurtRole: String = words["hurtRole"]
    val hurtRoleDetail: String = words["hurtRoleDetail"]
    val fileKeyNote: String = words["fileKeyNote"]
    val choosePasscodeTitle: String = words["choosePasscodeTitle"]
    val choosePasscodeText: String = words["choosePasscodeText"]
    val passcode: String = words["passcode"]
    val passcodeAgain: String = words["passcodeAgain"]
    fun strength(s: PasscodeStrength): String = words[
        when (s) {
            PasscodeStrength.WEAK -> "strength.weak"
            PasscodeStrength.FAIR -> "strength.fair"
            PasscodeStrength.STRONG -> "strength.strong"
        },
    ]
    val passcodesDiffer: String = words["passcodesDiffer"]
    val createVault: String = words["createVault"]
    val recoveryCodeTitle: String = words["recoveryCodeTitle"]
    val recoveryCodeText: String = words["recoveryCodeText"]
    val keptRecoveryCode: String = words["keptRecoveryCode"]
    val newRecoveryCodeText: String = words["newRecoveryCodeText"]
    // Lock screen.
    val unlockTitle: String = words["unlockTitle"]
    val unlock: String = words["unlock"]
    val forgotPasscode: String = words["forgotPasscode"]
    val recoverText: String = words["recoverText"]
    val newPasscode: String = words["newPasscode"]
    val setNewPasscode: String = words["setNewPasscode"]
    val interruptedAttempt: String = words["interruptedAttempt"]
    val erasedText: String = words["erasedText"]
    // Today.
    val today: String = words["today"]
    /** What a prompt asks for and roughly how long it takes, in one line. */
    fun promptMeta(kind: PromptKind, minutes: Int): String {
        val time = words.fill("aboutMinutes", "count" to maxOf(1, minutes))
        return words.fill(
            when (kind) {
                PromptKind.ACTION -> "promptMeta.action"
                PromptKind.CONVERSATION -> "promptMeta.conversation"
                PromptKind.REFLECTION -> "promptMeta.reflection"
                PromptKind.LEARN -> "promptMeta.learn"
                PromptKind.MINUTE -> "promptMeta.minute"
                PromptKind.SIT_WITH -> "promptMeta.sitWith"
            },
            "time" to time,
        )
    }
    val yourResponse: String = words["yourResponse"]
    val done: String = words["done"]
    val skip: String = words["skip"]
    val another: String = words["another"]
    val doneToday: String = words["doneToday"]
    val skippedToday: String = words["skippedToday"]
    // Journal.
    val journal: String = words["journal"]
    val newNote: String = words["newNote"]
    val editNote: String = words["editNote"]
    val searchNotes: String = words["searchNotes"]
    val allSteps: String = words["allSteps"]
    val nothingFound: String = words["nothingFound"]
    val noNotesYet: String = words["noNotesYet"]
    val showMore: String = words["showMore"]
    val untitled: String = words["untitled"]
    val noteTitle: String = words["noteTitle"]
    val noteBody: String = words["noteBody"]
    val noteTags: String = words["noteTags"]
    val noteTagsHint: String = words["noteTagsHint"]
    val saved: String = words["saved"]
    val unsavedTitle: String = words["unsavedTitle"]
    val unsavedText: String = words["unsavedText"]
    val leaveUnsaved: String = words["leaveUnsaved"]
    val save: String = words["save"]
    val discardChanges: String = words["discardChanges"]
    val delete: String = words["delete"]
    val keep: String = words["keep"]
    val deleteNoteTitle: String = words["deleteNoteTitle"]
    val deleteNoteText: String = words["deleteNoteText"]
    // The program.
    val programRepairing: String = words["programRepairing"]
    /** The program's tab label for the repairing partner (five tabs share a phone's width). */
    val programTabRepairing: String = words["programTabRepairing"]
    val programHurt: String = words["programHurt"]
    val whyItMatters: String = words["whyItMatters"]
    val practices: String = words["practices"]
    val phrases: String = words["phrases"]
    val cautions: String = words["cautions"]
    val goingDeeper: String = words["goingDeeper"]
    fun partOfStep(step: Int): String = words.fill("partOfStep", "step" to step)
    val reflections: String = words["reflections"]
    // Progress and check-ins.
    val progress: String = words["progress"]
    val checkInTitle: String = words["checkInTitle"]
    val safety: String = words["safety"]
    val trust: String = words["trust"]
    val connection: String = words["connection"]
    val checkInNote: String = words["checkInNote"]
    val saveCheckIn: String = words["saveCheckIn"]
    fun checkedIn(safety: Int, trust: Int, connection: Int): String =
        words.fill("checkedIn", "safety" to safety, "trust" to trust, "connection" to connection)
    fun scoreOf(label: String, value: Int, max: Int): String = words.fill("scoreOf", "label" to label, "value" to value, "max" to max)
    fun practisedDays(week: Int, month: Int): String = words.fill("practisedDays", "week" to week, "month" to month)
    val practiceByFocus: String = words["practiceByFocus"]
    val checkInTrends: String = words["checkInTrends"]
    fun trendSummary(weeks: Int, safety: Float, trust: Float, connection: Float): String = words.fill(
        "trendSummary",
        "count" to weeks,
        "safety" to "%.1f".format(safety),
        "trust" to "%.1f".format(trust),
        "connection" to "%.1f".format(connection),
    )
    val milestones: String = words["milestones"]
    // Tools.
    val tools: String = words["tools"]
    fun toolName(kind: ToolKind): String = words["toolName." + toolKey(kind)]
    fun toolIntro(kind: ToolKind): String = words["toolIntro." + toolKey(kind)]
    val writeNew: String = words["writeNew"]
    val triggerWhat: String = words["triggerWhat"]
    val triggerHelped: String = words["triggerHelped"]
    fun triggerIntensity(intensity: Int): String = words.fill("triggerIntensity", "intensity" to intensity)
    fun triggerSummary(what: String, intensity: Int, helped: String): String =
        if (helped.isBlank()) words.fill("triggerSummary", "what" to what, "intensity" to intensity)
        else words.fill("triggerSummaryHelped", "what" to what, "intensity" to intensity, "helped" to helped)
    val logIt: String = words["logIt"]
    val contactChannel: String = words["contactChannel"]
    val contactWhat: String = words["contactWhat"]
    val contactHandled: String = words["contactHandled"]
    val contactTold: String = words["contactTold"]
    fun contactSummary(channel: String, what: String, told: Boolean): String {
        val key = (if (told) "contactSummary.told" else "contactSummary.notTold") + if (what.isBlank()) "" else "What"
        return words.fill(key, "channel" to channel, "what" to what)
    }
    val cutTieItem: String = words["cutTieItem"]
    val addToList: String = words["addToList"]
    val aNeed: String = words["aNeed"]
    val aBoundary: String = words["aBoundary"]
    val boundaryText: String = words["boundaryText"]
    val agreedTogether: String = words["agreedTogether"]
    val timePlan: String = words["timePlan"]
    val timeAsked: String = words["timeAsked"]
    val answerPending: String = words["answerPending"]
    val answerYes: String = words["answerYes"]
    val answerNotNow: String = words["answerNotNow"]
    val answerNo: String = words["answerNo"]
    val timeRespected: String = words["timeRespected"]
    val remindPractice: String = words["remindPractice"]
    val remindCheckIn: String = words["remindCheckIn"]
    val reminderChannel: String = words["reminderChannel"]
    val reminderChannelAbout: String = words["reminderChannelAbout"]
    fun weekdayShort(day: Weekday): String = words["weekdayShort." + day.name.lowercase()]
    fun atTime(hour: Int, minute: Int): String = words.fill("atTime", "time" to clock(hour, minute))
    val addReminder: String = words["addReminder"]
    val comingUp: String = words["comingUp"]
    val hour: String = words["hour"]
    val minutes: String = words["minutes"]
    fun reminderSummary(r: Reminder): String = words.fill(
        if (r.enabled) "reminderSummary" else "reminderSummaryOff",
        "purpose" to words[if (r.purpose == ReminderPurpose.PRACTICE) "reminderPurpose.practice" else "reminderPurpose.checkIn"],
        "days" to r.weekdays.joinToString(" ") { weekdayShort(it) },
        "time" to clock(r.hour.toInt(), r.minute.toInt()),
    )
    val questionText: String = words["questionText"]
    val factQuestion: String = words["factQuestion"]
    val meaningQuestion: String = words["meaningQuestion"]
    val askedByPartner: String = words["askedByPartner"]
    val askedByMe: String = words["askedByMe"]
    val addQuestion: String = words["addQuestion"]
    val theAnswer: String = words["theAnswer"]
    val comeBackToIt: String = words["comeBackToIt"]
    val deleteEntryTitle: String = words["deleteEntryTitle"]
    val deleteEntryText: String = words["deleteEntryText"]
    fun flagged(excerpt: String, why: String): String = words.fill("flagged", "excerpt" to excerpt, "why" to why)
    val openHelpNow: String = words["openHelpNow"]
    // Settings.
    val settings: String = words["settings"]
    val screenLockTitle: String = words["screenLockTitle"]
    val screenLockText: String = words["screenLockText"]
    val screenLockCheckAgain: String = words["screenLockCheckAgain"]
    val biometricTitle: String = words["biometricTitle"]
    val biometricText: String = words["biometricText"]
    val biometricUnlock: String = words["biometricUnlock"]
    val biometricSwitchedOff: String = words["biometricSwitchedOff"]
    /** The system's biometric prompt: plain words, as a notification's are. */
    val biometricPromptTitle: String = words["biometricPromptTitle"]
    val biometricPromptUsePasscode: String = words["biometricPromptUsePasscode"]
    val discreetTitle: String = words["discreetTitle"]
    val discreetText: String = words["discreetText"]
    /** The plain name discreet mode shows (the desktop's window title; Android's launcher label is a resource). */
    val discreetName: String = words["discreetName"]
    val autoLockTitle: String = words["autoLockTitle"]
    val autoLockText: String = words["autoLockText"]
    fun autoLockChoice(seconds: Int): String = when {
        seconds == 0 -> words["autoLockChoice.atOnce"]
        seconds < 60 -> words.fill("autoLockChoice.seconds", "count" to seconds)
        else -> words.fill("autoLockChoice.minutes", "count" to seconds / 60)
    }
    val passcodeSection: String = words["passcodeSection"]
    val changePasscode: String = words["changePasscode"]
    val changePasscodeText: String = words["changePasscodeText"]
    val someoneMayKnow: String = words["someoneMayKnow"]
    val someoneMayKnowText: String = words["someoneMayKnowText"]
    val currentPasscode: String = words["currentPasscode"]
    val rekeyedText: String = words["rekeyedText"]
    val newRecoveryCode: String = words["newRecoveryCode"]
    val newRecoveryCodeAsked: String = words["newRecoveryCodeAsked"]
    // Backups.
    val backupSection: String = words["backupSection"]
    val backupText: String = words["backupText"]
    val makeBackup: String = words["makeBackup"]
    val backupPassphrase: String = words["backupPassphrase"]
    val backupPassphraseAgain: String = words["backupPassphraseAgain"]
    fun backupPassphraseHint(min: Int): String = words.fill("backupPassphraseHint", "count" to min)
    val passphrasesDiffer: String = words["passphrasesDiffer"]
    val backingUp: String = words["backingUp"]
    fun backupDone(records: Long): String = words.fill("backupDone", "count" to records)
    fun backupDeliveredTo(place: String): String = words.fill("backupDeliveredTo", "place" to place)
    val backupNotDelivered: String = words["backupNotDelivered"]
    fun backupLeftOut(records: Int): String = words.fill("backupLeftOut", "count" to records)
    val exportTitle: String = words["exportTitle"]
    val exportText: String = words["exportText"]
    val exportJson: String = words["exportJson"]
    val exportMarkdown: String = words["exportMarkdown"]
    fun exportDeliveredTo(place: String): String = words.fill("exportDeliveredTo", "place" to place)
    val exportNotDelivered: String = words["exportNotDelivered"]
    val summaryTitle: String = words["summaryTitle"]
    val summaryText: String = words["summaryText"]
    fun summaryPeriod(weeks: Int): String =
        if (weeks == 0) words["summaryPeriod.sinceStart"] else words.fill("summaryPeriod.weeks", "count" to weeks)
    val summaryPractice: String = words["summaryPractice"]
    val summaryCheckIns: String = words["summaryCheckIns"]
    val summaryQuestions: String = words["summaryQuestions"]
    val summaryNotes: String = words["summaryNotes"]
    val summaryLetters: String = words["summaryLetters"]
    val summaryPreview: String = words["summaryPreview"]
    val summaryPrint: String = words["summaryPrint"]
    val summaryHtml: String = words["summaryHtml"]
    val summaryMarkdown: String = words["summaryMarkdown"]
    fun summaryDeliveredTo(place: String): String = words.fill("summaryDeliveredTo", "place" to place)
    val summaryNotDelivered: String = words["summaryNotDelivered"]
    val restoreOffer: String = words["restoreOffer"]
    val restoreTitle: String = words["restoreTitle"]
    val restoreText: String = words["restoreText"]
    val chooseBackup: String = words["chooseBackup"]
    fun backupChosen(name: String): String = words.fill("backupChosen", "name" to name)
    val restore: String = words["restore"]
    val passcodeForThisDevice: String = words["passcodeForThisDevice"]
    val restoring: String = words["restoring"]
    val restoredCodeText: String = words["restoredCodeText"]
    val eraseSection: String = words["eraseSection"]
    val eraseText: String = words["eraseText"]
    val erase: String = words["erase"]
    val eraseConfirmTitle: String = words["eraseConfirmTitle"]
    val eraseWord: String = words["eraseWord"]
    fun eraseConfirmText(word: String): String = words.fill("eraseConfirmText", "word" to word)
    val cancel: String = words["cancel"]
    // What an unlock found.
    val olderCopyText: String = words["olderCopyText"]
    val unmatchedText: String = words["unmatchedText"]
    fun damagedText(records: Int): String = words.fill("damagedText", "count" to records)
    val keepAsItIs: String = words["keepAsItIs"]
    val settingsLostTitle: String = words["settingsLostTitle"]
    val settingsLostText: String = words["settingsLostText"]
    // Help.
    val helpTitle: String = words["helpTitle"]
    fun resourceChecked(day: String): String = words.fill("resourceChecked", "day" to day)
    fun redFlagsFor(role: Role?): String = words[
        when (role) {
            null -> "redFlagsFor.either"
            Role.HURT -> "redFlagsFor.hurt"
            Role.REPAIRING -> "redFlagsFor.repairing"
        },
    ]

    private fun toolKey(kind: ToolKind): String = when (kind) {
        ToolKind.TRIGGERS -> "triggers"
        ToolKind.QUESTIONS -> "questions"
        ToolKind.CONTACTS -> "contacts"
        ToolKind.CUT_TIES -> "cutTies"
        ToolKind.REMORSE_LETTERS -> "remorseLetters"
        ToolKind.STORIES -> "stories"
        ToolKind.VALIDATION_NOTES -> "validationNotes"
        ToolKind.BOUNDARIES -> "boundaries"
        ToolKind.TIME_TOGETHER -> "timeTogether"
        ToolKind.REMINDERS -> "reminders"
        ToolKind.CHECK_INS -> "checkIns"
    }

    /** A time of day as the screens write it. */
    private fun clock(hour: Int, minute: Int): String = "%02d:%02d".format(hour, minute)
}

/** Words for each way the core can refuse, in the person's terms, from [words]. */
class ProblemStrings(private val words: ScreenWords = ScreenWords.load()) {
    fun wrongPasscode(left: Int): String =
        if (left == 0) words["problem.wrongPasscodeLast"] else words.fill("problem.wrongPasscode", "count" to left)
    val wrongRecoveryCode: String = words["problem.wrongRecoveryCode"]
    fun wait(seconds: Long): String =
        if (seconds < 90) words.fill("problem.waitSeconds", "count" to seconds)
        else words.fill("problem.waitMinutes", "count" to (seconds + 59) / 60)
    fun tooShort(min: Int): String = words.fill("problem.tooShort", "count" to min)
    fun tooLong(max: Int): String = words.fill("problem.tooLong", "count" to max)
    val invalid: String = words["problem.invalid"]
    val deviceUnavailable: String = words["problem.deviceUnavailable"]
    val deviceKeyMissing: String = words["problem.deviceKeyMissing"]
    val damaged: String = words["problem.damaged"]
    val storageFull: String = words["problem.storageFull"]
    val olderCopy: String = words["problem.olderCopy"]
    val locked: String = words["problem.locked"]
    val other: String = words["problem.somethingElse"]
    val wrongBackupPassphrase: String = words["problem.wrongBackupPassphrase"]
    val notABackup: String = words["problem.notABackup"]
    val newerBackup: String = words["problem.newerBackup"]
    val backupDamaged: String = words["problem.backupDamaged"]
    val alreadyExists: String = words["problem.alreadyExists"]
}

/** The words in use: the device's language, read from the core once. */
val LocalStrings = staticCompositionLocalOf { MendStrings() }

/** The problem words in use. */
val LocalProblemStrings = staticCompositionLocalOf { ProblemStrings() }
