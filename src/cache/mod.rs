//! The model cache: a large model's checked model, its index and its search, saved after
//! it first loads and read back on later runs, so that a model of a hundred thousand
//! claims opens in a tenth of a second instead of more than one.
//!
//! A saved copy is used only for the very bytes it was made from: each is keyed by a
//! BLAKE3 hash of the model file's content (and of this build's cache format), so an edit
//! to the file, however small, is read afresh, checked, and saved again. There is one copy
//! per model path, replaced when the file changes. A copy's own body is hashed too, and a
//! copy that is cut short or damaged is ignored and made again. Files under
//! [`CACHED_FROM`] are not cached: they load faster than a copy reads.
//!
//! Copies live in `$CLAIMSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/claimscope`, else
//! `~/.cache/claimscope`; `CLAIMSCOPE_NO_CACHE` set to anything turns the cache off.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::ser::{Serialize, Serializer};

use crate::model::{
    Index, LoadError, LoadProgress, LoadStage, MAX_MODEL_BYTES, ModelFile, load_str_with,
    writing_whole,
};
use crate::search::{SearchParts, Searcher};

/// Model files of at least this many bytes (1 MiB, some 25,000 claims) are cached.
pub const CACHED_FROM: usize = 1 << 20;

/// The layout of a copy's header and body. What the body holds changes shape whenever the
/// model's, the index's or the search's types do; the build's fingerprint of the files
/// that define them (`CLAIMSCOPE_CACHE_SHAPE`, from build.rs) is part of every key, so a
/// copy made by a build with other types never matches.
pub const FORMAT: u32 = 1;

const MAGIC: &[u8; 16] = b"claimscope cache";

/// The head of a copy: what it is, what it is a copy of, and how its body is laid out.
struct Header {
    /// The key of the model file's content (see [`keyed`]).
    key: [u8; 32],
    /// The body's length: the index, then the search's parts.
    length: u64,
    /// Where the index ends and the search's parts begin, in the body.
    index_length: u64,
    /// The body's hash.
    hash: [u8; 32],
}

impl Header {
    /// The magic, the format, the key, the two lengths and the hash.
    const BYTES: usize = 16 + 4 + 32 + 8 + 8 + 32;

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&self.key)?;
        out.write_all(&self.length.to_le_bytes())?;
        out.write_all(&self.index_length.to_le_bytes())?;
        out.write_all(&self.hash)
    }

    /// The header at the start of `bytes`, if it is one of this format's.
    fn read(bytes: &[u8]) -> Option<Header> {
        let (magic, rest) = bytes.split_first_chunk::<16>()?;
        let (format, rest) = rest.split_first_chunk::<4>()?;
        let (key, rest) = rest.split_first_chunk::<32>()?;
        let (length, rest) = rest.split_first_chunk::<8>()?;
        let (index_length, rest) = rest.split_first_chunk::<8>()?;
        let (hash, _) = rest.split_first_chunk::<32>()?;
        (magic == MAGIC && *format == FORMAT.to_le_bytes()).then_some(Header {
            key: *key,
            length: u64::from_le_bytes(*length),
            index_length: u64::from_le_bytes(*index_length),
            hash: *hash,
        })
    }
}

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
    let file = ModelFile::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let place = dir.zip(std::path::absolute(path).ok());
    let Some((dir, absolute)) = place.filter(|_| size >= CACHED_FROM as u64) else {
        drop(file);
        return load_fresh(&ModelFile::read(path)?, progress, None);
    };
    let name = blake3::hash(absolute.as_os_str().as_encoded_bytes());
    let copy_file = dir.join(format!("{}.bin", &name.to_hex()[..32]));
    progress.enter(LoadStage::Reopening);
    // The file's content is hashed as it streams past, never held, while the copy is
    // read on the other core; the copy is used only if the two keys agree. A copy that
    // matches is all this run reads of the model.
    let hash_content = move || {
        let mut hasher = keyed();
        let streamed = hasher.update_reader(file.take(MAX_MODEL_BYTES + 1));
        streamed.is_ok().then(|| *hasher.finalize().as_bytes())
    };
    let (key, copy) = std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new()
            .name("hash".into())
            .spawn_scoped(scope, hash_content);
        match hashing {
            Ok(hashing) => {
                let copy = read_copy(&copy_file);
                (hashing.join().ok().flatten(), copy)
            }
            // No thread to spare: load as if there were no copy.
            Err(_) => (None, None),
        }
    });
    match (key, copy) {
        (Some(key), Some((copy_key, searcher))) if key == copy_key => {
            return Ok(Opened {
                searcher,
                from_cache: true,
            });
        }
        // A copy of the file as it was: let it go on a thread of its own, as it is large.
        (_, Some((_, stale))) => drop_elsewhere(stale),
        _ => {}
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
    load_fresh(&source, progress, Some(&slot))
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
) -> Result<Opened, LoadError> {
    let model = load_str_with(source, progress)?;
    progress.enter(LoadStage::Indexing);
    let searcher = Searcher::new(Arc::new(Index::new(model)));
    if let Some(slot) = slot {
        progress.enter(LoadStage::Saving);
        // A copy that cannot be saved only costs the next run its speed.
        let _ = write_copy(slot, &searcher);
    }
    Ok(Opened {
        searcher,
        from_cache: false,
    })
}

/// Frees `searcher` on a thread of its own, so that no one waits for it.
fn drop_elsewhere(searcher: Searcher) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(searcher));
}

/// The copy at `path`, with the key of the content it is a copy of, if it is whole.
fn read_copy(path: &Path) -> Option<([u8; 32], Searcher)> {
    let file = File::open(path).ok()?;
    // Mapped, not read: the copy's pages are the system's file cache itself, where
    // reading would copy them into memory of our own first. The copy is only ever
    // replaced whole (written aside, then renamed over), never changed in place, so the
    // mapping holds what was checked for as long as it is read.
    // SAFETY: the mapping is read-only and dropped before this function returns; the
    // file is not changed in place (see above).
    let mapped = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let header = Header::read(&mapped)?;
    let body = mapped.get(Header::BYTES..)?;
    let length = usize::try_from(header.length).ok()?;
    let index_length = usize::try_from(header.index_length).ok()?;
    if body.len() != length || index_length > length {
        return None;
    }
    let (index_bytes, parts_bytes) = body.split_at(index_length);
    // The index on this thread; the body's hash and the search's parts on another.
    let (index, rest) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| {
            let whole = blake3::hash(body).as_bytes() == &header.hash;
            let parts: Option<SearchParts> = postcard::from_bytes(parts_bytes).ok();
            (whole, parts)
        });
        let index: Option<Index> = postcard::from_bytes(index_bytes).ok();
        (index, rest.join().ok())
    });
    match (index, rest) {
        (Some(index), Some((true, Some(parts)))) => {
            Some((header.key, Searcher::from_parts(Arc::new(index), parts)))
        }
        _ => None,
    }
}

/// Writes `searcher`'s model, index and parts as the copy in `slot`: to a file of its
/// own first, put in place whole, so that no reader sees half a copy.
fn write_copy(slot: &Slot, searcher: &Searcher) -> io::Result<()> {
    create_private_dir(&slot.dir)?;
    let temporary = slot
        .file
        .with_extension(format!("{}.part", std::process::id()));
    let written = write_to(&temporary, &slot.key, searcher);
    match written.and_then(|()| fs::rename(&temporary, &slot.file)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            Err(e)
        }
    }
}

fn write_to(path: &Path, key: &[u8; 32], searcher: &Searcher) -> io::Result<()> {
    let mut file = BufWriter::new(File::create(path)?);
    // The header once the body is written and its lengths and hash known.
    file.write_all(&[0; Header::BYTES])?;
    let mut body = Hashing {
        inner: file,
        hasher: blake3::Hasher::new(),
        length: 0,
    };
    writing_whole(|| -> Result<u64, postcard::Error> {
        let body = postcard::to_io(searcher.index(), &mut body)?;
        let index_length = body.length;
        postcard::to_io(&Parts(searcher), body)?;
        Ok(index_length)
    })
    .map_err(io::Error::other)
    .and_then(|index_length| {
        let Hashing {
            inner: mut file,
            hasher,
            length,
        } = body;
        file.seek(SeekFrom::Start(0))?;
        let header = Header {
            key: *key,
            length,
            index_length,
            hash: *hasher.finalize().as_bytes(),
        };
        header.write(&mut file)?;
        file.flush()
    })
}

/// The search's parts of a searcher, to write.
struct Parts<'a>(&'a Searcher);

impl Serialize for Parts<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_parts(out)
    }
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: blake3::Hasher,
    length: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hasher.update(bytes.get(..n).unwrap_or(bytes));
        self.length += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Makes the cache's folder, readable by its owner alone: a copy of a model is as
/// private as the model.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
