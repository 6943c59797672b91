//! The no-contact log: each attempt by the affair partner to make contact, how it was
//! handled, and when it was told to the hurt partner.

use super::entry::{BAD, TEXT};
use crate::clock::Timestamp;
use crate::encoding::{Reader, Writer};
use crate::error::{InputField, Result};

/// A contact attempt by the affair partner, and how it was handled.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// When it happened.
    pub at: Timestamp,
    /// How: a message, a call, in person…
    pub channel: String,
    /// What happened.
    pub what_happened: String,
    /// How it was handled.
    pub how_handled: String,
    /// When it was told to the partner, if it has been.
    pub disclosed_at: Option<Timestamp>,
}

impl Contact {
    pub(super) fn validated(&self) -> Result<Self> {
        Ok(Self {
            at: self.at,
            channel: TEXT.required().tidy(InputField::Channel, &self.channel)?,
            what_happened: TEXT.tidy(InputField::WhatHappened, &self.what_happened)?,
            how_handled: TEXT.tidy(InputField::HowHandled, &self.how_handled)?,
            disclosed_at: self.disclosed_at,
        })
    }

    pub(super) fn encode(&self, w: &mut Writer) {
        w.i64(self.at.ms()).str(&self.channel).str(&self.what_happened).str(&self.how_handled);
        match self.disclosed_at {
            Some(at) => w.u8(1).i64(at.ms()),
            None => w.u8(0),
        };
    }

    pub(super) fn decode(r: &mut Reader) -> Result<Self> {
        Ok(Self {
            at: Timestamp::from_ms(r.i64()?),
            channel: r.str()?.to_owned(),
            what_happened: r.str()?.to_owned(),
            how_handled: r.str()?.to_owned(),
            disclosed_at: match r.u8()? {
                0 => None,
                1 => Some(Timestamp::from_ms(r.i64()?)),
                _ => return Err(BAD),
            },
        })
    }
}
