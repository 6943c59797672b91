// The keys each table of the content files may have, in one place: build.rs checks the TOML
// against them (it includes this file) and the reader reads the compiled blob with them.

/// The keys of a group of prompts.
pub const GROUP_KEYS: &[&str] = &["role", "step", "theme", "module", "stage", "prompts"];

/// The keys of one prompt.
pub const PROMPT_KEYS: &[&str] =
    &["id", "kind", "minutes", "text", "follow_up", "stage", "sequence", "place", "transparency"];

/// The keys of the phrasing check's file.
pub const PHRASING_KEYS: &[&str] = &["accepts", "disowns", "reason"];

/// The keys of one reason of the phrasing check.
pub const REASON_KEYS: &[&str] = &["key", "label", "suggestion", "phrases"];

/// The tables of the screens' words file: the common words, and Apple's own for some keys.
pub const SCREENS_KEYS: &[&str] = &["words", "apple"];

/// The plural categories a counted wording may have (Unicode CLDR's names).
pub const PLURAL_FORMS: &[&str] = &["zero", "one", "two", "few", "many", "other"];
