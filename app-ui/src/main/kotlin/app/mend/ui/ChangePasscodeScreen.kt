// A new passcode — also what "someone may know my passcode" leads to: the current one, then the
// new one typed twice. The space gets new keys, and the new recovery code is shown until kept.
package app.mend.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import app.mend.kit.ChangePasscodeModel
import kotlinx.coroutines.launch

/** The change-passcode screen, driven by [model]; [someoneMayKnow] explains why first. */
@Composable
fun ChangePasscodeScreen(model: ChangePasscodeModel, someoneMayKnow: Boolean, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(state.done) { if (state.done) onClose() }
    val newCode = state.newRecoveryCode
    if (newCode != null) {
        RecoveryCodeView(strings.rekeyedText, newCode, state.problem, { scope.launch { model.recoveryCodeKept() } }, onHelp)
        return
    }
    var current by remember { mutableStateOf("") }
    var first by remember { mutableStateOf("") }
    var second by remember { mutableStateOf("") }
    MendScreen(if (someoneMayKnow) strings.someoneMayKnow else strings.changePasscode, onHelp) {
        Text(if (someoneMayKnow) strings.someoneMayKnowText else strings.changePasscodeText, style = MaterialTheme.typography.bodyLarge)
        PasscodeField(strings.currentPasscode, current, { current = it }, "current", enabled = !state.busy)
        PasscodeField(strings.newPasscode, first, { first = it }, "passcode", enabled = !state.busy)
        if (first.isNotEmpty()) PasscodeStrengthText(first)
        PasscodeField(strings.passcodeAgain, second, { second = it }, "passcode-again", enabled = !state.busy)
        if (state.mismatch) {
            Text(strings.passcodesDiffer, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("mismatch"))
        }
        ProblemText(state.problem)
        PrimaryButton(if (state.busy) strings.busy else strings.changePasscode, {
            val (c, a, b) = Triple(current.toByteArray(), first.toByteArray(), second.toByteArray())
            current = ""
            first = ""
            second = ""
            scope.launch { model.submit(c, a, b) }
        }, "change", enabled = !state.busy && current.isNotEmpty() && first.isNotEmpty() && second.isNotEmpty())
        OnBack(action = onClose)
        QuietButton(strings.back, onClose, "close")
    }
}
