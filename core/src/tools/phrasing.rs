//! A local check of remorse-letter drafts: it flags phrasing that asks the hurt partner for
//! something (forgiveness, comfort, to move on), that makes the affair sound smaller, or that
//! justifies it or shares out the blame. It runs entirely on the device and only points:
//! the person decides what to change.

use crate::error::{InputField, Result};
use crate::text::TextRule;

/// Why a span was flagged.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhrasingReason {
    /// Asks the hurt partner to forgive.
    AsksForgiveness,
    /// Turns toward the writer's own pain and asks to be comforted.
    AsksForComfort,
    /// Hurries healing along ("move on", "put it behind us").
    RushesHealing,
    /// Makes the harm sound smaller, or conditional ("if you were hurt").
    Minimises,
    /// Explains the affair as something that was reasonable or inevitable.
    Justifies,
    /// Puts blame on the hurt partner, or shares it out.
    Blames,
}

/// One flagged span of a draft.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhrasingFlag {
    /// Where it starts, in Unicode scalar values from the start of the text.
    pub start: u32,
    /// Where it ends (exclusive), likewise.
    pub end: u32,
    /// The flagged words as written.
    pub excerpt: String,
    /// Why.
    pub reason: PhrasingReason,
}

/// Phrases by reason. A leading `^` means the phrase counts only at the start of a sentence
/// (so "Forgive me." is flagged but "I don't expect you to forgive me." is not).
const PATTERNS: &[(PhrasingReason, &[&str])] = &[
    (
        PhrasingReason::AsksForgiveness,
        &[
            "^forgive me",
            "please forgive",
            "can you forgive",
            "will you forgive",
            "could you forgive",
            "need you to forgive",
            "hope you can forgive",
            "hope you'll forgive",
            "hope you will forgive",
            "you have to forgive",
            "you should forgive",
        ],
    ),
    (
        PhrasingReason::AsksForComfort,
        &[
            "i feel so bad",
            "i feel terrible",
            "i feel awful",
            "i feel so guilty",
            "i hate myself",
            "i can't live with myself",
            "i can't forgive myself",
            "tell me it's okay",
            "tell me it's ok",
            "tell me you still love me",
            "tell me we'll be okay",
            "please don't leave me",
            "how hard this is for me",
            "i'm suffering too",
            "i am suffering too",
            "i've been through a lot",
        ],
    ),
    (
        PhrasingReason::RushesHealing,
        &[
            "move on",
            "moving on",
            "put this behind us",
            "put it behind us",
            "get over it",
            "get past this",
            "let it go",
            "forget about it",
            "forget it ever happened",
            "the past is the past",
            "start fresh",
        ],
    ),
    (
        PhrasingReason::Minimises,
        &[
            "if you were hurt",
            "if i hurt you",
            "if that hurt you",
            "if this hurt you",
            "sorry if",
            "sorry you feel",
            "sorry that you feel",
            "mistake",
            "mistakes",
            "a slip",
            "a lapse",
            "it just happened",
            "it didn't mean anything",
            "it meant nothing",
            "didn't mean anything",
            "only once",
            "just once",
            "not a big deal",
            "no big deal",
            "it was nothing",
            "only kissed",
            "just kissed",
            "just texting",
            "only texting",
            "nothing really happened",
        ],
    ),
    (
        PhrasingReason::Justifies,
        &[
            "i only did it because",
            "i did it because",
            "the only reason i",
            "you have to understand",
            "i had my reasons",
            "anyone would have",
            "i couldn't help it",
            "i couldn't help myself",
            "i was drunk",
            "it wasn't my fault",
            "it's not my fault",
            "i deserved",
            "what choice did i have",
        ],
    ),
    (
        PhrasingReason::Blames,
        &[
            "but you",
            "you never",
            "you always",
            "if you had",
            "if you hadn't",
            "you made me",
            "we both",
            "you pushed me",
            "it takes two",
            "you weren't there",
            "you were never there",
            "you drove me",
            "our marriage was already",
            "our relationship was already",
        ],
    ),
];

/// The lower-cased text with typographic apostrophes made plain, and for each of its bytes
/// the index of the original scalar value it came from.
fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let c = if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') { '\'' } else { c };
        for l in c.to_lowercase() {
            let before = lower.len();
            lower.push(l);
            origin.extend(std::iter::repeat_n(i, lower.len() - before));
        }
    }
    (lower, origin)
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '\'')
}

/// The longest draft the phrasing check reads, in bytes.
pub const MAX_LETTER_BYTES: u32 = 1024 * 1024;

/// Flags phrasing in a remorse-letter draft that the remorse step cautions against, in
/// order of position. Runs entirely on the device.
pub fn check_letter(text: &str) -> Result<Vec<PhrasingFlag>> {
    TextRule::lines(MAX_LETTER_BYTES).in_bytes().check(InputField::Letter, text)?;
    Ok(check(text))
}

/// Flags phrasing in `text` that the remorse step cautions against, in order of position.
pub fn check(text: &str) -> Vec<PhrasingFlag> {
    let (lower, origin) = normalise(text);
    let chars: Vec<char> = text.chars().collect();
    let mut flags: Vec<PhrasingFlag> = Vec::new();
    for (reason, phrases) in PATTERNS {
        for pattern in *phrases {
            let (sentence_start, phrase) = match pattern.strip_prefix('^') {
                Some(p) => (true, p),
                None => (false, *pattern),
            };
            for (at, _) in lower.match_indices(phrase) {
                let end = at + phrase.len();
                let before = lower[..at].chars().next_back();
                let after = lower[end..].chars().next();
                if is_word_char(before) || is_word_char(after) {
                    continue;
                }
                let opens_sentence = lower[..at]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
                if sentence_start && !opens_sentence {
                    continue;
                }
                let (start, last) = (origin[at], origin[end - 1]);
                let (start, end) = (start as u32, last as u32 + 1);
                if flags.iter().any(|f| f.start < end && start < f.end) {
                    continue; // an overlapping, earlier-listed reason already covers it
                }
                flags.push(PhrasingFlag {
                    start,
                    end,
                    excerpt: chars[start as usize..end as usize].iter().collect(),
                    reason: *reason,
                });
            }
        }
    }
    flags.sort_by_key(|f| f.start);
    flags
}

#[cfg(test)]
mod tests {
    use super::PhrasingReason::*;
    use super::*;

    fn reasons(text: &str) -> Vec<PhrasingReason> {
        check(text).into_iter().map(|f| f.reason).collect()
    }

    #[test]
    fn flags_what_the_remorse_step_cautions_against() {
        let cases: &[(&str, &[PhrasingReason])] = &[
            ("Please forgive me.", &[AsksForgiveness]),
            ("I hope you can forgive me one day.", &[AsksForgiveness]),
            ("Can you forgive what I did?", &[AsksForgiveness]),
            ("I need you to forgive me so we can heal.", &[AsksForgiveness]),
            ("I feel so bad about all of it.", &[AsksForComfort]),
            ("I hate myself for this.", &[AsksForComfort]),
            ("Tell me it's okay between us.", &[AsksForComfort]),
            ("Tell me it’s okay.", &[AsksForComfort]),
            ("You don't know how hard this is for me.", &[AsksForComfort]),
            ("Please don't leave me.", &[AsksForComfort]),
            ("Can we move on now?", &[RushesHealing]),
            ("I want to put this behind us.", &[RushesHealing]),
            ("You need to let it go.", &[RushesHealing]),
            ("I'm sorry if you were hurt.", &[Minimises]),
            ("I'm sorry if I hurt you.", &[Minimises]),
            ("I'm sorry you feel that way.", &[Minimises]),
            ("It was a mistake.", &[Minimises]),
            ("It just happened.", &[Minimises]),
            ("It didn't mean anything.", &[Minimises]),
            ("It was only once.", &[Minimises]),
            ("We only kissed.", &[Minimises]),
            ("It was a slip.", &[Minimises]),
            ("I did it because I was lonely.", &[Justifies]),
            ("You have to understand where I was.", &[Justifies]),
            ("I couldn't help it.", &[Justifies]),
            ("I was drunk that night.", &[Justifies]),
            ("It wasn't my fault.", &[Justifies]),
            ("I'm sorry, but you were never home.", &[Blames]),
            ("You never listened to me.", &[Blames]),
            ("If you hadn't been so distant, none of this would have happened.", &[Blames]),
            ("We both made mistakes.", &[Blames, Minimises]),
            ("You made me feel invisible.", &[Blames]),
            ("It takes two.", &[Blames]),
            ("I'M SORRY IF YOU WERE HURT.", &[Minimises]),
            (
                "Forgive me. It was a mistake, but you never noticed me.",
                &[AsksForgiveness, Minimises, Blames],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&reasons(text), expected, "{text}");
        }
    }

    #[test]
    fn leaves_accountable_phrasing_alone() {
        for text in [
            "I lied to you for months, and I am sorry.",
            "You were hurt because I lied to you.",
            "I hurt you, and I take full responsibility.",
            "I see how much pain I caused you.",
            "You have every reason to be angry with me.",
            "I slipped out at night to see them, and I lied about where I was.",
            "But your pain matters more than my shame.",
            "I chose this. Nothing you did made it okay.",
            "I'm changing how I handle loneliness: I will tell you when I feel it.",
            "I will answer every question you ask, for as long as you need.",
            "I don't expect you to forgive me.",
            "You stopped sleeping because of what I did.",
            "",
            "Écrit avec remords : je t'ai menti.",
        ] {
            assert!(check(text).is_empty(), "flagged: {text} -> {:?}", check(text));
        }
    }

    #[test]
    fn spans_point_at_the_words_as_written() {
        let text = "Ärger ist berechtigt. Sorry if this sounds cold — it was a MISTAKE.";
        let flags = check(text);
        assert_eq!(flags.len(), 2);
        let chars: Vec<char> = text.chars().collect();
        for f in &flags {
            let span: String = chars[f.start as usize..f.end as usize].iter().collect();
            assert_eq!(span, f.excerpt);
        }
        assert_eq!(flags[0].excerpt, "Sorry if");
        assert_eq!(flags[1].excerpt, "MISTAKE");
    }
}
