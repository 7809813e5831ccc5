//! `export --format markdown`: a readable brief of the argument, the timeline, the actors,
//! and apart from them what the record shows happened next.

use std::io::{self, Write};

use claimscope::model::{ArgumentRole, Index, sanitize};

use super::{EXIT_OK, tree_order};

/// Text for a Markdown table cell: inline text, its pipes escaped too.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// A model's text as Markdown shows it within a line, never read as markup: what a
/// CommonMark renderer would take for HTML (`<script>`, `&amp;`), emphasis, code, a link
/// or an image is escaped with a backslash.
fn inline(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// As [`inline`], for text that starts a line or a block (a list item's, a quotation's): a
/// first character that would start a heading, a list, a quotation, a rule or a fence is
/// escaped too.
fn line_start(text: &str) -> String {
    let mut out = inline(text);
    if out.starts_with(['#', '+', '-', '=', '~']) {
        out.insert(0, '\\');
    }
    // "1. " or "1) " at the start would make a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// An address as an autolink's inside: whatever could end the link or the tag it may
/// become (`>`, `<`, spaces, quotes) percent-encoded, so that nothing after it is read
/// as markup.
fn address(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in sanitize(url).chars() {
        match c {
            '<' | '>' | '"' | '\'' | '`' | ' ' | '\\' | '{' | '}' | '|' | '^' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A readable brief: the thesis, then the reasons, limits and context in the order of the
/// map, each with its claims and their quotes; then a timeline table and an actors table;
/// then, apart, what the public record shows happened next, with its sources.
pub fn markdown(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    writeln!(out, "# {}\n", inline(&article.title))?;
    writeln!(out, "*{}*\n", inline(&article.standfirst))?;
    write!(
        out,
        "{} · {}",
        line_start(&article.author),
        article.published.long()
    )?;
    if let Some(note) = &article.published_note {
        write!(out, " ({}: {})", article.published_basis, inline(note))?;
    }
    writeln!(out, "\n")?;
    // The thesis, then every other node in tree order, its heading as deep as the node.
    for (position, n) in tree_order(index).into_iter().enumerate() {
        let node = &model.arguments[n];
        let depth = index.path(n).matches('.').count();
        if position == 1 {
            writeln!(out, "## Reasons, objections, limits and context\n")?;
        }
        let heading = if depth == 0 {
            "##".to_string()
        } else {
            "#".repeat((depth + 2).min(6))
        };
        let role = match node.role {
            ArgumentRole::Thesis => "Thesis",
            ArgumentRole::Reason => "Reason",
            ArgumentRole::Limit => "Limit",
            ArgumentRole::Context => "Context",
            ArgumentRole::Conclusion => "Conclusion",
            ArgumentRole::Objection => "Objection",
        };
        write!(
            out,
            "{heading} {} {role}: {}",
            index.path(n),
            inline(&node.title)
        )?;
        if let (Some(stance), Some(p)) = (
            node.stance,
            node.parent.as_deref().and_then(|p| index.argument(p)),
        ) {
            write!(out, " ({} {stance} {})", stance.symbol(), index.path(p))?;
        }
        writeln!(out, "\n")?;
        for id in &node.claims {
            let Some(c) = index.claim(id) else {
                continue;
            };
            let claim = &model.claims[c];
            writeln!(
                out,
                "- {} *({}, {})*",
                // Starts a list item's content, where "# " would make a heading.
                line_start(&claim.text),
                claim.kind,
                claim.id
            )?;
            writeln!(out, "  > {}", line_start(&claim.quote))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Timeline\n")?;
    writeln!(
        out,
        "| Date | Event | Status | The article's words or date |"
    )?;
    writeln!(out, "|---|---|---|---|")?;
    for e in index.timeline() {
        let event = &model.events[*e];
        let shown = event.shown_date();
        let date = shown.human();
        let when = shown.beside().map_or(String::new(), |b| cell(&b));
        writeln!(
            out,
            "| {} | {} | {} | {when} |",
            cell(&date),
            cell(&event.title),
            event.status
        )?;
    }
    writeln!(
        out,
        "\n`~` marks a date inferred at least in part, `†` the record's date where the record dates the event; the last column gives the article's own words, or its date as the model reads it where the record's stands first.\n"
    )?;
    writeln!(out, "## Actors\n")?;
    writeln!(out, "| Actor | Kind | Also called | Summary |")?;
    writeln!(out, "|---|---|---|---|")?;
    for actor in &model.actors {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&actor.name),
            actor.kind,
            cell(&actor.aliases.join(", ")),
            cell(&actor.summary)
        )?;
    }
    what_happened_next(index, out)?;
    Ok(EXIT_OK)
}

/// The record's section of the brief: verdicts (forecasts first), the dates the record
/// checks, later events, and the numbered sources they cite.
fn what_happened_next(index: &Index, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    if model.reviews.is_empty() && model.later.is_empty() && model.sources.is_empty() {
        return Ok(());
    }
    // Sources are numbered in the order of the model, and cited by number.
    let cite = |ids: &[String]| -> String {
        let mut numbers: Vec<usize> = index.sources(ids).map(|s| s + 1).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let numbers: Vec<String> = numbers.iter().map(|n| format!("[{n}]")).collect();
        numbers.join(" ")
    };
    writeln!(out, "\n## What happened next\n")?;
    writeln!(
        out,
        "*From the public record, not the article: each verdict, date and event below rests on the numbered sources at the end.*\n"
    )?;
    let reviews: Vec<&claimscope::model::Review> = index
        .reviews_forecasts_first()
        .into_iter()
        .map(|r| &model.reviews[r])
        .collect();
    if !reviews.is_empty() {
        writeln!(out, "### Verdicts\n")?;
        writeln!(
            out,
            "| Claim | The article said | Kind | Verdict | Judged | What the record shows | Sources |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for review in reviews {
            let claims: Vec<&claimscope::model::Claim> = review
                .claims
                .iter()
                .filter_map(|c| index.claim(c))
                .map(|i| &model.claims[i])
                .collect();
            let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
            let said: Vec<String> = claims.iter().map(|c| format!("“{}”", c.quote)).collect();
            let kinds: Vec<&str> = claims.iter().map(|c| c.kind.as_str()).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} {} | {} | {} | {} |",
                cell(&ids.join(", ")),
                cell(&said.join(" ")),
                cell(&kinds.join(", ")),
                review.verdict.badge(),
                review.verdict,
                review.judged_when(&model.article),
                cell(&review.summary),
                cite(&review.sources)
            )?;
        }
        writeln!(
            out,
            "\nVerdicts: ✓ held, ◐ partly, ✗ failed, ◌ open, ? unknown (what was searched is in the summary). A fact or a position is judged by what was known when the article was written (\"as known in …\"), a forecast by what has happened since, to its latest evidence (\"on the record to …\").\n"
        )?;
    }
    let checked: Vec<&claimscope::model::Event> =
        model.events.iter().filter(|e| e.record.is_some()).collect();
    if !checked.is_empty() {
        writeln!(out, "### The article's dates against the record\n")?;
        writeln!(
            out,
            "| Event | The article says | The model inferred | The record | Note | Sources |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for event in checked {
            let Some(record) = &event.record else {
                continue;
            };
            let recorded = match record.date {
                Some(date) if event.record_contradicts() => {
                    format!("**{}** (contradicts)", date.human())
                }
                Some(date) => date.human(),
                None => "no single date".to_string(),
            };
            let when = event
                .when
                .as_deref()
                .map_or(String::new(), |w| format!("“{}”", cell(w)));
            writeln!(
                out,
                "| {} | {when} | {} | {} | {} | {} |",
                cell(&event.title),
                cell(&event.date.human()),
                recorded,
                cell(&record.note),
                cite(&record.sources)
            )?;
        }
        writeln!(out)?;
    }
    if !model.later.is_empty() {
        writeln!(out, "### Later events\n")?;
        writeln!(out, "| Date | Event | Bears on | Sources |")?;
        writeln!(out, "|---|---|---|---|")?;
        let mut later: Vec<&claimscope::model::LaterEvent> = model.later.iter().collect();
        later.sort_by(|a, b| a.date.timeline_cmp(&b.date));
        for event in later {
            writeln!(
                out,
                "| {} | {}: {} | {} | {} |",
                cell(&event.date.human()),
                cell(&event.title),
                cell(&event.summary),
                cell(&event.bears_on.join(", ")),
                cite(&event.sources)
            )?;
        }
        writeln!(out)?;
    }
    if !model.sources.is_empty() {
        writeln!(out, "### Sources\n")?;
        for (n, source) in model.sources.iter().enumerate() {
            writeln!(
                out,
                "{}. {}, {}. *{}*. <{}>",
                n + 1,
                inline(&source.publisher),
                source.date.human(),
                inline(&source.title),
                address(&source.url)
            )?;
        }
    }
    Ok(())
}
