//! The explorer drawn on ratatui's TestBackend, for the tests that look at its screens.

use claimscope::tui::{Action, App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen as text, one string per row.
pub fn draw(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The explorer on the bundled article, without colour, at a size.
pub fn explorer(width: u16, height: u16) -> App {
    use claimscope::model::{Index, Model};
    let model = Model::bundled().expect("bundled model");
    let mut app = App::new(Index::new(model), claimscope::tui::Theme::new(false));
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
