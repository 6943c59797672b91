//! The JSON export: one object, pretty-printed, with the field names of `docs/EXPORT.md`.
//! Written by hand (a few dozen lines) rather than with a serialisation crate, to keep the
//! phone library small.

use super::fields::{self, Field, Value};
use super::{Contents, EXPORT_VERSION, role_word};
use crate::calendar::TimeZoneRules;

/// A JSON value.
enum J {
    Null,
    Bool(bool),
    Num(i64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn opt_str(s: Option<String>) -> J {
    s.map_or(J::Null, J::Str)
}

fn value(v: Value, zone: &dyn TimeZoneRules) -> J {
    match v {
        Value::Text(t) => J::Str(t),
        Value::Word(w) => J::Str(w.to_owned()),
        Value::Number(n) => J::Num(n),
        Value::Flag(b) => J::Bool(b),
        Value::Date(d) => J::Str(fields::date(d)),
        Value::Time(t) => J::Str(fields::time(t, zone)),
        Value::Texts(ts) => J::Arr(ts.into_iter().map(J::Str).collect()),
        Value::Words(ws) => J::Arr(ws.into_iter().map(|w| J::Str(w.to_owned())).collect()),
        Value::Nothing => J::Null,
    }
}

/// Renders the export as JSON text.
pub fn render(c: &Contents, zone: &dyn TimeZoneRules) -> String {
    let time = |t| J::Str(fields::time(t, zone));
    let notes = c
        .notes
        .iter()
        .map(|n| {
            let s = &n.summary;
            J::Obj(vec![
                ("id", J::Str(s.id.to_string())),
                ("title", J::Str(s.title.clone())),
                ("body", J::Str(n.body.clone())),
                ("step", s.step.map_or(J::Null, |x| J::Num(x.into()))),
                ("tags", J::Arr(s.tags.iter().cloned().map(J::Str).collect())),
                ("created_at", time(s.created_at)),
                ("updated_at", time(s.updated_at)),
            ])
        })
        .collect();
    let practice = c
        .practice
        .iter()
        .map(|day| {
            let prompts = day
                .prompts
                .iter()
                .map(|p| {
                    J::Obj(vec![
                        ("prompt_id", J::Str(p.prompt_id.clone())),
                        ("prompt_text", opt_str(p.prompt.as_ref().map(|x| x.text.clone()))),
                        ("outcome", J::Str(fields::outcome(p.outcome).to_owned())),
                        ("response", opt_str(p.response.clone())),
                    ])
                })
                .collect();
            J::Obj(vec![("date", J::Str(fields::date(day.date))), ("prompts", J::Arr(prompts))])
        })
        .collect();
    let tools = c
        .tools
        .iter()
        .map(|r| {
            let (kind, entry_fields) = fields::entry_fields(&r.entry);
            let mut obj = vec![
                ("id", J::Str(r.id.to_string())),
                ("kind", J::Str(kind.to_owned())),
                ("created_at", time(r.created_at)),
                ("updated_at", time(r.updated_at)),
            ];
            obj.extend(entry_fields.into_iter().map(|(key, _, v): Field| (key, value(v, zone))));
            J::Obj(obj)
        })
        .collect();
    let root = J::Obj(vec![
        ("format", J::Str("mend-export".to_owned())),
        ("version", J::Num(EXPORT_VERSION)),
        ("exported_at", time(c.exported_at)),
        ("role", J::Str(role_word(c.role).to_owned())),
        ("started_at", time(c.started_at)),
        ("notes", J::Arr(notes)),
        ("practice", J::Arr(practice)),
        ("tools", J::Arr(tools)),
    ]);
    let mut out = String::new();
    write(&mut out, &root, 0);
    out.push('\n');
    out
}

fn write(out: &mut String, v: &J, depth: usize) {
    let pad = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match v {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(&n.to_string()),
        J::Str(s) => string(out, s),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(out, depth + 1);
                write(out, item, depth + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(out, depth);
            out.push(']');
        }
        J::Obj(fields) => {
            out.push_str("{\n");
            for (i, (key, item)) in fields.iter().enumerate() {
                pad(out, depth + 1);
                string(out, key);
                out.push_str(": ");
                write(out, item, depth + 1);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            pad(out, depth);
            out.push('}');
        }
    }
}

/// A JSON string, escaped (RFC 8259: quotes, backslashes and control characters).
fn string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd\u{1}é🙂");
        assert_eq!(out, r#""a\"b\\c\nd\u0001é🙂""#);
        let mut out = String::new();
        write(
            &mut out,
            &J::Obj(vec![("a", J::Arr(vec![J::Num(1), J::Null])), ("b", J::Arr(vec![]))]),
            0,
        );
        assert_eq!(out, "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": []\n}");
    }
}
