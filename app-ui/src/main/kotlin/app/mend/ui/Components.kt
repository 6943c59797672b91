// The pieces every screen is made of: a scaffold with help one tap away, a passcode field,
// the words for what the core refused, and buttons at least 48 dp tall.
package app.mend.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.WindowInsetsSides
import androidx.compose.foundation.layout.only
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.outlined.ArrowBack
import androidx.compose.material.icons.automirrored.outlined.ExitToApp
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalClipboardManager
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.font.FontWeight
import app.mend.core.InputProblem
import app.mend.core.PasscodeStrength
import app.mend.core.HelpOffer
import app.mend.core.HelpResource
import app.mend.ffi.passcodeStrength
import app.mend.ffi.MendException
import app.mend.kit.secondsUntil
import java.time.Instant

/** The smallest touch target, in dp, for anything a person taps. */
val TouchTarget = 48.dp

/** The quick exit, where the app offers one: locks the vault and leaves at once. */
val LocalQuickExit = staticCompositionLocalOf<(() -> Unit)?> { null }

/**
 * A screen: a title bar with a back arrow when [onBack] is given, [actions], the labelled help
 * button (unless [onHelp] is null: the help screen itself) and the quick exit, and [content]
 * in a scrolling column (so nothing is cut off at large font sizes).
 */
@Composable
fun MendScreen(
    title: String,
    onHelp: (() -> Unit)?,
    actions: @Composable () -> Unit = {},
    bottomBar: @Composable () -> Unit = {},
    onBack: (() -> Unit)? = null,
    content: @Composable ColumnScope.() -> Unit,
) {
    val strings = LocalStrings.current
    val quickExit = LocalQuickExit.current
    Scaffold(
        topBar = {
            // A title bar that grows with the text (a fixed-height app bar would cut a large
            // font's title off).
            Row(
                modifier = Modifier
                    .fillMaxWidth()
                    .windowInsetsPadding(WindowInsets.safeDrawing.only(WindowInsetsSides.Top + WindowInsetsSides.Horizontal))
                    .heightIn(min = 64.dp)
                    .padding(start = if (onBack == null) 20.dp else 4.dp, end = 4.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                if (onBack != null) {
                    IconButton(onClick = onBack, modifier = Modifier.testTag("top-back")) {
                        Icon(Icons.AutoMirrored.Outlined.ArrowBack, contentDescription = strings.back)
                    }
                }
                Text(
                    title,
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.weight(1f).padding(vertical = 8.dp).semantics { heading() },
                )
                actions()
                if (onHelp != null) {
                    // Labelled, not an "i": help is for now, not "about".
                    TextButton(onClick = onHelp, modifier = Modifier.heightIn(min = TouchTarget).testTag("help")) {
                        Text(strings.help, style = MaterialTheme.typography.labelLarge)
                    }
                }
                if (quickExit != null) {
                    IconButton(onClick = quickExit, modifier = Modifier.testTag("quick-exit")) {
                        Icon(Icons.AutoMirrored.Outlined.ExitToApp, contentDescription = strings.quickExit)
                    }
                }
            }
        },
        bottomBar = bottomBar,
    ) { padding ->
        Column(
            modifier = Modifier
                .padding(padding)
                .fillMaxSize()
                .verticalScroll(rememberScrollState())
                .padding(horizontal = 20.dp, vertical = 16.dp),
            verticalArrangement = Arrangement.spacedBy(16.dp),
            content = content,
        )
    }
}

/** A passcode entry, masked. */
@Composable
fun PasscodeField(label: String, value: String, onValueChange: (String) -> Unit, tag: String, enabled: Boolean = true) {
    OutlinedTextField(
        value = value,
        onValueChange = onValueChange,
        label = { Text(label) },
        singleLine = true,
        enabled = enabled,
        visualTransformation = PasswordVisualTransformation(),
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
        modifier = Modifier.fillMaxWidth().testTag(tag),
    )
}

/** How hard [passcode] would be to guess, as the core estimates it, said as it is typed. */
@Composable
fun PasscodeStrengthText(passcode: String) {
    val strings = LocalStrings.current
    val strength = remember(passcode) { passcodeStrength(passcode.toByteArray()) }
    val color = when (strength) {
        PasscodeStrength.WEAK -> MaterialTheme.colorScheme.error
        PasscodeStrength.FAIR -> MaterialTheme.colorScheme.onSurfaceVariant
        PasscodeStrength.STRONG -> MaterialTheme.colorScheme.primary
    }
    Text(
        strings.strength(strength),
        color = color,
        style = MaterialTheme.typography.bodyMedium,
        modifier = Modifier.testTag("strength").semantics { liveRegion = LiveRegionMode.Polite },
    )
}

/** The main action of a screen. */
@Composable
fun PrimaryButton(text: String, onClick: () -> Unit, tag: String, enabled: Boolean = true) {
    Button(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag(tag)) {
        Text(text)
    }
}

/** A second action. */
@Composable
fun SecondaryButton(text: String, onClick: () -> Unit, tag: String, enabled: Boolean = true) {
    OutlinedButton(onClick = onClick, enabled = enabled, modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag(tag)) {
        Text(text)
    }
}

/** A quiet action, such as "Forgot passcode". */
@Composable
fun QuietButton(text: String, onClick: () -> Unit, tag: String) {
    TextButton(onClick = onClick, modifier = Modifier.heightIn(min = TouchTarget).testTag(tag)) {
        Text(text)
    }
}

/**
 * What the core refused, said in the person's terms and announced by screen readers;
 * [damaged] replaces the words for damaged data where that means something else (a backup).
 */
@Composable
fun ProblemText(problem: MendException?, damaged: String? = null) {
    if (problem == null) return
    Text(
        if (problem is MendException.Damaged && damaged != null) damaged else problemWords(problem, LocalProblemStrings.current),
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyMedium,
        modifier = Modifier.testTag("problem").semantics { liveRegion = LiveRegionMode.Polite },
    )
}

/** The words for a refusal; fixed text and the numbers the core gave, nothing typed. */
fun problemWords(problem: MendException, words: ProblemStrings): String = when (problem) {
    is MendException.WrongPasscode -> words.wrongPasscode(problem.attemptsLeft)
    is MendException.WrongRecoveryCode -> words.wrongRecoveryCode
    is MendException.TooManyAttempts -> words.wait(maxOf(1L, secondsUntil(Instant.now(), problem.retryAt)))
    is MendException.InvalidInput -> when (val p = problem.problem) {
        is InputProblem.TooShort -> words.tooShort(p.min.toInt())
        is InputProblem.TooLong -> words.tooLong(p.max.toInt())
        else -> words.invalid
    }
    is MendException.DeviceKeyUnavailable -> words.deviceUnavailable
    is MendException.DeviceKeyMissing -> words.deviceKeyMissing
    is MendException.Damaged -> words.damaged
    is MendException.StorageFull -> words.storageFull
    is MendException.OlderCopy -> words.olderCopy
    is MendException.Locked -> words.locked
    is MendException.WrongBackupPassphrase -> words.wrongBackupPassphrase
    is MendException.NotABackup -> words.notABackup
    is MendException.NewerBackup -> words.newerBackup
    is MendException.AlreadyExists -> words.alreadyExists
    else -> words.other
}

/**
 * The core's help card, offered after something was saved (or while a letter is written)
 * when its words sound dangerous or check-ins are low: its heading and words, never repeating
 * what the person wrote, the lines to reach first with a call or text action (a copy action
 * where the device cannot dial), and the way to the help page.
 */
@Composable
fun HelpOfferCard(offer: HelpOffer, onHelp: () -> Unit) {
    Card(
        Modifier.fillMaxWidth().testTag("help-offer").semantics { liveRegion = LiveRegionMode.Polite },
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(offer.title, style = MaterialTheme.typography.titleLarge, fontWeight = FontWeight.SemiBold, modifier = Modifier.semantics { heading() })
            offer.paragraphs.forEach { Text(it, style = MaterialTheme.typography.bodyLarge) }
            offer.lines.forEach { HelpLine(it) }
            PrimaryButton(LocalStrings.current.openHelp, onHelp, "open-help")
        }
    }
}

/** One help line: its name, how to reach it, and a button to call or text it (or copy its number). */
@Composable
fun HelpLine(line: HelpResource) {
    val strings = LocalStrings.current
    val actions = LocalHelpActions.current
    val clipboard = LocalClipboardManager.current
    var copied by remember(line) { mutableStateOf(false) }
    Column(Modifier.fillMaxWidth().testTag("help-line"), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(line.name, style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.SemiBold)
        Text(line.contact, style = MaterialTheme.typography.bodyMedium)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            when {
                actions.canDial && line.call.isNotEmpty() ->
                    OutlinedButton({ actions.call(line.call) }, Modifier.heightIn(min = TouchTarget).testTag("call-line")) { Text(strings.callLine(line.call)) }
                !actions.canDial && line.call.isNotEmpty() ->
                    OutlinedButton({ clipboard.setText(AnnotatedString(line.call)); copied = true }, Modifier.heightIn(min = TouchTarget).testTag("copy-line")) {
                        Text(if (copied) strings.copied else strings.copyLine(line.call))
                    }
            }
            if (actions.canDial && line.text.isNotEmpty()) {
                OutlinedButton({ actions.text(line.text, line.textBody) }, Modifier.heightIn(min = TouchTarget).testTag("text-line")) { Text(strings.textLine(line.text)) }
            }
        }
    }
}
