//! The recovery program: its content (steps, the hurt partner's themes, prompts, help),
//! compiled in from `content/<language>/*.toml` and checked by tests; today's prompt, the
//! practice history and progress.

pub mod content;
pub mod daily;
pub mod history;
mod node;
pub mod pages;
pub mod past;
pub mod practice;
pub mod progress;
pub mod today;

pub use content::{Content, Focus, Help, Prompt, PromptKind, Step, Theme, WorksheetText};
pub use daily::{DailyPrompt, PromptSaved};
pub use history::PracticeOutcome;
pub use pages::ProgramPage;
pub use past::{PracticeDay, PracticedPrompt};
pub use progress::{CheckInWeek, FocusProgress, Milestone, ProgramProgress};
