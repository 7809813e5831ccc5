//! The model cache: a large model's checked model, its index and its search, saved after
//! it first loads and read back on later runs, so that a model of a hundred thousand
//! claims opens in a tenth of a second instead of more than one. It sits beside the
//! loader, never inside it: [`crate::open`] asks it for a copy, loads the file when there
//! is none, and hands it what was loaded to save. For a small file, or with the cache
//! off, it has no part at all.
//!
//! A saved copy is used only for the very bytes it was made from: each is keyed by a
//! BLAKE3 hash of the model file's content (and of this build's cache format), so an edit
//! to the file, however small, is read afresh, checked, and saved again. There is one copy
//! per model path, replaced when the file changes. A copy's sections are hashed too (see
//! `copy`), and a copy that is cut short or damaged is ignored and made again. Files under
//! [`CACHED_FROM`] are not cached: they load faster than a copy reads.
//!
//! `search` reads only what a search needs of a copy ([`Place::read_for_search`]): the
//! engine's parts, and the ids and labels of the items (`names`), read in place from the
//! copy mapped into memory. Everything else reads the model and its index back whole
//! ([`Place::read_whole`]).
//!
//! Copies live in `$CLAIMSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/claimscope`, else
//! `~/.cache/claimscope`; `CLAIMSCOPE_NO_CACHE` set to anything turns the cache off.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{MAX_MODEL_BYTES, ModelFile};
use crate::search::Searcher;

mod copy;
mod model;
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
pub const FORMAT: u32 = 4;

/// Where the copy of one model file is kept: its folder, the copy's file, and the model
/// file it is a copy of.
pub struct Place {
    dir: PathBuf,
    copy: PathBuf,
    file: PathBuf,
}

impl Place {
    /// The place of the copy of the model file at `path`, with the copies in `dir`, when
    /// the cache is to be used for it: `dir` is named and may hold copies (see
    /// [`private`]), and the file is at least [`CACHED_FROM`] bytes. Otherwise `None`, and
    /// the cache has no part in loading the file.
    pub fn of(dir: Option<PathBuf>, path: &Path) -> Option<Place> {
        let dir = dir.filter(|d| private(d))?;
        let size = std::fs::metadata(path).ok()?.len();
        if size < CACHED_FROM as u64 {
            return None;
        }
        let absolute = std::path::absolute(path).ok()?;
        let name = blake3::hash(absolute.as_os_str().as_encoded_bytes());
        let copy = dir.join(format!("{}.bin", &name.to_hex()[..32]));
        Some(Place {
            dir,
            copy,
            file: path.to_path_buf(),
        })
    }

    /// Whether a copy is there to be tried (it may yet be of other content).
    pub fn has_copy(&self) -> bool {
        self.copy.is_file()
    }

    /// The copy as a searcher, if it is whole and a copy of the file's content as it is
    /// now.
    pub fn read_whole(&self) -> Option<Searcher> {
        self.read(copy::read_whole)
    }

    /// What a search needs of the copy (the engine and the items' names, never the
    /// model), if it is whole and a copy of the file's content as it is now.
    pub fn read_for_search(&self) -> Option<Quick> {
        self.read(copy::read_for_search)
    }

    /// Reads the copy with `read` while the file's content is hashed on the other core;
    /// what was read is used only if the two keys agree.
    fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&Path) -> Option<([u8; 32], T)> + Send,
    ) -> Option<T> {
        if !self.has_copy() {
            return None;
        }
        // Parts a stopped run left are removed while a finished copy is used, too.
        copy::tidy(&self.dir, &self.copy, copy::MAX_BYTES);
        let (file, _) = ModelFile::open(&self.file).ok()?;
        // The content is hashed as it streams past, never held.
        let hash_content = move || {
            let mut hasher = keyed();
            let streamed = hasher.update_reader(file.take(MAX_MODEL_BYTES + 1));
            streamed.is_ok().then(|| *hasher.finalize().as_bytes())
        };
        match copy::side_by_side(|| read(&self.copy), hash_content) {
            (Some((copy_key, got)), Some(Some(key))) if key == copy_key => Some(got),
            // A copy of the file as it was: let it go on a thread of its own, as it is
            // large.
            (Some((_, stale)), _) => {
                drop_elsewhere(stale);
                None
            }
            _ => None,
        }
    }

    /// Saves a copy of `searcher`, loaded from `source` (the file's content as it was
    /// read), for the next run, keyed by that content. A copy that cannot be saved only
    /// costs the next run its speed, so nothing is said.
    pub fn save(&self, source: &ModelFile, searcher: &Searcher) {
        let mut hasher = keyed();
        hasher.update(source.text.as_bytes());
        let key = *hasher.finalize().as_bytes();
        let _ = copy::write(&self.dir, &self.copy, &key, searcher);
    }
}

/// Whether `dir` may hold copies: a folder not made yet (it is made for its owner alone),
/// or one of this user's that no one else can write to, and not a symbolic link to one.
/// (Writing a copy checks the folder again, as opened: see `copy::write`.) A copy in a folder that others
/// can write to could be written by them, to answer for a model with anything.
fn private(dir: &Path) -> bool {
    // Not following a symbolic link: a link in the folder's place is not the folder.
    match std::fs::symlink_metadata(dir) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            let me = rustix::process::geteuid().as_raw();
            meta.is_dir() && meta.uid() == me && meta.mode() & 0o022 == 0
        }
    }
}

/// The cache's folder, or `None` when the cache is off or no folder can be named.
pub fn directory() -> Option<PathBuf> {
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if set("CLAIMSCOPE_NO_CACHE").is_some() {
        return None;
    }
    // Relative paths are ignored, as the XDG specification asks: one would name a
    // different folder from every folder a command is run in.
    let absolute = |dir: PathBuf| dir.is_absolute().then_some(dir);
    if let Some(dir) = set("CLAIMSCOPE_CACHE_DIR") {
        return absolute(PathBuf::from(dir));
    }
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

/// Frees `value` on a thread of its own, so that no one waits for it.
fn drop_elsewhere<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
