//! How hard a new passcode would be to guess, for the feedback under the passcode field.
//!
//! A rough estimate, said in three words, not a gate: the length rules are what refuses a
//! passcode. It counts the character classes used and the length, and takes off for what
//! guessers try first: one character repeated, runs like `123456` or `abcdef`, and a few of
//! the most common passcodes. The device key and the attempt limits do most of the protecting;
//! this only nudges toward a passcode a partner could not guess in a handful of tries.

/// The estimate shown while a passcode is typed.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PasscodeStrength {
    /// Too short, or among what people try first (a birthday, `123456`, one key repeated).
    Weak,
    /// Hard to guess in a few tries; longer or more varied would be better.
    Fair,
    /// Long and varied.
    Strong,
}

/// Passcodes so common that guessers try them first (lower case).
const COMMON: [&str; 12] = [
    "123456",
    "1234567",
    "12345678",
    "123456789",
    "000000",
    "111111",
    "654321",
    "password",
    "passcode",
    "qwerty",
    "iloveyou",
    "abc123",
];

/// Whether every step from one character to the next is the same +1 or -1 (`123456`,
/// `fedcba`) or 0 (one character repeated).
fn is_run(chars: &[char]) -> bool {
    let steps: Vec<i64> =
        chars.windows(2).map(|w| i64::from(w[1] as u32) - i64::from(w[0] as u32)).collect();
    steps.first().is_some_and(|first| first.abs() <= 1 && steps.iter().all(|s| s == first))
}

/// The estimate for `passcode` (UTF-8 bytes, as typed).
pub fn passcode_strength(passcode: &[u8]) -> PasscodeStrength {
    let text = String::from_utf8_lossy(passcode);
    let chars: Vec<char> = text.chars().collect();
    let lower = text.to_lowercase();
    if chars.len() < super::MIN_PASSCODE_BYTES as usize
        || is_run(&chars)
        || COMMON.contains(&lower.as_str())
    {
        return PasscodeStrength::Weak;
    }
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|used| **used)
    .count();
    let n = chars.len();
    if n < 10 && chars.iter().all(char::is_ascii_digit) {
        // Six to nine digits: a date or a PIN, among the first things tried.
        PasscodeStrength::Weak
    } else if n >= 14 || (n >= 10 && classes >= 3) {
        PasscodeStrength::Strong
    } else {
        PasscodeStrength::Fair
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_short_and_patterned_passcodes_are_weak_long_varied_ones_strong() {
        for weak in
            ["12345", "123456", "111111", "abcdef", "fedcba", "Password", "240389", "qwerty"]
        {
            assert_eq!(passcode_strength(weak.as_bytes()), PasscodeStrength::Weak, "{weak}");
        }
        for fair in ["tulips-7", "river stone", "8305172946"] {
            assert_eq!(passcode_strength(fair.as_bytes()), PasscodeStrength::Fair, "{fair}");
        }
        for strong in ["Blue kettle 42!", "the river by the old mill", "Café-au-lait 9"] {
            assert_eq!(passcode_strength(strong.as_bytes()), PasscodeStrength::Strong, "{strong}");
        }
        // Bytes that are not UTF-8 still get an answer.
        assert_eq!(passcode_strength(&[0xff, 0xfe, 0xfd]), PasscodeStrength::Weak);
    }
}
