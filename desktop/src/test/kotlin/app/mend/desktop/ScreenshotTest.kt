// Every screen, through the real core, on a 360 dp wide phone-sized canvas in light, dark,
// 200 % font and the en-XA pseudo-locale (every word a third longer): a PNG of each goes to the
// screenshots folder, and at 200 % and in en-XA no text may be cut off. Desktop-only (it
// renders with skia), so it lives beside the desktop app.
package app.mend.desktop

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.graphics.toAwtImage
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.runDesktopComposeUiTest
import androidx.compose.ui.text.TextLayoutResult
import androidx.compose.ui.unit.Density
import app.mend.kit.BiometricOpening
import app.mend.kit.FakeBiometricKeeper
import app.mend.kit.FolderSharedFiles
import app.mend.kit.ScreenWords
import app.mend.kit.SMALL_KDF
import app.mend.ui.MendApp
import app.mend.ui.LocalProblemStrings
import app.mend.ui.LocalStrings
import app.mend.ui.MendStrings
import app.mend.ui.MendTheme
import app.mend.ui.ProblemStrings
import app.mend.ui.await
import app.mend.ui.press
import app.mend.ui.settle
import app.mend.ui.tap
import app.mend.ui.type
import app.mend.ui.watchedSession
import java.io.File
import java.util.Locale
import javax.imageio.ImageIO
import kotlinx.coroutines.runBlocking
import org.junit.Test
import kotlin.test.assertTrue

@OptIn(ExperimentalTestApi::class)
class ScreenshotTest {
    /** How the screens are drawn: light or dark, the font's scale, the device's language. */
    private class Mode(val name: String, val dark: Boolean, val fontScale: Float, val language: String = "en") {
        /** Whether every text must fit whole: larger text, or words a third longer (en-XA). */
        val tight: Boolean get() = fontScale > 1f || language != "en"
    }

    private val modes = listOf(
        Mode("light", false, 1f),
        Mode("dark", true, 1f),
        Mode("font200", false, 2f),
        // The pseudo-locale: every word of the screens accented and a third longer.
        Mode("pseudo", false, 1f, "en-XA"),
    )
    private val dir = File(System.getProperty("mend.screens") ?: "target/screens").also { it.mkdirs() }
    private val backups = FolderSharedFiles()

    /** 360 × 760 dp at density 2. */
    private val widthPx = 720
    private val heightPx = 1520

    @Test
    fun everyScreenInLightDarkLargeTextAndLongerWordsWithNothingCutOff() {
        val language = Locale.getDefault()
        try {
            for (mode in modes) {
                // The session and the words take the device's language as they start.
                Locale.setDefault(Locale.forLanguageTag(mode.language))
                walk(mode)
                walkHurt(mode)
            }
        } finally {
            Locale.setDefault(language)
            ScreenWords.load()
        }
        assertTrue(dir.listFiles().orEmpty().count { it.name.endsWith(".png") } >= modes.size * 38, "a screenshot of every screen in each mode")
    }

    private fun walk(mode: Mode) = runDesktopComposeUiTest(widthPx, heightPx) {
        val session = watchedSession()
        show(mode) { MendApp(session, SMALL_KDF, keyIsAFile = true, sharedFiles = backups) }
        fun shot(name: String) {
            settle()
            ImageIO.write(onRoot().captureToImage().toAwtImage(), "png", File(dir, "$name-${mode.name}.png"))
            if (mode.tight) assertNothingCutOff("$name-${mode.name}")
        }
        await("role-repairing")
        shot("01-welcome")
        tap("role-repairing")
        await("passcode")
        type("passcode", "first-passcode")
        type("passcode-again", "first-passcodf")
        tap("create")
        await("mismatch")
        shot("02-passcode")
        type("passcode", "first-passcode")
        type("passcode-again", "first-passcode")
        tap("create")
        await("recovery-code")
        shot("03-recovery-code")
        tap("kept")
        await("prompt")
        shot("04-today")
        press("tab-journal")
        await("new-note")
        tap("new-note")
        await("title")
        type("title", "After the walk")
        type("body", "We talked about the trip we keep postponing. I listened to the end before answering.")
        type("tags", "walks, listening")
        tap("save")
        await("saved")
        shot("10-note-editor")
        tap("close")
        await("note")
        shot("11-journal")
        press("tab-tools")
        await("tool-questions")
        shot("18-tools")
        tap("tool-remorse_letters")
        tap("write")
        await("section-0")
        type("section-0", "I am sorry if you were hurt. I lied to you for two years and I chose to.")
        await("flag")
        shot("19-remorse-letter")
        type("section-1", "Some days I don't want to be alive.")
        await("help-offer")
        shot("19-remorse-letter-help-offer")
        tap("close")
        tap("tool-back")
        for (tool in listOf("questions", "contacts", "cut_ties", "time_together", "boundaries", "reminders")) {
            tap("tool-$tool")
            await("tool-back")
            shot("20-tool-$tool")
            tap("tool-back")
            await("tool-$tool")
        }
        for (tool in listOf("stories", "validation_notes")) {
            tap("tool-$tool")
            tap("write")
            await("section-0")
            shot("21-worksheet-$tool")
            tap("close")
            tap("tool-back")
            await("tool-$tool")
        }
        press("tab-progress")
        await("save-check-in")
        shot("16-check-in")
        tap("save-check-in")
        await("trend")
        shot("17-progress")
        press("tab-program")
        await("page-5")
        shot("14-program")
        tap("page-2")
        await("page-summary")
        shot("15-step")
        tap("page-back")
        await("page-0")
        press("tab-settings")
        await("erase")
        shot("12-settings")
        tap("someone-may-know")
        await("current")
        shot("13-someone-may-know")
        tap("close")
        await("erase")
        tap("backup")
        await("backup-passphrase")
        type("backup-passphrase", "a long passphrase for us")
        type("backup-passphrase-again", "a long passphrase for us")
        shot("22-backup")
        tap("make-backup")
        await("backup-done")
        shot("23-backup-done")
        tap("close")
        await("erase")
        tap("export")
        await("export-warning")
        shot("25-export")
        tap("back")
        await("erase")
        tap("summary")
        await("pick-note")
        tap("pick-note")
        tap("preview")
        await("summary-preview")
        shot("26-summary")
        tap("back")
        await("erase")
        press("tab-today")
        await("prompt")
        type("response", "I told her where I was tonight before she asked.")
        tap("done")
        await("outcome")
        shot("05-today-done")
        press("lock")
        await("unlock")
        shot("06-unlock")
        type("passcode", "not-it")
        tap("unlock")
        await("problem")
        shot("07-unlock-wrong")
        press("help")
        await("help-intro")
        shot("08-help")
        press("top-back")
        await("forgot")
        tap("forgot")
        await("code")
        shot("09-forgot-passcode")
        runBlocking { session.close() }
    }

    /**
     * The hurt partner's own screens (their themes, the trigger log), on a phone that has no
     * screen lock at first and has biometrics (settings and the lock screen offer them).
     */
    private fun walkHurt(mode: Mode) = runDesktopComposeUiTest(widthPx, heightPx) {
        var screenLock = false
        val keeper = FakeBiometricKeeper()
        val session = watchedSession(biometrics = keeper, hasScreenLock = { screenLock })
        show(mode) { MendApp(session, SMALL_KDF, sharedFiles = backups) }
        fun shot(name: String) {
            settle()
            ImageIO.write(onRoot().captureToImage().toAwtImage(), "png", File(dir, "$name-${mode.name}.png"))
            if (mode.tight) assertNothingCutOff("$name-${mode.name}")
        }
        await("role-hurt")
        // A new device with a backup from the first walk: the restore screen, the file chosen.
        tap("restore-offer")
        await("choose-backup")
        tap("choose-backup")
        await("backup-chosen")
        shot("24-restore")
        tap("back")
        await("role-hurt")
        tap("role-hurt")
        await("needs-screen-lock")
        shot("29-needs-screen-lock")
        screenLock = true
        tap("check-screen-lock")
        await("passcode")
        type("passcode", "first-passcode")
        type("passcode-again", "first-passcode")
        tap("create")
        await("kept")
        tap("kept")
        await("tab-program")
        press("tab-program")
        await("page-0")
        shot("30-hurt-themes")
        press("tab-tools")
        await("tool-triggers")
        tap("tool-triggers")
        await("trigger-what")
        type("trigger-what", "A song on the radio")
        tap("add-trigger")
        await("entry")
        shot("31-hurt-trigger-log")
        tap("tool-back")
        await("tab-settings")
        press("tab-settings")
        await("biometric")
        tap("biometric")
        waitUntil("the secret kept", timeoutMillis = 20_000) { keeper.kept != null }
        shot("32-settings-biometric")
        keeper.next = BiometricOpening.Gone
        press("lock")
        await("biometric-unlock")
        shot("33-unlock-biometric")
        tap("biometric-unlock")
        await("biometric-off")
        shot("34-unlock-biometric-off")
        runBlocking { session.close() }
    }

    /** Shows [app] drawn as [mode] says, with the words of the mode's language. */
    private fun ComposeUiTest.show(mode: Mode, app: @Composable () -> Unit) {
        val strings = MendStrings()
        val problems = ProblemStrings()
        setContent {
            CompositionLocalProvider(
                LocalDensity provides Density(2f, mode.fontScale),
                LocalStrings provides strings,
                LocalProblemStrings provides problems,
            ) {
                MendTheme(dark = mode.dark) { app() }
            }
        }
    }

    /**
     * Whether a text is cut off: taller than its room, a line ended with an ellipsis, or wider
     * than its room. (`hasVisualOverflow` also counts a short text laid out in a wider box.)
     */
    private fun cutOff(layout: TextLayoutResult): Boolean =
        layout.didOverflowHeight ||
            (0 until layout.lineCount).any { layout.isLineEllipsized(it) } ||
            layout.multiParagraph.width > layout.layoutInput.constraints.maxWidth

    /** Fails if any text on screen is cut off. */
    private fun ComposeUiTest.assertNothingCutOff(screen: String) {
        val texts = onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.Text), useUnmergedTree = true)
        for (node in texts.fetchSemanticsNodes()) {
            val layouts = mutableListOf<TextLayoutResult>()
            node.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
            for (layout in layouts) {
                val text = layout.layoutInput.text.text
                assertTrue(!cutOff(layout), "$screen: \"${text.take(40)}\" is cut off")
            }
        }
    }
}
