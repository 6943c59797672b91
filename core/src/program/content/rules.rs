//! The rules the content must meet: counts per step and role, words the app never uses,
//! neutral notifications, unique ids. [`Content::problems`] lists every break; tests require
//! none.

use std::collections::HashSet;

use super::Content;
use super::types::*;
use super::words::{Wording, placeholders};
use crate::tools::WorksheetKind;
use crate::vault::Role;

/// Minimum counts the content must meet, and words it must not use.
pub mod counts {
    /// Practices per step.
    pub const MIN_PRACTICES: usize = 4;
    /// Example phrases per step.
    pub const MIN_PHRASES: usize = 5;
    /// Reflection questions per step.
    pub const MIN_REFLECTIONS: usize = 3;
    /// Prompts per step for the repairing partner.
    pub const MIN_PROMPTS_PER_STEP: usize = 25;
    /// Example phrases per theme of the hurt partner's track.
    pub const MIN_THEME_PHRASES: usize = 3;
    /// Prompts for the hurt partner.
    pub const MIN_HURT_PROMPTS: usize = 150;
    /// Prompts per module of the repairing partner's program.
    pub const MIN_MODULE_PROMPTS: usize = 6;
    /// The modules the repairing partner's program must have.
    pub const MODULES: &[&str] = &[
        "disclosure",
        "new-truths",
        "triggers",
        "hard-dates",
        "closeness",
        "family",
        "shame",
        "deciding-together",
    ];
    /// Words the app never uses.
    pub const NEVER: &[&str] = &["journey", "amazing", "you've got this"];
    /// Words that make the affair sound smaller; never in the repairing partner's content.
    pub const MINIMISING: &[&str] = &["mistake", "slip", "it just happened", "we both"];
    /// Countries whose emergency number, crisis line and abuse line the help page gives.
    pub const HELP_COUNTRIES: &[&str] = &["US", "GB", "IE", "CA", "AU", "NZ"];
    /// How many countries help must cover with an emergency number and a crisis line.
    pub const MIN_HELP_COUNTRIES: usize = 30;
    /// The European Union's countries: their emergency number 112 comes first.
    pub const EU: &[&str] = &[
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];
    /// How many of them must also have a domestic-abuse line (some countries have none that
    /// is national).
    pub const MIN_ABUSE_COUNTRIES: usize = 25;
    /// The share of content words two prompts of one role may have in common (Jaccard)
    /// before they count as near-duplicates.
    pub const NEAR_DUPLICATE: f64 = 0.5;
    /// Short words that say little about what a prompt asks, left out of the comparison.
    pub const COMMON_WORDS: &[&str] = &[
        "the", "and", "for", "with", "your", "you", "that", "this", "what", "when", "how", "not",
        "are", "have", "can", "about", "they", "them", "their", "its", "into", "out", "than",
        "then", "there", "these", "those", "was", "were", "will", "would", "just", "any", "more",
        "some", "own", "each", "one", "from", "write", "today",
    ];
    /// Words that cast the reader as the one repairing; never in the hurt partner's
    /// milestones.
    pub const REPAIRER_WORDS: &[&str] = &["repair", "rebuil", "your partner", "remorse"];
    /// Words a notification must never contain.
    pub const NOT_IN_NOTIFICATIONS: &[&str] = &["affair", "cheat", "infidel", "betray", "partner"];
}

/// One part of the content's shape, as text.
type Shape = fn(&Content) -> String;

/// How a translation differs in shape from `english`: every id, key and structure must be the
/// same (a translation changes words only), so progress, history and backups mean the same in
/// every language. Empty when `translated` matches.
pub fn translation_problems(english: &Content, translated: &Content) -> Vec<String> {
    // What must match, as text: ids, keys, counts and structure, never words.
    let shapes: [(&str, Shape); 9] = [
        ("steps", |c| {
            let s = c.steps.iter().map(|s| {
                (
                    s.number,
                    &s.key,
                    s.practices.len(),
                    s.phrases.len(),
                    s.cautions.len(),
                    s.reflections.len(),
                )
            });
            format!("{:?}", s.collect::<Vec<_>>())
        }),
        ("modules", |c| {
            format!("{:?}", c.modules.iter().map(|m| (&m.key, m.step)).collect::<Vec<_>>())
        }),
        ("themes", |c| format!("{:?}", c.themes.iter().map(|t| &t.key).collect::<Vec<_>>())),
        ("prompts", |c| {
            let p = c.prompts.iter().map(|p| {
                let place = (&p.sequence, &p.module, p.transparency, p.follow_up.is_some());
                (&p.id, p.role, &p.focus, p.kind, p.stage, place)
            });
            format!("{:?}", p.collect::<Vec<_>>())
        }),
        ("milestones", |c| {
            format!("{:?}", c.milestones.iter().map(|m| (&m.key, m.role)).collect::<Vec<_>>())
        }),
        ("worksheets", |c| {
            format!(
                "{:?}",
                c.worksheets.iter().map(|w| (&w.key, w.sections.len())).collect::<Vec<_>>()
            )
        }),
        ("help resources", |c| {
            let r = c.help.resources.iter().map(|r| (&r.country, r.kind, &r.checked));
            let f = c.help.red_flags.iter().map(|f| f.role);
            format!("{:?} {:?}", r.collect::<Vec<_>>(), f.collect::<Vec<_>>())
        }),
        ("language rules", |c| {
            let w = &c.language_words;
            let danger = w.danger.iter().map(|d| d.kind);
            let phrasing = w.phrasing.iter().map(|p| p.reason);
            format!("{:?} {:?}", danger.collect::<Vec<_>>(), phrasing.collect::<Vec<_>>())
        }),
        ("screen words", |c| {
            let shape = |list: &[(String, Wording)]| {
                let w = list.iter().map(|(key, wording)| {
                    // A counted text's forms may spell the number out, so `count` is free.
                    let counted = matches!(wording, Wording::Counted(_));
                    let mut names: Vec<&str> =
                        wording.texts().into_iter().flat_map(placeholders).collect();
                    names.retain(|n| !(counted && *n == "count"));
                    names.sort_unstable();
                    names.dedup();
                    (key.clone(), counted, names.join(","))
                });
                w.collect::<Vec<_>>()
            };
            format!("{:?} {:?}", shape(&c.screens.common), shape(&c.screens.apple))
        }),
    ];
    shapes
        .iter()
        .filter(|(_, shape)| shape(english) != shape(translated))
        .map(|(what, _)| format!("{}: the {what} differ from English", translated.language))
        .collect()
}

/// The words of `text` that carry its meaning: lower-case, three letters or more, without
/// [`counts::COMMON_WORDS`].
fn content_words(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.chars().count() > 2 && !counts::COMMON_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

impl Content {
    /// Every way the content breaks the rules above; empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut say = |p: String| problems.push(p);

        for kind in
            [WorksheetKind::RemorseLetter, WorksheetKind::Story, WorksheetKind::ValidationNote]
        {
            match self.worksheet(kind) {
                Some(w) if w.sections.len() == kind.sections() => {}
                _ => say(format!(
                    "the {kind:?} worksheet needs {} section headings",
                    kind.sections()
                )),
            }
        }
        for key in crate::program::progress::MILESTONES {
            for role in [Role::Repairing, Role::Hurt] {
                match self.milestone(key, role) {
                    None => say(format!("milestone {key} has no text for {role:?}")),
                    Some(m) if role == Role::Hurt => {
                        let words = format!("{} {}", m.title, m.text).to_lowercase();
                        if counts::REPAIRER_WORDS.iter().any(|w| words.contains(w)) {
                            say(format!(
                                "the hurt partner's milestone {key} speaks to the one repairing"
                            ));
                        }
                    }
                    Some(_) => {}
                }
            }
        }

        let numbers: Vec<i32> = self.steps.iter().map(|s| s.number).collect();
        if numbers != [1, 2, 3, 4, 5, 6] {
            say(format!("steps must be numbered 1 to 6 in order, found {numbers:?}"));
        }
        let mut keys = HashSet::new();
        for s in &self.steps {
            if !keys.insert(s.key.as_str()) {
                say(format!("step key {} is used twice", s.key));
            }
            for (what, list, min) in [
                ("practices", &s.practices, counts::MIN_PRACTICES),
                ("phrases", &s.phrases, counts::MIN_PHRASES),
                ("reflections", &s.reflections, counts::MIN_REFLECTIONS),
                ("cautions", &s.cautions, 1),
            ] {
                if list.len() < min {
                    say(format!("step {} has {} {what}, needs {min}", s.number, list.len()));
                }
            }
        }
        for t in &self.themes {
            if !keys.insert(t.key.as_str()) {
                say(format!("theme key {} is used twice", t.key));
            }
            if t.practices.is_empty() || t.reflections.is_empty() || t.cautions.is_empty() {
                say(format!("theme {} needs practices, cautions and reflections", t.key));
            }
            if t.phrases.len() < counts::MIN_THEME_PHRASES {
                say(format!(
                    "theme {} has {} phrases, needs {}",
                    t.key,
                    t.phrases.len(),
                    counts::MIN_THEME_PHRASES
                ));
            }
        }

        for key in counts::MODULES {
            if !self.modules.iter().any(|m| m.key == *key) {
                say(format!("module {key} is missing"));
            }
        }
        for m in &self.modules {
            if !keys.insert(m.key.as_str()) {
                say(format!("module key {} is used twice", m.key));
            }
            if m.practices.len() < 3
                || m.phrases.len() < 3
                || m.cautions.is_empty()
                || m.reflections.len() < 2
            {
                say(format!("module {} needs practices, phrases, cautions and reflections", m.key));
            }
            let of_module: Vec<&Prompt> = self
                .prompts
                .iter()
                .filter(|p| p.module.as_deref() == Some(m.key.as_str()))
                .collect();
            if of_module.len() < counts::MIN_MODULE_PROMPTS {
                say(format!(
                    "module {} has {} prompts, needs {}",
                    m.key,
                    of_module.len(),
                    counts::MIN_MODULE_PROMPTS
                ));
            }
            if of_module
                .iter()
                .any(|p| p.role != Role::Repairing || p.focus != Focus::Step { number: m.step })
            {
                say(format!("module {} has prompts outside its step", m.key));
            }
        }
        for p in &self.prompts {
            if let Some(key) = &p.module
                && !self.modules.iter().any(|m| &m.key == key)
            {
                say(format!("prompt {} names unknown module {key}", p.id));
            }
        }
        let mut ids = HashSet::new();
        let mut texts = HashSet::new();
        for p in &self.prompts {
            if !ids.insert(p.id.as_str()) {
                say(format!("prompt id {} is used twice", p.id));
            }
            let well_formed = !p.id.is_empty()
                && p.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                say(format!("prompt id {:?} is not lowercase letters, digits and dashes", p.id));
            }
            if !texts.insert(p.text.to_lowercase()) {
                say(format!("prompt {} repeats another prompt's text", p.id));
            }
            if !(1..=60).contains(&p.minutes) {
                say(format!("prompt {} takes {} minutes", p.id, p.minutes));
            }
            if let Focus::Theme { key } = &p.focus
                && !self.themes.iter().any(|t| &t.key == key)
            {
                say(format!("prompt {} names unknown theme {key}", p.id));
            }
            if p.role == Role::Repairing && !matches!(p.focus, Focus::Step { .. }) {
                say(format!("prompt {} is for the repairing partner but has no step", p.id));
            }
        }
        for s in &self.steps {
            let of_step: Vec<&Prompt> = self
                .prompts
                .iter()
                .filter(|p| {
                    p.role == Role::Repairing && p.focus == Focus::Step { number: s.number }
                })
                .collect();
            if of_step.len() < counts::MIN_PROMPTS_PER_STEP {
                say(format!(
                    "step {} has {} prompts, needs {}",
                    s.number,
                    of_step.len(),
                    counts::MIN_PROMPTS_PER_STEP
                ));
            }
            for kind in PromptKind::EVERY_STEP {
                if !of_step.iter().any(|p| p.kind == kind) {
                    say(format!("step {} has no {kind:?} prompt", s.number));
                }
            }
        }
        let hurt = self.prompts.iter().filter(|p| p.role == Role::Hurt).count();
        if hurt < counts::MIN_HURT_PROMPTS {
            say(format!("the hurt partner has {hurt} prompts, needs {}", counts::MIN_HURT_PROMPTS));
        }
        for t in &self.themes {
            if !self.prompts.iter().any(|p| p.focus == Focus::Theme { key: t.key.clone() }) {
                say(format!("theme {} has no prompts", t.key));
            }
        }

        for (place, text, repairing) in self.texts() {
            let lower = text.to_lowercase();
            if text.trim().is_empty() {
                say(format!("{place} is empty"));
            }
            if text.contains('!') {
                say(format!("{place} has an exclamation mark"));
            }
            for word in counts::NEVER {
                if lower.contains(word) {
                    say(format!("{place} uses {word:?}"));
                }
            }
            if repairing {
                for word in counts::MINIMISING {
                    if lower.contains(word) {
                        say(format!("{place} uses the minimising {word:?}"));
                    }
                }
            }
        }
        for (place, text) in [
            ("check-in notification", &self.notifications.check_in),
            ("practice notification", &self.notifications.practice),
        ] {
            let lower = text.to_lowercase();
            let named_step = self.steps.iter().any(|s| lower.contains(&s.title.to_lowercase()));
            if named_step || counts::NOT_IN_NOTIFICATIONS.iter().any(|w| lower.contains(w)) {
                say(format!("the {place} is not neutral"));
            }
        }
        let mut sequences: std::collections::BTreeMap<&str, Vec<(i32, &Prompt)>> =
            Default::default();
        for p in &self.prompts {
            if let Some(seq) = &p.sequence {
                sequences.entry(seq.key.as_str()).or_default().push((seq.place, p));
            }
        }
        for (key, mut items) in sequences {
            items.sort_by_key(|(place, _)| *place);
            let places: Vec<i32> = items.iter().map(|(place, _)| *place).collect();
            if places != (1..=items.len() as i32).collect::<Vec<_>>() {
                say(format!("sequence {key} has places {places:?}, needs 1 to {}", items.len()));
            }
            if items.iter().any(|(_, p)| p.role != items[0].1.role || p.stage != items[0].1.stage) {
                say(format!("sequence {key} mixes roles or stages"));
            }
        }
        for p in self.near_duplicates() {
            say(p);
        }
        for p in self.help_problems() {
            say(p);
        }
        problems
    }

    /// Pairs of prompts of one role that say nearly the same thing: more than
    /// [`counts::NEAR_DUPLICATE`] of their content words in common.
    fn near_duplicates(&self) -> Vec<String> {
        let words: Vec<HashSet<String>> =
            self.prompts.iter().map(|p| content_words(&p.text)).collect();
        let mut out = Vec::new();
        for (i, a) in self.prompts.iter().enumerate() {
            for (j, b) in self.prompts.iter().enumerate().skip(i + 1) {
                if a.role != b.role {
                    continue;
                }
                let shared = words[i].intersection(&words[j]).count();
                let all = words[i].union(&words[j]).count().max(1);
                if shared as f64 / all as f64 > counts::NEAR_DUPLICATE {
                    out.push(format!("prompts {} and {} are near-duplicates", a.id, b.id));
                }
            }
        }
        out
    }

    /// Every way the help page breaks its rules: each resource has a country, a name for it,
    /// the address it was checked against and a real "last checked" day, and a number to
    /// call or text unless it is the directory; at least thirty countries have an emergency
    /// number and a crisis line, most an abuse line, and the emergency number comes first
    /// (112 first in the European Union's countries); a directory covers everywhere else; red
    /// flags speak to both roles; every time zone names a country with lines.
    fn help_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let h = &self.help;
        for r in &h.resources {
            let code_ok = r.country == "EU"
                || r.country == "ALL"
                || (r.country.len() == 2 && r.country.chars().all(|c| c.is_ascii_uppercase()));
            if !code_ok || r.place.trim().is_empty() {
                out.push(format!("help resource {} has no country", r.name));
            }
            if chrono::NaiveDate::parse_from_str(&r.checked, "%Y-%m-%d").is_err() {
                out.push(format!("help resource {} has no last-checked day", r.name));
            }
            if !r.source.starts_with("https://") {
                out.push(format!("help resource {} has no source address", r.name));
            }
            let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit() || c == '+');
            let reachable = !r.call.is_empty() || !r.text.is_empty();
            if (r.kind != ResourceKind::Directory && !reachable)
                || !digits(&r.call)
                || !digits(&r.text)
            {
                out.push(format!("help resource {} has no number to call or text", r.name));
            }
        }
        let countries: Vec<&str> = {
            let mut c: Vec<&str> = h.resources.iter().map(|r| r.country.as_str()).collect();
            c.dedup();
            c.retain(|c| *c != "ALL" && *c != "EU");
            c
        };
        let has = |country: &str, kind| {
            h.resources.iter().any(|r| r.country == country && r.kind == kind)
        };
        for country in &countries {
            for kind in [ResourceKind::Emergency, ResourceKind::Crisis] {
                if !has(country, kind) {
                    out.push(format!("help has no {kind:?} line for {country}"));
                }
            }
            let first = h.resources.iter().find(|r| r.country == *country);
            if first.is_some_and(|r| r.kind != ResourceKind::Emergency) {
                out.push(format!("help for {country} does not lead with its emergency number"));
            }
            if counts::EU.contains(country) && first.is_some_and(|r| r.call != "112") {
                out.push(format!("help for {country} does not lead with 112"));
            }
        }
        for country in counts::HELP_COUNTRIES {
            for kind in [ResourceKind::Emergency, ResourceKind::Crisis, ResourceKind::Abuse] {
                // Canada's abuse lines are provincial: no national one to name.
                let exempt = *country == "CA" && kind == ResourceKind::Abuse;
                if !exempt && !has(country, kind) {
                    out.push(format!("help has no {kind:?} line for {country}"));
                }
            }
        }
        if countries.len() < counts::MIN_HELP_COUNTRIES {
            out.push(format!(
                "help covers {} countries, needs {}",
                countries.len(),
                counts::MIN_HELP_COUNTRIES
            ));
        }
        let abuse = countries.iter().filter(|c| has(c, ResourceKind::Abuse)).count();
        if abuse < counts::MIN_ABUSE_COUNTRIES {
            out.push(format!(
                "help has abuse lines for {abuse} countries, needs {}",
                counts::MIN_ABUSE_COUNTRIES
            ));
        }
        for (zone, country) in &self.zones {
            if !countries.contains(&country.as_str()) {
                out.push(format!("time zone {zone} names {country}, which has no lines"));
            }
        }
        if !h.resources.iter().any(|r| r.country == "ALL" && r.kind == ResourceKind::Directory) {
            out.push("help has no directory for everywhere else".to_owned());
        }
        for role in [None, Some(Role::Repairing), Some(Role::Hurt)] {
            if !h.red_flags.iter().any(|f| f.role == role) {
                out.push(format!("help has no red flags for {role:?}"));
            }
        }
        out
    }

    /// Every user-visible text with where it is and whether it speaks to the repairing partner.
    fn texts(&self) -> Vec<(String, &str, bool)> {
        let mut out: Vec<(String, &str, bool)> = Vec::new();
        for s in &self.steps {
            let place = |what: &str| format!("step {} {what}", s.number);
            for (what, text) in [("title", &s.title), ("summary", &s.summary), ("why", &s.why)] {
                out.push((place(what), text, true));
            }
            for (what, list) in [
                ("practice", &s.practices),
                ("phrase", &s.phrases),
                ("caution", &s.cautions),
                ("reflection", &s.reflections),
            ] {
                out.extend(list.iter().map(|t| (place(what), t.as_str(), true)));
            }
        }
        for m in &self.modules {
            for text in [&m.title, &m.summary]
                .into_iter()
                .chain(&m.practices)
                .chain(&m.phrases)
                .chain(&m.cautions)
                .chain(&m.reflections)
            {
                out.push((format!("module {}", m.key), text, true));
            }
        }
        for t in &self.themes {
            for text in [&t.title, &t.summary]
                .into_iter()
                .chain(&t.practices)
                .chain(&t.phrases)
                .chain(&t.cautions)
                .chain(&t.reflections)
            {
                out.push((format!("theme {}", t.key), text, false));
            }
        }
        for p in &self.prompts {
            let repairing = p.role == Role::Repairing;
            out.push((format!("prompt {}", p.id), &p.text, repairing));
            if let Some(f) = &p.follow_up {
                out.push((format!("prompt {} follow-up", p.id), f, repairing));
            }
        }
        for w in &self.worksheets {
            out.push((format!("worksheet {}", w.key), &w.title, false));
            out.extend(
                w.sections.iter().map(|t| (format!("worksheet {}", w.key), t.as_str(), false)),
            );
        }
        for m in &self.milestones {
            let repairing = m.role == Role::Repairing;
            out.push((format!("milestone {}", m.key), &m.title, repairing));
            out.push((format!("milestone {}", m.key), &m.text, repairing));
        }
        let h = &self.help;
        for text in [
            &h.intro,
            &h.therapist,
            &h.crisis,
            &h.local_note,
            &h.coercion,
            &h.transparency,
            &h.red_flags_title,
        ]
        .into_iter()
        .chain(h.red_flags.iter().map(|f| &f.text))
        .chain(h.resources.iter().flat_map(|r| [&r.name, &r.contact]))
        {
            out.push(("help".to_owned(), text, false));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::content::words::pseudo;

    #[test]
    fn help_puts_the_persons_region_first() {
        let help = &Content::english().unwrap().help;
        let first = |region: Option<&str>| help.for_region(region).resources[0].country.clone();
        assert_eq!(first(Some("nz")), "NZ");
        assert_eq!(first(Some("UK")), "GB");
        assert_eq!(first(Some("FR")), "FR");
        assert_eq!(first(Some("VN")), "ALL", "no lines of its own: the directory first");
        let de = help.for_region(Some("DE"));
        assert_eq!(de.resources[0].call, "112", "in the European Union, 112 first");
        assert_eq!(de.resources[1].kind, ResourceKind::Crisis, "then the national crisis line");
        assert!(
            de.here.iter().all(|r| r.country == "DE"),
            "the lines to reach now are the region's"
        );
        let nowhere = help.for_region(None);
        assert!(!nowhere.here.is_empty(), "somewhere to turn wherever the person is");
        assert!(nowhere.here.iter().all(|r| r.kind == ResourceKind::Directory));
        assert_eq!(first(None), "ALL");
        let gb = help.for_region(Some("GB"));
        let kinds: Vec<_> =
            gb.resources.iter().take_while(|r| r.country == "GB").map(|r| r.kind).collect();
        assert_eq!(kinds[0], ResourceKind::Emergency, "the emergency number leads");
        assert_eq!(gb.resources.len(), help.resources.len(), "nothing is dropped");
    }

    #[test]
    fn every_bundled_language_has_englishs_shape_and_rules() {
        let english = Content::english().unwrap();
        assert_eq!(super::super::bundled_languages()[0], "en");
        for code in super::super::bundled_languages() {
            let content = Content::for_language(code).unwrap().unwrap();
            assert_eq!(content.language, code);
            assert_eq!(translation_problems(english, content), Vec::<String>::new());
            assert_eq!(content.problems(), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn a_translation_that_drops_or_moves_anything_is_refused() {
        let english = Content::english().unwrap();
        let mut translated = english.clone();
        translated.language = "xx".to_owned();
        translated.prompts[3].text = "Words in another language.".to_owned();
        assert!(translation_problems(english, &translated).is_empty(), "changing words is fine");
        translated.prompts.remove(5);
        translated.help.resources[0].checked = "2020-01-01".to_owned();
        assert_eq!(
            translation_problems(english, &translated),
            ["xx: the prompts differ from English", "xx: the help resources differ from English"]
        );
    }

    #[test]
    fn translated_screen_words_keep_every_key_and_placeholder() {
        let english = Content::english().unwrap();
        let mut translated = english.clone();
        translated.language = "xx".to_owned();
        // Every text pseudo-translated: the same keys and placeholders, other words.
        for (_, wording) in
            translated.screens.common.iter_mut().chain(&mut translated.screens.apple)
        {
            *wording = match wording {
                Wording::Plain(t) => Wording::Plain(pseudo(t)),
                Wording::Counted(forms) => {
                    Wording::Counted(forms.iter().map(|(f, t)| (f.clone(), pseudo(t))).collect())
                }
            };
        }
        assert!(translation_problems(english, &translated).is_empty());
        let dropped = |c: &mut Content| {
            let (_, w) =
                c.screens.common.iter_mut().find(|(k, _)| k == "backupDeliveredTo").unwrap();
            *w = Wording::Plain("Saved.".to_owned());
        };
        let mut without_place = translated.clone();
        dropped(&mut without_place);
        assert_eq!(
            translation_problems(english, &without_place),
            ["xx: the screen words differ from English"]
        );
        translated.screens.common.retain(|(k, _)| k != "unlock");
        assert_eq!(
            translation_problems(english, &translated),
            ["xx: the screen words differ from English"]
        );
    }

    #[test]
    fn the_language_follows_the_tag_and_falls_back_to_english() {
        assert_eq!(super::super::set_language("en-GB"), "en");
        assert_eq!(super::super::set_language("zz_ZZ"), "en", "not bundled: English");
        assert_eq!(Content::current().unwrap().language, "en");
        assert!(Content::for_language("zz").is_none());
    }

    #[test]
    fn a_reworded_prompt_is_a_near_duplicate() {
        let mut content = Content::english().unwrap().clone();
        let mut copy = content.prompt("hurt-feelings-04").unwrap().clone();
        copy.id = "hurt-feelings-99".to_owned();
        copy.text = copy.text.replace("five times", "a few times");
        content.prompts.push(copy);
        let problems = content.problems();
        assert!(
            problems.contains(
                &"prompts hurt-feelings-04 and hurt-feelings-99 are near-duplicates".to_owned()
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn a_hurt_milestone_worded_for_the_repairer_is_a_problem() {
        let mut content = Content::english().unwrap().clone();
        let m = content
            .milestones
            .iter_mut()
            .find(|m| m.key == "seven-days" && m.role == Role::Hurt)
            .unwrap();
        m.text = "Consistency is what your partner can come to trust.".to_owned();
        let problems = content.problems();
        assert!(
            problems.iter().any(|p| p.contains("seven-days speaks to the one repairing")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_sequence_with_a_gap_is_a_problem() {
        let mut content = Content::english().unwrap().clone();
        let p = content.prompts.iter_mut().find(|p| p.id == "remorse-27").unwrap();
        p.sequence.as_mut().unwrap().place = 5;
        let problems = content.problems();
        assert!(
            problems.iter().any(|p| p.starts_with("sequence remorse-letter has places")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_help_rules_can_fail() {
        let mut content = Content::english().unwrap().clone();
        content.help.resources.retain(|r| !(r.country == "NZ" && r.kind == ResourceKind::Abuse));
        content.help.resources[0].checked = "last spring".to_owned();
        let problems = content.problems();
        assert!(problems.iter().any(|p| p == "help has no Abuse line for NZ"), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("has no last-checked day")), "{problems:?}");
    }

    #[test]
    fn the_english_content_parses_and_breaks_no_rule() {
        let content = Content::english().unwrap();
        assert_eq!(content.language, "en");
        assert!(content.version >= 1);
        let problems = content.problems();
        assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
    }

    #[test]
    fn every_step_and_role_has_enough_prompts_of_every_kind() {
        let c = Content::english().unwrap();
        for step in 1..=6 {
            let n = c.prompts.iter().filter(|p| p.focus == Focus::Step { number: step }).count();
            assert!(n >= counts::MIN_PROMPTS_PER_STEP, "step {step}: {n}");
        }
        assert!(
            c.prompts.iter().filter(|p| p.role == Role::Hurt).count() >= counts::MIN_HURT_PROMPTS
        );
        assert_eq!(c.step(3).unwrap().key, "remorse");
        assert_eq!(c.prompt("remorse-01").unwrap().focus, Focus::Step { number: 3 });
    }

    #[test]
    fn the_rules_catch_broken_content() {
        let mut c = Content::english().unwrap().clone();
        c.prompts[1].id = c.prompts[0].id.clone();
        c.prompts[2].text = "Say it was a mistake!".to_owned();
        c.steps[0].phrases.truncate(2);
        c.notifications.check_in = "Time to work on the affair".to_owned();
        c.prompts
            .retain(|p| !(p.focus == Focus::Step { number: 6 } && p.kind == PromptKind::Action));
        let problems = c.problems().join("\n");
        for expected in [
            "is used twice",
            "exclamation mark",
            "minimising \"mistake\"",
            "step 1 has 2 phrases",
            "check-in notification is not neutral",
            "step 6 has no Action prompt",
        ] {
            assert!(problems.contains(expected), "missing {expected:?} in:\n{problems}");
        }
    }
}
