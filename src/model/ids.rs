//! Every item of a model by its id, without a copy of any id: the table holds items, and
//! an id is hashed and compared with the model's own text for it. Made in one pass over
//! the ids, with no allocation but the table's, so that a model read back from the cache
//! makes it again faster than it could read a table of strings.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::Model;
use super::item::{ItemRef, all_ids};

/// The items by id. The first item to hold an id keeps it (validation reports the rest).
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    table: HashTable<ItemRef>,
    hasher: foldhash::fast::RandomState,
}

/// An item's id in `model`, a relation's among `relation_ids`; empty for an item that
/// is not there.
pub(super) fn id_in<'m>(model: &'m Model, relation_ids: &'m [String], item: ItemRef) -> &'m str {
    let id = match item {
        ItemRef::Sentence(i) => model.sentences.get(i).map(|s| &s.id),
        ItemRef::Actor(i) => model.actors.get(i).map(|a| &a.id),
        ItemRef::Event(i) => model.events.get(i).map(|e| &e.id),
        ItemRef::Claim(i) => model.claims.get(i).map(|c| &c.id),
        ItemRef::Argument(i) => model.arguments.get(i).map(|a| &a.id),
        ItemRef::Source(i) => model.sources.get(i).map(|s| &s.id),
        ItemRef::Later(i) => model.later.get(i).map(|l| &l.id),
        ItemRef::Review(i) => model.reviews.get(i).map(|r| &r.id),
        ItemRef::Relation(i) => relation_ids.get(i),
    };
    id.map_or("", String::as_str)
}

impl Ids {
    /// The items of `model` by id, and its relations by theirs (`from/to`).
    pub(crate) fn new(model: &Model, relation_ids: &[String]) -> Ids {
        let items = all_ids(model)
            .map(|(_, item)| item)
            .chain((0..relation_ids.len()).map(ItemRef::Relation));
        let mut ids = Ids {
            table: HashTable::with_capacity(all_ids(model).count() + relation_ids.len()),
            hasher: foldhash::fast::RandomState::default(),
        };
        for item in items {
            let id = id_in(model, relation_ids, item);
            let hash = ids.hasher.hash_one(id);
            let held = |other: &ItemRef| id_in(model, relation_ids, *other) == id;
            if ids.table.find(hash, held).is_none() {
                let hasher = &ids.hasher;
                let rehash = |other: &ItemRef| hasher.hash_one(id_in(model, relation_ids, *other));
                ids.table.insert_unique(hash, item, rehash);
            }
        }
        ids
    }

    /// The item with the id `id`, in the `model` and `relation_ids` the table was made of.
    pub(crate) fn get(&self, model: &Model, relation_ids: &[String], id: &str) -> Option<ItemRef> {
        let hash = self.hasher.hash_one(id);
        let held = |item: &ItemRef| id_in(model, relation_ids, *item) == id;
        self.table.find(hash, held).copied()
    }

    /// Every item that holds an id, in no particular order.
    pub(crate) fn items(&self) -> impl Iterator<Item = ItemRef> + '_ {
        self.table.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_finds_the_first_item_that_holds_it() {
        let mut model = Model::bundled().expect("the bundled model");
        // A second claim with the first's id: the first keeps it.
        let mut twin = model.claims[1].clone();
        twin.id = model.claims[0].id.clone();
        model.claims.push(twin);
        let relation_ids = vec!["russia/india".to_string()];
        let ids = Ids::new(&model, &relation_ids);
        let mut expected = std::collections::HashMap::new();
        for (id, item) in all_ids(&model) {
            expected.entry(id.to_string()).or_insert(item);
        }
        expected
            .entry("russia/india".to_string())
            .or_insert(ItemRef::Relation(0));
        for (id, item) in &expected {
            assert_eq!(ids.get(&model, &relation_ids, id), Some(*item), "{id}");
        }
        assert_eq!(ids.items().count(), expected.len());
        assert_eq!(ids.get(&model, &relation_ids, "no-such-id"), None);
        assert_eq!(ids.get(&model, &relation_ids, ""), None);
    }
}
