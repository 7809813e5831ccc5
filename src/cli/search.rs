//! `claimscope search`: the explorer's search, for scripts and quick answers.

use std::io::{self, Write};

use serde::Serialize;

use std::borrow::Cow;

use claimscope::model::{Index, sanitize};
use claimscope::open::ForSearch;
use claimscope::search::{Engine, Field, Filter, Hit, HitKind, Query};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};

pub struct Options {
    pub query: String,
    /// `--kind`: as `kind:` in the query.
    pub kind: Option<String>,
    /// `--in`: as `in:` in the query.
    pub within: Option<HitKind>,
    pub limit: usize,
    pub json: bool,
}

/// The sorts of item `--in` takes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    Actor,
    Claim,
    Event,
    Argument,
    /// A relation between two actors.
    Relation,
    /// An event after the article, from the record.
    Later,
    /// The record's verdict on claims.
    Review,
    /// A source the record cites.
    Source,
}

impl From<Kind> for HitKind {
    fn from(kind: Kind) -> HitKind {
        match kind {
            Kind::Actor => HitKind::Actor,
            Kind::Claim => HitKind::Claim,
            Kind::Event => HitKind::Event,
            Kind::Argument => HitKind::Argument,
            Kind::Relation => HitKind::Relation,
            Kind::Later => HitKind::Later,
            Kind::Review => HitKind::Review,
            Kind::Source => HitKind::Source,
        }
    }
}

/// A `--limit`: a whole number of at least one (none would print nothing, and say "no
/// match" for a query that matches).
pub fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("it must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(_) if text.parse::<i64>().is_ok() => Err("it must be at least 1".to_string()),
        Err(_) => Err(format!("`{text}` is not a whole number")),
    }
}

/// One hit as scripts see it.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    kind: &'static str,
    id: &'a str,
    label: String,
    score: i64,
    /// The field that matched: name, alias, text, quote, title, phrase, summary,
    /// publisher, id or date; null when the query was filters alone and nothing was
    /// matched as text.
    field: Option<&'static str>,
    /// The text that matched: the alias itself for an alias, else the field's name; null
    /// as for `field`.
    matched: Option<String>,
    /// Whether the hit was found only by reading a misspelt term as the word it is
    /// closest to (the standard error says which).
    spelled: bool,
}

/// The id and the label of a hit's item.
pub fn describe<'a>(index: &'a Index, hit: &Hit) -> (&'a str, String) {
    let item = hit.item();
    (index.id_of(item), index.label(item))
}

/// What the hits' ids and labels are read from: the model's index, or a cached copy's
/// names.
fn id_label<'a>(over: &'a ForSearch, hit: &Hit) -> (&'a str, Cow<'a, str>) {
    match over {
        ForSearch::Model(searcher) => {
            let (id, label) = describe(searcher.index(), hit);
            (id, Cow::Owned(label))
        }
        ForSearch::Copy(quick) => {
            let names = quick.names();
            (names.id(hit), Cow::Borrowed(names.label(hit)))
        }
    }
}

/// The alias a hit matched in.
fn alias<'a>(over: &'a ForSearch, hit: &Hit) -> &'a str {
    match over {
        ForSearch::Model(searcher) => searcher.field_text(hit),
        ForSearch::Copy(quick) => quick.names().alias(hit),
    }
}

pub fn run(over: &ForSearch, options: &Options, out: &mut dyn Write) -> io::Result<u8> {
    let searcher: &Engine = match over {
        ForSearch::Model(searcher) => searcher,
        ForSearch::Copy(quick) => quick.engine(),
    };
    let mut query = Query::parse(&options.query);
    // `--kind` and `--in` are filters more: each holds as well as any in the query.
    if let Some(kind) = &options.kind {
        let parsed = Query::parse(&format!("kind:{}", kind.to_lowercase()));
        if parsed.filters.is_empty() || !parsed.terms.is_empty() {
            eprintln!("claimscope: --kind takes one kind, or several joined by commas");
            return Ok(EXIT_USAGE);
        }
        // A mistyped kind is told in the words it was given in: `--kind forecast`.
        let problems = searcher.check(&parsed, "");
        for problem in &problems {
            let said = problem.message.replace("`kind:", "`--kind ");
            eprintln!("claimscope: {}", sanitize(&said));
        }
        if !problems.is_empty() {
            return Ok(EXIT_USAGE);
        }
        query.filters.extend(parsed.filters);
    }
    query.filters.extend(options.within.map(Filter::within));
    if query.is_empty() {
        eprintln!("claimscope: an empty query finds nothing; give a word to look for, or a filter");
        return Ok(EXIT_USAGE);
    }
    let problems = searcher.check(&query, &options.query);
    for problem in &problems {
        eprintln!("claimscope: {}", sanitize(&problem.message));
    }
    if problems.iter().any(|p| p.fatal) {
        return Ok(EXIT_USAGE);
    }
    // The command line prints no matched letters, so none are worked out.
    let results = searcher.search_marking(&query, options.limit, 0, None);
    let hits = results.hits;
    let textual = !query.terms.is_empty();
    if options.json {
        let rows: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|hit| {
                let (id, label) = id_label(over, hit);
                let matched = match hit.field {
                    Field::Alias(_) => alias(over, hit).to_string(),
                    other => other.as_str().to_string(),
                };
                JsonHit {
                    kind: hit.kind.as_str(),
                    id,
                    label: label.into_owned(),
                    score: hit.score,
                    field: textual.then_some(hit.field.as_str()),
                    matched: textual.then_some(matched),
                    spelled: hit.spelled,
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        let width = hits
            .iter()
            .map(|h| id_label(over, h).0.len())
            .max()
            .unwrap_or(0);
        for hit in &hits {
            let (id, label) = id_label(over, hit);
            let matched = match hit.field {
                Field::Alias(_) => format!("  (alias “{}”)", sanitize(alias(over, hit))),
                Field::Quote => "  (in the quote)".to_string(),
                Field::Date => "  (by its date)".to_string(),
                _ => String::new(),
            };
            writeln!(
                out,
                "{:<8} {:<width$}  {}{matched}",
                hit.kind.as_str(),
                sanitize(id),
                sanitize(&label)
            )?;
        }
    }
    let spelled = hits.iter().filter(|h| h.spelled).count();
    let read_as = results.spelled.as_ref().map(Query::to_string);
    if hits.is_empty() {
        eprintln!("claimscope: no match for “{}”", sanitize(&options.query));
    } else if let Some(read_as) = read_as.filter(|_| spelled > 0) {
        let read_as = sanitize(&read_as);
        if spelled == hits.len() {
            eprintln!(
                "claimscope: no match for “{}”; did you mean “{read_as}”? Its hits are shown.",
                sanitize(&options.query)
            );
        } else {
            eprintln!("claimscope: the last {spelled} hits read the query as “{read_as}”");
        }
    }
    if !hits.is_empty() && hits.len() == options.limit {
        eprintln!(
            "claimscope: the best {} shown; --limit N for more",
            hits.len()
        );
    }
    Ok(if hits.is_empty() {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}
