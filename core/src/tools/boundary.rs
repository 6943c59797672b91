//! Boundaries agreed between partners, and needs of one's own.

use super::entry::{TEXT, flag};
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// A boundary agreed between partners, or a need of one's own.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boundary {
    /// A need rather than a boundary.
    pub is_need: bool,
    /// In one sentence.
    pub text: String,
    /// Agreed together (for boundaries), or met lately (for needs).
    pub agreed: bool,
}

impl Boundary {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self { text: TEXT.required().tidy(InputField::Boundary, &self.text)?, ..self.clone() })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        w.u8(u8::from(self.is_need)).str(&self.text).u8(u8::from(self.agreed));
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self { is_need: flag(r.u8()?)?, text: r.str()?.to_owned(), agreed: flag(r.u8()?)? })
    }
}
