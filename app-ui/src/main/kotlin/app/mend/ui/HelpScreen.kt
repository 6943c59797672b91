// Help, one tap away from every screen, locked or not: finding a therapist, what to do in a
// crisis, crisis lines. Every word comes from the core's content.
package app.mend.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import app.mend.kit.HelpModel

/** The help screen, driven by [model]; [onBack] returns to where the person was. */
@Composable
fun HelpScreen(model: HelpModel, onBack: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    LaunchedEffect(Unit) { model.refresh() }
    MendScreen(strings.helpTitle, onHelp = null) {
        val help = state.help
        if (help != null) {
            Text(help.intro, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("help-intro"))
            Card(Modifier.fillMaxWidth()) {
                Text(help.crisis, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
            }
            Text(strings.crisisLines, style = MaterialTheme.typography.titleMedium)
            help.crisisLines.forEach { Text(it, style = MaterialTheme.typography.bodyLarge) }
            Text(help.localNote, style = MaterialTheme.typography.bodyMedium)
            Text(help.therapist, style = MaterialTheme.typography.bodyLarge)
        }
        ProblemText(state.problem)
        SecondaryButton(strings.back, onBack, "help-back")
    }
}
