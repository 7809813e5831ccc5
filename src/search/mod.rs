//! One fuzzy search across actors, claims, events and argument nodes, and the record's later
//! events, reviews and sources, shared by the explorer and the command line so that both
//! rank the same way.
//!
//! A query is whitespace-separated terms, each of which must match some field of an item
//! (fuzzily, with fuzzy-matcher's SkimMatcherV2), plus optional field filters:
//! `actor:russia`, `kind:forecast`, `role:limit`, `status:cancelled`, `verdict:failed`,
//! `in:claim`. Every term and every filter must hold, a key written twice too
//! (`actor:india actor:russia`: items that involve both); commas give a filter a choice
//! (`kind:forecast,fact`: either).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::ItemRef;

mod engine;
mod filter;
mod items;
mod marks;
mod matching;
mod parts;
mod rank;
mod searcher;
mod sieve;
mod typo;

pub use engine::{Engine, HIGHLIGHTED, Results};
pub use filter::QueryProblem;
pub use parts::SearchParts;
pub use searcher::Searcher;

/// What sort of item a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HitKind {
    Actor,
    Claim,
    Event,
    Argument,
    /// A relation between two actors.
    Relation,
    /// An event outside the article, from the record.
    Later,
    /// A verdict of the record on some of the article's claims.
    Review,
    /// A source the record cites.
    Source,
}

impl HitKind {
    pub const ALL: [HitKind; 8] = [
        HitKind::Actor,
        HitKind::Claim,
        HitKind::Event,
        HitKind::Argument,
        HitKind::Relation,
        HitKind::Later,
        HitKind::Review,
        HitKind::Source,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Actor => "actor",
            HitKind::Claim => "claim",
            HitKind::Event => "event",
            HitKind::Argument => "argument",
            HitKind::Relation => "relation",
            HitKind::Later => "later",
            HitKind::Review => "review",
            HitKind::Source => "source",
        }
    }

    /// Whether items of this kind are the record's rather than the article's.
    pub fn is_record(self) -> bool {
        matches!(self, HitKind::Later | HitKind::Review | HitKind::Source)
    }

    /// The model item of this kind at position `index` in its list.
    pub fn item(self, index: usize) -> ItemRef {
        match self {
            HitKind::Actor => ItemRef::Actor(index),
            HitKind::Claim => ItemRef::Claim(index),
            HitKind::Event => ItemRef::Event(index),
            HitKind::Argument => ItemRef::Argument(index),
            HitKind::Relation => ItemRef::Relation(index),
            HitKind::Later => ItemRef::Later(index),
            HitKind::Review => ItemRef::Review(index),
            HitKind::Source => ItemRef::Source(index),
        }
    }

    pub fn from_word(word: &str) -> Option<HitKind> {
        HitKind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

/// Which field of an item a hit matched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// An actor's name.
    Name,
    /// One of an actor's aliases, by position.
    Alias(usize),
    /// A claim's plain-words text.
    Text,
    /// A claim's quote from the article.
    Quote,
    /// An event's or argument node's title.
    Title,
    /// An event's time phrase from the article.
    Phrase,
    /// A later event's or a review's summary.
    Summary,
    /// A source's publisher.
    Publisher,
    /// The item's id.
    Id,
    /// An event's or a later event's date, written out ("12 May 2011 2011-05-12"): a
    /// hit in it shows the event's title, with no letters marked.
    Date,
}

impl Field {
    /// A word for the field, for scripts: "name", "alias", "text", ...
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::Text => "text",
            Field::Quote => "quote",
            Field::Title => "title",
            Field::Phrase => "phrase",
            Field::Summary => "summary",
            Field::Publisher => "publisher",
            Field::Id => "id",
            Field::Date => "date",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    /// Position of the item in its list in the model.
    pub index: usize,
    pub score: i64,
    /// The field shown for the hit: the one that matched best.
    pub field: Field,
    /// Character positions of the matched characters in that field's text.
    pub positions: Vec<usize>,
    /// Whether the query is a whole name or alias of the actor, or whole words of one, or
    /// a misspelling of one.
    pub exact: bool,
    /// Whether the hit was found only by reading a misspelt term as the word it is
    /// closest to ([`Results::spelled`] says how the query was read).
    pub spelled: bool,
}

impl Hit {
    /// The model item the hit is.
    pub fn item(&self) -> ItemRef {
        self.kind.item(self.index)
    }
}

/// A parsed query: fuzzy terms and filters. An item is a hit when every term matches it and
/// every filter lets it through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
    /// In the order written; a key may come more than once, and each must hold.
    pub filters: Vec<Filter>,
}

/// What a filter looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterKey {
    Actor,
    Kind,
    Role,
    Status,
    Verdict,
    /// `in:`: the sort of item.
    In,
}

impl FilterKey {
    pub const ALL: [FilterKey; 6] = [
        FilterKey::Actor,
        FilterKey::Kind,
        FilterKey::Role,
        FilterKey::Status,
        FilterKey::Verdict,
        FilterKey::In,
    ];

    /// The key as written before the colon.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterKey::Actor => "actor",
            FilterKey::Kind => "kind",
            FilterKey::Role => "role",
            FilterKey::Status => "status",
            FilterKey::Verdict => "verdict",
            FilterKey::In => "in",
        }
    }

    pub fn from_word(word: &str) -> Option<FilterKey> {
        FilterKey::ALL.into_iter().find(|k| k.as_str() == word)
    }

    /// The words a value of this key can be, where they are fixed (an actor is named by
    /// the model, and a role may also be an actor's own).
    pub fn words(self) -> Vec<&'static str> {
        use crate::model::{ActorKind, ArgumentRole, ClaimKind, EventStatus, Verdict, Word};
        let items = HitKind::ALL.iter().map(|k| k.as_str());
        match self {
            FilterKey::Actor => Vec::new(),
            FilterKey::Kind => ClaimKind::ALL
                .iter()
                .map(|k| k.word())
                .chain(ActorKind::ALL.iter().map(|k| k.word()))
                .chain(items)
                .collect(),
            FilterKey::Role => ArgumentRole::ALL.iter().map(|r| r.word()).collect(),
            FilterKey::Status => EventStatus::ALL.iter().map(|s| s.word()).collect(),
            FilterKey::Verdict => Verdict::ALL.iter().map(|v| v.word()).collect(),
            FilterKey::In => items.collect(),
        }
    }

    /// `value` written out in full when it begins exactly one of the key's words and is
    /// none itself (`verdict:fail` is `verdict:failed`); otherwise as it is.
    fn complete(self, value: &str) -> String {
        let words = self.words();
        if words.contains(&value) {
            return value.to_string();
        }
        let mut begun = words.iter().filter(|w| w.starts_with(value));
        match (begun.next(), begun.next()) {
            (Some(word), None) => word.to_string(),
            _ => value.to_string(),
        }
    }
}

/// One filter as written, `key:value` or `key:value,value`: it lets an item through when
/// any of its values does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub key: FilterKey,
    /// Lowercased; at least one, none empty.
    pub values: Vec<String>,
}

impl Filter {
    /// `in:KIND`: only items of one kind.
    pub fn within(kind: HitKind) -> Filter {
        Filter {
            key: FilterKey::In,
            values: vec![kind.as_str().to_string()],
        }
    }

    /// Reads `key:value,value` (already lowercased): `None` when the key is not a filter's
    /// or no value is given (empty pieces between commas are dropped).
    fn parse(token: &str) -> Option<Filter> {
        let (key, value) = token.split_once(':')?;
        let key = FilterKey::from_word(key)?;
        let values: Vec<String> = value
            .split(',')
            .filter(|v| !v.is_empty())
            .map(|v| key.complete(v))
            .collect();
        (!values.is_empty()).then_some(Filter { key, values })
    }
}

/// The query as it would be typed: its terms, then its filters.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let terms = self.terms.iter().map(|t| t.to_string());
        let words: Vec<String> = terms
            .chain(self.filters.iter().map(|x| x.to_string()))
            .collect();
        f.write_str(&words.join(" "))
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.key.as_str(), self.values.join(","))
    }
}

/// The filter keys a query understands, for help texts. The first says, by example, that
/// filters all hold and that commas give a choice: the explorer lists these and no more.
pub const FILTERS: &[(&str, &str)] = &[
    (
        "actor:",
        "items involving an actor (id, name, alias); actor:a actor:b both, actor:a,b either",
    ),
    (
        "kind:",
        "claim kind (fact, assessment, forecast, position), actor kind (state, person, ...), or item kind (actor, claim, event, ...)",
    ),
    (
        "role:",
        "argument role (thesis, reason, objection, limit, context, conclusion)",
    ),
    (
        "status:",
        "event status (happened, cancelled, planned, expected, ongoing)",
    ),
    (
        "verdict:",
        "the record's verdict on a claim (held, partly, failed, open, unknown)",
    ),
    (
        "in:",
        "one kind of item: actor, claim, event, argument, relation, later, review or source",
    ),
];

impl Query {
    /// Splits a query into terms and `key:value` filters. A `key:` the search does not know,
    /// or one with no value (`actor:`, `kind:,`), stays an ordinary term.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for token in text.split_whitespace() {
            let lower = lowercase(token);
            match Filter::parse(&lower) {
                Some(filter) => query.filters.push(filter),
                None => query.terms.push(lower),
            }
        }
        query
    }

    /// The filters of one key, in the order written.
    pub fn filters_of(&self, key: FilterKey) -> impl Iterator<Item = &Filter> {
        self.filters.iter().filter(move |f| f.key == key)
    }

    fn has_filters(&self) -> bool {
        !self.filters.is_empty()
    }

    /// Whether the query asks for nothing at all.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && !self.has_filters()
    }
}

/// The longest query, in characters, that anything searches for: the explorer's search
/// box takes no more, typed or pasted, and `claimscope search` and `claimscope show` refuse
/// a longer one. Far more than any words and filters a reader means, and a bound on what
/// one query can cost.
pub const MAX_QUERY_CHARS: usize = 200;

/// Whether `text` is within [`MAX_QUERY_CHARS`], found without counting past it.
pub fn query_fits(text: &str) -> bool {
    text.len() <= MAX_QUERY_CHARS || text.chars().nth(MAX_QUERY_CHARS).is_none()
}

/// Lowercases character by character (the first character of each lowercase mapping),
/// so that character positions in the result are those of the original.
/// Whether `term` (lowercased, as a query's are) reads in `text` as the search reads it:
/// its letters close together, or at the starts of words.
pub fn reads_in(text: &str, term: &str) -> bool {
    let lower = lowercase(text);
    matching::reads_as_known(&lower, lower.is_ascii(), term)
}

pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase(); // Most text, and many times quicker.
    }
    // Otherwise its ASCII runs in bulk, and each other character on its own.
    let mut lower = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = lower.len();
        lower.push_str(&rest[..run]);
        lower[from..].make_ascii_lowercase();
        rest = &rest[run..];
        if let Some(c) = rest.chars().next() {
            lower.push(c.to_lowercase().next().unwrap_or(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    lower
}

impl Query {
    /// Whether every hit of `self` is a hit of `earlier`: the same filters, and the same
    /// terms with more typed at the end (more letters on the last term, or new terms).
    pub fn narrows(&self, earlier: &Query) -> bool {
        let same_filters = self.filters == earlier.filters;
        let Some((last, before)) = earlier.terms.split_last() else {
            return same_filters && earlier.has_filters();
        };
        same_filters
            && self.terms.len() >= earlier.terms.len()
            && self.terms[..before.len()] == *before
            && self.terms[before.len()].starts_with(last.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_split_terms_from_filters() {
        let q = Query::parse("Pakistan  actor:Russia kind:forecast arms role:limit in:claim 10:30");
        assert_eq!(q.terms, ["pakistan", "arms", "10:30"]);
        let written: Vec<String> = q.filters.iter().map(Filter::to_string).collect();
        assert_eq!(
            written,
            ["actor:russia", "kind:forecast", "role:limit", "in:claim"]
        );
        assert_eq!(q.filters[3], Filter::within(HitKind::Claim));
        assert!(Query::parse("   ").is_empty());
        assert_eq!(Query::parse("actor:").terms, ["actor:"]);
    }

    #[test]
    fn a_key_may_come_again_and_commas_give_it_a_choice() {
        let q = Query::parse("kind:forecast kind:FACT,,assessment, actor:india in:claim,event");
        let values = |key| -> Vec<Vec<&str>> {
            q.filters_of(key)
                .map(|f| f.values.iter().map(String::as_str).collect())
                .collect()
        };
        assert_eq!(
            values(FilterKey::Kind),
            [vec!["forecast"], vec!["fact", "assessment"]]
        );
        assert_eq!(values(FilterKey::Actor), [vec!["india"]]);
        assert_eq!(values(FilterKey::In), [vec!["claim", "event"]]);
        assert!(q.terms.is_empty());
        // No value at all, commas or not: searched as text, as a bare `actor:` always was.
        assert_eq!(Query::parse("kind:, actor:").terms, ["kind:,", "actor:"]);
        assert!(Query::parse("kind:,").filters.is_empty());
    }

    #[test]
    fn the_help_lists_every_filter_key() {
        let listed: Vec<&str> = FILTERS
            .iter()
            .map(|(k, _)| k.trim_end_matches(':'))
            .collect();
        let keys: Vec<&str> = FilterKey::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(listed, keys);
    }

    #[test]
    fn lowercase_keeps_positions() {
        let text = "İstanbul ÅSE";
        assert_eq!(lowercase(text).chars().count(), text.chars().count());
        // Each character as its own first lowercase, in the ASCII runs and out of them.
        for text in ["Moscow’s “ARMS” — ÇA", "Ω", "ÉÉ aB", "x’Y"] {
            let one_by_one: String = text
                .chars()
                .map(|c| c.to_lowercase().next().unwrap_or(c))
                .collect();
            assert_eq!(lowercase(text), one_by_one, "{text}");
        }
    }

    #[test]
    fn typing_more_narrows_and_anything_else_does_not() {
        let q = Query::parse;
        assert!(q("pakistan").narrows(&q("pak")));
        assert!(q("pakistan a").narrows(&q("pakistan")));
        assert!(q("pakistan arms").narrows(&q("pakistan ar")));
        assert!(q("kind:fact x").narrows(&q("kind:fact")));
        assert!(!q("pak").narrows(&q("paki")), "a deletion widens");
        assert!(!q("arms pakistan").narrows(&q("pakistan")));
        assert!(
            !q("kind:fact pak").narrows(&q("pak")),
            "a new filter is a new search"
        );
        assert!(!q("x").narrows(&q("")));
        assert!(
            !q("kind:fact,forecast x").narrows(&q("kind:fact x")),
            "another choice widens"
        );
        assert!(
            !q("kind:fact kind:claim x").narrows(&q("kind:fact x")),
            "another filter is a new search"
        );
    }
}
