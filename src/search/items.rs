//! What search looks through: each item of the model as its searchable fields, lowercased
//! once, with everything the filters test kept beside them.

use super::matching::mask;
use super::{Field, Hit, HitKind, lowercase};
use crate::model::{ArgumentRole, Index, Verdict, Word};

/// One searchable field of one item, lowercased once, with the letters it holds.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) field: Field,
    pub(super) lower: Box<str>,
    pub(super) mask: u64,
    pub(super) ascii: bool,
    /// Whether an exact or whole-word match here ranks the item first (actor names).
    pub(super) is_name: bool,
}

/// One item with everything the filters look at.
#[derive(Debug)]
pub(super) struct Item {
    pub(super) kind: HitKind,
    pub(super) index: u32,
    pub(super) entries: Box<[Entry]>,
    /// The actors the item involves.
    pub(super) actors: Box<[u32]>,
    /// The item's own kind word (claim kind, actor kind).
    pub(super) kind_word: Option<&'static str>,
    /// Argument roles the item has or sits under, as bits.
    pub(super) roles: u8,
    pub(super) status: Option<&'static str>,
    /// The record's verdicts on the item (a review's own, or those on a claim), as bits.
    pub(super) verdicts: u8,
    /// An actor's role, lowercased.
    pub(super) actor_role: Option<Box<str>>,
}

pub(super) fn entry(field: Field, text: &str, is_name: bool) -> Entry {
    let lower = lowercase(text);
    Entry {
        field,
        mask: mask(&lower),
        ascii: lower.is_ascii(),
        lower: lower.into_boxed_str(),
        is_name,
    }
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

pub(super) fn build(index: &Index) -> Vec<Item> {
    let model = index.model();
    let actor_of = |id: &String| index.actor(id).and_then(|i| u32::try_from(i).ok());
    let mut items = Vec::with_capacity(
        model.actors.len()
            + model.claims.len()
            + model.events.len()
            + model.arguments.len()
            + model.later.len()
            + model.reviews.len()
            + model.sources.len(),
    );
    for (i, actor) in model.actors.iter().enumerate() {
        let mut entries = vec![entry(Field::Name, &actor.name, true)];
        for (n, alias) in actor.aliases.iter().enumerate() {
            entries.push(entry(Field::Alias(n), alias, true));
        }
        entries.push(entry(Field::Id, &actor.id, false));
        items.push(Item {
            kind: HitKind::Actor,
            index: i as u32,
            entries: entries.into(),
            actors: vec![i as u32].into(),
            kind_word: Some(actor.kind.word()),
            roles: 0,
            status: None,
            verdicts: 0,
            actor_role: actor.role.as_deref().map(|r| lowercase(r).into_boxed_str()),
        });
    }
    for (i, claim) in model.claims.iter().enumerate() {
        let roles = index
            .arguments_of_claim(i)
            .iter()
            .fold(0, |bits, n| bits | role_bit(model.arguments[*n].role));
        items.push(Item {
            kind: HitKind::Claim,
            index: i as u32,
            entries: vec![
                entry(Field::Text, &claim.text, false),
                entry(Field::Quote, &claim.quote, false),
                entry(Field::Id, &claim.id, false),
            ]
            .into(),
            actors: claim.actors.iter().filter_map(actor_of).collect(),
            kind_word: Some(claim.kind.word()),
            roles,
            status: None,
            verdicts: index
                .reviews_of_claim(i)
                .iter()
                .fold(0, |bits, r| bits | verdict_bit(model.reviews[*r].verdict)),
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
            index: i as u32,
            entries: entries.into(),
            actors: event.actors.iter().filter_map(actor_of).collect(),
            kind_word: None,
            roles: 0,
            status: Some(event.status.word()),
            verdicts: 0,
            actor_role: None,
        });
    }
    for (i, node) in model.arguments.iter().enumerate() {
        let actors = actors_of_claims(index, &node.claims);
        items.push(Item {
            kind: HitKind::Argument,
            index: i as u32,
            entries: vec![
                entry(Field::Title, &node.title, false),
                entry(Field::Id, &node.id, false),
            ]
            .into(),
            actors: actors.into(),
            kind_word: None,
            roles: role_bit(node.role),
            status: None,
            verdicts: 0,
            actor_role: None,
        });
    }
    for (i, relation) in model.relations.iter().enumerate() {
        let mut actors: Vec<u32> = [&relation.from, &relation.to]
            .into_iter()
            .filter_map(actor_of)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        items.push(Item {
            kind: HitKind::Relation,
            index: i as u32,
            entries: vec![
                entry(Field::Title, index.relation_label(i), false),
                entry(Field::Summary, &relation.summary, false),
                entry(Field::Id, index.relation_id(i), false),
            ]
            .into(),
            actors: actors.into(),
            kind_word: None,
            roles: 0,
            status: None,
            verdicts: 0,
            actor_role: None,
        });
    }
    record_items(index, &actor_of, &mut items);
    items
}

/// The record's later events, reviews and sources, after the article's items.
fn record_items(index: &Index, actor_of: &dyn Fn(&String) -> Option<u32>, items: &mut Vec<Item>) {
    let model = index.model();
    let plain = |kind, i: usize, entries: Vec<Entry>, actors: Vec<u32>, verdicts| Item {
        kind,
        index: i as u32,
        entries: entries.into(),
        actors: actors.into(),
        kind_word: None,
        roles: 0,
        status: None,
        verdicts,
        actor_role: None,
    };
    for (i, later) in model.later.iter().enumerate() {
        let entries = vec![
            entry(Field::Title, &later.title, false),
            entry(Field::Summary, &later.summary, false),
            entry(Field::Id, &later.id, false),
        ];
        let actors = later.actors.iter().filter_map(actor_of).collect();
        items.push(plain(HitKind::Later, i, entries, actors, 0));
    }
    for (i, review) in model.reviews.iter().enumerate() {
        let entries = vec![
            entry(Field::Summary, &review.summary, false),
            entry(Field::Id, &review.id, false),
        ];
        let actors = actors_of_claims(index, &review.claims);
        let bits = verdict_bit(review.verdict);
        items.push(plain(HitKind::Review, i, entries, actors, bits));
    }
    for (i, source) in model.sources.iter().enumerate() {
        let entries = vec![
            entry(Field::Title, &source.title, false),
            entry(Field::Publisher, &source.publisher, false),
            entry(Field::Id, &source.id, false),
        ];
        items.push(plain(HitKind::Source, i, entries, Vec::new(), 0));
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
