//! The engine that understands what a person writes, used by every place they write. It
//! answers two questions of any text: is there danger in it ([`DangerKind`]: self-harm,
//! harm to others, threats and control, fear and violence, a child's safety), and, for a
//! remorse letter, a story or a validation note, which phrasing the program teaches to avoid
//! ([`PhrasingReason`]).
//!
//! It reads text the way people type it ([`normalise`]), stems its words ([`stem`]), marks
//! what is negated, quoted or reported ([`reading`]), and looks for the patterns of a
//! language's grammar file (`content/<language>/language.toml`, written in the syntax of
//! [`grammar`]). A negation cancels a pattern ("I'm not asking you to move on"); quoted or
//! reported words cancel a phrasing pattern ("I used to say 'it just happened'") but never
//! danger (a threat reported is still a threat); figurative speech ("my feet are killing
//! me") cancels danger. Everything runs on the device, on the text alone, and nothing of
//! the text is kept or logged.
//!
//! Its figures on sentences its grammar was never tuned on are in `docs/LANGUAGE.md`.

pub mod danger;
pub mod grammar;
pub mod model;
pub mod normalise;
pub mod phrasing;
pub mod reading;
pub mod stem;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use danger::DangerKind;
pub use phrasing::{PhrasingFlag, PhrasingReason};

use crate::error::{Error, InputField, Result};
use crate::program::content::{LanguageWords, bundled, current_language};
use crate::text::TextRule;
use grammar::{Atom, Element, GrammarError, Lexicon, Pattern, Rule};
use model::Model;
use normalise::Normaliser;
use reading::{Match, Reading, Span, Trie};

/// The longest text the engine reads, in bytes.
pub const MAX_TEXT_BYTES: u32 = 1024 * 1024;

/// A phrasing reason's rules and words.
struct PhrasingRules {
    reason: PhrasingReason,
    label: &'static str,
    suggestion: &'static str,
}

/// What a rule answers.
#[derive(Clone, Copy)]
enum Finding {
    Danger(DangerKind),
    /// An index into [`Engine::phrasing`].
    Phrasing(usize),
}

/// One compiled rule, with what it finds.
struct Compiled {
    finding: Finding,
    rule: Rule,
    /// The rule as written, to explain a finding while tuning.
    text: &'static str,
}

/// A language's grammar, compiled.
pub struct Engine {
    normaliser: Normaliser,
    lexicon: Lexicon,
    trie: Trie,
    rules: Vec<Compiled>,
    phrasing: Vec<PhrasingRules>,
    /// Patterns that own the harm: a phrasing match inside one is left alone.
    accepts: Vec<Pattern>,
    /// Figurative speech: a danger match that overlaps one is left alone.
    figurative: Vec<Pattern>,
    /// Where to try each pattern: (rule, which pattern, whether it must be absent) by the
    /// atom it starts with.
    starts: HashMap<Atom, Vec<(u32, u16, bool)>>,
    /// What the letter check says when it flags nothing.
    pub nothing_found: &'static str,
    /// The learned half, and what each of its labels answers.
    model: Option<(Model, Vec<Option<Finding>>)>,
}

/// What the engine found in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Danger, each kind once, in the order help answers it.
    pub danger: Vec<DangerKind>,
    /// Phrasing to revisit, in order of position.
    pub phrasing: Vec<PhrasingFlag>,
}

impl Engine {
    /// Compiles a language's grammar file, with its trained model if it has one.
    pub fn compile(
        words: &'static LanguageWords,
        model: Option<&[u8]>,
    ) -> std::result::Result<Self, GrammarError> {
        let mut normaliser = Normaliser {
            replace: words
                .replace
                .iter()
                .map(|(from, to)| {
                    (from.clone(), to.split_whitespace().map(str::to_owned).collect())
                })
                .collect(),
            clause_words: words.clause_words.iter().cloned().collect(),
            participles: words.participles.iter().cloned().collect(),
            mendable: Normaliser::index_mendable(&words.mendable),
            known: grammar_words(words),
        };
        let mut lexicon = Lexicon::new(&words.concepts, &normaliser)?;
        let mut rules = Vec::new();
        for group in &words.danger {
            for text in &group.rules {
                let rule = lexicon.rule(text, &normaliser)?;
                rules.push(Compiled { finding: Finding::Danger(group.kind), rule, text });
            }
        }
        let mut phrasing = Vec::new();
        for (index, group) in words.phrasing.iter().enumerate() {
            let unless = group
                .unless
                .iter()
                .map(|p| lexicon.pattern(p, &normaliser))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            for text in &group.rules {
                let mut rule = lexicon.rule(text, &normaliser)?;
                rule.none.extend(unless.iter().cloned());
                rules.push(Compiled { finding: Finding::Phrasing(index), rule, text });
            }
            phrasing.push(PhrasingRules {
                reason: group.reason,
                label: &group.label,
                suggestion: &group.suggestion,
            });
        }
        let mut patterns = |list: &[String]| {
            list.iter()
                .map(|p| lexicon.pattern(p, &normaliser))
                .collect::<std::result::Result<Vec<_>, _>>()
        };
        let accepts = patterns(&words.accepts)?;
        let figurative = patterns(&words.figurative)?;
        let mut starts: HashMap<Atom, Vec<(u32, u16, bool)>> = HashMap::new();
        for (r, compiled) in rules.iter().enumerate() {
            let all = compiled.rule.all.iter().map(|p| (p, false));
            let none = compiled.rule.none.iter().map(|p| (p, true));
            for (p, (pattern, absent)) in all.chain(none).enumerate() {
                if let Some(Element::Atoms { atoms, .. }) = pattern.elements.first() {
                    for atom in atoms {
                        starts
                            .entry(lexicon.first(*atom))
                            .or_default()
                            .push((r as u32, p as u16, absent));
                    }
                }
            }
        }
        normaliser.known.extend(lexicon.stems.keys().cloned());
        let model = match model {
            Some(bytes) => {
                let model = Model::parse(bytes)
                    .map_err(|_| GrammarError("the language model is malformed".into()))?;
                let findings = model
                    .labels
                    .iter()
                    .map(|l| {
                        DangerKind::from_key(&l.key).map(Finding::Danger).or_else(|| {
                            phrasing
                                .iter()
                                .position(|p| p.reason.key() == l.key)
                                .map(Finding::Phrasing)
                        })
                    })
                    .collect();
                Some((model, findings))
            }
            None => None,
        };
        Ok(Engine {
            normaliser,
            trie: Trie::new(&lexicon),
            lexicon,
            rules,
            phrasing,
            accepts,
            figurative,
            starts,
            nothing_found: &words.nothing_found,
            model,
        })
    }

    /// The engine of the language in use, compiled once per language.
    pub fn current() -> Result<&'static Engine> {
        static ENGINES: OnceLock<Vec<OnceLock<Option<Engine>>>> = OnceLock::new();
        let (index, count) = current_language();
        let slots = ENGINES.get_or_init(|| (0..count).map(|_| OnceLock::new()).collect());
        slots[index]
            .get_or_init(|| {
                bundled(index)
                    .ok()
                    .and_then(|c| Engine::compile(&c.language_words, c.language_model).ok())
            })
            .as_ref()
            .ok_or(Error::Damaged("the built-in program content is malformed"))
    }

    /// Reads `text` and answers both questions.
    pub fn read(&self, text: &str) -> Findings {
        self.read_with(text, true)
    }

    fn read_with(&self, text: &str, use_model: bool) -> Findings {
        let reading = Reading::new(text, &self.normaliser, &self.lexicon, &self.trie);
        let mut danger = Vec::new();
        let mut spans: Vec<(Span, usize)> = Vec::new();
        for &(first, end) in &reading.sentences {
            for (rule, span) in self.sentence(&reading, first, end) {
                match self.rules[rule].finding {
                    Finding::Danger(kind) => {
                        if !danger.contains(&kind) {
                            danger.push(kind);
                        }
                    }
                    Finding::Phrasing(index) => {
                        if !spans.iter().any(|&((a, b), _)| a < span.1 && span.0 < b) {
                            spans.push((span, index));
                        } else if let Some(pos) = spans
                            .iter()
                            .position(|&((a, b), i)| a < span.1 && span.0 < b && i > index)
                        {
                            spans[pos] = (span, index); // the earlier-listed reason wins
                        }
                    }
                }
            }
        }
        if let Some((model, findings)) = self.model.as_ref().filter(|_| use_model) {
            // Each sentence alone, and with the one after it: what one sentence says can
            // need the next ("Fine. She won't have to soon.").
            let s = &reading.sentences;
            for w in 0..s.len() {
                for last in [w, w + 1] {
                    let Some(&(_, end)) = s.get(last) else { continue };
                    let first = s[w].0;
                    let features = model::features(&reading, first, end, model.bits);
                    let scores = model.scores(&features);
                    for ((label, finding), p) in model.labels.iter().zip(findings).zip(scores) {
                        match finding {
                            _ if p < label.threshold => {}
                            Some(Finding::Danger(kind)) if !danger.contains(kind) => {
                                danger.push(*kind)
                            }
                            Some(Finding::Phrasing(index)) => {
                                let span = (first, end);
                                if !spans.iter().any(|&((a, b), _)| a < span.1 && span.0 < b) {
                                    spans.push((span, *index));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        danger.sort_by_key(|k| DangerKind::ALL.iter().position(|a| a == k));
        let chars: Vec<char> = text.chars().collect();
        let mut phrasing: Vec<PhrasingFlag> = spans
            .into_iter()
            .map(|((first, end), index)| {
                let rules = &self.phrasing[index];
                let (start, stop) = (reading.tokens[first].start, reading.tokens[end - 1].end);
                PhrasingFlag {
                    start,
                    end: stop,
                    excerpt: chars[start as usize..stop as usize].iter().collect(),
                    reason: rules.reason,
                    label: rules.label.to_owned(),
                    suggestion: rules.suggestion.to_owned(),
                }
            })
            .collect();
        phrasing.sort_by_key(|f| f.start);
        Findings { danger, phrasing }
    }

    /// The model's features of a whole text read as one window: what the trainer learns
    /// from.
    pub fn features(&self, text: &str, bits: u8) -> Vec<u32> {
        let reading = Reading::new(text, &self.normaliser, &self.lexicon, &self.trie);
        model::features(&reading, 0, reading.tokens.len(), bits)
    }

    /// What the grammar alone finds in a text, the model left out: for the trainer, which
    /// measures the two together.
    pub fn grammar_only(&self, text: &str) -> Findings {
        self.read_with(text, false)
    }

    /// The grammar rules found in a text, as written, each with the words it matched: for
    /// whoever tunes the grammar.
    #[doc(hidden)]
    pub fn explain(&self, text: &str) -> Vec<(&'static str, String)> {
        let reading = Reading::new(text, &self.normaliser, &self.lexicon, &self.trie);
        let mut out = Vec::new();
        for &(first, end) in &reading.sentences {
            for (rule, (a, b)) in self.sentence(&reading, first, end) {
                let words: Vec<&str> =
                    reading.tokens[a..b].iter().map(|t| t.word.as_str()).collect();
                out.push((self.rules[rule].text, words.join(" ")));
            }
        }
        out
    }

    /// The rules found in one sentence, each with the span of its first pattern, in rule
    /// order.
    fn sentence(&self, reading: &Reading, first: usize, end: usize) -> Vec<(usize, Span)> {
        // Every place each (rule, pattern) is found in the sentence, before any scope check.
        let mut found: HashMap<(u32, u16), Vec<Match>> = HashMap::new();
        for i in first..end {
            let word = Atom::Word(reading.stem(i));
            let atoms = std::iter::once(word).chain(reading.concepts_at(i).map(Atom::Concept));
            for atom in atoms {
                for &(rule, p, absent) in self.starts.get(&atom).into_iter().flatten() {
                    let compiled = &self.rules[rule as usize];
                    let pattern = if absent {
                        &compiled.rule.none[usize::from(p) - compiled.rule.all.len()]
                    } else {
                        &compiled.rule.all[usize::from(p)]
                    };
                    if let Some(m) = reading.match_at(pattern, i, end, &self.lexicon) {
                        let list = found.entry((rule, p)).or_default();
                        if !list.contains(&m) {
                            list.push(m);
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        let mut rules: Vec<u32> = found.keys().filter(|(_, p)| *p == 0).map(|(r, _)| *r).collect();
        rules.sort_unstable();
        for r in rules {
            let compiled = &self.rules[r as usize];
            let danger = matches!(compiled.finding, Finding::Danger(_));
            let valid = |p: usize| -> Vec<Span> {
                found
                    .get(&(r, p as u16))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&m| self.stands(reading, m, danger))
                    .map(|m| m.span)
                    .collect()
            };
            let heads = valid(0);
            if heads.is_empty() || (1..compiled.rule.all.len()).any(|p| valid(p).is_empty()) {
                continue;
            }
            let all = compiled.rule.all.len();
            if (all..all + compiled.rule.none.len()).any(|p| found.contains_key(&(r, p as u16))) {
                continue;
            }
            out.extend(heads.into_iter().map(|span| (r as usize, span)));
        }
        out
    }

    /// Whether a match stands in its scope: not cancelled by a negation before it, and for
    /// phrasing not quoted, reported or inside words that own the harm; for danger not
    /// figurative.
    fn stands(&self, reading: &Reading, m: Match, danger: bool) -> bool {
        if reading.negated(m, danger) {
            return false;
        }
        let span = m.span;
        let (first, _) = reading.sentence_of(span.0);
        let sentence_end = reading.sentence_of(span.0).1;
        let around = |patterns: &[Pattern], inside: bool| {
            patterns.iter().any(|p| {
                (first..sentence_end).any(|i| {
                    reading.match_at(p, i, sentence_end, &self.lexicon).is_some_and(
                        |Match { span: (a, b), .. }| {
                            if inside {
                                a <= span.0 && span.1 <= b
                            } else {
                                a < span.1 && span.0 < b
                            }
                        },
                    )
                })
            })
        };
        if danger {
            !around(&self.figurative, false)
        } else {
            !reading.quoted(span) && !around(&self.accepts, true)
        }
    }
}

/// The stem of every word the grammar file names, read before any of it is normalised, so
/// that mending a typo never turns one of its own words into another ("homeless" stays).
fn grammar_words(words: &LanguageWords) -> std::collections::HashSet<String> {
    let concepts = words.concepts.iter().flat_map(|(_, phrases)| phrases.iter());
    let danger = words.danger.iter().flat_map(|d| d.rules.iter());
    let phrasing = words.phrasing.iter().flat_map(|p| p.rules.iter().chain(&p.unless));
    concepts
        .chain(danger)
        .chain(phrasing)
        .chain(&words.accepts)
        .chain(&words.figurative)
        .flat_map(|text| text.split(|c: char| !(c.is_alphanumeric() || c == '\'')))
        .filter(|w| !w.is_empty())
        .map(|w| stem::stem(&w.to_lowercase()))
        .collect()
}

/// Reads `text` (up to [`MAX_TEXT_BYTES`]) for danger and letter phrasing.
pub fn read(text: &str) -> Result<Findings> {
    TextRule::lines(MAX_TEXT_BYTES).in_bytes().check(InputField::Letter, text)?;
    Ok(Engine::current()?.read(text))
}

/// The danger in `text`, each kind once, in the order help answers it.
pub fn danger_in(text: &str) -> Result<Vec<DangerKind>> {
    Ok(read(text)?.danger)
}
