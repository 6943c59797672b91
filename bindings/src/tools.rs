//! The step tools and the hurt partner's tools as the UIs see them: one entry type with a
//! variant per tool, and four calls to add, edit, delete and list entries.

use mend_core::tools as core;

use crate::error::MendError;
use crate::vault::MendVault;

/// Which tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ToolKind {
    /// Daily check-ins.
    CheckIns,
    /// The trigger log.
    Triggers,
    /// The question log.
    Questions,
    /// The no-contact log.
    Contacts,
    /// Reminders.
    Reminders,
    /// Remorse letter drafts.
    RemorseLetters,
    /// Story worksheets.
    Stories,
    /// Validation practice notes.
    ValidationNotes,
    /// Agreed boundaries, and needs.
    Boundaries,
    /// The cut-ties checklist.
    CutTies,
    /// Time-together plans and check-ins.
    TimeTogether,
}

/// The written tools made of sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum WorksheetKind {
    /// What I did, the harm I see, my responsibility, what I'm changing.
    RemorseLetter,
    /// Unmet needs, why I didn't ask, why I hid it.
    Story,
    /// What they felt, what I said, what I wish I'd said.
    ValidationNote,
}

/// The partner's answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum InvitationAnswer {
    /// Not asked yet, or no answer yet.
    Pending,
    /// Yes.
    Yes,
    /// Not now.
    NotNow,
    /// No.
    No,
}

/// What a reminder is for. Its notification text is always neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ReminderPurpose {
    /// The daily check-in.
    CheckIn,
    /// Today's practice.
    Practice,
}

/// One upcoming notification, for the platform to schedule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReminderFiring {
    /// The reminder it comes from.
    pub reminder_id: String,
    /// When to show it, ms since the epoch.
    pub at_ms: i64,
    /// The notification's text: neutral, never naming a step or the topic.
    pub text: String,
}

/// Who asked a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Asker {
    /// The vault's owner.
    Me,
    /// Their partner.
    Partner,
}

/// Fact (what, when, who) or meaning (why, what it says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum QuestionKind {
    /// What, when, who.
    Fact,
    /// Why, and what it means.
    Meaning,
}

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum QuestionStatus {
    /// Not answered yet.
    Open,
    /// Answered.
    Answered,
    /// Worth coming back to.
    Revisit,
}

/// One tool entry. Texts are up to 4,000 characters; scores are 0–10.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ToolEntry {
    /// A daily check-in of safety, trust and connection.
    CheckIn {
        /// The local day, `YYYY-MM-DD`.
        date: String,
        /// Safety, 0–10.
        safety: u8,
        /// Trust, 0–10.
        trust: u8,
        /// Connection, 0–10.
        connection: u8,
        /// A note.
        note: String,
    },
    /// A trigger.
    Trigger {
        /// When, ms since the epoch.
        at_ms: i64,
        /// What set it off.
        what: String,
        /// How strong, 0–10.
        intensity: u8,
        /// What helped.
        helped: String,
    },
    /// A question asked or wanted.
    Question {
        /// The question.
        text: String,
        /// Who asked it.
        asked_by: Asker,
        /// Fact or meaning.
        kind: QuestionKind,
        /// The answer, once given.
        answer: String,
        /// Where it stands.
        status: QuestionStatus,
    },
    /// A contact attempt by the affair partner.
    Contact {
        /// When, ms since the epoch.
        at_ms: i64,
        /// How: a message, a call, in person…
        channel: String,
        /// What happened.
        what_happened: String,
        /// How it was handled.
        how_handled: String,
        /// When it was told to the partner, if it has been.
        disclosed_at_ms: Option<i64>,
    },
    /// A worksheet: a remorse letter (4 sections), a story worksheet or a validation note (3).
    Worksheet {
        /// Which worksheet.
        kind: WorksheetKind,
        /// Its sections, in order.
        sections: Vec<String>,
    },
    /// A boundary agreed between partners, or a need of one's own.
    Boundary {
        /// A need rather than a boundary.
        is_need: bool,
        /// In one sentence.
        text: String,
        /// Agreed together (boundaries), or met lately (needs).
        agreed: bool,
    },
    /// An item of the cut-ties checklist.
    CutTie {
        /// What to cut.
        item: String,
        /// Whether it is done.
        done: bool,
    },
    /// Time together: what was offered, whether it was asked first, the answer, and whether
    /// the answer was respected.
    TimeTogether {
        /// When, ms since the epoch.
        at_ms: i64,
        /// What was offered.
        plan: String,
        /// Whether permission was asked first.
        asked: bool,
        /// The answer.
        answer: InvitationAnswer,
        /// Whether the answer was respected.
        respected: bool,
    },
    /// A reminder on some weekdays at a local time.
    Reminder {
        /// What it is for.
        purpose: ReminderPurpose,
        /// ISO weekdays, 1 (Monday) to 7 (Sunday).
        weekdays: Vec<u8>,
        /// Local hour, 0–23.
        hour: u8,
        /// Local minute, 0–59.
        minute: u8,
        /// Whether it fires.
        enabled: bool,
    },
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ToolRecord {
    /// Its id.
    pub id: String,
    /// When it was written, ms since the epoch.
    pub created_at_ms: i64,
    /// When it was last changed.
    pub updated_at_ms: i64,
    /// The entry.
    pub entry: ToolEntry,
}

fn day_of(date: &str) -> Result<i32, MendError> {
    Ok(mend_core::program::calendar::parse_iso_date(date)?)
}

fn date_of(day: i32) -> String {
    mend_core::program::calendar::iso_date(day)
}

fn to_core(e: ToolEntry) -> Result<core::Entry, MendError> {
    Ok(match e {
        ToolEntry::CheckIn { date, safety, trust, connection, note } => {
            core::Entry::CheckIn(core::CheckIn {
                day: day_of(&date)?,
                safety,
                trust,
                connection,
                note,
            })
        }
        ToolEntry::Trigger { at_ms, what, intensity, helped } => {
            core::Entry::Trigger(core::Trigger { at_ms, what, intensity, helped })
        }
        ToolEntry::Question { text, asked_by, kind, answer, status } => {
            core::Entry::Question(core::Question {
                text,
                asked_by: match asked_by {
                    Asker::Me => core::Asker::Me,
                    Asker::Partner => core::Asker::Partner,
                },
                kind: match kind {
                    QuestionKind::Fact => core::QuestionKind::Fact,
                    QuestionKind::Meaning => core::QuestionKind::Meaning,
                },
                answer,
                status: match status {
                    QuestionStatus::Open => core::QuestionStatus::Open,
                    QuestionStatus::Answered => core::QuestionStatus::Answered,
                    QuestionStatus::Revisit => core::QuestionStatus::Revisit,
                },
            })
        }
        ToolEntry::Contact { at_ms, channel, what_happened, how_handled, disclosed_at_ms } => {
            core::Entry::Contact(core::Contact {
                at_ms,
                channel,
                what_happened,
                how_handled,
                disclosed_at_ms,
            })
        }
        ToolEntry::Reminder { purpose, weekdays, hour, minute, enabled } => {
            let bad = |field| {
                MendError::from(mend_core::Error::invalid(
                    field,
                    mend_core::InputProblem::OutOfRange,
                ))
            };
            let mut mask = 0u8;
            for d in weekdays {
                if !(1..=7).contains(&d) {
                    return Err(bad("weekdays"));
                }
                mask |= 1 << (d - 1);
            }
            if hour > 23 || minute > 59 {
                return Err(bad("time of day"));
            }
            core::Entry::Reminder(core::Reminder {
                purpose: match purpose {
                    ReminderPurpose::CheckIn => core::ReminderPurpose::CheckIn,
                    ReminderPurpose::Practice => core::ReminderPurpose::Practice,
                },
                weekdays: mask,
                minute_of_day: u16::from(hour) * 60 + u16::from(minute),
                enabled,
            })
        }
        ToolEntry::Worksheet { kind, sections } => core::Entry::Sections(
            match kind {
                WorksheetKind::RemorseLetter => core::Worksheet::RemorseLetter,
                WorksheetKind::Story => core::Worksheet::Story,
                WorksheetKind::ValidationNote => core::Worksheet::ValidationNote,
            },
            sections,
        ),
        ToolEntry::Boundary { is_need, text, agreed } => {
            core::Entry::Boundary(core::Boundary { is_need, text, agreed })
        }
        ToolEntry::CutTie { item, done } => core::Entry::CutTie(item, done),
        ToolEntry::TimeTogether { at_ms, plan, asked, answer, respected } => {
            core::Entry::TimeTogether(core::TimeTogether {
                at_ms,
                plan,
                asked,
                answer: match answer {
                    InvitationAnswer::Pending => core::Answer::Pending,
                    InvitationAnswer::Yes => core::Answer::Yes,
                    InvitationAnswer::NotNow => core::Answer::NotNow,
                    InvitationAnswer::No => core::Answer::No,
                },
                respected,
            })
        }
    })
}

fn from_core(e: core::Entry) -> ToolEntry {
    match e {
        core::Entry::CheckIn(c) => ToolEntry::CheckIn {
            date: date_of(c.day),
            safety: c.safety,
            trust: c.trust,
            connection: c.connection,
            note: c.note,
        },
        core::Entry::Trigger(t) => ToolEntry::Trigger {
            at_ms: t.at_ms,
            what: t.what,
            intensity: t.intensity,
            helped: t.helped,
        },
        core::Entry::Question(q) => ToolEntry::Question {
            text: q.text,
            asked_by: match q.asked_by {
                core::Asker::Me => Asker::Me,
                core::Asker::Partner => Asker::Partner,
            },
            kind: match q.kind {
                core::QuestionKind::Fact => QuestionKind::Fact,
                core::QuestionKind::Meaning => QuestionKind::Meaning,
            },
            answer: q.answer,
            status: match q.status {
                core::QuestionStatus::Open => QuestionStatus::Open,
                core::QuestionStatus::Answered => QuestionStatus::Answered,
                core::QuestionStatus::Revisit => QuestionStatus::Revisit,
            },
        },
        core::Entry::Contact(c) => ToolEntry::Contact {
            at_ms: c.at_ms,
            channel: c.channel,
            what_happened: c.what_happened,
            how_handled: c.how_handled,
            disclosed_at_ms: c.disclosed_at_ms,
        },
        core::Entry::Reminder(r) => ToolEntry::Reminder {
            purpose: match r.purpose {
                core::ReminderPurpose::CheckIn => ReminderPurpose::CheckIn,
                core::ReminderPurpose::Practice => ReminderPurpose::Practice,
            },
            weekdays: (1..=7u8).filter(|d| r.weekdays & (1 << (d - 1)) != 0).collect(),
            hour: (r.minute_of_day / 60) as u8,
            minute: (r.minute_of_day % 60) as u8,
            enabled: r.enabled,
        },
        core::Entry::Sections(kind, sections) => ToolEntry::Worksheet {
            kind: match kind {
                core::Worksheet::RemorseLetter => WorksheetKind::RemorseLetter,
                core::Worksheet::Story => WorksheetKind::Story,
                core::Worksheet::ValidationNote => WorksheetKind::ValidationNote,
            },
            sections,
        },
        core::Entry::Boundary(b) => {
            ToolEntry::Boundary { is_need: b.is_need, text: b.text, agreed: b.agreed }
        }
        core::Entry::CutTie(item, done) => ToolEntry::CutTie { item, done },
        core::Entry::TimeTogether(t) => ToolEntry::TimeTogether {
            at_ms: t.at_ms,
            plan: t.plan,
            asked: t.asked,
            answer: match t.answer {
                core::Answer::Pending => InvitationAnswer::Pending,
                core::Answer::Yes => InvitationAnswer::Yes,
                core::Answer::NotNow => InvitationAnswer::NotNow,
                core::Answer::No => InvitationAnswer::No,
            },
            respected: t.respected,
        },
    }
}

fn record(r: core::ToolRecord) -> ToolRecord {
    ToolRecord {
        id: r.id.to_string(),
        created_at_ms: r.created_ms,
        updated_at_ms: r.updated_ms,
        entry: from_core(r.entry),
    }
}

#[uniffi::export]
impl MendVault {
    /// Writes a new tool entry.
    pub fn add_entry(&self, entry: ToolEntry) -> Result<ToolRecord, MendError> {
        Ok(record(self.core.add_entry(&to_core(entry)?)?))
    }

    /// Replaces an entry with another of the same tool.
    pub fn edit_entry(&self, id: String, entry: ToolEntry) -> Result<ToolRecord, MendError> {
        Ok(record(self.core.edit_entry(&mend_core::NoteId::parse(&id)?, &to_core(entry)?)?))
    }

    /// Deletes an entry for good.
    pub fn delete_entry(&self, id: String) -> Result<(), MendError> {
        Ok(self.core.delete_entry(&mend_core::NoteId::parse(&id)?)?)
    }

    /// A tool's entries, newest first (at most 1,000).
    pub fn entries(&self, tool: ToolKind) -> Result<Vec<ToolRecord>, MendError> {
        let tool = match tool {
            ToolKind::CheckIns => core::Tool::CheckIns,
            ToolKind::Triggers => core::Tool::Triggers,
            ToolKind::Questions => core::Tool::Questions,
            ToolKind::Contacts => core::Tool::Contacts,
            ToolKind::Reminders => core::Tool::Reminders,
            ToolKind::RemorseLetters => core::Tool::RemorseLetters,
            ToolKind::Stories => core::Tool::Stories,
            ToolKind::ValidationNotes => core::Tool::ValidationNotes,
            ToolKind::Boundaries => core::Tool::Boundaries,
            ToolKind::CutTies => core::Tool::CutTies,
            ToolKind::TimeTogether => core::Tool::TimeTogether,
        };
        Ok(self.core.entries(tool)?.into_iter().map(record).collect())
    }

    /// The next `limit` notifications (1–500) of the enabled reminders, in `zone`, soonest
    /// first: the platform schedules them.
    pub fn upcoming_reminders(
        &self,
        zone: std::sync::Arc<dyn crate::program::TimeZoneRules>,
        limit: u32,
    ) -> Result<Vec<ReminderFiring>, MendError> {
        Ok(self
            .core
            .upcoming_reminders(&crate::program::Zone(zone), limit)?
            .into_iter()
            .map(|f| ReminderFiring {
                reminder_id: f.reminder.to_string(),
                at_ms: f.at_ms,
                text: f.text,
            })
            .collect())
    }
}

/// The title and section headings of a written tool, from the program's content.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorksheetInfo {
    /// The title.
    pub title: String,
    /// The section headings, in order; an entry has one section per heading.
    pub sections: Vec<String>,
}

/// The title and section headings of the worksheet `kind`.
#[uniffi::export]
pub fn worksheet_info(kind: WorksheetKind) -> Result<WorksheetInfo, MendError> {
    let kind = match kind {
        WorksheetKind::RemorseLetter => core::Worksheet::RemorseLetter,
        WorksheetKind::Story => core::Worksheet::Story,
        WorksheetKind::ValidationNote => core::Worksheet::ValidationNote,
    };
    let text =
        mend_core::program::Content::english()?.worksheet(kind).ok_or(MendError::NotFound)?;
    Ok(WorksheetInfo { title: text.title.clone(), sections: text.sections.clone() })
}
