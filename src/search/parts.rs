//! What a searcher is built of besides its index, in a form the model cache writes and
//! reads back: the items, their entries and lowercased texts, and the actors' names.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

use super::Searcher;
use super::items::{Columns, Item};
use crate::model::Index;

/// A searcher's built parts, as read back from the cache: give them their index with
/// [`Searcher::from_parts`].
#[derive(Debug, Deserialize)]
pub struct SearchParts {
    items: Vec<Item>,
    columns: Columns,
    actor_names: Vec<Vec<String>>,
}

/// The same parts, borrowed from a searcher to be written: laid out as [`SearchParts`]
/// reads them.
#[derive(Serialize)]
struct Borrowed<'a> {
    items: &'a [Item],
    columns: &'a Columns,
    actor_names: &'a [Vec<String>],
}

impl Searcher {
    /// Writes the searcher's built parts (not its index) with `out`.
    pub fn serialize_parts<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        Borrowed {
            items: &self.items,
            columns: &self.columns,
            actor_names: &self.actor_names,
        }
        .serialize(out)
    }

    /// A searcher over `index` of parts that [`Searcher::serialize_parts`] wrote for
    /// that same index.
    pub fn from_parts(index: Arc<Index>, parts: SearchParts) -> Searcher {
        Searcher::assemble(index, parts.items, parts.columns, parts.actor_names)
    }
}
