//! The step tools and the hurt partner's tools as the apps see them: add, edit, delete and
//! list entries, today's check-in, and the reminders' next firings.

use mend_core::RecordId;
use mend_core::tools::{EntrySaved, ReminderFiring, ToolEntry, ToolKind, ToolRecord};

use crate::error::MendError;
use crate::vault::MendVault;

/// The tools a role's screens offer, in order (check-ins are shown with progress).
#[uniffi::export]
pub fn tools_for_role(role: mend_core::Role) -> Vec<ToolKind> {
    mend_core::tools::tools_for(role)
}

#[uniffi::export]
impl MendVault {
    /// Writes a new tool entry; `help` is the card to offer after saving when its words
    /// sound dangerous (the entry is saved whatever it says).
    pub fn add_entry(&self, entry: ToolEntry) -> Result<EntrySaved, MendError> {
        Ok(self.core.add_entry(&entry)?)
    }

    /// Replaces an entry with another of the same tool; `help` as for
    /// [`MendVault::add_entry`].
    pub fn edit_entry(&self, id: RecordId, entry: ToolEntry) -> Result<EntrySaved, MendError> {
        Ok(self.core.edit_entry(&id, &entry)?)
    }

    /// Deletes an entry for good.
    pub fn delete_entry(&self, id: RecordId) -> Result<(), MendError> {
        Ok(self.core.delete_entry(&id)?)
    }

    /// A tool's entries, newest first (at most 1,000).
    pub fn entries(&self, tool: ToolKind) -> Result<Vec<ToolRecord>, MendError> {
        Ok(self.core.entries(tool)?)
    }

    /// Checks in for today (the core stamps the local day; a second check-in the same day
    /// replaces the first). Scores are 0–10. `help` is offered when safety is at or below
    /// 2, the same score is low twice in a week, or the note sounds dangerous.
    pub fn check_in(
        &self,
        safety: i32,
        trust: i32,
        connection: i32,
        note: String,
    ) -> Result<EntrySaved, MendError> {
        Ok(self.core.check_in(safety, trust, connection, &note)?)
    }

    /// Today's check-in, if there is one.
    pub fn todays_check_in(&self) -> Result<Option<ToolRecord>, MendError> {
        Ok(self.core.todays_check_in()?)
    }

    /// The next `limit` notifications (1–500) of the enabled reminders, soonest first: the
    /// platform schedules them. Answers while locked too (from the schedule kept beside the
    /// platform key), so notifications can be re-armed after a restart or a time-zone change.
    pub fn upcoming_reminders(&self, limit: i32) -> Result<Vec<ReminderFiring>, MendError> {
        Ok(self.core.upcoming_reminders(u32::try_from(limit).unwrap_or(0))?)
    }
}
