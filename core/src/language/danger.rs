//! The kinds of danger the engine listens for in anything a person writes. Recall comes
//! first: help offered once too often costs little, and danger missed can cost a life.

/// A kind of danger found in what someone wrote.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DangerKind {
    /// Thoughts of suicide or self-harm, active or passive: wishing not to wake up, feeling a
    /// burden, saying goodbye, means and plans.
    SelfHarm,
    /// Wanting, planning or threatening to hurt someone else.
    HarmToOthers,
    /// Threats and coercive control, made or suffered: over the children, secrets, money,
    /// the phone, where someone may go and whom they may see.
    ThreatOrControl,
    /// Fear of a partner, or violence that happened.
    FearOrViolence,
    /// A child's safety.
    ChildSafety,
}

impl DangerKind {
    /// Every kind, in the order help answers them.
    pub const ALL: [DangerKind; 5] = [
        Self::SelfHarm,
        Self::ThreatOrControl,
        Self::FearOrViolence,
        Self::ChildSafety,
        Self::HarmToOthers,
    ];

    /// The key the content and the terminal client name it by.
    pub fn key(self) -> &'static str {
        match self {
            Self::SelfHarm => "self-harm",
            Self::HarmToOthers => "harm-to-others",
            Self::ThreatOrControl => "threat-or-control",
            Self::FearOrViolence => "fear-or-violence",
            Self::ChildSafety => "child-safety",
        }
    }

    /// The kind the content calls `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kinds among `found`, each once, in the order help answers them.
    pub fn in_order(found: &[DangerKind]) -> Vec<DangerKind> {
        Self::ALL.into_iter().filter(|k| found.contains(k)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::DangerKind;

    #[test]
    fn keys_name_each_kind_once() {
        for kind in DangerKind::ALL {
            assert_eq!(DangerKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(DangerKind::from_key("self harm"), None);
    }

    #[test]
    fn kinds_come_in_the_order_help_answers_them() {
        use DangerKind::*;
        let found = [ChildSafety, SelfHarm, ChildSafety, FearOrViolence];
        assert_eq!(DangerKind::in_order(&found), vec![SelfHarm, FearOrViolence, ChildSafety]);
    }
}
