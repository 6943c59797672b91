// The keys each table of the content files may have, in one place: build.rs checks the TOML
// against them (it includes this file) and the reader reads the compiled blob with them.

/// The keys of a group of prompts.
pub const GROUP_KEYS: &[&str] = &["role", "step", "theme", "module", "stage", "prompts"];

/// The keys of one prompt.
pub const PROMPT_KEYS: &[&str] =
    &["id", "kind", "minutes", "text", "follow_up", "stage", "sequence", "place", "transparency"];

/// The keys of the language engine's grammar file.
pub const LANGUAGE_KEYS: &[&str] =
    &["normalise", "concepts", "accepts", "figurative", "danger", "phrasing", "nothing_found"];

/// The keys of the grammar file's normalisation tables.
pub const NORMALISE_KEYS: &[&str] = &["replace", "clause_words", "participles", "mendable"];

/// The keys of one kind of danger's rules.
pub const DANGER_KEYS: &[&str] = &["key", "rules"];

/// The keys of one phrasing reason's rules.
pub const PHRASING_KEYS: &[&str] = &["key", "label", "suggestion", "unless", "rules"];

/// The tables of the screens' words file: the common words, and Apple's own for some keys.
pub const SCREENS_KEYS: &[&str] = &["words", "apple"];

/// The words of the help card offered after something was saved.
pub const OFFER_KEYS: &[&str] = &[
    "saved",
    "self_harm_title",
    "self_harm",
    "danger_title",
    "danger",
    "couples_work_waits",
    "own_behaviour",
    "child",
    "low_safety_title",
    "low_safety",
    "low_scores_title",
    "low_scores",
];

/// The plural categories a counted wording may have (Unicode CLDR's names).
pub const PLURAL_FORMS: &[&str] = &["zero", "one", "two", "few", "many", "other"];
