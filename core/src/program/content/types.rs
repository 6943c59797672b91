//! The program's content as types: steps, themes, help, prompts, milestones and worksheet
//! headings. The apps receive these as they are.

use crate::vault::Role;

/// One of the six steps for the partner who had the affair.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1 to 6.
    pub number: i32,
    /// A stable key, e.g. `honesty`.
    pub key: String,
    /// The step's title.
    pub title: String,
    /// What the step asks, in two or three sentences.
    pub summary: String,
    /// Why it matters for the hurt partner.
    pub why: String,
    /// Concrete practices.
    pub practices: Vec<String>,
    /// Example phrases, starting points to put in one's own words.
    pub phrases: Vec<String>,
    /// What to watch out for.
    pub cautions: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// A theme of the hurt partner's companion track.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// A stable key, e.g. `feelings`.
    pub key: String,
    /// The theme's title.
    pub title: String,
    /// What the theme is about.
    pub summary: String,
    /// Concrete practices.
    pub practices: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// Help resources, shown one tap away.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// A first line.
    pub intro: String,
    /// How to find a therapist trained in affair recovery.
    pub therapist: String,
    /// What to do in a crisis.
    pub crisis: String,
    /// Crisis lines.
    pub crisis_lines: Vec<String>,
    /// A note to find the local equivalent.
    pub local_note: String,
    /// The caution shown before any transparency or sharing feature.
    pub coercion: String,
}

/// Notification texts: neutral, never naming a step or the topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notifications {
    /// For check-in reminders.
    pub check_in: String,
    /// For practice reminders.
    pub practice: String,
}

/// A moment worth marking in the progress view.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneText {
    /// A stable key known to the progress code, e.g. `seven-days`.
    pub key: String,
    /// A short title.
    pub title: String,
    /// A sentence or two.
    pub text: String,
}

/// The title and section headings of a written tool.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorksheetText {
    /// `remorse-letter`, `story` or `validation-note`.
    pub key: String,
    /// The title.
    pub title: String,
    /// The section headings, in order.
    pub sections: Vec<String>,
}

/// What a prompt asks for.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromptKind {
    /// Something to do.
    Action,
    /// Something to say or ask.
    Conversation,
    /// Something to think or write about.
    Reflection,
}

impl PromptKind {
    /// Every kind.
    pub const ALL: [PromptKind; 3] =
        [PromptKind::Action, PromptKind::Conversation, PromptKind::Reflection];
}

/// What a prompt is about: a step (1–6) or a companion theme.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Focus {
    /// One of the six steps.
    Step {
        /// The step's number, 1 to 6.
        number: i32,
    },
    /// A theme of the hurt partner's track.
    Theme {
        /// The theme's key.
        key: String,
    },
}

/// One daily prompt.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// A stable id, e.g. `honesty-07`.
    pub id: String,
    /// Whose prompt it is.
    pub role: Role,
    /// The step or theme it belongs to.
    pub focus: Focus,
    /// What it asks for.
    pub kind: PromptKind,
    /// Roughly how many minutes it takes.
    pub minutes: i32,
    /// The prompt.
    pub text: String,
    /// An optional question to reflect on afterwards.
    pub follow_up: Option<String>,
}
