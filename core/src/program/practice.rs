//! Practice days as sealed records: one record per calendar day holding which prompts were
//! shown, done or skipped (in the metadata) and any written responses (in the body).

use std::collections::HashMap;

use super::content::Content;
use super::history::{Entry, History, PracticeOutcome};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};
use crate::record::{RecordHead, RecordId};

/// The longest written response to a prompt, in characters.
pub const MAX_RESPONSE_CHARS: u32 = 10_000;

fn outcome_id(o: PracticeOutcome) -> u8 {
    match o {
        PracticeOutcome::Shown => 1,
        PracticeOutcome::Skipped => 2,
        PracticeOutcome::Done => 3,
    }
}

fn outcome_from(id: u8) -> Result<PracticeOutcome> {
    match id {
        1 => Ok(PracticeOutcome::Shown),
        2 => Ok(PracticeOutcome::Skipped),
        3 => Ok(PracticeOutcome::Done),
        _ => Err(Error::Damaged("unknown practice outcome")),
    }
}

/// Encodes a day's metadata fields: the day and its entries.
pub fn encode_day(day: i32, entries: &[Entry]) -> Vec<u8> {
    let mut w = Writer::new();
    w.i64(i64::from(day)).u32(entries.len() as u32);
    for e in entries {
        w.str(&e.prompt_id).u8(outcome_id(e.outcome));
    }
    w.finish()
}

fn decode_day(fields: &[u8]) -> Result<(i32, Vec<Entry>)> {
    let mut r = Reader::new(fields);
    let day = i32::try_from(r.i64()?).map_err(|_| Error::Damaged("bad practice day"))?;
    let n = r.u32()? as usize;
    if n > 1000 {
        return Err(Error::Damaged("too many practice entries"));
    }
    let entries = (0..n)
        .map(|_| Ok(Entry { prompt_id: r.str()?.to_owned(), outcome: outcome_from(r.u8()?)? }))
        .collect::<Result<Vec<_>>>()?;
    r.finish()?;
    Ok((day, entries))
}

/// Encodes a day's written responses (the sealed body).
pub fn encode_responses(responses: &[(String, String)]) -> Vec<u8> {
    let mut w = Writer::new();
    w.u32(responses.len() as u32);
    for (id, text) in responses {
        w.str(id).str(text);
    }
    w.finish()
}

/// Decodes a day's written responses.
pub fn decode_responses(body: &[u8]) -> Result<Vec<(String, String)>> {
    if body.is_empty() {
        return Ok(Vec::new());
    }
    let mut r = Reader::new(body);
    let n = r.u32()? as usize;
    if n > 1000 {
        return Err(Error::Damaged("too many responses"));
    }
    let out = (0..n)
        .map(|_| Ok((r.str()?.to_owned(), r.str()?.to_owned())))
        .collect::<Result<Vec<_>>>()?;
    r.finish()?;
    Ok(out)
}

/// Where a day's record lives.
#[derive(Debug, Clone, Copy)]
pub struct DayRecord {
    /// Its row.
    pub row: i64,
    /// Its id.
    pub id: RecordId,
    /// When it was made.
    pub created_ms: i64,
}

/// The practice history of an unlocked vault, and where each day is stored.
#[derive(Debug, Clone)]
pub struct PracticeLog {
    /// What happened on each day.
    pub history: History,
    records: HashMap<i32, DayRecord>,
}

impl PracticeLog {
    /// An empty log.
    pub fn new(content: &Content) -> Self {
        Self { history: History::new(content), records: HashMap::new() }
    }

    /// Adds a day read at unlock.
    pub fn load(&mut self, row: i64, head: &RecordHead, fields: &[u8]) -> Result<()> {
        let (day, entries) = decode_day(fields)?;
        for e in entries {
            self.history.record(day, &e.prompt_id, e.outcome);
        }
        self.records.insert(day, DayRecord { row, id: head.id, created_ms: head.created_ms });
        Ok(())
    }

    /// Where `day` is stored, if it has a record yet.
    pub fn record_of(&self, day: i32) -> Option<DayRecord> {
        self.records.get(&day).copied()
    }

    /// Notes that `day` is now stored at `record`.
    pub fn stored(&mut self, day: i32, record: DayRecord) {
        self.records.insert(day, record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_responses_round_trip() {
        let entries = vec![
            Entry { prompt_id: "honesty-01".into(), outcome: PracticeOutcome::Done },
            Entry { prompt_id: "story-03".into(), outcome: PracticeOutcome::Shown },
        ];
        assert_eq!(decode_day(&encode_day(739_000, &entries)).unwrap(), (739_000, entries));
        let responses = vec![("honesty-01".to_owned(), "We talked. 🙏".to_owned())];
        assert_eq!(decode_responses(&encode_responses(&responses)).unwrap(), responses);
        assert!(decode_responses(&[]).unwrap().is_empty());
        assert!(decode_day(&[1, 2, 3]).is_err());
    }
}
