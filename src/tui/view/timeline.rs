//! The Timeline pane: events in date order, at the precision the article allows.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ListView;
use crate::model::Event;
use crate::tui::app::App;
use crate::tui::content::labels::{date_label, status_symbol};
use crate::tui::state::Pane;
use crate::tui::theme::Theme;

pub const VIEW: ListView = ListView { title, row, empty };

fn title(app: &App) -> String {
    format!("Timeline ({})", app.index().timeline().len())
}

fn row(app: &App, row: usize, _width: u16) -> Line<'static> {
    let model = app.index().model();
    let timeline = app.index().timeline();
    let cursor = app.cursor(Pane::Timeline);
    let event = &model.events[timeline[row]];
    // A date is written once for a run of events on it; the top row and the selected row
    // always show theirs.
    let repeat = row > cursor.offset
        && row != cursor.selected
        && model.events[timeline[row - 1]].date == event.date
        && model.events[timeline[row - 1]].date_basis == event.date_basis;
    event_line(event, app.date_width(), repeat, app.theme)
}

/// One event as a row: date (blank when it repeats the row above), status symbol, title,
/// and the article's own phrase.
pub fn event_line(event: &Event, date_width: usize, repeat: bool, theme: Theme) -> Line<'static> {
    let date = if repeat {
        String::new()
    } else {
        date_label(event)
    };
    let pad = date_width.saturating_sub(date.width());
    let mut spans = vec![
        Span::raw(format!("{date}{} ", " ".repeat(pad))),
        Span::styled(
            format!("{} ", status_symbol(event.status)),
            theme.status(event.status),
        ),
        Span::raw(event.title.clone()),
    ];
    if let Some(when) = &event.when {
        spans.push(Span::styled(format!("  “{when}”"), theme.dim()));
    }
    Line::from(spans)
}

fn empty(_app: &App) -> String {
    "No events in this model.".to_string()
}
