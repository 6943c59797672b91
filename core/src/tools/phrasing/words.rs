//! Text as the phrasing check reads it: lower-case words, contractions spelled out however
//! they were typed ("don't", "dont" and "do not" all read "do not"), and sentence breaks, each
//! word remembering where in the original it came from.

/// Where a sentence ends, between words.
pub const BREAK: &str = "|";

/// One word of the canonical text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where it starts in the canonical text, in bytes.
    pub at: usize,
    /// The original text it stands for, in Unicode scalar values: start, and end (exclusive).
    pub start: u32,
    pub end: u32,
}

/// Canonical text: words separated by single spaces, sentence breaks as [`BREAK`].
#[derive(Debug, Default)]
pub struct Canonical {
    pub text: String,
    pub words: Vec<Word>,
}

/// Contractions typed without their apostrophe, and "cannot", read as spelled out. Only
/// forms that are not themselves ordinary words ("were", "ill", "well" are left alone).
const BARE: &[(&str, &str)] = &[
    ("cannot", "can not"),
    ("cant", "can not"),
    ("dont", "do not"),
    ("didnt", "did not"),
    ("doesnt", "does not"),
    ("isnt", "is not"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("arent", "are not"),
    ("couldnt", "could not"),
    ("wouldnt", "would not"),
    ("shouldnt", "should not"),
    ("hadnt", "had not"),
    ("hasnt", "has not"),
    ("havent", "have not"),
    ("wont", "will not"),
    ("im", "i am"),
    ("ive", "i have"),
    ("youre", "you are"),
    ("youve", "you have"),
    ("theyre", "they are"),
    ("its", "it is"),
    ("thats", "that is"),
    ("whats", "what is"),
];

/// Words whose "'s" is "is" rather than a possessive.
const IS_AFTER: &[&str] =
    &["it", "that", "there", "what", "he", "she", "who", "where", "here", "how"];

/// The words one typed word reads as.
fn spell_out(word: &str) -> Vec<String> {
    if let Some((_, full)) = BARE.iter().find(|(bare, _)| *bare == word) {
        return full.split(' ').map(str::to_owned).collect();
    }
    let irregular = match word {
        "can't" => Some("can not"),
        "won't" => Some("will not"),
        "shan't" => Some("shall not"),
        "ain't" => Some("is not"),
        _ => None,
    };
    if let Some(full) = irregular {
        return full.split(' ').map(str::to_owned).collect();
    }
    if let Some(stem) = word.strip_suffix("n't") {
        return vec![stem.to_owned(), "not".to_owned()];
    }
    for (suffix, full) in
        [("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]
    {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return vec![stem.to_owned(), full.to_owned()];
        }
    }
    if let Some(stem) = word.strip_suffix("'s").filter(|s| IS_AFTER.contains(s)) {
        return vec![stem.to_owned(), "is".to_owned()];
    }
    vec![word.to_owned()]
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':' | '\n')
}

/// Reads `text` as canonical words.
pub fn canonical(text: &str) -> Canonical {
    let mut out = Canonical::default();
    let mut word = String::new();
    let mut word_start = 0u32;
    let mut pending_break = false;
    let mut index = 0u32;
    let flush = |out: &mut Canonical, word: &mut String, start: u32, end: u32| {
        let trimmed = word.trim_matches('\'');
        if !trimmed.is_empty() {
            for part in spell_out(trimmed) {
                push(out, &part, start, end);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        let c = if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') { '\'' } else { c };
        if is_word_char(c) {
            if word.is_empty() {
                word_start = index;
                if pending_break && !out.words.is_empty() {
                    push(&mut out, BREAK, index, index);
                }
                pending_break = false;
            }
            word.extend(c.to_lowercase());
        } else {
            flush(&mut out, &mut word, word_start, index);
            pending_break |= ends_sentence(c);
        }
        index += 1;
    }
    flush(&mut out, &mut word, word_start, index);
    out
}

fn push(out: &mut Canonical, word: &str, start: u32, end: u32) {
    if !out.text.is_empty() {
        out.text.push(' ');
    }
    out.words.push(Word { at: out.text.len(), start, end });
    out.text.push_str(word);
}

impl Canonical {
    /// Every place `phrase` (canonical words) occurs as whole words, as ranges of word
    /// indices (first, last inclusive).
    pub fn find(&self, phrase: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        if phrase.is_empty() {
            return found;
        }
        for (at, _) in self.text.match_indices(phrase) {
            let end = at + phrase.len();
            let starts_word = at == 0 || self.text.as_bytes()[at - 1] == b' ';
            let ends_word = end == self.text.len() || self.text.as_bytes()[end] == b' ';
            if !(starts_word && ends_word) {
                continue;
            }
            let (Ok(first), last) = (
                self.words.binary_search_by_key(&at, |w| w.at),
                self.words.partition_point(|w| w.at < end).saturating_sub(1),
            ) else {
                continue;
            };
            found.push((first, last));
        }
        found
    }

    /// Whether word `i` opens a sentence.
    pub fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.word(i - 1) == BREAK
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        let at = self.words[i].at;
        let end = self.words.get(i + 1).map_or(self.text.len(), |w| w.at - 1);
        &self.text[at..end]
    }

    /// The sentence word `i` is in, as a range of word indices (first, last inclusive).
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let first = (0..=i).rev().find(|&j| self.opens_sentence(j)).unwrap_or(0);
        let last = (i..self.words.len())
            .find(|&j| self.words.get(j + 1).is_none_or(|_| self.word(j + 1) == BREAK))
            .unwrap_or(i);
        (first, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        canonical(s).text
    }

    #[test]
    fn contractions_read_the_same_however_they_are_typed() {
        for typed in ["I don't know", "I dont know", "I do not know", "I DON’T know"] {
            assert_eq!(text(typed), "i do not know", "{typed}");
        }
        assert_eq!(text("It's not my fault"), "it is not my fault");
        assert_eq!(text("Its not my fault"), "it is not my fault");
        assert_eq!(text("I can't, I cannot, I cant"), "i can not i can not i can not");
        assert_eq!(
            text("I won't. I'm here; I've stayed."),
            "i will not | i am here | i have stayed"
        );
        assert_eq!(text("my partner's pain"), "my partner's pain");
        assert_eq!(text("'quoted' words"), "quoted words");
    }

    #[test]
    fn words_point_back_at_the_original() {
        let c = canonical("Ärger — I didn't.");
        let chars: Vec<char> = "Ärger — I didn't.".chars().collect();
        let spans: Vec<String> = c
            .words
            .iter()
            .map(|w| chars[w.start as usize..w.end as usize].iter().collect())
            .collect();
        assert_eq!(spans, ["Ärger", "I", "didn't", "didn't"]);
        assert_eq!(c.find("did not"), [(2, 3)]);
        assert_eq!(c.find("i did"), [(1, 2)]);
        assert!(c.find("rger").is_empty(), "whole words only");
    }

    #[test]
    fn sentences_are_found() {
        let c = canonical("One two. Three four; five");
        assert_eq!(c.text, "one two | three four | five");
        assert!(c.opens_sentence(0) && c.opens_sentence(3) && !c.opens_sentence(4));
        assert_eq!(c.sentence_of(4), (3, 4));
        assert_eq!(c.sentence_of(0), (0, 1));
        assert_eq!(c.sentence_of(6), (6, 6));
    }
}
