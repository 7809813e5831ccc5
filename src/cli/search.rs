//! `claimscope search`: the explorer's search, for scripts and quick answers.

use std::io::{self, Write};

use serde::Serialize;

use claimscope::model::{Index, sanitize};
use claimscope::search::{Field, Filter, Hit, HitKind, Query, Searcher};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};

pub struct Options {
    pub query: String,
    pub kind: Option<HitKind>,
    pub limit: usize,
    pub json: bool,
}

/// One hit as scripts see it.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    kind: &'static str,
    id: &'a str,
    label: String,
    score: i64,
    /// The field that matched: name, alias, text, quote, title, phrase, summary, publisher
    /// or id; null when
    /// the query was filters alone and nothing was matched as text.
    field: Option<&'static str>,
    /// The text that matched: the alias itself for an alias, else the field's name; null
    /// as for `field`.
    matched: Option<String>,
}

/// The id and the label of a hit's item.
pub fn describe<'a>(index: &'a Index, hit: &Hit) -> (&'a str, String) {
    let item = hit.item();
    (index.id_of(item), index.label(item))
}

pub fn run(searcher: &Searcher, options: &Options, out: &mut dyn Write) -> io::Result<u8> {
    let index = searcher.index();
    let mut query = Query::parse(&options.query);
    // `--kind` is one more filter: it holds as well as any `in:` in the query.
    query.filters.extend(options.kind.map(Filter::within));
    let problems = searcher.check(&query, &options.query);
    for problem in &problems {
        eprintln!("claimscope: {}", sanitize(&problem.message));
    }
    if problems.iter().any(|p| p.fatal) {
        return Ok(EXIT_USAGE);
    }
    let hits = searcher.search(&query, options.limit);
    let textual = !query.terms.is_empty();
    if options.json {
        let rows: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|hit| {
                let (id, label) = describe(index, hit);
                let matched = match hit.field {
                    Field::Alias(_) => searcher.field_text(hit).to_string(),
                    other => other.as_str().to_string(),
                };
                JsonHit {
                    kind: hit.kind.as_str(),
                    id,
                    label,
                    score: hit.score,
                    field: textual.then_some(hit.field.as_str()),
                    matched: textual.then_some(matched),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        let width = hits
            .iter()
            .map(|h| describe(index, h).0.len())
            .max()
            .unwrap_or(0);
        for hit in &hits {
            let (id, label) = describe(index, hit);
            let matched = match hit.field {
                Field::Alias(_) => format!("  (alias “{}”)", sanitize(searcher.field_text(hit))),
                Field::Quote => "  (in the quote)".to_string(),
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
    if hits.is_empty() {
        eprintln!("claimscope: no match for “{}”", sanitize(&options.query));
    } else if hits.len() == options.limit {
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
