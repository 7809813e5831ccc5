//! The help screen, drawn from the keymap itself, with the meaning of every symbol.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::overlay;
use crate::search::FILTERS;
use crate::tui::app::App;
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

/// The help box inside the main area.
fn area(main: Rect) -> Rect {
    let width = main.width.saturating_sub(4).clamp(main.width.min(20), 90);
    let height = main.height.saturating_sub(2);
    Rect::new(
        main.x + (main.width - width) / 2,
        main.y + 1.min(main.height),
        width,
        height,
    )
}

/// Rows of help text on screen.
pub fn viewport_height(main: Rect) -> usize {
    usize::from(area(main).height.saturating_sub(2))
}

fn about(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    use crate::tui::wrap::{Piece, wrap};
    let article = &app.index().model().article;
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
    for s in app
        .index()
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

fn lines(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = about(app, theme, width);
    out.push(Line::styled("Symbols", theme.bold()));
    for (symbol, meaning) in SYMBOLS {
        row(&mut out, symbol.to_string(), meaning, theme, width);
    }
    out.push(Line::default());
    for context in [
        Context::Panes,
        Context::Arguments,
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

/// How many lines the help has in the main area, for scrolling.
pub fn line_count(app: &App, main: Rect) -> usize {
    lines(
        app,
        app.theme,
        usize::from(area(main).width.saturating_sub(2)),
    )
    .len()
}

pub fn render(app: &App, frame: &mut Frame<'_>, main: Rect) {
    let inner = overlay(
        frame,
        area(main),
        app.theme,
        " Help · Esc closes ".to_string(),
    );
    let all = lines(app, app.theme, usize::from(inner.width));
    let shown: Vec<Line<'static>> = all.into_iter().skip(app.help_scroll).collect();
    super::put_lines(frame, inner, &shown);
}
