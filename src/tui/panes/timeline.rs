//! The Timeline pane: the article's events and the record's later events in one list in
//! date order, with a rule where the article stands. The article's dates are at the
//! precision it allows (`~` where inferred); an event the record dates stands at the
//! record's date, marked `†`, with the article's phrase beside it; the record's own
//! events are marked `»`. Choosing an event narrows the claims to it.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ListPane, Shared};
use crate::model::{Index, Scope, TimelineRow};
use crate::tui::content::labels::{clip, date_width, status_symbol, timeline_date};
use crate::tui::content::record::LATER_MARK;

/// The timeline's rows are the index's; the pane keeps the width of its date column.
#[derive(Debug, Clone)]
pub struct TimelineList {
    /// The widest date label, so that the column never shifts.
    date_width: usize,
}

impl TimelineList {
    pub fn new(index: &Index) -> TimelineList {
        TimelineList {
            date_width: date_width(index),
        }
    }
}

impl ListPane for TimelineList {
    fn len(&self, shared: &Shared<'_>) -> usize {
        shared.index.timeline_rows().len()
    }

    fn is_marked(&self, shared: &Shared<'_>, row: usize) -> bool {
        let related = shared.related;
        match shared.index.timeline_rows().get(row) {
            Some(TimelineRow::Event(e)) => related.events.get(*e),
            Some(TimelineRow::Later(l)) => related.later.get(*l),
            _ => None,
        }
        .is_some_and(|marked| *marked)
    }

    fn scope(&self, shared: &Shared<'_>, row: usize) -> Option<Scope> {
        Some(match shared.index.timeline_rows().get(row)? {
            TimelineRow::Event(e) => Scope::Event(*e),
            TimelineRow::Later(l) => Scope::Later(*l),
            TimelineRow::Article => Scope::All,
        })
    }

    fn owns(&self, scope: Scope) -> bool {
        matches!(scope, Scope::Event(_) | Scope::Later(_))
    }

    fn title(&self, shared: &Shared<'_>) -> String {
        let model = shared.index.model();
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

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let index = shared.index;
        let model = index.model();
        let theme = shared.theme;
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
        let repeat = row > shared.cursor.offset
            && rows
                .get(row - 1)
                .is_some_and(|above| timeline_date(index, *above) == date);
        let date = if repeat { String::new() } else { date };
        let pad = self.date_width.saturating_sub(date.width());
        let mut spans = vec![Span::raw(format!("{date}{} ", " ".repeat(pad)))];
        match this {
            TimelineRow::Event(e) => {
                let event = &model.events[e];
                spans.push(Span::styled(
                    format!("{} ", status_symbol(event.status)),
                    theme.status(event.status),
                ));
                spans.push(Span::raw(clip(&event.title, usize::from(width))));
                if let Some(beside) = event.shown_date().beside() {
                    spans.push(Span::styled(format!("  {beside}"), theme.dim()));
                }
            }
            TimelineRow::Later(l) => {
                spans.push(Span::styled(format!("{LATER_MARK} "), theme.record()));
                spans.push(Span::styled(
                    clip(&model.later[l].title, usize::from(width)),
                    theme.record(),
                ));
            }
            TimelineRow::Article => {}
        }
        Line::from(spans)
    }

    fn empty(&self, _shared: &Shared<'_>) -> String {
        "No events in this model.".to_string()
    }

    fn legend(&self) -> Option<&'static str> {
        Some("~ inferred  † dated by the record  » from the record")
    }
}
