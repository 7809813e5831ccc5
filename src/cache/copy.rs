//! A copy of a loaded model on disk: a header, then four sections (the model, the tables
//! its index worked out, the search engine's parts, and the names the command line
//! prints), each with its length and hash in the header, so that each can be checked and
//! read alone, and the large ones side by side.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::ser::{Serialize, Serializer};

use super::FORMAT;
use super::names::{self, Names};
use crate::model::{Index, Tables};
use crate::search::{Engine, SearchParts, Searcher};

const MAGIC: &[u8; 16] = b"claimscope cache";

/// The sections, in the order they are written.
const SECTIONS: usize = 4;
const MODEL: usize = 0;
const TABLES: usize = 1;
const PARTS: usize = 2;
const NAMES: usize = 3;

/// The head of a copy: what it is, what it is a copy of, and each section's length and
/// hash.
struct Header {
    /// The key of the model file's content (see `keyed`).
    key: [u8; 32],
    sections: [(u64, [u8; 32]); SECTIONS],
}

impl Header {
    /// The magic, the format, the key, and a length and a hash per section.
    const BYTES: usize = 16 + 4 + 32 + SECTIONS * (8 + 32);

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&self.key)?;
        for (length, hash) in &self.sections {
            out.write_all(&length.to_le_bytes())?;
            out.write_all(hash)?;
        }
        Ok(())
    }

    /// The header at the start of `bytes`, if it is one of this format's.
    fn read(bytes: &[u8]) -> Option<Header> {
        let (magic, rest) = bytes.split_first_chunk::<16>()?;
        let (format, rest) = rest.split_first_chunk::<4>()?;
        let (key, mut rest) = rest.split_first_chunk::<32>()?;
        if magic != MAGIC || *format != FORMAT.to_le_bytes() {
            return None;
        }
        let mut sections = [(0, [0; 32]); SECTIONS];
        for section in &mut sections {
            let (length, after) = rest.split_first_chunk::<8>()?;
            let (hash, after) = after.split_first_chunk::<32>()?;
            *section = (u64::from_le_bytes(*length), *hash);
            rest = after;
        }
        Some(Header {
            key: *key,
            sections,
        })
    }
}

/// A copy mapped into memory, its header read and its sections found.
struct Mapped {
    file: File,
    map: memmap2::Mmap,
    key: [u8; 32],
    /// Where each section lies in the map, and the hash it must have.
    sections: [(Range<usize>, [u8; 32]); SECTIONS],
}

impl Mapped {
    fn open(path: &Path) -> Option<Mapped> {
        // Without waiting, so that a FIFO put in a copy's place cannot block; and only a
        // regular file is read.
        let mut options = fs::OpenOptions::new();
        options.read(true);
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NONBLOCK);
        }
        let file = options.open(path).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        // Mapped, not read: the copy's pages are the system's file cache itself, where
        // reading would first copy them into memory of our own. It pays even where every
        // byte is hashed and decoded (a copy read whole): at 100,000 claims a whole read
        // took 138 to 144 ms against 119 to 127 mapped (BENCHMARKS.md); and `search`
        // reads the names in place, never copying them.
        // SAFETY: the map is read-only, and claimscope never changes a copy in place: it
        // writes a new one to a file of its own (created new, never reused) and renames
        // it over the old, so the file mapped keeps what was checked for as long as the
        // map lives. Another program truncating the file under the map would be a SIGBUS;
        // the cache's folder is the user's own and checked to be (see `private`).
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        let header = Header::read(&map)?;
        let mut at = Header::BYTES;
        let mut sections: [(Range<usize>, [u8; 32]); SECTIONS] = Default::default();
        for (section, (length, hash)) in sections.iter_mut().zip(header.sections) {
            let end = at.checked_add(usize::try_from(length).ok()?)?;
            *section = (at..end, hash);
            at = end;
        }
        (at == map.len()).then_some(Mapped {
            file,
            map,
            key: header.key,
            sections,
        })
    }

    /// The bytes of a section.
    fn bytes(&self, section: usize) -> &[u8] {
        self.sections
            .get(section)
            .and_then(|(range, _)| self.map.get(range.clone()))
            .unwrap_or(&[])
    }

    /// Whether a section has the hash the header gives it.
    fn whole(&self, section: usize) -> bool {
        let hash = self.sections.get(section).map(|(_, hash)| hash);
        hash == Some(blake3::hash(self.bytes(section)).as_bytes())
    }

    /// As [`Mapped::whole`], reading the section from the file instead of through the
    /// map: for a section of which only a few pages are read afterwards, so that hashing
    /// it does not bring the whole of it into this process's memory.
    fn whole_by_reading(&self, section: usize) -> bool {
        let Some((range, hash)) = self.sections.get(section) else {
            return false;
        };
        let mut hasher = blake3::Hasher::new();
        let mut reader = At {
            file: &self.file,
            at: range.start as u64,
            end: range.end as u64,
        };
        hasher.update_reader(&mut reader).is_ok() && hasher.finalize().as_bytes() == hash
    }

    fn parts(&self) -> Option<SearchParts> {
        postcard::from_bytes(self.bytes(PARTS)).ok()
    }
}

/// A stretch of a file, read with positioned reads (which leave the file's offset alone).
struct At<'a> {
    file: &'a File,
    at: u64,
    end: u64,
}

impl io::Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let left = usize::try_from(self.end.saturating_sub(self.at)).unwrap_or(usize::MAX);
        let want = buf.len().min(left);
        let n = self.file.read_at(&mut buf[..want], self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

/// The copy at `path` as a searcher, with the key of the content it is a copy of, if it is
/// whole: the model decoded on this thread; the index's tables, the engine's parts and
/// the sections' hashes on another.
pub(super) fn read_whole(path: &Path) -> Option<([u8; 32], Searcher)> {
    let mapped = Mapped::open(path)?;
    let rest = || {
        let whole = [MODEL, TABLES, PARTS].into_iter().all(|s| mapped.whole(s));
        let tables: Option<Tables> = postcard::from_bytes(mapped.bytes(TABLES)).ok();
        whole.then(|| tables.zip(mapped.parts())).flatten()
    };
    let model = || super::model::read(mapped.bytes(MODEL));
    let (model, rest) = side_by_side(model, rest);
    let (tables, parts) = rest.flatten()?;
    let index = Index::from_parts(model?, tables);
    Some((mapped.key, Searcher::from_parts(Arc::new(index), parts)))
}

/// Runs `here` on this thread and `there` on another, side by side; both here when no
/// thread can be had. `there`'s answer is `None` only if it panicked.
pub(super) fn side_by_side<A, B: Send>(
    here: impl FnOnce() -> A,
    there: impl FnOnce() -> B + Send,
) -> (A, Option<B>) {
    let there = std::sync::Mutex::new(Some(there));
    // Run by whichever thread gets it: the other one, or this one if none can be had.
    let run = || there.lock().ok()?.take().map(|f| f());
    std::thread::scope(
        |scope| match std::thread::Builder::new().spawn_scoped(scope, run) {
            Ok(thread) => (here(), thread.join().ok().flatten()),
            Err(_) => (here(), run()),
        },
    )
}

/// A copy read for a search alone: the engine, and the names of its items read in place.
/// The model and its index are not read at all.
pub struct Quick {
    engine: Engine,
    map: memmap2::Mmap,
    names: Range<usize>,
}

impl Quick {
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// What the command line prints of each item.
    pub fn names(&self) -> Names<'_> {
        self.map
            .get(self.names.clone())
            .and_then(Names::read)
            .unwrap_or_default()
    }
}

/// The copy at `path` for a search alone, with the key of the content it is a copy of, if
/// the sections a search reads are whole.
pub(super) fn read_for_search(path: &Path) -> Option<([u8; 32], Quick)> {
    let mapped = Mapped::open(path)?;
    let (parts, names_whole) = side_by_side(
        || mapped.whole(PARTS).then(|| mapped.parts()).flatten(),
        || mapped.whole_by_reading(NAMES) && Names::read(mapped.bytes(NAMES)).is_some(),
    );
    let engine = Engine::from_parts(parts.filter(|_| names_whole.unwrap_or(false))?);
    let names = mapped.sections[NAMES].0.clone();
    Some((
        mapped.key,
        Quick {
            engine,
            map: mapped.map,
            names,
        },
    ))
}

/// Writes `searcher`'s model, index tables, engine parts and names as the copy at
/// `file`, keyed by `key`: to a file of its own first, put in place whole, so that no
/// reader sees half a copy. The folder is opened once, not following a symbolic link,
/// and the open folder is checked (this user's, no one else may write to it): the copy
/// is made and put in place in that folder, whatever its path names by then.
pub(super) fn write(
    dir: &Path,
    file: &Path,
    key: &[u8; 32],
    searcher: &Searcher,
) -> io::Result<()> {
    create_private_dir(dir)?;
    let folder = open_private(dir)?;
    let name = file
        .file_name()
        .ok_or_else(|| io::Error::other("a copy names no file"))?;
    let mut temporary = name.to_os_string();
    temporary.push(format!(".{}.part", std::process::id()));
    let written = create_new_in(&folder, &temporary)
        .and_then(|part| write_to(part, key, searcher))
        .and_then(|()| {
            rustix::fs::renameat(&folder, &temporary, &folder, name).map_err(io::Error::from)
        });
    match written {
        Ok(()) => {
            tidy(dir, file, MAX_BYTES);
            Ok(())
        }
        Err(e) => {
            let _ = rustix::fs::unlinkat(&folder, &temporary, rustix::fs::AtFlags::empty());
            Err(e)
        }
    }
}

/// The cache's folder, opened without following a symbolic link and checked as opened:
/// a folder of this user's that no one else can write to.
fn open_private(dir: &Path) -> io::Result<rustix::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let folder = rustix::fs::open(dir, flags, Mode::empty())?;
    let stat = rustix::fs::fstat(&folder)?;
    let mine = stat.st_uid == rustix::process::geteuid().as_raw();
    if !mine || stat.st_mode & 0o022 != 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the cache's folder is not this user's alone",
        ));
    }
    Ok(folder)
}

/// Creates `name` in `folder` for this process alone, readable by its owner alone: never
/// a file already there (one left by a stopped process of the same number is removed
/// first), nor a symbolic link.
fn create_new_in(folder: &rustix::fd::OwnedFd, name: &std::ffi::OsStr) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let open = || rustix::fs::openat(folder, name, flags, Mode::from_raw_mode(0o600));
    let fd = match open() {
        Err(rustix::io::Errno::EXIST) => {
            rustix::fs::unlinkat(folder, name, rustix::fs::AtFlags::empty())?;
            open()?
        }
        other => other?,
    };
    Ok(File::from(fd))
}

fn write_to(part: File, key: &[u8; 32], searcher: &Searcher) -> io::Result<()> {
    let mut file = BufWriter::new(part);
    // The header once the sections are written and their lengths and hashes known.
    file.write_all(&[0; Header::BYTES])?;
    let mut out = Hashing {
        inner: file,
        hasher: blake3::Hasher::new(),
        length: 0,
    };
    let mut sections = [(0, [0; 32]); SECTIONS];
    let index = searcher.index();
    super::model::write(index.model(), &mut out).map_err(io::Error::other)?;
    sections[MODEL] = out.section();
    postcard::to_io(index.tables(), &mut out).map_err(io::Error::other)?;
    sections[TABLES] = out.section();
    postcard::to_io(&Parts(searcher.engine()), &mut out).map_err(io::Error::other)?;
    sections[PARTS] = out.section();
    names::write(searcher.index(), &mut out)?;
    sections[NAMES] = out.section();
    let mut file = out.inner;
    file.seek(SeekFrom::Start(0))?;
    Header {
        key: *key,
        sections,
    }
    .write(&mut file)?;
    file.flush()
}

/// An engine's parts, to write.
struct Parts<'a>(&'a Engine);

impl Serialize for Parts<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_parts(out)
    }
}

/// A writer that hashes and counts what passes through it, a section at a time.
struct Hashing<W> {
    inner: W,
    hasher: blake3::Hasher,
    length: u64,
}

impl<W> Hashing<W> {
    /// The length and hash of what was written since the last section, and a fresh start.
    fn section(&mut self) -> (u64, [u8; 32]) {
        let hash = *self.hasher.finalize().as_bytes();
        self.hasher.reset();
        (std::mem::take(&mut self.length), hash)
    }
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

/// The most the copies may take together: past it, the copies written longest ago are
/// removed (those of models moved or deleted among them) until the rest fit.
pub const MAX_BYTES: u64 = 2 << 30;

/// Keeps the cache's folder tidy, in one look at it: parts of copies that a stopped run
/// left an hour or more ago are removed, whatever model they were of; and while the copies
/// take more than `max` bytes together, the one written longest ago goes, never `keep`
/// (the copy just written or read).
pub(super) fn tidy(dir: &Path, keep: &Path, max: u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    let mut copies: Vec<(std::time::SystemTime, u64, std::path::PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        match path.extension().and_then(|e| e.to_str()) {
            Some("part") if modified.elapsed().is_ok_and(|age| age > hour) => {
                let _ = fs::remove_file(&path);
            }
            Some("bin") if meta.is_file() => copies.push((modified, meta.len(), path)),
            _ => {}
        }
    }
    let mut total: u64 = copies.iter().map(|(_, size, _)| size).sum();
    copies.sort();
    for (_, size, path) in copies {
        if total <= max {
            break;
        }
        if path != keep && fs::remove_file(&path).is_ok() {
            total -= size;
        }
    }
}

/// Makes the cache's folder, readable by its owner alone: a copy of a model is as
/// private as the model.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    #[test]
    fn a_copy_carries_the_tables_worked_out_only_when_asked_for() {
        let index = Index::new(Model::bundled().expect("the bundled model loads"));
        assert!(
            !index.knows_naming(),
            "names are found when first asked for"
        );
        let searcher = Searcher::new(Arc::new(index));
        let dir = std::env::temp_dir().join(format!("claimscope-copy-{}", std::process::id()));
        let file = dir.join("copy.bin");
        write(&dir, &file, &[7; 32], &searcher).expect("the copy is written");
        let read = read_whole(&file);
        let _ = fs::remove_dir_all(&dir);
        let (key, back) = read.expect("the copy reads back");
        assert_eq!(key, [7; 32]);
        assert!(
            back.index().knows_naming(),
            "the copy holds the sentences naming each actor, so a large model's copy never finds names again"
        );
        assert!(back.is_built(), "and the search engine, built");
    }

    #[test]
    fn tidying_removes_old_parts_and_the_oldest_copies_past_the_cap() {
        use std::time::{Duration, SystemTime};
        let dir = std::env::temp_dir().join(format!("claimscope-tidy-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a folder");
        let aged = |name: &str, bytes: usize, hours: u64| {
            let path = dir.join(name);
            fs::write(&path, vec![0u8; bytes]).expect("write");
            let when = SystemTime::now() - Duration::from_secs(hours * 3600 + 60);
            let file = fs::File::options().write(true).open(&path).expect("open");
            file.set_modified(when).expect("age it");
            path
        };
        let old_part = aged("aaaa.123.part", 10, 2);
        let new_part = aged("bbbb.456.part", 10, 0);
        let oldest = aged("cccc.bin", 400, 5);
        let older = aged("dddd.bin", 400, 4);
        let kept = aged("eeee.bin", 400, 3);
        let newest = aged("ffff.bin", 400, 1);
        // 1,600 bytes of copies under a cap of 900: the two oldest go, except the one in use.
        tidy(&dir, &oldest, 900);
        let there = |p: &std::path::PathBuf| p.exists();
        assert!(!there(&old_part), "a part left over an hour ago");
        assert!(there(&new_part), "a part still being written");
        assert!(there(&oldest), "the copy in use stays, however old");
        assert!(
            !there(&older) && !there(&kept),
            "the oldest others go first"
        );
        assert!(there(&newest));
        let _ = fs::remove_dir_all(&dir);
    }
}
