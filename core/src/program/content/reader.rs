//! Reads the content that build.rs compiled from `content/<language>/*.toml` into the
//! [`Content`] types, failing on any field that is missing or of the wrong shape.

use super::Content;
use super::keys::*;
use super::types::*;
use super::words::{ScreenWords, Wording};
use crate::error::{Error, Result};
use crate::language::{DangerKind, PhrasingReason};
use crate::program::node::{Fields, Node};
use crate::vault::Role;

const BAD: Error = Error::Damaged("the built-in program content is malformed");

fn read_prompt(
    p: &Fields,
    role: Role,
    focus: &Focus,
    stage: Stage,
    module: Option<&str>,
) -> Result<Prompt> {
    let kind_key = p.text("kind")?;
    let kind = PromptKind::ALL.into_iter().find(|k| k.key() == kind_key).ok_or(BAD)?;
    let minutes: u8 = p.number("minutes")?;
    let stage = match p.opt_text("stage")? {
        Some(key) => read_stage(&key)?,
        None => stage,
    };
    let sequence = match (p.opt_text("sequence")?, p.get("place")) {
        (Some(key), Some(_)) => Some(PromptSequence { key, place: p.number("place")? }),
        (None, None) => None,
        _ => return Err(BAD),
    };
    Ok(Prompt {
        id: p.text("id")?,
        role,
        focus: focus.clone(),
        kind,
        minutes: i32::from(minutes),
        text: p.text("text")?,
        follow_up: p.opt_text("follow_up")?,
        stage,
        sequence,
        module: module.map(str::to_owned),
        transparency: p.flag("transparency")?,
    })
}

fn read_role(key: &str) -> Result<Role> {
    match key {
        "repairing" => Ok(Role::Repairing),
        "hurt" => Ok(Role::Hurt),
        _ => Err(BAD),
    }
}

fn read_stage(key: &str) -> Result<Stage> {
    [Stage::Early, Stage::Any, Stage::Later].into_iter().find(|s| s.key() == key).ok_or(BAD)
}

impl Content {
    /// Reads a language's content as build.rs encoded it (inflated).
    pub fn parse(encoded: &'static [u8]) -> Result<Self> {
        let blob = Node::decode(encoded)?;
        let top = blob.fields(&["program", "groups", "language", "model", "screens"])?;
        let mut content = Self::read(top.node("program")?, top.node("groups")?)?;
        content.language_words = read_language(top.node("language")?)?;
        content.language_model = top.opt_bytes("model")?;
        content.screens = read_screens(top.node("screens")?)?;
        Ok(content)
    }

    fn read(program: &Node, groups: &Node) -> Result<Self> {
        let top = program.fields(&[
            "version",
            "language",
            "step",
            "theme",
            "module",
            "help",
            "notifications",
            "milestone",
            "worksheet",
        ])?;
        let steps = top.each(
            "step",
            &[
                "number",
                "key",
                "title",
                "summary",
                "why",
                "practices",
                "phrases",
                "cautions",
                "reflections",
            ],
            |f| {
                Ok(Step {
                    number: f.number("number")?,
                    key: f.text("key")?,
                    title: f.text("title")?,
                    summary: f.text("summary")?,
                    why: f.text("why")?,
                    practices: f.texts("practices")?,
                    phrases: f.texts("phrases")?,
                    cautions: f.texts("cautions")?,
                    reflections: f.texts("reflections")?,
                })
            },
        )?;
        let themes = top.each(
            "theme",
            &["key", "title", "summary", "practices", "phrases", "cautions", "reflections"],
            |f| {
                Ok(Theme {
                    key: f.text("key")?,
                    title: f.text("title")?,
                    summary: f.text("summary")?,
                    practices: f.texts("practices")?,
                    phrases: f.texts("phrases")?,
                    cautions: f.texts("cautions")?,
                    reflections: f.texts("reflections")?,
                })
            },
        )?;
        let h = top.node("help")?.fields(&[
            "intro",
            "therapist",
            "crisis",
            "local_note",
            "coercion",
            "transparency",
            "red_flags_title",
            "red_flags",
            "resources",
            "get_help_now",
            "local_note_offline",
            "searched_title",
            "searched",
            "offer",
            "zones",
        ])?;
        let help = Help {
            intro: h.text("intro")?,
            therapist: h.text("therapist")?,
            crisis: h.text("crisis")?,
            resources: h.each(
                "resources",
                &[
                    "country",
                    "place",
                    "kind",
                    "name",
                    "contact",
                    "call",
                    "text",
                    "text_body",
                    "source",
                    "checked",
                ],
                |f| {
                    Ok(HelpResource {
                        country: f.text("country")?,
                        place: f.text("place")?,
                        kind: match f.text("kind")?.as_str() {
                            "emergency" => ResourceKind::Emergency,
                            "crisis" => ResourceKind::Crisis,
                            "abuse" => ResourceKind::Abuse,
                            "directory" => ResourceKind::Directory,
                            "perpetrator" => ResourceKind::Perpetrator,
                            _ => return Err(BAD),
                        },
                        name: f.text("name")?,
                        contact: f.text("contact")?,
                        call: f.text("call")?,
                        text: f.text("text")?,
                        text_body: f.text("text_body")?,
                        source: f.text("source")?,
                        checked: f.text("checked")?,
                    })
                },
            )?,
            here: Vec::new(),
            local_note: h.text("local_note")?,
            coercion: h.text("coercion")?,
            transparency: h.text("transparency")?,
            red_flags_title: h.text("red_flags_title")?,
            red_flags: h.each("red_flags", &["role", "text"], |f| {
                Ok(RedFlag {
                    role: match f.text("role")?.as_str() {
                        "both" => None,
                        "repairing" => Some(Role::Repairing),
                        "hurt" => Some(Role::Hurt),
                        _ => return Err(BAD),
                    },
                    text: f.text("text")?,
                })
            })?,
            get_help_now: h.text("get_help_now")?,
            local_note_offline: h.text("local_note_offline")?,
            searched_title: h.text("searched_title")?,
            searched: h.texts("searched")?,
        };
        let o = h.node("offer")?.fields(OFFER_KEYS)?;
        let offer_words = OfferWords {
            saved: o.text("saved")?,
            self_harm_title: o.text("self_harm_title")?,
            self_harm: o.text("self_harm")?,
            danger_title: o.text("danger_title")?,
            danger: o.text("danger")?,
            couples_work_waits: o.text("couples_work_waits")?,
            own_behaviour: o.text("own_behaviour")?,
            child: o.text("child")?,
            low_safety_title: o.text("low_safety_title")?,
            low_safety: o.text("low_safety")?,
            low_scores_title: o.text("low_scores_title")?,
            low_scores: o.text("low_scores")?,
        };
        let zones = h
            .entries("zones")?
            .iter()
            .map(|(zone, country)| Ok(((*zone).to_owned(), country.text()?)))
            .collect::<Result<Vec<_>>>()?;
        let milestones = top.each("milestone", &["key", "role", "title", "text"], |f| {
            Ok(MilestoneText {
                key: f.text("key")?,
                role: read_role(&f.text("role")?)?,
                title: f.text("title")?,
                text: f.text("text")?,
            })
        })?;
        let modules = top.each(
            "module",
            &["key", "step", "title", "summary", "practices", "phrases", "cautions", "reflections"],
            |f| {
                let step = f.text("step")?;
                Ok(Module {
                    key: f.text("key")?,
                    step: steps.iter().find(|s| s.key == step).map(|s| s.number).ok_or(BAD)?,
                    title: f.text("title")?,
                    summary: f.text("summary")?,
                    practices: f.texts("practices")?,
                    phrases: f.texts("phrases")?,
                    cautions: f.texts("cautions")?,
                    reflections: f.texts("reflections")?,
                })
            },
        )?;
        let worksheets = top.each("worksheet", &["key", "title", "sections"], |f| {
            Ok(WorksheetText {
                key: f.text("key")?,
                title: f.text("title")?,
                sections: f.texts("sections")?,
            })
        })?;
        let n = top.node("notifications")?.fields(&["check_in", "practice"])?;
        let notifications =
            Notifications { check_in: n.text("check_in")?, practice: n.text("practice")? };

        let mut prompts = Vec::new();
        for group in groups.items()? {
            let g = group.fields(GROUP_KEYS)?;
            let module = g.opt_text("module")?;
            let role = read_role(&g.text("role")?)?;
            let focus = match (g.opt_text("step")?, g.opt_text("theme")?) {
                (Some(key), None) => Focus::Step {
                    number: steps.iter().find(|s| s.key == key).map(|s| s.number).ok_or(BAD)?,
                },
                (None, Some(key)) => Focus::Theme { key },
                _ => return Err(BAD),
            };
            let stage = read_stage(&g.text("stage")?)?;
            for p in g.node("prompts")?.items()? {
                let fields = p.fields(PROMPT_KEYS)?;
                prompts.push(read_prompt(&fields, role, &focus, stage, module.as_deref())?);
            }
        }
        Ok(Self {
            version: top.number("version")?,
            language: top.text("language")?,
            steps,
            themes,
            modules,
            prompts,
            help,
            offer_words,
            zones,
            notifications,
            milestones,
            worksheets,
            language_words: LanguageWords::default(),
            language_model: None,
            screens: ScreenWords::default(),
        })
    }
}

fn read_language(node: &Node) -> Result<LanguageWords> {
    let top = node.fields(LANGUAGE_KEYS)?;
    let normalise = top.node("normalise")?.fields(NORMALISE_KEYS)?;
    let replace = normalise
        .entries("replace")?
        .iter()
        .map(|(from, to)| Ok(((*from).to_owned(), to.text()?)))
        .collect::<Result<_>>()?;
    let concepts = top
        .entries("concepts")?
        .iter()
        .map(|(name, phrases)| {
            Ok((
                (*name).to_owned(),
                phrases.items()?.iter().map(Node::text).collect::<Result<_>>()?,
            ))
        })
        .collect::<Result<_>>()?;
    let danger = top.each("danger", DANGER_KEYS, |f| {
        Ok(DangerRules {
            kind: DangerKind::from_key(&f.text("key")?).ok_or(BAD)?,
            rules: f.texts("rules")?,
        })
    })?;
    let phrasing = top.each("phrasing", PHRASING_KEYS, |f| {
        Ok(PhrasingRules {
            reason: PhrasingReason::from_key(&f.text("key")?).ok_or(BAD)?,
            label: f.text("label")?,
            suggestion: f.text("suggestion")?,
            unless: f.texts("unless")?,
            rules: f.texts("rules")?,
        })
    })?;
    Ok(LanguageWords {
        replace,
        clause_words: normalise.texts("clause_words")?,
        participles: normalise.texts("participles")?,
        mendable: normalise.texts("mendable")?,
        concepts,
        accepts: top.texts("accepts")?,
        figurative: top.texts("figurative")?,
        danger,
        phrasing,
        nothing_found: top.text("nothing_found")?,
    })
}

/// The screens' words as build.rs flattened them: each key's text, or its plural forms.
fn read_screens(node: &Node) -> Result<ScreenWords> {
    let top = node.fields(SCREENS_KEYS)?;
    let read = |key: &str| -> Result<Vec<(String, Wording)>> {
        let Node::Table(entries) = top.node(key)? else { return Err(BAD) };
        let mut words = entries
            .iter()
            .map(|(key, value)| {
                let wording = match value {
                    Node::Str(text) => Wording::Plain((*text).to_owned()),
                    Node::Table(forms) => Wording::Counted(
                        forms
                            .iter()
                            .map(|(form, text)| match text {
                                Node::Str(t) if PLURAL_FORMS.contains(form) => {
                                    Ok(((*form).to_owned(), (*t).to_owned()))
                                }
                                _ => Err(BAD),
                            })
                            .collect::<Result<_>>()?,
                    ),
                    _ => return Err(BAD),
                };
                Ok(((*key).to_owned(), wording))
            })
            .collect::<Result<Vec<_>>>()?;
        words.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(words)
    };
    Ok(ScreenWords { common: read("words")?, apple: read("apple")? })
}
