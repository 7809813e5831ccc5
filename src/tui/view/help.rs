//! The help screen: the help text (laid out by `content::help` from the keymap itself)
//! in its box, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::overlay;
use crate::tui::app::App;
use crate::tui::layout::help_box;

pub fn render(app: &App, frame: &mut Frame<'_>, main: Rect) {
    let inner = overlay(
        frame,
        help_box(main),
        app.theme,
        " Help · Esc closes ".to_string(),
    );
    super::put_lines(frame, inner, app.laid().help.iter().skip(app.help_scroll));
}
