//! A summary to bring to a therapist: a date range and the sections the person picks —
//! practice and progress, check-in trends, answered questions, chosen notes, chosen letters —
//! built as a preview the screens show first ([`Summary`]), then written as self-contained
//! HTML with print styles (the phones print it to PDF) or as Markdown. Nothing goes in that
//! the person did not pick, and the suggested file name names only the dates.

mod html;
mod markdown;

use std::path::Path;

use crate::Vault;
use crate::calendar::CalendarDate;
use crate::error::{Error, InputField, InputProblem, Result};
use crate::export::{date, time_for_people};
use crate::program::{Content, Focus, PracticeOutcome};
use crate::record::{RecordId, ToolKind};
use crate::tools::{Asker, QuestionStatus, ToolEntry};

/// What to put in a summary.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRequest {
    /// The first day covered.
    pub first_day: CalendarDate,
    /// The last day covered.
    pub last_day: CalendarDate,
    /// Days practised, prompts done and skipped, by step or theme, milestones reached.
    pub practice: bool,
    /// Weekly averages of the check-ins.
    pub check_ins: bool,
    /// Questions marked answered, with their answers.
    pub answered_questions: bool,
    /// The notes to include, whole.
    pub note_ids: Vec<RecordId>,
    /// The letters and worksheets to include, whole.
    pub letter_ids: Vec<RecordId>,
}

/// One entry of a section.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    /// What it is (a note's title, a question, a week).
    pub heading: String,
    /// When, and what kind (a short line under the heading; may be empty).
    pub about: String,
    /// The text itself (may be empty).
    pub text: String,
}

/// One section the person picked.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySection {
    /// The section's heading.
    pub heading: String,
    /// Its entries, in order.
    pub items: Vec<SummaryItem>,
}

/// A summary as it will be written: shown first as a preview.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The title.
    pub title: String,
    /// The period covered, in words.
    pub period: String,
    /// The sections picked, in a fixed order.
    pub sections: Vec<SummarySection>,
}

/// A period a summary can cover, offered by the core so that screens do no date arithmetic:
/// the last `weeks` weeks up to today, or (`weeks` 0) everything since the program started.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryPeriod {
    /// How many weeks back it reaches; 0 for since the start.
    pub weeks: i32,
    /// The first day covered (never before the program started).
    pub first_day: CalendarDate,
    /// The last day covered: today.
    pub last_day: CalendarDate,
}

/// The periods offered, in weeks (0: since the start).
const PERIOD_WEEKS: [i32; 4] = [2, 4, 12, 0];

/// How a summary is written.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    /// One self-contained HTML page with print styles.
    Html,
    /// Markdown.
    Markdown,
}

/// The file name to suggest: the dates and the format, never any content.
pub fn summary_file_name(request: &SummaryRequest, format: SummaryFormat) -> String {
    let ext = match format {
        SummaryFormat::Html => "html",
        SummaryFormat::Markdown => "md",
    };
    format!("summary-{}-to-{}.{ext}", date(request.first_day), date(request.last_day))
}

/// Renders a summary in `format`.
pub fn render_summary(summary: &Summary, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Html => html::render(summary),
        SummaryFormat::Markdown => markdown::render(summary),
    }
}

fn nothing_picked() -> Error {
    Error::invalid(InputField::Sections, InputProblem::Empty)
}

/// `n` with the word for one or many: "1 prompt", "3 prompts".
fn count(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

fn one_decimal(total: i64, count: i64) -> String {
    let tenths = (total * 10 + count / 2) / count.max(1);
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Vault {
    /// The periods a summary can cover, shortest first, each ending today in the vault's
    /// time zone.
    pub fn summary_periods(&self) -> Result<Vec<SummaryPeriod>> {
        let today = self.today()?;
        let started = self.day_of(self.started_at()?.ms())?;
        Ok(PERIOD_WEEKS
            .iter()
            .map(|&weeks| {
                let first = if weeks == 0 { started } else { (today - 7 * weeks + 1).max(started) };
                SummaryPeriod {
                    weeks,
                    first_day: CalendarDate::from_day_number(first.min(today)),
                    last_day: CalendarDate::from_day_number(today),
                }
            })
            .collect())
    }

    /// Builds the summary `request` asks for, to preview and then write.
    pub fn summary(&self, request: &SummaryRequest) -> Result<Summary> {
        let (from, to) = (request.first_day.day_number()?, request.last_day.day_number()?);
        if from > to {
            return Err(Error::invalid(InputField::Date, InputProblem::BadFormat));
        }
        let picked = request.practice
            || request.check_ins
            || request.answered_questions
            || !request.note_ids.is_empty()
            || !request.letter_ids.is_empty();
        if !picked {
            return Err(nothing_picked());
        }
        let zone = self.zone();
        let in_range = |ms: i64| self.day_of(ms).is_ok_and(|d| (from..=to).contains(&d));
        let mut sections = Vec::new();
        if request.practice {
            sections.push(self.practice_section(from, to)?);
        }
        if request.check_ins {
            // Check-ins come newest first: taken oldest first, each week's follow each other.
            let mut weeks: Vec<(i32, [i64; 4])> = Vec::new();
            for r in self.entries(ToolKind::CheckIns)?.iter().rev() {
                let ToolEntry::CheckIn(c) = &r.entry else { continue };
                let day = c.date.day_number()?;
                if !(from..=to).contains(&day) {
                    continue;
                }
                let monday = crate::program::progress::monday_of(day);
                if weeks.last().is_none_or(|(m, _)| *m != monday) {
                    weeks.push((monday, [0; 4]));
                }
                if let Some((_, week)) = weeks.last_mut() {
                    week[0] += 1;
                    week[1] += i64::from(c.safety);
                    week[2] += i64::from(c.trust);
                    week[3] += i64::from(c.connection);
                }
            }
            let items = weeks
                .into_iter()
                .map(|(monday, [n, safety, trust, connection])| SummaryItem {
                    heading: format!("Week of {}", date(CalendarDate::from_day_number(monday))),
                    about: count(n, "check-in", "check-ins"),
                    text: format!(
                        "Safety {} · Trust {} · Connection {} (average, 0 to 10)",
                        one_decimal(safety, n),
                        one_decimal(trust, n),
                        one_decimal(connection, n)
                    ),
                })
                .collect();
            sections.push(SummarySection { heading: "Check-ins".into(), items });
        }
        if request.answered_questions {
            let items = self
                .entries(ToolKind::Questions)?
                .into_iter()
                .rev()
                .filter(|r| in_range(r.updated_at.ms()))
                .filter_map(|r| match r.entry {
                    ToolEntry::Question(q) if q.status == QuestionStatus::Answered => {
                        Some(SummaryItem {
                            heading: q.text,
                            about: format!(
                                "Asked by {}, answered {}",
                                if q.asked_by == Asker::Me { "me" } else { "my partner" },
                                date(CalendarDate::from_day_number(
                                    self.day_of(r.updated_at.ms()).ok()?
                                ))
                            ),
                            text: q.answer,
                        })
                    }
                    _ => None,
                })
                .collect();
            sections.push(SummarySection { heading: "Answered questions".into(), items });
        }
        if !request.note_ids.is_empty() {
            let items = request
                .note_ids
                .iter()
                .map(|id| {
                    let note = self.note(id)?;
                    Ok(SummaryItem {
                        heading: note.summary.title,
                        about: time_for_people(note.summary.created_at, &*zone),
                        text: note.body,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            sections.push(SummarySection { heading: "Notes".into(), items });
        }
        if !request.letter_ids.is_empty() {
            let content = Content::current()?;
            let mut worksheets = Vec::new();
            for kind in [ToolKind::RemorseLetters, ToolKind::Stories, ToolKind::ValidationNotes] {
                worksheets.extend(self.entries(kind)?);
            }
            let items = request
                .letter_ids
                .iter()
                .map(|id| {
                    let record = worksheets.iter().find(|r| &r.id == id).ok_or(Error::NotFound)?;
                    let ToolEntry::Worksheet(w) = &record.entry else {
                        return Err(Error::NotFound);
                    };
                    let text = content.worksheet(w.kind);
                    let body = w
                        .sections
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| !s.trim().is_empty())
                        .map(|(i, s)| match text.and_then(|t| t.sections.get(i)) {
                            Some(heading) => format!("{heading}\n\n{s}"),
                            None => s.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n\n");
                    Ok(SummaryItem {
                        heading: text.map_or_else(|| "Worksheet".to_owned(), |t| t.title.clone()),
                        about: format!(
                            "Last changed {}",
                            time_for_people(record.updated_at, &*zone)
                        ),
                        text: body,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            sections.push(SummarySection { heading: "Letters and worksheets".into(), items });
        }
        Ok(Summary {
            title: "Summary for a session".into(),
            period: format!("{} to {}", date(request.first_day), date(request.last_day)),
            sections,
        })
    }

    fn practice_section(&self, from: i32, to: i32) -> Result<SummarySection> {
        let content = Content::current()?;
        let history = self.practice_history()?;
        let (mut days, mut done, mut skipped) = (0, 0, 0);
        let mut by_focus: Vec<(Focus, i32)> = Vec::new();
        for day in &history {
            let n = day.date.day_number()?;
            if !(from..=to).contains(&n) {
                continue;
            }
            let done_today =
                day.prompts.iter().filter(|p| p.outcome == PracticeOutcome::Done).count();
            days += i32::from(done_today > 0);
            done += done_today;
            skipped += day.prompts.iter().filter(|p| p.outcome == PracticeOutcome::Skipped).count();
            for p in day.prompts.iter().filter(|p| p.outcome == PracticeOutcome::Done) {
                let Some(prompt) = &p.prompt else { continue };
                match by_focus.iter_mut().find(|(f, _)| f == &prompt.focus) {
                    Some((_, count)) => *count += 1,
                    None => by_focus.push((prompt.focus.clone(), 1)),
                }
            }
        }
        let span = to - from + 1;
        let mut items = vec![SummaryItem {
            heading: format!("Practised on {days} of {}", count(span, "day", "days")),
            about: String::new(),
            text: format!("{} done, {skipped} set aside.", count(done as i64, "prompt", "prompts")),
        }];
        // In the program's order: the steps, then the themes.
        let steps = content
            .steps
            .iter()
            .map(|s| (Focus::Step { number: s.number }, format!("Step {}: {}", s.number, s.title)));
        let themes =
            content.themes.iter().map(|t| (Focus::Theme { key: t.key.clone() }, t.title.clone()));
        for (focus, title) in steps.chain(themes) {
            if let Some((_, done_for_focus)) = by_focus.iter().find(|(f, _)| *f == focus) {
                items.push(SummaryItem {
                    heading: title,
                    about: String::new(),
                    text: format!("{} done", count(*done_for_focus, "prompt", "prompts")),
                });
            }
        }
        for m in self.progress()?.milestones {
            if (from..=to).contains(&m.reached.day_number()?) {
                items.push(SummaryItem {
                    heading: m.title,
                    about: format!("Reached {}", date(m.reached)),
                    text: m.text,
                });
            }
        }
        Ok(SummarySection { heading: "Practice and progress".into(), items })
    }

    /// Writes the summary `request` asks for as a new file at `dest`. Refuses an existing
    /// file; nothing is left at `dest` unless the whole file was written.
    pub fn write_summary(
        &self,
        request: &SummaryRequest,
        format: SummaryFormat,
        dest: &Path,
    ) -> Result<()> {
        let summary = self.summary(request)?;
        let text = zeroize::Zeroizing::new(render_summary(&summary, format));
        crate::files::write_new(dest, text.as_bytes())
    }
}
