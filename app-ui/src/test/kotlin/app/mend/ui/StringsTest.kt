// The screens' words come whole from the core's catalogue: every key the Kotlin screens read
// is there with the placeholders they fill, and under the en-XA pseudo-locale every word is
// pseudo-translated, so none is written into the app itself.
package app.mend.ui

import app.mend.core.PasscodeStrength
import app.mend.core.PromptKind
import app.mend.core.Reminder
import app.mend.core.ReminderPurpose
import app.mend.core.Role
import app.mend.core.ToolKind
import app.mend.core.Weekday
import app.mend.kit.ScreenWords
import org.junit.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class StringsTest {
    /** Every text the strings' properties hold. */
    private fun propertiesOf(strings: Any): Map<String, String> =
        strings.javaClass.methods
            .filter { it.name.startsWith("get") && it.parameterCount == 0 && it.returnType == String::class.java }
            .associate { it.name.removePrefix("get") to it.invoke(strings) as String }

    private val reminder = Reminder(ReminderPurpose.CHECK_IN, listOf(Weekday.MONDAY, Weekday.FRIDAY), 7, 5, false)

    /** Every text the strings' functions make, over the values the screens pass. */
    private fun formatted(s: MendStrings, p: ProblemStrings): List<String> {
        return PasscodeStrength.entries.map(s::strength) +
            PromptKind.entries.flatMap { listOf(s.promptMeta(it, 1), s.promptMeta(it, 5)) } +
            ToolKind.entries.flatMap { listOf(s.toolName(it), s.toolIntro(it)) } +
            Weekday.entries.map(s::weekdayShort) +
            listOf(null, Role.HURT, Role.REPAIRING).map(s::redFlagsFor) +
            listOf(0, 1, 30, 60, 300).map(s::autoLockChoice) +
            listOf(0, 1, 12).map(s::summaryPeriod) +
            listOf(1L, 2L).map(s::backupDone) +
            listOf(1, 3).flatMap { listOf(s.backupLeftOut(it), s.damagedText(it)) } +
            listOf(
                s.partOfStep(2), s.checkedIn(3, 4, 5), s.scoreOf("Trust", 3, 5), s.practisedDays(4, 12),
                s.trendSummary(3, 3.5f, 2.25f, 4f), s.triggerIntensity(7), s.triggerSummary("a song", 6, ""),
                s.triggerSummary("a song", 6, "a walk"), s.contactSummary("a message", "", true),
                s.contactSummary("a message", "asked to meet", false), s.atTime(7, 5), s.reminderSummary(reminder),
                s.flagged("I'm sorry if", "a conditional apology"), s.backupPassphraseHint(12),
                s.backupDeliveredTo("Files"), s.exportDeliveredTo("Files"), s.summaryDeliveredTo("Files"),
                s.backupChosen("mend.mendbackup"), s.eraseConfirmText(s.eraseWord), s.resourceChecked("2026-11-28"),
            ) +
            listOf(0, 1, 4).map(p::wrongPasscode) + listOf(1L, 30L, 300L).map(p::wait) + listOf(p.tooShort(12), p.tooLong(1000))
    }

    @Test
    fun everyWordTheScreensSayIsInTheCoresCatalogue() {
        // Strict words refuse an unknown key or a placeholder left unfilled.
        val words = ScreenWords.load("en", strict = true)
        val strings = MendStrings(words)
        val problems = ProblemStrings(words)
        assertTrue(propertiesOf(strings).size > 150, "the plain words are read as the strings are made")
        val made = formatted(strings, problems)
        assertTrue(made.none { it.isBlank() })
        // Counts pick their form in the core.
        assertEquals("Your backup holds 1 record.", strings.backupDone(1))
        assertEquals("Your backup holds 2 records.", strings.backupDone(2))
        assertEquals("At 07:05", strings.atTime(7, 5))
        assertEquals("Check-in, Mon Fri, 07:05 (off)", strings.reminderSummary(reminder))
        assertEquals("Please wait 5 minutes before trying again.", problems.wait(300))
    }

    @Test
    fun underThePseudoLocaleEveryWordIsPseudoTranslated() {
        try {
            val words = ScreenWords.load("en-XA")
            val strings = MendStrings(words)
            val problems = ProblemStrings(words)
            val plain = propertiesOf(strings) + propertiesOf(problems)
            // A word written into the app instead of read from the catalogue stays plain.
            val untranslated = plain.filterValues { !(it.startsWith("[") && it.endsWith("]")) }
            assertEquals(emptyMap(), untranslated)
            val made = formatted(strings, problems)
            assertTrue(made.all { '[' in it && ']' in it }, made.filter { '[' !in it }.toString())
            assertEquals("[Sávéd tó Files. ~ ~]", strings.backupDeliveredTo("Files"), "what fills a word stays as it is")
        } finally {
            ScreenWords.load("en")
        }
    }
}
