// Help, one tap away from every screen, locked or not: what to do in a crisis, emergency
// numbers and crisis and abuse lines (the device's region first, each with the day it was last
// checked), signs that it is time to get help for each of them, finding a therapist, and the
// cautions about transparency and control. Every word of help comes from the core's content.
package app.mend.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import app.mend.core.HelpResource
import app.mend.kit.HelpModel

/** One service: its name, how to reach it, and (unless its place says it once for all) when its details were last checked. */
@Composable
private fun Resource(resource: HelpResource, showChecked: Boolean) {
    val strings = LocalStrings.current
    Column(Modifier.fillMaxWidth().testTag("resource-${resource.country}")) {
        Text(resource.name, style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.SemiBold)
        Text(resource.contact, style = MaterialTheme.typography.bodyLarge)
        if (showChecked) Text(strings.resourceChecked(resource.checked), style = MaterialTheme.typography.bodySmall)
    }
}

/** A place's services under its name; the day they were checked is said once when it is the same for all. */
@Composable
private fun Place(place: String, resources: List<HelpResource>) {
    val strings = LocalStrings.current
    val checked = resources.map { it.checked }.distinct().singleOrNull()
    Column(Modifier.fillMaxWidth().padding(top = 8.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Column {
            Text(place, style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.primary, modifier = Modifier.semantics { heading() })
            if (checked != null) Text(strings.resourceChecked(checked), style = MaterialTheme.typography.bodySmall)
        }
        resources.forEach { Resource(it, showChecked = checked == null) }
    }
}

/**
 * The help screen, driven by [model]; [onBack] returns to where the person was. It opens at
 * its top: first the lines to reach now for the person's place, each with a call or text
 * action (a copy action on a computer), then what to do in a crisis, signs it is time to get
 * help, the cautions, how to reach help when a phone may be checked, and every other place's
 * lines.
 */
@Composable
fun HelpScreen(model: HelpModel, onBack: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    LaunchedEffect(Unit) { model.refresh() }
    MendScreen(strings.helpTitle, onHelp = null, onBack = onBack) {
        val help = state.help
        if (help != null) {
            val elsewhere = help.resources.filter { it.country != state.region }
            Card(
                Modifier.fillMaxWidth().testTag("get-help-now"),
                colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer),
            ) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
                    Text(help.getHelpNow, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { heading() })
                    Text(help.crisis, style = MaterialTheme.typography.bodyLarge)
                    help.here.forEach { HelpLine(it) }
                    Text(help.localNoteOffline, style = MaterialTheme.typography.bodySmall)
                }
            }
            Text(help.intro, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("help-intro"))
            Text(help.redFlagsTitle, style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.primary, modifier = Modifier.semantics { heading() }.testTag("red-flags"))
            help.redFlags.groupBy { it.role }.forEach { (role, flags) ->
                Text(strings.redFlagsFor(role), style = MaterialTheme.typography.titleSmall)
                flags.forEach { Text("• " + it.text, style = MaterialTheme.typography.bodyLarge) }
            }
            Text(help.coercion, style = MaterialTheme.typography.bodyLarge)
            Text(help.transparency, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("transparency"))
            Text(help.searchedTitle, style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.primary, modifier = Modifier.semantics { heading() }.testTag("searched"))
            help.searched.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
            Text(help.therapist, style = MaterialTheme.typography.bodyLarge)
            Text(help.localNote, style = MaterialTheme.typography.bodyMedium)
            elsewhere.groupBy { it.place }.forEach { (place, resources) -> Place(place, resources) }
        }
        ProblemText(state.problem)
        OnBack(layer = 1, action = onBack)
    }
}
