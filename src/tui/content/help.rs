//! The help's text, drawn from the keymap itself, with the meaning of every symbol.

use ratatui::text::{Line, Span};

use crate::model::Index;
use crate::search::FILTERS;
use crate::tui::keymap::{Context, bindings};
use crate::tui::theme::Theme;
use crate::tui::wrap::{Piece, wrap};

const SYMBOLS: &[(&str, &str)] = &[
    ("▶", "the selected row"),
    ("◆", "the thesis, the root of the argument map"),
    (
        "▾ ▸",
        "an argument node that is open, or closed (h and l, or ← and →)",
    ),
    (
        "•",
        "related to the selection (its events, actors, argument nodes)",
    ),
    (
        "~",
        "a date inferred, at least in part: the article names no year (its phrase, such as “on October 2”, shows what it does state)",
    ),
    ("✗ ○ ◇ ⋯", "cancelled, planned, expected, ongoing event"),
    ("+ − ±", "supports, attacks, qualifies its parent argument"),
    ("↑ ↓ → ↕", "relations warming, cooling, steady, mixed"),
    ("┃", "the sentence, and the words, a claim comes from"),
];

fn about(index: &Index, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let article = &index.model().article;
    let mut text = vec![
        Piece::new(
            format!("{}\n", article.title),
            ratatui::style::Style::new(),
            None,
        ),
        Piece::new(format!("{}\n", article.standfirst), theme.dim(), None),
        Piece::new(
            if article.author_note.contains(&article.author) {
                format!("{}\n", article.author_note)
            } else {
                format!("{}. {}\n", article.author, article.author_note)
            },
            ratatui::style::Style::new(),
            None,
        ),
        Piece::new(
            format!(
                "Published {} ({}).",
                article.published.long(),
                article.published_basis
            ),
            ratatui::style::Style::new(),
            None,
        ),
    ];
    if let Some(note) = &article.published_note {
        text.push(Piece::new(format!(" {note}"), theme.dim(), None));
    }
    for s in index
        .model()
        .sentences
        .iter()
        .filter(|s| s.role == crate::model::SentenceRole::Boilerplate)
    {
        let line = format!(
            "\n“{}” (paragraph {}) is the publisher's, not the author's, and makes no claim.",
            s.text, s.paragraph
        );
        text.push(Piece::new(line, theme.dim(), None));
    }
    let mut out = vec![Line::styled("About the article", theme.bold())];
    for line in wrap(&text, width.saturating_sub(2)) {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(line.line.spans);
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    out
}

/// A two-column row: a key or symbol, and what it means, wrapped under itself.
fn row(out: &mut Vec<Line<'static>>, left: String, right: &str, theme: Theme, width: usize) {
    const LEFT: usize = 22;
    let pieces = [Piece::new(right, ratatui::style::Style::new(), None)];
    let wrapped = wrap(&pieces, width.saturating_sub(LEFT + 2).max(10));
    for (n, line) in wrapped.into_iter().enumerate() {
        let first = if n == 0 {
            format!("  {left:<LEFT$}")
        } else {
            " ".repeat(LEFT + 2)
        };
        let mut spans = vec![Span::styled(first, theme.key())];
        spans.extend(line.line.spans);
        out.push(Line::from(spans));
    }
}

/// The help's lines at `width` columns: the article, the symbols, every key from the
/// keymap, the mouse and the search filters.
pub fn help(index: &Index, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = about(index, theme, width);
    out.push(Line::styled("Symbols", theme.bold()));
    for (symbol, meaning) in SYMBOLS {
        row(&mut out, symbol.to_string(), meaning, theme, width);
    }
    out.push(Line::default());
    for context in [
        Context::Panes,
        Context::Arguments,
        Context::Moving,
        Context::Reading,
        Context::Search,
        Context::Help,
    ] {
        out.push(Line::styled(
            format!("Keys: {}", context.title().to_lowercase()),
            theme.bold(),
        ));
        for binding in bindings(context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            row(&mut out, keys.join(" "), binding.help, theme, width);
        }
        out.push(Line::default());
    }
    out.push(Line::styled("Mouse", theme.bold()));
    row(
        &mut out,
        "click".to_string(),
        "focuses a pane and selects the row under the pointer",
        theme,
        width,
    );
    row(
        &mut out,
        "wheel".to_string(),
        "moves the selection in the pane under the pointer (the text in reading mode and help)",
        theme,
        width,
    );
    out.push(Line::default());
    out.push(Line::styled("Search filters", theme.bold()));
    for (key, help) in FILTERS {
        row(&mut out, key.to_string(), help, theme, width);
    }
    out
}
