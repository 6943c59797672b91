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
