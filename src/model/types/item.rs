//! What an id can name: an item of the model, by its kind and its place in its list.

use serde::{Deserialize, Serialize};

use super::model::Model;
use super::section::Section;

/// Where an item with an id lives in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemRef {
    Sentence(usize),
    Actor(usize),
    Event(usize),
    Claim(usize),
    Argument(usize),
    Source(usize),
    Later(usize),
    Review(usize),
    /// A relation between two actors. Relations have no id in the file; the index gives
    /// each one `from/to` (`russia/india`).
    Relation(usize),
}

impl ItemRef {
    /// What sort of item it is, in a word: "sentence", "actor", "later event" and so on.
    pub fn noun(self) -> &'static str {
        match self {
            ItemRef::Sentence(_) => "sentence",
            ItemRef::Actor(_) => "actor",
            ItemRef::Event(_) => "event",
            ItemRef::Claim(_) => "claim",
            ItemRef::Argument(_) => "argument",
            ItemRef::Source(_) => "source",
            ItemRef::Later(_) => "later event",
            ItemRef::Review(_) => "review",
            ItemRef::Relation(_) => "relation",
        }
    }

    pub fn index(self) -> usize {
        match self {
            ItemRef::Sentence(i)
            | ItemRef::Actor(i)
            | ItemRef::Event(i)
            | ItemRef::Claim(i)
            | ItemRef::Argument(i)
            | ItemRef::Source(i)
            | ItemRef::Later(i)
            | ItemRef::Review(i)
            | ItemRef::Relation(i) => i,
        }
    }

    pub(crate) fn section(self) -> Section {
        match self {
            ItemRef::Sentence(_) => Section::Sentences,
            ItemRef::Actor(_) => Section::Actors,
            ItemRef::Event(_) => Section::Events,
            ItemRef::Claim(_) => Section::Claims,
            ItemRef::Argument(_) => Section::Arguments,
            ItemRef::Source(_) => Section::Sources,
            ItemRef::Later(_) => Section::Later,
            ItemRef::Review(_) => Section::Reviews,
            ItemRef::Relation(_) => Section::Relations,
        }
    }
}

/// Every id in the model with its item, in file order (sentences, actors, events, claims,
/// arguments, then the record's sources, later events and reviews), duplicates included.
pub(crate) fn all_ids(model: &Model) -> impl Iterator<Item = (&str, ItemRef)> {
    let sentences = model.sentences.iter().enumerate();
    let actors = model.actors.iter().enumerate();
    let events = model.events.iter().enumerate();
    let claims = model.claims.iter().enumerate();
    let arguments = model.arguments.iter().enumerate();
    let sources = model.sources.iter().enumerate();
    let later = model.later.iter().enumerate();
    let reviews = model.reviews.iter().enumerate();
    sentences
        .map(|(i, s)| (s.id.as_str(), ItemRef::Sentence(i)))
        .chain(actors.map(|(i, a)| (a.id.as_str(), ItemRef::Actor(i))))
        .chain(events.map(|(i, e)| (e.id.as_str(), ItemRef::Event(i))))
        .chain(claims.map(|(i, c)| (c.id.as_str(), ItemRef::Claim(i))))
        .chain(arguments.map(|(i, a)| (a.id.as_str(), ItemRef::Argument(i))))
        .chain(sources.map(|(i, s)| (s.id.as_str(), ItemRef::Source(i))))
        .chain(later.map(|(i, l)| (l.id.as_str(), ItemRef::Later(i))))
        .chain(reviews.map(|(i, r)| (r.id.as_str(), ItemRef::Review(i))))
}
