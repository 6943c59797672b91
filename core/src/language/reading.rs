//! A text read once for every question asked of it: its normalised words with their stems,
//! the concepts found at each word, and the scope each word stands in — negated, quoted, or
//! in reported speech — then where a pattern is found in it.

use super::grammar::{Atom, Element, Lexicon, Pattern, UNKNOWN};
use super::normalise::{Normaliser, Token};

/// How far before a match a negation still cancels it, when only a near one does.
pub const NEAR: usize = 4;

/// A text, read.
pub struct Reading {
    /// The words.
    pub tokens: Vec<Token>,
    /// Each word's stem id.
    stems: Vec<u32>,
    /// The concepts found starting at each word: (concept, words it spans).
    concepts: Vec<Vec<(u16, u16)>>,
    /// The same as a set of bits per word (concept `c` is bit `c`), so that a concept that is
    /// not there is ruled out at once (the grammar has at most 128 concepts).
    concept_bits: Vec<u128>,
    /// For each word, the negating word whose scope it is in, if any.
    pub negated_by: Vec<Option<usize>>,
    /// Whether each word is itself a negation.
    negator: Vec<bool>,
    /// Whether each word stands in reported speech.
    pub reported: Vec<bool>,
    /// Each sentence's words: first, and end (exclusive).
    pub sentences: Vec<(usize, usize)>,
}

/// A place a pattern was found: first word, and end (exclusive).
pub type Span = (usize, usize);

/// A pattern found: its span, and which of its words a gap passed over (bit `k` for word
/// `first + k`), so that a negation the pattern did not ask for can cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    /// Where it was found.
    pub span: Span,
    /// The words passed over by a gap.
    pub skipped: u128,
}

impl Reading {
    /// Reads `text`.
    pub fn new(text: &str, normaliser: &Normaliser, lexicon: &Lexicon, trie: &Trie) -> Self {
        let tokens = normaliser.tokens(text);
        let stems: Vec<u32> = tokens.iter().map(|t| lexicon.id(&t.word)).collect();
        let concepts: Vec<Vec<(u16, u16)>> =
            (0..stems.len()).map(|i| trie.find(&stems, &tokens, i)).collect();
        let concept_bits = concepts
            .iter()
            .map(|found| found.iter().fold(0u128, |bits, &(c, _)| bits | 1u128 << (c & 127)))
            .collect();
        let mut sentences = Vec::new();
        let mut first = 0;
        for i in 1..=tokens.len() {
            if i == tokens.len() || tokens[i].sentence != tokens[first].sentence {
                sentences.push((first, i));
                first = i;
            }
        }
        let n = tokens.len();
        let mut reading = Reading {
            tokens,
            stems,
            concepts,
            concept_bits,
            negated_by: vec![None; n],
            negator: vec![false; n],
            reported: vec![false; n],
            sentences,
        };
        reading.mark_scopes(lexicon);
        reading
    }

    fn has_concept(&self, i: usize, concept: u16) -> Option<usize> {
        self.concepts[i].iter().find(|(c, _)| *c == concept).map(|&(_, len)| usize::from(len))
    }

    fn clause_end(&self, i: usize) -> usize {
        let clause = self.tokens[i].clause;
        (i..self.tokens.len())
            .find(|&j| self.tokens[j].clause != clause)
            .unwrap_or(self.tokens.len())
    }

    /// Marks negation and reported speech: each runs from its word to the end of the clause.
    fn mark_scopes(&mut self, lexicon: &Lexicon) {
        let (Ok(neg), Ok(exempt), Ok(report)) =
            (lexicon.concept("neg"), lexicon.concept("neg_exempt"), lexicon.concept("report"))
        else {
            return;
        };
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some(len) = self.has_concept(i, exempt) {
                i += len;
                continue;
            }
            if let Some(len) = self.has_concept(i, neg) {
                for j in i..i + len {
                    self.negator[j] = true;
                }
                let end = self.clause_end(i);
                for j in i + len..end {
                    self.negated_by[j] = Some(i);
                }
                i += len;
                continue;
            }
            i += 1;
        }
        for i in 0..self.tokens.len() {
            if let Some(len) = self.has_concept(i, report) {
                let end = self.clause_end(i + len - 1).max(i + len);
                // Speech reported after "I said:" runs to the end of the sentence.
                let end = if end < self.tokens.len()
                    && self.tokens[end].sentence == self.tokens[i].sentence
                    && self.tokens[end].quoted
                {
                    self.sentence_of(i).1
                } else {
                    end
                };
                for j in i + len..end {
                    self.reported[j] = true;
                }
            }
        }
    }

    /// The sentence word `i` is in.
    pub fn sentence_of(&self, i: usize) -> Span {
        self.sentences.iter().copied().find(|&(a, b)| a <= i && i < b).unwrap_or((i, i + 1))
    }

    /// Whether a match is cancelled by a negation: one a gap of the pattern passed over
    /// ("you did nothing to cause this" does not match "you * caused"), or one before it in
    /// the same clause (at most [`NEAR`] words before it when `near`). A match whose own
    /// words hold a negation is not cancelled from before ("I don't think I can go on").
    pub fn negated(&self, m: Match, near: bool) -> bool {
        let (first, end) = m.span;
        let skipped = |i: usize| i - first < 128 && m.skipped >> (i - first) & 1 == 1;
        if (first..end).any(|i| self.negator[i] && skipped(i)) {
            return true;
        }
        if (first..end).any(|i| self.negator[i]) {
            return false;
        }
        match self.negated_by[first] {
            Some(n) if n < first => !near || first - n <= NEAR,
            _ => false,
        }
    }

    /// Whether any word of a match is quoted or reported.
    pub fn quoted(&self, span: Span) -> bool {
        (span.0..span.1).any(|i| self.tokens[i].quoted || self.reported[i])
    }

    /// The lengths `atom` may match with at word `i` (a concept may match phrases of
    /// several lengths there: "end", "end it all").
    fn atom_at<'a>(
        &'a self,
        atom: Atom,
        i: usize,
        lexicon: &'a Lexicon,
    ) -> impl Iterator<Item = usize> + 'a {
        let word = match atom {
            Atom::Word(id) => (self.stems[i] == id && id != UNKNOWN).then_some(1),
            Atom::Phrase(p) => {
                let phrase = &lexicon.phrases[p as usize];
                let sentence = self.tokens[i].sentence;
                let fits = phrase.iter().enumerate().all(|(k, &id)| {
                    self.stems.get(i + k).is_some_and(|&s| s == id && s != UNKNOWN)
                        && self.tokens[i + k].sentence == sentence
                });
                fits.then_some(phrase.len())
            }
            Atom::Concept(_) => None,
        };
        let concept = match atom {
            Atom::Concept(c) if self.concept_bits[i] >> (c & 127) & 1 == 1 => Some(c),
            Atom::Concept(_) | Atom::Word(_) | Atom::Phrase(_) => None,
        };
        word.into_iter().chain(
            self.concepts[i]
                .iter()
                .filter(move |(c, _)| Some(*c) == concept)
                .map(|&(_, len)| usize::from(len)),
        )
    }

    /// Where `pattern` is found starting at word `start`, within `limit` (exclusive): the
    /// shortest match.
    pub fn match_at(
        &self,
        pattern: &Pattern,
        start: usize,
        limit: usize,
        lexicon: &Lexicon,
    ) -> Option<Match> {
        self.walk(&pattern.elements, start, limit, start, 0, lexicon)
    }

    fn walk(
        &self,
        elements: &[Element],
        at: usize,
        limit: usize,
        first: usize,
        skipped: u128,
        lexicon: &Lexicon,
    ) -> Option<Match> {
        let Some((element, rest)) = elements.split_first() else {
            return Some(Match { span: (first, at), skipped });
        };
        match element {
            Element::Atoms { atoms, optional } => {
                if at < limit {
                    for &atom in atoms {
                        for len in self.atom_at(atom, at, lexicon) {
                            if at + len > limit {
                                continue;
                            }
                            if let Some(found) =
                                self.walk(rest, at + len, limit, first, skipped, lexicon)
                            {
                                return Some(found);
                            }
                        }
                    }
                }
                if *optional { self.walk(rest, at, limit, first, skipped, lexicon) } else { None }
            }
            Element::End => {
                let ends =
                    at >= limit || (at > 0 && self.tokens[at].clause != self.tokens[at - 1].clause);
                if ends { self.walk(rest, at, limit, first, skipped, lexicon) } else { None }
            }
            Element::Gap { max, sentence } => {
                let clause = at.checked_sub(1).map(|p| self.tokens[p].clause);
                for skip in 0..=usize::from(*max) {
                    let to = at + skip;
                    if to > limit {
                        break;
                    }
                    if skip > 0
                        && !*sentence
                        && clause.is_some_and(|c| self.tokens[to - 1].clause != c)
                    {
                        break;
                    }
                    let passed = (at..to)
                        .filter(|i| i - first < 128)
                        .fold(skipped, |m, i| m | 1u128 << (i - first));
                    if let Some(found) = self.walk(rest, to, limit, first, passed, lexicon) {
                        return Some(found);
                    }
                }
                None
            }
        }
    }

    /// The concepts that start at word `i`, as bits.
    pub fn concept_bits(&self, i: usize) -> u128 {
        self.concept_bits[i]
    }

    /// The stem id of word `i`.
    pub fn stem(&self, i: usize) -> u32 {
        self.stems[i]
    }

    /// The concepts that start at word `i`.
    pub fn concepts_at(&self, i: usize) -> impl Iterator<Item = u16> + '_ {
        self.concepts[i].iter().map(|&(c, _)| c)
    }
}

/// Every concept phrase of a lexicon, as a tree over stem ids, to find them all at once.
#[derive(Debug, Default)]
pub struct Trie {
    /// (node, stem) → child node.
    edges: super::FastMap<(u32, u32), u32>,
    /// The concepts whose phrase ends at each node.
    ends: Vec<Vec<u16>>,
}

impl Trie {
    /// Builds the tree of a lexicon's concepts.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut trie = Trie { edges: Default::default(), ends: vec![Vec::new()] };
        for (c, phrases) in lexicon.concepts.iter().enumerate() {
            for phrase in phrases {
                let mut node = 0u32;
                for &stem in phrase {
                    let next = trie.ends.len() as u32;
                    node = *trie.edges.entry((node, stem)).or_insert_with(|| next);
                    if node == next {
                        trie.ends.push(Vec::new());
                    }
                }
                let c = c as u16;
                if !trie.ends[node as usize].contains(&c) {
                    trie.ends[node as usize].push(c);
                }
            }
        }
        trie
    }

    /// The concepts whose phrases start at word `i` (within its sentence), with their length.
    fn find(&self, stems: &[u32], tokens: &[Token], i: usize) -> Vec<(u16, u16)> {
        let mut found = Vec::new();
        let mut node = 0u32;
        for j in i..stems.len() {
            if tokens[j].sentence != tokens[i].sentence || stems[j] == UNKNOWN {
                break;
            }
            let Some(&next) = self.edges.get(&(node, stems[j])) else { break };
            node = next;
            for &c in &self.ends[node as usize] {
                found.push((c, (j + 1 - i) as u16));
            }
        }
        found
    }
}
