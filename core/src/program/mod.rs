//! The recovery program: its content (steps, companion themes, prompts, help), compiled in
//! from `content/<language>/*.toml` and checked by tests.

pub mod calendar;
pub mod content;
pub mod daily;
pub mod history;
mod node;
pub mod phrasing;
pub mod practice;
pub mod progress;
pub mod today;

pub use content::{Content, Focus, Kind, Prompt, PromptRole, Step, Theme};
pub use daily::DailyPrompt;
pub use history::Outcome;
pub use progress::{CheckInWeek, FocusProgress, Milestone, Progress};
