//! The search over one model with the model's index beside it: what the explorer and the
//! command line hold. Everything the search does is its [`Engine`]'s; the index says what
//! a hit is. The engine is built when it is first asked for, so that a command or a
//! session that never searches never builds one.

use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::Hit;
use super::engine::Engine;
use crate::model::Index;

/// The search engine over one model, with the model's index.
pub struct Searcher {
    index: Arc<Index>,
    engine: OnceLock<Engine>,
}

impl Searcher {
    /// A searcher over `index`; its engine is built at the first search.
    pub fn new(index: Arc<Index>) -> Searcher {
        Searcher {
            index,
            engine: OnceLock::new(),
        }
    }

    /// A searcher of an engine already built for `index` (read from the cache).
    pub(super) fn pair(index: Arc<Index>, engine: Engine) -> Searcher {
        Searcher {
            index,
            engine: OnceLock::from(engine),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The index, to share.
    pub fn shared_index(&self) -> &Arc<Index> {
        &self.index
    }

    /// The engine alone, built now if it has not been.
    pub fn engine(&self) -> &Engine {
        self.engine.get_or_init(|| Engine::build(&self.index))
    }

    /// Whether the engine has been built (by a search, or read from the cache).
    pub fn is_built(&self) -> bool {
        self.engine.get().is_some()
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
        self.engine()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;
    use crate::search::Query;

    #[test]
    fn the_engine_is_built_at_the_first_search_and_kept() {
        let model = Model::bundled().expect("the bundled model loads");
        let searcher = Searcher::new(Arc::new(Index::new(model)));
        assert!(!searcher.is_built());
        let first = searcher.search(&Query::parse("kayani"), 5);
        assert!(searcher.is_built());
        assert!(!first.is_empty());
        let engine: *const Engine = searcher.engine();
        assert_eq!(
            searcher.search(&Query::parse("kayani"), 5).len(),
            first.len()
        );
        assert!(std::ptr::eq(engine, searcher.engine()), "built once");
    }
}
