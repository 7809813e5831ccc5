//! The explorer drawn on ratatui's TestBackend, for the tests that look at its screens.

use claimscope::model::TimelineRow;
use claimscope::tui::{Action, App, Pane, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The screen as drawn at a size, every cell with its style.
pub fn buffer(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one string per row.
pub fn draw(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let buffer = buffer(app, width, height);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The screen as text, its rows joined by newlines.
pub fn text(app: &mut App, width: u16, height: u16) -> String {
    draw(app, width, height).join("\n")
}

/// The explorer on the bundled article, without colour, at a size.
pub fn explorer(width: u16, height: u16) -> App {
    explorer_with(Theme::new(false), width, height)
}

/// The explorer on the bundled article, in colour, at a size.
pub fn explorer_in_colour(width: u16, height: u16) -> App {
    explorer_with(Theme::new(true), width, height)
}

fn explorer_with(theme: Theme, width: u16, height: u16) -> App {
    use claimscope::model::{Index, Model};
    let model = Model::bundled().expect("bundled model");
    let mut app = App::new(Index::new(model), theme);
    app.update(Action::Resize(width, height));
    app
}

pub fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        app.update(action);
    }
}

pub fn type_text(app: &mut App, text: &str) {
    run(app, text.chars().map(Action::Type));
}

/// Moves the focused list's selection down from the top to `row`.
pub fn down_to(app: &mut App, row: usize) {
    app.update(Action::Top);
    for _ in 0..row {
        app.update(Action::Down);
    }
}

/// The argument node `id`'s place in the model.
pub fn node_index(app: &App, id: &str) -> usize {
    app.index()
        .model()
        .arguments
        .iter()
        .position(|a| a.id == id)
        .expect("argument node")
}

/// Focuses the Arguments pane and selects the node `id` on whatever row it is; returns
/// the node's index.
pub fn select_node(app: &mut App, id: &str) -> usize {
    app.update(Action::Focus(Pane::Arguments));
    let node = node_index(app, id);
    let row = app
        .argument_rows()
        .iter()
        .position(|r| r.node == node)
        .expect("the node is on a row");
    down_to(app, row);
    node
}

/// Focuses the Timeline and selects a row of it, by moving to it.
pub fn select_timeline(app: &mut App, wanted: TimelineRow) {
    app.update(Action::Focus(Pane::Timeline));
    let row = app
        .index()
        .timeline_rows()
        .iter()
        .position(|r| *r == wanted)
        .expect("the row is in the timeline");
    down_to(app, row);
}

/// The whole text of the Source pane as laid out, scrolled or not, a line per row.
pub fn source_text(app: &App) -> String {
    app.laid()
        .source
        .lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect()
}
