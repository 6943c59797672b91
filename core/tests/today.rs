//! Two simulated years of daily use: the day's prompt never repeats within 30 days while the
//! library allows, every step is offered, the choice is deterministic, and skipping never
//! starves a step.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use mend_core::Role;
use mend_core::program::content::{Content, Focus};
use mend_core::program::history::{History, PracticeOutcome};
use mend_core::program::today::{MAX_UNOFFERED_DAYS, REST_DAYS, ranked};
use proptest::prelude::*;

const DAYS: i32 = 730;
const START: i32 = 739_000; // an arbitrary day number

#[derive(Debug, Clone)]
struct Policy {
    /// Chance in 100 of doing the day's prompt.
    done: u8,
    /// Chance in 100 of asking for another one.
    another: u8,
    /// A step whose prompts are always skipped.
    always_skip: Option<i32>,
}

fn policy() -> impl Strategy<Value = Policy> {
    (0u8..=100, 0u8..=60, prop::option::of(1i32..=6))
        .prop_map(|(done, another, always_skip)| Policy { done, another, always_skip })
}

fn roll(seed: &[u8; 32], day: i32, salt: u8) -> u8 {
    (seed[(day as usize + salt as usize) % 32] as i32 * 31 + day * 17 + salt as i32 * 7)
        .rem_euclid(100) as u8
}

/// Simulates two years; returns the day's choice and everything shown, per day.
fn simulate(
    role: Role,
    seed: [u8; 32],
    policy: &Policy,
) -> (History, Vec<(i32, String, Vec<String>)>) {
    let content = Content::english().unwrap();
    let mut history = History::new(content);
    let mut log = Vec::new();
    for day in START..START + DAYS {
        let list = ranked(content, role, &seed, day, &history);
        let first = list[0];
        // Determinism: asking again gives the same answer.
        assert_eq!(ranked(content, role, &seed, day, &history)[0].id, first.id);
        let mut shown = vec![first.id.clone()];
        history.record(day, &first.id, PracticeOutcome::Shown);
        if roll(&seed, day, 1) < policy.another {
            shown.push(list[1].id.clone());
            history.record(day, &list[1].id, PracticeOutcome::Shown);
        }
        let chosen = content.prompt(shown.last().unwrap()).unwrap();
        let skip_it =
            matches!(chosen.focus, Focus::Step { number: n } if Some(n) == policy.always_skip);
        let outcome = if !skip_it && roll(&seed, day, 2) < policy.done {
            PracticeOutcome::Done
        } else {
            PracticeOutcome::Skipped
        };
        history.record(day, &chosen.id, outcome);
        // Acting today never changes today's choice.
        assert_eq!(ranked(content, role, &seed, day, &history)[0].id, first.id);
        log.push((day, first.id.clone(), shown));
    }
    (history, log)
}

fn check_rest(role: Role, log: &[(i32, String, Vec<String>)]) {
    let content = Content::english().unwrap();
    let library = content.prompts.iter().filter(|p| p.role == role).count();
    let mut last: HashMap<&str, i32> = HashMap::new();
    for (day, _, shown) in log {
        for id in shown {
            if let Some(prev) = last.get(id.as_str()) {
                // A repeat within the rest period is allowed only if the library ran out.
                if day - prev < REST_DAYS {
                    let recent = last.values().filter(|d| day - **d < REST_DAYS).count();
                    assert!(
                        recent >= library,
                        "{id} repeated after {} days with {recent}/{library} recent",
                        day - prev
                    );
                }
            }
            last.insert(id, *day);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn two_years_of_the_repairing_partners_days(seed in any::<[u8; 32]>(), policy in policy()) {
        let (_, log) = simulate(Role::Repairing, seed, &policy);
        check_rest(Role::Repairing, &log);
        let content = Content::english().unwrap();
        // Every step is offered, and no step waits long: not even one that is always
        // skipped. A step overdue on the same day as others may wait one day per other step.
        let bound = MAX_UNOFFERED_DAYS + 5;
        let mut last_offered: HashMap<i32, i32> = (1..=6).map(|s| (s, START)).collect();
        for (day, _, shown) in &log {
            for (s, since) in last_offered.iter() {
                prop_assert!(day - since <= bound, "step {s} not offered for {} days ({policy:?})", day - since);
            }
            for id in shown {
                let Focus::Step { number: step } = content.prompt(id).unwrap().focus else { unreachable!() };
                last_offered.insert(step, *day);
            }
        }
    }

    #[test]
    fn two_years_of_the_hurt_partners_days(seed in any::<[u8; 32]>(), policy in policy()) {
        let (_, log) = simulate(Role::Hurt, seed, &Policy { always_skip: None, ..policy });
        check_rest(Role::Hurt, &log);
        let content = Content::english().unwrap();
        for theme in &content.themes {
            let focus = Focus::Theme { key: theme.key.clone() };
            prop_assert!(log.iter().any(|(_, first, _)| content.prompt(first).unwrap().focus == focus));
        }
    }
}

#[test]
fn the_choice_depends_on_the_seed_and_the_day() {
    let content = Content::english().unwrap();
    let history = History::new(content);
    let a = ranked(content, Role::Repairing, &[1; 32], START, &history)[0].id.clone();
    let days: Vec<String> = (0..10)
        .map(|d| ranked(content, Role::Repairing, &[1; 32], START + d, &history)[0].id.clone())
        .collect();
    assert!(days.iter().any(|id| *id != a), "the same prompt every day");
    let vaults: Vec<String> = (0..10u8)
        .map(|s| ranked(content, Role::Repairing, &[s; 32], START, &history)[0].id.clone())
        .collect();
    assert!(vaults.iter().any(|id| *id != vaults[0]), "the same prompt for every vault");
}
