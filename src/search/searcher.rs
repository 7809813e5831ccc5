//! The search over one model with the model's index beside it: what the explorer and the
//! command line hold. Everything the search does is its [`Engine`]'s; the index says what
//! a hit is.

use std::ops::Deref;
use std::sync::Arc;

use super::Hit;
use super::engine::Engine;
use crate::model::Index;

/// The search engine over one model, with the model's index.
pub struct Searcher {
    index: Arc<Index>,
    engine: Engine,
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Searcher {
        let engine = Engine::build(&index);
        Searcher { index, engine }
    }

    /// A searcher of an engine already built for `index` (read from the cache).
    pub(super) fn pair(index: Arc<Index>, engine: Engine) -> Searcher {
        Searcher { index, engine }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The index, to share.
    pub fn shared_index(&self) -> &Arc<Index> {
        &self.index
    }

    /// The engine alone.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The text of the field a hit matched, for display.
    pub fn field_text(&self, hit: &Hit) -> &str {
        super::items::field_text(&self.index, hit)
    }
}

/// A searcher searches as its engine does: `searcher.search(..)`.
impl Deref for Searcher {
    type Target = Engine;

    fn deref(&self) -> &Engine {
        &self.engine
    }
}
