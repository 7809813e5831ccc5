//! One fuzzy search across actors, claims, events and argument nodes, shared by the
//! explorer and the command line so that both rank the same way.
//!
//! A query is whitespace-separated terms, each of which must match some field of an item
//! (fuzzily, with fuzzy-matcher's SkimMatcherV2), plus optional field filters:
//! `actor:russia`, `kind:forecast`, `role:limit`, `status:cancelled`, `in:claim`.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{ArgumentRole, Index, Word};

/// What sort of item a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    Actor,
    Claim,
    Event,
    Argument,
}

impl HitKind {
    pub const ALL: [HitKind; 4] = [
        HitKind::Actor,
        HitKind::Claim,
        HitKind::Event,
        HitKind::Argument,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Actor => "actor",
            HitKind::Claim => "claim",
            HitKind::Event => "event",
            HitKind::Argument => "argument",
        }
    }

    pub fn from_word(word: &str) -> Option<HitKind> {
        HitKind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

/// Which field of an item a hit matched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The item's id.
    Id,
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
            Field::Id => "id",
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
    /// Whether the query is a whole name or alias of the actor, or whole words of one.
    pub exact: bool,
}

/// A parsed query: fuzzy terms and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
    pub actor: Option<String>,
    pub kind: Option<String>,
    pub role: Option<String>,
    pub status: Option<String>,
    pub within: Option<HitKind>,
}

/// The filter keys a query understands, for help texts.
pub const FILTERS: &[(&str, &str)] = &[
    ("actor:", "items that involve an actor (id, name or alias)"),
    (
        "kind:",
        "claim kind, actor kind, or item kind (actor, claim, event, argument)",
    ),
    (
        "role:",
        "argument role (thesis, reason, limit, context, conclusion)",
    ),
    (
        "status:",
        "event status (happened, cancelled, planned, expected, ongoing)",
    ),
    ("in:", "one kind of item: actor, claim, event or argument"),
];

impl Query {
    /// Splits a query into terms and `key:value` filters. A `key:` the search does not know
    /// stays an ordinary term.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for token in text.split_whitespace() {
            let lower = lowercase(token);
            let filter = lower.split_once(':').filter(|(_, v)| !v.is_empty());
            match filter {
                Some(("actor", v)) => query.actor = Some(v.to_string()),
                Some(("kind", v)) => query.kind = Some(v.to_string()),
                Some(("role", v)) => query.role = Some(v.to_string()),
                Some(("status", v)) => query.status = Some(v.to_string()),
                Some(("in", v)) if HitKind::from_word(v).is_some() => {
                    query.within = HitKind::from_word(v)
                }
                _ => query.terms.push(lower),
            }
        }
        query
    }

    fn has_filters(&self) -> bool {
        self.actor.is_some()
            || self.kind.is_some()
            || self.role.is_some()
            || self.status.is_some()
            || self.within.is_some()
    }

    /// Whether the query asks for nothing at all.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && !self.has_filters()
    }
}

/// One searchable field of one item.
#[derive(Debug, Clone)]
struct Entry {
    field: Field,
    text: String,
    /// The text lowercased character by character, so positions carry over.
    lower: String,
    /// Whether an exact or whole-word match here ranks the item first.
    is_name: bool,
    /// Character positions where words start, for telling acronyms from scattered hits.
    word_starts: Vec<usize>,
}

/// One item with everything the filters look at.
#[derive(Debug, Clone)]
struct Item {
    kind: HitKind,
    index: usize,
    entries: Vec<Entry>,
    /// Indices of the actors the item involves.
    actors: Vec<usize>,
    /// The item's own kind word (claim kind, actor kind).
    kind_word: Option<&'static str>,
    /// Argument roles the item has or sits under.
    roles: Vec<ArgumentRole>,
    status: Option<&'static str>,
    /// Actor role text, lowercased.
    actor_role: Option<String>,
}

/// The search engine over one model.
pub struct Searcher {
    items: Vec<Item>,
    /// Lowercased id, name and aliases of each actor, for `actor:` filters.
    actor_names: Vec<Vec<String>>,
    matcher: SkimMatcherV2,
}

/// Lowercases character by character (the first character of each lowercase mapping),
/// so that character positions in the result are those of the original.
pub fn lowercase(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

fn entry(field: Field, text: &str, is_name: bool) -> Entry {
    let mut word_starts = Vec::new();
    let mut previous = None;
    for (i, c) in text.chars().enumerate() {
        if c.is_alphanumeric() && !previous.is_some_and(char::is_alphanumeric) {
            word_starts.push(i);
        }
        previous = Some(c);
    }
    Entry {
        field,
        text: text.to_string(),
        lower: lowercase(text),
        is_name,
        word_starts,
    }
}

/// Whether a fuzzy match reads as the term: its characters close together (a typo or an
/// abbreviation within a word or two), or each at the start of a word (an acronym). A
/// term's letters scattered across a whole sentence are not a match a reader expects.
fn reads_as_term(positions: &[usize], term_chars: usize, word_starts: &[usize]) -> bool {
    let (Some(first), Some(last)) = (positions.first(), positions.last()) else {
        return true;
    };
    let span = last - first + 1;
    span <= 2 * term_chars + 3
        || positions
            .iter()
            .all(|p| word_starts.binary_search(p).is_ok())
}

impl Searcher {
    pub fn new(index: &Index) -> Searcher {
        let model = index.model();
        let mut items = Vec::new();
        let actor_of = |id: &str| match index.get(id) {
            Some(crate::model::ItemRef::Actor(i)) => Some(i),
            _ => None,
        };
        for (i, actor) in model.actors.iter().enumerate() {
            let mut entries = vec![entry(Field::Name, &actor.name, true)];
            for (n, alias) in actor.aliases.iter().enumerate() {
                entries.push(entry(Field::Alias(n), alias, true));
            }
            entries.push(entry(Field::Id, &actor.id, false));
            items.push(Item {
                kind: HitKind::Actor,
                index: i,
                entries,
                actors: vec![i],
                kind_word: Some(actor.kind.word()),
                roles: Vec::new(),
                status: None,
                actor_role: actor.role.as_deref().map(lowercase),
            });
        }
        for (i, claim) in model.claims.iter().enumerate() {
            let mut roles: Vec<ArgumentRole> = index
                .arguments_of_claim(i)
                .iter()
                .map(|n| model.arguments[*n].role)
                .collect();
            roles.dedup();
            items.push(Item {
                kind: HitKind::Claim,
                index: i,
                entries: vec![
                    entry(Field::Text, &claim.text, false),
                    entry(Field::Quote, &claim.quote, false),
                    entry(Field::Id, &claim.id, false),
                ],
                actors: claim.actors.iter().filter_map(|a| actor_of(a)).collect(),
                kind_word: Some(claim.kind.word()),
                roles,
                status: None,
                actor_role: None,
            });
        }
        for (i, event) in model.events.iter().enumerate() {
            let mut entries = vec![entry(Field::Title, &event.title, false)];
            if let Some(when) = &event.when {
                entries.push(entry(Field::Phrase, when, false));
            }
            entries.push(entry(Field::Id, &event.id, false));
            items.push(Item {
                kind: HitKind::Event,
                index: i,
                entries,
                actors: event.actors.iter().filter_map(|a| actor_of(a)).collect(),
                kind_word: None,
                roles: Vec::new(),
                status: Some(event.status.word()),
                actor_role: None,
            });
        }
        for (i, node) in model.arguments.iter().enumerate() {
            let mut actors: Vec<usize> = node
                .claims
                .iter()
                .filter_map(|c| match index.get(c) {
                    Some(crate::model::ItemRef::Claim(ci)) => Some(ci),
                    _ => None,
                })
                .flat_map(|ci| model.claims[ci].actors.iter().filter_map(|a| actor_of(a)))
                .collect();
            actors.sort_unstable();
            actors.dedup();
            items.push(Item {
                kind: HitKind::Argument,
                index: i,
                entries: vec![
                    entry(Field::Title, &node.title, false),
                    entry(Field::Id, &node.id, false),
                ],
                actors,
                kind_word: None,
                roles: vec![node.role],
                status: None,
                actor_role: None,
            });
        }
        let actor_names = model
            .actors
            .iter()
            .map(|a| {
                let mut names = vec![lowercase(&a.id), lowercase(&a.name)];
                names.extend(a.aliases.iter().map(|x| lowercase(x)));
                names
            })
            .collect();
        Searcher {
            items,
            actor_names,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// The text of the field a hit matched, for display.
    pub fn field_text(&self, hit: &Hit) -> &str {
        self.items
            .iter()
            .find(|item| item.kind == hit.kind && item.index == hit.index)
            .and_then(|item| item.entries.iter().find(|e| e.field == hit.field))
            .map_or("", |e| e.text.as_str())
    }

    /// Actors a filter value names: exact id, name or alias first, else any containing it.
    fn resolve_actors(&self, value: &str) -> Vec<usize> {
        let exact: Vec<usize> = (0..self.actor_names.len())
            .filter(|i| self.actor_names[*i].iter().any(|n| n == value))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..self.actor_names.len())
            .filter(|i| self.actor_names[*i].iter().any(|n| n.contains(value)))
            .collect()
    }

    fn passes(&self, item: &Item, query: &Query, actors: Option<&[usize]>) -> bool {
        if query.within.is_some_and(|k| k != item.kind) {
            return false;
        }
        if let Some(wanted) = actors
            && !item.actors.iter().any(|a| wanted.contains(a))
        {
            return false;
        }
        if let Some(kind) = &query.kind {
            let own = item.kind_word == Some(kind.as_str());
            if !own && item.kind.as_str() != kind {
                return false;
            }
        }
        if let Some(role) = &query.role {
            let argument = item.roles.iter().any(|r| r.word() == role);
            let person = item
                .actor_role
                .as_ref()
                .is_some_and(|r| r.contains(role.as_str()));
            if !argument && !person {
                return false;
            }
        }
        if let Some(status) = &query.status
            && item.status != Some(status.as_str())
        {
            return false;
        }
        true
    }

    /// Runs a query and returns at most `limit` hits, best first.
    ///
    /// Ranking: the query as a whole name or alias of an actor first, then an actor whose
    /// name or alias holds every term as a whole word, then by fuzzy score; ties go to the
    /// shorter text, then to actors, claims, events, arguments, then to file order.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let actors = query.actor.as_deref().map(|a| self.resolve_actors(a));
        let whole = query.terms.join(" ");
        let mut ranked: Vec<(u8, i64, usize, Hit)> = Vec::new();
        for item in &self.items {
            if !self.passes(item, query, actors.as_deref()) {
                continue;
            }
            if let Some((tier, hit, len)) = self.score(item, query, &whole) {
                ranked.push((tier, hit.score, len, hit));
            }
        }
        ranked.sort_by_key(|(tier, score, len, hit)| {
            (Reverse(*tier), Reverse(*score), *len, hit.kind, hit.index)
        });
        ranked.truncate(limit);
        ranked.into_iter().map(|(_, _, _, hit)| hit).collect()
    }

    /// Scores one item: every term must match some field. Returns the rank tier, the hit,
    /// and the length of the shown field's text.
    fn score(&self, item: &Item, query: &Query, whole: &str) -> Option<(u8, Hit, usize)> {
        let first = item.entries.first()?;
        if query.terms.is_empty() {
            // Filters alone: everything that passes, by kind and then in file order.
            let hit = Hit {
                kind: item.kind,
                index: item.index,
                score: 0,
                field: first.field,
                positions: Vec::new(),
                exact: false,
            };
            return Some((0, hit, 0));
        }
        // Per entry: total score and positions over the terms it matched.
        let mut per_entry: Vec<(i64, Vec<usize>, usize)> =
            vec![(0, Vec::new(), 0); item.entries.len()];
        let mut total = 0;
        for term in &query.terms {
            let mut best: Option<i64> = None;
            let term_chars = term.chars().count();
            for (e, entry) in item.entries.iter().enumerate() {
                let found = self.matcher.fuzzy_indices(&entry.lower, term);
                if let Some((score, positions)) =
                    found.filter(|(_, p)| reads_as_term(p, term_chars, &entry.word_starts))
                {
                    let slot = &mut per_entry[e];
                    slot.0 += score;
                    slot.1.extend(positions);
                    slot.2 += 1;
                    best = Some(best.map_or(score, |b: i64| b.max(score)));
                }
            }
            total += best?;
        }
        let (shown, (_, mut positions, _)) = per_entry
            .into_iter()
            .enumerate()
            // Show the field that matched most terms, a real field over the id, then the best.
            .max_by_key(|(e, (score, _, terms))| {
                (
                    *terms,
                    item.entries[*e].field != Field::Id,
                    *score,
                    Reverse(*e),
                )
            })?;
        positions.sort_unstable();
        positions.dedup();
        let entry = &item.entries[shown];
        let names = item.entries.iter().filter(|e| e.is_name);
        let mut tier = 0;
        let mut exact_field = None;
        for e in names {
            let t = if e.lower == whole {
                2
            } else if query.terms.iter().all(|t| {
                e.lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == t)
            }) {
                1
            } else {
                0
            };
            if t > tier {
                tier = t;
                exact_field = Some(e);
            }
        }
        // An exact match shows the name or alias it matched.
        let (field, positions, len) = match exact_field {
            Some(e) => {
                let positions = self
                    .matcher
                    .fuzzy_indices(&e.lower, whole)
                    .map(|(_, p)| p)
                    .unwrap_or_default();
                (e.field, positions, e.text.len())
            }
            None => (entry.field, positions, entry.text.len()),
        };
        let hit = Hit {
            kind: item.kind,
            index: item.index,
            score: total,
            field,
            positions,
            exact: tier > 0,
        };
        Some((tier, hit, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_split_terms_from_filters() {
        let q = Query::parse("Pakistan  actor:Russia kind:forecast arms role:limit in:claim 10:30");
        assert_eq!(q.terms, ["pakistan", "arms", "10:30"]);
        assert_eq!(q.actor.as_deref(), Some("russia"));
        assert_eq!(q.kind.as_deref(), Some("forecast"));
        assert_eq!(q.role.as_deref(), Some("limit"));
        assert_eq!(q.within, Some(HitKind::Claim));
        assert!(Query::parse("   ").is_empty());
        assert_eq!(Query::parse("actor:").terms, ["actor:"]);
    }

    #[test]
    fn lowercase_keeps_positions() {
        let text = "İstanbul ÅSE";
        assert_eq!(lowercase(text).chars().count(), text.chars().count());
    }
}
