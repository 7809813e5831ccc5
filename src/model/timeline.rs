//! One timeline of the article's events and the record's later ones, in date order, with
//! the article's own date marked between them. An article event the record dates is placed
//! at the record's date; the article's own date and phrase stay with it.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{Date, Event, Model};

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimelineRow {
    /// An event the article reports (its position in the model's events).
    Event(usize),
    /// An event of the record, outside the article.
    Later(usize),
    /// Where the article stands: what comes before it the article could know of.
    Article,
}

/// Where an article event stands in time: the record's date when the record gives one,
/// else the article's.
pub fn placed_date(event: &Event) -> &Date {
    event
        .record
        .as_ref()
        .and_then(|r| r.date.as_ref())
        .unwrap_or(&event.date)
}

/// The whole timeline, in order. Dates compare as `Date::timeline_cmp` does (spans open
/// at the start first, then by where each date begins); at equal dates the article's
/// events come before the record's. The article's mark follows everything dated up to and
/// within the article's own date, and is left out when there is nothing to set apart.
pub fn rows(model: &Model) -> Vec<TimelineRow> {
    let date = |row: &TimelineRow| match *row {
        TimelineRow::Event(e) => placed_date(&model.events[e]),
        TimelineRow::Later(l) => &model.later[l].date,
        TimelineRow::Article => &model.article.published,
    };
    let mut rows: Vec<TimelineRow> = (0..model.events.len())
        .map(TimelineRow::Event)
        .chain((0..model.later.len()).map(TimelineRow::Later))
        .collect();
    // A stable sort keeps file order among equal dates.
    rows.sort_by(|a, b| {
        date(a).timeline_cmp(date(b)).then_with(|| {
            matches!(a, TimelineRow::Later(_)).cmp(&matches!(b, TimelineRow::Later(_)))
        })
    });
    if model.later.is_empty() {
        return rows;
    }
    let article = &model.article.published;
    let at = rows
        .iter()
        .position(|row| date(row).timeline_cmp(article) == Ordering::Greater)
        .unwrap_or(rows.len());
    rows.insert(at, TimelineRow::Article);
    rows
}
