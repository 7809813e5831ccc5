//! Turns a model file into a `Model`, one top-level table at a time.
//!
//! The file is cut at its table headers (`[article]`, `[[claims]]`) and each piece is
//! parsed and read on its own, then dropped. A whole-file TOML tree of a large model costs
//! many times the file's size; a piece at a time costs little more than the model itself.

use foldhash::HashMap;
use std::ops::Range;

use toml::de::DeTable;

use super::diagnostic::Diagnostic;
use super::loading::LoadProgress;
use super::reader::TableReader;
use super::spans::SourceMap;
use crate::model::types::{
    Actor, ArgumentNode, Article, Claim, Event, LaterEvent, Model, Record, Relation, Review,
    Section, Sentence, Source,
};

/// The top-level keys a model has, in the order of the format.
pub(crate) const TOP_KEYS: &[&str] = &[
    "schema",
    "article",
    "sentences",
    "actors",
    "events",
    "claims",
    "relations",
    "arguments",
    "sources",
    "later",
    "reviews",
];

/// The sections every model has (the record's may be left out).
const REQUIRED_SECTIONS: &[&str] = &[
    "sentences",
    "actors",
    "events",
    "claims",
    "relations",
    "arguments",
];

/// How a section has been given so far: `claims = [...]` in one place, or `[[claims]]`
/// headers, which may repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Given {
    Inline,
    Headers,
}

/// What reading the pieces produced.
pub(crate) struct Built {
    /// `None` when the file lacks an `[article]` (nothing else can be checked then).
    pub model: Option<Model>,
    /// Where items sit, when asked for.
    pub map: SourceMap,
    /// What could not be read, so that later checks do not report it again.
    pub unread: Unread,
    /// Whether some piece was not even TOML.
    pub malformed: bool,
}

/// The parts of a file that could not be read. Every item that is a table is kept in the
/// model, with stand-ins for the values it lacks, so that its other keys are still
/// checked; this says which values are stand-ins.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unread {
    /// Per item, the keys whose value is a stand-in.
    pub keys: HashMap<(Section, usize), Vec<&'static str>>,
    /// Ids that appear in pieces of the file that are not TOML, by the section of their
    /// piece: references to them are not reported as dangling.
    pub ids: HashMap<String, Section>,
    /// Whether anything at all could not be read (checks of the whole model, such as
    /// coverage, are then skipped: what is missing may be in the unread part).
    pub any: bool,
}

impl Unread {
    /// Whether the item's `key` holds a stand-in.
    pub fn key(&self, section: Section, index: usize, key: &str) -> bool {
        self.keys
            .get(&(section, index))
            .is_some_and(|keys| keys.contains(&key))
    }
}

#[derive(Default)]
struct Builder {
    keep_spans: bool,
    schema: Option<i64>,
    article: Option<Article>,
    sentences: Vec<Sentence>,
    actors: Vec<Actor>,
    events: Vec<Event>,
    claims: Vec<Claim>,
    relations: Vec<Relation>,
    arguments: Vec<ArgumentNode>,
    sources: Vec<Source>,
    later: Vec<LaterEvent>,
    reviews: Vec<Review>,
    given: HashMap<&'static str, Given>,
    map: SourceMap,
    unread: Unread,
    malformed: bool,
}

/// Reads the pieces of `text` that start at `starts` (the file's start and each top-level
/// header). `keep_spans` records where every key sits, for locating later problems.
pub(crate) fn build(
    text: &str,
    starts: &[usize],
    keep_spans: bool,
    out: &mut Vec<Diagnostic>,
    progress: Option<&LoadProgress>,
) -> Built {
    let mut builder = Builder {
        keep_spans,
        ..Builder::default()
    };
    for (n, &start) in starts.iter().enumerate() {
        if let Some(progress) = progress {
            progress.parsing(start, text.len());
        }
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let piece = &text[start..end];
        let (root, errors) = DeTable::parse_recoverable(piece);
        if !errors.is_empty() {
            builder.malformed = true;
            builder.unread.any = true;
            builder.unread.ids.extend(ids_in_unparsed(piece));
            for e in errors {
                let span = e.span().map(|s| s.start + start..s.end + start);
                let hint = span
                    .as_ref()
                    .and_then(|s| bare_word(text, s.start))
                    .map(|w| format!("; text is written in quotes: \"{w}\""))
                    .unwrap_or_default();
                out.push(Diagnostic::new(
                    span,
                    format!("invalid TOML: {}{hint}", e.message().trim_end()),
                ));
            }
            continue;
        }
        builder.piece(root.get_ref(), start, n == 0, out);
    }
    builder.finish(out)
}

/// The word at `at` when it stands after `=` with no quotes round it (`kind = forecast`),
/// the commonest slip that gets a TOML error about something else (a boolean).
fn bare_word(text: &str, at: usize) -> Option<&str> {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let (key, value) = text[line_start..line_end].split_once('=')?;
    let value = value.trim();
    let word = value.split('#').next()?.trim();
    let bare = !word.is_empty()
        && !key.trim().is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == ' ')
        && word.chars().any(char::is_alphabetic)
        && !matches!(word, "true" | "false" | "inf" | "nan");
    bare.then_some(word)
}

impl Builder {
    /// Reads one piece. The first piece is whatever precedes the first header, where a
    /// section can only be an inline array; every later piece starts with a header.
    fn piece(&mut self, root: &DeTable<'_>, offset: usize, first: bool, out: &mut Vec<Diagnostic>) {
        let mut top =
            TableReader::new(root, 0..0, "the model".to_string(), offset, self.keep_spans);
        top.know(TOP_KEYS);
        for (key, value) in root.iter() {
            let span = value.span().start + offset..value.span().end + offset;
            let Some(&name) = TOP_KEYS.iter().find(|k| **k == key.get_ref().as_ref()) else {
                continue; // Reported by `top.finish()` with a suggestion.
            };
            self.map.top.entry(name).or_insert(span.clone());
            match name {
                "schema" => self.schema = Some(top.integer("schema", 0, i64::from(u32::MAX))),
                "article" => self.article(&mut top, span, out),
                section => {
                    let given = if first { Given::Inline } else { Given::Headers };
                    self.section(&mut top, section, given, span, out);
                }
            }
        }
        out.extend(top.finish().diagnostics);
    }

    fn article(
        &mut self,
        top: &mut TableReader<'_, '_>,
        span: Range<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        if self.article.is_some() {
            out.push(
                Diagnostic::new(Some(span), "a second [article] table; a model has one")
                    .at_key(Some("article")),
            );
            return;
        }
        let Some(mut r) = top.table("article", "[article]") else {
            return;
        };
        let article = read_article(&mut r);
        let read = r.finish();
        out.extend(read.diagnostics);
        self.unread.any |= read.failed;
        if !read.unread.is_empty() {
            self.unread
                .keys
                .insert((Section::Article, 0), read.unread.clone());
        }
        self.map.article = read.spans;
        self.article = Some(article);
    }

    fn section(
        &mut self,
        top: &mut TableReader<'_, '_>,
        key: &'static str,
        given: Given,
        span: Range<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        match self.given.insert(key, given) {
            Some(Given::Headers) if given == Given::Headers => {}
            Some(_) => {
                let message = format!(
                    "`{key}` is given twice; use either `{key} = [...]` or [[{key}]] tables, once"
                );
                out.push(Diagnostic::new(Some(span), message).at_key(Some(key)));
                return;
            }
            None => {}
        }
        let Some(section) = Section::of_key(key) else {
            return;
        };
        for mut r in top.tables(key, section.noun()) {
            match section {
                Section::Sentences => {
                    let item = read_sentence(&mut r);
                    self.keep(r, section, out, |b| &mut b.sentences, item);
                }
                Section::Actors => {
                    let item = read_actor(&mut r);
                    self.keep(r, section, out, |b| &mut b.actors, item);
                }
                Section::Events => {
                    let item = read_event(&mut r);
                    self.keep(r, section, out, |b| &mut b.events, item);
                }
                Section::Claims => {
                    let item = read_claim(&mut r);
                    self.keep(r, section, out, |b| &mut b.claims, item);
                }
                Section::Relations => {
                    let item = read_relation(&mut r);
                    self.keep(r, section, out, |b| &mut b.relations, item);
                }
                Section::Arguments | Section::Article => {
                    let item = read_argument(&mut r);
                    self.keep(r, section, out, |b| &mut b.arguments, item);
                }
                Section::Sources => {
                    let item = read_source(&mut r);
                    self.keep(r, section, out, |b| &mut b.sources, item);
                }
                Section::Later => {
                    let item = read_later(&mut r);
                    self.keep(r, section, out, |b| &mut b.later, item);
                }
                Section::Reviews => {
                    let item = read_review(&mut r);
                    self.keep(r, section, out, |b| &mut b.reviews, item);
                }
            }
        }
    }

    /// Keeps an item and its spans, noting which of its values are stand-ins.
    fn keep<T>(
        &mut self,
        reader: TableReader<'_, '_>,
        section: Section,
        out: &mut Vec<Diagnostic>,
        list: impl FnOnce(&mut Builder) -> &mut Vec<T>,
        item: T,
    ) {
        let read = reader.finish();
        let items = list(self);
        items.push(item);
        let index = items.len() - 1;
        out.extend(read.diagnostics);
        self.unread.any |= read.failed;
        if !read.unread.is_empty() {
            self.unread.keys.insert((section, index), read.unread);
        }
        self.map.push(section, read.spans);
    }

    fn finish(self, out: &mut Vec<Diagnostic>) -> Built {
        // What the whole model lacks is reported at the top of the file.
        if !self.malformed {
            let missing =
                |key: &str, message: String| Diagnostic::new(Some(0..0), message).at_key(Some(key));
            if self.schema.is_none() {
                out.push(missing(
                    "schema",
                    "the model: missing key `schema` (write `schema = 1` first)".to_string(),
                ));
            }
            if self.article.is_none() && !self.map.top.contains_key("article") {
                out.push(missing(
                    "article",
                    "the model: missing the [article] table".to_string(),
                ));
            }
            for key in REQUIRED_SECTIONS {
                if !self.given.contains_key(key) {
                    let message = format!(
                        "the model: missing `{key}`: [[{key}]] tables, or `{key} = []` for none"
                    );
                    out.push(missing(key, message));
                }
            }
        }
        let model = self.article.map(|article| Model {
            schema: self.schema.unwrap_or(0),
            article,
            sentences: self.sentences,
            actors: self.actors,
            events: self.events,
            claims: self.claims,
            relations: self.relations,
            arguments: self.arguments,
            sources: self.sources,
            later: self.later,
            reviews: self.reviews,
        });
        Built {
            model,
            map: self.map,
            unread: self.unread,
            malformed: self.malformed,
        }
    }
}

fn read_article(r: &mut TableReader<'_, '_>) -> Article {
    let id = r.string("id");
    r.known_as(&id);
    Article {
        id,
        title: r.string("title"),
        standfirst: r.string("standfirst"),
        author: r.string("author"),
        author_note: r.string("author_note"),
        published: r.date("published"),
        published_basis: r.word("published_basis"),
        published_note: r.opt_string("published_note"),
        url: r.opt_string("url"),
        publisher: r.opt_string("publisher"),
        language: r.opt_string("language"),
    }
}

fn read_sentence(r: &mut TableReader<'_, '_>) -> Sentence {
    Sentence {
        id: r.id("sentence"),
        paragraph: u32::try_from(r.integer("paragraph", 1, i64::from(u32::MAX)))
            .unwrap_or(u32::MAX),
        role: r.word("role"),
        text: r.string("text"),
    }
}

fn read_actor(r: &mut TableReader<'_, '_>) -> Actor {
    Actor {
        id: r.id("actor"),
        name: r.string("name"),
        kind: r.word("kind"),
        aliases: r.string_list("aliases"),
        summary: r.string("summary"),
        affiliation: r.opt_string("affiliation"),
        role: r.opt_string("role"),
        wikidata: r.opt_string("wikidata"),
    }
}

fn read_event(r: &mut TableReader<'_, '_>) -> Event {
    let id = r.id("event");
    let title = r.string("title");
    let date = r.date("date");
    let date_basis = r.word("date_basis");
    let date_note = r.opt_string("date_note");
    let when = r.opt_string("when");
    let status = r.word("status");
    let actors = r.string_list("actors");
    let claims = r.string_list("claims");
    let what = format!("{}: `record`", r.what());
    let record = r.opt_table("record", &what).map(|mut t| {
        let record = Record {
            date: t.opt_date("date"),
            note: t.string("note"),
            sources: t.string_list("sources"),
        };
        r.absorb(t, |key| match key {
            "date" => "record.date",
            "note" => "record.note",
            "sources" => "record.sources",
            _ => "record",
        });
        record
    });
    Event {
        id,
        title,
        date,
        date_basis,
        date_note,
        when,
        status,
        actors,
        claims,
        record,
    }
}

fn read_source(r: &mut TableReader<'_, '_>) -> Source {
    Source {
        id: r.id("source"),
        title: r.string("title"),
        publisher: r.string("publisher"),
        date: r.date("date"),
        url: r.string("url"),
        note: r.opt_string("note"),
    }
}

fn read_later(r: &mut TableReader<'_, '_>) -> LaterEvent {
    LaterEvent {
        id: r.id("later event"),
        title: r.string("title"),
        date: r.date("date"),
        actors: r.string_list("actors"),
        summary: r.string("summary"),
        sources: r.string_list("sources"),
        bears_on: r.string_list("bears_on"),
    }
}

fn read_review(r: &mut TableReader<'_, '_>) -> Review {
    Review {
        id: r.id("review"),
        claims: r.string_list("claims"),
        verdict: r.word("verdict"),
        judged: r.word("judged"),
        judged_note: r.opt_string("judged_note"),
        summary: r.string("summary"),
        as_of: r.date("as_of"),
        later: r.string_list("later"),
        sources: r.string_list("sources"),
    }
}

fn read_claim(r: &mut TableReader<'_, '_>) -> Claim {
    Claim {
        id: r.id("claim"),
        text: r.string("text"),
        kind: r.word("kind"),
        sentence: r.string("sentence"),
        quote: r.string("quote"),
        actors: r.string_list("actors"),
        note: r.opt_string("note"),
    }
}

fn read_relation(r: &mut TableReader<'_, '_>) -> Relation {
    let from = r.string("from");
    let to = r.string("to");
    if !from.is_empty() && !to.is_empty() {
        r.name_as(format!("relation {from} → {to}"));
        r.known_as(&format!("{from}/{to}"));
    }
    Relation {
        from,
        to,
        trend: r.word("trend"),
        summary: r.string("summary"),
        claims: r.string_list("claims"),
    }
}

fn read_argument(r: &mut TableReader<'_, '_>) -> ArgumentNode {
    ArgumentNode {
        id: r.id("argument"),
        role: r.word("role"),
        title: r.string("title"),
        parent: r.opt_string("parent"),
        stance: r.opt_word("stance"),
        claims: r.string_list("claims"),
    }
}

/// The ids a piece of text that is not TOML seems to give (`id = "..."` at the start of a
/// line), with the section its header names. A guess, used only to keep references to
/// items in a broken piece from being reported as dangling as well.
fn ids_in_unparsed(piece: &str) -> Vec<(String, Section)> {
    let mut section = None;
    let mut ids = Vec::new();
    for line in piece.lines() {
        let line = line.trim_start();
        if let Some(header) = line.strip_prefix('[') {
            let name = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("");
            section = Section::of_key(name.trim());
            continue;
        }
        let Some(rest) = line.strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        let quoted = value
            .strip_prefix('"')
            .and_then(|v| v.split('"').next())
            .filter(|v| !v.is_empty());
        if let (Some(id), Some(section)) = (quoted, section) {
            ids.push((id.to_string(), section));
        }
    }
    ids
}
