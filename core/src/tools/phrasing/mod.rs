//! A local check of remorse-letter drafts. It flags phrasing that asks the hurt partner for
//! something (forgiveness, comfort, trust, to move on), that regrets being found out rather
//! than the act, that makes the apology conditional, softens or shrinks what happened,
//! justifies it, or lays the blame on circumstances or on the partner; and it recognises
//! words of self-harm, which the screens answer with help, not a style note. Its words, labels
//! and rewrites are content (`content/<language>/phrasing.toml`). It runs entirely on the
//! device and only points: the person decides what to change.

mod words;

use std::sync::OnceLock;

use crate::error::{InputField, Result};
use crate::program::content::{PhrasingWords, bundled, current_language};
use crate::text::TextRule;
use words::canonical;

/// Why a span was flagged.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhrasingReason {
    /// Words of self-harm or of wanting to die: the screens show help, not a style note.
    SelfHarm,
    /// Asks the hurt partner to forgive, or for another chance.
    AsksForgiveness,
    /// Regrets being found out rather than the act ("sorry you found out").
    Regret,
    /// A conditional or vague apology ("if you were hurt", "any hurt I may have caused").
    Conditional,
    /// Turns toward the writer's own pain and asks to be comforted.
    AsksForComfort,
    /// Hurries healing along, or is impatient with it ("move on", "how many times").
    RushesHealing,
    /// Asks for trust, or sets a timeline for it.
    DemandsTrust,
    /// Softens what happened into something vague ("things happened").
    Euphemism,
    /// Makes the affair or the other person sound smaller ("it meant nothing").
    Minimises,
    /// Explains the affair as reasonable, inevitable or out of the writer's hands.
    Justifies,
    /// Lays the cause on circumstances ("stress at work", "I was drunk").
    BlamesCircumstance,
    /// Puts blame on the hurt partner, or shares it out.
    Blames,
}

impl PhrasingReason {
    /// Every reason.
    pub const ALL: [PhrasingReason; 12] = [
        Self::SelfHarm,
        Self::AsksForgiveness,
        Self::Regret,
        Self::Conditional,
        Self::AsksForComfort,
        Self::RushesHealing,
        Self::DemandsTrust,
        Self::Euphemism,
        Self::Minimises,
        Self::Justifies,
        Self::BlamesCircumstance,
        Self::Blames,
    ];

    /// The key the content names it by.
    pub fn key(self) -> &'static str {
        match self {
            Self::SelfHarm => "self-harm",
            Self::AsksForgiveness => "asks-forgiveness",
            Self::Regret => "regret",
            Self::Conditional => "conditional",
            Self::AsksForComfort => "asks-for-comfort",
            Self::RushesHealing => "rushes-healing",
            Self::DemandsTrust => "demands-trust",
            Self::Euphemism => "euphemism",
            Self::Minimises => "minimises",
            Self::Justifies => "justifies",
            Self::BlamesCircumstance => "blames-circumstance",
            Self::Blames => "blames",
        }
    }

    /// The reason the content calls `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether a justification in the same sentence as a refusal of excuses ("that is no
    /// excuse") is left alone.
    fn is_excuse(self) -> bool {
        matches!(self, Self::Justifies | Self::BlamesCircumstance)
    }
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
    /// Why, in words to show beside the span.
    pub label: String,
    /// A rewrite to consider.
    pub suggestion: String,
}

/// A rule's phrases in canonical words.
struct Compiled {
    reason: PhrasingReason,
    label: &'static str,
    suggestion: &'static str,
    /// (only at the start of a sentence, the phrase)
    phrases: Vec<(bool, String)>,
}

/// The content's rules, phrases read as canonical words once.
struct Rules {
    rules: Vec<Compiled>,
    accepts: Vec<String>,
    disowns: Vec<String>,
}

fn words_of(phrase: &str) -> String {
    canonical(phrase).text
}

impl Rules {
    fn compile(words: &'static PhrasingWords) -> Self {
        let rules = words
            .rules
            .iter()
            .map(|rule| Compiled {
                reason: rule.reason,
                label: &rule.label,
                suggestion: &rule.suggestion,
                phrases: rule
                    .phrases
                    .iter()
                    .map(|p| match p.strip_prefix('^') {
                        Some(rest) => (true, words_of(rest)),
                        None => (false, words_of(p)),
                    })
                    .collect(),
            })
            .collect();
        let all = |list: &[String]| list.iter().map(|p| words_of(p)).collect();
        Rules { rules, accepts: all(&words.accepts), disowns: all(&words.disowns) }
    }

    /// The rules of the language in use, compiled once per language.
    fn current() -> Result<&'static Rules> {
        static RULES: OnceLock<Vec<OnceLock<Option<Rules>>>> = OnceLock::new();
        let (index, count) = current_language();
        let slots = RULES.get_or_init(|| (0..count).map(|_| OnceLock::new()).collect());
        slots[index]
            .get_or_init(|| bundled(index).ok().map(|c| Rules::compile(&c.phrasing)))
            .as_ref()
            .ok_or(crate::error::Error::Damaged("the built-in program content is malformed"))
    }

    fn check(&self, text: &str) -> Vec<PhrasingFlag> {
        let c = canonical(text);
        let accepted: Vec<(usize, usize)> = self.accepts.iter().flat_map(|p| c.find(p)).collect();
        let disowned: Vec<(usize, usize)> = self
            .disowns
            .iter()
            .flat_map(|p| c.find(p))
            .map(|(first, _)| c.sentence_of(first))
            .collect();
        let mut spans: Vec<(usize, usize, &Compiled)> = Vec::new();
        for rule in &self.rules {
            for (sentence_start, phrase) in &rule.phrases {
                for (first, last) in c.find(phrase) {
                    let inside = |&(a, b): &(usize, usize)| a <= first && last <= b;
                    if (*sentence_start && !c.opens_sentence(first))
                        || (rule.reason != PhrasingReason::SelfHarm && accepted.iter().any(inside))
                        || (rule.reason.is_excuse() && disowned.iter().any(inside))
                        || spans.iter().any(|&(a, b, _)| a <= last && first <= b)
                    {
                        continue; // an overlapping, earlier-listed reason already covers it
                    }
                    spans.push((first, last, rule));
                }
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let mut flags: Vec<PhrasingFlag> = spans
            .into_iter()
            .map(|(first, last, rule)| {
                let (start, end) = (c.words[first].start, c.words[last].end);
                PhrasingFlag {
                    start,
                    end,
                    excerpt: chars[start as usize..end as usize].iter().collect(),
                    reason: rule.reason,
                    label: rule.label.to_owned(),
                    suggestion: rule.suggestion.to_owned(),
                }
            })
            .collect();
        flags.sort_by_key(|f| f.start);
        flags
    }
}

/// The longest draft the phrasing check reads, in bytes.
pub const MAX_LETTER_BYTES: u32 = 1024 * 1024;

/// Flags phrasing in a remorse-letter draft that the remorse step cautions against, and
/// words of self-harm, in order of position. Runs entirely on the device.
pub fn check_letter(text: &str) -> Result<Vec<PhrasingFlag>> {
    TextRule::lines(MAX_LETTER_BYTES).in_bytes().check(InputField::Letter, text)?;
    check(text)
}

/// Flags phrasing in `text` that the remorse step cautions against, and words of self-harm,
/// in order of position.
pub fn check(text: &str) -> Result<Vec<PhrasingFlag>> {
    Ok(Rules::current()?.check(text))
}

/// The words of self-harm or of wanting to die in `text`, if any, with the words to answer
/// them: the screens then offer help first. Any text can be asked about (a journal note, not
/// only a letter), up to the letter check's length.
pub fn self_harm_in(text: &str) -> Result<Option<PhrasingFlag>> {
    Ok(check_letter(text)?.into_iter().find(|f| f.reason == PhrasingReason::SelfHarm))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Content;

    #[test]
    fn every_reason_has_its_words_once() {
        let words = &Content::english().unwrap().phrasing;
        for reason in PhrasingReason::ALL {
            let rules: Vec<_> = words.rules.iter().filter(|r| r.reason == reason).collect();
            assert_eq!(rules.len(), 1, "{reason:?}");
            assert!(!rules[0].label.is_empty() && !rules[0].suggestion.is_empty(), "{reason:?}");
            assert!(!rules[0].phrases.is_empty(), "{reason:?}");
        }
        assert_eq!(words.rules[0].reason, PhrasingReason::SelfHarm, "self-harm comes first");
    }

    #[test]
    fn spans_point_at_the_words_as_written() {
        let text = "Ärger ist berechtigt. Sorry if this sounds cold — it was a MISTAKE.";
        let flags = check(text).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for f in &flags {
            let span: String = chars[f.start as usize..f.end as usize].iter().collect();
            assert_eq!(span, f.excerpt);
        }
        let excerpts: Vec<_> = flags.iter().map(|f| f.excerpt.as_str()).collect();
        assert_eq!(excerpts, ["Sorry if", "MISTAKE"]);
        assert_eq!(flags[0].reason, PhrasingReason::Conditional);
        assert!(flags[0].label.contains("conditional"));
    }

    #[test]
    fn a_flag_carries_its_label_and_rewrite_from_the_content() {
        let words = &Content::english().unwrap().phrasing;
        let flag = check("I want to die.").unwrap().remove(0);
        let rule = words.rules.iter().find(|r| r.reason == PhrasingReason::SelfHarm).unwrap();
        assert_eq!((flag.label, flag.suggestion), (rule.label.clone(), rule.suggestion.clone()));
        assert!(self_harm_in("Some days I dont want to be alive.").unwrap().is_some());
        assert!(self_harm_in("I want to be here for you.").unwrap().is_none());
    }
}
