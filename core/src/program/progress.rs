//! Progress as practice over weeks and months, never a checklist: how often and how lately
//! each step (or theme) was practised, days practised in the last 7 and 28, weeks since the
//! start, and milestones reached. A pure function of the practice history and the day.

use std::collections::BTreeSet;

use super::calendar::{self, ZoneRules};
use super::content::{Content, Focus, PromptRole};
use super::history::{History, Outcome};
use crate::error::Result;
use crate::vault::Vault;

/// The milestone keys this code knows how to reach, in the order they are shown.
pub const MILESTONES: [&str; 9] = [
    "first-practice",
    "seven-days",
    "thirty-days",
    "hundred-days",
    "every-focus",
    "four-weeks",
    "twelve-weeks",
    "six-months",
    "one-year",
];

/// How one step or theme has been practised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusProgress {
    /// The step or theme.
    pub focus: Focus,
    /// Prompts of it done, in all.
    pub times_practised: u32,
    /// The last day one was done.
    pub last_practised_day: Option<i32>,
}

/// A milestone reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// Its key (its words are in the content).
    pub key: &'static str,
    /// The day it was reached.
    pub day: i32,
}

/// Progress as of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The day this is as of.
    pub today: i32,
    /// The day the vault was started.
    pub started_day: i32,
    /// Whole weeks since the start.
    pub weeks_since_start: u32,
    /// Days with at least one prompt done, among the last 7 (today included): a forgiving
    /// streak, "5 of the last 7 days".
    pub days_practised_last_7: u32,
    /// The same among the last 28 days.
    pub days_practised_last_28: u32,
    /// Days with practice, in all.
    pub days_practised: u32,
    /// Each step (repairing partner) or theme (hurt partner), in program order.
    pub focuses: Vec<FocusProgress>,
    /// Milestones reached, in the order of [`MILESTONES`].
    pub milestones: Vec<Milestone>,
}

/// Computes progress for `role` as of `today`.
pub fn compute(
    content: &Content,
    role: PromptRole,
    history: &History,
    started_day: i32,
    today: i32,
) -> Progress {
    let focuses_of_role: Vec<Focus> = match role {
        PromptRole::Repairing => content.steps.iter().map(|s| Focus::Step(s.number)).collect(),
        PromptRole::Hurt => content.themes.iter().map(|t| Focus::Theme(t.key.clone())).collect(),
    };
    let focus_of = |id: &str| content.prompt(id).map(|p| &p.focus);

    let mut practice_days = BTreeSet::new();
    let mut focuses: Vec<FocusProgress> = focuses_of_role
        .iter()
        .map(|f| FocusProgress { focus: f.clone(), times_practised: 0, last_practised_day: None })
        .collect();
    // The day each focus was first practised, for the "every focus" milestone.
    let mut first_done: Vec<Option<i32>> = vec![None; focuses.len()];
    for (day, entries) in history.days().filter(|(d, _)| *d <= today) {
        for e in entries.iter().filter(|e| e.outcome == Outcome::Done) {
            practice_days.insert(day);
            let Some(i) =
                focus_of(&e.prompt_id).and_then(|f| focuses_of_role.iter().position(|x| x == f))
            else {
                continue;
            };
            focuses[i].times_practised += 1;
            focuses[i].last_practised_day = Some(day);
            first_done[i].get_or_insert(day);
        }
    }
    let within = |days: i32| practice_days.range(today - days + 1..=today).count() as u32;

    let mut milestones = Vec::new();
    let nth_day = |n: usize| practice_days.iter().nth(n - 1).copied();
    let reached: [(&'static str, Option<i32>); 9] = [
        ("first-practice", nth_day(1)),
        ("seven-days", nth_day(7)),
        ("thirty-days", nth_day(30)),
        ("hundred-days", nth_day(100)),
        (
            "every-focus",
            first_done
                .iter()
                .copied()
                .collect::<Option<Vec<i32>>>()
                .and_then(|d| d.into_iter().max()),
        ),
        ("four-weeks", Some(started_day + 28).filter(|d| *d <= today)),
        ("twelve-weeks", Some(started_day + 84).filter(|d| *d <= today)),
        ("six-months", Some(started_day + 182).filter(|d| *d <= today)),
        ("one-year", Some(started_day + 365).filter(|d| *d <= today)),
    ];
    for (key, day) in reached {
        if let Some(day) = day {
            milestones.push(Milestone { key, day });
        }
    }

    Progress {
        today,
        started_day,
        weeks_since_start: u32::try_from((today - started_day).max(0) / 7).unwrap_or(0),
        days_practised_last_7: within(7),
        days_practised_last_28: within(28),
        days_practised: practice_days.len() as u32,
        focuses,
        milestones,
    }
}

impl Vault {
    /// Progress as of today, by local days in `zone`.
    pub fn progress(&self, zone: &dyn ZoneRules) -> Result<Progress> {
        let today = calendar::day_at(self.now_ms(), zone)?;
        let content = Content::english()?;
        self.with_session(|s, _| {
            let started_day = calendar::day_at(s.settings.created_ms, zone)?;
            let role = super::daily::prompt_role(s.settings.settings.role);
            Ok(compute(content, role, &s.practice.history, started_day, today))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(h: &mut History, day: i32, id: &str) {
        h.record(day, id, Outcome::Shown);
        h.record(day, id, Outcome::Done);
    }

    #[test]
    fn counts_match_a_hand_computed_history() {
        let c = Content::english().unwrap();
        let mut h = History::new(c);
        let start = 1000;
        // Days 1000..=1009: practice on 1000, 1002, 1003, 1003 (twice), 1008, 1009; a skip on 1005.
        done(&mut h, 1000, "honesty-01");
        done(&mut h, 1002, "remorse-01");
        done(&mut h, 1003, "remorse-02");
        done(&mut h, 1003, "validation-01");
        h.record(1005, "story-01", Outcome::Skipped);
        done(&mut h, 1008, "honesty-02");
        done(&mut h, 1009, "pursuit-01");
        done(&mut h, 1012, "story-02"); // after "today": not counted
        let p = compute(c, PromptRole::Repairing, &h, start, 1009);
        assert_eq!(p.days_practised, 5);
        assert_eq!(p.days_practised_last_7, 3, "1003, 1008 and 1009 are within 1003..=1009");
        assert_eq!(p.days_practised_last_28, 5);
        assert_eq!(p.weeks_since_start, 1);
        let by_step: Vec<(u32, Option<i32>)> =
            p.focuses.iter().map(|f| (f.times_practised, f.last_practised_day)).collect();
        assert_eq!(
            by_step,
            vec![
                (2, Some(1008)),
                (0, None),
                (2, Some(1003)),
                (1, Some(1009)),
                (1, Some(1003)),
                (0, None)
            ]
        );
        assert_eq!(p.milestones, vec![Milestone { key: "first-practice", day: 1000 }]);
    }

    #[test]
    fn milestones_follow_practice_and_time() {
        let c = Content::english().unwrap();
        let mut h = History::new(c);
        let steps = ["honesty", "no-contact", "remorse", "pursuit", "validation", "story"];
        for (i, day) in (2000..2040).enumerate() {
            done(&mut h, day, &format!("{}-{:02}", steps[i % 6], 1 + i / 6));
        }
        let p = compute(c, PromptRole::Repairing, &h, 2000, 2100);
        let got: Vec<(&str, i32)> = p.milestones.iter().map(|m| (m.key, m.day)).collect();
        assert_eq!(
            got,
            vec![
                ("first-practice", 2000),
                ("seven-days", 2006),
                ("thirty-days", 2029),
                ("every-focus", 2005),
                ("four-weeks", 2028),
                ("twelve-weeks", 2084),
            ]
        );
        assert_eq!(p.days_practised_last_7, 0);
        assert_eq!(p.weeks_since_start, 14);
    }

    #[test]
    fn the_hurt_partner_sees_their_themes() {
        let c = Content::english().unwrap();
        let mut h = History::new(c);
        done(&mut h, 10, "hurt-feelings-01");
        let p = compute(c, PromptRole::Hurt, &h, 10, 10);
        assert_eq!(p.focuses.len(), c.themes.len());
        assert_eq!(p.focuses[0].focus, Focus::Theme("feelings".into()));
        assert_eq!(p.focuses[0].times_practised, 1);
        assert_eq!(p.days_practised_last_7, 1);
    }
}
