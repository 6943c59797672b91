//! The vault's own settings record: whose vault it is and when they started.

use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};

/// Whose vault this is; the program speaks differently to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The partner who had the affair and is working to repair the harm.
    Repairing,
    /// The partner who was betrayed.
    Hurt,
}

impl Role {
    fn id(self) -> u8 {
        match self {
            Role::Repairing => 1,
            Role::Hurt => 2,
        }
    }

    fn from_id(id: u8) -> Result<Self> {
        match id {
            1 => Ok(Role::Repairing),
            2 => Ok(Role::Hurt),
            _ => Err(Error::Damaged("unknown role")),
        }
    }
}

/// The settings a vault keeps sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Whose vault this is.
    pub role: Role,
}

impl Settings {
    /// Encodes the settings' fields.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(self.role.id());
        w.finish()
    }

    /// Decodes the settings' fields.
    pub fn decode(data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data);
        let role = Role::from_id(r.u8()?)?;
        r.finish()?;
        Ok(Self { role })
    }
}
