//! The program's pages for a vault's role: the six steps and the deeper modules under them
//! for the partner repairing the harm, the themes of their own track for the hurt partner. Help is for both and readable
//! while locked.

use super::content::{Content, Module, Step, Theme};
use crate::Vault;
use crate::error::Result;
use crate::vault::Role;

/// One page of the program.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgramPage {
    /// A step, for the partner repairing the harm.
    Step(Step),
    /// A theme, for the hurt partner.
    Theme(Theme),
    /// A deeper module under one of the steps, for the partner repairing the harm.
    Module(Module),
}

/// The program's pages for `role`, in order.
pub fn pages_for(content: &Content, role: Role) -> Vec<ProgramPage> {
    match role {
        Role::Repairing => content
            .steps
            .iter()
            .cloned()
            .map(ProgramPage::Step)
            .chain(content.modules.iter().cloned().map(ProgramPage::Module))
            .collect(),
        Role::Hurt => content.themes.iter().cloned().map(ProgramPage::Theme).collect(),
    }
}

impl Vault {
    /// The program's pages for this vault's role. Needs the vault unlocked.
    pub fn program_pages(&self) -> Result<Vec<ProgramPage>> {
        Ok(pages_for(Content::current()?, self.role()?))
    }
}
