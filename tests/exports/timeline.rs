//! `export --format timeline`: checked against TimelineJS's documented JSON format, then
//! drawn by TimelineJS itself (npm `@knight-lab/timelinejs`) in headless Chromium.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use claimscope::model::{Basis, Date, Model, PartialDate};
use serde_json::{Map, Value};

use crate::common::Scratch;
use crate::tools::{HOSTILE, export, hostile_model, model_at, on_path, repo, run, skip};

/// The keys TimelineJS documents for a slide and for a date.
const SLIDE_KEYS: [&str; 9] = [
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
];
const DATE_KEYS: [&str; 8] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
];

/// A date object as TimelineJS requires it: an integer year, and a month of 1 to 12 and a
/// day of 1 to 31 as integers when given, a day only with a month.
fn check_date(date: &Value, what: &str) -> (i64, Option<i64>, Option<i64>) {
    let date = date
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object"));
    for key in date.keys() {
        assert!(
            DATE_KEYS.contains(&key.as_str()),
            "{what}: unknown key {key}"
        );
    }
    let part = |key: &str| {
        date.get(key).map(|v| {
            v.as_i64()
                .unwrap_or_else(|| panic!("{what}: {key} must be an integer, not {v}"))
        })
    };
    let year = part("year").unwrap_or_else(|| panic!("{what}: no year"));
    let month = part("month");
    let day = part("day");
    assert!(month.is_none_or(|m| (1..=12).contains(&m)), "{what}: month");
    assert!(day.is_none_or(|d| (1..=31).contains(&d)), "{what}: day");
    assert!(
        day.is_none() || month.is_some(),
        "{what}: a day needs a month"
    );
    (year, month, day)
}

fn parts(date: &PartialDate) -> (i64, Option<i64>, Option<i64>) {
    (
        i64::from(date.year),
        date.month.map(i64::from),
        date.day.map(i64::from),
    )
}

/// The slide's text fields must be strings, the headline not empty.
fn check_slide(slide: &Map<String, Value>, what: &str) {
    for key in slide.keys() {
        assert!(
            SLIDE_KEYS.contains(&key.as_str()),
            "{what}: unknown key {key}"
        );
    }
    let text = &slide["text"];
    assert!(
        text["headline"].as_str().is_some_and(|h| !h.is_empty()),
        "{what}: headline"
    );
    assert!(text["text"].is_string(), "{what}: text");
    for key in ["display_date", "group", "unique_id"] {
        assert!(
            slide.get(key).is_none_or(Value::is_string),
            "{what}: {key} must be a string"
        );
    }
}

/// Checks the export of `model` against the documented format and against the model.
fn check_format(timeline: &Value, model: &Model) {
    let title = timeline["title"].as_object().expect("a title slide");
    check_slide(title, "title");
    let slides = timeline["events"].as_array().expect("events");
    assert_eq!(slides.len(), model.events.len() + model.later.len());
    let mut ids = BTreeSet::new();
    for slide in slides {
        let slide = slide.as_object().expect("slide object");
        let id = slide["unique_id"].as_str().expect("unique_id");
        assert!(ids.insert(id.to_string()), "{id} twice");
        check_slide(slide, id);
        check_date(&slide["start_date"], id);
        if let Some(end) = slide.get("end_date") {
            let (start, end) = (check_date(&slide["start_date"], id), check_date(end, id));
            assert!(start <= end, "{id}: ends before it starts");
        }
    }
    let slide = |id: &str| {
        slides
            .iter()
            .find(|s| s["unique_id"] == id)
            .unwrap_or_else(|| panic!("no slide for {id}"))
    };
    let dated = |slide: &Value, date: &Date| {
        let start = check_date(&slide["start_date"], "start");
        let end = slide.get("end_date").map(|e| check_date(e, "end"));
        match date {
            Date::On(d) | Date::Until(d) | Date::From(d) => {
                assert_eq!((start, end), (parts(d), None), "{date}");
            }
            Date::Between(a, b) => assert_eq!((start, end), (parts(a), Some(parts(b)))),
        }
    };
    for event in &model.events {
        let found = slide(&event.id);
        // Placed where every view places it: at the record's date where the record dates
        // the event, else at the article's; and labelled with that date and the article's
        // own phrase.
        let recorded = event.record.as_ref().and_then(|r| r.date);
        let placed = recorded.unwrap_or(event.date);
        dated(found, &placed);
        let display = found["display_date"].as_str().unwrap_or_default();
        assert!(display.contains(&placed.human()), "{}: {display}", event.id);
        assert_eq!(
            display.starts_with('†'),
            recorded.is_some(),
            "{}: {display}",
            event.id
        );
        if let Some(when) = &event.when {
            assert!(display.contains(when.as_str()), "{}: {display}", event.id);
        }
        let text = found["text"]["text"].as_str().unwrap_or_default();
        let inferred = event.date_basis == Basis::Inferred;
        assert_eq!(text.contains("Date inferred"), inferred, "{}", event.id);
        assert_eq!(
            text.contains("From the record"),
            event.record.is_some(),
            "{}",
            event.id
        );
        assert_eq!(found["group"], "In the article");
    }
    for later in &model.later {
        let found = slide(&later.id);
        dated(found, &later.date);
        assert_eq!(found["group"], "From the record");
        let text = found["text"]["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with("<p><i>From the record, not the article:</i>"),
            "{text}"
        );
    }
}

#[test]
fn timeline_follows_timelinejs_format_and_keeps_each_dates_precision() {
    check_format(
        &serde_json::from_str(&export("timeline", None)).expect("JSON"),
        &crate::bundled(),
    );
    let scratch = Scratch::new("timeline-format");
    let path = hostile_model(&scratch);
    let text = export("timeline", Some(&path));
    check_format(
        &serde_json::from_str(&text).expect("JSON"),
        &model_at(&path),
    );
    // Texts are HTML: the model's markup-like text arrives escaped, never as markup (and
    // the JSON writes even those escapes' `&` as `\u0026`, safe inside a script element).
    let read: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let read = read.to_string();
    assert!(read.contains("&lt;y&gt;"), "the hostile event is escaped");
    assert!(!read.contains("<y>") && !read.contains(HOSTILE));
}

/// The first of the usual names for Chromium found on PATH.
fn chromium() -> Option<std::path::PathBuf> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .into_iter()
    .find_map(on_path)
}

/// Draws the export of `data` with TimelineJS in Chromium and returns what the page saw.
fn draw(browser: &Path, dist: &Path, scratch: &Scratch, data: Option<&Path>) -> Value {
    let page =
        std::fs::read_to_string(repo().join("tests/exports/timeline.html")).expect("the test page");
    // `</` cannot end the script early when written `<\/`, which JSON reads the same.
    let json = export("timeline", data).replace("</", "<\\/");
    let dist_url = format!("file://{}", dist.display());
    let page = page
        .replace("TIMELINEJS", &dist_url)
        .replace("/*DATA*/", &json);
    let file = scratch.file("timeline.html", page.as_bytes());
    let out = run(
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--allow-file-access-from-files",
                "--virtual-time-budget=10000",
                "--dump-dom",
            ])
            .arg(format!(
                "--user-data-dir={}",
                scratch.0.join("profile").display()
            ))
            .arg(format!("file://{}", file.display())),
        Duration::from_secs(180),
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let result = dom
        .split("<pre id=\"result\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("no result in the page: {dom}"));
    let result = result
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&result).unwrap_or_else(|e| panic!("{e}: {result}"))
}

#[test]
fn timelinejs_draws_a_slide_for_every_event_in_headless_chromium() {
    let dist = repo().join(".tools/node/node_modules/@knight-lab/timelinejs/dist");
    if !dist.join("js/timeline.js").is_file() {
        skip("TimelineJS is not installed (bash .ci/tools installs it)");
        return;
    }
    let Some(browser) = chromium() else {
        skip("Chromium is not installed (bash .ci/tools installs it)");
        return;
    };
    let scratch = Scratch::new("timelinejs");
    let hostile = hostile_model(&scratch);
    for data in [None, Some(hostile.as_path())] {
        let model = data.map_or_else(crate::bundled, model_at);
        let drawn = draw(&browser, &dist, &scratch, data);
        assert_eq!(drawn.get("exception"), None, "{drawn}");
        assert_eq!(drawn["errors"], Value::Array(Vec::new()), "{drawn}");
        let slides: BTreeSet<&str> = drawn["slides"]
            .as_array()
            .expect("slides")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let events = model.events.iter().map(|e| e.id.as_str());
        let later = model.later.iter().map(|l| l.id.as_str());
        let expected: BTreeSet<&str> = events
            .chain(later)
            .chain([model.article.id.as_str()])
            .collect();
        assert_eq!(
            slides, expected,
            "every event and the title drawn as a slide"
        );
        assert_eq!(
            drawn["markers"],
            model.events.len() + model.later.len(),
            "a marker on the time axis for every event"
        );
    }
}
