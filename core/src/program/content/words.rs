//! The words of the apps' own screens — titles, buttons, what a refusal means in the person's
//! terms — keyed by name in `content/<code>/screens.toml`, so both apps read one catalogue
//! and a translation is one more file. A wording is plain, its placeholders (`{place}`)
//! filled by name, or counted: one form per plural category of the language, chosen by the
//! whole number named `count`. Apple's devices have a few words of their own (Face ID, the
//! device passcode), kept beside the common ones.

/// The devices the words are for: Apple's name their own features.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordsFor {
    /// Android phones and computers.
    Standard,
    /// iPhones and iPads.
    Apple,
}

/// A value to put into a wording's placeholder of the same name.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordArg {
    /// The placeholder's name, as in `{name}`.
    pub name: String,
    /// The value.
    pub value: WordValue,
}

/// A placeholder's value: text as it is, or a whole number (which picks a counted wording's
/// form when it is named `count`).
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordValue {
    /// Text, put in as it is.
    Text {
        /// The text.
        text: String,
    },
    /// A whole number.
    Count {
        /// The number.
        count: i64,
    },
}

/// How the words are wanted: the language (for its plural rule), the devices, and whether
/// pseudo-translated (the `en-XA` pseudo-locale, for testing screens for a longer language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voice<'a> {
    /// The language code, for its plural rule.
    pub language: &'a str,
    /// The devices the words are for.
    pub devices: WordsFor,
    /// Whether each text is pseudo-translated ([`pseudo`]).
    pub pseudo: bool,
}

/// One wording: plain, or a form per plural category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wording {
    /// One text for every number.
    Plain(String),
    /// The forms by plural category; `other` is always there.
    Counted(Vec<(String, String)>),
}

impl Wording {
    /// Every text of the wording.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Wording::Plain(text) => vec![text],
            Wording::Counted(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }

    /// The text for `count` in `language` (the `other` form when the category has none).
    fn form(&self, language: &str, count: Option<i64>) -> &str {
        match self {
            Wording::Plain(text) => text,
            Wording::Counted(forms) => {
                let category = plural_category(language, count.unwrap_or(0));
                let pick = |c: &str| forms.iter().find(|(k, _)| k == c).map(|(_, t)| t.as_str());
                pick(category).or_else(|| pick("other")).unwrap_or_default()
            }
        }
    }
}

/// The screens' words of one language: each key's common wording and Apple's own, if any.
#[derive(Debug, Clone, Default)]
pub struct ScreenWords {
    /// The common wordings, by key (sorted).
    pub common: Vec<(String, Wording)>,
    /// Apple's own wordings, for some of the same keys (sorted).
    pub apple: Vec<(String, Wording)>,
}

fn find<'a>(list: &'a [(String, Wording)], key: &str) -> Option<&'a Wording> {
    list.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|i| &list[i].1)
}

impl ScreenWords {
    /// The wording under `key` for `devices`.
    pub fn wording(&self, key: &str, devices: WordsFor) -> Option<&Wording> {
        let own = match devices {
            WordsFor::Apple => find(&self.apple, key),
            WordsFor::Standard => None,
        };
        own.or_else(|| find(&self.common, key))
    }

    /// Every plain wording by key, as `voice` wants it, placeholders still in: what a
    /// screen shows as it is, or fills itself. Counted wordings come from [`Self::format`].
    pub fn plain(&self, voice: Voice) -> Vec<(String, String)> {
        self.common
            .iter()
            .filter_map(|(key, _)| match self.wording(key, voice.devices)? {
                Wording::Plain(text) => Some((key.clone(), voice.say(text))),
                Wording::Counted(_) => None,
            })
            .collect()
    }

    /// The words under `key` as `voice` wants them, the form chosen by the argument named
    /// `count` and each `{name}` replaced by the argument of that name (a placeholder
    /// without one stays as it is, which the apps' tests catch). None for an unknown key.
    pub fn format(&self, key: &str, args: &[WordArg], voice: Voice) -> Option<String> {
        let count = args.iter().find_map(|a| match (&a.value, a.name.as_str()) {
            (WordValue::Count { count }, "count") => Some(*count),
            _ => None,
        });
        let wording = self.wording(key, voice.devices)?;
        Some(fill(&voice.say(wording.form(voice.language, count)), args))
    }
}

impl Voice<'_> {
    /// `text` as this voice says it: pseudo-translated or as it is.
    fn say(&self, text: &str) -> String {
        if self.pseudo { pseudo(text) } else { text.to_owned() }
    }
}

/// `text` pseudo-translated: each vowel and a few consonants accented, a third longer and
/// bracketed, placeholders untouched. On a screen it shows any words an app did not take
/// from this catalogue (they stay plain) and any layout too tight for a longer language.
pub fn pseudo(text: &str) -> String {
    const PLAIN: &str = "aeiouycnAEIOUYCN";
    const ACCENTED: [char; 16] =
        ['á', 'é', 'í', 'ó', 'ú', 'ý', 'ç', 'ñ', 'Á', 'É', 'Í', 'Ó', 'Ú', 'Ý', 'Ç', 'Ñ'];
    let mut out = String::from("[");
    let mut in_placeholder = false;
    for c in text.chars() {
        in_placeholder = (in_placeholder || c == '{') && c != '}';
        match PLAIN.find(c) {
            Some(i) if !in_placeholder => out.push(ACCENTED[i]),
            _ => out.push(c),
        }
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    out.push_str(&" ~".repeat(letters.div_ceil(6)));
    out.push(']');
    out
}

/// `template` with each `{name}` replaced by the argument of that name.
fn fill(template: &str, args: &[WordArg]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let arg = close.and_then(|c| args.iter().find(|a| a.name == after[..c]));
        match (close, arg) {
            (Some(c), Some(arg)) => {
                match &arg.value {
                    WordValue::Text { text } => out.push_str(text),
                    WordValue::Count { count } => out.push_str(&count.to_string()),
                }
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders' names in `text`, in order: each `{name}`.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect()
}

/// The plural category of the whole number `n` in `language` (CLDR's rules for whole
/// numbers): English's rule unless the language counts otherwise.
pub fn plural_category(language: &str, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let (ten, hundred) = (n % 10, n % 100);
    match language {
        // No plural forms.
        "ja" | "ko" | "zh" | "vi" | "th" | "id" | "ms" => "other",
        // Zero and one are "one".
        "fr" | "pt" | "hi" | "fa" => {
            if n <= 1 {
                "one"
            } else {
                "other"
            }
        }
        // East Slavic: 1, 21, 31… are "one"; 2–4, 22–24… "few"; the rest "many".
        "ru" | "uk" | "be" => {
            if ten == 1 && hundred != 11 {
                "one"
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                "few"
            } else {
                "many"
            }
        }
        // Polish: only 1 is "one"; 2–4, 22–24… "few"; the rest "many".
        "pl" => {
            if n == 1 {
                "one"
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                "few"
            } else {
                "many"
            }
        }
        _ => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str, text: &str) -> WordArg {
        WordArg { name: name.into(), value: WordValue::Text { text: text.into() } }
    }

    fn count(n: i64) -> WordArg {
        WordArg { name: "count".into(), value: WordValue::Count { count: n } }
    }

    fn words() -> ScreenWords {
        let counted = Wording::Counted(vec![
            ("one".into(), "{count} record".into()),
            ("other".into(), "{count} records".into()),
        ]);
        ScreenWords {
            common: vec![
                ("records".into(), counted),
                ("saved".into(), Wording::Plain("Saved to {place}.".into())),
                ("unlock".into(), Wording::Plain("Use fingerprint or face".into())),
            ],
            apple: vec![("unlock".into(), Wording::Plain("Use Face ID or Touch ID".into()))],
        }
    }

    #[test]
    fn placeholders_are_filled_by_name_and_counts_pick_their_form() {
        let w = words();
        let voice = Voice { language: "en", devices: WordsFor::Standard, pseudo: false };
        let f = |key: &str, args: &[WordArg]| w.format(key, args, voice);
        assert_eq!(f("records", &[count(1)]).unwrap(), "1 record");
        assert_eq!(f("records", &[count(0)]).unwrap(), "0 records");
        assert_eq!(f("records", &[count(12)]).unwrap(), "12 records");
        assert_eq!(f("saved", &[text("place", "Files {x}")]).unwrap(), "Saved to Files {x}.");
        // A placeholder without its argument stays visible, so a test sees it.
        assert_eq!(f("saved", &[]).unwrap(), "Saved to {place}.");
        assert_eq!(f("nothing", &[]), None);
        assert_eq!(fill("{open", &[]), "{open");
        assert_eq!(fill("{a}{b}", &[text("b", "2"), text("a", "1")]), "12");
    }

    #[test]
    fn apple_devices_get_their_own_words_where_they_have_them() {
        let w = words();
        let apple = Voice { language: "en", devices: WordsFor::Apple, pseudo: false };
        let standard = Voice { devices: WordsFor::Standard, ..apple };
        assert_eq!(w.format("unlock", &[], apple).unwrap(), "Use Face ID or Touch ID");
        assert_eq!(w.format("unlock", &[], standard).unwrap(), "Use fingerprint or face");
        assert_eq!(w.format("saved", &[], apple).unwrap(), "Saved to {place}.");
        let plain = w.plain(apple);
        assert_eq!(plain.len(), 2, "counted wordings are formatted one by one");
        assert!(plain.contains(&("unlock".into(), "Use Face ID or Touch ID".into())));
    }

    #[test]
    fn pseudo_translation_accents_and_lengthens_the_words_but_not_what_fills_them() {
        let w = words();
        let voice = Voice { language: "en", devices: WordsFor::Standard, pseudo: true };
        let saved = w.format("saved", &[text("place", "Documents")], voice).unwrap();
        assert_eq!(saved, "[Sávéd tó Documents. ~ ~]");
        assert_eq!(pseudo("{count} records"), "[{count} réçórds ~ ~]");
        assert!(w.plain(voice).iter().all(|(_, t)| t.starts_with('[') && t.ends_with(']')));
    }

    #[test]
    fn each_language_counts_by_its_own_rule() {
        let cases = [
            ("en", [(0, "other"), (1, "one"), (2, "other"), (21, "other")]),
            ("fr", [(0, "one"), (1, "one"), (2, "other"), (21, "other")]),
            ("ru", [(1, "one"), (3, "few"), (11, "many"), (21, "one")]),
            ("pl", [(1, "one"), (22, "few"), (12, "many"), (21, "many")]),
            ("ja", [(0, "other"), (1, "other"), (2, "other"), (21, "other")]),
        ];
        for (language, expected) in cases {
            for (n, category) in expected {
                assert_eq!(plural_category(language, n), category, "{language} {n}");
            }
        }
        assert_eq!(placeholders("At {time}, {days} {"), vec!["time", "days"]);
    }
}
