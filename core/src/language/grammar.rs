//! The pattern grammar: how a rule in `language.toml` is written, and its compiled form.
//!
//! A rule is one or more patterns joined by ` & `, all of which must be found in one
//! sentence, in any order; a pattern after `& -` must not be found there. A pattern is a
//! sequence of elements separated by spaces:
//!
//! - `word`: a word, matched by its stem (so `kill` also finds "killed" and "killing"),
//!   after the text and the rule are normalised alike (so `do not` finds "don't", and
//!   `i'll` is the phrase "i will");
//! - `@name`: any phrase of a concept (`[concepts]` in the file);
//! - `a|@b|c`: any one of these; `(a b|c|@d)`: any one of these phrases;
//! - a `?` after an element: it may be missing;
//! - `*`: up to three words of the same clause; `**`: up to eight words of the sentence;
//! - `$`: the end of a clause (nothing may follow in it).
//!
//! Reserved concepts give the scope of what is written: `neg` lists the words that negate
//! the rest of their clause, `neg_exempt` phrases that start with one but negate nothing
//! ("not only"), and `report` the phrases after which the rest of a clause is reported or
//! quoted speech ("I used to say", "people say").

use super::normalise::Normaliser;
use super::stem::stem;

/// Why a rule could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarError(pub String);

/// One thing an element may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Atom {
    /// A word, by its stem's id.
    Word(u32),
    /// Any phrase of a concept, by its index.
    Concept(u16),
    /// A phrase of several words, by its index in [`Lexicon::phrases`].
    Phrase(u32),
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// One of these atoms, or nothing if optional.
    Atoms {
        /// What it may match.
        atoms: Vec<Atom>,
        /// Whether it may match nothing.
        optional: bool,
    },
    /// Up to `max` words, within the clause unless `sentence`.
    Gap {
        /// How many words at most.
        max: u8,
        /// Whether it may cross a clause's end within the sentence.
        sentence: bool,
    },
    /// The end of a clause.
    End,
}

/// A sequence of elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The elements, first to last; never starting or ending with a gap.
    pub elements: Vec<Element>,
}

/// Patterns that must all be found in one sentence, and patterns that must not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// All of these, in any order.
    pub all: Vec<Pattern>,
    /// None of these.
    pub none: Vec<Pattern>,
}

/// The words and concepts every rule of a language refers to.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Each known stem's id.
    pub stems: super::FastMap<String, u32>,
    /// Each concept's name, by index.
    pub concept_names: Vec<String>,
    /// Each concept's phrases, as stem ids.
    pub concepts: Vec<Vec<Vec<u32>>>,
    /// The phrases rules name directly, as stem ids.
    pub phrases: Vec<Vec<u32>>,
}

/// The stem id every unknown word reads as.
pub const UNKNOWN: u32 = u32::MAX;

impl Lexicon {
    /// Reads the concepts: each entry a phrase, or `@other` for all of another concept's.
    pub fn new(
        concepts: &[(String, Vec<String>)],
        normaliser: &Normaliser,
    ) -> Result<Self, GrammarError> {
        let mut lexicon = Lexicon::default();
        if concepts.len() > 128 {
            return Err(GrammarError("a grammar has at most 128 concepts".into()));
        }
        for (name, _) in concepts {
            if lexicon.concept_names.contains(name) {
                return Err(GrammarError(format!("concept {name} is listed twice")));
            }
            lexicon.concept_names.push(name.clone());
        }
        lexicon.concepts = vec![Vec::new(); concepts.len()];
        for (i, (name, _)) in concepts.iter().enumerate() {
            let mut seen = vec![i];
            let phrases = lexicon.expand(concepts, i, &mut seen, normaliser)?;
            if phrases.is_empty() {
                return Err(GrammarError(format!("concept {name} is empty")));
            }
            lexicon.concepts[i] = phrases;
        }
        Ok(lexicon)
    }

    fn expand(
        &mut self,
        concepts: &[(String, Vec<String>)],
        i: usize,
        seen: &mut Vec<usize>,
        normaliser: &Normaliser,
    ) -> Result<Vec<Vec<u32>>, GrammarError> {
        let mut out = Vec::new();
        for entry in &concepts[i].1 {
            if let Some(other) = entry.strip_prefix('@') {
                let j = usize::from(self.concept(other)?);
                if seen.contains(&j) {
                    return Err(GrammarError(format!("concept {other} includes itself")));
                }
                seen.push(j);
                out.extend(self.expand(concepts, j, seen, normaliser)?);
                seen.pop();
            } else {
                let phrase = self.phrase(entry, normaliser);
                if phrase.is_empty() {
                    return Err(GrammarError(format!("an empty phrase in {}", concepts[i].0)));
                }
                out.push(phrase);
            }
        }
        Ok(out)
    }

    /// A phrase's stem ids, read as the text would be.
    fn phrase(&mut self, text: &str, normaliser: &Normaliser) -> Vec<u32> {
        normaliser.tokens(text).iter().map(|t| self.intern(&t.word)).collect()
    }

    /// The id of a word's stem, made if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let s = stem(word);
        let next = u32::try_from(self.stems.len()).unwrap_or(UNKNOWN - 1);
        *self.stems.entry(s).or_insert(next)
    }

    /// The id of a word's stem, or [`UNKNOWN`].
    pub fn id(&self, word: &str) -> u32 {
        self.stems.get(&stem(word)).copied().unwrap_or(UNKNOWN)
    }

    /// A concept's index by name.
    pub fn concept(&self, name: &str) -> Result<u16, GrammarError> {
        self.concept_names
            .iter()
            .position(|n| n == name)
            .and_then(|i| u16::try_from(i).ok())
            .ok_or_else(|| GrammarError(format!("no concept {name}")))
    }

    /// Reads a rule: patterns joined by ` & `, those to be absent after `-`.
    pub fn rule(&mut self, text: &str, normaliser: &Normaliser) -> Result<Rule, GrammarError> {
        let mut rule = Rule { all: Vec::new(), none: Vec::new() };
        for part in text.split(" & ") {
            match part.trim().strip_prefix('-') {
                Some(absent) => rule.none.push(self.pattern(absent.trim(), normaliser)?),
                None => rule.all.push(self.pattern(part.trim(), normaliser)?),
            }
        }
        if rule.all.is_empty() {
            return Err(GrammarError(format!("rule {text:?} needs a pattern to find")));
        }
        Ok(rule)
    }

    /// Reads one pattern.
    pub fn pattern(
        &mut self,
        text: &str,
        normaliser: &Normaliser,
    ) -> Result<Pattern, GrammarError> {
        let mut elements = Vec::new();
        for part in split_elements(text)? {
            match part.as_str() {
                "*" => elements.push(Element::Gap { max: 3, sentence: false }),
                "**" => elements.push(Element::Gap { max: 8, sentence: true }),
                "$" => elements.push(Element::End),
                _ => {
                    let (alts, optional) = match part.strip_suffix('?') {
                        Some(p) => (p, true),
                        None => (part.as_str(), false),
                    };
                    let alts =
                        alts.strip_prefix('(').and_then(|a| a.strip_suffix(')')).unwrap_or(alts);
                    let mut atoms = Vec::new();
                    for alt in alts.split('|') {
                        let alt = alt.trim();
                        if let Some(name) = alt.strip_prefix('@') {
                            atoms.push(Atom::Concept(self.concept(name)?));
                            continue;
                        }
                        let words: Vec<u32> = normaliser
                            .tokens(&alt.replace('_', " "))
                            .iter()
                            .map(|t| self.intern(&t.word))
                            .collect();
                        match words.as_slice() {
                            [] => return Err(GrammarError(format!("{alt:?} is not a word"))),
                            [one] => atoms.push(Atom::Word(*one)),
                            _ => {
                                let index = u32::try_from(self.phrases.len())
                                    .map_err(|_| GrammarError("too many phrases".into()))?;
                                self.phrases.push(words);
                                atoms.push(Atom::Phrase(index));
                            }
                        }
                    }
                    elements.push(Element::Atoms { atoms, optional });
                }
            }
        }
        let gap_at_end = |e: Option<&Element>| matches!(e, Some(Element::Gap { .. }) | None);
        if gap_at_end(elements.first())
            || gap_at_end(elements.last())
            || matches!(elements.first(), Some(Element::End))
        {
            return Err(GrammarError(format!("pattern {text:?} must start and end with words")));
        }
        if matches!(elements.first(), Some(Element::Atoms { optional: true, .. })) {
            return Err(GrammarError(format!("pattern {text:?} must start with a word it needs")));
        }
        Ok(Pattern { elements })
    }

    /// The first word an atom needs, to index where a pattern may start: a word or a
    /// phrase's first word, or a concept.
    pub fn first(&self, atom: Atom) -> Atom {
        match atom {
            Atom::Phrase(p) => Atom::Word(self.phrases[p as usize][0]),
            other => other,
        }
    }
}

/// A pattern's elements: whitespace-separated, a `( … )` group kept whole.
fn split_elements(text: &str) -> Result<Vec<String>, GrammarError> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                if depth == 0 {
                    return Err(GrammarError(format!("unbalanced ) in {text:?}")));
                }
                depth -= 1;
                current.push(c);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if depth != 0 {
        return Err(GrammarError(format!("unbalanced ( in {text:?}")));
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> (Lexicon, Normaliser) {
        let n = Normaliser::default();
        let concepts = vec![
            ("neg".to_owned(), vec!["not".to_owned(), "never".to_owned()]),
            ("self".to_owned(), vec!["i".to_owned(), "me".to_owned()]),
            ("die".to_owned(), vec!["die".to_owned(), "end it all".to_owned()]),
            ("all".to_owned(), vec!["@self".to_owned(), "@die".to_owned()]),
        ];
        (Lexicon::new(&concepts, &n).unwrap(), n)
    }

    #[test]
    fn concepts_include_others_and_phrases_are_stemmed() {
        let (l, _) = lexicon();
        let all = &l.concepts[l.concept("all").unwrap() as usize];
        assert_eq!(all.len(), 4);
        assert_eq!(l.id("dying"), l.id("die"));
        assert!(all.contains(&vec![l.id("end"), l.id("it"), l.id("all")]));
    }

    #[test]
    fn patterns_are_read_with_gaps_alternatives_and_options() {
        let (mut l, n) = lexicon();
        let p = l.pattern("@self want|wish to? * @die", &n).unwrap();
        assert_eq!(p.elements.len(), 5);
        assert!(
            matches!(&p.elements[1], Element::Atoms { atoms, optional: false } if atoms.len() == 2)
        );
        assert!(matches!(&p.elements[2], Element::Atoms { optional: true, .. }));
        assert!(matches!(p.elements[3], Element::Gap { max: 3, sentence: false }));
        let p = l.pattern("i don't think", &n).unwrap();
        assert!(
            matches!(&p.elements[1], Element::Atoms { atoms, .. } if matches!(atoms[..], [Atom::Phrase(_)])),
            "don't is the phrase do not"
        );
        let p = l.pattern("(end it all|go) i'll|@self", &n).unwrap();
        assert!(
            matches!(&p.elements[0], Element::Atoms { atoms, .. } if matches!(atoms[..], [Atom::Phrase(_), Atom::Word(_)]))
        );
        assert!(
            matches!(&p.elements[1], Element::Atoms { atoms, .. } if matches!(atoms[..], [Atom::Phrase(_), Atom::Concept(_)]))
        );
        let r = l.rule("@die & @self & -never", &n).unwrap();
        assert_eq!((r.all.len(), r.none.len()), (2, 1));
    }

    #[test]
    fn malformed_rules_are_refused() {
        let (mut l, n) = lexicon();
        for bad in ["* @die", "@die *", "@nothing here", "want? @die", "- @die", "(a b", "a) b"] {
            assert!(l.rule(bad, &n).is_err(), "{bad}");
        }
        let looped = vec![
            ("neg".to_owned(), vec!["not".to_owned()]),
            ("a".to_owned(), vec!["@a".to_owned()]),
        ];
        assert!(Lexicon::new(&looped, &n).is_err());
    }
}
