//! A light English stemmer: the grammar matches words by stem, so "kill", "kills", "killed"
//! and "killing" are one word to it, and so are "hope", "hoping" and "hoped". It strips one
//! inflection (-s, -es, -ies, -ed, -ied, -ing), undoubles a final consonant and drops a final
//! "e"; it never touches derivation ("kindness" stays itself). Both the grammar's words and
//! the text are stemmed the same way, so a stem only has to be consistent, not a real word.

/// Whether the letter at `i` is a vowel (y counts after a consonant).
fn is_vowel(word: &[u8], i: usize) -> bool {
    match word[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => true,
        b'y' => i > 0 && !is_vowel(word, i - 1),
        _ => false,
    }
}

fn has_vowel(word: &[u8]) -> bool {
    (0..word.len()).any(|i| is_vowel(word, i))
}

/// The stem of one lower-case word. Words with anything but ASCII letters and apostrophes
/// are returned as they are.
pub fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return word.to_owned();
    }
    let w = word.strip_suffix("'s").unwrap_or(word).trim_end_matches('\'');
    let mut s = strip_inflection(w).to_owned();
    undouble(&mut s);
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// The word without one inflectional ending, where what is left still holds a vowel.
fn strip_inflection(w: &str) -> String {
    // What is left must hold a vowel, and three letters before -ed or -ing ("used", "being").
    let keep = |stem: &str| stem.len() >= 2 && has_vowel(stem.as_bytes());
    let keep3 = |stem: &str| stem.len() >= 3 && keep(stem);
    if let Some(stem) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        // "dies", "died", "lies", "tied": a one-letter stem keeps its "ie".
        return if stem.len() <= 1 { format!("{stem}ie") } else { format!("{stem}y") };
    }
    if let Some(stem) = w.strip_suffix("ying").filter(|s| s.len() == 1) {
        return format!("{stem}ie"); // dying, lying, tying
    }
    if let Some(stem) = w.strip_suffix("ing").filter(|s| keep3(s)) {
        return stem.to_owned();
    }
    if w.ends_with("eed") {
        return w.to_owned(); // need, bleed, agreed
    }
    if let Some(stem) = w.strip_suffix("ed").filter(|s| keep3(s)) {
        return stem.to_owned();
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_owned(); // miss, us, this
    }
    if let Some(stem) = w.strip_suffix("es") {
        let sibilant = ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| stem.ends_with(e));
        if sibilant && keep(stem) {
            return stem.to_owned(); // kisses, goes, wishes
        }
    }
    if let Some(stem) = w.strip_suffix('s').filter(|s| keep(s)) {
        return stem.to_owned();
    }
    w.to_owned()
}

/// "stopp" → "stop", "plann" → "plan"; doubled l, s and z stay ("kill", "miss").
fn undouble(s: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !is_vowel(b, n - 1)
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for w in words {
            assert_eq!(stem(w), first, "{w} vs {}", words[0]);
        }
    }

    #[test]
    fn inflections_of_one_word_share_a_stem() {
        same(&["kill", "kills", "killed", "killing"]);
        same(&["die", "dies", "died", "dying"]);
        same(&["hope", "hopes", "hoped", "hoping"]);
        same(&["stop", "stops", "stopped", "stopping"]);
        same(&["plan", "plans", "planned", "planning"]);
        same(&["cry", "cries", "cried", "crying"]);
        same(&["wish", "wishes", "wished", "wishing"]);
        same(&["pill", "pills"]);
        same(&["bleed", "bleeds", "bleeding"]);
        same(&["live", "lives", "lived", "living"]);
        same(&["leave", "leaves", "leaving"]);
        same(&["miss", "misses", "missed", "missing"]);
        same(&["partner", "partner's", "partners"]);
    }

    #[test]
    fn different_words_keep_different_stems() {
        assert_ne!(stem("kill"), stem("skill"));
        assert_ne!(stem("need"), stem("ne"));
        assert_ne!(stem("this"), stem("thi"));
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("was"), "was");
        assert_eq!(stem("ärger"), "ärger");
    }
}
