//! Two simulated years of daily use for each role: at one prompt a day no prompt comes back
//! within 90 days, and at one prompt and two "another one"s a day none within 45; "later"
//! prompts wait for their stage and sequences come in order; every step is offered, the choice
//! is deterministic, and skipping never starves a step nor pushes it harder.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use mend_core::Role;
use mend_core::program::content::{Content, Focus, Stage};
use mend_core::program::history::{History, PracticeOutcome};
use mend_core::program::today::{LATER_FROM_DAYS, MAX_UNOFFERED_DAYS, SHORT_REST_DAYS, ranked};
use proptest::prelude::*;

const DAYS: i32 = 730;
const START: i32 = 739_000; // an arbitrary day number

#[derive(Debug, Clone)]
struct Policy {
    /// Chance in 100 of doing the day's prompt.
    done: u8,
    /// "Another one"s asked for every day: 0 or 2.
    others: usize,
    /// A step whose prompts are always skipped.
    always_skip: Option<i32>,
}

fn policy() -> impl Strategy<Value = Policy> {
    (0u8..=100, prop::bool::ANY, prop::option::of(1i32..=6)).prop_map(
        |(done, busy, always_skip)| Policy { done, others: if busy { 2 } else { 0 }, always_skip },
    )
}

/// The least number of days between two offers of one prompt the policy's pace allows.
fn rest_for(policy: &Policy) -> i32 {
    if policy.others == 0 { 90 } else { 45 }
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
        for other in &list[1..=policy.others] {
            shown.push(other.id.clone());
            history.record(day, &other.id, PracticeOutcome::Shown);
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

/// No prompt comes back sooner than `rest` days; "later" prompts wait for their stage; a
/// prompt in a sequence comes only after the one before it, on an earlier day.
fn check_rest_stages_and_order(log: &[(i32, String, Vec<String>)], rest: i32) {
    let content = Content::english().unwrap();
    let mut last: HashMap<&str, i32> = HashMap::new();
    for (day, _, shown) in log {
        for id in shown {
            if let Some(prev) = last.get(id.as_str()) {
                assert!(day - prev >= rest, "{id} came back after {} days", day - prev);
            }
            let p = content.prompt(id).unwrap();
            if p.stage == Stage::Later {
                assert!(day - START >= LATER_FROM_DAYS, "{id} offered on day {}", day - START);
            }
            if let Some(seq) = p.sequence.as_ref().filter(|s| s.place > 1) {
                let before = content
                    .prompts
                    .iter()
                    .find(|q| {
                        q.sequence
                            .as_ref()
                            .is_some_and(|t| t.key == seq.key && t.place == seq.place - 1)
                    })
                    .unwrap();
                assert!(
                    last.get(before.id.as_str()).is_some_and(|d| d < day),
                    "{id} before {} in its sequence",
                    before.id
                );
            }
        }
        for id in shown {
            last.insert(id, *day);
        }
    }
}

/// The first day each focus fits: its stage's day for a focus whose prompts all wait.
fn first_fits(focus: &Focus) -> i32 {
    let content = Content::english().unwrap();
    let later =
        content.prompts.iter().filter(|p| &p.focus == focus).all(|p| p.stage == Stage::Later);
    if later { START + LATER_FROM_DAYS } else { START }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn two_years_of_the_repairing_partners_days(seed in any::<[u8; 32]>(), policy in policy()) {
        let (_, log) = simulate(Role::Repairing, seed, &policy);
        check_rest_stages_and_order(&log, rest_for(&policy));
        let content = Content::english().unwrap();
        // Every step is offered, and no step waits long: not even one that is always
        // skipped. A step overdue on the same day as others may wait one day per other step;
        // at three prompts a day, keeping every prompt's rest comes first, and a step whose
        // prompts all came in a busy spell waits for the first of them to rest.
        let bound = if policy.others == 0 { MAX_UNOFFERED_DAYS } else { SHORT_REST_DAYS } + 5;
        let mut last_offered: HashMap<i32, i32> =
            (1..=6).map(|s| (s, first_fits(&Focus::Step { number: s }))).collect();
        for (day, _, shown) in &log {
            for (s, since) in last_offered.iter() {
                prop_assert!(day - since <= bound, "step {s} not offered for {} days ({policy:?})", day - since);
            }
            for id in shown {
                let Focus::Step { number: step } = content.prompt(id).unwrap().focus else { unreachable!() };
                last_offered.insert(step, *day);
            }
        }
        // Skipping does not push a step harder: a step always skipped is offered no more
        // often than in the same days with nothing skipped.
        if let Some(skipped) = policy.always_skip {
            let offers = |log: &[(i32, String, Vec<String>)]| {
                log.iter()
                    .filter(|(_, first, _)| content.prompt(first).unwrap().focus == Focus::Step { number: skipped })
                    .count()
            };
            let (_, calm) = simulate(Role::Repairing, seed, &Policy { always_skip: None, ..policy.clone() });
            prop_assert!(
                offers(&log) <= offers(&calm) + offers(&calm) / 10 + 3,
                "step {skipped}: {} offers when skipped, {} when not ({policy:?})",
                offers(&log),
                offers(&calm)
            );
        }
    }

    #[test]
    fn two_years_of_the_hurt_partners_days(seed in any::<[u8; 32]>(), policy in policy()) {
        let policy = Policy { always_skip: None, ..policy };
        let (_, log) = simulate(Role::Hurt, seed, &policy);
        check_rest_stages_and_order(&log, rest_for(&policy));
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
