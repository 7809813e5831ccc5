//! The Arguments pane: the map as a tree from the thesis down, numbered, with the stance
//! of each node toward its parent as a symbol.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{ListState, Mark, list, pane_block};
use crate::tui::app::{App, Pane};

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Arguments;
    let index = app.index();
    let model = index.model();
    let rows = app.argument_rows();
    let title = format!("Arguments ({})", model.arguments.len());
    let block = pane_block(app.theme, Pane::Arguments, focused, title);
    let related = &app.related().nodes;
    list(
        frame,
        rect,
        block,
        ListState {
            theme: app.theme,
            focused,
            cursor: app.arguments,
            len: rows.len(),
        },
        |row| {
            let node_row = rows[row];
            let node = &model.arguments[node_row.node];
            let fold = if index.children(node_row.node).is_empty() {
                " "
            } else if app.is_collapsed(node_row.node) {
                "▸"
            } else {
                "▾"
            };
            let symbol = node.stance.map_or("◆", |s| s.symbol());
            let spans = vec![
                Span::raw("  ".repeat(node_row.depth)),
                Span::raw(format!("{fold} {} ", index.path(node_row.node))),
                Span::styled(format!("{symbol} "), app.theme.stance(node.stance)),
                Span::raw(node.title.clone()),
            ];
            let mark = if related.get(node_row.node).copied().unwrap_or(false) {
                Mark::Related
            } else {
                Mark::None
            };
            (Line::from(spans), mark)
        },
    );
}
