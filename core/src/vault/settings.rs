//! The vault's own settings record: whose vault it is, whether the person has confirmed that
//! they kept the latest recovery code, how soon the app locks in the background, and whether
//! the app shows itself under a plain name (discreet mode).

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
    /// How long the app may stay in the background before it locks, in seconds: one of
    /// [`AUTO_LOCK_CHOICES`].
    pub auto_lock_seconds: u32,
    /// Whether the app shows itself under a plain name and icon on this device.
    pub discreet: bool,
    /// The secret that orders each day's prompts, kept so that a restored vault (whose
    /// keys are new) offers the same prompts. Vaults made before it was kept derive theirs
    /// from the data key until a backup writes one.
    pub prompt_seed: Option<[u8; 32]>,
}

/// The auto-lock delays a person can choose from, in seconds: at once, 30 seconds, one,
/// five and fifteen minutes.
pub const AUTO_LOCK_CHOICES: [u32; 5] = [0, 30, 60, 300, 900];
/// The auto-lock delay of a new vault.
pub const DEFAULT_AUTO_LOCK_SECONDS: u32 = 60;

impl Settings {
    /// A new vault's settings.
    pub fn new(role: Role) -> Self {
        Self {
            role,
            recovery_code_confirmed: false,
            auto_lock_seconds: DEFAULT_AUTO_LOCK_SECONDS,
            discreet: false,
            prompt_seed: None,
        }
    }
}

impl Settings {
    /// Encodes the settings' fields.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(self.role.id())
            .u8(u8::from(self.recovery_code_confirmed))
            .u32(self.auto_lock_seconds)
            .u8(u8::from(self.discreet));
        let mut out = w.finish();
        if let Some(seed) = &self.prompt_seed {
            out.extend_from_slice(seed);
        }
        out
    }

    /// Decodes the settings' fields.
    pub fn decode(data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data);
        let role = Role::from_id(r.u8()?)?;
        let flag = |byte: u8| match byte {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Error::Damaged("bad settings")),
        };
        // Fields added later are absent from older vaults. Those showed their code at
        // creation, and had no auto-lock setting and no discreet mode.
        let recovery_code_confirmed = if r.is_empty() { true } else { flag(r.u8()?)? };
        let auto_lock_seconds = if r.is_empty() { DEFAULT_AUTO_LOCK_SECONDS } else { r.u32()? };
        if !AUTO_LOCK_CHOICES.contains(&auto_lock_seconds) {
            return Err(Error::Damaged("bad settings"));
        }
        let discreet = if r.is_empty() { false } else { flag(r.u8()?)? };
        let prompt_seed = match r.remaining() {
            0 => None,
            32 => {
                let mut seed = [0u8; 32];
                for byte in &mut seed {
                    *byte = r.u8()?;
                }
                Some(seed)
            }
            _ => return Err(Error::Damaged("bad settings")),
        };
        r.finish()?;
        Ok(Self { role, recovery_code_confirmed, auto_lock_seconds, discreet, prompt_seed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_older_records_still_read() {
        let s = Settings { auto_lock_seconds: 300, discreet: true, ..Settings::new(Role::Hurt) };
        assert_eq!(Settings::decode(&s.encode()).unwrap(), s);
        let seeded = Settings { prompt_seed: Some([7; 32]), ..s };
        assert_eq!(Settings::decode(&seeded.encode()).unwrap(), seeded);
        assert!(Settings::decode(&seeded.encode()[..20]).is_err());
        // A record from before discreet mode: off.
        assert!(!Settings::decode(&[1, 1, 60, 0, 0, 0]).unwrap().discreet);
        assert!(Settings::decode(&[1, 1, 60, 0, 0, 0, 2]).is_err());
        // A record from before the confirmation and the auto-lock existed: role only.
        let old = Settings::decode(&[2]).unwrap();
        assert_eq!(
            old,
            Settings {
                role: Role::Hurt,
                recovery_code_confirmed: true,
                auto_lock_seconds: DEFAULT_AUTO_LOCK_SECONDS,
                discreet: false,
                prompt_seed: None,
            }
        );
        assert!(Settings::decode(&[1, 1, 7, 0, 0, 0]).is_err(), "not one of the choices");
        assert!(Settings::decode(&[1, 2]).is_err());
    }
}
