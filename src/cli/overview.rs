//! A plain-text overview of the article's model: what `claimscope` prints until the
//! explorer takes over the default command.

use std::io::{self, Write};

use claimscope::model::{Index, sanitize};

use super::EXIT_OK;

pub fn print(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    writeln!(out, "{}", sanitize(&article.title))?;
    writeln!(out, "{}", sanitize(&article.standfirst))?;
    writeln!(
        out,
        "by {} · {}",
        sanitize(&article.author),
        article.published.human()
    )?;
    writeln!(out)?;
    if let Some(thesis) = index.thesis() {
        writeln!(out, "Thesis: {}", sanitize(&model.arguments[thesis].title))?;
        for &child in index.children(thesis) {
            let node = &model.arguments[child];
            let symbol = node.stance.map_or(" ", |s| s.symbol());
            writeln!(
                out,
                "  {} {symbol} {}",
                index.path(child),
                sanitize(&node.title)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Timeline:")?;
    for &e in index.timeline() {
        let event = &model.events[e];
        writeln!(
            out,
            "  {:<16} {:<9} {}",
            event.date.human(),
            event.status.as_str(),
            sanitize(&event.title)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} sentences, {} claims, {} actors. Try `claimscope check` or `claimscope export --format json`.",
        model.sentences.len(),
        model.claims.len(),
        model.actors.len()
    )?;
    Ok(EXIT_OK)
}
