//! The help screen: the help text (laid out by `content::help` from the keymap itself)
//! in its box, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::overlay;
use crate::tui::app::App;
use crate::tui::layout::{help_box, help_text};

pub fn render(app: &App, frame: &mut Frame<'_>, main: Rect) {
    let lines = &app.laid().help_lines;
    let (_, rows) = help_text(main);
    let help = &app.help;
    let shown = lines.len().min(help.scroll + rows);
    // Where the reader is, and the filter, in the border.
    let place = if lines.len() > rows {
        format!("lines {}–{shown} of {}", help.scroll + 1, lines.len())
    } else {
        let n = lines.len();
        format!("{n} line{}", if n == 1 { "" } else { "s" })
    };
    let filter = match (help.editing, help.filter.is_empty()) {
        (true, _) => format!(" · filter: {}▏", help.filter),
        (false, false) => format!(" · filter: {} (Esc drops it)", help.filter),
        (false, true) => " · / filters".to_string(),
    };
    let title = format!(" Help · {place}{filter} · Esc closes ");
    let inner = overlay(frame, help_box(main), app.theme, title);
    super::put_lines(frame, inner, lines.iter().skip(help.scroll));
}
