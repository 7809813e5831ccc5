//! Reads the parsed TOML tree into model types, collecting every missing, misspelt or
//! mistyped key as a located diagnostic instead of stopping at the first one.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Diagnostic;
use super::spans::{FieldSpans, ItemSpans};
use crate::model::types::{Date, PartialDate, Refused, STILL_TO_FILL, TO_FILL, Word, closest};

/// Reads the keys of one TOML table, remembering which were asked for so that any other
/// key can be reported as unknown.
pub(crate) struct TableReader<'a, 'i> {
    table: &'a DeTable<'i>,
    /// Where the parsed text starts in the whole file: spans are shifted by it.
    offset: usize,
    /// Whether to keep every key's span (only needed to locate later problems).
    keep_spans: bool,
    spans: ItemSpans,
    /// How messages name this item: "claim `c05a`".
    what: String,
    /// The item's id, once read: its problems carry it.
    id: Option<String>,
    /// For a table inside an item, its key: its problems' keys are given under it
    /// (`record.date`).
    under: Option<&'static str>,
    known: Vec<&'static str>,
    diagnostics: Vec<Diagnostic>,
    /// Keys whose value could not be read: the item holds a stand-in for each.
    unread: Vec<&'static str>,
    failed: bool,
}

/// What reading one item produced.
pub(crate) struct ReadItem {
    /// Where its keys sit (recorded only when asked for).
    pub spans: ItemSpans,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether anything was wrong with it.
    pub failed: bool,
    /// The keys whose value could not be read, so that later checks pass over their
    /// stand-ins instead of reporting them a second time.
    pub unread: Vec<&'static str>,
}

impl<'a, 'i> TableReader<'a, 'i> {
    /// A reader for `table`, whose text starts at `offset` in the file.
    pub fn new(
        table: &'a DeTable<'i>,
        span: Range<usize>,
        what: String,
        offset: usize,
        keep_spans: bool,
    ) -> Self {
        Self {
            table,
            offset,
            keep_spans,
            spans: ItemSpans {
                item: span.start + offset..span.end + offset,
                fields: Vec::new(),
            },
            what,
            id: None,
            under: None,
            known: Vec::new(),
            diagnostics: Vec::new(),
            unread: Vec::new(),
            failed: false,
        }
    }

    /// Notes that `key`'s value could not be read.
    fn unread(&mut self, key: &'static str) {
        if !self.unread.contains(&key) {
            self.unread.push(key);
        }
    }

    /// Reads the item's `id` and names the item by it in later messages.
    pub fn id(&mut self, noun: &str) -> String {
        let id = self.string("id");
        if !id.is_empty() {
            self.what = format!("{noun} `{id}`");
        }
        self.known_as(&id);
        id
    }

    /// Gives the item's later problems this id (none if it is empty).
    pub fn known_as(&mut self, id: &str) {
        self.id = Some(id.to_string()).filter(|id| !id.is_empty());
    }

    /// How messages name the item: "claim `c05a`".
    pub fn what(&self) -> &str {
        &self.what
    }

    /// Names the item in later messages.
    pub fn name_as(&mut self, what: String) {
        self.what = what;
    }

    /// A span of the parsed text as a span of the file.
    fn at(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    /// Reports a problem with `key` at a span of the parsed text.
    fn error_at(&mut self, key: &str, span: Range<usize>, message: String) {
        let span = self.at(span);
        self.error(key, span, message);
    }

    /// Accepts these keys as known even where this table lacks them, so that unknown keys
    /// get the right suggestions.
    pub fn know(&mut self, keys: &[&'static str]) {
        for key in keys {
            if !self.known.contains(key) {
                self.known.push(key);
            }
        }
    }

    fn error(&mut self, key: &str, span: Range<usize>, message: String) {
        self.failed = true;
        let message = format!("{}: {message}", self.what);
        self.diagnostics
            .push(self.about(key, Diagnostic::new(Some(span), message)));
    }

    /// Reports that `key` holds a placeholder: "[article] published is still to be
    /// filled". The item holds a stand-in, which later checks pass over.
    fn still_to_fill(&mut self, key: &'static str, span: Range<usize>) {
        self.failed = true;
        self.unread(key);
        let shown = match self.under {
            Some(table) => format!("{table}.{key}"),
            None => key.to_string(),
        };
        let message = format!("{} {shown} {STILL_TO_FILL}", self.what);
        let span = self.at(span);
        let diagnostic = Diagnostic::new(Some(span), message).as_todo(true);
        self.diagnostics.push(self.about(key, diagnostic));
    }

    /// A diagnostic of this item, about `key`.
    fn about(&self, key: &str, diagnostic: Diagnostic) -> Diagnostic {
        let diagnostic = diagnostic.in_item(self.id.as_deref());
        match self.under {
            Some(table) => diagnostic.at_key(Some(&format!("{table}.{key}"))),
            None => diagnostic.at_key(Some(key)),
        }
    }

    fn lookup(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.table.get(key)
    }

    fn required(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        let value = self.lookup(key);
        if value.is_none() {
            let span = self.spans.item.clone();
            self.error(key, span, format!("missing key `{key}`"));
            self.unread(key);
        }
        value
    }

    fn record(&mut self, key: &'static str, value: Range<usize>, elements: Vec<Range<usize>>) {
        if !self.keep_spans {
            return;
        }
        let value = self.at(value);
        let elements = elements.into_iter().map(|e| self.at(e)).collect();
        self.spans.fields.push(FieldSpans {
            key,
            value,
            elements,
        });
    }

    fn as_text(&mut self, key: &'static str, value: &'a Spanned<DeValue<'i>>) -> Option<String> {
        self.record(key, value.span(), Vec::new());
        match value.get_ref() {
            DeValue::String(s) if s.trim_start().starts_with(TO_FILL) => {
                self.still_to_fill(key, value.span());
                None
            }
            DeValue::String(s) if s.trim().is_empty() => {
                self.error_at(key, value.span(), format!("`{key}` must not be empty"));
                self.unread(key);
                None
            }
            DeValue::String(s) if s.len() > MAX_TEXT_BYTES => {
                self.error_at(key, value.span(), too_long(key, s.len()));
                self.unread(key);
                None
            }
            DeValue::String(s) => {
                if let Some(refused) = refused_in(s, is_name(key)) {
                    let message = format!(
                        "`{key}` holds {}, which a model may not contain",
                        refused.describe()
                    );
                    self.error_at(key, value.span(), message);
                }
                Some(s.to_string())
            }
            other => {
                let found = other.type_str();
                self.error_at(
                    key,
                    value.span(),
                    format!("`{key}` must be a string, not {found}"),
                );
                self.unread(key);
                None
            }
        }
    }

    /// A required, non-empty string.
    pub fn string(&mut self, key: &'static str) -> String {
        self.required(key)
            .and_then(|v| self.as_text(key, v))
            .unwrap_or_default()
    }

    /// An optional string; when present it must not be empty.
    pub fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let value = self.lookup(key)?;
        self.as_text(key, value)
    }

    /// A required whole number from `min` to `max`.
    pub fn integer(&mut self, key: &'static str, min: i64, max: i64) -> i64 {
        let Some(value) = self.required(key) else {
            return min;
        };
        self.record(key, value.span(), Vec::new());
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => {
                i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
            }
            _ => None,
        };
        match parsed {
            Some(n) if (min..=max).contains(&n) => n,
            Some(n) => {
                self.error_at(
                    key,
                    value.span(),
                    format!("`{key}` must be from {min} to {max}, not {n}"),
                );
                self.unread(key);
                min
            }
            None => {
                let found = value.get_ref().type_str();
                self.error_at(
                    key,
                    value.span(),
                    format!("`{key}` must be a whole number, not {found}"),
                );
                self.unread(key);
                min
            }
        }
    }

    /// A required word from a closed set.
    pub fn word<W: Word>(&mut self, key: &'static str) -> W {
        self.opt_word_inner(key, true).unwrap_or(W::ALL[0])
    }

    /// An optional word from a closed set.
    pub fn opt_word<W: Word>(&mut self, key: &'static str) -> Option<W> {
        self.opt_word_inner(key, false)
    }

    fn opt_word_inner<W: Word>(&mut self, key: &'static str, required: bool) -> Option<W> {
        let value = if required {
            self.required(key)?
        } else {
            self.lookup(key)?
        };
        let text = self.as_text(key, value)?;
        let word = W::from_word(&text);
        if word.is_none() {
            let lower = text.to_lowercase();
            let words = W::ALL.iter().map(|w| w.word());
            // A slip, or another form of the word ("partial" for `partly`): the one word
            // that shares its first four letters.
            let stem: String = lower.chars().take(4).collect();
            let mut same_stem = W::ALL
                .iter()
                .map(|w| w.word())
                .filter(|w| stem.chars().count() == 4 && w.starts_with(stem.as_str()));
            let near = closest(&lower, words).or_else(|| {
                let first = same_stem.next();
                first.filter(|_| same_stem.next().is_none())
            });
            let hint = match near {
                Some(near) => format!("; did you mean `{near}`?"),
                None => String::new(),
            };
            self.error_at(
                key,
                value.span(),
                format!(
                    "`{key}` is `{text}`, which is not one of {}{hint}",
                    W::expected()
                ),
            );
            self.unread(key);
        }
        word
    }

    /// An optional date.
    pub fn opt_date(&mut self, key: &'static str) -> Option<Date> {
        self.lookup(key)?;
        Some(self.date(key))
    }

    /// A required date.
    pub fn date(&mut self, key: &'static str) -> Date {
        let fallback = Date::On(PartialDate {
            year: 0,
            month: None,
            day: None,
        });
        let Some(value) = self.required(key) else {
            return fallback;
        };
        let Some(text) = self.as_text(key, value) else {
            return fallback;
        };
        match text.parse() {
            Ok(date) => date,
            Err(e) => {
                self.error_at(key, value.span(), format!("`{key}`: {e}"));
                self.unread(key);
                fallback
            }
        }
    }

    /// A required list of non-empty strings (it may be empty).
    pub fn string_list(&mut self, key: &'static str) -> Vec<String> {
        let Some(value) = self.required(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.record(key, value.span(), Vec::new());
            self.error_at(
                key,
                value.span(),
                format!("`{key}` must be a list of strings, not {found}"),
            );
            self.unread(key);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        let mut elements = Vec::with_capacity(items.len());
        for item in items.iter() {
            elements.push(item.span());
            match item.get_ref() {
                DeValue::String(s) if s.len() > MAX_TEXT_BYTES => {
                    self.error_at(key, item.span(), too_long(key, s.len()));
                    self.unread(key);
                }
                DeValue::String(s) if !s.trim().is_empty() => {
                    if let Some(refused) = refused_in(s, is_name(key)) {
                        let message = format!(
                            "`{key}` holds {}, which a model may not contain",
                            refused.describe()
                        );
                        self.error_at(key, item.span(), message);
                    }
                    out.push(s.to_string());
                }
                DeValue::String(_) => {
                    self.error_at(key, item.span(), format!("`{key}` holds an empty string"));
                }
                other => {
                    let found = other.type_str();
                    self.error_at(
                        key,
                        item.span(),
                        format!("`{key}` must hold strings, not {found}"),
                    );
                }
            }
        }
        self.record(key, value.span(), elements);
        out
    }

    /// An optional table, as a reader of its own; hand it back with [`Self::absorb`].
    pub fn opt_table(&mut self, key: &'static str, what: &str) -> Option<TableReader<'a, 'i>> {
        self.lookup(key)?;
        let mut nested = self.table(key, what)?;
        nested.id = self.id.clone();
        nested.under = Some(key);
        Some(nested)
    }

    /// Takes in what a reader of one of this item's tables found: its problems, and its
    /// keys' spans and stand-ins under the names `rename` gives them (`date` of `record`
    /// as `record.date`), so that later checks can point into the table.
    pub fn absorb(&mut self, nested: TableReader<'a, 'i>, rename: fn(&str) -> &'static str) {
        let read = nested.finish();
        self.failed |= read.failed;
        self.diagnostics.extend(read.diagnostics);
        for key in read.unread {
            self.unread(rename(key));
        }
        for field in read.spans.fields {
            self.spans.fields.push(FieldSpans {
                key: rename(field.key),
                ..field
            });
        }
    }

    /// A required table, as a reader of its own.
    pub fn table(&mut self, key: &'static str, what: &str) -> Option<TableReader<'a, 'i>> {
        let value = self.required(key)?;
        self.record(key, value.span(), Vec::new());
        match value.get_ref() {
            DeValue::Table(t) => Some(TableReader::new(
                t,
                value.span(),
                what.to_string(),
                self.offset,
                self.keep_spans,
            )),
            other => {
                let found = other.type_str();
                self.error_at(
                    key,
                    value.span(),
                    format!("`{key}` must be a table, not {found}"),
                );
                None
            }
        }
    }

    /// A required array of tables, as one reader for each.
    pub fn tables(&mut self, key: &'static str, noun: &str) -> Vec<TableReader<'a, 'i>> {
        let Some(value) = self.required(key) else {
            return Vec::new();
        };
        self.record(key, value.span(), Vec::new());
        let DeValue::Array(items) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.error_at(
                key,
                value.span(),
                format!("`{key}` must be an array of tables ([[{key}]]), not {found}"),
            );
            return Vec::new();
        };
        let mut readers = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => readers.push(TableReader::new(
                    t,
                    item.span(),
                    format!("{noun} #{}", n + 1),
                    self.offset,
                    self.keep_spans,
                )),
                other => {
                    let found = other.type_str();
                    self.error_at(
                        key,
                        item.span(),
                        format!("`{key}` must hold tables, not {found}"),
                    );
                }
            }
        }
        readers
    }

    /// Reports unknown keys and hands back what was read.
    pub fn finish(mut self) -> ReadItem {
        let unknown: Vec<(String, Range<usize>)> = self
            .table
            .iter()
            .filter(|(k, _)| {
                !self
                    .known
                    .iter()
                    .any(|known| *known == k.get_ref().as_ref())
            })
            .map(|(k, _)| (k.get_ref().to_string(), self.at(k.span())))
            .collect();
        for (key, span) in unknown {
            let hint = match closest(&key, self.known.iter().copied()) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => format!("; the keys here are {}", list(&self.known)),
            };
            // An unknown key is reported, but the item is still read: its known keys are fine.
            let message = format!("{}: unknown key `{key}`{hint}", self.what);
            let diagnostic = self.about(&key, Diagnostic::new(Some(span), message));
            self.diagnostics.push(diagnostic);
        }
        ReadItem {
            spans: self.spans,
            diagnostics: self.diagnostics,
            failed: self.failed,
            unread: self.unread,
        }
    }
}

/// The longest text a model's string may hold, in bytes: some 2,500 words, far more
/// than any sentence, quote or note needs. It bounds what one text can cost every
/// check, search and layout that reads it.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

fn too_long(key: &str, bytes: usize) -> String {
    format!(
        "`{key}` is {bytes} bytes long; a text may be at most {MAX_TEXT_BYTES} bytes (some 2,500 words)"
    )
}

/// The first character `s` may not hold, if any; printable ASCII is checked a byte at a
/// time.
fn refused_in(s: &str, name: bool) -> Option<Refused> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    crate::model::types::refused_in(s, name)
}

/// Whether the values of `key` are names, which must be told apart by how they look (an
/// actor's `name` and `aliases`).
fn is_name(key: &str) -> bool {
    matches!(key, "name" | "aliases")
}

fn list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    quoted.join(", ")
}
