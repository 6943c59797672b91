//! Choosing the day's prompt.
//!
//! The choice is a pure function of the vault's seed, the date and the practice history
//! *before* that date, so it is the same every time it is asked for on a day, and acting on
//! it today cannot change it. Only prompts that fit are candidates: "later" prompts wait until
//! the program has run [`LATER_FROM_DAYS`] days, and a prompt in a sequence waits until the
//! one before it was offered on an earlier day. Prompts offered in the last [`REST_DAYS`]
//! days come only after all others; then those rested [`SHORT_REST_DAYS`] (what a pace of
//! three prompts a day can keep); then the longest-rested, oldest first, so a prompt returns
//! as late as the library allows. Focuses (steps, or
//! themes for the hurt partner) are weighted by how long ago they were last offered — done
//! or skipped alike, so skipping a prompt does not push its step harder — and "early" prompts
//! weigh more in the first [`EARLY_DAYS`] days. Candidates are ranked by weighted random keys
//! (Efraimidis–Spirakis), so the day's prompt is the first and "another one" walks down the
//! same list. Weights make long waits unlikely; [`MAX_UNOFFERED_DAYS`] makes them impossible:
//! a focus not offered for that long goes first.

use std::collections::HashMap;

use ring::digest;

use super::content::{Content, Focus, Prompt, Stage};
use super::history::History;
use crate::vault::Role;

/// Days a prompt rests after it was offered before it can be chosen again, while the
/// library has others.
pub const REST_DAYS: i32 = 90;
/// The shorter rest kept when the full one cannot be: at three prompts a day.
pub const SHORT_REST_DAYS: i32 = 45;
/// Days from the program's first day before "later" prompts are offered.
pub const LATER_FROM_DAYS: i32 = 28;
/// Days from the program's first day during which "early" prompts weigh more.
pub const EARLY_DAYS: i32 = 42;
/// How much more an "early" prompt weighs in the first [`EARLY_DAYS`].
const EARLY_WEIGHT: f64 = 3.0;
/// The longest a focus (a step, or a theme) goes without being offered.
pub const MAX_UNOFFERED_DAYS: i32 = 21;
/// The weight a focus gets per day since it was last offered, capped at this many days.
const MAX_WAIT_DAYS: i32 = 60;

/// A uniform number in (0, 1] from the seed, the day and a prompt id.
fn uniform(seed: &[u8; 32], day: i32, id: &str) -> f64 {
    let mut ctx = digest::Context::new(&digest::SHA256);
    ctx.update(seed);
    ctx.update(&day.to_le_bytes());
    ctx.update(id.as_bytes());
    let d = ctx.finish();
    let mut x = [0u8; 8];
    x.copy_from_slice(&d.as_ref()[..8]);
    // 53 random bits, shifted away from zero.
    ((u64::from_le_bytes(x) >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// How much a focus is owed: days since it was last offered (never: the maximum), plus one.
fn focus_weight(history: &History, focus: &Focus, day: i32) -> f64 {
    let waited = history
        .last_offered(focus, day)
        .map_or(MAX_WAIT_DAYS, |last| (day - last).clamp(0, MAX_WAIT_DAYS));
    f64::from(waited + 1)
}

/// Whether `p` fits on `day`, `days_in` days into the program: its stage has come, and the
/// prompt before it in its sequence (if any) was offered on an earlier day.
fn fits(
    p: &Prompt,
    days_in: i32,
    day: i32,
    history: &History,
    before: &HashMap<(&str, i32), &str>,
) -> bool {
    if p.stage == Stage::Later && days_in < LATER_FROM_DAYS {
        return false;
    }
    match &p.sequence {
        Some(seq) if seq.place > 1 => before
            .get(&(seq.key.as_str(), seq.place - 1))
            .is_some_and(|id| history.last_shown(id, day).is_some()),
        _ => true,
    }
}

/// Today's candidates for `role`, best first. The first is the day's prompt; the rest are
/// the alternatives "another one" offers, in order.
pub fn ranked<'c>(
    content: &'c Content,
    role: Role,
    seed: &[u8; 32],
    day: i32,
    history: &History,
) -> Vec<&'c Prompt> {
    let days_in = history.first_day().map_or(0, |first| day - first);
    let places: HashMap<(&str, i32), &str> = content
        .prompts
        .iter()
        .filter_map(|p| p.sequence.as_ref().map(|s| ((s.key.as_str(), s.place), p.id.as_str())))
        .collect();
    let fitting: Vec<&Prompt> = content
        .prompts
        .iter()
        .filter(|p| p.role == role && fits(p, days_in, day, history, &places))
        .collect();
    // Three tiers: rested for the full rest, rested for the shorter rest that a busy pace
    // (three prompts a day) can keep, and the rest, longest-rested first. The day's prompt and
    // each "another one" come from the first tier that has any.
    let rested_for =
        |p: &Prompt| history.last_shown(&p.id, day).map_or(i32::MAX, |last| day - last);
    let (rested, resting): (Vec<&Prompt>, Vec<&Prompt>) =
        fitting.into_iter().partition(|p| rested_for(p) >= REST_DAYS);
    let (short_rested, mut resting): (Vec<&Prompt>, Vec<&Prompt>) =
        resting.into_iter().partition(|p| rested_for(p) >= SHORT_REST_DAYS);
    resting.sort_by_key(|p| (std::cmp::Reverse(rested_for(p)), p.id.as_str()));
    let early = days_in < EARLY_DAYS;
    let mut list = weighted(rested, seed, day, history, early);
    list.extend(weighted(short_rested, seed, day, history, early));
    list.extend(resting);
    list
}

/// `prompts` ranked by weighted random keys, a focus waiting past [`MAX_UNOFFERED_DAYS`] first.
fn weighted<'c>(
    prompts: Vec<&'c Prompt>,
    seed: &[u8; 32],
    day: i32,
    history: &History,
    early: bool,
) -> Vec<&'c Prompt> {
    let mut per_focus: HashMap<&Focus, usize> = HashMap::new();
    for p in &prompts {
        *per_focus.entry(&p.focus).or_default() += 1;
    }
    let mut keyed: Vec<(f64, &Prompt)> = prompts
        .into_iter()
        .map(|p| {
            // Each focus's weight is shared among its prompts here, so a focus with many
            // prompts is not favoured over one with few.
            let mut weight = focus_weight(history, &p.focus, day) / per_focus[&p.focus] as f64;
            if early && p.stage == Stage::Early {
                weight *= EARLY_WEIGHT;
            }
            let key = -uniform(seed, day, &p.id).ln() / weight;
            (key, p)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut list: Vec<&Prompt> = keyed.into_iter().map(|(_, p)| p).collect();
    if let Some(focus) = most_overdue(history, list.iter().map(|p| &p.focus), day)
        && let Some(pos) = list.iter().position(|p| &p.focus == focus)
    {
        let overdue = list.remove(pos);
        list.insert(0, overdue);
    }
    list
}

/// The focus that has waited longest past [`MAX_UNOFFERED_DAYS`] without being offered.
fn most_overdue<'f>(
    history: &History,
    focuses: impl Iterator<Item = &'f Focus>,
    day: i32,
) -> Option<&'f Focus> {
    let since_start = history.first_day()?;
    focuses
        .map(|f| (day - history.last_offered(f, day).unwrap_or(since_start), f))
        .filter(|(waited, _)| *waited >= MAX_UNOFFERED_DAYS)
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| format!("{:?}", b.1).cmp(&format!("{:?}", a.1))))
        .map(|(_, f)| f)
}
