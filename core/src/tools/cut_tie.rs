//! The cut-ties checklist: each tie to the affair partner to cut, and whether it is done.

use super::entry::{TEXT, flag};
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// An item of the cut-ties checklist.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutTie {
    /// What to cut.
    pub item: String,
    /// Whether it is done.
    pub done: bool,
}

impl CutTie {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self { item: TEXT.required().tidy(InputField::Item, &self.item)?, done: self.done })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        w.str(&self.item).u8(u8::from(self.done));
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self { item: r.str()?.to_owned(), done: flag(r.u8()?)? })
    }
}
