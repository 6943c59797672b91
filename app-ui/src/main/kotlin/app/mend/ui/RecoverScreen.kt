// Forgot passcode: the recovery code and a new passcode typed twice open the space; the new
// recovery code that replaces the used one is shown until the person says they kept it.
package app.mend.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import app.mend.kit.RecoverModel
import kotlinx.coroutines.launch

/** The forgot-passcode screens, driven by [model]. */
@Composable
fun RecoverScreen(model: RecoverModel, onBack: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    val newCode = state.newRecoveryCode
    if (newCode != null) {
        RecoveryCodeView(strings.recoveryCodeText, newCode, state.problem, { scope.launch { model.recoveryCodeKept() } }, onHelp)
        return
    }
    var code by remember { mutableStateOf("") }
    var first by remember { mutableStateOf("") }
    var second by remember { mutableStateOf("") }
    MendScreen(strings.forgotPasscode, onHelp) {
        Text(strings.recoverText, style = MaterialTheme.typography.bodyLarge)
        OutlinedTextField(
            value = code,
            onValueChange = { code = it },
            label = { Text(strings.recoveryCodeTitle) },
            singleLine = true,
            modifier = Modifier.fillMaxWidth().testTag("code"),
        )
        PasscodeField(strings.newPasscode, first, { first = it }, "passcode", enabled = !state.busy)
        if (first.isNotEmpty()) PasscodeStrengthText(first)
        PasscodeField(strings.passcodeAgain, second, { second = it }, "passcode-again", enabled = !state.busy)
        if (state.mismatch) {
            Text(strings.passcodesDiffer, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("mismatch"))
        }
        ProblemText(state.problem)
        PrimaryButton(if (state.busy) strings.busy else strings.setNewPasscode, {
            val (a, b) = first.toByteArray() to second.toByteArray()
            first = ""
            second = ""
            scope.launch { model.submit(code, a, b) }
        }, "recover", enabled = !state.busy && code.isNotBlank() && first.isNotEmpty() && second.isNotEmpty())
        OnBack(action = onBack)
        QuietButton(strings.back, onBack, "back")
    }
}
