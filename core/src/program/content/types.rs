//! The program's content as types: steps, themes, help, prompts, milestones, worksheet
//! headings and the phrasing check's words. The apps receive these as they are.

use crate::language::{DangerKind, PhrasingReason};
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
    /// Words the hurt partner might use, starting points to put in their own words.
    pub phrases: Vec<String>,
    /// What to watch out for.
    pub cautions: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// A deeper look at one part of the repair, under the step it belongs to: preparing a full
/// disclosure, answering a trigger, hard dates, closeness, family, shame, deciding together.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    /// A stable key, e.g. `disclosure`.
    pub key: String,
    /// The number of the step it belongs to.
    pub step: i32,
    /// The module's title.
    pub title: String,
    /// What it is about.
    pub summary: String,
    /// Concrete practices.
    pub practices: Vec<String>,
    /// Example phrases, starting points to put in one's own words.
    pub phrases: Vec<String>,
    /// What to watch out for.
    pub cautions: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// What a service is for.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// Emergency services (police, ambulance).
    Emergency,
    /// A crisis or suicide line.
    Crisis,
    /// Help with domestic abuse or coercive control.
    Abuse,
    /// A directory of lines in every country.
    Directory,
    /// A line for people worried about their own behaviour towards a partner or a child.
    Perpetrator,
}

/// A service to reach, with its country and the day its details were last checked.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpResource {
    /// The country's ISO 3166 code (`GB`, `US`, ...), `EU` for the European Union, `ALL`
    /// for everywhere.
    pub country: String,
    /// The country's name.
    pub place: String,
    /// What it is for.
    pub kind: ResourceKind,
    /// The service's name.
    pub name: String,
    /// How to reach it, and when.
    pub contact: String,
    /// The number to call, as dialled in the country; empty if it takes no calls.
    pub call: String,
    /// The number to text; empty if it takes no texts.
    pub text: String,
    /// The word to text it, if it asks for one.
    pub text_body: String,
    /// The address of the page its details were checked against.
    pub source: String,
    /// The day its details were last checked, `YYYY-MM-DD`.
    pub checked: String,
}

/// A sign that it is time to get help, and whom it is written for.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedFlag {
    /// The role it speaks to; `None` for both.
    pub role: Option<Role>,
    /// The sign, in a sentence.
    pub text: String,
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
    /// Crisis, abuse and emergency services; those of the person's region first when the
    /// region is known.
    pub resources: Vec<HelpResource>,
    /// The lines to reach now, at the top of the help page: the region's own, or where it has
    /// none (or is not known) the directory for everywhere.
    pub here: Vec<HelpResource>,
    /// That numbers change and where to look when one does not answer.
    pub local_note: String,
    /// The caution shown before any transparency or sharing feature.
    pub coercion: String,
    /// The caution shown before any transparency practice: offered, never demanded; never a
    /// reason to hand over the app; couples work waits while there is abuse or an affair.
    pub transparency: String,
    /// The heading over the red flags.
    pub red_flags_title: String,
    /// Signs that it is time to get help now, for both roles.
    pub red_flags: Vec<RedFlag>,
    /// The heading of the block at the top of the help page: the lines to reach now.
    pub get_help_now: String,
    /// That Mend works offline and which place's lines come first.
    pub local_note_offline: String,
    /// The heading over the advice for a phone that someone may check.
    pub searched_title: String,
    /// How to reach help safely when a phone may be checked, a paragraph each.
    pub searched: Vec<String>,
}

/// The words of the help card offered after something was saved ([`crate::safety`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfferWords {
    /// That what the person wrote is saved.
    pub saved: String,
    /// The heading and words for thoughts of self-harm.
    pub self_harm_title: String,
    /// (See `self_harm_title`.)
    pub self_harm: String,
    /// The heading and words for threats, control, fear or violence.
    pub danger_title: String,
    /// (See `danger_title`.)
    pub danger: String,
    /// That couples work waits while anyone is unsafe.
    pub couples_work_waits: String,
    /// For someone worried about their own behaviour.
    pub own_behaviour: String,
    /// For a child in danger.
    pub child: String,
    /// The heading and words for a check-in that says the person does not feel safe.
    pub low_safety_title: String,
    /// (See `low_safety_title`.)
    pub low_safety: String,
    /// The heading and words for low check-ins more than once in a week.
    pub low_scores_title: String,
    /// (See `low_scores_title`.)
    pub low_scores: String,
}

impl Help {
    /// This help with the resources of `region` (an ISO 3166 code, any case; `UK` is read as
    /// `GB`) first, then the directory for everywhere, then the rest in their order.
    pub fn for_region(&self, region: Option<&str>) -> Help {
        let region = region.map(|r| match r.to_ascii_uppercase().as_str() {
            "UK" => "GB".to_owned(),
            other => other.to_owned(),
        });
        let rank = |r: &HelpResource| match &region {
            Some(code) if &r.country == code => 0,
            _ if r.country == "ALL" => 1,
            _ => 2,
        };
        // Three passes keep the content's order within each rank (and instantiate no sort).
        let resources = (0..3)
            .flat_map(|wanted| self.resources.iter().filter(move |r| rank(r) == wanted))
            .cloned()
            .collect();
        let own: Vec<HelpResource> = self
            .resources
            .iter()
            .filter(|r| Some(&r.country) == region.as_ref())
            .cloned()
            .collect();
        let here = if own.is_empty() {
            self.resources.iter().filter(|r| r.kind == ResourceKind::Directory).cloned().collect()
        } else {
            own
        };
        Help { resources, here, ..self.clone() }
    }
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
    /// The role it is worded for.
    pub role: Role,
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
    /// A short card to read: something worth knowing.
    Learn,
    /// A practice that takes about a minute.
    Minute,
    /// A question to carry through the day, with nothing to write.
    SitWith,
}

impl PromptKind {
    /// Every kind.
    pub const ALL: [PromptKind; 6] = [
        PromptKind::Action,
        PromptKind::Conversation,
        PromptKind::Reflection,
        PromptKind::Learn,
        PromptKind::Minute,
        PromptKind::SitWith,
    ];

    /// The kinds every step offers.
    pub const EVERY_STEP: [PromptKind; 3] =
        [PromptKind::Action, PromptKind::Conversation, PromptKind::Reflection];

    /// The key the content names it by.
    pub fn key(self) -> &'static str {
        match self {
            PromptKind::Action => "action",
            PromptKind::Conversation => "conversation",
            PromptKind::Reflection => "reflection",
            PromptKind::Learn => "learn",
            PromptKind::Minute => "minute",
            PromptKind::SitWith => "sit-with",
        }
    }
}

/// When in the program a prompt fits.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// The first weeks: offered from the start, and more often while they last.
    Early,
    /// Any time.
    Any,
    /// Not in the first weeks: offered once the program has run a while (after the first
    /// honesty and remorse work, for example, before telling the story).
    Later,
}

impl Stage {
    /// The key the content names it by.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Early => "early",
            Stage::Any => "any",
            Stage::Later => "later",
        }
    }
}

/// A prompt's place in a sequence that comes in order (a letter's sections, for example).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PromptSequence {
    /// The sequence's key.
    pub key: String,
    /// Its place, from 1: it is offered only after the one before it was.
    pub place: i32,
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
    /// When in the program it fits.
    pub stage: Stage,
    /// Its place in a sequence that comes in order, if it has one.
    pub sequence: Option<PromptSequence>,
    /// The module it belongs to, if any (its focus is still the module's step).
    pub module: Option<String>,
    /// Whether it is a transparency practice: the screens show the help page's transparency
    /// caution with it ([`crate::program::DailyPrompt::caution`]).
    pub transparency: bool,
}

/// The rules of one kind of danger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DangerRules {
    /// The kind.
    pub kind: DangerKind,
    /// Its rules, in the grammar's syntax ([`crate::language::grammar`]).
    pub rules: Vec<String>,
}

/// The rules of one phrasing reason, with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhrasingRules {
    /// The reason.
    pub reason: PhrasingReason,
    /// What a screen shows beside a flagged span.
    pub label: String,
    /// A rewrite to consider.
    pub suggestion: String,
    /// Patterns that leave the reason's matches in the same sentence alone ("that is no
    /// excuse" beside a justification).
    pub unless: Vec<String>,
    /// Its rules.
    pub rules: Vec<String>,
}

/// A language's grammar file (`language.toml`): how its text is normalised, its concepts,
/// and the rules of each kind of danger and each phrasing reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageWords {
    /// Typed words read as others (a contraction without its apostrophe, a misspelling).
    pub replace: Vec<(String, String)>,
    /// Words that open a clause.
    pub clause_words: Vec<String>,
    /// Past participles, after which "'d" reads "had".
    pub participles: Vec<String>,
    /// Longer words mended when one letter is off.
    pub mendable: Vec<String>,
    /// Named sets of phrases the rules refer to.
    pub concepts: Vec<(String, Vec<String>)>,
    /// Patterns that own the harm: phrasing matched inside one is left alone.
    pub accepts: Vec<String>,
    /// Figurative speech: danger matched overlapping one is left alone.
    pub figurative: Vec<String>,
    /// Each kind of danger's rules, in the order help answers them.
    pub danger: Vec<DangerRules>,
    /// Each phrasing reason's rules, the first listed winning where two overlap.
    pub phrasing: Vec<PhrasingRules>,
    /// What the letter check says when it flags nothing.
    pub nothing_found: String,
}
