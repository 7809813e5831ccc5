//! The model cache: a large model's checked model, its index and its search, saved after
//! it first loads and read back on later runs, so that a model of a hundred thousand
//! claims opens in a tenth of a second instead of more than one.
//!
//! A saved copy is used only for the very bytes it was made from: each is keyed by a
//! BLAKE3 hash of the model file's content (and of this build's cache format), so an edit
//! to the file, however small, is read afresh, checked, and saved again. There is one copy
//! per model path, replaced when the file changes. A copy's sections are hashed too (see
//! `copy`), and a copy that is cut short or damaged is ignored and made again. Files under
//! [`CACHED_FROM`] are not cached: they load faster than a copy reads.
//!
//! `search` reads only what a search needs of a copy ([`open_for_search`]): the engine's
//! parts, and the ids and labels of the items (`names`), read in place. Everything else
//! reads the model and its index back whole ([`open`]).
//!
//! Copies live in `$CLAIMSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/claimscope`, else
//! `~/.cache/claimscope`; `CLAIMSCOPE_NO_CACHE` set to anything turns the cache off.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use std::io::Read;

use crate::model::{
    Index, LoadError, LoadProgress, LoadStage, MAX_MODEL_BYTES, ModelFile, load_str_with,
};
use crate::search::Searcher;

mod copy;
mod names;

pub use copy::Quick;
pub use names::Names;

/// Model files of at least this many bytes (1 MiB, some 3,000 claims) are cached.
pub const CACHED_FROM: usize = 1 << 20;

/// The layout of a copy's header and sections. What the sections hold changes whenever
/// the code that reads, checks, indexes or searches a model does; the build's fingerprint
/// of that code (`CLAIMSCOPE_CACHE_SHAPE`, from build.rs: the sources, the locked
/// dependencies and the compiler) is part of every key, so a copy made by a build that
/// would have made it differently never matches.
pub const FORMAT: u32 = 3;

/// A model ready to use: its index and its search, and where they came from.
pub struct Opened {
    pub searcher: Searcher,
    /// Whether they were read from a saved copy.
    pub from_cache: bool,
}

/// Loads the model at `path` as [`crate::model::load_file`] does, by way of the cache:
/// from a saved copy when one matches the file's content, else from the file (saving a
/// copy for next time). Tells `progress` how far it has gone. A cache that cannot be read
/// or written is passed over: the model loads as if there were none.
pub fn open(path: &Path, progress: &LoadProgress) -> Result<Opened, LoadError> {
    open_in(directory(), path, progress)
}

/// As [`open`], with the copies in `dir` (none when `None`) instead of the usual folder.
pub fn open_in(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
) -> Result<Opened, LoadError> {
    let (searcher, from_cache) = by_way_of_copy(dir, path, progress, copy::read_whole, |s| s)?;
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

/// Loads what a search of the model at `path` needs, by way of the cache: from a saved
/// copy, only the search engine and the items' names, never the model itself; else the
/// model, loaded and saved as [`open`] does.
pub fn open_for_search(path: &Path, progress: &LoadProgress) -> Result<ForSearch, LoadError> {
    open_for_search_in(directory(), path, progress)
}

/// As [`open_for_search`], with the copies in `dir`.
pub fn open_for_search_in(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
) -> Result<ForSearch, LoadError> {
    let read =
        |copy: &Path| copy::read_for_search(copy).map(|(key, quick)| (key, ForSearch::Copy(quick)));
    by_way_of_copy(dir, path, progress, read, ForSearch::Model).map(|(got, _)| got)
}

/// Loads the model at `path` by way of a copy in `dir`: `read` makes what is wanted of a
/// copy (with the key of the content it is a copy of), `loaded` of a model loaded from
/// its file. Says whether the copy was used.
fn by_way_of_copy<T: Send + 'static>(
    dir: Option<PathBuf>,
    path: &Path,
    progress: &LoadProgress,
    read: impl FnOnce(&Path) -> Option<([u8; 32], T)> + Send,
    loaded: impl FnOnce(Searcher) -> T,
) -> Result<(T, bool), LoadError> {
    let file = ModelFile::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let place = dir
        .filter(|d| private(d))
        .zip(std::path::absolute(path).ok());
    let Some((dir, absolute)) = place.filter(|_| size >= CACHED_FROM as u64) else {
        drop(file);
        let source = ModelFile::read(path)?;
        return Ok((loaded(load_fresh(&source, progress, None)?), false));
    };
    let name = blake3::hash(absolute.as_os_str().as_encoded_bytes());
    let copy_file = dir.join(format!("{}.bin", &name.to_hex()[..32]));
    // With no copy yet (a model's first run), the content is hashed once, below, as it
    // is loaded: not streamed past here first for nothing to compare it with.
    if copy_file.is_file() {
        progress.enter(LoadStage::Reopening);
        // The file's content is hashed as it streams past, never held, while the copy is
        // read on the other core; the copy is used only if the two keys agree. A copy
        // that matches is all this run reads of the model.
        let hash_content = move || {
            let mut hasher = keyed();
            let streamed = hasher.update_reader(file.take(MAX_MODEL_BYTES + 1));
            streamed.is_ok().then(|| *hasher.finalize().as_bytes())
        };
        match copy::side_by_side(|| read(&copy_file), hash_content) {
            (Some((copy_key, got)), Some(Some(key))) if key == copy_key => {
                return Ok((got, true));
            }
            // A copy of the file as it was: let it go on a thread of its own, as it is
            // large.
            (Some((_, stale)), _) => drop_elsewhere(stale),
            _ => {}
        }
    }
    // No copy of this content: read the file (again, to report whatever is wrong with it
    // as a load does) and save a copy keyed by the content read.
    progress.enter(LoadStage::Reading);
    let source = ModelFile::read(path)?;
    let mut hasher = keyed();
    hasher.update(source.text.as_bytes());
    let slot = Slot {
        dir,
        file: copy_file,
        key: *hasher.finalize().as_bytes(),
    };
    Ok((loaded(load_fresh(&source, progress, Some(&slot))?), false))
}

/// Whether `dir` may hold copies: a folder not made yet (it is made for its owner alone),
/// or one of this user's that no one else can write to. A copy in a folder that others
/// can write to could be written by them, to answer for a model with anything.
fn private(dir: &Path) -> bool {
    match std::fs::metadata(dir) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            let me = rustix::process::geteuid().as_raw();
            meta.is_dir() && meta.uid() == me && meta.mode() & 0o022 == 0
        }
    }
}

/// Where one model's copy is kept, and the key of the content it must be a copy of.
struct Slot {
    dir: PathBuf,
    file: PathBuf,
    key: [u8; 32],
}

/// The cache's folder, or `None` when the cache is off or no folder can be named.
pub fn directory() -> Option<PathBuf> {
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if set("CLAIMSCOPE_NO_CACHE").is_some() {
        return None;
    }
    if let Some(dir) = set("CLAIMSCOPE_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    // Relative paths are ignored, as the XDG specification asks.
    let absolute = |dir: PathBuf| dir.is_absolute().then_some(dir);
    set("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .and_then(absolute)
        .or_else(|| Some(PathBuf::from(set("HOME")?).join(".cache")).and_then(absolute))
        .map(|dir| dir.join("claimscope"))
}

/// A hasher for the key of a model file's content: fed the content, it gives its hash
/// with this build's format, version and types in it, so that another build's copy never
/// matches.
fn keyed() -> blake3::Hasher {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&FORMAT.to_le_bytes());
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&[0]);
    hasher.update(env!("CLAIMSCOPE_CACHE_SHAPE").as_bytes());
    hasher.update(&[0]);
    hasher
}

/// Loads the model from its text, and saves a copy in `slot` when there is one.
fn load_fresh(
    source: &ModelFile,
    progress: &LoadProgress,
    slot: Option<&Slot>,
) -> Result<Searcher, LoadError> {
    let model = load_str_with(source, progress)?;
    progress.enter(LoadStage::Indexing);
    let searcher = Searcher::new(Arc::new(Index::new(model)));
    if let Some(slot) = slot {
        progress.enter(LoadStage::Saving);
        // A copy that cannot be saved only costs the next run its speed.
        let _ = copy::write(&slot.dir, &slot.file, &slot.key, &searcher);
    }
    Ok(searcher)
}

/// Frees `value` on a thread of its own, so that no one waits for it.
fn drop_elsewhere<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
