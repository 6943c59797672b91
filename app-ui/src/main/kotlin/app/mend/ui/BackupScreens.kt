// Backups: making one from settings (a passphrase typed twice, progress while the core seals
// the space, where the file went), and restoring one on first run (the file, its passphrase,
// a new passcode for this device, then the new recovery code until it is kept).
package app.mend.ui

import androidx.compose.material3.LinearProgressIndicator
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
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.foundation.layout.fillMaxWidth
import app.mend.core.ExportFormat
import app.mend.kit.BackupModel
import app.mend.kit.ExportModel
import app.mend.kit.RestoreModel
import app.mend.kit.backupName
import kotlinx.coroutines.launch

/** Progress of long work, with what is happening in words (announced once). */
@Composable
private fun Working(words: String, fraction: Float) {
    Text(words, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
    LinearProgressIndicator(progress = { fraction }, modifier = Modifier.fillMaxWidth().testTag("progress"))
}

/** The backup screen, driven by [model]. */
@Composable
fun BackupScreen(model: BackupModel, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(Unit) { model.refresh() }
    var first by remember { mutableStateOf("") }
    var second by remember { mutableStateOf("") }
    val working = state.progress != null
    MendScreen(strings.makeBackup, onHelp) {
        Text(strings.backupText, style = MaterialTheme.typography.bodyLarge)
        val records = state.records
        OnBack { model.reset(); onClose() }
        if (records != null) {
            Text(strings.backupDone(records), style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("backup-done"))
            Text(state.deliveredTo?.let(strings::backupDeliveredTo) ?: strings.backupNotDelivered, style = MaterialTheme.typography.bodyLarge)
            if (state.damagedLeftOut > 0) Text(strings.backupLeftOut(state.damagedLeftOut), style = MaterialTheme.typography.bodyMedium)
            PrimaryButton(strings.back, { model.reset(); onClose() }, "close")
        } else {
            PasscodeField(strings.backupPassphrase, first, { first = it }, "backup-passphrase", enabled = !working)
            Text(strings.backupPassphraseHint(state.minChars), style = MaterialTheme.typography.bodyMedium)
            PasscodeField(strings.backupPassphraseAgain, second, { second = it }, "backup-passphrase-again", enabled = !working)
            if (state.mismatch) {
                Text(strings.passphrasesDiffer, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("mismatch"))
            }
            state.progress?.let { Working(strings.backingUp, it) }
            ProblemText(state.problem)
            PrimaryButton(strings.makeBackup, {
                val (a, b) = first.toByteArray() to second.toByteArray()
                first = ""
                second = ""
                scope.launch { model.makeBackup(a, b) }
            }, "make-backup", enabled = !working && first.isNotEmpty() && second.isNotEmpty())
            QuietButton(strings.back, { model.reset(); onClose() }, "back")
        }
    }
}

/** The export screen, driven by [model]: the warning first, then the two formats. */
@Composable
fun ExportScreen(model: ExportModel, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    MendScreen(strings.exportTitle, onHelp) {
        Text(strings.exportText, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("export-warning"))
        if (state.done) {
            Text(
                state.deliveredTo?.let(strings::exportDeliveredTo) ?: strings.exportNotDelivered,
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.testTag("export-done"),
            )
        }
        if (state.busy) LinearProgressIndicator(modifier = Modifier.fillMaxWidth().testTag("progress"))
        ProblemText(state.problem)
        SecondaryButton(strings.exportJson, { scope.launch { model.export(ExportFormat.JSON) } }, "export-json", enabled = !state.busy)
        SecondaryButton(strings.exportMarkdown, { scope.launch { model.export(ExportFormat.MARKDOWN) } }, "export-markdown", enabled = !state.busy)
        OnBack { model.reset(); onClose() }
        QuietButton(strings.back, { model.reset(); onClose() }, "back")
    }
}

/** The restore screen on first run, driven by [model]. */
@Composable
fun RestoreScreen(model: RestoreModel, onBack: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val problems = LocalProblemStrings.current
    val scope = rememberCoroutineScope()
    val code = state.recoveryCode
    if (code != null) {
        RecoveryCodeView(strings.restoredCodeText, code, state.problem, { scope.launch { model.recoveryCodeKept() } }, onHelp)
        return
    }
    var passphrase by remember { mutableStateOf("") }
    var first by remember { mutableStateOf("") }
    var second by remember { mutableStateOf("") }
    val working = state.progress != null
    MendScreen(strings.restoreTitle, onHelp) {
        Text(strings.restoreText, style = MaterialTheme.typography.bodyLarge)
        val backup = state.backup
        state.backupName?.let { name ->
            Text(strings.backupChosen(name), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("backup-chosen"))
        }
        SecondaryButton(strings.chooseBackup, { scope.launch { model.pickBackup() } }, "choose-backup", enabled = !working)
        PasscodeField(strings.backupPassphrase, passphrase, { passphrase = it }, "backup-passphrase", enabled = !working)
        PasscodeField(strings.passcodeForThisDevice, first, { first = it }, "passcode", enabled = !working)
        if (first.isNotEmpty()) PasscodeStrengthText(first)
        PasscodeField(strings.passcodeAgain, second, { second = it }, "passcode-again", enabled = !working)
        if (state.mismatch) {
            Text(strings.passcodesDiffer, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("mismatch"))
        }
        state.progress?.let { Working(strings.restoring, it) }
        ProblemText(state.problem, damaged = problems.backupDamaged)
        PrimaryButton(strings.restore, {
            val (p, a, b) = Triple(passphrase.toByteArray(), first.toByteArray(), second.toByteArray())
            passphrase = ""
            first = ""
            second = ""
            scope.launch { model.restore(p, a, b) }
        }, "restore", enabled = !working && backup != null && passphrase.isNotEmpty() && first.isNotEmpty() && second.isNotEmpty())
        OnBack { model.reset(); onBack() }
        QuietButton(strings.back, { model.reset(); onBack() }, "back")
    }
}
