//! The Timeline pane: the article's events and the record's later events in one list in
//! date order, with a rule where the article stands. The article's dates are at the
//! precision it allows (`~` where inferred); an event the record dates stands at the
//! record's date, marked `†`, with the article's phrase beside it; the record's own
//! events are marked `»`.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ListView;
use crate::model::TimelineRow;
use crate::tui::app::App;
use crate::tui::content::labels::{status_symbol, timeline_date};
use crate::tui::content::record::LATER_MARK;
use crate::tui::state::Pane;

pub const VIEW: ListView = ListView {
    title,
    row,
    empty,
    legend: Some("~ inferred  † dated by the record  » from the record"),
};

fn title(app: &App) -> String {
    let model = app.index().model();
    if model.later.is_empty() {
        format!("Timeline ({})", model.events.len())
    } else {
        format!(
            "Timeline ({} + {} later)",
            model.events.len(),
            model.later.len()
        )
    }
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let index = app.index();
    let model = index.model();
    let theme = app.theme;
    let rows = index.timeline_rows();
    let this = rows[row];
    if this == TimelineRow::Article {
        let label = format!(" the article, {} ", model.article.published.human());
        let room = usize::from(width).saturating_sub(label.width() + 6);
        let rule = "─".repeat(room / 2);
        return Line::styled(format!("{rule}{label}{rule}"), theme.bold());
    }
    // A date is written once for a run of rows on it; the top row of the pane shows its.
    let date = timeline_date(index, this);
    let repeat = row > app.cursor(Pane::Timeline).offset
        && rows
            .get(row - 1)
            .is_some_and(|above| timeline_date(index, *above) == date);
    let date = if repeat { String::new() } else { date };
    let pad = app.date_width().saturating_sub(date.width());
    let mut spans = vec![Span::raw(format!("{date}{} ", " ".repeat(pad)))];
    match this {
        TimelineRow::Event(e) => {
            let event = &model.events[e];
            spans.push(Span::styled(
                format!("{} ", status_symbol(event.status)),
                theme.status(event.status),
            ));
            spans.push(Span::raw(super::clip(&event.title, usize::from(width))));
            if let Some(beside) = event.shown_date().beside() {
                spans.push(Span::styled(format!("  {beside}"), theme.dim()));
            }
        }
        TimelineRow::Later(l) => {
            spans.push(Span::styled(format!("{LATER_MARK} "), theme.record()));
            spans.push(Span::styled(
                super::clip(&model.later[l].title, usize::from(width)),
                theme.record(),
            ));
        }
        TimelineRow::Article => {}
    }
    Line::from(spans)
}

fn empty(_app: &App) -> String {
    "No events in this model.".to_string()
}
