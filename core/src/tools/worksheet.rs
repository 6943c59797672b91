//! The written tools made of sections: remorse letters, story worksheets and validation
//! notes. Their titles and section headings live in the program's content.

use super::entry::{BAD, TEXT};
use crate::encoding::{Reader, Writer};
use crate::error::{Error, InputField, InputProblem, Result};

/// Which written tool.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorksheetKind {
    /// A remorse letter: what I did, the harm I see, my responsibility, what I'm changing.
    RemorseLetter,
    /// A story worksheet: unmet needs, why I didn't ask, why I hid it.
    Story,
    /// A validation practice note: what they felt, what I said, what I wish I'd said.
    ValidationNote,
}

impl WorksheetKind {
    /// How many sections it has.
    pub fn sections(self) -> usize {
        match self {
            WorksheetKind::RemorseLetter => 4,
            WorksheetKind::Story | WorksheetKind::ValidationNote => 3,
        }
    }

    /// Its key in the program's content.
    pub fn key(self) -> &'static str {
        match self {
            WorksheetKind::RemorseLetter => "remorse-letter",
            WorksheetKind::Story => "story",
            WorksheetKind::ValidationNote => "validation-note",
        }
    }

    fn id(self) -> u8 {
        match self {
            WorksheetKind::RemorseLetter => 1,
            WorksheetKind::Story => 2,
            WorksheetKind::ValidationNote => 3,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            1 => Ok(WorksheetKind::RemorseLetter),
            2 => Ok(WorksheetKind::Story),
            3 => Ok(WorksheetKind::ValidationNote),
            _ => Err(BAD),
        }
    }
}

/// A written worksheet: one text per section, in order.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worksheet {
    /// Which worksheet.
    pub kind: WorksheetKind,
    /// Its sections, in order; as many as the kind has headings.
    pub sections: Vec<String>,
}

impl Worksheet {
    pub(super) fn validated(&self) -> Result<Self> {
        if self.sections.len() != self.kind.sections() {
            return Err(Error::invalid(InputField::Sections, InputProblem::BadFormat));
        }
        let sections = self
            .sections
            .iter()
            .map(|t| TEXT.tidy(InputField::Section, t))
            .collect::<Result<Vec<_>>>()?;
        if sections.iter().all(String::is_empty) {
            return Err(Error::invalid(InputField::Sections, InputProblem::Empty));
        }
        Ok(Self { kind: self.kind, sections })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        w.u8(self.kind.id()).u32(self.sections.len() as u32);
        for section in &self.sections {
            w.str(section);
        }
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        let kind = WorksheetKind::from_id(r.u8()?)?;
        let n = r.u32()? as usize;
        if n != kind.sections() {
            return Err(BAD);
        }
        let sections = (0..n).map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>>>()?;
        Ok(Self { kind, sections })
    }
}
