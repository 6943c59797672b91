//! The letter check's answer: phrasing in a remorse letter, a story or a validation note that
//! the program teaches to avoid — asking for forgiveness, comfort or trust, hurrying healing,
//! closing the subject, regretting being found out, a conditional apology, softening,
//! shrinking, justifying, blaming circumstances or the partner — each with the program's
//! label and a rewrite. It only points; the person decides what to change.

/// Why a span was flagged.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhrasingReason {
    /// Asks the hurt partner to forgive, or for another chance.
    AsksForgiveness,
    /// Regrets being found out rather than the act ("sorry you found out").
    Regret,
    /// A conditional or vague apology ("if you were hurt", "any hurt I may have caused").
    Conditional,
    /// Turns toward the writer's own pain and asks to be comforted.
    AsksForComfort,
    /// Hurries healing along ("move on", "put it behind us").
    RushesHealing,
    /// Presses to stop talking about it ("stop bringing it up").
    Silences,
    /// Asks for trust, or sets a timeline for healing or trust.
    DemandsTrust,
    /// Softens what happened into something vague ("things happened").
    Euphemism,
    /// Makes the affair or the other person sound smaller ("it meant nothing", "a mistake").
    Minimises,
    /// Explains the affair as reasonable, inevitable or out of the writer's hands, or as the
    /// answer to needs that went unmet.
    Justifies,
    /// Lays the cause on circumstances ("stress at work", "I was drunk").
    BlamesCircumstance,
    /// Puts blame on the hurt partner, or shares it out.
    Blames,
}

impl PhrasingReason {
    /// Every reason.
    pub const ALL: [PhrasingReason; 12] = [
        Self::AsksForgiveness,
        Self::Regret,
        Self::Conditional,
        Self::AsksForComfort,
        Self::RushesHealing,
        Self::Silences,
        Self::DemandsTrust,
        Self::Euphemism,
        Self::Minimises,
        Self::Justifies,
        Self::BlamesCircumstance,
        Self::Blames,
    ];

    /// The key the content names it by.
    pub fn key(self) -> &'static str {
        match self {
            Self::AsksForgiveness => "asks-forgiveness",
            Self::Regret => "regret",
            Self::Conditional => "conditional",
            Self::AsksForComfort => "asks-for-comfort",
            Self::RushesHealing => "rushes-healing",
            Self::Silences => "silences",
            Self::DemandsTrust => "demands-trust",
            Self::Euphemism => "euphemism",
            Self::Minimises => "minimises",
            Self::Justifies => "justifies",
            Self::BlamesCircumstance => "blames-circumstance",
            Self::Blames => "blames",
        }
    }

    /// The reason the content calls `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// One flagged span of a draft.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhrasingFlag {
    /// Where it starts, in Unicode scalar values from the start of the text.
    pub start: u32,
    /// Where it ends (exclusive), likewise.
    pub end: u32,
    /// The flagged words as written.
    pub excerpt: String,
    /// Why.
    pub reason: PhrasingReason,
    /// Why, in words to show beside the span.
    pub label: String,
    /// A rewrite to consider.
    pub suggestion: String,
}
