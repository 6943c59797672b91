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
use std::sync::Mutex;

pub use danger::DangerKind;
pub use phrasing::{PhrasingFlag, PhrasingReason};

use crate::error::{Error, InputField, Result};
use crate::program::content::{Content, LanguageWords};
use crate::text::TextRule;
use grammar::{Atom, Element, GrammarError, Lexicon, Rule};
use model::Model;
use normalise::{Normaliser, Words};
use reading::{Match, Reading, Span, Trie};

const MALFORMED: Error = Error::Damaged("the built-in program content is malformed");

/// A hash map with a fast, non-cryptographic hash. Its keys are the engine's own: small
/// integers, or the grammar's words; what a person wrote is only ever looked up, never
/// stored, so no text can fill a table with colliding keys.
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// The multiply-and-rotate hash the Rust compiler uses for its own integer keys.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

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
    /// Figurative speech: danger overlapping it is left alone.
    Figurative,
    /// Words that own the harm: phrasing inside them is left alone.
    Accepts,
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
    /// Where to try each pattern: (rule, which pattern, whether it must be absent) by the
    /// atom it starts with, and the pattern's index in [`Engine::requires`].
    starts: FastMap<Atom, Vec<(u32, u16, bool, u32)>>,
    /// For each pattern, the atoms it cannot match without: one of each group must be in a
    /// sentence before the pattern is tried there at all (most are not, and trying a pattern
    /// with gaps at every "I" is where the time goes).
    requires: Vec<Vec<Vec<Atom>>>,
    /// What the letter check says when it flags nothing.
    pub nothing_found: &'static str,
    /// The learned half, and what each of its labels answers.
    model: Option<(Model, Vec<Option<Finding>>)>,
}

/// What reading one sentence needs, kept from sentence to sentence so that a long letter is
/// not a long run of allocations.
#[derive(Default)]
struct Scratch {
    /// Every place each (rule, pattern) is found in the sentence, before any scope check.
    found: Vec<((u32, u16), Match)>,
    /// Whether each pattern can match the sentence at all, and in which sentence that was
    /// worked out.
    viable: Vec<(u32, bool)>,
    /// Which sentence this is, to know the viability of which patterns is still unknown.
    generation: u32,
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
            replace: Words::new(words.replace.iter().map(|(from, to)| {
                (from.clone(), to.split_whitespace().map(str::to_owned).collect())
            })),
            clause_words: Words::of(words.clause_words.iter().cloned()),
            participles: Words::of(words.participles.iter().cloned()),
            mendable: Normaliser::index_mendable(&words.mendable),
            known: Words::of(grammar_words(words)),
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
        // Figurative speech and owned harm are found in the same pass as the rules.
        for (list, finding) in
            [(&words.accepts, Finding::Accepts), (&words.figurative, Finding::Figurative)]
        {
            for pattern in patterns(list)? {
                rules.push(Compiled {
                    finding,
                    rule: Rule { all: vec![pattern], none: Vec::new() },
                    text: "",
                });
            }
        }
        let mut starts: FastMap<Atom, Vec<(u32, u16, bool, u32)>> = FastMap::default();
        let mut requires = Vec::new();
        for (r, compiled) in rules.iter().enumerate() {
            let all = compiled.rule.all.iter().map(|p| (p, false));
            let none = compiled.rule.none.iter().map(|p| (p, true));
            for (p, (pattern, absent)) in all.chain(none).enumerate() {
                let id = requires.len() as u32;
                let groups: Vec<Vec<Atom>> = pattern
                    .elements
                    .iter()
                    .filter_map(|e| match e {
                        Element::Atoms { atoms, optional: false } => {
                            Some(atoms.iter().map(|a| lexicon.first(*a)).collect())
                        }
                        _ => None,
                    })
                    .collect();
                requires.push(groups);
                if let Some(Element::Atoms { atoms, .. }) = pattern.elements.first() {
                    for atom in atoms {
                        starts
                            .entry(lexicon.first(*atom))
                            .or_default()
                            .push((r as u32, p as u16, absent, id));
                    }
                }
            }
        }
        normaliser.known =
            Words::of(grammar_words(words).into_iter().chain(lexicon.stems.keys().cloned()));
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
            starts,
            requires,
            nothing_found: &words.nothing_found,
            model,
        })
    }

    /// The engine of the language in use, compiled once per language's content.
    pub fn current() -> Result<&'static Engine> {
        static ENGINES: Mutex<Vec<(usize, &'static Engine)>> = Mutex::new(Vec::new());
        let content = Content::current()?;
        let key = std::ptr::from_ref(content) as usize;
        let mut engines = ENGINES.lock().map_err(|_| MALFORMED)?;
        if let Some((_, engine)) = engines.iter().find(|(k, _)| *k == key) {
            return Ok(engine);
        }
        let engine = Engine::compile(&content.language_words, content.language_model)
            .map_err(|_| MALFORMED)?;
        let engine: &'static Engine = Box::leak(Box::new(engine));
        engines.push((key, engine));
        Ok(engine)
    }

    /// Reads `text` and answers both questions.
    pub fn read(&self, text: &str) -> Findings {
        self.read_with(text, true)
    }

    fn read_with(&self, text: &str, use_model: bool) -> Findings {
        let reading = Reading::new(text, &self.normaliser, &self.lexicon, &self.trie);
        let mut danger = Vec::new();
        let mut spans: Vec<(Span, usize)> = Vec::new();
        let mut scratch = Scratch::default();
        for &(first, end) in &reading.sentences {
            for (rule, span) in self.sentence(&reading, first, end, &mut scratch) {
                match self.rules[rule].finding {
                    Finding::Danger(kind) => {
                        if !danger.contains(&kind) {
                            danger.push(kind);
                        }
                    }
                    Finding::Phrasing(index) => {
                        if !spans.iter().any(|&((a, b), _)| a < span.1 && span.0 < b) {
                            let at = spans.partition_point(|&((a, _), _)| a <= span.0);
                            spans.insert(at, (span, index));
                        } else if let Some(pos) = spans
                            .iter()
                            .position(|&((a, b), i)| a < span.1 && span.0 < b && i > index)
                        {
                            // The earlier-listed reason wins.
                            spans.remove(pos);
                            let at = spans.partition_point(|&((a, _), _)| a <= span.0);
                            spans.insert(at, (span, index));
                        }
                    }
                    Finding::Figurative | Finding::Accepts => {}
                }
            }
        }
        if let Some((model, findings)) = self.model.as_ref().filter(|_| use_model) {
            // Each sentence alone, and with the one after it: what one sentence says can
            // need the next ("Fine. She won't have to soon.").
            let s = &reading.sentences;
            let table = model::FeatureTable::new(&reading, model.bits);
            for w in 0..s.len() {
                for last in [w, w + 1] {
                    let Some(&(_, end)) = s.get(last) else { continue };
                    let first = s[w].0;
                    let features = table.window(first, end);
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
                                    let at = spans.partition_point(|&((a, _), _)| a <= span.0);
                                    spans.insert(at, (span, *index));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let danger = DangerKind::in_order(&danger);
        let chars: Vec<char> = text.chars().collect();
        let phrasing: Vec<PhrasingFlag> = spans
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
            for (rule, (a, b)) in self.sentence(&reading, first, end, &mut Scratch::default()) {
                let words: Vec<&str> =
                    reading.tokens[a..b].iter().map(|t| t.word.as_str()).collect();
                out.push((self.rules[rule].text, words.join(" ")));
            }
        }
        out
    }

    /// The rules found in one sentence, each with the span of its first pattern, in rule
    /// order.
    fn sentence(
        &self,
        reading: &Reading,
        first: usize,
        end: usize,
        scratch: &mut Scratch,
    ) -> Vec<(usize, Span)> {
        let Scratch { found, viable, generation } = scratch;
        found.clear();
        // A new generation: every pattern's viability is unknown again in this sentence.
        *generation = generation.wrapping_add(1).max(1);
        viable.resize(self.requires.len(), (0, false));
        // What the sentence holds, to rule out patterns it cannot match before trying them.
        // The sentence's words as a 256-bit filter: a word not in it is ruled out at once (a
        // word that seems to be there is checked by matching).
        let bit = |id: u32| (id.wrapping_mul(0x9e37_79b9) >> 24) as usize;
        let mut words = [0u64; 4];
        for i in first..end {
            let b = bit(reading.stem(i));
            words[b / 64] |= 1 << (b % 64);
        }
        let concepts: u128 = (first..end).fold(0, |bits, i| bits | reading.concept_bits(i));
        let holds = |atom: &Atom| match *atom {
            Atom::Word(id) => {
                let b = bit(id);
                words[b / 64] >> (b % 64) & 1 == 1
            }
            Atom::Concept(c) => concepts >> (c & 127) & 1 == 1,
            Atom::Phrase(_) => true,
        };
        for i in first..end {
            let word = Atom::Word(reading.stem(i));
            let atoms = std::iter::once(word).chain(reading.concepts_at(i).map(Atom::Concept));
            for atom in atoms {
                for &(rule, p, absent, id) in self.starts.get(&atom).into_iter().flatten() {
                    let (seen, possible) = &mut viable[id as usize];
                    if *seen != *generation {
                        *seen = *generation;
                        *possible =
                            self.requires[id as usize].iter().all(|group| group.iter().any(holds));
                    }
                    if !*possible {
                        continue;
                    }
                    let compiled = &self.rules[rule as usize];
                    let pattern = if absent {
                        &compiled.rule.none[usize::from(p) - compiled.rule.all.len()]
                    } else {
                        &compiled.rule.all[usize::from(p)]
                    };
                    if let Some(m) = reading.match_at(pattern, i, end, &self.lexicon)
                        && !found.contains(&((rule, p), m))
                    {
                        found.push(((rule, p), m));
                    }
                }
            }
        }
        let has = |key: (u32, u16)| found.iter().any(|&(k, _)| k == key);
        let matches_of =
            |key: (u32, u16)| found.iter().filter(move |&&(k, _)| k == key).map(|&(_, m)| m);
        // Figurative speech and words that own the harm, found in the same pass.
        let spans_of = |wanted: fn(&Finding) -> bool| -> Vec<Span> {
            found
                .iter()
                .filter(|((r, _), _)| wanted(&self.rules[*r as usize].finding))
                .map(|(_, m)| m.span)
                .collect()
        };
        let figurative = spans_of(|f| matches!(f, Finding::Figurative));
        let accepts = spans_of(|f| matches!(f, Finding::Accepts));
        let mut rules: Vec<u32> = Vec::new();
        for &((r, p), _) in found.iter() {
            if p == 0 && !rules.contains(&r) {
                rules.push(r);
            }
        }
        rules.sort_unstable();
        let mut out = Vec::new();
        for r in rules {
            let compiled = &self.rules[r as usize];
            if matches!(compiled.finding, Finding::Figurative | Finding::Accepts) {
                continue;
            }
            let all = compiled.rule.all.len();
            if (all..all + compiled.rule.none.len()).any(|p| has((r, p as u16))) {
                continue;
            }
            let danger = matches!(compiled.finding, Finding::Danger(_));
            let stands = |m: &Match| {
                let (a, b) = m.span;
                if reading.negated(*m, danger) {
                    false
                } else if danger {
                    // Danger stands unless it overlaps figurative speech.
                    !figurative.iter().any(|&(x, y)| x < b && a < y)
                } else {
                    // Phrasing stands unless quoted, reported or inside words that own the harm.
                    !reading.quoted(m.span) && !accepts.iter().any(|&(x, y)| x <= a && b <= y)
                }
            };
            let valid = |p: usize| -> Vec<Span> {
                matches_of((r, p as u16)).filter(|m| stands(m)).map(|m| m.span).collect()
            };
            let heads = valid(0);
            if heads.is_empty() || (1..all).any(|p| valid(p).is_empty()) {
                continue;
            }
            out.extend(heads.into_iter().map(|span| (r as usize, span)));
        }
        out
    }
}

/// The stem of every word the grammar file names, read before any of it is normalised, so
/// that mending a typo never turns one of its own words into another ("homeless" stays).
fn grammar_words(words: &LanguageWords) -> Vec<String> {
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
