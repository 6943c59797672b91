// Every word the screens say that is not the program's content (which comes from the core,
// in the language `setLanguage` chose): one place, each string a named key, so no composable
// carries text of its own (scripts/thin-apps.sh checks) and a translation is one new instance
// with its own grammar for counts and dates. English is the only one so far.
package app.mend.ui

import androidx.compose.runtime.staticCompositionLocalOf
import app.mend.core.PasscodeStrength
import app.mend.core.PromptKind
import app.mend.core.Reminder
import app.mend.core.Role
import app.mend.core.ReminderPurpose
import app.mend.core.Weekday
import app.mend.core.ToolKind

/** The words of the app's own screens. */
class MendStrings(
    val appName: String = "Mend",
    val help: String = "Help",
    val back: String = "Back",
    val lock: String = "Lock now",
    val busy: String = "Working…",
    // First run.
    val welcomeTitle: String = "Welcome",
    val welcomeText: String =
        "Mend is private: everything you write stays on this device, locked with a passcode only you know.",
    val whoIsThisFor: String = "Who is this space for?",
    val repairingRole: String = "I had the affair and want to help us heal",
    val repairingRoleDetail: String = "Six steps to practise, with daily prompts and tools.",
    val hurtRole: String = "I was hurt and want a private place for me",
    val hurtRoleDetail: String = "Space for your feelings, your questions and your pace.",
    val fileKeyNote: String =
        "On this computer your space's key is a file beside it, readable only by you. That is weaker than " +
            "a phone's hardware: anyone who copies the folder can try passcodes. Keep it out of backups and shared drives.",
    val choosePasscodeTitle: String = "Choose a passcode",
    val choosePasscodeText: String =
        "Pick something others could not guess, not the phone's PIN. A longer passcode is stronger.",
    val passcode: String = "Passcode",
    val passcodeAgain: String = "The same passcode again",
    val strength: (PasscodeStrength) -> String = { s ->
        when (s) {
            PasscodeStrength.WEAK -> "Easy to guess: someone close to you might try this."
            PasscodeStrength.FAIR -> "Hard to guess in a few tries. Longer would be stronger."
            PasscodeStrength.STRONG -> "Strong."
        }
    },
    val passcodesDiffer: String = "The two passcodes are not the same. Please type them again.",
    val createVault: String = "Create my private space",
    val recoveryCodeTitle: String = "Your recovery code",
    val recoveryCodeText: String =
        "If you ever forget your passcode, this code is the only way back in. Write it down and keep it " +
            "somewhere only you can reach. It will not be shown again.",
    val keptRecoveryCode: String = "I have written it down",
    val newRecoveryCodeText: String =
        "The last recovery code was never confirmed as kept, so here is a new one. The old one no longer works.",
    // Lock screen.
    val unlockTitle: String = "Welcome back",
    val unlock: String = "Unlock",
    val forgotPasscode: String = "Forgot passcode",
    val recoverText: String =
        "Type the recovery code you wrote down, then choose a new passcode. You will get a new recovery code.",
    val newPasscode: String = "New passcode",
    val setNewPasscode: String = "Set the new passcode",
    val interruptedAttempt: String =
        "An earlier unlock was interrupted and counted as a try, so even the right passcode has to wait.",
    val erasedText: String = "This space was erased. Nothing of it is left on this device.",
    // Today.
    val today: String = "Today",
    /** What a prompt asks for and roughly how long it takes, in one line. */
    val promptMeta: (PromptKind, Int) -> String = { kind, minutes ->
        val time = if (minutes <= 1) "about a minute" else "about $minutes minutes"
        when (kind) {
            PromptKind.ACTION -> "Something to do, $time"
            PromptKind.CONVERSATION -> "Something to talk about, $time"
            PromptKind.REFLECTION -> "Something to think or write about, $time"
            PromptKind.LEARN -> "Something to read, $time"
            PromptKind.MINUTE -> "A practice of about a minute"
            PromptKind.SIT_WITH -> "A question to carry with you today"
        }
    },
    val yourResponse: String = "Your response (optional)",
    val done: String = "Done",
    val skip: String = "Not today",
    val another: String = "Another prompt",
    val doneToday: String = "Done for today. Thank you for showing up.",
    val skippedToday: String = "Skipped. Tomorrow brings a new one.",
    // Journal.
    val journal: String = "Journal",
    val newNote: String = "New note",
    val editNote: String = "Note",
    val searchNotes: String = "Search your notes",
    val allSteps: String = "All",
    val nothingFound: String = "No notes match. Try other words or filters.",
    val noNotesYet: String = "No notes yet. Whatever you write stays here, private.",
    val showMore: String = "Show more",
    val untitled: String = "Untitled",
    val noteTitle: String = "Title",
    val noteBody: String = "Your note",
    val noteTags: String = "Tags",
    val noteTagsHint: String = "Separate them with commas",
    val saved: String = "Saved",
    val unsavedTitle: String = "Keep what you wrote?",
    val unsavedText: String = "This note has changes that are not saved yet.",
    val leaveUnsaved: String = "Leave without saving",
    val save: String = "Save",
    val discardChanges: String = "Discard changes",
    val delete: String = "Delete",
    val keep: String = "Keep it",
    val deleteNoteTitle: String = "Delete this note?",
    val deleteNoteText: String = "It will be gone for good, from this device and from every copy of your space.",
    // The program.
    val programRepairing: String = "Six steps",
    /** The program's tab label for the repairing partner (five tabs share a phone's width). */
    val programTabRepairing: String = "Steps",
    val programHurt: String = "For you",
    val whyItMatters: String = "Why it matters",
    val practices: String = "Things to practise",
    val phrases: String = "Words to start from (make them your own)",
    val cautions: String = "Go gently",
    val goingDeeper: String = "Going deeper",
    val partOfStep: (Int) -> String = { step -> "Part of step $step" },
    val reflections: String = "To reflect on",
    // Progress and check-ins.
    val progress: String = "Progress",
    val checkInTitle: String = "Today's check-in",
    val safety: String = "Safety",
    val trust: String = "Trust",
    val connection: String = "Connection",
    val checkInNote: String = "A word about today (optional)",
    val saveCheckIn: String = "Save check-in",
    val checkedIn: (Int, Int, Int) -> String = { s, t, c -> "Checked in today: safety $s, trust $t, connection $c." },
    val scoreOf: (String, Int, Int) -> String = { label, v, max -> "$label, $v out of $max" },
    val practisedDays: (Int, Int) -> String = { week, month ->
        "You practised on $week of the last 7 days, and $month of the last 28."
    },
    val practiceByFocus: String = "Practice so far",
    val checkInTrends: String = "Check-ins, week by week",
    val trendSummary: (Int, Float, Float, Float) -> String = { weeks, s, t, c ->
        "Check-in averages over $weeks weeks; the latest week: safety %.1f, trust %.1f, connection %.1f".format(s, t, c)
    },
    val milestones: String = "Milestones",
    // Tools.
    val tools: String = "Tools",
    val toolName: (ToolKind) -> String = { kind ->
        when (kind) {
            ToolKind.TRIGGERS -> "Trigger log"
            ToolKind.QUESTIONS -> "Questions"
            ToolKind.CONTACTS -> "No-contact log"
            ToolKind.CUT_TIES -> "Cutting ties"
            ToolKind.REMORSE_LETTERS -> "Remorse letter"
            ToolKind.STORIES -> "Telling your story"
            ToolKind.VALIDATION_NOTES -> "Validation notes"
            ToolKind.BOUNDARIES -> "Needs and boundaries"
            ToolKind.TIME_TOGETHER -> "Time together"
            ToolKind.REMINDERS -> "Reminders"
            ToolKind.CHECK_INS -> "Check-ins"
        }
    },
    val toolIntro: (ToolKind) -> String = { kind ->
        when (kind) {
            ToolKind.TRIGGERS -> "When something sets off the hurt, note what it was, how strong, and anything that helped."
            ToolKind.QUESTIONS -> "Questions asked, or waiting to be asked, and the answers given."
            ToolKind.REMORSE_LETTERS -> "A letter that names the harm without excuses. Words worth another look are underlined."
            ToolKind.STORIES -> "Working out, in writing, how it came to happen, to share when your partner wants to hear it."
            ToolKind.VALIDATION_NOTES -> "What your partner said they feel, in your words, and what you said back."
            ToolKind.CONTACTS -> "Any contact with the affair partner, or an attempt at one, and whether you told your partner."
            ToolKind.CUT_TIES -> "Everything that still connects you to the affair, ticked off as you end it."
            ToolKind.BOUNDARIES -> "What each of you needs to feel safe, and the limits you agree on together."
            ToolKind.TIME_TOGETHER -> "Small invitations to spend time together. Every answer, even no, is respected."
            ToolKind.REMINDERS -> "A gentle nudge at a time you choose. The notification never says what it is about."
            ToolKind.CHECK_INS -> "How safe, trusting and connected you feel today."
        }
    },
    val writeNew: String = "Write a new one",
    val triggerWhat: String = "What set it off",
    val triggerHelped: String = "What helped, even a little (optional)",
    val triggerIntensity: (Int) -> String = { "How strong: $it" },
    val triggerSummary: (String, Int, String) -> String = { what, intensity, helped ->
        "$what — $intensity" + if (helped.isBlank()) "" else "\nHelped: $helped"
    },
    val logIt: String = "Log it",
    val contactChannel: String = "How (a message, a call, in person…)",
    val contactWhat: String = "What happened (optional)",
    val contactHandled: String = "How you handled it (optional)",
    val contactTold: String = "I have told my partner",
    val contactSummary: (String, String, Boolean) -> String = { channel, what, told ->
        channel + (if (what.isBlank()) "" else ": $what") + if (told) " — told" else " — not told yet"
    },
    val cutTieItem: String = "Something to end (a number to delete, a route to avoid…)",
    val addToList: String = "Add",
    val aNeed: String = "A need",
    val aBoundary: String = "A boundary",
    val boundaryText: String = "In your words",
    val agreedTogether: String = "Agreed together",
    val timePlan: String = "What you would like to do together",
    val timeAsked: String = "I have asked",
    val answerPending: String = "No answer yet",
    val answerYes: String = "Yes",
    val answerNotNow: String = "Not now",
    val answerNo: String = "No",
    val timeRespected: String = "I respected the answer",
    val remindPractice: String = "Today's practice",
    val remindCheckIn: String = "The daily check-in",
    val reminderChannel: String = "Reminders",
    val reminderChannelAbout: String = "Quiet reminders at the times you chose. They never say what they are about.",
    val weekdayShort: (Weekday) -> String = { day -> day.name.take(3).lowercase().replaceFirstChar(Char::uppercase) },
    val atTime: (Int, Int) -> String = { h, m -> "At %02d:%02d".format(h, m) },
    val addReminder: String = "Add the reminder",
    val comingUp: String = "Coming up",
    val hour: String = "Hour",
    val minutes: String = "Minutes",
    val reminderSummary: (Reminder) -> String = { r ->
        (if (r.purpose == ReminderPurpose.PRACTICE) "Practice" else "Check-in") + ", " +
            r.weekdays.joinToString(" ") { it.name.take(3).lowercase().replaceFirstChar(Char::uppercase) } +
            ", %02d:%02d".format(r.hour, r.minute) + if (r.enabled) "" else " (off)"
    },
    val questionText: String = "The question",
    val factQuestion: String = "A fact (what, when, who)",
    val meaningQuestion: String = "A meaning (why, what it says)",
    val askedByPartner: String = "My partner asks",
    val askedByMe: String = "I ask",
    val addQuestion: String = "Add the question",
    val theAnswer: String = "The answer",
    val comeBackToIt: String = "Worth coming back to",
    val deleteEntryTitle: String = "Delete this entry?",
    val deleteEntryText: String = "It will be gone for good.",
    val flagged: (String, String) -> String = { excerpt, why -> "“$excerpt”: $why" },
    val openHelpNow: String = "Open help now",
    // Settings.
    val settings: String = "Settings",
    val screenLockTitle: String = "First, a screen lock",
    val screenLockText: String =
        "Your space is protected by a key this phone only uses while it is unlocked. That needs a screen lock: a PIN, pattern or password. Set one in the phone's settings, then come back here.",
    val screenLockCheckAgain: String = "I have set one",
    val biometricTitle: String = "Unlock with fingerprint or face",
    val biometricText: String =
        "Your passcode always works too. Changing your passcode, or the fingerprints and faces on this phone, switches this off.",
    val biometricUnlock: String = "Use fingerprint or face",
    val biometricSwitchedOff: String =
        "Fingerprint and face unlock was switched off because this phone's fingerprints or faces changed. Use your passcode; you can switch it on again in settings.",
    /** The system's biometric prompt: plain words, as a notification's are. */
    val biometricPromptTitle: String = "Unlock",
    val biometricPromptUsePasscode: String = "Use passcode",
    val discreetTitle: String = "Discreet mode",
    val discreetText: String =
        "Show this app under a plain name and icon on this device, so a glance at the screen says nothing.",
    /** The plain name discreet mode shows (the desktop's window title; Android's launcher label is a resource). */
    val discreetName: String = "Notes",
    val autoLockTitle: String = "Lock when away",
    val autoLockText: String = "How long Mend may stay in the background before it locks itself.",
    val autoLockChoice: (Int) -> String = { s ->
        when {
            s == 0 -> "At once"
            s < 60 -> "After $s seconds"
            s == 60 -> "After 1 minute"
            else -> "After ${s / 60} minutes"
        }
    },
    val passcodeSection: String = "Passcode and recovery",
    val changePasscode: String = "Change passcode",
    val changePasscodeText: String =
        "Type your current passcode, then the new one twice. Your space gets new keys and a new recovery code.",
    val someoneMayKnow: String = "Someone may know my passcode",
    val someoneMayKnowText: String =
        "Choose a new passcode now. Your space gets new keys, so no copy made before today opens with the old " +
            "passcode, and you get a new recovery code. If you are not safe, the help page lists people who can help.",
    val currentPasscode: String = "Current passcode",
    val rekeyedText: String =
        "Your passcode is changed and your space has new keys. This new recovery code replaces the old one: " +
            "write it down and keep it somewhere only you can reach.",
    val newRecoveryCode: String = "New recovery code",
    val newRecoveryCodeAsked: String =
        "Here is your new recovery code. The old one no longer works. Write it down and keep it somewhere only you can reach.",
    // Backups.
    val backupSection: String = "Backup and export",
    val backupText: String =
        "A backup carries your whole space to a new phone. It is sealed with a passphrase you choose now, " +
            "so keep the passphrase apart from the file: without it, no one can open the backup, not even you.",
    val makeBackup: String = "Make a backup",
    val backupPassphrase: String = "Backup passphrase",
    val backupPassphraseAgain: String = "The same passphrase again",
    val backupPassphraseHint: (Int) -> String = { n -> "At least $n characters. A few words only you would put together work well." },
    val passphrasesDiffer: String = "Those two passphrases are not the same. Please type them again.",
    val backingUp: String = "Sealing your backup…",
    val backupDone: (Long) -> String = { n -> if (n == 1L) "Your backup holds 1 record." else "Your backup holds $n records." },
    val backupDeliveredTo: (String) -> String = { place -> "Saved to $place." },
    val backupNotDelivered: String = "The backup was made but not saved anywhere. Try again when you are ready.",
    val backupLeftOut: (Int) -> String = { n -> if (n == 1) "1 damaged record could not be read and was left out." else "$n damaged records could not be read and were left out." },
    val exportTitle: String = "Export everything",
    val exportText: String =
        "An export is a copy of everything you wrote, and it is NOT protected: anyone who opens the file can " +
            "read it. Save it only somewhere you trust, and delete it when you no longer need it.",
    val exportJson: String = "Export for other programs (JSON)",
    val exportMarkdown: String = "Export to read (Markdown)",
    val exportDeliveredTo: (String) -> String = { place -> "Saved to $place. Remember that it is not protected." },
    val exportNotDelivered: String = "The export was not saved anywhere.",
    val summaryTitle: String = "A summary for a session",
    val summaryText: String =
        "Choose what to bring to your therapist. Only what you pick goes in, and the file is not protected: " +
            "share it only with whom you choose.",
    val summaryPeriod: (Int) -> String = { weeks -> if (weeks == 0) "Since the start" else "Last $weeks weeks" },
    val summaryPractice: String = "Practice and progress",
    val summaryCheckIns: String = "Check-in trends",
    val summaryQuestions: String = "Answered questions",
    val summaryNotes: String = "Notes to include",
    val summaryLetters: String = "Letters and worksheets to include",
    val summaryPreview: String = "Preview",
    val summaryPrint: String = "Print or save as PDF",
    val summaryHtml: String = "Save as a printable page",
    val summaryMarkdown: String = "Save as Markdown",
    val summaryDeliveredTo: (String) -> String = { place -> "Saved to $place." },
    val summaryNotDelivered: String = "The summary was not saved anywhere.",
    val restoreOffer: String = "I have a backup from another device",
    val restoreTitle: String = "Restore a backup",
    val restoreText: String =
        "Choose your backup file and type the passphrase you sealed it with. Then choose a passcode for this device. " +
            "You will get a new recovery code.",
    val chooseBackup: String = "Choose the backup file",
    val backupChosen: (String) -> String = { name -> "Backup: $name" },
    val restore: String = "Restore",
    val passcodeForThisDevice: String = "A passcode for this device",
    val restoring: String = "Restoring your space…",
    val restoredCodeText: String =
        "Your space is restored on this device. Here is its new recovery code: write it down and keep it somewhere only you can reach.",
    val eraseSection: String = "Erase",
    val eraseText: String = "Erasing removes everything in this space from this device, for good. No one can bring it back.",
    val erase: String = "Erase everything",
    val eraseConfirmTitle: String = "Erase everything?",
    val eraseWord: String = "ERASE",
    val eraseConfirmText: (String) -> String = { word -> "This cannot be undone. To go ahead, type $word below." },
    val cancel: String = "Cancel",
    // What an unlock found.
    val olderCopyText: String =
        "This is an older copy of your space (restored from a backup or copied back), so it can be read but not " +
            "changed. If you restored it on purpose, keep it as it is.",
    val unmatchedText: String =
        "Some records are not the ones your space last saved: some may be missing, older, or back after being " +
            "deleted. What can be read is shown.",
    val damagedText: (Int) -> String = { n -> if (n == 1) "1 record could not be read and is left out." else "$n records could not be read and are left out." },
    val keepAsItIs: String = "Keep it as it is",
    val settingsLostTitle: String = "Whose space is this?",
    val settingsLostText: String =
        "Your space's settings could not be read, so Mend does not know whose space this is. Your notes are safe. " +
            "Please choose again.",
    // Help.
    val helpTitle: String = "Help and support",
    val resourceChecked: (String) -> String = { day -> "Details checked on $day" },
    val redFlagsFor: (Role?) -> String = { role ->
        when (role) {
            null -> "For either of you"
            Role.HURT -> "If you were hurt"
            Role.REPAIRING -> "If you had the affair"
        }
    },
)

/** Words for each way the core can refuse, in the person's terms. */
class ProblemStrings(
    val wrongPasscode: (Int) -> String = { left ->
        when (left) {
            0 -> "That passcode didn't open your space. The next try will need a short wait."
            1 -> "That passcode didn't open your space. 1 try left before a short wait."
            else -> "That passcode didn't open your space. $left tries left before a short wait."
        }
    },
    val wrongRecoveryCode: String = "That recovery code didn't match. Check each group of letters and digits.",
    val wait: (Long) -> String = { seconds ->
        if (seconds < 90) "Please wait $seconds seconds before trying again."
        else "Please wait ${(seconds + 59) / 60} minutes before trying again."
    },
    val tooShort: (Int) -> String = { min -> "Use at least $min characters." },
    val tooLong: (Int) -> String = { max -> "Use at most $max characters." },
    val invalid: String = "That didn't look right. Please check it and try again.",
    val deviceUnavailable: String = "This device's key store can't be used right now. Unlock the device and try again.",
    val deviceKeyMissing: String = "This space's key is gone from this device, so it cannot be opened here.",
    val damaged: String = "Some data could not be read. What could be read is shown.",
    val storageFull: String = "The device is full, so nothing was saved. Free some space and try again.",
    val olderCopy: String = "This is an older copy of your space, so nothing was changed.",
    val locked: String = "Your space is locked.",
    val other: String = "Something went wrong. Nothing you wrote was lost.",
    val wrongBackupPassphrase: String = "That passphrase doesn't open this backup. Nothing was restored.",
    val notABackup: String = "That file is not a Mend backup.",
    val newerBackup: String = "This backup was made by a newer version of Mend. Please update Mend first.",
    val backupDamaged: String = "This backup is damaged or incomplete, so nothing was restored.",
    val alreadyExists: String = "There is already something there, so nothing was replaced.",
)

/** The words in use; the Android app provides its own from resources. */
val LocalStrings = staticCompositionLocalOf { MendStrings() }

/** The problem words in use. */
val LocalProblemStrings = staticCompositionLocalOf { ProblemStrings() }
