// What an unlock found about the records as a whole, said on every screen of the open space
// until the person acts: an older copy of the space (read-only until kept), records that do
// not match the space's own list of them, records that could not be read. And the screen for
// a space whose settings were lost: whose space is this?
package app.mend.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.mend.core.Role
import app.mend.kit.SessionState

/** The banner for [state], if there is anything to say; [onKeep] keeps the records as they are. */
@Composable
fun RecordsBanner(state: SessionState.Unlocked, onKeep: () -> Unit) {
    if (!state.olderCopy && !state.recordsUnmatched && state.damagedRecords == 0) return
    val strings = LocalStrings.current
    Card(
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer),
        modifier = Modifier.fillMaxWidth().testTag("records-banner").semantics { liveRegion = LiveRegionMode.Polite },
    ) {
        Column(Modifier.padding(16.dp)) {
            if (state.olderCopy) Text(strings.olderCopyText, modifier = Modifier.testTag("older-copy"))
            if (state.recordsUnmatched) Text(strings.unmatchedText, modifier = Modifier.testTag("unmatched"))
            if (state.damagedRecords > 0) Text(strings.damagedText(state.damagedRecords))
        }
    }
    if (state.olderCopy || state.recordsUnmatched) {
        SecondaryButton(strings.keepAsItIs, onKeep, "keep-as-is")
    }
}

/** Whose space is this, asked again after its settings were lost. */
@Composable
fun ChooseRoleAgainScreen(onHelp: () -> Unit, onChoose: (Role) -> Unit) {
    val strings = LocalStrings.current
    MendScreen(strings.settingsLostTitle, onHelp) {
        Text(strings.settingsLostText, style = MaterialTheme.typography.bodyLarge)
        SecondaryButton(strings.repairingRole, { onChoose(Role.REPAIRING) }, "again-repairing")
        SecondaryButton(strings.hurtRole, { onChoose(Role.HURT) }, "again-hurt")
    }
}
