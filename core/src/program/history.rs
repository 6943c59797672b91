//! The practice history, in memory after unlock: for each day, which prompts were shown,
//! done or skipped. Answers "when was this prompt last shown" and "when was this step last
//! practised" as of any day, counting only what happened before it, from per-prompt and
//! per-focus indexes so that two years of history stay fast.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::content::{Content, Focus};

/// What happened with a prompt on a day.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PracticeOutcome {
    /// It was offered.
    Shown,
    /// It was skipped.
    Skipped,
    /// It was done.
    Done,
}

/// One prompt's outcome on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The prompt's id.
    pub prompt_id: String,
    /// Its outcome.
    pub outcome: PracticeOutcome,
}

/// The practice history.
#[derive(Debug, Default, Clone)]
pub struct History {
    days: BTreeMap<i32, Vec<Entry>>,
    shown_on: HashMap<String, BTreeSet<i32>>,
    focus_shown_on: HashMap<Focus, BTreeSet<i32>>,
    done_on: HashMap<Focus, BTreeSet<i32>>,
    focus_of: HashMap<String, Focus>,
}

impl History {
    /// An empty history that knows each prompt's focus from `content`.
    pub fn new(content: &Content) -> Self {
        let focus_of = content.prompts.iter().map(|p| (p.id.clone(), p.focus.clone())).collect();
        Self { focus_of, ..Self::default() }
    }

    /// Records `outcome` for a prompt on `day`; a stronger outcome replaces a weaker one.
    pub fn record(&mut self, day: i32, prompt_id: &str, outcome: PracticeOutcome) {
        let entries = self.days.entry(day).or_default();
        let outcome = match entries.iter_mut().find(|e| e.prompt_id == prompt_id) {
            Some(e) => {
                e.outcome = e.outcome.max(outcome);
                e.outcome
            }
            None => {
                entries.push(Entry { prompt_id: prompt_id.to_owned(), outcome });
                outcome
            }
        };
        self.shown_on.entry(prompt_id.to_owned()).or_default().insert(day);
        if let Some(focus) = self.focus_of.get(prompt_id) {
            self.focus_shown_on.entry(focus.clone()).or_default().insert(day);
            if outcome == PracticeOutcome::Done {
                self.done_on.entry(focus.clone()).or_default().insert(day);
            }
        }
    }

    /// A day's entries.
    pub fn day(&self, day: i32) -> &[Entry] {
        self.days.get(&day).map_or(&[], Vec::as_slice)
    }

    /// Every day with entries, oldest first.
    pub fn days(&self) -> impl Iterator<Item = (i32, &[Entry])> + '_ {
        self.days.iter().map(|(d, e)| (*d, e.as_slice()))
    }

    /// The last day before `before` on which the prompt was shown (in any outcome).
    pub fn last_shown(&self, prompt_id: &str, before: i32) -> Option<i32> {
        self.shown_on.get(prompt_id)?.range(..before).next_back().copied()
    }

    /// The last day before `before` on which any prompt of `focus` was shown.
    pub fn last_offered(&self, focus: &Focus, before: i32) -> Option<i32> {
        self.focus_shown_on.get(focus)?.range(..before).next_back().copied()
    }

    /// The first day with any history.
    pub fn first_day(&self) -> Option<i32> {
        self.days.keys().next().copied()
    }

    /// The last day before `before` on which a prompt of `focus` was done.
    pub fn last_practised(&self, focus: &Focus, before: i32) -> Option<i32> {
        self.done_on.get(focus)?.range(..before).next_back().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_happened_before_a_day_counts() {
        let content = Content::english().unwrap();
        let mut h = History::new(content);
        h.record(10, "honesty-01", PracticeOutcome::Shown);
        h.record(10, "honesty-01", PracticeOutcome::Done);
        h.record(10, "honesty-01", PracticeOutcome::Shown);
        h.record(12, "remorse-01", PracticeOutcome::Skipped);
        assert_eq!(
            h.day(10),
            [Entry { prompt_id: "honesty-01".into(), outcome: PracticeOutcome::Done }]
        );
        assert_eq!(h.last_shown("honesty-01", 10), None);
        assert_eq!(h.last_shown("honesty-01", 11), Some(10));
        assert_eq!(h.last_practised(&Focus::Step { number: 1 }, 11), Some(10));
        assert_eq!(
            h.last_practised(&Focus::Step { number: 3 }, 20),
            None,
            "a skip is not practice"
        );
        assert_eq!(h.last_shown("remorse-01", 20), Some(12));
    }
}
