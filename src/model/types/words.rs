//! The closed sets of words a model file uses as values (a claim's kind, a review's
//! verdict, a node's stance), each an enum that reads and writes its word.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A closed set of lowercase words used as values in model files.
pub trait Word: Sized + Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// The word used in model files.
    fn word(self) -> &'static str;

    /// The value written as `text`, if any.
    fn from_word(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.word() == text)
    }

    /// The accepted words, for error messages: "`a`, `b` or `c`".
    fn expected() -> String {
        let words: Vec<String> = Self::ALL
            .iter()
            .map(|v| format!("`{}`", v.word()))
            .collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => words.join(""),
        }
    }
}

/// Declares a [`Word`] enum.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }

        impl Word for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn word(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl $name {
            /// The word used in model files.
            pub fn as_str(self) -> &'static str {
                self.word()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// Whether a date is given by the article or worked out by the curator.
    Basis { Stated = "stated", Inferred = "inferred" }
}

word_enum! {
    /// What part of the article a sentence belongs to.
    SentenceRole {
        Headline = "headline",
        Standfirst = "standfirst",
        Boilerplate = "boilerplate",
        Body = "body",
        Byline = "byline",
    }
}

impl SentenceRole {
    /// Whether sentences of this role make claims that the model must cover.
    pub fn carries_claims(self) -> bool {
        matches!(self, Self::Headline | Self::Standfirst | Self::Body)
    }
}

word_enum! {
    /// What sort of party an actor is.
    ActorKind {
        State = "state",
        Person = "person",
        Organisation = "organisation",
        Company = "company",
        Group = "group",
        Place = "place",
        Other = "other",
    }
}

word_enum! {
    /// Whether an event took place, was called off, or is still to come.
    EventStatus {
        Happened = "happened",
        Cancelled = "cancelled",
        Planned = "planned",
        Expected = "expected",
        Ongoing = "ongoing",
    }
}

word_enum! {
    /// What sort of proposition a claim is.
    ClaimKind {
        /// Something reported as having happened or being so.
        Fact = "fact",
        /// The author's own judgement.
        Assessment = "assessment",
        /// An expectation about the future.
        Forecast = "forecast",
        /// What an actor wants, hopes, says or endorses.
        Position = "position",
    }
}

word_enum! {
    /// How a claim held up against what happened.
    Verdict {
        /// What the claim said came about.
        Held = "held",
        /// Some of it came about, or it came about in part.
        Partly = "partly",
        /// It did not come about, or the record contradicts it.
        Failed = "failed",
        /// Not settled yet: the time it speaks of has not run out.
        Open = "open",
        /// The record that was searched does not say.
        Unknown = "unknown",
    }
}

word_enum! {
    /// What a review judges a claim against.
    Judged {
        /// What was known when the article was written: a fact or a position is right or
        /// wrong as of then, whatever happened next.
        Then = "then",
        /// What has happened since: a forecast is borne out, or not, by what came after.
        Since = "since",
    }
}

impl Judged {
    /// What a claim of this kind is judged against; `None` where either may be right (an
    /// assessment may weigh the present or the future).
    pub fn for_kind(kind: ClaimKind) -> Option<Judged> {
        match kind {
            ClaimKind::Fact | ClaimKind::Position => Some(Judged::Then),
            ClaimKind::Forecast => Some(Judged::Since),
            ClaimKind::Assessment => None,
        }
    }
}

impl Verdict {
    /// A one-cell badge that reads without colour.
    pub fn badge(self) -> &'static str {
        match self {
            Self::Held => "✓",
            Self::Partly => "◐",
            Self::Failed => "✗",
            Self::Open => "◌",
            Self::Unknown => "?",
        }
    }
}

word_enum! {
    /// Which way a relation between two actors is heading.
    Trend { Warming = "warming", Cooling = "cooling", Steady = "steady", Mixed = "mixed" }
}

impl Trend {
    /// An arrow that reads without colour.
    pub fn arrow(self) -> &'static str {
        match self {
            Self::Warming => "↑",
            Self::Cooling => "↓",
            Self::Steady => "→",
            Self::Mixed => "↕",
        }
    }
}

word_enum! {
    /// The part a node plays in the argument.
    ArgumentRole {
        Thesis = "thesis",
        Reason = "reason",
        Limit = "limit",
        Context = "context",
        Conclusion = "conclusion",
        /// A consideration against the parent that the article grants and answers
        /// ("despite", "although").
        Objection = "objection",
    }
}

word_enum! {
    /// How an argument node bears on its parent.
    Stance { Supports = "supports", Attacks = "attacks", Qualifies = "qualifies" }
}

impl Stance {
    /// A symbol that reads without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Supports => "+",
            Self::Attacks => "−",
            Self::Qualifies => "±",
        }
    }
}
