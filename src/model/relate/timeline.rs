//! One timeline of the article's events and the record's later ones, in date order, with
//! the article's own date marked between them. An article event the record dates is placed
//! at the record's date; the article's own date and phrase stay with it.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::types::{Basis, Date, Event, Model};

/// The mark on an article event shown at the date the record gives it.
pub const RECORD_DATE_MARK: &str = "†";
/// The mark on a date the curator inferred, at least in part.
pub const INFERRED_MARK: &str = "~";

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

/// How an article event's date is shown: decided here once, so that the Timeline, the
/// Source pane, the detail box, the search list, `show` and the exports never give one
/// event two dates. Where the record dates the event, its date comes first, marked `†`,
/// with the article's own phrase beside it; otherwise the article's date as the model
/// reads it, marked `~` where inferred.
#[derive(Debug, Clone, Copy)]
pub struct ShownDate<'a> {
    event: &'a Event,
}

impl Event {
    /// How the event's date is shown, the same in every view.
    pub fn shown_date(&self) -> ShownDate<'_> {
        ShownDate::of(self)
    }
}

impl<'a> ShownDate<'a> {
    pub fn of(event: &'a Event) -> Self {
        ShownDate { event }
    }

    /// The date shown first, and where the event stands in time.
    pub fn date(&self) -> &'a Date {
        placed_date(self.event)
    }

    /// Whether the date shown is the record's rather than the article's.
    pub fn by_record(&self) -> bool {
        self.event.record.as_ref().is_some_and(|r| r.date.is_some())
    }

    /// `†` for the record's date, `~` for a date the curator inferred, else nothing.
    pub fn mark(&self) -> &'static str {
        if self.by_record() {
            RECORD_DATE_MARK
        } else if self.event.date_basis == Basis::Inferred {
            INFERRED_MARK
        } else {
            ""
        }
    }

    /// For a column of dates: "†May 2011", "~Jun 2012", "†Jul 2005–Oct 2008".
    pub fn short(&self) -> String {
        format!("{}{}", self.mark(), self.date().short())
    }

    /// For a line of text: "†May 2011", "~before Oct 2012", "†3–5 Oct 2012".
    pub fn human(&self) -> String {
        format!("{}{}", self.mark(), self.date().human())
    }

    /// The article's reading of the date as the model has it: "~May 2012".
    pub fn article(&self) -> String {
        let mark = if self.event.date_basis == Basis::Inferred {
            INFERRED_MARK
        } else {
            ""
        };
        format!("{mark}{}", self.event.date.human())
    }

    /// What stands beside the date: the article's own phrase ("“in May”"), or, for an
    /// event the record dates that has none, the article's date as the model reads it.
    pub fn beside(&self) -> Option<String> {
        match (&self.event.when, self.by_record()) {
            (Some(when), _) => Some(format!("“{when}”")),
            (None, true) => Some(format!("article: {}", self.article())),
            (None, false) => None,
        }
    }

    /// The date with what stands beside it, in words, for a line of text:
    /// "†May 2011, the record's date; the article says “in May”".
    pub fn labelled(&self) -> String {
        let said = self
            .event
            .when
            .as_ref()
            .map(|w| format!("the article says “{w}”"));
        match (self.by_record(), said) {
            (true, Some(said)) => format!("{}, the record's date; {said}", self.human()),
            (true, None) => format!(
                "{}, the record's date; the article's: {}",
                self.human(),
                self.article()
            ),
            (false, Some(said)) => format!("{}; {said}", self.human()),
            (false, None) => self.human(),
        }
    }
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
