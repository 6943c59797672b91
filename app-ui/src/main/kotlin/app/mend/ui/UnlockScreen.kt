// The lock screen: the passcode, how many tries are left, a live countdown while a wait
// applies, and help and "forgot passcode" reachable while locked.
package app.mend.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableLongStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import app.mend.kit.UnlockModel
import java.time.Instant
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch

/** The lock screen, driven by [model]. */
@Composable
fun UnlockScreen(model: UnlockModel, onForgot: () -> Unit, onHelp: () -> Unit, now: () -> Instant = Instant::now) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val problems = LocalProblemStrings.current
    val scope = rememberCoroutineScope()
    var passcode by remember { mutableStateOf("") }
    var waitSeconds by remember { mutableLongStateOf(0L) }
    LaunchedEffect(Unit) { model.refresh() }
    // The countdown: once a second while a wait applies, then the status is read again.
    LaunchedEffect(state.status) {
        waitSeconds = state.secondsToWait(now())
        while (waitSeconds > 0) {
            delay(1_000)
            waitSeconds = state.secondsToWait(now())
            if (waitSeconds == 0L) model.refresh()
        }
    }
    MendScreen(strings.unlockTitle, onHelp) {
        PasscodeField(strings.passcode, passcode, { passcode = it }, "passcode", enabled = !state.busy)
        val status = state.status
        when {
            waitSeconds > 0 -> Text(
                problems.wait(waitSeconds),
                color = MaterialTheme.colorScheme.error,
                modifier = Modifier.testTag("wait").semantics { liveRegion = LiveRegionMode.Polite },
            )
            state.problem != null -> ProblemText(state.problem)
        }
        if (status?.lastAttemptInterrupted == true && waitSeconds > 0) {
            Text(strings.interruptedAttempt, style = MaterialTheme.typography.bodyMedium)
        }
        PrimaryButton(if (state.busy) strings.busy else strings.unlock, {
            val bytes = passcode.toByteArray()
            passcode = ""
            scope.launch { model.submit(bytes) }
        }, "unlock", enabled = passcode.isNotEmpty() && waitSeconds == 0L && !state.busy)
        if (state.biometricReady) {
            SecondaryButton(strings.biometricUnlock, {
                scope.launch { model.unlockWithBiometrics() }
            }, "biometric-unlock", enabled = waitSeconds == 0L && !state.busy)
        }
        if (state.biometricSwitchedOff) {
            Text(strings.biometricSwitchedOff, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("biometric-off"))
        }
        QuietButton(strings.forgotPasscode, onForgot, "forgot")
    }
}
