//! The language engine measured on its corpus (`tests/data/language/`): sentences written for
//! it in three sets — danger of each kind, ordinary journal sentences that must not raise
//! danger, and remorse-letter sentences, harmful of each kind or accountable. The grammar was
//! tuned on `tuning/`, except every fourth sentence, which was kept back and only counted;
//! `held-out/` was written separately, by other hands and in other words, and neither the
//! grammar nor the model was ever tuned on it. This test prints precision and recall for each
//! kind on all three, and the held-out figures against their targets. The targets are not
//! all met (docs/LANGUAGE.md says by how much); the test fails when a held-out figure falls
//! below the engine as shipped, so that no change makes it worse unnoticed.
//!
//! `MEND_LANGUAGE_MISSES=1` also prints the tuning sentences (never the kept-back or held-out
//! ones) the grammar gets wrong, for whoever tunes it.

#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]

use std::collections::BTreeMap;

use mend_core::language::{self, DangerKind};

/// One labelled sentence.
struct Example {
    labels: Vec<String>,
    text: String,
}

/// Which sentences of a file: the tuning part read while tuning, the part kept back, or all.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Read,
    KeptBack,
    All,
}

fn load(set: &str, file: &str, part: Part) -> Vec<Example> {
    let path = format!("{}/tests/data/language/{set}/{file}.tsv", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .enumerate()
        .filter(|(i, _)| match part {
            Part::All => true,
            Part::Read => i % 4 != 3,
            Part::KeptBack => i % 4 == 3,
        })
        .map(|(_, l)| {
            let (labels, text) = l.split_once('\t').unwrap();
            Example {
                labels: labels.split(',').map(str::to_owned).collect(),
                text: text.to_owned(),
            }
        })
        .collect()
}

/// The corpus names the kinds of danger for people; the engine by key.
fn danger_key(label: &str) -> &str {
    match label {
        "harm-others" => DangerKind::HarmToOthers.key(),
        "threat-control" => DangerKind::ThreatOrControl.key(),
        "fear-violence" => DangerKind::FearOrViolence.key(),
        other => other,
    }
}

/// A bound a figure must keep.
#[derive(Clone, Copy)]
enum Bound {
    AtLeast(f64),
    AtMost(f64),
}

impl Bound {
    fn holds(self, value: f64) -> bool {
        match self {
            Bound::AtLeast(b) => value >= b,
            Bound::AtMost(b) => value <= b,
        }
    }
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::AtLeast(b) => write!(f, ">= {b:.2}"),
            Bound::AtMost(b) => write!(f, "<= {b:.2}"),
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Count {
    labelled: u32,
    found: u32,
    right: u32,
}

impl Count {
    fn recall(&self) -> f64 {
        if self.labelled == 0 { 1.0 } else { f64::from(self.right) / f64::from(self.labelled) }
    }
    fn precision(&self) -> f64 {
        if self.found == 0 { 1.0 } else { f64::from(self.right) / f64::from(self.found) }
    }
}

/// Danger: recall and precision per kind, and the share of ordinary sentences raising any.
struct DangerFigures {
    kinds: BTreeMap<String, Count>,
    ordinary: u32,
    ordinary_raised: u32,
}

fn measure_danger(danger: &[Example], ordinary: &[Example], show: bool) -> DangerFigures {
    let mut kinds: BTreeMap<String, Count> = BTreeMap::new();
    for e in danger.iter().chain(ordinary) {
        let found: Vec<&str> =
            language::danger_in(&e.text).unwrap().iter().map(|k| k.key()).collect();
        let truth: Vec<&str> =
            e.labels.iter().map(|l| danger_key(l)).filter(|l| *l != "none").collect();
        for kind in DangerKind::ALL.map(DangerKind::key) {
            let c = kinds.entry(kind.to_owned()).or_default();
            let (t, f) = (truth.contains(&kind), found.contains(&kind));
            c.labelled += u32::from(t);
            c.found += u32::from(f);
            c.right += u32::from(t && f);
            if show && t && !f {
                println!("missed {kind}: {}", e.text);
            }
        }
        if show && truth.is_empty() && !found.is_empty() {
            println!("raised {found:?}: {}", e.text);
        }
    }
    let ordinary_raised =
        ordinary.iter().filter(|e| !language::danger_in(&e.text).unwrap().is_empty()).count();
    DangerFigures {
        kinds,
        ordinary: ordinary.len() as u32,
        ordinary_raised: ordinary_raised as u32,
    }
}

/// The letter check: per harmful kind, how many were flagged at all and how many for the
/// right reason; and the share of accountable sentences flagged.
struct LetterFigures {
    kinds: BTreeMap<String, (Count, u32)>,
    accountable: u32,
    accountable_flagged: u32,
}

impl LetterFigures {
    fn harmful_recall(&self) -> f64 {
        let (flagged, all) =
            self.kinds.values().fold((0, 0), |(f, a), (c, _)| (f + c.right, a + c.labelled));
        f64::from(flagged) / f64::from(all.max(1))
    }
}

fn measure_letter(letter: &[Example], show: bool) -> LetterFigures {
    let mut kinds: BTreeMap<String, (Count, u32)> = BTreeMap::new();
    let (mut accountable, mut accountable_flagged) = (0, 0);
    for e in letter {
        let check = mend_core::tools::check_letter(&e.text).unwrap();
        let reasons: Vec<&str> = check.flags.iter().map(|f| f.reason.key()).collect();
        if e.labels == ["accountable"] {
            accountable += 1;
            if !reasons.is_empty() {
                accountable_flagged += 1;
                if show {
                    println!("flagged {reasons:?}: {}", e.text);
                }
            }
            continue;
        }
        for label in &e.labels {
            let (c, right_reason) = kinds.entry(label.clone()).or_default();
            c.labelled += 1;
            if !reasons.is_empty() {
                c.right += 1;
            } else if show {
                println!("missed {label}: {}", e.text);
            }
            *right_reason += u32::from(reasons.contains(&label.as_str()));
        }
        for r in &reasons {
            kinds.entry((*r).to_owned()).or_default().0.found += 1;
        }
    }
    LetterFigures { kinds, accountable, accountable_flagged }
}

fn print_danger(title: &str, f: &DangerFigures) {
    println!("\n{title}: danger");
    println!("  {:<20} {:>9} {:>7} {:>9}", "kind", "sentences", "recall", "precision");
    for (kind, c) in &f.kinds {
        println!("  {kind:<20} {:>9} {:>7.3} {:>9.3}", c.labelled, c.recall(), c.precision());
    }
    println!(
        "  ordinary sentences raising danger: {} of {} ({:.1} %)",
        f.ordinary_raised,
        f.ordinary,
        100.0 * f64::from(f.ordinary_raised) / f64::from(f.ordinary.max(1))
    );
}

fn print_letter(title: &str, f: &LetterFigures) {
    println!("\n{title}: letter phrasing");
    println!("  {:<20} {:>9} {:>8} {:>12}", "reason", "sentences", "flagged", "right reason");
    for (kind, (c, right)) in &f.kinds {
        if c.labelled > 0 {
            println!(
                "  {kind:<20} {:>9} {:>8.3} {:>12.3}",
                c.labelled,
                c.recall(),
                f64::from(*right) / f64::from(c.labelled)
            );
        }
    }
    println!("  harmful sentences flagged: {:.3}", f.harmful_recall());
    println!(
        "  accountable sentences flagged: {} of {} ({:.1} %)",
        f.accountable_flagged,
        f.accountable,
        100.0 * f64::from(f.accountable_flagged) / f64::from(f.accountable.max(1))
    );
}

#[test]
fn the_engine_meets_its_targets_on_sentences_it_was_never_tuned_on() {
    let show = std::env::var_os("MEND_LANGUAGE_MISSES").is_some();
    for (title, set, part) in [
        ("Tuning (read)", "tuning", Part::Read),
        ("Tuning (kept back)", "tuning", Part::KeptBack),
        ("Held out", "held-out", Part::All),
    ] {
        let show = show && part == Part::Read;
        let danger = measure_danger(&load(set, "danger", part), &load(set, "ordinary", part), show);
        let letter = measure_letter(&load(set, "letter", part), show);
        print_danger(title, &danger);
        print_letter(title, &letter);
        if set != "held-out" {
            continue;
        }
        let recall = |k: DangerKind| danger.kinds[k.key()].recall();
        let ordinary_rate = f64::from(danger.ordinary_raised) / f64::from(danger.ordinary);
        let accountable_rate =
            f64::from(letter.accountable_flagged) / f64::from(letter.accountable);
        let figures = [
            (
                "self-harm recall",
                recall(DangerKind::SelfHarm),
                Bound::AtLeast(0.95),
                Bound::AtLeast(0.60),
            ),
            (
                "threat and control recall",
                recall(DangerKind::ThreatOrControl),
                Bound::AtLeast(0.90),
                Bound::AtLeast(0.84),
            ),
            (
                "ordinary sentences raising danger",
                ordinary_rate,
                Bound::AtMost(0.05),
                Bound::AtMost(0.16),
            ),
            (
                "letter phrasing recall",
                letter.harmful_recall(),
                Bound::AtLeast(0.80),
                Bound::AtLeast(0.60),
            ),
            (
                "accountable sentences flagged",
                accountable_rate,
                Bound::AtMost(0.10),
                Bound::AtMost(0.15),
            ),
        ];
        println!("\nHeld out, against the targets (docs/LANGUAGE.md):");
        let mut failures = Vec::new();
        for (what, value, target, floor) in figures {
            let met = if target.holds(value) { "met" } else { "NOT MET" };
            println!("  {what:<36} {value:.3}   target {target}: {met}   regression bound {floor}");
            if !floor.holds(value) {
                failures.push(what);
            }
        }
        assert!(failures.is_empty(), "worse than the engine as shipped on: {failures:?}");
    }
}

#[test]
fn the_corpus_is_large_enough_and_its_labels_are_known() {
    let danger_labels =
        ["self-harm", "harm-others", "threat-control", "fear-violence", "child-safety"];
    let mut letter = 0;
    let mut danger = 0;
    let mut ordinary = 0;
    for set in ["tuning", "held-out"] {
        for e in load(set, "danger", Part::All) {
            assert!(e.labels.iter().all(|l| danger_labels.contains(&l.as_str())), "{:?}", e.labels);
            danger += 1;
        }
        for e in load(set, "ordinary", Part::All) {
            assert_eq!(e.labels, ["none"]);
            ordinary += 1;
        }
        for e in load(set, "letter", Part::All) {
            assert!(
                e.labels == ["accountable"]
                    || e.labels
                        .iter()
                        .all(|l| mend_core::language::PhrasingReason::from_key(l).is_some()),
                "{:?}",
                e.labels
            );
            letter += 1;
        }
    }
    assert!(letter >= 800 && danger >= 500 && ordinary >= 500, "{letter} {danger} {ordinary}");
}

#[test]
fn the_model_was_trained_from_the_corpus_and_grammar_as_they_are() {
    let root = env!("CARGO_MANIFEST_DIR");
    let sources: Vec<Vec<u8>> = mend_core::language::model::SOURCES
        .iter()
        .map(|p| std::fs::read(format!("{root}/{p}")).unwrap())
        .collect();
    let model = std::fs::read(format!("{root}/content/en/language-model.bin")).unwrap();
    let model = mend_core::language::model::Model::parse(&model).unwrap();
    assert_eq!(
        model.source,
        mend_core::language::model::source_hash(&sources),
        "retrain: cargo run -p mend-core --release --example train-language"
    );
}
