//! `export --format timeline`: the article's events and the record's later ones as a
//! TimelineJS timeline, for a newsroom page or the TimelineJS embed.
//!
//! Dates keep their precision: a month is a month, never its first day. A closed interval
//! has an `end_date`; an open one (`../DATE`, `DATE/..`) is drawn at its date, which
//! TimelineJS cannot show as open, so its `display_date` says "before" or "after" it,
//! unless the article's own phrase stands there instead. Texts are HTML, escaped.

use std::io::{self, Write};

use claimscope::model::{Basis, Date, Event, Index, ItemRef, LaterEvent, PartialDate};
use serde::Serialize;

use super::{capitalised, claims, write_json};

/// The group of the article's events, and of the record's.
const ARTICLE: &str = "In the article";
const RECORD: &str = "From the record";

#[derive(Debug, Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
    scale: &'static str,
}

#[derive(Debug, Serialize)]
struct Slide {
    unique_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TimelineDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TimelineDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'static str>,
}

/// A date as TimelineJS takes it: integers, and only the parts the date has.
#[derive(Debug, Serialize)]
struct TimelineDate {
    year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
}

#[derive(Debug, Serialize)]
struct Text {
    headline: String,
    text: String,
}

impl From<&PartialDate> for TimelineDate {
    fn from(date: &PartialDate) -> Self {
        TimelineDate {
            year: date.year,
            month: date.month,
            day: date.day,
        }
    }
}

/// Where a date stands on the timeline: its start, its end for a closed interval, and what
/// to show for an open one.
fn place(date: &Date) -> (TimelineDate, Option<TimelineDate>, Option<String>) {
    match date {
        Date::On(day) => (day.into(), None, None),
        Date::Between(start, end) => (start.into(), Some(end.into()), None),
        Date::Until(day) | Date::From(day) => (day.into(), None, Some(date.human())),
    }
}

/// The article's events in date order, then the record's later events, after a title slide.
pub fn timeline(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    let mut byline = format!(
        "{}, {}",
        html(&article.author),
        html(&article.published.long())
    );
    if article.published_basis == Basis::Inferred {
        byline.push_str(" (date inferred)");
    }
    let title = Slide {
        unique_id: article.id.clone(),
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: html(&article.title),
            text: format!(
                "<p>{}</p><p>{byline}.</p><p>The events the article reports, and apart from them, what the public record shows happened next.</p>",
                html(&article.standfirst)
            ),
        },
        group: None,
    };
    let mut events: Vec<Slide> = index
        .timeline()
        .iter()
        .map(|e| article_event(index, &model.events[*e]))
        .collect();
    let mut later: Vec<&LaterEvent> = model.later.iter().collect();
    later.sort_by(|a, b| a.date.timeline_cmp(&b.date));
    events.extend(later.into_iter().map(|l| later_event(index, l)));
    let timeline = Timeline {
        title,
        events,
        scale: "human",
    };
    write_json(&timeline, out)
}

/// An event the article reports, placed and labelled at its date as every view gives it
/// (the record's, where the record dates it): the model's reading of the article's date,
/// the article's phrase, how the date was worked out, the claims that report it, and what
/// the record says of it.
fn article_event(index: &Index, event: &Event) -> Slide {
    let shown = event.shown_date();
    let (start, end, _) = place(shown.date());
    // The date as every view gives it: the record's first, marked, with the article's
    // phrase beside it.
    let display = Some(shown.labelled());
    let mut text = String::new();
    let said = match &event.when {
        Some(when) => format!(" The article says “{}”.", html(when)),
        None => String::new(),
    };
    let reading = if shown.by_record() {
        "The article's date, as the model reads it"
    } else {
        "Date"
    };
    text.push_str(&format!(
        "<p>{}. {reading}: {}.{said}</p>",
        capitalised(event.status.as_str()),
        html(&event.date.long()),
    ));
    match (event.date_basis, &event.date_note) {
        (Basis::Inferred, Some(note)) => {
            text.push_str(&format!("<p><i>Date inferred:</i> {}</p>", html(note)));
        }
        (Basis::Inferred, None) => text.push_str("<p><i>Date inferred.</i></p>"),
        (Basis::Stated, _) => {}
    }
    if let Some(record) = &event.record {
        let dated = match record.date {
            Some(date) if event.record_contradicts() => format!(
                "dates it {}, which the model's reading of the article does not fit",
                html(&date.long())
            ),
            Some(date) => format!("dates it {}", html(&date.long())),
            None => "gives no date".to_string(),
        };
        text.push_str(&format!(
            "<p><i>From the record:</i> the record {dated}. {}{}</p>",
            html(&record.note),
            sources(index, &record.sources)
        ));
    }
    let reported = claims(index, &event.claims);
    if !reported.is_empty() {
        text.push_str("<ul>");
        for claim in reported {
            text.push_str(&format!(
                "<li>{} ({})</li>",
                html(&claim.text),
                html(&claim.id)
            ));
        }
        text.push_str("</ul>");
    }
    Slide {
        unique_id: event.id.clone(),
        start_date: Some(start),
        end_date: end,
        display_date: display.map(|d| html(&d)),
        text: Text {
            headline: html(&event.title),
            text,
        },
        group: Some(ARTICLE),
    }
}

/// An event after the article, marked as the record's, with what of the article it bears on.
fn later_event(index: &Index, event: &LaterEvent) -> Slide {
    let (start, end, open) = place(&event.date);
    let model = index.model();
    let bears_on: Vec<String> = event
        .bears_on
        .iter()
        .map(|id| match index.get(id) {
            Some(ItemRef::Claim(c)) => format!("{} ({})", html(&model.claims[c].text), html(id)),
            Some(ItemRef::Event(e)) => format!("{} ({})", html(&model.events[e].title), html(id)),
            _ => html(id),
        })
        .collect();
    let text = format!(
        "<p><i>From the record, not the article:</i> {}{}</p><p>Bears on: {}.</p>",
        html(&event.summary),
        sources(index, &event.sources),
        bears_on.join("; ")
    );
    Slide {
        unique_id: event.id.clone(),
        start_date: Some(start),
        end_date: end,
        display_date: open.map(|d| html(&d)),
        text: Text {
            headline: html(&event.title),
            text,
        },
        group: Some(RECORD),
    }
}

/// " Sources: <a>…</a>; <a>…</a>." for the sources with these ids, or nothing.
fn sources(index: &Index, ids: &[String]) -> String {
    let model = index.model();
    let links: Vec<String> = index
        .sources(ids)
        .map(|s| {
            let source = &model.sources[s];
            format!(
                "<a href=\"{}\">{}</a> ({}, {})",
                html(&source.url),
                html(&source.title),
                html(&source.publisher),
                html(&source.date.human())
            )
        })
        .collect();
    if links.is_empty() {
        String::new()
    } else {
        format!(" Sources: {}.", links.join("; "))
    }
}

/// Text for HTML: the five characters HTML gives meaning written as references.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
