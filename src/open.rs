//! Opening a model of one's own. The loader reads the file into a model, a draft that
//! still breaks rules included (its problems located beside it); the cache, for a large
//! file, sits beside it: a copy of the very same content is read instead when there is
//! one, and a model loaded afresh with no errors is handed to it to save for the next run.
//! A draft is never saved: it is read again each time, problems and all. The bundled
//! model never goes near the cache.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cache::{self, Place, Quick};
use crate::model::{
    Diagnostic, Index, LoadError, LoadProgress, LoadStage, Located, ModelFile, Severity,
    load_draft, locate_all,
};
use crate::search::Searcher;

/// A model ready to use: its index and its search, and where they came from.
pub struct Opened {
    pub searcher: Searcher,
    /// Whether they were read from a saved copy.
    pub from_cache: bool,
    /// The rules the model still breaks, located: none for a finished model.
    pub problems: Vec<Located>,
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
    let (searcher, from_cache, problems) = by_way_of_copy(dir, path, progress, read, |s| s)?;
    Ok(Opened {
        searcher,
        from_cache,
        problems,
    })
}

/// What a search is made over: a model loaded whole, or a copy's engine and names.
pub enum ForSearch {
    Model(Searcher),
    Copy(Quick),
}

/// Loads what a search of the model at `path` needs: from a copy, only the search engine
/// and the items' names, never the model itself; else the model, loaded (and saved) as
/// [`open`] does. With the rules the model still breaks.
pub fn open_for_search(
    path: &Path,
    progress: &LoadProgress,
) -> Result<(ForSearch, Vec<Located>), LoadError> {
    open_for_search_in(cache::directory(), path, progress)
}

/// As [`open_for_search`], with the copies in `dir`.
pub fn open_for_search_in(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
) -> Result<(ForSearch, Vec<Located>), LoadError> {
    let read = |place: &Place| place.read_for_search().map(ForSearch::Copy);
    by_way_of_copy(dir, path, progress, read, ForSearch::Model).map(|(got, _, p)| (got, p))
}

/// The model at `path` as `read` takes it from a copy in `dir`, when there is one of the
/// file's content, else as `loaded` makes it of the model loaded from the file (a copy
/// saved for next time); whether the copy was used; and the model's problems (a copy is
/// only ever of a model with none).
fn by_way_of_copy<T>(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
    read: impl FnOnce(&Place) -> Option<T>,
    loaded: impl FnOnce(Searcher) -> T,
) -> Result<(T, bool, Vec<Located>), LoadError> {
    let place = Place::of(dir, path);
    if let Some(place) = place.as_ref().filter(|p| p.has_copy()) {
        progress.enter(LoadStage::Reopening);
        if let Some(got) = read(place) {
            return Ok((got, true, Vec::new()));
        }
    }
    let (searcher, problems) = load(path, progress, place.as_ref())?;
    Ok((loaded(searcher), false, problems))
}

/// Loads the model from its file, draft or not, and saves a copy at `place` when there is
/// one and the model breaks no rule (the copy holds the search engine, so it is built
/// now).
fn load(
    path: &Path,
    progress: &LoadProgress,
    place: Option<&Place>,
) -> Result<(Searcher, Vec<Located>), LoadError> {
    progress.enter(LoadStage::Reading);
    let source = ModelFile::read(path)?;
    let survey = load_draft(&source, progress)?;
    let errors: Vec<Diagnostic> = survey
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error() || d.severity == Severity::Note)
        .collect();
    progress.enter(LoadStage::Indexing);
    let searcher = Searcher::new(Arc::new(Index::new(survey.model)));
    match place {
        Some(place) if errors.is_empty() => {
            progress.enter(LoadStage::Saving);
            place.save(&source, &searcher);
        }
        _ => {}
    }
    Ok((searcher, locate_all(&errors, &source.text)))
}
