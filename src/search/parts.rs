//! What a search engine is built of, in a form the model cache writes and reads back: the
//! items, their entries and lowercased texts, and the actors' names.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

use super::engine::Engine;
use super::items::{Columns, Item};
use super::searcher::Searcher;
use crate::model::Index;

/// An engine's built parts, as read back from the cache: make them an engine with
/// [`Engine::from_parts`], or a searcher with its index with [`Searcher::from_parts`].
#[derive(Debug, Deserialize)]
pub struct SearchParts {
    items: Vec<Item>,
    columns: Columns,
    actor_names: Vec<Vec<String>>,
}

/// The same parts, borrowed from an engine to be written: laid out as [`SearchParts`]
/// reads them.
#[derive(Serialize)]
struct Borrowed<'a> {
    items: &'a [Item],
    columns: &'a Columns,
    actor_names: &'a [Vec<String>],
}

impl Engine {
    /// Writes the engine's built parts with `out`.
    pub fn serialize_parts<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        Borrowed {
            items: &self.items,
            columns: &self.columns,
            actor_names: &self.actor_names,
        }
        .serialize(out)
    }

    /// The engine of parts that [`Engine::serialize_parts`] wrote.
    pub fn from_parts(parts: SearchParts) -> Engine {
        Engine::assemble(parts.items, parts.columns, parts.actor_names)
    }
}

impl Searcher {
    /// A searcher over `index` of parts that [`Engine::serialize_parts`] wrote for that
    /// same index.
    pub fn from_parts(index: Arc<Index>, parts: SearchParts) -> Searcher {
        Searcher::pair(index, Engine::from_parts(parts))
    }
}
