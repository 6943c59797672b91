//! Progress as practice over weeks and months, never a checklist: how often and how lately
//! each step (or theme) was practised, days practised in the last 7 and 28, weeks since the
//! start, and milestones reached. A pure function of the practice history and the day.

use std::collections::BTreeSet;

use super::content::{Content, Focus};
use super::history::{History, PracticeOutcome};
use crate::Vault;
use crate::calendar::CalendarDate;
use crate::error::Result;
use crate::tools::{CheckIn, ToolEntry, ToolKind};
use crate::vault::Role;

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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusProgress {
    /// The step or theme.
    pub focus: Focus,
    /// Prompts of it done, in all.
    pub times_practised: i32,
    /// The last day one was done.
    pub last_practised: Option<CalendarDate>,
}

/// A milestone reached.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// A stable key, e.g. `seven-days`.
    pub key: String,
    /// A short title, from the content.
    pub title: String,
    /// A sentence or two, from the content.
    pub text: String,
    /// The day it was reached.
    pub reached: CalendarDate,
}

/// Progress through the program as of a day.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramProgress {
    /// The day this is as of.
    pub today: CalendarDate,
    /// The day the vault was started.
    pub started: CalendarDate,
    /// Whole weeks since the start.
    pub weeks_since_start: i32,
    /// Days with at least one prompt done, among the last 7 (today included): a forgiving
    /// streak, "5 of the last 7 days".
    pub days_practised_last_7: i32,
    /// The same among the last 28 days.
    pub days_practised_last_28: i32,
    /// Days with practice, in all.
    pub days_practised: i32,
    /// Each step (repairing partner) or theme (hurt partner), in program order.
    pub focuses: Vec<FocusProgress>,
    /// Milestones reached, in the order of [`MILESTONES`].
    pub milestones: Vec<Milestone>,
    /// Weekly averages of check-in scores over the last [`CHECK_IN_WEEKS`] weeks, oldest
    /// first; weeks without check-ins are left out.
    pub check_in_weeks: Vec<CheckInWeek>,
}

/// How many weeks of check-in averages progress shows.
pub const CHECK_IN_WEEKS: i32 = 12;

/// Average check-in scores for one week (Monday to Sunday).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInWeek {
    /// The week's Monday.
    pub monday: CalendarDate,
    /// How many check-ins the week had.
    pub count: i32,
    /// Average safety, 0–10.
    pub safety: f32,
    /// Average trust, 0–10.
    pub trust: f32,
    /// Average connection, 0–10.
    pub connection: f32,
}

/// The Monday of the week holding `day` (day 1 of the common era was a Monday).
pub fn monday_of(day: i32) -> i32 {
    day - (day - 1).rem_euclid(7)
}

/// Weekly averages of `check_ins` for the [`CHECK_IN_WEEKS`] weeks up to `today`.
pub fn check_in_weeks<'c>(
    check_ins: impl Iterator<Item = &'c CheckIn>,
    today: i32,
) -> Vec<CheckInWeek> {
    let this_monday = monday_of(today);
    let first_monday = this_monday - 7 * (CHECK_IN_WEEKS - 1);
    let mut sums: std::collections::BTreeMap<i32, (i32, i32, i32, i32)> = Default::default();
    for (day, c) in check_ins.filter_map(|c| Some((c.date.day_number().ok()?, c))) {
        if day > today || monday_of(day) < first_monday {
            continue;
        }
        let s = sums.entry(monday_of(day)).or_default();
        *s = (s.0 + 1, s.1 + c.safety, s.2 + c.trust, s.3 + c.connection);
    }
    sums.into_iter()
        .map(|(monday, (n, safety, trust, connection))| CheckInWeek {
            monday: CalendarDate::from_day_number(monday),
            count: n,
            safety: safety as f32 / n as f32,
            trust: trust as f32 / n as f32,
            connection: connection as f32 / n as f32,
        })
        .collect()
}

/// Computes progress for `role` as of `today`.
pub fn compute(
    content: &Content,
    role: Role,
    history: &History,
    started_day: i32,
    today: i32,
) -> ProgramProgress {
    let focuses_of_role: Vec<Focus> = match role {
        Role::Repairing => content.steps.iter().map(|s| Focus::Step { number: s.number }).collect(),
        Role::Hurt => content.themes.iter().map(|t| Focus::Theme { key: t.key.clone() }).collect(),
    };
    let focus_of = |id: &str| content.prompt(id).map(|p| &p.focus);

    let mut practice_days = BTreeSet::new();
    let mut focuses: Vec<FocusProgress> = focuses_of_role
        .iter()
        .map(|f| FocusProgress { focus: f.clone(), times_practised: 0, last_practised: None })
        .collect();
    // The day each focus was first practised, for the "every focus" milestone.
    let mut first_done: Vec<Option<i32>> = vec![None; focuses.len()];
    for (day, entries) in history.days().filter(|(d, _)| *d <= today) {
        for e in entries.iter().filter(|e| e.outcome == PracticeOutcome::Done) {
            practice_days.insert(day);
            let Some(i) =
                focus_of(&e.prompt_id).and_then(|f| focuses_of_role.iter().position(|x| x == f))
            else {
                continue;
            };
            focuses[i].times_practised += 1;
            focuses[i].last_practised = Some(CalendarDate::from_day_number(day));
            first_done[i].get_or_insert(day);
        }
    }
    let within = |days: i32| practice_days.range(today - days + 1..=today).count() as i32;

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
        let (Some(day), Some(words)) = (day, content.milestone(key, role)) else {
            continue;
        };
        milestones.push(Milestone {
            key: key.to_owned(),
            title: words.title.clone(),
            text: words.text.clone(),
            reached: CalendarDate::from_day_number(day),
        });
    }

    ProgramProgress {
        today: CalendarDate::from_day_number(today),
        started: CalendarDate::from_day_number(started_day),
        weeks_since_start: (today - started_day).max(0) / 7,
        days_practised_last_7: within(7),
        days_practised_last_28: within(28),
        days_practised: practice_days.len() as i32,
        focuses,
        milestones,
        check_in_weeks: Vec::new(),
    }
}

impl Vault {
    /// Progress as of today, by local days in the vault's time zone.
    pub fn progress(&self) -> Result<ProgramProgress> {
        let content = Content::current()?;
        let today = self.today()?;
        self.with_session(|s, _| {
            let started_day = self.day_of(s.settings()?.created_ms)?;
            let role = s.settings()?.settings.role;
            let mut progress =
                compute(content, role, &s.features.practice.history, started_day, today);
            let check_ins = s.features.tools.list(ToolKind::CheckIns).into_iter().filter_map(|r| {
                match &r.entry {
                    ToolEntry::CheckIn(c) => Some(c),
                    _ => None,
                }
            });
            progress.check_in_weeks = check_in_weeks(check_ins, today);
            Ok(progress)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(h: &mut History, day: i32, id: &str) {
        h.record(day, id, PracticeOutcome::Shown);
        h.record(day, id, PracticeOutcome::Done);
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
        h.record(1005, "story-01", PracticeOutcome::Skipped);
        done(&mut h, 1008, "honesty-02");
        done(&mut h, 1009, "pursuit-01");
        done(&mut h, 1012, "story-02"); // after "today": not counted
        let p = compute(c, Role::Repairing, &h, start, 1009);
        assert_eq!(p.days_practised, 5);
        assert_eq!(p.days_practised_last_7, 3, "1003, 1008 and 1009 are within 1003..=1009");
        assert_eq!(p.days_practised_last_28, 5);
        assert_eq!(p.weeks_since_start, 1);
        let by_step: Vec<(i32, Option<i32>)> = p
            .focuses
            .iter()
            .map(|f| (f.times_practised, f.last_practised.map(|d| d.day_number().unwrap())))
            .collect();
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
        let first = c.milestone("first-practice", Role::Repairing).unwrap();
        assert_eq!(
            p.milestones,
            vec![Milestone {
                key: "first-practice".into(),
                title: first.title.clone(),
                text: first.text.clone(),
                reached: CalendarDate::from_day_number(1000),
            }]
        );
    }

    #[test]
    fn milestones_follow_practice_and_time() {
        let c = Content::english().unwrap();
        let mut h = History::new(c);
        let steps = ["honesty", "no-contact", "remorse", "pursuit", "validation", "story"];
        for (i, day) in (2000..2040).enumerate() {
            done(&mut h, day, &format!("{}-{:02}", steps[i % 6], 1 + i / 6));
        }
        let p = compute(c, Role::Repairing, &h, 2000, 2100);
        let got: Vec<(&str, i32)> = p
            .milestones
            .iter()
            .map(|m| (m.key.as_str(), m.reached.day_number().unwrap()))
            .collect();
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
    fn check_ins_average_by_monday_to_sunday_weeks() {
        // Day 739_000 is a Monday? Find the Monday and build around it.
        let monday = monday_of(739_000);
        assert_eq!(monday_of(monday + 6), monday);
        assert_eq!(monday_of(monday + 7), monday + 7);
        let c = |day: i32, s: i32, t: i32, k: i32| CheckIn {
            date: CalendarDate::from_day_number(day),
            safety: s,
            trust: t,
            connection: k,
            note: String::new(),
        };
        let list = [
            c(monday, 2, 4, 6),
            c(monday + 6, 4, 4, 4),      // Sunday: same week
            c(monday + 7, 8, 8, 8),      // next Monday
            c(monday - 7 * 12, 1, 1, 1), // thirteen weeks before the last: left out
            c(monday + 20, 9, 9, 9),     // after today: left out
        ];
        let weeks = check_in_weeks(list.iter(), monday + 8);
        assert_eq!(weeks.len(), 2);
        let date = CalendarDate::from_day_number;
        assert_eq!((weeks[0].monday, weeks[0].count), (date(monday), 2));
        assert_eq!((weeks[0].safety, weeks[0].trust, weeks[0].connection), (3.0, 4.0, 5.0));
        assert_eq!((weeks[1].monday, weeks[1].count, weeks[1].safety), (date(monday + 7), 1, 8.0));
        // 2026-11-23 was a Monday.
        let d = |s: &str| {
            chrono::Datelike::num_days_from_ce(
                &chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap(),
            )
        };
        assert_eq!(monday_of(d("2026-11-25")), d("2026-11-23"));
        assert_eq!(monday_of(d("2026-11-29")), d("2026-11-23"));
    }

    #[test]
    fn the_hurt_partner_sees_their_themes() {
        let c = Content::english().unwrap();
        let mut h = History::new(c);
        done(&mut h, 10, "hurt-feelings-01");
        let p = compute(c, Role::Hurt, &h, 10, 10);
        assert_eq!(p.focuses.len(), c.themes.len());
        assert_eq!(p.focuses[0].focus, Focus::Theme { key: "feelings".into() });
        assert_eq!(p.focuses[0].times_practised, 1);
        assert_eq!(p.days_practised_last_7, 1);
    }
}
