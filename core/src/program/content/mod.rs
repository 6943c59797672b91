//! The program's content as data: the six steps, the hurt partner's themes, the prompt
//! library, help resources, the neutral notification texts and the phrasing check's words. build.rs compiles the TOML
//! files into one byte blob; [`reader`] reads it into the [`types`] once; [`rules`] lists
//! anything that breaks the content rules (tests require none).

mod reader;
pub mod rules;
pub mod types;

use std::sync::OnceLock;

pub use types::*;

use crate::error::{Error, Result};
use crate::tools::WorksheetKind;
use crate::vault::Role;

/// The English content as build.rs encoded it: the inflated length (u32, little-endian),
/// then the encoding, deflated.
static CONTENT_EN_DEFLATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content_en.bin"));

/// The English content's encoding, inflated once and kept for the life of the process (the
/// parsed content borrows its texts from it).
fn content_en() -> Result<&'static [u8]> {
    static INFLATED: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    INFLATED
        .get_or_init(|| {
            let (len, deflated) = CONTENT_EN_DEFLATED.split_at_checked(4)?;
            let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
            let inflated =
                miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, len).ok()?;
            (inflated.len() == len).then_some(inflated)
        })
        .as_deref()
        .ok_or(Error::Damaged("the built-in program content is malformed"))
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
    /// Notification texts.
    pub notifications: Notifications,
    /// Milestone texts.
    pub milestones: Vec<MilestoneText>,
    /// The written tools' titles and headings.
    pub worksheets: Vec<WorksheetText>,
    /// The phrasing check's words.
    pub phrasing: PhrasingWords,
}

impl Content {
    /// The English content, parsed once.
    pub fn english() -> Result<&'static Content> {
        static CONTENT: OnceLock<Option<Content>> = OnceLock::new();
        CONTENT
            .get_or_init(|| Content::parse_english().ok())
            .as_ref()
            .ok_or(Error::Damaged("the built-in program content is malformed"))
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
