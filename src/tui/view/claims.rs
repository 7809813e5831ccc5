//! The Claims pane: the claims of whatever is selected, in reading order.

use ratatui::text::{Line, Span};

use super::ListView;
use crate::tui::app::App;
use crate::tui::content::labels::scope_label;

pub const VIEW: ListView = ListView { title, row };

fn title(app: &App) -> String {
    format!(
        "Claims · {} ({})",
        scope_label(app.index(), app.scope()),
        app.claim_list().len()
    )
}

fn row(app: &App, row: usize, _width: u16) -> Line<'static> {
    let id_width = app.id_width();
    let claim = &app.index().model().claims[app.claim_list()[row]];
    Line::from(vec![
        Span::raw(format!("{:<id_width$} ", claim.id)),
        Span::styled(
            format!("{:<10} ", claim.kind.as_str()),
            app.theme.claim_kind(claim.kind),
        ),
        Span::raw(claim.text.clone()),
    ])
}
