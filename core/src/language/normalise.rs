//! Text as the engine reads it: lower-case words, each pointing back at the characters it
//! came from, in sentences and clauses, with quotation marked. Before a word is read it is
//! normalised the way people actually type: curly and straight quotes alike, contractions
//! spelled out whether or not the apostrophe was typed ("dont", "don't", "don’t"; "you'd"
//! read as "you had" or "you would" from the word after it), common misspellings and
//! text-speak corrected, letters repeated for emphasis collapsed ("sooo"), and a typo in one
//! of the grammar's longer words mended. The tables are per language (`language.toml`).

use super::stem::stem;

/// One word of the text, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word as the grammar reads it (lower case, spelled out).
    pub word: String,
    /// Where it starts in the original text, in Unicode scalar values.
    pub start: u32,
    /// Where it ends (exclusive), likewise.
    pub end: u32,
    /// Which sentence it is in, counted from 0.
    pub sentence: u32,
    /// Which clause it is in, counted from 0 across the whole text.
    pub clause: u32,
    /// Whether it stands inside quotation marks.
    pub quoted: bool,
}

/// Words, each with a value: one kind of hash table (text to a number) serves every table of
/// the engine, the values kept beside it, so the phone library carries one table's code.
#[derive(Debug, Default, Clone)]
pub struct Words<V> {
    index: super::FastMap<String, u32>,
    values: Vec<V>,
}

impl<V> Words<V> {
    /// The table of `entries`; where a word comes twice, its first value is kept.
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        let mut table = Words { index: super::FastMap::default(), values: Vec::new() };
        for (word, value) in entries {
            if !table.index.contains_key(&word) {
                table.index.insert(word, table.values.len() as u32);
                table.values.push(value);
            }
        }
        table
    }

    /// The value of `word`.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.index.get(word).map(|&i| &self.values[i as usize])
    }

    /// Whether `word` is in the table.
    pub fn contains(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }
}

impl Words<()> {
    /// A table of words alone.
    pub fn of(words: impl IntoIterator<Item = String>) -> Self {
        Self::new(words.into_iter().map(|w| (w, ())))
    }
}

/// A language's normalisation tables.
#[derive(Debug, Default)]
pub struct Normaliser {
    /// Whole words read as other words: contractions typed without an apostrophe
    /// ("dont"), misspellings and text-speak ("becuase", "u", "kms").
    pub replace: Words<Vec<String>>,
    /// Words that start a new clause ("but", "because").
    pub clause_words: Words<()>,
    /// Past participles that follow a "'d" meaning "had" ("you'd been", "you'd gone").
    pub participles: Words<()>,
    /// Longer words worth mending when one letter is wrong, missing, extra or swapped,
    /// keyed by each of their one-letter deletions.
    pub mendable: Words<Vec<String>>,
    /// The stem of every word the grammar knows: such words are never mended, and repeated
    /// letters collapse to whichever form it knows.
    pub known: Words<()>,
}

/// What ends a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | '…')
}

/// What ends a clause within a sentence.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '/')
}

/// Quotation marks that open or close by themselves.
fn double_quote(c: char) -> Option<Option<bool>> {
    match c {
        '"' | '＂' => Some(None), // toggles
        '“' | '«' | '„' => Some(Some(true)),
        '”' | '»' => Some(Some(false)),
        _ => None,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '´')
}

/// A raw word before normalisation.
struct Raw {
    text: String,
    start: u32,
    end: u32,
    sentence: u32,
    clause: u32,
    quoted: bool,
}

impl Normaliser {
    /// Makes the index of mendable words: every one-letter deletion of each.
    pub fn index_mendable(words: &[String]) -> Words<Vec<String>> {
        let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
        for w in words {
            for d in deletions(w).into_iter().chain([w.clone()]) {
                match grouped.iter_mut().find(|(k, _)| *k == d) {
                    Some((_, list)) if !list.contains(w) => list.push(w.clone()),
                    Some(_) => {}
                    None => grouped.push((d, vec![w.clone()])),
                }
            }
        }
        Words::new(grouped)
    }

    /// Reads `text` into normalised tokens.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let raws = split(text);
        let mut out: Vec<Token> = Vec::with_capacity(raws.len() + raws.len() / 8);
        let mut clause_shift = 0u32;
        for raw in &raws {
            let words = self.read_word(&raw.text);
            for (i, word) in words.into_iter().enumerate() {
                // A clause word opens a new clause (only as the first word it reads as).
                if i == 0 && self.clause_words.contains(&word) {
                    clause_shift += 1;
                }
                out.push(Token {
                    word,
                    start: raw.start,
                    end: raw.end,
                    sentence: raw.sentence,
                    clause: raw.clause + clause_shift,
                    quoted: raw.quoted,
                });
            }
        }
        self.resolve_would_had(&mut out);
        out
    }

    /// "'d" becomes "had" before a past participle ("you'd left") and "would" otherwise.
    fn resolve_would_had(&self, tokens: &mut [Token]) {
        for i in 0..tokens.len() {
            if tokens[i].word != "'d" {
                continue;
            }
            let next = tokens.get(i + 1).filter(|t| t.sentence == tokens[i].sentence);
            let had = next.is_some_and(|t| {
                self.participles.contains(&t.word)
                    || (t.word.len() > 4 && t.word.ends_with("ed"))
                    || t.word == "better"
            });
            tokens[i].word = if had { "had" } else { "would" }.to_owned();
        }
    }

    /// The words one typed word reads as.
    fn read_word(&self, typed: &str) -> Vec<String> {
        let word = typed.trim_matches('\'');
        if word.is_empty() {
            return Vec::new();
        }
        let word = self.collapse_repeats(word);
        if let Some(full) = self.replace.get(&word) {
            return full.clone();
        }
        if let Some(full) = spell_out(&word) {
            return full;
        }
        if let Some(mended) = self.mend(&word) {
            return vec![mended];
        }
        vec![word]
    }

    /// Letters typed three or more times in a row ("sooo", "pleeease"): collapsed to two,
    /// or to one where only that makes a word the grammar knows.
    fn collapse_repeats(&self, word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        if !chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic()) {
            return word.to_owned();
        }
        let collapse = |keep: usize| {
            let mut out = String::with_capacity(word.len());
            let mut run = 0;
            let mut last = None;
            for &c in &chars {
                run = if Some(c) == last { run + 1 } else { 1 };
                last = Some(c);
                if run <= keep {
                    out.push(c);
                }
            }
            out
        };
        let (two, one) = (collapse(2), collapse(1));
        if self.knows(&two) {
            two
        } else if self.knows(&one) {
            one
        } else {
            two
        }
    }

    fn knows(&self, word: &str) -> bool {
        self.known.contains(&stem(word)) || self.replace.contains(word)
    }

    /// A longer word one letter away from a mendable word the grammar knows, mended.
    fn mend(&self, word: &str) -> Option<String> {
        if word.chars().count() < 6 || self.knows(word) {
            return None;
        }
        let mut found: Option<&String> = None;
        for key in deletions(word).iter().map(String::as_str).chain([word]) {
            for candidate in self.mendable.get(key).into_iter().flatten() {
                match found {
                    Some(f) if f != candidate => return None, // two ways to mend it: leave it
                    _ => found = Some(candidate),
                }
            }
        }
        found.cloned()
    }
}

/// Each spelling with one letter left out.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect()).collect()
}

/// Contractions typed with an apostrophe, spelled out.
fn spell_out(word: &str) -> Option<Vec<String>> {
    let words = |s: &str| Some(s.split(' ').map(str::to_owned).collect());
    match word {
        "can't" => return words("can not"),
        "won't" => return words("will not"),
        "shan't" => return words("shall not"),
        "ain't" => return words("is not"),
        "let's" => return words("let us"),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("n't").filter(|s| !s.is_empty()) {
        return Some(vec![stem.to_owned(), "not".to_owned()]);
    }
    for (suffix, full) in [("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will")] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return Some(vec![stem.to_owned(), full.to_owned()]);
        }
    }
    if let Some(stem) = word.strip_suffix("'d").filter(|s| !s.is_empty()) {
        // "would" or "had", chosen once the next word is known.
        return Some(vec![stem.to_owned(), "'d".to_owned()]);
    }
    if let Some(stem) = word.strip_suffix("'s").filter(|s| IS_AFTER.contains(s)) {
        return Some(vec![stem.to_owned(), "is".to_owned()]);
    }
    None
}

/// Words whose "'s" is "is" rather than a possessive.
const IS_AFTER: &[&str] = &[
    "it",
    "that",
    "there",
    "what",
    "he",
    "she",
    "who",
    "where",
    "here",
    "how",
    "everything",
    "nothing",
    "something",
    "everyone",
    "nobody",
    "someone",
    "this",
    "life",
];

/// Splits text into raw words with their places, sentences, clauses and quotation.
fn split(text: &str) -> Vec<Raw> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut sentence, mut clause) = (0u32, 0u32);
    let mut pending_sentence = false;
    let mut pending_clause = false;
    let mut quoted = false;
    let mut single_open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            let mut word = String::new();
            while i < chars.len() {
                let c = chars[i];
                if c.is_alphanumeric() {
                    word.extend(c.to_lowercase());
                } else if is_apostrophe(c) && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
                    word.push('\'');
                } else {
                    break;
                }
                i += 1;
            }
            if !out.is_empty() && pending_sentence {
                sentence += 1;
                clause += 1;
            } else if !out.is_empty() && pending_clause {
                clause += 1;
            }
            pending_sentence = false;
            pending_clause = false;
            out.push(Raw {
                text: word,
                start: start as u32,
                end: i as u32,
                sentence,
                clause,
                quoted: quoted || single_open,
            });
            continue;
        }
        if let Some(q) = double_quote(c) {
            quoted = q.unwrap_or(!quoted);
            pending_clause = true;
        } else if is_apostrophe(c) {
            let prev_word = i > 0 && chars[i - 1].is_alphanumeric();
            let next_word = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if !prev_word && next_word && !single_open && has_closing_single(&chars, i + 1) {
                single_open = true;
                pending_clause = true;
            } else if single_open && prev_word && !next_word {
                single_open = false;
                pending_clause = true;
            }
        } else if ends_sentence(c) {
            pending_sentence = true;
            if c == '\n' {
                quoted = false;
                single_open = false;
            }
        } else if ends_clause(c) {
            pending_clause = true;
        }
        i += 1;
    }
    out
}

/// Whether a single quotation opened before `from` closes in the same sentence: an
/// apostrophe after a letter and before anything that is not one.
fn has_closing_single(chars: &[char], from: usize) -> bool {
    let mut j = from;
    while j < chars.len() && !ends_sentence(chars[j]) {
        if is_apostrophe(chars[j])
            && chars[j - 1].is_alphanumeric()
            && chars.get(j + 1).is_none_or(|n| !n.is_alphanumeric())
        {
            return true;
        }
        j += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normaliser() -> Normaliser {
        Normaliser {
            replace: Words::new([
                ("dont".into(), vec!["do".into(), "not".into()]),
                ("becuase".into(), vec!["because".into()]),
                ("u".into(), vec!["you".into()]),
            ]),
            clause_words: Words::of(["but".to_owned()]),
            participles: Words::of(["been".to_owned()]),
            known: Words::of(["so", "please", "good"].map(stem)),
            mendable: Normaliser::index_mendable(&["forgive".to_owned(), "suicide".to_owned()]),
        }
    }

    fn words(s: &str) -> Vec<String> {
        normaliser().tokens(s).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn contractions_read_the_same_however_they_are_typed() {
        for typed in
            ["I don't know", "I dont know", "I do not know", "I DON’T know", "i don`t know"]
        {
            assert_eq!(words(typed), ["i", "do", "not", "know"], "{typed}");
        }
        assert_eq!(words("I can't. I won't."), ["i", "can", "not", "i", "will", "not"]);
        assert_eq!(words("it's over"), ["it", "is", "over"]);
        assert_eq!(words("my partner's pain"), ["my", "partner's", "pain"]);
    }

    #[test]
    fn a_d_reads_as_had_or_would_from_the_word_after_it() {
        assert_eq!(words("you'd been distant"), ["you", "had", "been", "distant"]);
        assert_eq!(words("you'd listened"), ["you", "had", "listened"]);
        assert_eq!(words("I'd never do that"), ["i", "would", "never", "do", "that"]);
        assert_eq!(words("you’d think"), ["you", "would", "think"]);
    }

    #[test]
    fn misspellings_repeats_and_typos_are_mended() {
        assert_eq!(words("becuase u"), ["because", "you"]);
        assert_eq!(words("sooo tired"), ["so", "tired"]);
        assert_eq!(words("pleeeease"), ["please"]);
        assert_eq!(words("goood"), ["good"]);
        assert_eq!(words("forgvie me"), ["forgive", "me"]);
        assert_eq!(words("foregive sucide"), ["forgive", "suicide"]);
        assert_eq!(words("forgiven"), ["forgive"], "one letter more is one letter away");
        assert_eq!(words("forge"), ["forge"], "short words are left alone");
    }

    #[test]
    fn sentences_clauses_and_quotes_are_found() {
        let t = normaliser()
            .tokens("One two, three. Four but five \"six seven\" eight 'nine ten' it's");
        let at = |w: &str| t.iter().find(|t| t.word == w).unwrap();
        assert_eq!((at("one").sentence, at("four").sentence), (0, 1));
        assert_eq!(at("one").clause, at("two").clause);
        assert_ne!(at("two").clause, at("three").clause);
        assert_ne!(at("four").clause, at("but").clause, "a clause word opens a clause");
        assert!(at("six").quoted && at("seven").quoted && !at("eight").quoted);
        assert!(at("nine").quoted && at("ten").quoted && !at("it").quoted);
        let chars: Vec<char> = "One two".chars().collect();
        let one = at("one");
        assert_eq!(chars[one.start as usize..one.end as usize].iter().collect::<String>(), "One");
    }

    #[test]
    fn words_point_back_at_the_original() {
        let text = "Ärger — I didn't.";
        let t = normaliser().tokens(text);
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<String> =
            t.iter().map(|w| chars[w.start as usize..w.end as usize].iter().collect()).collect();
        assert_eq!(spans, ["Ärger", "I", "didn't", "didn't"]);
    }
}
