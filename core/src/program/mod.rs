//! The recovery program: its content (steps, companion themes, prompts, help), compiled in
//! from `content/<language>/*.toml` and checked by tests.

pub mod content;
pub mod history;
pub mod today;

pub use content::{Content, Focus, Kind, Prompt, PromptRole, Step, Theme};
