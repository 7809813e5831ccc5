//! The Claims pane: the claims of whatever is selected, in reading order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{ListState, Mark, list, pane_block};
use crate::tui::app::{App, Pane, Scope};

/// What the Claims list is narrowed to, for its title.
pub fn scope_label(app: &App) -> String {
    let model = app.index().model();
    match app.scope() {
        Scope::All => "all".to_string(),
        Scope::Actor(a) => model
            .actors
            .get(a)
            .map_or_else(String::new, |a| a.name.clone()),
        Scope::Event(e) => model
            .events
            .get(e)
            .map_or_else(String::new, |e| e.title.clone()),
        Scope::Argument(n) => format!("argument {}", app.index().path(n)),
    }
}

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Claims;
    let model = app.index().model();
    let claims = app.claim_list();
    let title = format!("Claims · {} ({})", scope_label(app), claims.len());
    let block = pane_block(app.theme, Pane::Claims, focused, title);
    let id_width = claims
        .iter()
        .map(|c| model.claims[*c].id.len())
        .max()
        .unwrap_or(0);
    list(
        frame,
        rect,
        block,
        ListState {
            theme: app.theme,
            focused,
            cursor: app.claims,
            len: claims.len(),
        },
        |row| {
            let claim = &model.claims[claims[row]];
            let spans = vec![
                Span::raw(format!("{:<id_width$} ", claim.id)),
                Span::styled(
                    format!("{:<10} ", claim.kind.as_str()),
                    app.theme.claim_kind(claim.kind),
                ),
                Span::raw(claim.text.clone()),
            ];
            (Line::from(spans), Mark::None)
        },
    );
}
