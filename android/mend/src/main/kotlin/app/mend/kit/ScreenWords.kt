// The words of the app's own screens, from the core's keyed catalogue
// (`content/<code>/screens.toml`) in the device's language: the plain ones read once, and
// those with counts or placeholders formatted by the core, which knows each language's plural
// rule. The iOS app reads the same catalogue, so a translation is written once.
package app.mend.kit

import app.mend.core.WordArg
import app.mend.core.WordValue
import app.mend.core.WordsFor
import app.mend.ffi.screenWord
import app.mend.ffi.screenWords
import app.mend.ffi.setLanguage
import java.util.Locale

/**
 * The screens' words in one language. [plain] holds every plain wording by key; [format]
 * asks the core for a wording with its arguments filled (null for an unknown key). With
 * [strict], an unknown key or an unfilled placeholder is an error instead of showing the
 * key (for tests).
 */
class ScreenWords(
    private val plain: Map<String, String>,
    private val format: (String, List<WordArg>) -> String?,
    private val strict: Boolean = false,
) {
    /** The plain wording under [key]. */
    operator fun get(key: String): String {
        val text = plain[key] ?: return fill(key)
        if (strict) check('{' !in text) { "$key has placeholders to fill" }
        return text
    }

    /**
     * The wording under [key] with each `{name}` filled from [args]: a whole number
     * ([Int] or [Long]) as a count (the one named `count` picks a counted wording's form),
     * anything else as text.
     */
    fun fill(key: String, vararg args: Pair<String, Any>): String {
        val values = args.map { (name, value) ->
            WordArg(
                name,
                when (value) {
                    is Int -> WordValue.Count(value.toLong())
                    is Long -> WordValue.Count(value)
                    else -> WordValue.Text(value.toString())
                },
            )
        }
        val text = format(key, values)
        if (strict) {
            check(text != null) { "no words under $key" }
            // The message names the key only: the filled text may hold what the person wrote.
            check('{' !in text || args.any { (_, v) -> '{' in v.toString() }) { "$key: a placeholder is left unfilled" }
        }
        return text ?: key
    }

    companion object {
        /**
         * The words in [languageTag]'s language (the device's unless given; English where
         * the core has no translation), for [devices]. Sets the core's language too, so words
         * read before the session starts are in the same language as the program's.
         */
        fun load(
            languageTag: String = Locale.getDefault().toLanguageTag(),
            devices: WordsFor = WordsFor.STANDARD,
            strict: Boolean = false,
        ): ScreenWords {
            setLanguage(languageTag)
            return ScreenWords(screenWords(devices), { key, args -> screenWord(key, args, devices) }, strict)
        }
    }
}
