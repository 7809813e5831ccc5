//! What search looks through: each item of the model as its searchable fields, lowercased
//! once, with everything the filters test kept beside them.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::matching::mask;
use super::{Field, Hit, HitKind, lowercase};
use crate::model::{
    ActorKind, ArgumentRole, ClaimKind, Date, EventStatus, Index, Verdict, Word, placed_date,
};

/// One searchable field of one item: where its lowercased text sits in the
/// [`Columns`]' one buffer, and the letters it holds.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Entry {
    pub(super) field: Field,
    start: u32,
    len: u32,
    pub(super) mask: u64,
    pub(super) ascii: bool,
    /// Whether an exact or whole-word match here ranks the item first (actor names).
    pub(super) is_name: bool,
}

impl Entry {
    /// The length of the lowercased text, in bytes.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }
}

/// Every item's entries, item after item, and their lowercased texts end to end in one
/// buffer. The search's cheap pass reads them in order at every keystroke: laid out flat,
/// it reads memory in order instead of chasing a pointer per item and per text, and the
/// texts cost one allocation instead of one each.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Columns {
    text: String,
    entries: Vec<Entry>,
    /// Every item's actors, end to end (see [`Item::actors`]).
    actors: Vec<u32>,
    /// Each actor's role, lowercased, by the actor's position.
    roles: Vec<Option<Box<str>>>,
}

impl Columns {
    /// The entries of `item`.
    pub(super) fn of(&self, item: &Item) -> &[Entry] {
        self.entries
            .get(item.entries.start as usize..item.entries.end as usize)
            .unwrap_or(&[])
    }

    /// The lowercased text of `entry`.
    pub(super) fn lower(&self, entry: &Entry) -> &str {
        let start = entry.start as usize;
        self.text.get(start..start + entry.len()).unwrap_or("")
    }

    /// Every entry's text, in order.
    pub(super) fn texts(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| self.lower(e))
    }

    /// The actors `item` involves.
    pub(super) fn actors_of(&self, item: &Item) -> &[u32] {
        self.actors
            .get(item.actors.start as usize..item.actors.end as usize)
            .unwrap_or(&[])
    }

    /// The role of `item`, if it is an actor with one.
    pub(super) fn role_of(&self, item: &Item) -> Option<&str> {
        match item.kind {
            HitKind::Actor => self.roles.get(item.index as usize)?.as_deref(),
            _ => None,
        }
    }

    /// Every actor's role.
    pub(super) fn roles(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().filter_map(|r| r.as_deref())
    }

    /// Adds `actors` to the list, as an item's stretch of it.
    fn add_actors(&mut self, actors: impl IntoIterator<Item = u32>) -> Range<u32> {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let from = count(self.actors.len());
        self.actors.extend(actors);
        from..count(self.actors.len())
    }

    fn add(&mut self, field: Field, text: &str, is_name: bool) {
        let from = self.text.len();
        // Lowercased where it lies, with no string of its own: most text is ASCII.
        if text.is_ascii() {
            self.text.push_str(text);
            self.text[from..].make_ascii_lowercase();
        } else {
            self.text.push_str(&lowercase(text));
        }
        let lower = &self.text[from..];
        // Offsets are 32-bit: a model file is at most 512 MiB, so its texts fit.
        self.entries.push(Entry {
            field,
            start: u32::try_from(from).unwrap_or(u32::MAX),
            len: u32::try_from(lower.len()).unwrap_or(0),
            mask: mask(lower),
            ascii: lower.is_ascii(),
            is_name,
        });
    }

    /// The entries added since `from`, as an item's range.
    fn since(&self, from: usize) -> Range<u32> {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        count(from)..count(self.entries.len())
    }
}

/// One item with everything the filters look at, in a few bytes: a model of a million
/// claims has some 1.7 million items.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Item {
    pub(super) kind: HitKind,
    pub(super) index: u32,
    /// Its entries in the [`Columns`].
    pub(super) entries: Range<u32>,
    /// The actors the item involves: its stretch of the [`Columns`]' actor list.
    pub(super) actors: Range<u32>,
    /// The item's own kind word (claim kind, actor kind), as its bit (see [`kind_bit`]);
    /// none when 0.
    pub(super) kind_word: u16,
    /// Argument roles the item has or sits under, as bits.
    pub(super) roles: u8,
    /// An event's status, as its bit (see [`status_bit`]); none when 0.
    pub(super) status: u8,
    /// The record's verdicts on the item (a review's own, or those on a claim), as bits.
    pub(super) verdicts: u8,
}

/// The words an item's kind can be: claim kinds, then actor kinds.
fn kind_words() -> impl Iterator<Item = &'static str> {
    let claims = ClaimKind::ALL.iter().map(|k| k.word());
    claims.chain(ActorKind::ALL.iter().map(|k| k.word()))
}

/// The bit of a kind word (a claim kind or an actor kind); 0 for any other word.
pub(super) fn kind_bit(word: &str) -> u16 {
    kind_words()
        .position(|w| w == word)
        .and_then(|n| 1u16.checked_shl(n as u32))
        .unwrap_or(0)
}

/// The bit of an event status word; 0 for any other word.
pub(super) fn status_bit(word: &str) -> u8 {
    EventStatus::ALL
        .iter()
        .position(|s| s.word() == word)
        .and_then(|n| 1u8.checked_shl(n as u32))
        .unwrap_or(0)
}

pub(super) fn verdict_bit(verdict: Verdict) -> u8 {
    1 << Verdict::ALL.iter().position(|v| *v == verdict).unwrap_or(0)
}

pub(super) fn role_bit(role: ArgumentRole) -> u8 {
    1 << ArgumentRole::ALL
        .iter()
        .position(|r| *r == role)
        .unwrap_or(0)
}

pub(super) fn build(index: &Index) -> (Vec<Item>, Columns) {
    let model = index.model();
    let actor_of = |id: &String| index.actor(id).and_then(|i| u32::try_from(i).ok());
    let mut items = Vec::with_capacity(
        model.actors.len()
            + model.claims.len()
            + model.events.len()
            + model.arguments.len()
            + model.relations.len()
            + model.later.len()
            + model.reviews.len()
            + model.sources.len(),
    );
    let mut cols = Columns::default();
    for (i, actor) in model.actors.iter().enumerate() {
        let from = cols.entries.len();
        cols.add(Field::Name, &actor.name, true);
        for (n, alias) in actor.aliases.iter().enumerate() {
            cols.add(Field::Alias(n), alias, true);
        }
        cols.add(Field::Id, &actor.id, false);
        items.push(Item {
            kind: HitKind::Actor,
            index: i as u32,
            entries: cols.since(from),
            actors: cols.add_actors([i as u32]),
            kind_word: kind_bit(actor.kind.word()),
            roles: 0,
            status: 0,
            verdicts: 0,
        });
        cols.roles
            .push(actor.role.as_deref().map(|r| lowercase(r).into_boxed_str()));
    }
    for (i, claim) in model.claims.iter().enumerate() {
        let roles = index
            .arguments_of_claim(i)
            .iter()
            .fold(0, |bits, n| bits | role_bit(model.arguments[*n].role));
        let from = cols.entries.len();
        cols.add(Field::Text, &claim.text, false);
        cols.add(Field::Quote, &claim.quote, false);
        cols.add(Field::Id, &claim.id, false);
        items.push(Item {
            kind: HitKind::Claim,
            index: i as u32,
            entries: cols.since(from),
            actors: cols.add_actors(claim.actors.iter().filter_map(actor_of)),
            kind_word: kind_bit(claim.kind.word()),
            roles,
            status: 0,
            verdicts: index
                .reviews_of_claim(i)
                .iter()
                .fold(0, |bits, r| bits | verdict_bit(model.reviews[*r].verdict)),
        });
    }
    for (i, event) in model.events.iter().enumerate() {
        let from = cols.entries.len();
        cols.add(Field::Title, &event.title, false);
        if let Some(when) = &event.when {
            cols.add(Field::Phrase, when, false);
        }
        cols.add(Field::Id, &event.id, false);
        cols.add(
            Field::Date,
            &date_words(&[placed_date(event), &event.date]),
            false,
        );
        items.push(Item {
            kind: HitKind::Event,
            index: i as u32,
            entries: cols.since(from),
            actors: cols.add_actors(event.actors.iter().filter_map(actor_of)),
            kind_word: 0,
            roles: 0,
            status: status_bit(event.status.word()),
            verdicts: 0,
        });
    }
    for (i, node) in model.arguments.iter().enumerate() {
        let actors = actors_of_claims(index, &node.claims);
        let from = cols.entries.len();
        cols.add(Field::Title, &node.title, false);
        cols.add(Field::Id, &node.id, false);
        items.push(Item {
            kind: HitKind::Argument,
            index: i as u32,
            entries: cols.since(from),
            actors: cols.add_actors(actors),
            kind_word: 0,
            roles: role_bit(node.role),
            status: 0,
            verdicts: 0,
        });
    }
    for (i, relation) in model.relations.iter().enumerate() {
        let mut actors: Vec<u32> = [&relation.from, &relation.to]
            .into_iter()
            .filter_map(actor_of)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let from = cols.entries.len();
        cols.add(Field::Title, index.relation_label(i), false);
        cols.add(Field::Summary, &relation.summary, false);
        cols.add(Field::Id, index.relation_id(i), false);
        items.push(Item {
            kind: HitKind::Relation,
            index: i as u32,
            entries: cols.since(from),
            actors: cols.add_actors(actors),
            kind_word: 0,
            roles: 0,
            status: 0,
            verdicts: 0,
        });
    }
    record_items(index, &actor_of, &mut items, &mut cols);
    (items, cols)
}

/// The record's later events, reviews and sources, after the article's items.
fn record_items(
    index: &Index,
    actor_of: &dyn Fn(&String) -> Option<u32>,
    items: &mut Vec<Item>,
    cols: &mut Columns,
) {
    let model = index.model();
    let plain = |kind, i: usize, entries: Range<u32>, actors: Range<u32>, verdicts| Item {
        kind,
        index: i as u32,
        entries,
        actors,
        kind_word: 0,
        roles: 0,
        status: 0,
        verdicts,
    };
    for (i, later) in model.later.iter().enumerate() {
        let from = cols.entries.len();
        cols.add(Field::Title, &later.title, false);
        cols.add(Field::Summary, &later.summary, false);
        cols.add(Field::Id, &later.id, false);
        cols.add(Field::Date, &date_words(&[&later.date]), false);
        let actors = cols.add_actors(later.actors.iter().filter_map(actor_of));
        items.push(plain(HitKind::Later, i, cols.since(from), actors, 0));
    }
    for (i, review) in model.reviews.iter().enumerate() {
        let from = cols.entries.len();
        cols.add(Field::Summary, &review.summary, false);
        cols.add(Field::Id, &review.id, false);
        let actors = cols.add_actors(actors_of_claims(index, &review.claims));
        let bits = verdict_bit(review.verdict);
        items.push(plain(HitKind::Review, i, cols.since(from), actors, bits));
    }
    for (i, source) in model.sources.iter().enumerate() {
        let from = cols.entries.len();
        cols.add(Field::Title, &source.title, false);
        cols.add(Field::Publisher, &source.publisher, false);
        cols.add(Field::Id, &source.id, false);
        items.push(plain(HitKind::Source, i, cols.since(from), 0..0, 0));
    }
}

/// The actors of the claims `ids` names, each once, in order.
fn actors_of_claims(index: &Index, ids: &[String]) -> Vec<u32> {
    let mut actors: Vec<u32> = ids
        .iter()
        .filter_map(|id| index.claim(id))
        .flat_map(|c| index.actors_of_claim(c).iter())
        .filter_map(|a| u32::try_from(*a).ok())
        .collect();
    actors.sort_unstable();
    actors.dedup();
    actors
}

/// Dates as a reader writes them and as the model does ("12 May 2011 2011-05-12"), each
/// once, so that a search for a date phrase finds the events of that date.
fn date_words(dates: &[&Date]) -> String {
    let mut words: Vec<String> = Vec::new();
    for date in dates {
        for written in [date.long(), date.human(), date.to_string()] {
            if !words.contains(&written) {
                words.push(written);
            }
        }
    }
    words.join(" · ")
}

/// The text of the field a hit matched, for display.
pub(super) fn field_text<'m>(index: &'m Index, hit: &Hit) -> &'m str {
    let model = index.model();
    let text = match (hit.kind, hit.field) {
        (HitKind::Actor, Field::Name) => model.actors.get(hit.index).map(|a| a.name.as_str()),
        (HitKind::Actor, Field::Alias(n)) => model
            .actors
            .get(hit.index)
            .and_then(|a| a.aliases.get(n))
            .map(String::as_str),
        (HitKind::Actor, _) => model.actors.get(hit.index).map(|a| a.id.as_str()),
        (HitKind::Claim, Field::Text) => model.claims.get(hit.index).map(|c| c.text.as_str()),
        (HitKind::Claim, Field::Quote) => model.claims.get(hit.index).map(|c| c.quote.as_str()),
        (HitKind::Claim, _) => model.claims.get(hit.index).map(|c| c.id.as_str()),
        (HitKind::Event, Field::Title) => model.events.get(hit.index).map(|e| e.title.as_str()),
        (HitKind::Event, Field::Phrase) => {
            model.events.get(hit.index).and_then(|e| e.when.as_deref())
        }
        (HitKind::Event, Field::Date) => model.events.get(hit.index).map(|e| e.title.as_str()),
        (HitKind::Event, _) => model.events.get(hit.index).map(|e| e.id.as_str()),
        (HitKind::Argument, Field::Title) => {
            model.arguments.get(hit.index).map(|a| a.title.as_str())
        }
        (HitKind::Argument, _) => model.arguments.get(hit.index).map(|a| a.id.as_str()),
        (HitKind::Relation, Field::Title) => Some(index.relation_label(hit.index)),
        (HitKind::Relation, Field::Summary) => {
            model.relations.get(hit.index).map(|r| r.summary.as_str())
        }
        (HitKind::Relation, _) => Some(index.relation_id(hit.index)),
        (HitKind::Later, Field::Title) => model.later.get(hit.index).map(|l| l.title.as_str()),
        (HitKind::Later, Field::Summary) => model.later.get(hit.index).map(|l| l.summary.as_str()),
        (HitKind::Later, Field::Date) => model.later.get(hit.index).map(|l| l.title.as_str()),
        (HitKind::Later, _) => model.later.get(hit.index).map(|l| l.id.as_str()),
        (HitKind::Review, Field::Summary) => {
            model.reviews.get(hit.index).map(|r| r.summary.as_str())
        }
        (HitKind::Review, _) => model.reviews.get(hit.index).map(|r| r.id.as_str()),
        (HitKind::Source, Field::Title) => model.sources.get(hit.index).map(|s| s.title.as_str()),
        (HitKind::Source, Field::Publisher) => {
            model.sources.get(hit.index).map(|s| s.publisher.as_str())
        }
        (HitKind::Source, _) => model.sources.get(hit.index).map(|s| s.id.as_str()),
    };
    text.unwrap_or("")
}
