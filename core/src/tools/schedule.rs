//! The reminder schedule kept beside the vault's platform key, so that a phone can re-arm its
//! notifications while the vault is locked: after a restart, a time-zone change or an app
//! update, when nobody has typed the passcode yet. It holds what a notification needs and no
//! more: each enabled reminder's id, purpose, weekdays and time of day; never a word anyone
//! wrote. It is sealed with a key from the device secret, like the other freshness records
//! (see [`crate::vault::freshness`]), and rewritten after every change to the reminders and at
//! every unlock.

use super::entry::{ToolEntry, ToolKind};
use super::reminder::Reminder;
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};
use crate::record::RecordId;

/// The most reminders the schedule carries (the key store keeps small records only); with
/// more enabled than this, the first ones given are kept (the callers give the tool's list
/// order: the newest first).
pub const MAX_SCHEDULED: usize = 100;
/// The schedule's record name in the key store.
pub const RECORD: &str = "reminders";
const FORMAT: u8 = 1;
const BAD: Error = Error::Damaged("bad reminder schedule");

/// The enabled reminders among `entries`, in the order given, as the schedule keeps them.
pub fn enabled<'a>(
    entries: impl IntoIterator<Item = (&'a RecordId, &'a ToolEntry)>,
) -> Vec<(RecordId, Reminder)> {
    let out: Vec<(RecordId, Reminder)> = entries
        .into_iter()
        .filter_map(|(id, entry)| match entry {
            ToolEntry::Reminder(r) if r.enabled => Some((*id, r.clone())),
            _ => None,
        })
        .take(MAX_SCHEDULED)
        .collect();
    out
}

/// Encodes a schedule.
pub fn encode(reminders: &[(RecordId, Reminder)]) -> Vec<u8> {
    let mut w = Writer::new();
    w.u8(FORMAT).u32(reminders.len().min(MAX_SCHEDULED) as u32);
    for (id, reminder) in reminders.iter().take(MAX_SCHEDULED) {
        w.bytes(id.as_bytes());
        reminder.encode(&mut w);
    }
    w.finish()
}

/// Decodes a schedule; anything malformed is damage.
pub fn decode(data: &[u8]) -> Result<Vec<(RecordId, Reminder)>> {
    let mut r = Reader::new(data);
    if r.u8()? != FORMAT {
        return Err(BAD);
    }
    let count = r.u32()? as usize;
    if count > MAX_SCHEDULED {
        return Err(BAD);
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let id: [u8; 16] = r.bytes()?.try_into().map_err(|_| BAD)?;
        let reminder = Reminder::decode(&mut r)?;
        if !reminder.enabled {
            return Err(BAD);
        }
        out.push((RecordId::from_bytes(id), reminder));
    }
    r.finish()?;
    Ok(out)
}

/// Whether a change to entries of `kind` changes the schedule.
pub fn affects(kind: ToolKind) -> bool {
    kind == ToolKind::Reminders
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Weekday;
    use crate::tools::ReminderPurpose;

    fn reminder(hour: i32, enabled: bool) -> ToolEntry {
        ToolEntry::Reminder(Reminder {
            purpose: ReminderPurpose::CheckIn,
            weekdays: vec![Weekday::Monday, Weekday::Friday],
            hour,
            minute: 30,
            enabled,
        })
    }

    #[test]
    fn keeps_enabled_reminders_only_and_round_trips() {
        let ids: Vec<RecordId> = (0..3).map(|_| RecordId::generate().unwrap()).collect();
        let entries = [reminder(21, true), reminder(7, false), reminder(8, true)];
        let schedule = enabled(ids.iter().zip(entries.iter()));
        assert_eq!(schedule.len(), 2);
        assert_eq!((schedule[0].0, schedule[0].1.hour), (ids[0], 21));
        assert_eq!((schedule[1].0, schedule[1].1.hour), (ids[2], 8));
        assert_eq!(decode(&encode(&schedule)).unwrap(), schedule);
    }

    #[test]
    fn a_long_schedule_keeps_the_first_given_and_fits_a_key_store_record() {
        let ids: Vec<RecordId> =
            (0..MAX_SCHEDULED + 5).map(|_| RecordId::generate().unwrap()).collect();
        let entries: Vec<ToolEntry> =
            (0..ids.len()).map(|i| reminder((i % 24) as i32, true)).collect();
        let schedule = enabled(ids.iter().zip(entries.iter()));
        assert_eq!(schedule.len(), MAX_SCHEDULED);
        assert!(schedule.iter().zip(&ids).all(|((kept, _), given)| kept == given));
        // Sealed and padded, it stays under the 4 KiB the key stores accept.
        assert!(encode(&schedule).len() < 3000);
    }

    #[test]
    fn malformed_schedules_are_damage_not_panics() {
        let ids = [RecordId::generate().unwrap()];
        let good = encode(&enabled(ids.iter().zip([reminder(9, true)].iter())));
        for cut in 0..good.len() {
            assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut newer = good.clone();
        newer[0] = FORMAT + 1;
        assert!(decode(&newer).is_err());
        let mut huge = good.clone();
        huge[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&huge).is_err());
        let mut trailing = good;
        trailing.push(0);
        assert!(decode(&trailing).is_err());
    }
}
