//! The program's content as data: the six steps, the hurt partner's themes, the prompt
//! library, help resources, the neutral notification texts, the language engine's grammar and
//! the words of the apps' own screens ([`words`]), in each bundled language
//! (`content/<code>/`). build.rs compiles each language's TOML files into one byte blob; [`reader`] reads it into the [`types`] once; [`rules`] lists
//! anything that breaks the content rules (tests require none).

mod keys;
mod reader;
pub mod rules;
pub mod types;
pub mod words;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub use types::*;

use crate::error::{Error, Result};
use crate::tools::WorksheetKind;
use crate::vault::Role;

// The bundled languages (`BUNDLED`: code and compiled content, English first), as build.rs
// found them under `content/`.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

const MALFORMED: Error = Error::Damaged("the built-in program content is malformed");

/// A compiled language's content inflated: the inflated length (u32, little-endian) first,
/// then the encoding, deflated.
fn inflate(blob: &[u8]) -> Option<Vec<u8>> {
    let (len, deflated) = blob.split_at_checked(4)?;
    let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, len).ok()?;
    (inflated.len() == len).then_some(inflated)
}

/// The bundled languages' codes, English first.
pub fn bundled_languages() -> Vec<&'static str> {
    BUNDLED.iter().map(|(code, _)| *code).collect()
}

/// The index in [`BUNDLED`] of the language in use.
static CURRENT: AtomicUsize = AtomicUsize::new(0);

/// Whether the screens' words are pseudo-translated: the tag was the `en-XA` pseudo-locale.
static PSEUDO: AtomicBool = AtomicBool::new(false);

/// Chooses the content's language from a language tag (`de`, `de-AT`, `pt_BR`): its primary
/// language if bundled, English otherwise. Returns the code of the language now in use. The
/// pseudo-locale `en-XA` is English content with the screens' words pseudo-translated.
pub fn set_language(tag: &str) -> &'static str {
    PSEUDO.store(tag.replace('_', "-").eq_ignore_ascii_case("en-XA"), Ordering::Relaxed);
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let index = BUNDLED.iter().position(|(code, _)| *code == primary).unwrap_or(0);
    CURRENT.store(index, Ordering::Relaxed);
    BUNDLED[index].0
}

/// The language in use, as its index in the bundled languages, and how many there are: for
/// caches kept per language (the language engine's compiled grammar).
pub(crate) fn current_language() -> (usize, usize) {
    (CURRENT.load(Ordering::Relaxed), BUNDLED.len())
}

/// The content of the language at `index` in [`BUNDLED`], inflated and parsed once.
pub(crate) fn bundled(index: usize) -> Result<&'static Content> {
    static PARSED: OnceLock<Vec<OnceLock<Option<Content>>>> = OnceLock::new();
    let slots = PARSED.get_or_init(|| BUNDLED.iter().map(|_| OnceLock::new()).collect());
    let (code, blob) = BUNDLED.get(index).ok_or(MALFORMED)?;
    slots[index]
        .get_or_init(|| {
            // Inflated once per language for the life of the process: the decoder reads
            // from it without copying.
            let inflated: &'static [u8] = Vec::leak(inflate(blob)?);
            let content = Content::parse(inflated).ok()?;
            (content.language == *code).then_some(content)
        })
        .as_ref()
        .ok_or(MALFORMED)
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
        bundled(current_language().0)
    }

    /// The English content, parsed once.
    pub fn english() -> Result<&'static Content> {
        bundled(0)
    }

    /// The content in the bundled language `code`, if there is one.
    pub fn for_language(code: &str) -> Option<Result<&'static Content>> {
        BUNDLED.iter().position(|(c, _)| *c == code).map(bundled)
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
