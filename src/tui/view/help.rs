//! The help screen, drawn from the keymap itself, with the meaning of every symbol.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::overlay;
use crate::search::FILTERS;
use crate::tui::app::App;
use crate::tui::keymap::{Context, bindings};
use crate::tui::theme::Theme;

const SYMBOLS: &[(&str, &str)] = &[
    ("▶", "the selected row"),
    (
        "•",
        "related to the selection (its events, actors, argument nodes)",
    ),
    (
        "~",
        "a date the curator inferred (the article names no year)",
    ),
    ("✗ ○ ◇ ⋯", "cancelled, planned, expected, ongoing event"),
    ("+ − ±", "supports, attacks, qualifies its parent argument"),
    ("↑ ↓ → ↕", "relations warming, cooling, steady, mixed"),
    ("┃", "the sentence, and the words, a claim comes from"),
];

fn lines(theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for context in [
        Context::Panes,
        Context::Arguments,
        Context::Reading,
        Context::Search,
        Context::Help,
    ] {
        out.push(Line::styled(context.title(), theme.bold()));
        for binding in bindings(context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), theme.key()),
                Span::raw(binding.help),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::styled("Mouse", theme.bold()));
    out.push(Line::from(
        "  click a row to focus its pane and select it; the wheel scrolls",
    ));
    out.push(Line::default());
    out.push(Line::styled("Search filters", theme.bold()));
    for (key, help) in FILTERS {
        out.push(Line::from(vec![
            Span::styled(format!("  {key:<22}"), theme.key()),
            Span::raw(*help),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled("Symbols", theme.bold()));
    for (symbol, meaning) in SYMBOLS {
        out.push(Line::from(vec![
            Span::styled(format!("  {symbol:<22}"), theme.key()),
            Span::raw(*meaning),
        ]));
    }
    out
}

/// How many lines the help has, for scrolling.
pub fn line_count() -> usize {
    lines(Theme { color: false }).len()
}

pub fn render(app: &App, frame: &mut Frame<'_>, body: Rect) {
    let width = body.width.saturating_sub(4).clamp(body.width.min(20), 90);
    let height = body.height.saturating_sub(2);
    let rect = Rect::new(
        body.x + (body.width - width) / 2,
        body.y + 1.min(body.height),
        width,
        height,
    );
    let inner = overlay(frame, rect, app.theme, " Help · Esc closes ".to_string());
    let shown: Vec<Line<'static>> = lines(app.theme).into_iter().skip(app.help_scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
