// Settings: how soon the space locks in the background (the choices come from the core), a new
// passcode (also when someone may know it), a new recovery code, and erasing everything after
// the person types a word to confirm.
package app.mend.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import app.mend.core.Role as VaultRole
import app.mend.kit.SettingsModel
import kotlinx.coroutines.launch

/** What settings can open over themselves. */
enum class SettingsPage { ChangePasscode, SomeoneMayKnow, NewRecoveryCode, Backup, Export, Summary }

/**
 * The settings screen's content, driven by [model]; [onOpen] opens a page over it.
 * [canBackUp]: the platform can hand a backup file to the person.
 */
@Composable
fun SettingsContent(model: SettingsModel, canBackUp: Boolean, role: VaultRole, onOpen: (SettingsPage) -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    var erasing by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) { model.refresh() }
    Text(strings.autoLockTitle, style = MaterialTheme.typography.titleMedium)
    Text(strings.autoLockText, style = MaterialTheme.typography.bodyMedium)
    Column(Modifier.selectableGroup()) {
        state.autoLockChoices.forEach { seconds ->
            val selected = state.autoLockSeconds == seconds
            Row(
                Modifier
                    .fillMaxWidth()
                    .heightIn(min = TouchTarget)
                    .selectable(selected, role = Role.RadioButton) { scope.launch { model.setAutoLock(seconds) } }
                    .testTag("autolock-$seconds"),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = selected, onClick = null)
                Text(
                    strings.autoLockChoice(seconds),
                    style = MaterialTheme.typography.bodyLarge,
                    modifier = Modifier.padding(start = 12.dp),
                )
            }
        }
    }
    if (state.biometricAvailable) {
        SwitchRow(strings.biometricTitle, strings.biometricText, state.biometric, "biometric", enabled = !state.busy) { on ->
            scope.launch { model.setBiometric(on) }
        }
    }
    SwitchRow(strings.discreetTitle, strings.discreetText, state.discreet, "discreet") { on ->
        scope.launch { model.setDiscreet(on) }
    }
    // For the partner repairing the harm, hiding can itself feel like a new secret.
    if (role == VaultRole.REPAIRING) {
        Text(strings.discreetRepairingNote, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("discreet-note"))
    }
    Text(strings.passcodeSection, style = MaterialTheme.typography.titleMedium)
    SecondaryButton(strings.changePasscode, { onOpen(SettingsPage.ChangePasscode) }, "change-passcode")
    SecondaryButton(strings.someoneMayKnow, { onOpen(SettingsPage.SomeoneMayKnow) }, "someone-may-know")
    SecondaryButton(strings.newRecoveryCode, { onOpen(SettingsPage.NewRecoveryCode) }, "new-recovery-code")
    if (canBackUp) {
        Text(strings.backupSection, style = MaterialTheme.typography.titleMedium)
        SecondaryButton(strings.makeBackup, { onOpen(SettingsPage.Backup) }, "backup")
        SecondaryButton(strings.exportTitle, { onOpen(SettingsPage.Export) }, "export")
        SecondaryButton(strings.summaryTitle, { onOpen(SettingsPage.Summary) }, "summary")
    }
    Text(strings.eraseSection, style = MaterialTheme.typography.titleMedium)
    Text(strings.eraseText, style = MaterialTheme.typography.bodyMedium)
    SecondaryButton(strings.erase, { erasing = true }, "erase", enabled = !state.busy)
    ProblemText(state.problem)
    if (erasing) {
        var typed by remember { mutableStateOf("") }
        AlertDialog(
            onDismissRequest = { erasing = false },
            title = { Text(strings.eraseConfirmTitle) },
            text = {
                Column {
                    Text(strings.eraseConfirmText(strings.eraseWord))
                    OutlinedTextField(
                        value = typed,
                        onValueChange = { typed = it },
                        singleLine = true,
                        modifier = Modifier.fillMaxWidth().testTag("erase-word"),
                    )
                }
            },
            confirmButton = {
                TextButton(
                    onClick = {
                        erasing = false
                        scope.launch { model.erase() }
                    },
                    enabled = typed.trim().equals(strings.eraseWord, ignoreCase = true),
                    modifier = Modifier.testTag("confirm-erase"),
                ) { Text(strings.erase) }
            },
            dismissButton = {
                TextButton(onClick = { erasing = false }, modifier = Modifier.testTag("cancel-erase")) { Text(strings.cancel) }
            },
        )
    }
}

/** A setting that is on or off: its title and what it does, and a switch; the whole row toggles. */
@Composable
private fun SwitchRow(title: String, text: String, on: Boolean, tag: String, enabled: Boolean = true, onChange: (Boolean) -> Unit) {
    Row(
        Modifier
            .fillMaxWidth()
            .heightIn(min = TouchTarget)
            .toggleable(on, enabled = enabled, role = Role.Switch, onValueChange = onChange)
            .testTag(tag),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Column(Modifier.weight(1f).padding(end = 12.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            Text(text, style = MaterialTheme.typography.bodyMedium)
        }
        Switch(checked = on, onCheckedChange = null, enabled = enabled)
    }
}
