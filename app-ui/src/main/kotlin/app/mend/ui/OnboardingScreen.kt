// First run: whose space this is, a passcode typed twice, then the recovery code, which counts
// as kept only once the person says so.
package app.mend.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
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
import androidx.compose.ui.semantics.Role as SemanticsRole
import androidx.compose.ui.semantics.role
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.unit.dp
import app.mend.core.Role
import app.mend.kit.OnboardingModel
import app.mend.kit.OnboardingStep
import kotlinx.coroutines.launch

/**
 * The first-run screens, driven by [model]. [keyIsAFile]: the device key is a file (desktops),
 * which the welcome says plainly. [onRestore], where the platform can open a backup, offers
 * to restore one instead.
 */
@Composable
fun OnboardingScreen(model: OnboardingModel, onHelp: () -> Unit, keyIsAFile: Boolean = false, onRestore: (() -> Unit)? = null) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    when (state.step) {
        OnboardingStep.ChooseRole -> MendScreen(strings.welcomeTitle, onHelp) {
            Text(strings.welcomeText, style = MaterialTheme.typography.bodyLarge)
            if (keyIsAFile) Text(strings.fileKeyNote, style = MaterialTheme.typography.bodyMedium)
            Text(strings.whoIsThisFor, style = MaterialTheme.typography.titleMedium)
            RoleCard(strings.repairingRole, strings.repairingRoleDetail, "role-repairing") { model.chooseRole(Role.REPAIRING) }
            RoleCard(strings.hurtRole, strings.hurtRoleDetail, "role-hurt") { model.chooseRole(Role.HURT) }
            if (onRestore != null) QuietButton(strings.restoreOffer, onRestore, "restore-offer")
        }
        OnboardingStep.ChoosePasscode -> if (state.needsScreenLock) {
            MendScreen(strings.screenLockTitle, onHelp) {
                Text(strings.screenLockText, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("needs-screen-lock"))
                PrimaryButton(strings.screenLockCheckAgain, { model.checkScreenLock() }, "check-screen-lock")
                OnBack { model.back() }
                QuietButton(strings.back, { model.back() }, "back")
            }
        } else {
            var first by remember { mutableStateOf("") }
            var second by remember { mutableStateOf("") }
            MendScreen(strings.choosePasscodeTitle, onHelp) {
                Text(strings.choosePasscodeText, style = MaterialTheme.typography.bodyLarge)
                PasscodeField(strings.passcode, first, { first = it }, "passcode", enabled = !state.busy)
                if (first.isNotEmpty()) PasscodeStrengthText(first)
                PasscodeField(strings.passcodeAgain, second, { second = it }, "passcode-again", enabled = !state.busy)
                if (state.mismatch) {
                    Text(strings.passcodesDiffer, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("mismatch"))
                }
                ProblemText(state.problem)
                PrimaryButton(if (state.busy) strings.busy else strings.createVault, {
                    val (a, b) = first.toByteArray() to second.toByteArray()
                    first = ""
                    second = ""
                    scope.launch { model.choosePasscode(a, b) }
                }, "create", enabled = !state.busy && first.isNotEmpty() && second.isNotEmpty())
                OnBack { model.back() }
                QuietButton(strings.back, { model.back() }, "back")
            }
        }
        OnboardingStep.ShowRecoveryCode -> RecoveryCodeView(
            text = strings.recoveryCodeText,
            code = state.recoveryCode,
            problem = state.problem,
            onKept = { scope.launch { model.recoveryCodeKept() } },
            onHelp = onHelp,
        )
        OnboardingStep.Done -> {}
    }
}

/** One choice of whose space this is: a card that is one big button. */
@Composable
private fun RoleCard(title: String, detail: String, tag: String, onClick: () -> Unit) {
    Card(
        onClick = onClick,
        modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).testTag(tag).semantics { role = SemanticsRole.Button },
    ) {
        Column(Modifier.padding(16.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            Text(detail, style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** A recovery code shown once, in large monospaced groups, until the person keeps it. */
@Composable
fun RecoveryCodeView(
    text: String,
    code: String?,
    problem: app.mend.ffi.MendException?,
    onKept: () -> Unit,
    onHelp: () -> Unit,
) {
    val strings = LocalStrings.current
    MendScreen(strings.recoveryCodeTitle, onHelp) {
        Text(text, style = MaterialTheme.typography.bodyLarge)
        if (code != null) {
            Card(Modifier.fillMaxWidth()) {
                Text(
                    code,
                    style = MaterialTheme.typography.headlineSmall,
                    fontFamily = FontFamily.Monospace,
                    modifier = Modifier.padding(20.dp).testTag("recovery-code"),
                )
            }
        }
        ProblemText(problem)
        PrimaryButton(strings.keptRecoveryCode, onKept, "kept", enabled = code != null)
    }
}
