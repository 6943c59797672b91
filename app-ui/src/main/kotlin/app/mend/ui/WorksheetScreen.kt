// A written worksheet (a remorse letter, a story worksheet, a validation note): one field per
// heading from the core's content. In a remorse letter, the words the core's phrasing check
// flags are underlined where they stand, and each flag says why and offers a rewrite, so the
// writer can look again; words of self-harm are answered with help instead.
package app.mend.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.input.OffsetMapping
import androidx.compose.ui.text.input.TransformedText
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.unit.dp
import app.mend.core.PhrasingFlag
import app.mend.core.ToolRecord
import app.mend.kit.WorksheetModel
import kotlinx.coroutines.launch

/** The worksheet screen, driven by [model], opening [existing] (or a new one). */
@Composable
fun WorksheetScreen(model: WorksheetModel, existing: ToolRecord?, onClose: () -> Unit, onHelp: () -> Unit) {
    val state by model.state.collectAsState()
    val strings = LocalStrings.current
    val scope = rememberCoroutineScope()
    LaunchedEffect(existing) { model.open(existing) }
    val info = state.info
    MendScreen(info?.title ?: "", onHelp) {
        info?.sections?.forEachIndexed { index, heading ->
            val text = state.sections.getOrElse(index) { "" }
            // Danger is answered with help, never with writing tips.
            val check = state.checks.getOrNull(index)
            val flags = state.flags(index)
            val mark = MaterialTheme.colorScheme.error
            OutlinedTextField(
                value = text,
                onValueChange = { scope.launch { model.edit(index, it) } },
                label = { Text(heading) },
                minLines = 4,
                visualTransformation = FlagUnderline(flags, mark),
                modifier = Modifier.fillMaxWidth().heightIn(min = 120.dp).testTag("section-$index"),
            )
            // The letter is kept before help opens, so nothing written is lost on the way.
            check?.help?.let { HelpOfferCard(it) { scope.launch { model.save(); onHelp() } } }
            if (check != null && check.nothingFound.isNotEmpty()) {
                Text(check.nothingFound, style = MaterialTheme.typography.bodySmall, modifier = Modifier.testTag("nothing-found"))
            }
            flags.forEach { flag ->
                Column(Modifier.testTag("flag"), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(
                        strings.flagged(flag.excerpt, flag.label),
                        color = MaterialTheme.colorScheme.error,
                        style = MaterialTheme.typography.bodyMedium,
                    )
                    Text(flag.suggestion, style = MaterialTheme.typography.bodySmall)
                }
            }
        }
        ProblemText(state.problem)
        if (state.saved) Text(strings.saved, modifier = Modifier.testTag("saved"))
        if (state.saved) state.savedHelp?.let { HelpOfferCard(it, onHelp) }
        PrimaryButton(if (state.busy) strings.busy else strings.save, { scope.launch { model.save() } }, "save", enabled = !state.busy)
        OnBack(action = onClose)
        QuietButton(strings.back, onClose, "close")
    }
}

/** Underlines the flagged spans of a text as it is typed (the text itself is unchanged). */
private class FlagUnderline(private val flags: List<PhrasingFlag>, private val color: Color) : VisualTransformation {
    override fun filter(text: AnnotatedString): TransformedText {
        val plain = text.text
        val styled = buildAnnotatedString {
            append(plain)
            for (flag in flags) {
                // The core counts Unicode scalar values; the text field counts UTF-16 units.
                val start = utf16Offset(plain, flag.start.toInt()) ?: continue
                val end = utf16Offset(plain, flag.end.toInt()) ?: continue
                addStyle(SpanStyle(textDecoration = TextDecoration.Underline, color = color), start, end)
            }
        }
        return TransformedText(styled, OffsetMapping.Identity)
    }

    private fun utf16Offset(text: String, codePoints: Int): Int? =
        runCatching { text.offsetByCodePoints(0, codePoints) }.getOrNull()
}
