//! Opening a model of one's own. The loader reads the file into a checked model; the
//! cache, for a large file, sits beside it: a copy of the very same content is read
//! instead when there is one, and a model loaded afresh is handed to it to save for the
//! next run. The bundled model never goes near the cache.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cache::{self, Place, Quick};
use crate::model::{Index, LoadError, LoadProgress, LoadStage, ModelFile, load_str_with};
use crate::search::Searcher;

/// A model ready to use: its index and its search, and where they came from.
pub struct Opened {
    pub searcher: Searcher,
    /// Whether they were read from a saved copy.
    pub from_cache: bool,
}

/// Loads the model at `path`, by way of the cache in its usual folder
/// ([`cache::directory`]). Tells `progress` how far it has gone.
pub fn open(path: &Path, progress: &LoadProgress) -> Result<Opened, LoadError> {
    open_in(cache::directory(), path, progress)
}

/// As [`open`], with the copies in `dir` (none when `None`).
pub fn open_in(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
) -> Result<Opened, LoadError> {
    let read = |place: &Place| place.read_whole();
    let (searcher, from_cache) = by_way_of_copy(dir, path, progress, read, |s| s)?;
    Ok(Opened {
        searcher,
        from_cache,
    })
}

/// What a search is made over: a model loaded whole, or a copy's engine and names.
pub enum ForSearch {
    Model(Searcher),
    Copy(Quick),
}

/// Loads what a search of the model at `path` needs: from a copy, only the search engine
/// and the items' names, never the model itself; else the model, loaded (and saved) as
/// [`open`] does.
pub fn open_for_search(path: &Path, progress: &LoadProgress) -> Result<ForSearch, LoadError> {
    open_for_search_in(cache::directory(), path, progress)
}

/// As [`open_for_search`], with the copies in `dir`.
pub fn open_for_search_in(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
) -> Result<ForSearch, LoadError> {
    let read = |place: &Place| place.read_for_search().map(ForSearch::Copy);
    by_way_of_copy(dir, path, progress, read, ForSearch::Model).map(|(got, _)| got)
}

/// The model at `path` as `read` takes it from a copy in `dir`, when there is one of the
/// file's content, else as `loaded` makes it of the model loaded from the file (a copy
/// saved for next time); and whether the copy was used.
fn by_way_of_copy<T>(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
    read: impl FnOnce(&Place) -> Option<T>,
    loaded: impl FnOnce(Searcher) -> T,
) -> Result<(T, bool), LoadError> {
    let place = Place::of(dir, path);
    if let Some(place) = place.as_ref().filter(|p| p.has_copy()) {
        progress.enter(LoadStage::Reopening);
        if let Some(got) = read(place) {
            return Ok((got, true));
        }
    }
    Ok((loaded(load(path, progress, place.as_ref())?), false))
}

/// Loads the model from its file, and saves a copy at `place` when there is one (the
/// copy holds the search engine, so it is built now).
fn load(
    path: &Path,
    progress: &LoadProgress,
    place: Option<&Place>,
) -> Result<Searcher, LoadError> {
    progress.enter(LoadStage::Reading);
    let source = ModelFile::read(path)?;
    let model = load_str_with(&source, progress)?;
    progress.enter(LoadStage::Indexing);
    let searcher = Searcher::new(Arc::new(Index::new(model)));
    if let Some(place) = place {
        progress.enter(LoadStage::Saving);
        place.save(&source, &searcher);
    }
    Ok(searcher)
}
