// A text that shrinks to fit its room with every word whole: for the short labels that share
// a row (the tabs), where a language's longer word must neither be cut off nor broken.
package app.mend.ui

import androidx.compose.foundation.text.TextAutoSize
import androidx.compose.foundation.text.modifiers.TextAutoSizeLayoutScope
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.TextLayoutResult
import androidx.compose.ui.unit.Constraints
import androidx.compose.ui.unit.TextUnit
import androidx.compose.ui.unit.sp

/**
 * The largest font size from [max] down to [min], in steps of [step] sp, at which the text
 * fits its room without overflowing and without a word broken across lines ([min] if none).
 */
class WholeWordsFit(private val min: TextUnit, private val max: TextUnit, private val step: Float = 0.5f) : TextAutoSize {
    override fun TextAutoSizeLayoutScope.getFontSize(constraints: Constraints, text: AnnotatedString): TextUnit {
        var size = max.value
        while (size > min.value) {
            if (fits(performLayout(constraints, text, size.sp), text.text)) return size.sp
            size -= step
        }
        return min
    }

    /** Whether [layout] shows all of [text] with each line ending between words. */
    private fun fits(layout: TextLayoutResult, text: String): Boolean =
        !layout.hasVisualOverflow &&
            (0 until layout.lineCount - 1).none { line ->
                val end = layout.getLineEnd(line)
                end in 1 until text.length && text[end - 1].isLetterOrDigit() && text[end].isLetterOrDigit()
            }

    override fun equals(other: Any?): Boolean = other is WholeWordsFit && other.min == min && other.max == max && other.step == step

    override fun hashCode(): Int = (min.hashCode() * 31 + max.hashCode()) * 31 + step.hashCode()
}
