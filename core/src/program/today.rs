//! Choosing the day's prompt.
//!
//! The choice is a pure function of the vault's seed, the date and the practice history
//! *before* that date, so it is the same every time it is asked for on a day, and acting on
//! it today cannot change it. Focuses (steps, or themes for the hurt partner) are weighted by
//! how long ago they were last practised — skipping is not practising, so a skipped step only
//! grows more likely. Prompts seen in the last [`REST_DAYS`] days are left out while the
//! library has others. Candidates are ranked by weighted random keys (Efraimidis–Spirakis),
//! so the day's prompt is the first and "another one" walks down the same list. Weights make
//! long waits unlikely; [`MAX_UNOFFERED_DAYS`] makes them impossible: a focus not offered
//! for that long goes first.

use std::collections::HashMap;

use ring::digest;

use super::content::{Content, Focus, Prompt};
use super::history::History;
use crate::vault::Role;

/// Days a prompt rests after it was shown before it can be chosen again.
pub const REST_DAYS: i32 = 30;
/// The longest a focus (a step, or a theme) goes without being offered.
pub const MAX_UNOFFERED_DAYS: i32 = 21;
/// The weight a focus gets per day since it was last practised, capped at this many days.
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

/// How much a focus is owed: days since it was last practised (never: the maximum), plus one.
fn focus_weight(history: &History, focus: &Focus, day: i32) -> f64 {
    let waited = history
        .last_practised(focus, day)
        .map_or(MAX_WAIT_DAYS, |last| (day - last).clamp(0, MAX_WAIT_DAYS));
    f64::from(waited + 1)
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
    let mine: Vec<&Prompt> = content.prompts.iter().filter(|p| p.role == role).collect();
    let rested: Vec<&Prompt> = mine
        .iter()
        .copied()
        .filter(|p| history.last_shown(&p.id, day).is_none_or(|last| day - last >= REST_DAYS))
        .collect();
    if rested.is_empty() {
        // Everything was seen recently: offer the longest-rested first.
        let mut all = mine;
        all.sort_by_key(|p| (history.last_shown(&p.id, day).unwrap_or(i32::MIN), p.id.as_str()));
        return all;
    }
    let mut per_focus: HashMap<&Focus, usize> = HashMap::new();
    for p in &rested {
        *per_focus.entry(&p.focus).or_default() += 1;
    }
    let mut keyed: Vec<(f64, &Prompt)> = rested
        .into_iter()
        .map(|p| {
            // Each focus's weight is shared among its rested prompts, so a focus with many
            // prompts is not favoured over one with few.
            let weight = focus_weight(history, &p.focus, day) / per_focus[&p.focus] as f64;
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
