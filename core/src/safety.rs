//! What Mend offers when it notices danger in what someone saved, or in their check-ins: one
//! help card for every client, its words and the lines to reach first for the person's
//! place and situation. Help is an offer, never a block: every write saves first and then
//! asks this module whether to offer help. The card never repeats what the person wrote.

use std::sync::RwLock;

use crate::error::Result;
use crate::language::{self, DangerKind};
use crate::program::content::{Content, HelpResource, ResourceKind};
use crate::tools::CheckIn;

/// Why check-ins brought the offer.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInConcern {
    /// Safety at or below [`LOW_SAFETY`], or low twice within a week.
    LowSafety,
    /// Trust or connection at or below [`LOW_SCORE`] twice within a week.
    LowScores,
}

/// A safety score at or below this brings the offer at once.
pub const LOW_SAFETY: i32 = 2;
/// A score at or below this, in the same measure on two check-ins within a week, brings it.
pub const LOW_SCORE: i32 = 3;

/// The help card offered after something was saved.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpOffer {
    /// The danger noticed, each kind once, most urgent first.
    pub danger: Vec<DangerKind>,
    /// Whether check-ins brought the offer, and why.
    pub check_ins: Option<CheckInConcern>,
    /// The card's heading.
    pub title: String,
    /// What it says, a paragraph each; the first says that what was written is saved.
    pub paragraphs: Vec<String>,
    /// The lines to reach first, for the person's place and what was noticed.
    pub lines: Vec<HelpResource>,
}

/// The region whose lines come first, as an ISO 3166 code.
static REGION: RwLock<Option<String>> = RwLock::new(None);

/// Chooses whose help lines come first from the device's language tag (`en-GB`, `de_AT`)
/// and its time zone (`Europe/Berlin`): the country of the time zone when it is one with
/// help lines (where the phone is), otherwise the tag's region. Returns the region in use.
pub fn set_place(locale: &str, time_zone: Option<&str>) -> Option<String> {
    let region = region_of(locale, time_zone);
    if let Ok(mut r) = REGION.write() {
        r.clone_from(&region);
    }
    region
}

/// The region [`set_place`] chose, if any.
pub fn region() -> Option<String> {
    REGION.read().ok().and_then(|r| r.clone())
}

/// The region of a language tag and a time zone, by the rule [`set_place`] describes.
pub fn region_of(locale: &str, time_zone: Option<&str>) -> Option<String> {
    let from_zone = time_zone.and_then(|zone| {
        let content = Content::current().ok()?;
        content.zones.iter().find(|(z, _)| z == zone).map(|(_, country)| country.clone())
    });
    from_zone.or_else(|| {
        // The region is the first two-letter part after the language (`zh-Hant-TW` → TW);
        // an encoding or modifier (`en_GB.UTF-8@euro`) is not part of it.
        let tag = locale.split(['.', '@']).next().unwrap_or_default();
        tag.split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|r| match r.to_ascii_uppercase().as_str() {
                "UK" => "GB".to_owned(),
                other => other.to_owned(),
            })
    })
}

/// The danger in the free text of one write, every field read.
pub fn danger_in(texts: &[&str]) -> Result<Vec<DangerKind>> {
    let mut found: Vec<DangerKind> = Vec::new();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        found.extend(language::danger_in(text)?);
    }
    Ok(DangerKind::in_order(&found))
}

/// Whether a check-in, with the others of the week before it, brings the offer: safety at
/// or below [`LOW_SAFETY`], or the same measure at or below [`LOW_SCORE`] twice within seven
/// days (safety first).
pub fn check_in_concern(current: &CheckIn, earlier: &[&CheckIn]) -> Option<CheckInConcern> {
    let day = current.date.day_number().ok()?;
    let week: Vec<&&CheckIn> = earlier
        .iter()
        .filter(|c| c.date != current.date)
        .filter(|c| c.date.day_number().is_ok_and(|d| d <= day && day - d < 7))
        .collect();
    let twice = |score: fn(&CheckIn) -> i32| {
        score(current) <= LOW_SCORE && week.iter().any(|c| score(c) <= LOW_SCORE)
    };
    if current.safety <= LOW_SAFETY || twice(|c| c.safety) {
        Some(CheckInConcern::LowSafety)
    } else if twice(|c| c.trust) || twice(|c| c.connection) {
        Some(CheckInConcern::LowScores)
    } else {
        None
    }
}

/// The help card for what was noticed, or none when nothing was.
pub fn offer(
    danger: &[DangerKind],
    check_ins: Option<CheckInConcern>,
) -> Result<Option<HelpOffer>> {
    if danger.is_empty() && check_ins.is_none() {
        return Ok(None);
    }
    let content = Content::current()?;
    let w = &content.offer_words;
    let has = |k: DangerKind| danger.contains(&k);
    let unsafe_home = has(DangerKind::ThreatOrControl)
        || has(DangerKind::FearOrViolence)
        || has(DangerKind::ChildSafety)
        || check_ins == Some(CheckInConcern::LowSafety);
    let own_behaviour = has(DangerKind::ThreatOrControl) || has(DangerKind::HarmToOthers);
    let title = if has(DangerKind::SelfHarm) {
        &w.self_harm_title
    } else if !danger.is_empty() {
        &w.danger_title
    } else if check_ins == Some(CheckInConcern::LowSafety) {
        &w.low_safety_title
    } else {
        &w.low_scores_title
    };
    let mut paragraphs = vec![w.saved.clone()];
    if has(DangerKind::SelfHarm) {
        paragraphs.push(w.self_harm.clone());
    }
    if danger.iter().any(|k| *k != DangerKind::SelfHarm) {
        paragraphs.push(w.danger.clone());
    }
    if danger.is_empty() {
        paragraphs.push(match check_ins {
            Some(CheckInConcern::LowSafety) => w.low_safety.clone(),
            _ => w.low_scores.clone(),
        });
    }
    if has(DangerKind::ChildSafety) {
        paragraphs.push(w.child.clone());
    }
    if unsafe_home {
        paragraphs.push(w.couples_work_waits.clone());
    }
    if own_behaviour {
        paragraphs.push(w.own_behaviour.clone());
    }
    // The lines, in the order they are needed: a crisis line first for self-harm, abuse
    // lines first for danger at home, emergency services with either.
    let mut kinds = Vec::new();
    if has(DangerKind::SelfHarm) || check_ins == Some(CheckInConcern::LowScores) {
        kinds.push(ResourceKind::Crisis);
    }
    if unsafe_home {
        kinds.push(ResourceKind::Abuse);
    }
    kinds.push(ResourceKind::Emergency);
    if own_behaviour {
        kinds.push(ResourceKind::Perpetrator);
    }
    if has(DangerKind::HarmToOthers) || check_ins == Some(CheckInConcern::LowSafety) {
        kinds.push(ResourceKind::Crisis);
    }
    let help = content.help.for_region(region().as_deref());
    let region = region();
    let mut lines: Vec<HelpResource> = Vec::new();
    for kind in kinds {
        for r in
            help.resources.iter().filter(|r| r.kind == kind && Some(&r.country) == region.as_ref())
        {
            if !lines.contains(r) {
                lines.push(r.clone());
            }
        }
    }
    // Wherever the person is, a directory of lines everywhere.
    lines.extend(help.resources.iter().filter(|r| r.kind == ResourceKind::Directory).cloned());
    Ok(Some(HelpOffer {
        danger: danger.to_vec(),
        check_ins,
        title: title.clone(),
        paragraphs,
        lines,
    }))
}

/// The offer for one write's free text, and for a check-in's scores if it was one.
pub fn offer_for(texts: &[&str], check_ins: Option<CheckInConcern>) -> Result<Option<HelpOffer>> {
    offer(&danger_in(texts)?, check_ins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarDate;

    fn check_in(day: i32, safety: i32, trust: i32, connection: i32) -> CheckIn {
        CheckIn {
            date: CalendarDate::from_day_number(20_000 + day),
            safety,
            trust,
            connection,
            note: String::new(),
        }
    }

    #[test]
    fn low_safety_or_the_same_low_score_twice_in_a_week_brings_the_offer() {
        let today = check_in(10, 2, 8, 8);
        assert_eq!(check_in_concern(&today, &[]), Some(CheckInConcern::LowSafety));
        let today = check_in(10, 3, 8, 8);
        assert_eq!(check_in_concern(&today, &[]), None, "3 once is not yet a concern");
        let earlier = check_in(5, 3, 8, 8);
        assert_eq!(check_in_concern(&today, &[&earlier]), Some(CheckInConcern::LowSafety));
        let long_ago = check_in(2, 1, 8, 8);
        assert_eq!(check_in_concern(&today, &[&long_ago]), None, "eight days ago is not this week");
        let today = check_in(10, 8, 1, 7);
        let earlier = check_in(9, 8, 3, 7);
        assert_eq!(check_in_concern(&today, &[&earlier]), Some(CheckInConcern::LowScores));
        let other_measure = check_in(9, 8, 8, 2);
        assert_eq!(check_in_concern(&today, &[&other_measure]), None, "the same measure twice");
    }

    #[test]
    fn the_region_comes_from_the_time_zone_before_the_language_tag() {
        assert_eq!(region_of("en-US", Some("Europe/Berlin")).as_deref(), Some("DE"));
        assert_eq!(region_of("en_GB.UTF-8", None).as_deref(), Some("GB"));
        assert_eq!(region_of("zh-Hant-TW", Some("Nowhere/Unknown")).as_deref(), Some("TW"));
        assert_eq!(region_of("en-UK", None).as_deref(), Some("GB"));
        assert_eq!(region_of("C", None), None);
    }

    #[test]
    fn the_card_fits_what_was_noticed_and_never_repeats_the_text() {
        set_place("de-DE", Some("Europe/Berlin"));
        let harm = offer(&[DangerKind::SelfHarm], None).unwrap().unwrap();
        assert_eq!(harm.lines[0].kind, ResourceKind::Crisis, "a crisis line first");
        assert!(harm.lines.iter().all(|l| l.country == "DE" || l.country == "ALL"));
        let control = offer(&[DangerKind::ThreatOrControl], None).unwrap().unwrap();
        assert_eq!(control.lines[0].kind, ResourceKind::Abuse, "abuse lines first");
        let words = &Content::current().unwrap().offer_words;
        assert!(control.paragraphs.contains(&words.couples_work_waits));
        assert!(control.paragraphs.contains(&words.own_behaviour));
        assert!(!harm.paragraphs.contains(&words.couples_work_waits));
        assert_eq!(offer(&[], None).unwrap(), None);
        let low = offer(&[], Some(CheckInConcern::LowSafety)).unwrap().unwrap();
        assert_eq!(low.title, words.low_safety_title);
    }
}
