//! The program's content as data: the six steps, the hurt partner's themes, the prompt
//! library, help resources, the neutral notification texts, the language engine's grammar and
//! the words of the apps' own screens ([`words`]), in each language (`content/<code>/`).
//! build.rs compiles each language's TOML files into one byte blob, built into the library
//! or, for the phones, carried by the app as a file and installed at start
//! ([`install_content`]); [`reader`] reads it into the [`types`] once; [`rules`] lists
//! anything that breaks the content rules (tests require none).

mod keys;
mod reader;
pub mod rules;
pub mod types;
pub mod words;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, RwLock};

pub use types::*;

use crate::error::{Error, Result};
use crate::tools::WorksheetKind;
use crate::vault::Role;

// The languages built into the library (`BUNDLED`: code and compiled content, English
// first) — none when the `bundled-content` feature is off, as for the phones, whose apps
// install the same compiled content from a file they carry ([`install_content`]).
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

const MALFORMED: Error = Error::Damaged("the built-in program content is malformed");
const MISSING: Error = Error::Damaged("the program content is not installed");

/// A compiled language's content inflated: the inflated length (u32, little-endian) first,
/// then the encoding, deflated.
fn inflate(blob: &[u8]) -> Option<Vec<u8>> {
    let (len, deflated) = blob.split_at_checked(4)?;
    let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
    if len > MAX_INFLATED {
        return None;
    }
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, len).ok()?;
    (inflated.len() == len).then_some(inflated)
}

/// The largest a language's content may be once inflated.
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// One language the core can speak: its code and its content, parsed once, for the life of
/// the process.
struct Language {
    code: &'static str,
    content: &'static Content,
}

/// The languages in use, English first: those built in, then those installed.
static LANGUAGES: RwLock<Vec<Language>> = RwLock::new(Vec::new());

/// Parses a compiled language's content; it lives for the rest of the process.
fn parse(blob: &[u8]) -> Result<&'static Content> {
    // Inflated once: the decoder reads from it without copying.
    let inflated: &'static [u8] = Vec::leak(inflate(blob).ok_or(MALFORMED)?);
    Ok(Box::leak(Box::new(Content::parse(inflated).map_err(|_| MALFORMED)?)))
}

/// The languages, built-in ones parsed on first use.
fn languages() -> std::sync::RwLockReadGuard<'static, Vec<Language>> {
    static BUILT_IN: Once = Once::new();
    BUILT_IN.call_once(|| {
        if let Ok(mut list) = LANGUAGES.write() {
            for (code, blob) in BUNDLED {
                if let Ok(content) = parse(blob)
                    .and_then(|c| if c.language == *code { Ok(c) } else { Err(MALFORMED) })
                {
                    list.push(Language { code, content });
                }
            }
        }
    });
    LANGUAGES.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Installs a language's compiled content (the bytes of a `<code>.mendcontent` file the app
/// carries), replacing any content of that language; returns its language code. A file that
/// does not decode is refused and changes nothing.
pub fn install_content(blob: &[u8]) -> Result<&'static str> {
    let content = parse(blob)?;
    let code: &'static str = Box::leak(content.language.clone().into_boxed_str());
    drop(languages());
    let mut list = LANGUAGES.write().map_err(|_| MALFORMED)?;
    match list.iter_mut().find(|l| l.code == code) {
        Some(l) => l.content = content,
        None if code == "en" => list.insert(0, Language { code, content }),
        None => list.push(Language { code, content }),
    }
    Ok(code)
}

/// The compiled content of every language built into this library, by code: what
/// `examples/write-content.rs` writes for the apps to carry.
pub fn built_in_blobs() -> Vec<(&'static str, &'static [u8])> {
    BUNDLED.to_vec()
}

/// The codes of the languages in use, English first.
pub fn bundled_languages() -> Vec<&'static str> {
    languages().iter().map(|l| l.code).collect()
}

/// The code of the language chosen by [`set_language`].
static CURRENT: RwLock<&str> = RwLock::new("en");

/// Whether the screens' words are pseudo-translated: the tag was the `en-XA` pseudo-locale.
static PSEUDO: AtomicBool = AtomicBool::new(false);

/// Chooses the content's language from a language tag (`de`, `de-AT`, `pt_BR`): its primary
/// language if the core has it, English otherwise. Returns the code of the language now in
/// use. The pseudo-locale `en-XA` is English content with the screens' words
/// pseudo-translated.
pub fn set_language(tag: &str) -> &'static str {
    PSEUDO.store(tag.replace('_', "-").eq_ignore_ascii_case("en-XA"), Ordering::Relaxed);
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let code = languages().iter().map(|l| l.code).find(|c| *c == primary).unwrap_or("en");
    if let Ok(mut current) = CURRENT.write() {
        *current = code;
    }
    code
}

/// The content of the language `code`.
fn content_of(code: &str) -> Result<&'static Content> {
    languages().iter().find(|l| l.code == code).map(|l| l.content).ok_or(MISSING)
}

/// The whole program in one language.
#[derive(Debug, Clone)]
pub struct Content {
    /// The content version; rises with every shipped change.
    pub version: u32,
    /// The language code.
    pub language: String,
    /// The six steps, in order.
    pub steps: Vec<Step>,
    /// The hurt partner's themes.
    pub themes: Vec<Theme>,
    /// Deeper modules for the partner repairing the harm, each under a step.
    pub modules: Vec<Module>,
    /// The prompt library.
    pub prompts: Vec<Prompt>,
    /// Help resources.
    pub help: Help,
    /// The words of the help card offered after something was saved.
    pub offer_words: OfferWords,
    /// The country each time zone is in, for the countries with help lines: (zone, ISO
    /// 3166 code), in the order of the content.
    pub zones: Vec<(String, String)>,
    /// Notification texts.
    pub notifications: Notifications,
    /// Milestone texts.
    pub milestones: Vec<MilestoneText>,
    /// The written tools' titles and headings.
    pub worksheets: Vec<WorksheetText>,
    /// The grammar the language engine reads text with.
    pub language_words: LanguageWords,
    /// The language engine's trained model, if this language has one
    /// ([`crate::language::model`]).
    pub language_model: Option<&'static [u8]>,
    /// The words of the apps' own screens.
    pub screens: words::ScreenWords,
}

impl Content {
    /// The content in the language in use ([`set_language`]; English until one is chosen).
    pub fn current() -> Result<&'static Content> {
        let code = *CURRENT.read().map_err(|_| MISSING)?;
        content_of(code).or_else(|_| content_of("en"))
    }

    /// The English content.
    pub fn english() -> Result<&'static Content> {
        content_of("en")
    }

    /// The content in the language `code`, if the core has it.
    pub fn for_language(code: &str) -> Option<Result<&'static Content>> {
        bundled_languages().contains(&code).then(|| content_of(code))
    }

    /// How the screens' words are wanted in this language for `devices`.
    pub fn voice(&self, devices: words::WordsFor) -> words::Voice<'_> {
        words::Voice { language: &self.language, devices, pseudo: PSEUDO.load(Ordering::Relaxed) }
    }

    /// The step with `number`.
    pub fn step(&self, number: i32) -> Option<&Step> {
        self.steps.iter().find(|s| s.number == number)
    }

    /// The prompt with `id`.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// The title and headings of a written tool.
    pub fn worksheet(&self, kind: WorksheetKind) -> Option<&WorksheetText> {
        self.worksheets.iter().find(|w| w.key == kind.key())
    }

    /// The text of the milestone with `key`, worded for `role`.
    pub fn milestone(&self, key: &str, role: Role) -> Option<&MilestoneText> {
        self.milestones.iter().find(|m| m.key == key && m.role == role)
    }
}
