//! The Timeline pane: events in date order, at the precision the article allows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ListState, Mark, list, pane_block};
use crate::model::{Basis, Event, EventStatus};
use crate::tui::app::{App, Pane};
use crate::tui::theme::Theme;

/// A symbol for an event's status that reads without colour.
pub fn status_symbol(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Happened => " ",
        EventStatus::Cancelled => "✗",
        EventStatus::Planned => "○",
        EventStatus::Expected => "◇",
        EventStatus::Ongoing => "⋯",
    }
}

/// The date as the timeline shows it: `~` marks a date the curator inferred.
pub fn date_label(event: &Event) -> String {
    let mark = if event.date_basis == Basis::Inferred {
        "~"
    } else {
        ""
    };
    format!("{mark}{}", event.date.human())
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

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Timeline;
    let model = app.index().model();
    let timeline = app.index().timeline();
    let title = format!("Timeline ({})", timeline.len());
    let block = pane_block(app.theme, Pane::Timeline, focused, title);
    let date_width = app.date_width();
    let related = &app.related().events;
    list(
        frame,
        rect,
        block,
        ListState {
            theme: app.theme,
            focused,
            cursor: app.timeline,
            len: timeline.len(),
        },
        |row| {
            let e = timeline[row];
            let mark = if related.get(e).copied().unwrap_or(false) {
                Mark::Related
            } else {
                Mark::None
            };
            let event = &model.events[e];
            // A date is written once for a run of events on it; the top row and the selected
            // row always show theirs.
            let repeat = row > app.timeline.offset
                && row != app.timeline.selected
                && model.events[timeline[row - 1]].date == event.date
                && model.events[timeline[row - 1]].date_basis == event.date_basis;
            (event_line(event, date_width, repeat, app.theme), mark)
        },
    );
}
