//! Conversions between the core's types and the exported records.

use crate::journal::{Note, NoteDraft, NoteFilter, NotePage, NoteSummary};
use crate::vault::{KdfOptions, UnlockStatus, VaultRole};

impl From<VaultRole> for mend_core::Role {
    fn from(r: VaultRole) -> Self {
        match r {
            VaultRole::Repairing => mend_core::Role::Repairing,
            VaultRole::Hurt => mend_core::Role::Hurt,
        }
    }
}

impl From<mend_core::Role> for VaultRole {
    fn from(r: mend_core::Role) -> Self {
        match r {
            mend_core::Role::Repairing => VaultRole::Repairing,
            mend_core::Role::Hurt => VaultRole::Hurt,
        }
    }
}

impl From<KdfOptions> for mend_core::KdfParams {
    fn from(k: KdfOptions) -> Self {
        Self { memory_kib: k.memory_kib, iterations: k.iterations, parallelism: k.parallelism }
    }
}

impl From<mend_core::KdfParams> for KdfOptions {
    fn from(k: mend_core::KdfParams) -> Self {
        Self { memory_kib: k.memory_kib, iterations: k.iterations, parallelism: k.parallelism }
    }
}

impl From<mend_core::UnlockStatus> for UnlockStatus {
    fn from(s: mend_core::UnlockStatus) -> Self {
        Self {
            failed_attempts: s.failed_attempts,
            attempts_left: s.attempts_left,
            retry_at_ms: s.retry_at_ms,
        }
    }
}

impl From<NoteDraft> for mend_core::NoteDraft {
    fn from(d: NoteDraft) -> Self {
        Self { title: d.title, body: d.body, step: d.step, tags: d.tags }
    }
}

impl From<mend_core::NoteSummary> for NoteSummary {
    fn from(s: mend_core::NoteSummary) -> Self {
        Self {
            id: s.id.to_string(),
            title: s.title,
            step: s.step,
            tags: s.tags,
            created_at_ms: s.created_ms,
            updated_at_ms: s.updated_ms,
        }
    }
}

impl From<mend_core::Note> for Note {
    fn from(n: mend_core::Note) -> Self {
        Self { summary: n.summary.into(), body: n.body }
    }
}

impl From<NoteFilter> for mend_core::NoteFilter {
    fn from(f: NoteFilter) -> Self {
        Self { step: f.step, tag: f.tag }
    }
}

impl From<mend_core::journal::NotePage> for NotePage {
    fn from(p: mend_core::journal::NotePage) -> Self {
        Self { notes: p.notes.into_iter().map(Into::into).collect(), total: p.total }
    }
}
