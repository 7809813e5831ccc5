//! The Arguments pane: the map as a tree from the thesis down, numbered, with the stance
//! of each node toward its parent as a symbol.

use ratatui::text::{Line, Span};

use super::ListView;
use crate::tui::app::App;

pub const VIEW: ListView = ListView {
    title,
    row,
    empty,
    legend: Some("+ supports  − attacks  ± qualifies"),
};

fn title(app: &App) -> String {
    format!("Arguments ({})", app.index().model().arguments.len())
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let index = app.index();
    let node_row = app.argument_rows()[row];
    let node = &index.model().arguments[node_row.node];
    let fold = if index.children(node_row.node).is_empty() {
        " "
    } else if app.is_collapsed(node_row.node) {
        "▸"
    } else {
        "▾"
    };
    let symbol = node.stance.map_or("◆", |s| s.symbol());
    Line::from(vec![
        Span::raw("  ".repeat(node_row.depth)),
        Span::raw(format!("{fold} {} ", index.path(node_row.node))),
        Span::styled(format!("{symbol} "), app.theme.stance(node.stance)),
        Span::raw(super::clip(&node.title, usize::from(width))),
    ])
}

fn empty(_app: &App) -> String {
    "No argument map in this model.".to_string()
}
