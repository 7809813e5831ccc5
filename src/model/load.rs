//! Loading a model file: size and encoding checks, then reading it into the model's types
//! (the `read` room) and holding it to the rules (`rules`), with every problem collected
//! and located.

use std::fs;
use std::path::Path;

use crate::model::read::{
    Diagnostic, FileError, LoadProgress, LoadStage, TextKind, build, locate, open_text, read_opened,
};
use crate::model::rules::{lint, validate};
use crate::model::types::{Model, describe, is_forbidden_char};

pub use crate::model::read::MAX_MODEL_BYTES;

/// About how many bytes of memory (and of address space) a model takes while it loads,
/// per byte of its file: the file's text, the parsed pieces, the model and its index and
/// search entries, and for `check` where every item sits. Measured on the synthetic model
/// of 100,000 claims (38 MB): `check` peaks at 8.5 times the file in memory and needs 9
/// times it in address space (`ulimit -v`), the other commands about 5.
pub const MEMORY_PER_BYTE: u64 = 9;

/// Arrays and inline tables may nest this deep and no deeper; the model itself needs two
/// levels, and the TOML parser recurses once a level.
pub const MAX_NESTING: usize = 64;

/// Files smaller than this are parsed in one piece (see [`load_str`]).
const WHOLE_BELOW: usize = 1 << 20;

/// The curated model of the bundled article.
pub const BUNDLED_MODEL: &str = include_str!("../../assets/pakistan-russia-2012.toml");
/// The bundled article's text, exactly as published.
pub const BUNDLED_ARTICLE: &str = include_str!("../../assets/pakistan-russia-2012.txt");
/// How messages name the bundled model: as bundled, since it is in the binary, not at a
/// path that exists where the command runs.
pub const BUNDLED_NAME: &str = "the bundled model (pakistan-russia-2012.toml)";

/// A model's text and the name to report it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFile {
    pub name: String,
    pub text: String,
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Not read: not a regular file, too large, not UTF-8, or unreadable.
    #[error(transparent)]
    File(#[from] FileError),
    #[error(
        "{path}: the file is {size} bytes; loading it takes about {} MB of memory, and only {} MB is available",
        needed / 1_000_000,
        available / 1_000_000
    )]
    OutOfMemory {
        path: String,
        size: u64,
        needed: u64,
        available: u64,
    },
    #[error(
        "{path}: the file is {size} bytes; loading it takes about {} MB of address space, and the process's limit (ulimit -v) leaves {} MB",
        needed / 1_000_000,
        room / 1_000_000
    )]
    OverAddressLimit {
        path: String,
        size: u64,
        needed: u64,
        room: u64,
    },
    #[error("{}: the model has {} problem{}", file.name, diagnostics.len(), if diagnostics.len() == 1 { "" } else { "s" })]
    Invalid {
        file: Box<ModelFile>,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// Whether the file was read but its content is wrong (as opposed to unreadable).
    pub fn is_invalid_model(&self) -> bool {
        matches!(self, LoadError::Invalid { .. })
    }
}

impl ModelFile {
    /// The model compiled into the binary.
    pub fn bundled() -> ModelFile {
        ModelFile {
            name: BUNDLED_NAME.to_string(),
            text: BUNDLED_MODEL.to_string(),
        }
    }

    /// Reads a model file, refusing directories, special files, files over
    /// [`MAX_MODEL_BYTES`], files too large for the memory free, and text that is not
    /// UTF-8.
    pub fn read(path: &Path) -> Result<ModelFile, LoadError> {
        let (file, size) = ModelFile::open(path)?;
        let text = read_opened(path, TextKind::Model, file, size)?;
        Ok(ModelFile {
            name: path.display().to_string(),
            text,
        })
    }

    /// Opens a model file to read, refusing what [`ModelFile::read`] refuses before it
    /// reads: directories, special files, files over [`MAX_MODEL_BYTES`] and files too
    /// large for the memory free. The file and its size.
    pub fn open(path: &Path) -> Result<(fs::File, u64), LoadError> {
        let (file, size) = open_text(path, TextKind::Model)?;
        let path = || path.display().to_string();
        let needed = size.saturating_mul(MEMORY_PER_BYTE);
        if let Some(available) = available_memory()
            && needed > available
        {
            return Err(LoadError::OutOfMemory {
                path: path(),
                size,
                needed,
                available,
            });
        }
        if let Some(room) = address_room()
            && needed > room
        {
            return Err(LoadError::OverAddressLimit {
                path: path(),
                size,
                needed,
                room,
            });
        }
        Ok((file, size))
    }
}

/// The memory the system can give without swapping, where it says (Linux's
/// `MemAvailable`); `None` elsewhere, and then only the size limit applies.
fn available_memory() -> Option<u64> {
    let info = fs::read_to_string("/proc/meminfo").ok()?;
    parse_available(&info)
}

/// The address space the process may still take under its limit (`ulimit -v`,
/// RLIMIT_AS), where it has one: the limit less what it has already (`VmSize`).
fn address_room() -> Option<u64> {
    let limit = rustix::process::getrlimit(rustix::process::Resource::As).current?;
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let used = parse_kilobytes(&status, "VmSize:").unwrap_or(0);
    Some(limit.saturating_sub(used))
}

fn parse_available(meminfo: &str) -> Option<u64> {
    parse_kilobytes(meminfo, "MemAvailable:")
}

/// The figure on the line of `text` starting `key`, given in kB, in bytes.
fn parse_kilobytes(text: &str, key: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(key))?;
    let mut words = line.split_whitespace().skip(1);
    let amount: u64 = words.next()?.parse().ok()?;
    match words.next() {
        Some("kB") => amount.checked_mul(1024),
        _ => None,
    }
}

/// A model that loaded, with what `check` warns about in it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub model: Model,
    /// Curation warnings, located, in file order (empty unless asked for).
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates a model.
///
/// The file is read a top-level table at a time, so a large model costs little more
/// memory than the model itself. Where every key sits is only worked out (by a second
/// reading) when validation finds something to point at.
pub fn load_str(source: &ModelFile) -> Result<Model, LoadError> {
    read(source, false, None).map(|checked| checked.model)
}

/// As [`load_str`], telling `progress` how far it has gone, for a caller that shows it.
pub fn load_str_with(source: &ModelFile, progress: &LoadProgress) -> Result<Model, LoadError> {
    read(source, false, Some(progress)).map(|checked| checked.model)
}

/// Parses and validates a model, and checks the curation rules that are warnings. An
/// invalid model's diagnostics hold its warnings too, so that one run reports everything.
pub fn check_str(source: &ModelFile) -> Result<Checked, LoadError> {
    read(source, true, None)
}

fn read(
    source: &ModelFile,
    lint: bool,
    progress: Option<&LoadProgress>,
) -> Result<Checked, LoadError> {
    let survey = read_all(source, lint, progress)?;
    if survey.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError::Invalid {
            file: Box::new(source.clone()),
            diagnostics: survey.diagnostics,
        });
    }
    Ok(Checked {
        model: survey.model,
        warnings: survey.diagnostics,
    })
}

/// A model read as far as it goes, for a report of what is left to do: the model, with
/// stand-ins for the values that could not be read, and every problem found, errors and
/// warnings both.
#[derive(Debug, Clone)]
pub struct Survey {
    pub model: Model,
    /// Every problem, located, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a model however many problems it has, as long as there is a model to read: an
/// error only when the file is empty, too large, too deeply nested, or has no [article].
pub fn survey_str(source: &ModelFile) -> Result<Survey, LoadError> {
    read_all(source, true, None)
}

/// A model as it stands, for the explorer, `show`, `search` and `export` to show while it
/// still breaks rules (a draft): the model and its errors, located. Refused, with every
/// problem, only where showing it could mislead: text that is not all TOML (what did not
/// parse would be missing without a word) and two items with one id (a link to it could
/// not say which). A model with no errors is the one [`load_str_with`] gives.
pub fn load_draft(source: &ModelFile, progress: &LoadProgress) -> Result<Survey, LoadError> {
    let survey = read_all(source, false, Some(progress))?;
    let mut seen = std::collections::HashSet::new();
    let relations = survey.model.relations.iter();
    let shared = crate::model::types::all_ids(&survey.model)
        .map(|(id, _)| id.to_string())
        .chain(relations.map(|r| format!("{}/{}", r.from, r.to)))
        .filter(|id| !id.is_empty())
        .any(|id| !seen.insert(id));
    if shared || survey.diagnostics.iter().any(Diagnostic::is_syntax) {
        return Err(LoadError::Invalid {
            file: Box::new(source.clone()),
            diagnostics: survey.diagnostics,
        });
    }
    Ok(survey)
}

fn read_all(
    source: &ModelFile,
    lint: bool,
    progress: Option<&LoadProgress>,
) -> Result<Survey, LoadError> {
    let invalid = |diagnostics: Vec<Diagnostic>| LoadError::Invalid {
        file: Box::new(source.clone()),
        diagnostics,
    };
    let text = source.text.as_str();
    if source.text.len() as u64 > MAX_MODEL_BYTES {
        let message = format!(
            "the model is {} bytes, over the limit of {MAX_MODEL_BYTES} bytes",
            text.len()
        );
        return Err(invalid(vec![Diagnostic::new(None, message)]));
    }
    if text.trim().is_empty() {
        let message = "the file is empty; a model starts with `schema = 1` and an [article] table";
        return Err(invalid(vec![Diagnostic::new(None, message)]));
    }
    // JSON (such as `export --format json`) is not TOML: say so once, rather than once a line.
    if let Some(at) = text
        .find(|c: char| !c.is_whitespace())
        .filter(|&at| text[at..].starts_with('{'))
    {
        let message = "the file is JSON, not TOML; claimscope reads models written in TOML (`export --format json` writes JSON for other tools)";
        return Err(invalid(vec![Diagnostic::new(Some(at..at + 1), message)]));
    }
    let mut comments = Vec::new();
    let pieces = match scan(text, &mut comments) {
        Ok(pieces) => pieces,
        Err(TooDeep::Nesting(at)) => {
            let message =
                format!("arrays or inline tables nest more than {MAX_NESTING} levels deep");
            return Err(invalid(vec![Diagnostic::new(Some(at..at + 1), message)]));
        }
        Err(TooDeep::Key(at)) => {
            let message = format!("a key has more than {MAX_NESTING} dotted parts");
            return Err(invalid(vec![Diagnostic::new(Some(at..at + 1), message)]));
        }
    };
    // A small file is parsed whole: pieces save memory only on large ones, and each costs
    // a parser's start-up. But when it is not all TOML, it is read again a piece at a time,
    // so that the pieces that are TOML are still checked.
    let mut starts = if text.len() < WHOLE_BELOW {
        vec![0]
    } else {
        pieces.clone()
    };
    let mut diagnostics = Vec::new();
    if let Some(progress) = progress {
        progress.enter(LoadStage::Parsing);
    }
    let mut built = build(text, &starts, false, &mut diagnostics, progress);
    if built.malformed && starts.len() < pieces.len() {
        diagnostics.clear();
        starts = pieces;
        built = build(text, &starts, false, &mut diagnostics, progress);
    }
    if let Some(progress) = progress {
        progress.enter(LoadStage::Checking);
    }
    diagnostics.extend(comments.into_iter().map(|(at, c)| {
        let message = format!(
            "a comment holds a {}, which a model may not contain",
            describe(c)
        );
        Diagnostic::new(Some(at..at + c.len_utf8()), message)
    }));
    cap_syntax_errors(&mut diagnostics);
    let Some(model) = built.model else {
        return Err(invalid(finish(diagnostics)));
    };
    let mut problems = validate::problems(&model, &built.unread);
    if lint {
        problems.extend(lint::warnings(&model, &built.unread));
    }
    if !problems.is_empty() {
        let located = build(text, &starts, true, &mut Vec::new(), None);
        diagnostics.extend(locate(text, problems, &located.map, &model));
    }
    Ok(Survey {
        model,
        diagnostics: finish(diagnostics),
    })
}

/// The most TOML syntax errors reported one by one. A file that is not TOML at all (some
/// other format, a text) has one on nearly every line, and a wall of a hundred thousand
/// says less than the first few and a count.
const MAX_SYNTAX_ERRORS: usize = 50;

fn cap_syntax_errors(diagnostics: &mut Vec<Diagnostic>) {
    let is_syntax = Diagnostic::is_syntax;
    let syntax = diagnostics.iter().filter(|d| is_syntax(d)).count();
    if syntax <= MAX_SYNTAX_ERRORS {
        return;
    }
    let mut kept = 0;
    diagnostics.retain(|d| {
        if !is_syntax(d) {
            return true;
        }
        kept += 1;
        kept <= MAX_SYNTAX_ERRORS
    });
    // Placed first (it has no place of its own), it introduces those that follow.
    let message = format!(
        "{syntax} TOML syntax errors, the first {MAX_SYNTAX_ERRORS} below; is this a model file?"
    );
    diagnostics.push(Diagnostic::new(None, message));
}

/// Reads a model file and loads it.
pub fn load_file(path: &Path) -> Result<Model, LoadError> {
    load_str(&ModelFile::read(path)?)
}

fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or((0, 0), |s| (s.start, s.end)));
    diagnostics.dedup();
    diagnostics
}

/// What the lexical pass refuses before the TOML parser sees it, and where: the parser
/// would recurse, or stop with an error that says nowhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TooDeep {
    /// The bracket that nests arrays or inline tables more than [`MAX_NESTING`] deep.
    Nesting(usize),
    /// The start of a key (or a table header's name) of more than [`MAX_NESTING`] dotted
    /// parts; the parser stops at 80 with no location.
    Key(usize),
}

/// Where the file's pieces start: its beginning and every top-level table header. Found
/// by one lexical pass that skips strings and comments, which also refuses what is too
/// deep for the parser ([`TooDeep`]), and adds to `comments` each forbidden character in a
/// comment, with its offset.
fn scan(text: &str, comments: &mut Vec<(usize, char)>) -> Result<Vec<usize>, TooDeep> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut depth = 0usize;
    // The dots of the key being read, and where it starts. (A number or a time in a value
    // has one dot at most.)
    let mut dots = 0usize;
    let mut key_start: Option<usize> = None;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A header starts a piece, unless it names a table inside an item of the one
        // before (`[events.record]`), which must be read with that item.
        if line_start && depth == 0 && b == b'[' && i > 0 {
            let line = &bytes[i..bytes[i..]
                .iter()
                .position(|c| *c == b'\n')
                .map_or(bytes.len(), |n| i + n)];
            let name = line.split(|c| *c == b']').next().unwrap_or(line);
            if !name.contains(&b'.') {
                starts.push(i);
            }
        }
        if b != b' ' && b != b'\t' {
            line_start = b == b'\n';
        }
        match b {
            b'.' => {
                dots += 1;
                if dots >= MAX_NESTING {
                    return Err(TooDeep::Key(key_start.unwrap_or(i)));
                }
            }
            b'=' | b',' | b'\n' | b'[' | b'{' | b']' | b'}' | b'#' => {
                dots = 0;
                key_start = None;
            }
            b' ' | b'\t' | b'\r' => {}
            _ => {
                key_start.get_or_insert(i);
            }
        }
        match b {
            b'#' => {
                let start = i;
                while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                    i += 1;
                }
                // The TOML parser refuses ASCII controls in a comment but lets C1 and
                // bidi characters through, which reorder how an editor or a terminal
                // shows the lines around them ("Trojan Source").
                let comment = &text[start..=i];
                if !comment.is_ascii() {
                    let found = comment
                        .char_indices()
                        .filter(|(_, c)| is_forbidden_char(*c));
                    comments.extend(found.map(|(at, c)| (start + at, c)));
                }
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                i += if triple { 3 } else { 1 };
                let escapes = quote == b'"';
                while i < bytes.len() {
                    // Jump to the next byte that can matter inside the string.
                    let stop = |c: &u8| *c == quote || *c == b'\n' || (escapes && *c == b'\\');
                    match bytes[i..].iter().position(stop) {
                        Some(n) => i += n,
                        None => {
                            i = bytes.len();
                            break;
                        }
                    }
                    if escapes && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if bytes[i..].starts_with(&[quote; 3]) {
                            i += 2;
                            break;
                        }
                        i += 1;
                        continue;
                    }
                    break; // The closing quote, or the end of the line.
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(TooDeep::Nesting(i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn available_memory_is_read_in_kilobytes_or_not_at_all() {
        let info = "MemTotal:       24000000 kB\nMemFree: 1 kB\nMemAvailable:   20000000 kB\n";
        assert_eq!(parse_available(info), Some(20_000_000 * 1024));
        assert_eq!(parse_available("MemAvailable: 12 MB\n"), None);
        assert_eq!(parse_available("MemAvailable: lots kB\n"), None);
        assert_eq!(parse_available("MemFree: 1 kB\n"), None);
    }

    #[test]
    fn scan_finds_headers_and_refuses_deep_nesting() {
        let text = "schema = 1\n[article]\nid = \"a\"\n  [[claims]]\nx = [\n[1],\n]\n[claims.record]\ny = 1\n";
        let starts = scan(text, &mut Vec::new()).expect("not too deep");
        assert_eq!(
            starts.len(),
            3,
            "a nested table stays with its item: {starts:?}"
        );
        assert!(text[starts[1]..].starts_with("[article]"));
        assert!(text[starts[2]..].starts_with("[[claims]]"));
        let deep = format!("x = {}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(
            scan(&deep, &mut Vec::new()),
            Err(TooDeep::Nesting(4 + MAX_NESTING))
        );
        // A header of 200 dotted parts, and a key of 65, each at its start; 64 parts pass.
        let parts = |n: usize| vec!["a"; n].join(".");
        let header = format!("x = 1\n[{}]\n", parts(200));
        assert_eq!(scan(&header, &mut Vec::new()), Err(TooDeep::Key(7)));
        let key = format!("x = 1.5\n  \"q\".{} = 2021-01-01T00:00:00.5\n", parts(64));
        assert_eq!(scan(&key, &mut Vec::new()), Err(TooDeep::Key(10)));
        let fine = format!("[{}]\n{} = [1.5, 2.5]\n", parts(64), parts(64));
        assert!(scan(&fine, &mut Vec::new()).is_ok());
        let quoted = format!(
            "x = \"{}\" # {}\ny = '''{}'''",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert!(scan(&quoted, &mut Vec::new()).is_ok_and(|s| s.len() == 1));
        let escaped = format!("x = \"\\\"{}\"", "[".repeat(100));
        assert!(scan(&escaped, &mut Vec::new()).is_ok_and(|s| s.len() == 1));
    }
}
