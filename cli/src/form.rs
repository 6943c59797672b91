//! Text a person writes never comes from the command line, where shell history and other
//! processes would keep it. Commands read it from standard input as one JSON object (for
//! scripts), or ask for it field by field when run in a terminal. Flags are kept for ids,
//! numbers and choices.

use std::io::{BufRead, IsTerminal, Read, Write};

use serde_json::{Map, Value};

use crate::errors::{EXIT_INVALID, Failure};

/// The most standard input a form may hold, in bytes (a note's body is at most 1 MiB).
pub const MAX_FORM_BYTES: u64 = 8 * 1024 * 1024;

/// How a field is asked for in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line.
    Line,
    /// Several lines, ended by a line holding only a dot.
    Lines,
    /// A comma-separated list (a JSON array on standard input).
    List,
}

/// One field of a form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Its key in the JSON object.
    pub key: &'static str,
    /// What a terminal prompt calls it.
    pub label: &'static str,
    /// How it is typed.
    pub kind: Kind,
}

impl Field {
    /// A one-line field.
    pub const fn line(key: &'static str, label: &'static str) -> Self {
        Self { key, label, kind: Kind::Line }
    }

    /// A field of several lines.
    pub const fn lines(key: &'static str, label: &'static str) -> Self {
        Self { key, label, kind: Kind::Lines }
    }

    /// A list field.
    pub const fn list(key: &'static str, label: &'static str) -> Self {
        Self { key, label, kind: Kind::List }
    }
}

/// The values given; a field left out (or left empty in a terminal) is absent.
#[derive(Debug, Default)]
pub struct Form {
    values: Map<String, Value>,
}

fn invalid(message: &str) -> Failure {
    Failure::new(EXIT_INVALID, message)
}

impl Form {
    /// A text field's value, if given.
    pub fn text(&self, key: &str) -> Option<String> {
        self.values.get(key).and_then(Value::as_str).map(str::to_owned)
    }

    /// A list field's values, if given.
    pub fn list(&self, key: &str) -> Option<Vec<String>> {
        let items = self.values.get(key)?.as_array()?;
        Some(items.iter().filter_map(Value::as_str).map(str::to_owned).collect())
    }
}

/// Reads `fields` from standard input: a JSON object when it is not a terminal (empty input
/// gives no values), or one prompt per field when it is.
pub fn read(fields: &[Field]) -> Result<Form, Failure> {
    if std::io::stdin().is_terminal() {
        ask(fields)
    } else {
        parse(fields, std::io::stdin().lock())
    }
}

/// Reads the whole of `input`, at most [`MAX_FORM_BYTES`], as UTF-8 text.
pub fn read_text(input: impl Read) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    input.take(MAX_FORM_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FORM_BYTES {
        return Err(invalid("the input must be at most 8 MiB"));
    }
    String::from_utf8(bytes).map_err(|_| invalid("the input must be UTF-8 text"))
}

/// Parses a JSON object holding only `fields`, each a string (or a list of strings).
pub fn parse(fields: &[Field], input: impl Read) -> Result<Form, Failure> {
    let text = read_text(input)?;
    if text.trim().is_empty() {
        return Ok(Form::default());
    }
    let expected = fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ");
    let shape =
        || invalid(&format!("the input must be one JSON object with the fields {expected}"));
    let Value::Object(values) = serde_json::from_str::<Value>(&text).map_err(|_| shape())? else {
        return Err(shape());
    };
    for (key, value) in &values {
        let field = fields.iter().find(|f| f.key == key).ok_or_else(shape)?;
        let fits = match field.kind {
            Kind::Line | Kind::Lines => value.is_string(),
            Kind::List => value.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        };
        if !fits {
            return Err(shape());
        }
    }
    Ok(Form { values })
}

fn prompt_line(label: &str) -> Result<Option<String>, Failure> {
    print!("{label}");
    std::io::stdout().flush()?;
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
}

fn ask(fields: &[Field]) -> Result<Form, Failure> {
    let mut values = Map::new();
    for field in fields {
        let value = match field.kind {
            Kind::Line => prompt_line(&format!("{}: ", field.label))?.map(Value::String),
            Kind::List => {
                prompt_line(&format!("{}, separated by commas: ", field.label))?.map(|l| {
                    Value::Array(
                        l.split(',')
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .map(|t| Value::String(t.to_owned()))
                            .collect(),
                    )
                })
            }
            Kind::Lines => {
                println!("{} (end with a line holding only a dot):", field.label);
                let mut lines = Vec::new();
                while let Some(line) = prompt_line("")? {
                    if line == "." {
                        break;
                    }
                    lines.push(line);
                }
                Some(Value::String(lines.join("\n")))
            }
        };
        let given = match &value {
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            _ => false,
        };
        if let (true, Some(value)) = (given, value) {
            values.insert(field.key.to_owned(), value);
        }
    }
    Ok(Form { values })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [Field; 2] = [Field::line("title", "Title"), Field::list("tags", "Tags")];

    #[test]
    fn a_json_object_gives_its_fields_and_nothing_else() {
        let form =
            parse(&FIELDS, r#"{"title": "Évening", "tags": ["a", "b"]}"#.as_bytes()).unwrap();
        assert_eq!(form.text("title").as_deref(), Some("Évening"));
        assert_eq!(form.list("tags"), Some(vec!["a".to_owned(), "b".to_owned()]));
        assert!(parse(&FIELDS, "".as_bytes()).unwrap().text("title").is_none());
        for bad in
            [r#"{"body": "x"}"#, r#"{"title": 3}"#, r#"["title"]"#, "not json", r#"{"tags": [1]}"#]
        {
            let failure = parse(&FIELDS, bad.as_bytes()).unwrap_err();
            assert_eq!(failure.code, EXIT_INVALID);
            assert!(!failure.message.contains("not json"), "{}", failure.message);
        }
    }

    #[test]
    fn input_must_be_utf8_and_within_the_limit() {
        assert_eq!(parse(&FIELDS, &[0xff, 0xfe][..]).unwrap_err().code, EXIT_INVALID);
        let huge = vec![b' '; MAX_FORM_BYTES as usize + 1];
        assert_eq!(read_text(&huge[..]).unwrap_err().code, EXIT_INVALID);
    }
}
