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
        // One item or a few of each kind, with ids given here, so that what each finds
        // is known without asking the code under test.
        let mut model = Model::bundled().expect("the bundled model");
        fn name<T>(items: &mut Vec<T>, ids: &[&str], id: impl Fn(&mut T) -> &mut String) {
            assert!(items.len() >= ids.len(), "the bundled model has enough");
            items.truncate(ids.len());
            for (item, given) in items.iter_mut().zip(ids) {
                *id(item) = given.to_string();
            }
        }
        name(&mut model.sentences, &["s1", "shared"], |s| &mut s.id);
        // An actor with a sentence's id: the sentence comes first in the file, and keeps it.
        name(&mut model.actors, &["a1", "shared"], |a| &mut a.id);
        name(&mut model.events, &["e1"], |e| &mut e.id);
        // Two claims with one id: the first keeps it.
        name(&mut model.claims, &["c1", "c2", "c1"], |c| &mut c.id);
        name(&mut model.arguments, &["n1"], |n| &mut n.id);
        name(&mut model.sources, &["src1"], |s| &mut s.id);
        name(&mut model.later, &["l1"], |l| &mut l.id);
        name(&mut model.reviews, &["r1"], |r| &mut r.id);
        let relation_ids = ["a1/e1".to_string(), "a1/e1".to_string()];
        let ids = Ids::new(&model, &relation_ids);
        let expected = [
            ("s1", ItemRef::Sentence(0)),
            ("shared", ItemRef::Sentence(1)),
            ("a1", ItemRef::Actor(0)),
            ("e1", ItemRef::Event(0)),
            ("c1", ItemRef::Claim(0)),
            ("c2", ItemRef::Claim(1)),
            ("n1", ItemRef::Argument(0)),
            ("src1", ItemRef::Source(0)),
            ("l1", ItemRef::Later(0)),
            ("r1", ItemRef::Review(0)),
            ("a1/e1", ItemRef::Relation(0)),
        ];
        for (id, item) in expected {
            assert_eq!(ids.get(&model, &relation_ids, id), Some(item), "{id}");
        }
        let mut held: Vec<ItemRef> = ids.items().collect();
        held.sort();
        let mut items: Vec<ItemRef> = expected.iter().map(|(_, item)| *item).collect();
        items.sort();
        assert_eq!(held, items, "the items that hold an id, each once");
        for missing in ["no-such-id", "", "C1", "s"] {
            assert_eq!(ids.get(&model, &relation_ids, missing), None, "{missing:?}");
        }
    }
}
