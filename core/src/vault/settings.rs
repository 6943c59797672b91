//! The vault's own settings record: whose vault it is, and whether the person has confirmed
//! that they kept the latest recovery code.

use crate::encoding::{Reader, Writer};
use crate::error::{Error, Result};

/// Whose vault this is; the program speaks differently to each.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    /// Whether the person confirmed they kept the latest recovery code. False from the
    /// moment a code is made until it is confirmed, so that a code lost to a crash before it
    /// was shown is replaced at the next start.
    pub recovery_code_confirmed: bool,
}

impl Settings {
    /// Encodes the settings' fields.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(self.role.id()).u8(u8::from(self.recovery_code_confirmed));
        w.finish()
    }

    /// Decodes the settings' fields.
    pub fn decode(data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data);
        let role = Role::from_id(r.u8()?)?;
        // Vaults written before the confirmation existed showed their code at creation.
        let recovery_code_confirmed = if r.is_empty() {
            true
        } else {
            match r.u8()? {
                0 => false,
                1 => true,
                _ => return Err(Error::Damaged("bad settings")),
            }
        };
        r.finish()?;
        Ok(Self { role, recovery_code_confirmed })
    }
}
