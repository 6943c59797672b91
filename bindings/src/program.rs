//! The recovery program as the UIs see it: the steps and themes, today's prompt, practice
//! and progress. Days cross the boundary as ISO dates (`2026-03-29`), local to the time zone
//! whose rules the UI passes in (its platform knows them, daylight saving included).

use std::sync::Arc;

use mend_core::program::{self, Content, Focus, Kind, Outcome};

use crate::error::MendError;
use crate::vault::MendVault;

/// One of the six steps.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepInfo {
    /// 1 to 6.
    pub number: u8,
    /// A stable key, e.g. `honesty`.
    pub key: String,
    /// The title.
    pub title: String,
    /// What the step asks.
    pub summary: String,
    /// Why it matters for the hurt partner.
    pub why: String,
    /// Concrete practices.
    pub practices: Vec<String>,
    /// Example phrases, to put in one's own words.
    pub phrases: Vec<String>,
    /// What to watch out for.
    pub cautions: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// A theme of the hurt partner's track.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ThemeInfo {
    /// A stable key, e.g. `feelings`.
    pub key: String,
    /// The title.
    pub title: String,
    /// What it is about.
    pub summary: String,
    /// Concrete practices.
    pub practices: Vec<String>,
    /// Questions to reflect on.
    pub reflections: Vec<String>,
}

/// Help resources, one tap away.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HelpInfo {
    /// A first line.
    pub intro: String,
    /// Finding a therapist trained in affair recovery.
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

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PromptKind {
    /// Something to do.
    Action,
    /// Something to say or ask.
    Conversation,
    /// Something to think or write about.
    Reflection,
}

/// What became of a prompt on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PracticeOutcome {
    /// Offered, not yet acted on.
    Shown,
    /// Skipped.
    Skipped,
    /// Done.
    Done,
}

/// A prompt.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PromptInfo {
    /// A stable id.
    pub id: String,
    /// The step it belongs to, for the repairing partner's prompts.
    pub step: Option<u8>,
    /// The theme it belongs to, for the hurt partner's prompts.
    pub theme: Option<String>,
    /// What it asks for.
    pub kind: PromptKind,
    /// Roughly how many minutes it takes.
    pub minutes: u8,
    /// The prompt.
    pub text: String,
    /// A question to reflect on afterwards, if any.
    pub follow_up: Option<String>,
}

/// A prompt offered today.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DailyPrompt {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    /// The prompt.
    pub prompt: PromptInfo,
    /// 0 for the day's prompt, 1 and up for alternatives.
    pub alternative: u32,
    /// Shown, skipped or done.
    pub outcome: PracticeOutcome,
    /// The written response, if saved.
    pub response: Option<String>,
}

/// How a step or theme has been practised.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FocusProgress {
    /// The step, for the repairing partner.
    pub step: Option<u8>,
    /// The theme, for the hurt partner.
    pub theme: Option<String>,
    /// Times practised in all.
    pub times_practised: u32,
    /// The last date practised, `YYYY-MM-DD`.
    pub last_practised: Option<String>,
}

/// A milestone reached.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Milestone {
    /// A stable key.
    pub key: String,
    /// A short title.
    pub title: String,
    /// A sentence or two.
    pub text: String,
    /// The date reached, `YYYY-MM-DD`.
    pub reached: String,
}

/// Progress as of today.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Progress {
    /// Today, `YYYY-MM-DD`.
    pub today: String,
    /// The day the vault was started.
    pub started: String,
    /// Whole weeks since the start.
    pub weeks_since_start: u32,
    /// Days practised among the last 7 ("5 of the last 7 days").
    pub days_practised_last_7: u32,
    /// Days practised among the last 28.
    pub days_practised_last_28: u32,
    /// Days practised in all.
    pub days_practised: u32,
    /// Each step or theme, in program order.
    pub focuses: Vec<FocusProgress>,
    /// Milestones reached.
    pub milestones: Vec<Milestone>,
    /// Weekly averages of check-in scores, oldest first (the last 12 weeks with check-ins).
    pub check_in_weeks: Vec<CheckInWeek>,
}

/// Average check-in scores of one week.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckInWeek {
    /// The week's Monday, `YYYY-MM-DD`.
    pub monday: String,
    /// How many check-ins it had.
    pub count: u32,
    /// Average safety, 0–10.
    pub safety: f32,
    /// Average trust, 0–10.
    pub trust: f32,
    /// Average connection, 0–10.
    pub connection: f32,
}

/// A time zone's rules, from the platform: Kotlin's `ZoneId.rules`, Swift's `TimeZone`.
#[uniffi::export(with_foreign)]
pub trait TimeZoneRules: Send + Sync {
    /// Seconds east of UTC at `utc_ms` (milliseconds since the Unix epoch).
    fn offset_seconds(&self, utc_ms: i64) -> i32;
}

/// Lets the core use rules implemented on the other side of the FFI.
pub(crate) struct Zone(pub(crate) Arc<dyn TimeZoneRules>);

impl program::calendar::ZoneRules for Zone {
    fn offset_seconds(&self, utc_ms: i64) -> i32 {
        self.0.offset_seconds(utc_ms)
    }
}

fn content() -> Result<&'static Content, MendError> {
    Ok(Content::english()?)
}

fn date(day: i32) -> String {
    program::calendar::iso_date(day)
}

fn step_info(s: &program::Step) -> StepInfo {
    StepInfo {
        number: s.number,
        key: s.key.clone(),
        title: s.title.clone(),
        summary: s.summary.clone(),
        why: s.why.clone(),
        practices: s.practices.clone(),
        phrases: s.phrases.clone(),
        cautions: s.cautions.clone(),
        reflections: s.reflections.clone(),
    }
}

fn prompt_info(p: &program::Prompt) -> PromptInfo {
    let (step, theme) = match &p.focus {
        Focus::Step(n) => (Some(*n), None),
        Focus::Theme(t) => (None, Some(t.clone())),
    };
    PromptInfo {
        id: p.id.clone(),
        step,
        theme,
        kind: match p.kind {
            Kind::Action => PromptKind::Action,
            Kind::Conversation => PromptKind::Conversation,
            Kind::Reflection => PromptKind::Reflection,
        },
        minutes: p.minutes,
        text: p.text.clone(),
        follow_up: p.follow_up.clone(),
    }
}

fn daily(d: program::DailyPrompt) -> DailyPrompt {
    DailyPrompt {
        date: date(d.day),
        prompt: prompt_info(&d.prompt),
        alternative: d.alternative,
        outcome: match d.outcome {
            Outcome::Shown => PracticeOutcome::Shown,
            Outcome::Skipped => PracticeOutcome::Skipped,
            Outcome::Done => PracticeOutcome::Done,
        },
        response: d.response,
    }
}

/// The six steps, in order.
#[uniffi::export]
pub fn program_steps() -> Result<Vec<StepInfo>, MendError> {
    Ok(content()?.steps.iter().map(step_info).collect())
}

/// One step, 1 to 6.
#[uniffi::export]
pub fn program_step(number: u8) -> Result<StepInfo, MendError> {
    content()?.step(number).map(step_info).ok_or(MendError::NotFound)
}

/// The hurt partner's themes, in order.
#[uniffi::export]
pub fn program_themes() -> Result<Vec<ThemeInfo>, MendError> {
    Ok(content()?
        .themes
        .iter()
        .map(|t| ThemeInfo {
            key: t.key.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            practices: t.practices.clone(),
            reflections: t.reflections.clone(),
        })
        .collect())
}

/// Help resources.
#[uniffi::export]
pub fn help_resources() -> Result<HelpInfo, MendError> {
    let h = &content()?.help;
    Ok(HelpInfo {
        intro: h.intro.clone(),
        therapist: h.therapist.clone(),
        crisis: h.crisis.clone(),
        crisis_lines: h.crisis_lines.clone(),
        local_note: h.local_note.clone(),
        coercion: h.coercion.clone(),
    })
}

#[uniffi::export]
impl MendVault {
    /// Today's prompt, by the local day in `zone`; the same all day.
    pub fn today(&self, zone: Arc<dyn TimeZoneRules>) -> Result<DailyPrompt, MendError> {
        Ok(daily(self.core.today(&Zone(zone))?))
    }

    /// Another prompt for today (1 = the first alternative); today's stays as it is.
    pub fn another_prompt(
        &self,
        zone: Arc<dyn TimeZoneRules>,
        alternative: u32,
    ) -> Result<DailyPrompt, MendError> {
        Ok(daily(self.core.another_prompt(&Zone(zone), alternative)?))
    }

    /// Marks a prompt offered today as done, with an optional written response.
    pub fn complete_prompt(
        &self,
        zone: Arc<dyn TimeZoneRules>,
        prompt_id: String,
        response: Option<String>,
    ) -> Result<DailyPrompt, MendError> {
        Ok(daily(self.core.complete_prompt(&Zone(zone), &prompt_id, response.as_deref())?))
    }

    /// Marks a prompt offered today as skipped.
    pub fn skip_prompt(
        &self,
        zone: Arc<dyn TimeZoneRules>,
        prompt_id: String,
    ) -> Result<DailyPrompt, MendError> {
        Ok(daily(self.core.skip_prompt(&Zone(zone), &prompt_id)?))
    }

    /// Progress as of today, by local days in `zone`.
    pub fn progress(&self, zone: Arc<dyn TimeZoneRules>) -> Result<Progress, MendError> {
        let p = self.core.progress(&Zone(zone))?;
        let c = content()?;
        Ok(Progress {
            today: date(p.today),
            started: date(p.started_day),
            weeks_since_start: p.weeks_since_start,
            days_practised_last_7: p.days_practised_last_7,
            days_practised_last_28: p.days_practised_last_28,
            days_practised: p.days_practised,
            focuses: p
                .focuses
                .iter()
                .map(|f| {
                    let (step, theme) = match &f.focus {
                        Focus::Step(n) => (Some(*n), None),
                        Focus::Theme(t) => (None, Some(t.clone())),
                    };
                    FocusProgress {
                        step,
                        theme,
                        times_practised: f.times_practised,
                        last_practised: f.last_practised_day.map(date),
                    }
                })
                .collect(),
            milestones: p
                .milestones
                .iter()
                .filter_map(|m| {
                    let text = c.milestone(m.key)?;
                    Some(Milestone {
                        key: m.key.to_owned(),
                        title: text.title.clone(),
                        text: text.text.clone(),
                        reached: date(m.day),
                    })
                })
                .collect(),
            check_in_weeks: p
                .check_in_weeks
                .iter()
                .map(|w| CheckInWeek {
                    monday: date(w.monday),
                    count: w.count,
                    safety: w.safety,
                    trust: w.trust,
                    connection: w.connection,
                })
                .collect(),
        })
    }
}

/// Why a span of a remorse-letter draft was flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PhrasingReason {
    /// Asks the hurt partner to forgive.
    AsksForgiveness,
    /// Turns toward the writer's own pain and asks to be comforted.
    AsksForComfort,
    /// Hurries healing along.
    RushesHealing,
    /// Makes the harm sound smaller, or conditional.
    Minimises,
    /// Explains the affair as reasonable or inevitable.
    Justifies,
    /// Puts blame on the hurt partner, or shares it out.
    Blames,
}

/// One flagged span: offsets count Unicode scalar values.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PhrasingFlag {
    /// Where it starts.
    pub start: u32,
    /// Where it ends (exclusive).
    pub end: u32,
    /// The flagged words as written.
    pub excerpt: String,
    /// Why.
    pub reason: PhrasingReason,
}

/// The longest draft the phrasing check reads, in bytes.
const MAX_LETTER_BYTES: usize = 1024 * 1024;

/// Checks a remorse-letter draft on the device and returns the spans worth another look.
#[uniffi::export]
pub fn check_letter_phrasing(text: String) -> Result<Vec<PhrasingFlag>, MendError> {
    if text.len() > MAX_LETTER_BYTES {
        return Err(mend_core::Error::invalid("letter", mend_core::InputProblem::TooLong).into());
    }
    use mend_core::program::phrasing::FlagReason as R;
    Ok(mend_core::program::phrasing::check(&text)
        .into_iter()
        .map(|f| PhrasingFlag {
            start: f.start as u32,
            end: f.end as u32,
            excerpt: f.excerpt,
            reason: match f.reason {
                R::AsksForgiveness => PhrasingReason::AsksForgiveness,
                R::AsksForComfort => PhrasingReason::AsksForComfort,
                R::RushesHealing => PhrasingReason::RushesHealing,
                R::Minimises => PhrasingReason::Minimises,
                R::Justifies => PhrasingReason::Justifies,
                R::Blames => PhrasingReason::Blames,
            },
        })
        .collect())
}
