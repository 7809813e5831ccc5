//! Reading a model file: size and encoding checks, TOML parsing with locations, and the
//! conversion into model types, with every problem collected and located.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use super::diagnostic::{Diagnostic, Location};
use super::reader::{ItemSpans, TableReader};
use super::{Actor, ArgumentNode, Article, Claim, Event, Model, Relation, Sentence, validate};

/// The largest model file claimscope reads, in bytes (64 MiB): room for a model a thousand
/// times the size of the bundled one, and a bound on what a hostile file can cost.
pub const MAX_MODEL_BYTES: u64 = 64 * 1024 * 1024;

/// Arrays and inline tables may nest this deep and no deeper; the model itself needs two
/// levels, and the TOML parser recurses once a level.
pub const MAX_NESTING: usize = 64;

/// The curated model of the bundled article.
pub const BUNDLED_MODEL: &str = include_str!("../../assets/pakistan-russia-2012.toml");
/// The bundled article's text, exactly as published.
pub const BUNDLED_ARTICLE: &str = include_str!("../../assets/pakistan-russia-2012.txt");
/// How messages name the bundled model.
pub const BUNDLED_NAME: &str = "assets/pakistan-russia-2012.toml";

/// A model's text and the name to report it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {error}")]
    Io {
        path: String,
        #[source]
        error: std::io::Error,
    },
    #[error("{path}: is a directory; give the path of a model file (.toml)")]
    IsDirectory { path: String },
    #[error("{path}: is not a regular file; give the path of a model file (.toml)")]
    NotAFile { path: String },
    #[error("{path}: the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}:{line}:{column}: the file is not UTF-8 text")]
    NotUtf8 {
        path: String,
        line: usize,
        column: usize,
    },
    #[error("{}: the model has {} problem{}", file.name, diagnostics.len(), if diagnostics.len() == 1 { "" } else { "s" })]
    Invalid {
        file: Box<Source>,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// Whether the file was read but its content is wrong (as opposed to unreadable).
    pub fn is_invalid_model(&self) -> bool {
        matches!(self, LoadError::Invalid { .. })
    }
}

impl Source {
    /// The model compiled into the binary.
    pub fn bundled() -> Source {
        Source {
            name: BUNDLED_NAME.to_string(),
            text: BUNDLED_MODEL.to_string(),
        }
    }

    /// Reads a model file, refusing directories, special files, files over
    /// [`MAX_MODEL_BYTES`] and text that is not UTF-8.
    pub fn read(path: &Path) -> Result<Source, LoadError> {
        let name = path.display().to_string();
        let io = |error| LoadError::Io {
            path: name.clone(),
            error,
        };
        let meta = fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(LoadError::IsDirectory { path: name });
        }
        if !meta.is_file() {
            return Err(LoadError::NotAFile { path: name });
        }
        let too_large = |size| LoadError::TooLarge {
            path: name.clone(),
            size,
            limit: MAX_MODEL_BYTES,
        };
        if meta.len() > MAX_MODEL_BYTES {
            return Err(too_large(meta.len()));
        }
        let file = fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // Read one byte past the limit, in case the file grew since we looked.
        file.take(MAX_MODEL_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_MODEL_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source { name, text }),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
                let at = Location::of(&prefix, prefix.len());
                Err(LoadError::NotUtf8 {
                    path: name,
                    line: at.line,
                    column: at.column,
                })
            }
        }
    }
}

/// The parts of a model, by where they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Article,
    Sentences,
    Actors,
    Events,
    Claims,
    Relations,
    Arguments,
}

/// Where each item of a loaded model sits in its file, so that later checks can point at
/// the exact key or list element they object to.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    top: HashMap<&'static str, Range<usize>>,
    article: ItemSpans,
    sections: HashMap<Section, Vec<ItemSpans>>,
    /// Ids of items that were in the file but could not be read whole; references to them
    /// are not reported again as unknown.
    pub(crate) broken_ids: HashMap<String, Section>,
}

impl SourceMap {
    /// The span of an item, or of one of its keys, or of one element of a list key.
    pub fn span(
        &self,
        section: Section,
        index: usize,
        key: Option<&str>,
        element: Option<usize>,
    ) -> Option<Range<usize>> {
        let item = match section {
            Section::Article => Some(&self.article),
            other => self.sections.get(&other)?.get(index),
        }?;
        match key {
            Some(key) => item.field(key, element).or_else(|| Some(item.item.clone())),
            None => Some(item.item.clone()),
        }
    }

    /// The span of a top-level key's value (`schema`, `arguments`, ...).
    pub fn top(&self, key: &str) -> Option<Range<usize>> {
        self.top.get(key).cloned()
    }
}

/// Parses and validates a model. On success, also returns where each item sits in the text.
pub fn load_str(source: &Source) -> Result<(Model, SourceMap), LoadError> {
    let invalid = |diagnostics: Vec<Diagnostic>| LoadError::Invalid {
        file: Box::new(source.clone()),
        diagnostics,
    };
    let mut diagnostics = Vec::new();
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
    if let Some(at) = too_deep(text) {
        let message = format!("arrays or inline tables nest more than {MAX_NESTING} levels deep");
        return Err(invalid(vec![Diagnostic::new(Some(at..at + 1), message)]));
    }
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            let message = format!("invalid TOML: {}", e.message().trim_end());
            diagnostics.push(Diagnostic::new(e.span(), message));
        }
        return Err(invalid(finish(diagnostics)));
    }
    let (model, map) = read_model(&root, &mut diagnostics);
    if let Some(model) = &model {
        diagnostics.extend(validate(model, Some(&map)));
    }
    match model {
        Some(model) if diagnostics.is_empty() => Ok((model, map)),
        _ => Err(invalid(finish(diagnostics))),
    }
}

/// Reads a model file and loads it.
pub fn load_file(path: &Path) -> Result<(Source, Model, SourceMap), LoadError> {
    let source = Source::read(path)?;
    let (model, map) = load_str(&source)?;
    Ok((source, model, map))
}

fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or((0, 0), |s| (s.start, s.end)));
    diagnostics.dedup();
    diagnostics
}

/// The offset of the first bracket that opens a level deeper than [`MAX_NESTING`], found
/// by a scan that skips strings and comments. Table headers (`[a]`, `[[a]]`) never nest
/// deeper than two, so counting them with the rest is harmless.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if quote == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple && bytes[i..].starts_with(&[quote; 3]) {
                        i += 2;
                        break;
                    }
                    if !triple && (bytes[i] == quote || bytes[i] == b'\n') {
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Builds the model from the parsed tree. Items with missing or mistyped keys are left
/// out (their problems are reported); the model is `None` only when the file lacks its
/// top-level shape.
fn read_model(
    root: &Spanned<DeTable<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<Model>, SourceMap) {
    let mut map = SourceMap::default();
    let mut top = TableReader::new(root.get_ref(), 0..0, "the model".to_string());
    let schema = top.integer("schema", 0);
    let article = top.table("article", "[article]").and_then(|mut r| {
        let article = Article {
            id: r.string("id"),
            title: r.string("title"),
            standfirst: r.string("standfirst"),
            author: r.string("author"),
            author_note: r.string("author_note"),
            published: r.date("published"),
            published_basis: r.word("published_basis"),
            published_note: r.opt_string("published_note"),
        };
        let (spans, problems) = r.finish();
        diagnostics.extend(problems);
        map.article = spans?;
        Some(article)
    });

    let sentence_readers = top.tables("sentences", "sentence");
    let actor_readers = top.tables("actors", "actor");
    let event_readers = top.tables("events", "event");
    let claim_readers = top.tables("claims", "claim");
    let relation_readers = top.tables("relations", "relation");
    let argument_readers = top.tables("arguments", "argument");

    let sentences = read_all(
        sentence_readers,
        Section::Sentences,
        &mut map,
        diagnostics,
        |r| Sentence {
            id: r.id("sentence"),
            paragraph: u32::try_from(r.integer("paragraph", 1)).unwrap_or(u32::MAX),
            role: r.word("role"),
            text: r.string("text"),
        },
    );
    let actors = read_all(actor_readers, Section::Actors, &mut map, diagnostics, |r| {
        Actor {
            id: r.id("actor"),
            name: r.string("name"),
            kind: r.word("kind"),
            aliases: r.string_list("aliases"),
            summary: r.string("summary"),
            affiliation: r.opt_string("affiliation"),
            role: r.opt_string("role"),
        }
    });
    let events = read_all(event_readers, Section::Events, &mut map, diagnostics, |r| {
        Event {
            id: r.id("event"),
            title: r.string("title"),
            date: r.date("date"),
            date_basis: r.word("date_basis"),
            date_note: r.opt_string("date_note"),
            when: r.opt_string("when"),
            status: r.word("status"),
            actors: r.string_list("actors"),
            claims: r.string_list("claims"),
        }
    });
    let claims = read_all(claim_readers, Section::Claims, &mut map, diagnostics, |r| {
        Claim {
            id: r.id("claim"),
            text: r.string("text"),
            kind: r.word("kind"),
            sentence: r.string("sentence"),
            quote: r.string("quote"),
            actors: r.string_list("actors"),
            note: r.opt_string("note"),
        }
    });
    let relations = read_all(
        relation_readers,
        Section::Relations,
        &mut map,
        diagnostics,
        |r| {
            let from = r.string("from");
            let to = r.string("to");
            if !from.is_empty() && !to.is_empty() {
                r.name_as(format!("relation {from} → {to}"));
            }
            Relation {
                from,
                to,
                trend: r.word("trend"),
                summary: r.string("summary"),
                claims: r.string_list("claims"),
            }
        },
    );
    let arguments = read_all(
        argument_readers,
        Section::Arguments,
        &mut map,
        diagnostics,
        |r| ArgumentNode {
            id: r.id("argument"),
            role: r.word("role"),
            title: r.string("title"),
            parent: r.opt_string("parent"),
            stance: r.opt_word("stance"),
            claims: r.string_list("claims"),
        },
    );

    for key in [
        "schema",
        "sentences",
        "actors",
        "events",
        "claims",
        "relations",
        "arguments",
    ] {
        if let Some(value) = root.get_ref().get(key) {
            map.top.insert(key, value.span());
        }
    }
    let (_, problems) = top.finish();
    diagnostics.extend(problems);

    let model = article.map(|article| Model {
        schema,
        article,
        sentences,
        actors,
        events,
        claims,
        relations,
        arguments,
    });
    (model, map)
}

/// Reads each item of one section, keeping those read whole and their spans.
fn read_all<T>(
    readers: Vec<TableReader<'_, '_>>,
    section: Section,
    map: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
    mut read: impl FnMut(&mut TableReader<'_, '_>) -> T,
) -> Vec<T>
where
    T: HasId,
{
    let mut items = Vec::with_capacity(readers.len());
    for mut reader in readers {
        let item = read(&mut reader);
        let (spans, problems) = reader.finish();
        diagnostics.extend(problems);
        match spans {
            Some(spans) => {
                map.sections.entry(section).or_default().push(spans);
                items.push(item);
            }
            None => {
                if let Some(id) = item.id().filter(|id| !id.is_empty()) {
                    map.broken_ids.insert(id.to_string(), section);
                }
            }
        }
    }
    items
}

/// Items that carry an id.
pub(crate) trait HasId {
    fn id(&self) -> Option<&str>;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(
        impl HasId for $t {
            fn id(&self) -> Option<&str> {
                Some(&self.id)
            }
        }
    )*};
}
has_id!(Sentence, Actor, Event, Claim, ArgumentNode);

impl HasId for Relation {
    fn id(&self) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_scan_skips_strings_and_comments() {
        let deep = format!("x = {}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(too_deep(&deep), Some(4 + MAX_NESTING));
        let quoted = format!(
            "x = \"{}\" # {}\ny = '''{}'''",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert_eq!(too_deep(&quoted), None);
        let escaped = format!("x = \"\\\"{}\"", "[".repeat(100));
        assert_eq!(too_deep(&escaped), None);
    }
}
