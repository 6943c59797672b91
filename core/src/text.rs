//! The one rule for text a person types into any record: a length limit, no control
//! characters (newlines and tabs are allowed in texts with lines), and required or not.
//! Notes, tool entries and prompt responses all check their text here.

use crate::error::{Error, InputField, InputProblem, LengthUnit, Result};

/// How a text is limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// The most it may hold.
    pub max: u32,
    /// What `max` counts.
    pub unit: LengthUnit,
    /// Whether it may hold line breaks and tabs.
    pub lines: bool,
    /// Whether it must not be empty (after trimming).
    pub required: bool,
}

impl TextRule {
    /// A one-line text of at most `max` characters, e.g. a title or a tag.
    pub const fn line(max: u32) -> Self {
        Self { max, unit: LengthUnit::Characters, lines: false, required: false }
    }

    /// A text with lines of at most `max` characters.
    pub const fn lines(max: u32) -> Self {
        Self { max, unit: LengthUnit::Characters, lines: true, required: false }
    }

    /// The same rule, but the text must not be empty.
    pub const fn required(self) -> Self {
        Self { required: true, ..self }
    }

    /// The same rule, counting bytes of UTF-8 instead of characters.
    pub const fn in_bytes(self) -> Self {
        Self { unit: LengthUnit::Bytes, ..self }
    }

    fn length(&self, text: &str) -> usize {
        match self.unit {
            LengthUnit::Characters => text.chars().count(),
            LengthUnit::Bytes => text.len(),
        }
    }

    /// Checks `text` as it is (no trimming).
    pub fn check(&self, field: InputField, text: &str) -> Result<()> {
        if self.required && text.trim().is_empty() {
            return Err(Error::invalid(field, InputProblem::Empty));
        }
        // Cheap bound first: no text has more characters than bytes.
        if text.len() > self.max as usize && self.length(text) > self.max as usize {
            return Err(Error::invalid(
                field,
                InputProblem::TooLong { max: self.max, unit: self.unit },
            ));
        }
        let allowed = |c: char| self.lines && matches!(c, '\n' | '\r' | '\t');
        if text.chars().any(|c| c.is_control() && !allowed(c)) {
            return Err(Error::invalid(field, InputProblem::ControlCharacters));
        }
        Ok(())
    }

    /// Checks `text` with its surrounding white space trimmed, and returns it trimmed.
    pub fn tidy(&self, field: InputField, text: &str) -> Result<String> {
        let text = text.trim();
        self.check(field, text)?;
        Ok(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(r: Result<String>) -> InputProblem {
        match r {
            Err(Error::InvalidInput { problem, .. }) => problem,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn limits_count_characters_or_bytes_and_name_the_limit() {
        let rule = TextRule::line(3);
        assert_eq!(rule.tidy(InputField::Title, "  éé ").unwrap(), "éé");
        assert_eq!(
            problem(rule.tidy(InputField::Title, "abcd")),
            InputProblem::TooLong { max: 3, unit: LengthUnit::Characters }
        );
        assert_eq!(rule.tidy(InputField::Title, "ééé").unwrap(), "ééé");
        assert_eq!(
            problem(rule.in_bytes().tidy(InputField::Body, "éé")),
            InputProblem::TooLong { max: 3, unit: LengthUnit::Bytes }
        );
    }

    #[test]
    fn control_characters_are_refused_and_lines_only_where_allowed() {
        assert_eq!(
            problem(TextRule::line(9).tidy(InputField::Tag, "a\nb")),
            InputProblem::ControlCharacters
        );
        assert_eq!(TextRule::lines(9).tidy(InputField::Body, "a\n\tb").unwrap(), "a\n\tb");
        assert_eq!(
            problem(TextRule::lines(9).tidy(InputField::Body, "a\u{1b}b")),
            InputProblem::ControlCharacters
        );
    }

    #[test]
    fn required_texts_must_hold_more_than_white_space() {
        assert_eq!(
            problem(TextRule::line(9).required().tidy(InputField::What, " \t")),
            InputProblem::Empty
        );
        assert_eq!(TextRule::line(9).tidy(InputField::What, " ").unwrap(), "");
    }
}
