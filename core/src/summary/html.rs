//! A summary as one self-contained HTML page: no script, no outside resource, styles for
//! the screen and for print (A4 or Letter, each section kept together where it fits).

use super::Summary;

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1f2328; margin: 2.5rem auto; max-width: 42rem; padding: 0 1rem; }
header { border-bottom: 2px solid #5b6b8c; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.period { color: #4a5160; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; color: #33415c; border-bottom: 1px solid #d0d5de; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .1rem; }
.about { color: #5a6170; font-size: .9rem; margin: 0 0 .4rem; }
.text { white-space: pre-wrap; margin: 0; }
footer { margin-top: 2.5rem; color: #5a6170; font-size: .85rem; border-top: 1px solid #d0d5de; padding-top: .5rem; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  article { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders the summary as an HTML page.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"robots\" content=\"noindex\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&s.title)
    ));
    out.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n</header>\n",
        escape(&s.title),
        escape(&s.period)
    ));
    for section in &s.sections {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&section.heading)));
        if section.items.is_empty() {
            out.push_str("<p class=\"about\">Nothing in this period.</p>\n");
        }
        for item in &section.items {
            out.push_str(&format!("<article>\n<h3>{}</h3>\n", escape(&item.heading)));
            if !item.about.is_empty() {
                out.push_str(&format!("<p class=\"about\">{}</p>\n", escape(&item.about)));
            }
            if !item.text.is_empty() {
                out.push_str(&format!("<p class=\"text\">{}</p>\n", escape(&item.text)));
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<footer>Shared by choice from a private journal. Please keep it confidential.</footer>\n",
    );
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_what_people_wrote_is_shown_as_text() {
        assert_eq!(escape("<script>&'\""), "&lt;script&gt;&amp;&#39;&quot;");
    }
}
