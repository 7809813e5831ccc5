//! The Claims pane: the claims of whatever is selected, in reading order.

use ratatui::text::{Line, Span};

use super::ListView;
use crate::model::Scope;
use crate::tui::app::App;
use crate::tui::content::labels::{ranges, scope_label, verdict_badge};

pub const VIEW: ListView = ListView {
    title,
    row,
    empty,
    legend: Some("the record: ✓ held  ◐ partly  ✗ failed  … open  ? unknown"),
};

fn title(app: &App) -> String {
    format!(
        "Claims · {} ({})",
        scope_label(app.index(), app.scope()),
        app.claim_list().len()
    )
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let id_width = app.id_width();
    let claim = &app.index().model().claims[app.claim_list()[row]];
    let c = app.claim_list()[row];
    Line::from(vec![
        Span::raw(format!("{:<id_width$} ", claim.id)),
        verdict_badge(app.index(), app.theme, c),
        Span::raw(" "),
        Span::styled(
            format!("{:<10} ", claim.kind.as_str()),
            app.theme.claim_kind(claim.kind),
        ),
        Span::raw(super::clip(&claim.text, usize::from(width))),
    ])
}

/// Why no claim is listed, and where to look instead.
fn empty(app: &App) -> String {
    let index = app.index();
    match app.scope() {
        Scope::Actor(a) => {
            let model = index.model();
            let name = &model.actors[a].name;
            let mut paragraphs: Vec<u32> = index
                .sentences_naming(a)
                .iter()
                .map(|s| model.sentences[*s].paragraph)
                .collect();
            paragraphs.dedup();
            match paragraphs.as_slice() {
                [] => format!("No claim is about {name}."),
                [p] => format!("No claim is about {name}. Named in paragraph {p}."),
                _ => format!(
                    "No claim is about {name}. Named in paragraphs {}.",
                    ranges(&paragraphs)
                ),
            }
        }
        scope => format!("No claim of {} is listed.", scope_label(index, scope)),
    }
}
