//! The generic sealed record: a random 128-bit id, a kind, timestamps and kind-specific
//! fields, all inside the metadata envelope. Nothing of this is visible in the file.

use crate::crypto::random;
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, InputProblem, Result};

/// The kinds of record a vault holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// The vault's own settings (role, start date).
    Settings,
    /// A journal note.
    Note,
    /// One day's practice: prompts shown, done or skipped, and written responses.
    PracticeDay,
    /// An entry of a step or hurt-partner tool (check-in, trigger, question, contact).
    ToolEntry,
}

impl RecordKind {
    fn id(self) -> u8 {
        match self {
            RecordKind::Settings => 1,
            RecordKind::Note => 2,
            RecordKind::PracticeDay => 3,
            RecordKind::ToolEntry => 4,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            1 => Ok(RecordKind::Settings),
            2 => Ok(RecordKind::Note),
            3 => Ok(RecordKind::PracticeDay),
            4 => Ok(RecordKind::ToolEntry),
            _ => Err(Error::Damaged("unknown record kind")),
        }
    }
}

/// Which tool an entry belongs to.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// A record's stable random id. Crosses the FFI as its 32-character hex form.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId([u8; 16]);

#[cfg(feature = "uniffi")]
uniffi::custom_type!(RecordId, String, {
    lower: |id| id.to_string(),
    try_lift: |text| Ok(RecordId::parse(&text)?),
});

impl RecordId {
    /// A new random id.
    pub fn generate() -> Result<Self> {
        Ok(Self(random::bytes()?))
    }

    /// The id's 16 bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The id with these 16 bytes.
    pub(crate) fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// Parses the 32-character hex form.
    pub fn parse(text: &str) -> Result<Self> {
        const BAD: Error =
            Error::InvalidInput { field: InputField::Id, problem: InputProblem::BadFormat };
        let text = text.trim();
        if text.len() != 32 || !text.is_ascii() {
            return Err(BAD);
        }
        let mut out = [0u8; 16];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| BAD)?;
        }
        Ok(Self(out))
    }
}

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl std::fmt::Debug for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RecordId({self})")
    }
}

/// What a metadata envelope holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordMeta {
    /// The record's id.
    pub id: RecordId,
    /// The record's kind.
    pub kind: RecordKind,
    /// When it was made, ms since the epoch.
    pub created_ms: i64,
    /// When it was last changed, ms since the epoch.
    pub updated_ms: i64,
    /// The kind's own fields, encoded by the kind's module.
    pub fields: Vec<u8>,
}

impl RecordMeta {
    /// Encodes the metadata for sealing.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(self.kind.id())
            .bytes(&self.id.0)
            .i64(self.created_ms)
            .i64(self.updated_ms)
            .bytes(&self.fields);
        w.finish()
    }

    /// Decodes opened metadata, lending the kind's fields from `data` rather than copying.
    pub fn decode(data: &[u8]) -> Result<(RecordHead, &[u8])> {
        let mut r = Reader::new(data);
        let kind = RecordKind::from_id(r.u8()?)?;
        let id = RecordId(r.bytes()?.try_into().map_err(|_| Error::Damaged("bad record id"))?);
        let created_ms = r.i64()?;
        let updated_ms = r.i64()?;
        let fields = r.bytes()?;
        r.finish()?;
        Ok((RecordHead { id, kind, created_ms, updated_ms }, fields))
    }
}

/// The part of decoded metadata every kind shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordHead {
    /// The record's id.
    pub id: RecordId,
    /// The record's kind.
    pub kind: RecordKind,
    /// When it was made, ms since the epoch.
    pub created_ms: i64,
    /// When it was last changed, ms since the epoch.
    pub updated_ms: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_as_hex_and_parse_back() {
        let id = RecordId::generate().unwrap();
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert_eq!(RecordId::parse(&text).unwrap(), id);
        assert_eq!(RecordId::parse(&text.to_uppercase()).unwrap(), id);
        for bad in ["", "xyz", &text[1..], "é0000000000000000000000000000000"] {
            assert!(RecordId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn metadata_round_trips() {
        let meta = RecordMeta {
            id: RecordId::generate().unwrap(),
            kind: RecordKind::Note,
            created_ms: 1,
            updated_ms: 2,
            fields: vec![1, 2, 3],
        };
        let encoded = meta.encode();
        let (head, fields) = RecordMeta::decode(&encoded).unwrap();
        assert_eq!(
            (head.id, head.kind, head.created_ms, head.updated_ms),
            (meta.id, meta.kind, 1, 2)
        );
        assert_eq!(fields, &meta.fields[..]);
        let mut bad = meta.encode();
        bad[0] = 99;
        assert!(RecordMeta::decode(&bad).is_err());
    }
}
