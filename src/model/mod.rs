//! The article model: what the article says, who it names, when things happened, and how
//! the argument hangs together. No terminal code lives here; the explorer and the command
//! line read the model through [`Index`].

mod build;
mod date;
mod diagnostic;
pub mod draft;
mod ids;
mod index;
mod item;
mod links;
mod lint;
mod load;
mod loading;
mod names;
mod problem;
pub mod progress;
mod reader;
mod schema;
mod scope;
mod spans;
mod text;
mod timeline;
mod validate;

pub use date::{Date, DateError, MONTHS_LONG, PartialDate};
pub use diagnostic::{Diagnostic, Location, Locator, Severity};
pub use index::{Index, ItemRef, Tables};
pub use lint::QUALIFIERS;
pub use load::{
    BUNDLED_ARTICLE, BUNDLED_MODEL, BUNDLED_NAME, Checked, LoadError, MAX_MODEL_BYTES, ModelFile,
    Survey, check_str, load_file, load_str, load_str_with, survey_str,
};
pub use loading::{LoadProgress, LoadStage};
pub use names::{MAX_NAME_BYTES, NameFinder};
pub use reader::MAX_TEXT_BYTES;
pub use schema::{SCHEMA_PATH, date_pattern, json_schema, json_schema_text};
pub use scope::{Related, Scope};
pub use spans::{Section, SourceMap};
pub use text::{Name, contains_words};
pub use text::{closest, edit_distance, is_forbidden_char, sanitize};
pub use timeline::{INFERRED_MARK, RECORD_DATE_MARK, ShownDate, TimelineRow, placed_date};
pub use validate::is_https_url;
pub use validate::validate;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The bundled model as JSON, converted from the TOML file at build time.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.json"));

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

/// A whole curated model of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[schemars(schema_with = "schema::version")]
    pub schema: i64,
    /// The article itself: its title, author and date.
    pub article: Article,
    /// Every sentence of the article, verbatim, in reading order.
    pub sentences: Vec<Sentence>,
    /// Who and what the article names.
    pub actors: Vec<Actor>,
    /// The timeline: what happened, was called off, or is expected.
    pub events: Vec<Event>,
    /// What the article says, one proposition each.
    pub claims: Vec<Claim>,
    /// How actors stand toward each other.
    pub relations: Vec<Relation>,
    /// The argument map: one thesis, and every other node under a parent.
    pub arguments: Vec<ArgumentNode>,
    /// The record: what the curator read about what happened, kept apart from what the
    /// article says. A model may have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Events outside the article, from the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<LaterEvent>,
    /// Verdicts on the article's claims, from the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

/// Bibliographic facts about the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = schema::article_rules)]
pub struct Article {
    pub id: String,
    /// The headline.
    pub title: String,
    /// The line under the headline.
    pub standfirst: String,
    pub author: String,
    /// Who the author is, as the article says.
    pub author_note: String,
    /// When it was published.
    pub published: Date,
    /// Whether the article gives the date (`stated`) or the curator worked it out.
    pub published_basis: Basis,
    /// How the date was inferred; required when `published_basis` is `inferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_note: Option<String>,
    /// Where it was published, as an https address, when that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern("^https://"))]
    pub url: Option<String>,
    /// The outlet that published it, when that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The language it is written in, as a BCP 47 tag (`en`, `en-GB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))]
    pub language: Option<String>,
}

/// One sentence of the article, verbatim, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    pub id: String,
    /// 1-based paragraph number.
    #[schemars(range(min = 1))]
    pub paragraph: u32,
    /// The part of the article it belongs to.
    pub role: SentenceRole,
    /// The sentence exactly as published, typos included.
    pub text: String,
}

/// A state, person, organisation or other party the article names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    /// The usual name.
    pub name: String,
    pub kind: ActorKind,
    /// Every other way the article names this actor ("Moscow" for Russia).
    pub aliases: Vec<String>,
    /// Who they are and what they do, from the article.
    pub summary: String,
    /// The actor this one belongs to or acts for (an actor id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The actor's position, such as "army chief of staff".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The actor's Wikidata item (`Q843`), when it has been confirmed against a reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern("^Q[1-9][0-9]*$"))]
    pub wikidata: Option<String>,
}

/// Something that happened, was called off, or is expected, dated as precisely as the
/// article allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = schema::event_rules)]
pub struct Event {
    pub id: String,
    /// A short headline for the timeline.
    pub title: String,
    /// At the precision the article allows.
    pub date: Date,
    /// Whether the article gives the date (`stated`) or the curator worked it out.
    pub date_basis: Basis,
    /// How the date was worked out; required when `date_basis` is `inferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// The article's own time phrase ("in May", "this month"), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    pub status: EventStatus,
    /// The actors involved (actor ids).
    pub actors: Vec<String>,
    /// The claims that report this event.
    pub claims: Vec<String>,
    /// What the public record shows of it; the article's own `date` and `when` stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
}

/// What the public record shows of an event the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The date the record gives; absent when the record was searched and nothing found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// How the record compares with the article's phrase and the inferred date, or what
    /// was looked for and not found.
    pub note: String,
    /// The sources that date it (source ids).
    pub sources: Vec<String>,
}

/// A published source the curator read: a report, an official statement, a reference page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The source's own title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, at the precision it gives.
    pub date: Date,
    /// Where it is: an `https` address.
    #[schemars(pattern("^https://"))]
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Something that happened outside the article, from the public record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LaterEvent {
    pub id: String,
    /// A short headline.
    pub title: String,
    /// As precise as the sources allow.
    pub date: Date,
    /// The actors involved (actor ids).
    pub actors: Vec<String>,
    /// What happened, in the curator's words.
    pub summary: String,
    /// Where it is recorded (source ids).
    pub sources: Vec<String>,
    /// The article's claims and events it speaks to.
    pub bears_on: Vec<String>,
}

/// A verdict on one or more of the article's claims, held against the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: String,
    /// The claims it judges (claim ids).
    pub claims: Vec<String>,
    pub verdict: Verdict,
    /// What the verdict is judged against: what was known when the article was written
    /// (a fact, a position), or what has happened since (a forecast).
    pub judged: Judged,
    /// Why a claim is judged against the other time than its kind calls for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged_note: Option<String>,
    /// What happened, in the curator's words and dated; for `unknown`, what was searched.
    pub summary: String,
    /// The date of the latest evidence used.
    pub as_of: Date,
    /// Later events it rests on.
    pub later: Vec<String>,
    /// The sources it rests on (source ids).
    pub sources: Vec<String>,
}

/// One proposition the article makes, tied to the words that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The proposition in the curator's plain words.
    pub text: String,
    /// What sort of proposition it is.
    pub kind: ClaimKind,
    /// The id of the source sentence.
    pub sentence: String,
    /// The exact words of the source sentence that carry the claim.
    pub quote: String,
    /// The actors it involves (actor ids).
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How two actors' relations stand, according to the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// One actor (an actor id).
    pub from: String,
    /// The other actor (an actor id).
    pub to: String,
    pub trend: Trend,
    /// How they stand, in the curator's words.
    pub summary: String,
    /// The claims that show it (claim ids).
    pub claims: Vec<String>,
}

/// A node of the argument map: the thesis, or a reason, limit, context or conclusion
/// hanging from another node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = schema::argument_rules)]
pub struct ArgumentNode {
    pub id: String,
    pub role: ArgumentRole,
    /// The node in a few words.
    pub title: String,
    /// The node it hangs from (an argument id); the thesis has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// How it bears on its parent; the thesis has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// The claims it rests on (claim ids).
    pub claims: Vec<String>,
}

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

impl Review {
    /// When the verdict stands, in words: "as known in Oct 2012" for a review judged
    /// against what was known when the article was written, "as of Mar 2024" for one
    /// judged against what happened since.
    pub fn judged_when(&self, article: &Article) -> String {
        match self.judged {
            Judged::Then => format!("as known in {}", article.published.human()),
            Judged::Since => format!("as of {}", self.as_of.human()),
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
            Self::Open => "…",
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

impl Event {
    /// How the event's date is shown, the same in every view.
    pub fn shown_date(&self) -> ShownDate<'_> {
        ShownDate::of(self)
    }

    /// Whether the record dates the event where the model's reading of the article cannot
    /// be: the year inferred for "in May" was not the year of the visit.
    pub fn record_contradicts(&self) -> bool {
        self.record
            .as_ref()
            .and_then(|r| r.date)
            .is_some_and(|recorded| !recorded.overlaps(&self.date))
    }
}

impl Model {
    /// The model bundled into the binary.
    ///
    /// It is read from a JSON copy that the build makes of the TOML file, which parses
    /// several times faster; should that copy not read back (the TOML did not parse at
    /// build time), the TOML itself is loaded, so its problems are reported as usual.
    ///
    /// The copy is checked when it is built, not at every run: the tests load the TOML
    /// with every rule (`check --deny-warnings`) and compare it with the copy, so that a
    /// build whose bundled model breaks a rule fails its tests. Checking the same bytes
    /// again at each start would cost half of it, for an answer known before the build
    /// shipped. A debug build, which the tests use, checks it every time.
    pub fn bundled() -> Result<Model, LoadError> {
        let fast = serde_json::from_str::<Model>(BUNDLED_JSON)
            .ok()
            .filter(|model| !cfg!(debug_assertions) || validate(model).is_empty());
        match fast {
            Some(model) => Ok(model),
            None => load_str(&ModelFile::bundled()),
        }
    }
}
