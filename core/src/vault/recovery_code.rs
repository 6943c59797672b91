//! The one-time recovery code: 28 characters of Crockford base32 (140 random bits), shown in
//! seven groups of four. Parsing forgives case, spaces, dashes and look-alike letters.

use zeroize::Zeroizing;

use crate::crypto::random;
use crate::error::{Error, InputField, InputProblem, LengthUnit, Result};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHARS: usize = 28;
const GROUP: usize = 4;

/// A recovery code. Its text is wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode {
    canonical: Zeroizing<String>,
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

impl RecoveryCode {
    /// A new random code.
    pub fn generate() -> Result<Self> {
        let raw = Zeroizing::new(random::bytes::<CHARS>()?);
        let canonical = raw.iter().map(|b| ALPHABET[(b & 31) as usize] as char).collect();
        Ok(Self { canonical: Zeroizing::new(canonical) })
    }

    /// Reads a code as a person typed it.
    pub fn parse(input: &str) -> Result<Self> {
        let mut canonical = Zeroizing::new(String::with_capacity(CHARS));
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(Error::invalid(InputField::RecoveryCode, InputProblem::BadFormat)),
            };
            if canonical.len() == CHARS {
                let problem =
                    InputProblem::TooLong { max: CHARS as u32, unit: LengthUnit::Characters };
                return Err(Error::invalid(InputField::RecoveryCode, problem));
            }
            canonical.push(c);
        }
        if canonical.len() < CHARS {
            let problem =
                InputProblem::TooShort { min: CHARS as u32, unit: LengthUnit::Characters };
            return Err(Error::invalid(InputField::RecoveryCode, problem));
        }
        Ok(Self { canonical })
    }

    /// The code as shown to a person: `XXXX-XXXX-…`.
    pub fn display(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(CHARS + CHARS / GROUP));
        for (i, c) in self.canonical.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// The bytes that key derivation stretches.
    pub fn secret(&self) -> &[u8] {
        self.canonical.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_random_and_round_trip_through_their_display() {
        let a = RecoveryCode::generate().unwrap();
        let b = RecoveryCode::generate().unwrap();
        assert_ne!(a, b);
        let shown = a.display();
        assert_eq!(shown.len(), 34);
        assert_eq!(RecoveryCode::parse(&shown).unwrap(), a);
    }

    #[test]
    fn parsing_forgives_case_spacing_and_look_alikes() {
        let code = RecoveryCode::parse("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV").unwrap();
        let typed = RecoveryCode::parse(" o123 4567 89ab cdef ghjk mnpq rstv ").unwrap();
        assert_eq!(code, typed);
        assert_eq!(RecoveryCode::parse("0I23456789ABCDEFGHJKMNPQRSTV").unwrap().secret()[1], b'1');
    }

    #[test]
    fn malformed_codes_are_refused_without_echoing_them() {
        for bad in [
            "",
            "0123",
            "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-W",
            "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTU",
        ] {
            let err = RecoveryCode::parse(bad).unwrap_err();
            assert!(
                matches!(err, Error::InvalidInput { field: InputField::RecoveryCode, .. }),
                "{bad}"
            );
        }
    }
}
