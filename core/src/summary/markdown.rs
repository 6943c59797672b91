//! A summary as Markdown.

use super::Summary;

/// Renders the summary as Markdown.
pub fn render(s: &Summary) -> String {
    let mut out = format!("# {}\n\n{}\n\n", s.title, s.period);
    for section in &s.sections {
        out.push_str(&format!("## {}\n\n", section.heading));
        if section.items.is_empty() {
            out.push_str("Nothing in this period.\n\n");
        }
        for item in &section.items {
            out.push_str(&format!("### {}\n\n", item.heading));
            if !item.about.is_empty() {
                out.push_str(&format!("*{}*\n\n", item.about));
            }
            if !item.text.is_empty() {
                out.push_str(&format!("{}\n\n", item.text));
            }
        }
    }
    out.push_str("---\n\nShared by choice from a private journal. Please keep it confidential.\n");
    out
}
