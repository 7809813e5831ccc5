//! The one way a text file is read, for models, drafts, articles and configurations: opened
//! without waiting (a FIFO swapped in for the path cannot hang the open), the open file
//! asked what it is (never the path, which could be another file by then), a size cap for
//! its kind checked before and while reading, and UTF-8 checked with the place where it
//! stops. The messages are the same for every kind, naming what was expected.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::diagnostic::Location;

/// What a file is read as: it names the file expected in a refusal, and sets the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A model file; capped at [`MAX_MODEL_BYTES`].
    Model,
    /// An article's plain text, for `new`; capped at [`MAX_ARTICLE_BYTES`].
    Article,
    /// The explorer's configuration; capped at [`MAX_CONFIG_BYTES`].
    Configuration,
}

/// The largest model file claimscope reads, in bytes (512 MiB): room for a million claims
/// (the synthetic million-claim model is about 390 MB), and a bound on what a hostile file
/// can cost. A file under it is still refused when the memory it would take is not free
/// (see `MEMORY_PER_BYTE` where models are loaded).
pub const MAX_MODEL_BYTES: u64 = 512 * 1024 * 1024;

/// The largest article text `new` reads, in bytes (4 MiB): an opinion article is some
/// thousands, and the draft of the largest must stay well inside a model's limit.
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// The largest configuration file read: a few hundred bytes is a full one.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl TextKind {
    pub fn limit(self) -> u64 {
        match self {
            TextKind::Model => MAX_MODEL_BYTES,
            TextKind::Article => MAX_ARTICLE_BYTES,
            TextKind::Configuration => MAX_CONFIG_BYTES,
        }
    }

    /// The file expected, as a refusal asks for it.
    pub fn wanted(self) -> &'static str {
        match self {
            TextKind::Model => "a model file (.toml)",
            TextKind::Article => "the article's text, a plain-text file",
            TextKind::Configuration => "a configuration file (config.toml)",
        }
    }

    /// What the size limit is for.
    fn noun(self) -> &'static str {
        match self {
            TextKind::Model => "a model",
            TextKind::Article => "an article's text",
            TextKind::Configuration => "a configuration",
        }
    }
}

/// Why a text file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {error}")]
    Io {
        path: String,
        #[source]
        error: std::io::Error,
    },
    #[error("{path}: is a directory; give the path of {}", kind.wanted())]
    IsDirectory { path: String, kind: TextKind },
    #[error("{path}: is not a regular file; give the path of {}", kind.wanted())]
    NotAFile { path: String, kind: TextKind },
    #[error("{path}: the file is {size} bytes, over the limit of {limit} bytes for {}", kind.noun())]
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
        kind: TextKind,
    },
    #[error("{path}:{line}:{column}: the file is not UTF-8 text; save it as UTF-8")]
    NotUtf8 {
        path: String,
        line: usize,
        column: usize,
    },
}

impl FileError {
    /// The file's name as given.
    pub fn path(&self) -> &str {
        match self {
            FileError::Io { path, .. }
            | FileError::IsDirectory { path, .. }
            | FileError::NotAFile { path, .. }
            | FileError::TooLarge { path, .. }
            | FileError::NotUtf8 { path, .. } => path,
        }
    }
}

/// Opens `path` to read as `kind`, refusing before it reads what is not a regular file or
/// is over the kind's cap. The file and its size.
pub fn open_text(path: &Path, kind: TextKind) -> Result<(fs::File, u64), FileError> {
    let name = || path.display().to_string();
    let io = |error| FileError::Io {
        path: name(),
        error,
    };
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(FileError::IsDirectory { path: name(), kind });
    }
    if !meta.is_file() {
        return Err(FileError::NotAFile { path: name(), kind });
    }
    if meta.len() > kind.limit() {
        return Err(FileError::TooLarge {
            path: name(),
            size: meta.len(),
            limit: kind.limit(),
            kind,
        });
    }
    Ok((file, meta.len()))
}

/// Reads what [`open_text`] opened: at most one byte past the cap (the file may have
/// grown since it was asked), and UTF-8.
pub fn read_opened(
    path: &Path,
    kind: TextKind,
    file: fs::File,
    size: u64,
) -> Result<String, FileError> {
    let name = || path.display().to_string();
    let limit = kind.limit();
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| FileError::Io {
            path: name(),
            error,
        })?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            path: name(),
            size: bytes.len() as u64,
            limit,
            kind,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let at = Location::of(&prefix, prefix.len());
        FileError::NotUtf8 {
            path: name(),
            line: at.line,
            column: at.column,
        }
    })
}

/// Reads the text file at `path` as `kind`.
pub fn read_text(path: &Path, kind: TextKind) -> Result<String, FileError> {
    let (file, size) = open_text(path, kind)?;
    read_opened(path, kind, file, size)
}

/// Opens `path` for reading without waiting: a FIFO with no writer opens at once (and is
/// then refused as not a regular file), where a plain open would block. For a regular
/// file the flag changes nothing.
pub(crate) fn open_nonblocking(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("claimscope-textfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch");
        dir.join(name)
    }

    #[test]
    fn every_kind_is_refused_in_the_same_words_naming_what_it_wants() {
        let dir = scratch("dir");
        std::fs::create_dir_all(&dir).expect("dir");
        for kind in [TextKind::Model, TextKind::Article, TextKind::Configuration] {
            let said = read_text(&dir, kind).expect_err("a directory").to_string();
            assert!(
                said.ends_with(&format!(
                    "is a directory; give the path of {}",
                    kind.wanted()
                )),
                "{said}"
            );
            let said = read_text(Path::new("/dev/null"), kind)
                .expect_err("a device")
                .to_string();
            assert!(said.contains("is not a regular file"), "{said}");
        }
        let said = read_text(&dir, TextKind::Configuration)
            .expect_err("a directory")
            .to_string();
        assert!(
            said.contains("a configuration file (config.toml)"),
            "{said}"
        );
        assert!(!said.contains("model"), "{said}");
    }

    #[test]
    fn a_configuration_over_its_cap_and_text_that_is_not_utf8_are_refused_with_figures() {
        let big = scratch("big.toml");
        std::fs::write(&big, vec![b'#'; MAX_CONFIG_BYTES as usize + 1]).expect("write");
        let said = read_text(&big, TextKind::Configuration)
            .expect_err("too large")
            .to_string();
        assert!(
            said.contains(&format!(
                "over the limit of {MAX_CONFIG_BYTES} bytes for a configuration"
            )),
            "{said}"
        );
        let bad = scratch("bad.txt");
        std::fs::write(&bad, b"line one\nab\xffc").expect("write");
        match read_text(&bad, TextKind::Article) {
            Err(FileError::NotUtf8 { line, column, .. }) => assert_eq!((line, column), (2, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_fifo_is_refused_at_once_not_waited_on() {
        let fifo = scratch("fifo");
        let _ = std::fs::remove_file(&fifo);
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .expect("mkfifo");
        for kind in [TextKind::Model, TextKind::Article, TextKind::Configuration] {
            assert!(matches!(
                read_text(&fifo, kind),
                Err(FileError::NotAFile { .. })
            ));
        }
    }
}
