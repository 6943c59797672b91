//! The program's content as data: the six steps, the hurt partner's themes, the prompt
//! library, help resources and the neutral notification texts. build.rs compiles the TOML
//! files into static data that is read into these types once; [`Content::problems`] lists
//! anything that breaks the content rules (tests require none).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::tools::WorksheetKind;
use crate::vault::Role;

use super::node::{Node, RawGroup, RawPrompt};

mod generated {
    use super::{Node, RawGroup, RawPrompt};
    include!(concat!(env!("OUT_DIR"), "/content_en.rs"));
}

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

/// The whole program in one language.
#[derive(Debug, Clone)]
pub struct Content {
    /// The content version; rises with every shipped change.
    pub version: u32,
    /// The language code.
    pub language: String,
    /// The six steps, in order.
    pub steps: Vec<Step>,
    /// The hurt partner's themes.
    pub themes: Vec<Theme>,
    /// The prompt library.
    pub prompts: Vec<Prompt>,
    /// Help resources.
    pub help: Help,
    /// Notification texts.
    pub notifications: Notifications,
    /// Milestone texts.
    pub milestones: Vec<MilestoneText>,
    /// The written tools' titles and headings.
    pub worksheets: Vec<WorksheetText>,
}

/// Minimum counts the content must meet.
pub mod rules {
    /// Practices per step.
    pub const MIN_PRACTICES: usize = 4;
    /// Example phrases per step.
    pub const MIN_PHRASES: usize = 5;
    /// Reflection questions per step.
    pub const MIN_REFLECTIONS: usize = 3;
    /// Prompts per step for the repairing partner.
    pub const MIN_PROMPTS_PER_STEP: usize = 25;
    /// Prompts for the hurt partner.
    pub const MIN_HURT_PROMPTS: usize = 60;
    /// Words the app never uses.
    pub const NEVER: &[&str] = &["journey", "amazing", "you've got this"];
    /// Words that make the affair sound smaller; never in the repairing partner's content.
    pub const MINIMISING: &[&str] = &["mistake", "slip", "it just happened", "we both"];
    /// Words a notification must never contain.
    pub const NOT_IN_NOTIFICATIONS: &[&str] = &["affair", "cheat", "infidel", "betray", "partner"];
}

fn read_prompt(p: &RawPrompt, role: Role, focus: &Focus) -> Result<Prompt> {
    let kind = match p.kind {
        "action" => PromptKind::Action,
        "conversation" => PromptKind::Conversation,
        "reflection" => PromptKind::Reflection,
        _ => return Err(Error::Damaged("the built-in program content is malformed")),
    };
    Ok(Prompt {
        id: p.id.to_owned(),
        role,
        focus: focus.clone(),
        kind,
        minutes: i32::from(p.minutes),
        text: p.text.to_owned(),
        follow_up: p.follow_up.map(str::to_owned),
    })
}

impl Content {
    /// Reads the English content compiled into the library.
    pub fn parse_english() -> Result<Self> {
        Self::read(&generated::PROGRAM_EN, generated::PROMPT_GROUPS_EN)
    }

    fn read(program: &'static Node, groups: &[RawGroup]) -> Result<Self> {
        const BAD: Error = Error::Damaged("the built-in program content is malformed");
        let top = program.fields(&[
            "version",
            "language",
            "step",
            "theme",
            "help",
            "notifications",
            "milestone",
            "worksheet",
        ])?;
        let steps = top.each(
            "step",
            &[
                "number",
                "key",
                "title",
                "summary",
                "why",
                "practices",
                "phrases",
                "cautions",
                "reflections",
            ],
            |f| {
                Ok(Step {
                    number: f.number("number")?,
                    key: f.text("key")?,
                    title: f.text("title")?,
                    summary: f.text("summary")?,
                    why: f.text("why")?,
                    practices: f.texts("practices")?,
                    phrases: f.texts("phrases")?,
                    cautions: f.texts("cautions")?,
                    reflections: f.texts("reflections")?,
                })
            },
        )?;
        let themes =
            top.each("theme", &["key", "title", "summary", "practices", "reflections"], |f| {
                Ok(Theme {
                    key: f.text("key")?,
                    title: f.text("title")?,
                    summary: f.text("summary")?,
                    practices: f.texts("practices")?,
                    reflections: f.texts("reflections")?,
                })
            })?;
        let h = top.node("help")?.fields(&[
            "intro",
            "therapist",
            "crisis",
            "crisis_lines",
            "local_note",
            "coercion",
        ])?;
        let help = Help {
            intro: h.text("intro")?,
            therapist: h.text("therapist")?,
            crisis: h.text("crisis")?,
            crisis_lines: h.texts("crisis_lines")?,
            local_note: h.text("local_note")?,
            coercion: h.text("coercion")?,
        };
        let milestones = top.each("milestone", &["key", "title", "text"], |f| {
            Ok(MilestoneText {
                key: f.text("key")?,
                title: f.text("title")?,
                text: f.text("text")?,
            })
        })?;
        let worksheets = top.each("worksheet", &["key", "title", "sections"], |f| {
            Ok(WorksheetText {
                key: f.text("key")?,
                title: f.text("title")?,
                sections: f.texts("sections")?,
            })
        })?;
        let n = top.node("notifications")?.fields(&["check_in", "practice"])?;
        let notifications =
            Notifications { check_in: n.text("check_in")?, practice: n.text("practice")? };

        let mut prompts = Vec::new();
        for g in groups {
            let role = match g.role {
                "repairing" => Role::Repairing,
                "hurt" => Role::Hurt,
                _ => return Err(BAD),
            };
            let focus = match (g.step, g.theme) {
                (Some(key), None) => Focus::Step {
                    number: steps.iter().find(|s| s.key == key).map(|s| s.number).ok_or(BAD)?,
                },
                (None, Some(key)) => Focus::Theme { key: key.to_owned() },
                _ => return Err(BAD),
            };
            for p in g.prompts {
                prompts.push(read_prompt(p, role, &focus)?);
            }
        }
        Ok(Self {
            version: top.number("version")?,
            language: top.text("language")?,
            steps,
            themes,
            prompts,
            help,
            notifications,
            milestones,
            worksheets,
        })
    }

    /// The English content, parsed once.
    pub fn english() -> Result<&'static Content> {
        static CONTENT: OnceLock<Option<Content>> = OnceLock::new();
        CONTENT
            .get_or_init(|| Content::parse_english().ok())
            .as_ref()
            .ok_or(Error::Damaged("the built-in program content is malformed"))
    }

    /// The step with `number`.
    pub fn step(&self, number: i32) -> Option<&Step> {
        self.steps.iter().find(|s| s.number == number)
    }

    /// The prompt with `id`.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// The title and headings of a written tool.
    pub fn worksheet(&self, kind: WorksheetKind) -> Option<&WorksheetText> {
        self.worksheets.iter().find(|w| w.key == kind.key())
    }

    /// The text of the milestone with `key`.
    pub fn milestone(&self, key: &str) -> Option<&MilestoneText> {
        self.milestones.iter().find(|m| m.key == key)
    }

    /// Every way the content breaks the rules in CONTENT.md; empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut say = |p: String| problems.push(p);

        for kind in
            [WorksheetKind::RemorseLetter, WorksheetKind::Story, WorksheetKind::ValidationNote]
        {
            match self.worksheet(kind) {
                Some(w) if w.sections.len() == kind.sections() => {}
                _ => say(format!(
                    "the {kind:?} worksheet needs {} section headings",
                    kind.sections()
                )),
            }
        }
        for key in super::progress::MILESTONES {
            if self.milestone(key).is_none() {
                say(format!("milestone {key} has no text"));
            }
        }

        let numbers: Vec<i32> = self.steps.iter().map(|s| s.number).collect();
        if numbers != [1, 2, 3, 4, 5, 6] {
            say(format!("steps must be numbered 1 to 6 in order, found {numbers:?}"));
        }
        let mut keys = HashSet::new();
        for s in &self.steps {
            if !keys.insert(s.key.as_str()) {
                say(format!("step key {} is used twice", s.key));
            }
            for (what, list, min) in [
                ("practices", &s.practices, rules::MIN_PRACTICES),
                ("phrases", &s.phrases, rules::MIN_PHRASES),
                ("reflections", &s.reflections, rules::MIN_REFLECTIONS),
                ("cautions", &s.cautions, 1),
            ] {
                if list.len() < min {
                    say(format!("step {} has {} {what}, needs {min}", s.number, list.len()));
                }
            }
        }
        for t in &self.themes {
            if !keys.insert(t.key.as_str()) {
                say(format!("theme key {} is used twice", t.key));
            }
            if t.practices.is_empty() || t.reflections.is_empty() {
                say(format!("theme {} needs practices and reflections", t.key));
            }
        }

        let mut ids = HashSet::new();
        let mut texts = HashSet::new();
        for p in &self.prompts {
            if !ids.insert(p.id.as_str()) {
                say(format!("prompt id {} is used twice", p.id));
            }
            let well_formed = !p.id.is_empty()
                && p.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                say(format!("prompt id {:?} is not lowercase letters, digits and dashes", p.id));
            }
            if !texts.insert(p.text.to_lowercase()) {
                say(format!("prompt {} repeats another prompt's text", p.id));
            }
            if !(1..=60).contains(&p.minutes) {
                say(format!("prompt {} takes {} minutes", p.id, p.minutes));
            }
            if let Focus::Theme { key } = &p.focus
                && !self.themes.iter().any(|t| &t.key == key)
            {
                say(format!("prompt {} names unknown theme {key}", p.id));
            }
            if p.role == Role::Repairing && !matches!(p.focus, Focus::Step { .. }) {
                say(format!("prompt {} is for the repairing partner but has no step", p.id));
            }
        }
        for s in &self.steps {
            let of_step: Vec<&Prompt> = self
                .prompts
                .iter()
                .filter(|p| {
                    p.role == Role::Repairing && p.focus == Focus::Step { number: s.number }
                })
                .collect();
            if of_step.len() < rules::MIN_PROMPTS_PER_STEP {
                say(format!(
                    "step {} has {} prompts, needs {}",
                    s.number,
                    of_step.len(),
                    rules::MIN_PROMPTS_PER_STEP
                ));
            }
            for kind in PromptKind::ALL {
                if !of_step.iter().any(|p| p.kind == kind) {
                    say(format!("step {} has no {kind:?} prompt", s.number));
                }
            }
        }
        let hurt = self.prompts.iter().filter(|p| p.role == Role::Hurt).count();
        if hurt < rules::MIN_HURT_PROMPTS {
            say(format!("the hurt partner has {hurt} prompts, needs {}", rules::MIN_HURT_PROMPTS));
        }
        for t in &self.themes {
            if !self.prompts.iter().any(|p| p.focus == Focus::Theme { key: t.key.clone() }) {
                say(format!("theme {} has no prompts", t.key));
            }
        }

        for (place, text, repairing) in self.texts() {
            let lower = text.to_lowercase();
            if text.trim().is_empty() {
                say(format!("{place} is empty"));
            }
            if text.contains('!') {
                say(format!("{place} has an exclamation mark"));
            }
            for word in rules::NEVER {
                if lower.contains(word) {
                    say(format!("{place} uses {word:?}"));
                }
            }
            if repairing {
                for word in rules::MINIMISING {
                    if lower.contains(word) {
                        say(format!("{place} uses the minimising {word:?}"));
                    }
                }
            }
        }
        for (place, text) in [
            ("check-in notification", &self.notifications.check_in),
            ("practice notification", &self.notifications.practice),
        ] {
            let lower = text.to_lowercase();
            let named_step = self.steps.iter().any(|s| lower.contains(&s.title.to_lowercase()));
            if named_step || rules::NOT_IN_NOTIFICATIONS.iter().any(|w| lower.contains(w)) {
                say(format!("the {place} is not neutral"));
            }
        }
        problems
    }

    /// Every user-visible text with where it is and whether it speaks to the repairing partner.
    fn texts(&self) -> Vec<(String, &str, bool)> {
        let mut out: Vec<(String, &str, bool)> = Vec::new();
        for s in &self.steps {
            let place = |what: &str| format!("step {} {what}", s.number);
            for (what, text) in [("title", &s.title), ("summary", &s.summary), ("why", &s.why)] {
                out.push((place(what), text, true));
            }
            for (what, list) in [
                ("practice", &s.practices),
                ("phrase", &s.phrases),
                ("caution", &s.cautions),
                ("reflection", &s.reflections),
            ] {
                out.extend(list.iter().map(|t| (place(what), t.as_str(), true)));
            }
        }
        for t in &self.themes {
            for text in [&t.title, &t.summary].into_iter().chain(&t.practices).chain(&t.reflections)
            {
                out.push((format!("theme {}", t.key), text, false));
            }
        }
        for p in &self.prompts {
            let repairing = p.role == Role::Repairing;
            out.push((format!("prompt {}", p.id), &p.text, repairing));
            if let Some(f) = &p.follow_up {
                out.push((format!("prompt {} follow-up", p.id), f, repairing));
            }
        }
        for w in &self.worksheets {
            out.push((format!("worksheet {}", w.key), &w.title, false));
            out.extend(
                w.sections.iter().map(|t| (format!("worksheet {}", w.key), t.as_str(), false)),
            );
        }
        for m in &self.milestones {
            out.push((format!("milestone {}", m.key), &m.title, false));
            out.push((format!("milestone {}", m.key), &m.text, false));
        }
        let h = &self.help;
        for text in [&h.intro, &h.therapist, &h.crisis, &h.local_note, &h.coercion]
            .into_iter()
            .chain(&h.crisis_lines)
        {
            out.push(("help".to_owned(), text, false));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_content_parses_and_breaks_no_rule() {
        let content = Content::english().unwrap();
        assert_eq!(content.language, "en");
        assert!(content.version >= 1);
        let problems = content.problems();
        assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
    }

    #[test]
    fn every_step_and_role_has_enough_prompts_of_every_kind() {
        let c = Content::english().unwrap();
        for step in 1..=6 {
            let n = c.prompts.iter().filter(|p| p.focus == Focus::Step { number: step }).count();
            assert!(n >= rules::MIN_PROMPTS_PER_STEP, "step {step}: {n}");
        }
        assert!(
            c.prompts.iter().filter(|p| p.role == Role::Hurt).count() >= rules::MIN_HURT_PROMPTS
        );
        assert_eq!(c.step(3).unwrap().key, "remorse");
        assert_eq!(c.prompt("remorse-01").unwrap().focus, Focus::Step { number: 3 });
    }

    #[test]
    fn the_rules_catch_broken_content() {
        let mut c = Content::english().unwrap().clone();
        c.prompts[1].id = c.prompts[0].id.clone();
        c.prompts[2].text = "Say it was a mistake!".to_owned();
        c.steps[0].phrases.truncate(2);
        c.notifications.check_in = "Time to work on the affair".to_owned();
        c.prompts
            .retain(|p| !(p.focus == Focus::Step { number: 6 } && p.kind == PromptKind::Action));
        let problems = c.problems().join("\n");
        for expected in [
            "is used twice",
            "exclamation mark",
            "minimising \"mistake\"",
            "step 1 has 2 phrases",
            "check-in notification is not neutral",
            "step 6 has no Action prompt",
        ] {
            assert!(problems.contains(expected), "missing {expected:?} in:\n{problems}");
        }
    }
}
