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
