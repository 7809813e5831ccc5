//! The model's tables: a whole curated model of one article, and every kind of item in it,
//! as a model file holds them.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::date::Date;
use super::words::{
    ActorKind, ArgumentRole, Basis, ClaimKind, EventStatus, Judged, SentenceRole, Stance, Trend,
    Verdict,
};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

/// A whole curated model of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[schemars(schema_with = "version")]
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
#[schemars(transform = article_rules)]
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
#[schemars(transform = event_rules)]
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

/// How deep the argument map may nest below its thesis.
pub const MAX_DEPTH: usize = 64;

/// A node of the argument map: the thesis, or a reason, limit, context or conclusion
/// hanging from another node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = argument_rules)]
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

impl Model {
    /// Whether the model has a record of what happened after the article (sources, later
    /// events or reviews): only then does it owe every forecast a review.
    pub fn has_record(&self) -> bool {
        !self.sources.is_empty() || !self.later.is_empty() || !self.reviews.is_empty()
    }
}

impl Review {
    /// When the verdict stands, in words: "as known in Oct 2012" for a review judged
    /// against what was known when the article was written, "on the record to Mar 2024"
    /// for one judged against what happened since, to the date of its latest evidence
    /// (which differs from review to review: "as of" read as the day of the review).
    pub fn judged_when(&self, article: &Article) -> String {
        match self.judged {
            Judged::Then => format!("as known in {}", article.published.human()),
            Judged::Since => format!("on the record to {}", self.as_of.human()),
        }
    }
}

impl Event {
    /// Whether the record dates the event where the model's reading of the article cannot
    /// be: the year inferred for "in May" was not the year of the visit.
    pub fn record_contradicts(&self) -> bool {
        self.record
            .as_ref()
            .and_then(|r| r.date)
            .is_some_and(|recorded| !recorded.overlaps(&self.date))
    }
}

// What the JSON Schema says of these types beyond their derives (see schema.rs for the
// rest): the version a file must give, and the keys that another's value requires.

/// The schema of the `schema` key: the version this build reads.
fn version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "integer",
        "const": SCHEMA_VERSION,
        "description": format!("The version of the model format; write `schema = {SCHEMA_VERSION}` first."),
    })
}

/// An inferred publication date needs a note saying from what.
fn article_rules(schema: &mut Schema) {
    required_when(schema, ("published_basis", "inferred"), &["published_note"]);
}

/// An inferred event date needs a note saying from what.
fn event_rules(schema: &mut Schema) {
    required_when(schema, ("date_basis", "inferred"), &["date_note"]);
}

/// Every argument node but the thesis hangs from a parent, with a stance toward it.
fn argument_rules(schema: &mut Schema) {
    schema.insert("if".into(), is_word("role", "thesis"));
    schema.insert(
        "else".into(),
        serde_json::json!({ "required": ["parent", "stance"] }),
    );
}

/// Makes `required` keys of `schema` that are needed only when `key` is `word`.
fn required_when(schema: &mut Schema, (key, word): (&str, &str), required: &[&str]) {
    schema.insert("if".into(), is_word(key, word));
    schema.insert("then".into(), serde_json::json!({ "required": required }));
}

/// A schema that holds when `key` is given as `word`.
fn is_word(key: &str, word: &str) -> Value {
    serde_json::json!({
        "properties": { key: { "const": word } },
        "required": [key],
    })
}
