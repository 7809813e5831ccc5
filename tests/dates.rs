//! One date for one event: every view that gives an article event's date gives the same
//! one. Where the record dates the event, that is the record's date, marked `†`, with the
//! article's own phrase beside it; otherwise the article's date as the model reads it,
//! marked `~` where inferred. The expected date of each event is worked out here from the
//! model's fields, not from the code that shows it; then every event is walked through
//! every view: the Timeline, the detail box, the search list and the Source pane in the
//! explorer, and `show` (claim, event and actor) and the Markdown brief on the command line.

mod common;

use claimscope::model::{Basis, Date, Event, Model, TimelineRow};
use claimscope::tui::{Action, App, Pane};
use common::screen::{down_to, draw, explorer, source_text};
use common::{claimscope, stdout};

fn model() -> Model {
    Model::bundled().expect("the bundled model loads")
}

/// The date every view is to give `event`, and its mark: the record's (`†`) where the
/// record dates it, else the article's (`~` where inferred, none where stated).
fn expected(event: &Event) -> (Date, &'static str) {
    match event.record.as_ref().and_then(|r| r.date) {
        Some(date) => (date, "†"),
        None if event.date_basis == Basis::Inferred => (event.date, "~"),
        None => (event.date, ""),
    }
}

/// As a line of text shows it: "†May 2011".
fn human(event: &Event) -> String {
    let (date, mark) = expected(event);
    format!("{mark}{}", date.human())
}

/// As a column of dates shows it: "†Jul 2005–Oct 2008".
fn short(event: &Event) -> String {
    let (date, mark) = expected(event);
    format!("{mark}{}", date.short())
}

/// The article's date where the record's is shown instead, as no view may give it as the
/// event's date: "~May 2012".
fn displaced(event: &Event) -> Option<String> {
    let (date, mark) = expected(event);
    (mark == "†" && date.human() != event.date.human()).then(|| {
        let article = if event.date_basis == Basis::Inferred {
            "~"
        } else {
            ""
        };
        format!("{article}{}", event.date.human())
    })
}

/// The events, with the hand-checked cases the walk below must agree with: Zardari's
/// visit "in May" stands at the record's May 2011; the decision to start arms sales,
/// which the record found no trace of before the article, stays at the article's date;
/// Kabulov's visit "in June", which the record did not find, stays at the article's June.
#[test]
fn the_expected_dates_are_the_hand_checked_ones() {
    let model = model();
    let by_id = |id: &str| {
        model
            .events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(human(by_id("zardari-visit")), "†May 2011");
    assert_eq!(
        displaced(by_id("zardari-visit")).as_deref(),
        Some("~May 2012")
    );
    assert_eq!(human(by_id("arms-sales-decision")), "~before Oct 2012");
    assert_eq!(human(by_id("kabulov-visit")), "~Jun 2012");
    assert_eq!(human(by_id("kayani-visit")), "†3–6 Oct 2012");
    assert_eq!(human(by_id("putin-trip")), "†2 Oct 2012");
}

fn select_claim(app: &mut App, id: &str) {
    app.update(Action::OpenSearch);
    app.update(Action::ClearQuery);
    for c in id.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    let want = app.index().claim(id);
    assert_eq!(app.selected_claim(), want, "{id} chosen");
}

#[test]
fn the_explorer_gives_each_event_one_date_everywhere() {
    let model = model();
    // Tall enough for the whole timeline to be on screen at once.
    let (width, height) = (200, 120);
    let mut app = explorer(width, height);
    app.update(Action::Focus(Pane::Timeline));
    app.update(Action::Top);
    let screen = draw(&mut app, width, height);
    let rows = app.index().timeline_rows().to_vec();
    let top = screen
        .iter()
        .position(|l| l.contains(" 1 Timeline"))
        .expect("the Timeline pane");
    let mut above = String::new();
    for (n, row) in rows.iter().enumerate() {
        let line = &screen[top + 1 + n];
        // The row's text, after the border and the two-cell cursor.
        let text: String = line.chars().skip(3).collect();
        let date = match *row {
            TimelineRow::Event(e) => short(&model.events[e]),
            TimelineRow::Later(l) => model.later[l].date.short(),
            TimelineRow::Article => {
                above.clear();
                continue;
            }
        };
        // A date is written once for a run of rows on it.
        if date == above {
            assert!(text.starts_with("   "), "row {n} repeats its date: {line}");
        } else {
            assert!(
                text.starts_with(&format!("{date} ")),
                "row {n}, {date}: {line}"
            );
        }
        if let TimelineRow::Event(e) = *row
            && let Some(wrong) = displaced(&model.events[e])
        {
            assert!(!text.starts_with(&wrong), "{line}");
        }
        above = date;
    }

    for (e, event) in model.events.iter().enumerate() {
        // The detail box of the event chosen in the Timeline: its date heads it.
        let row = rows
            .iter()
            .position(|r| *r == TimelineRow::Event(e))
            .expect("the event's row");
        app.update(Action::Focus(Pane::Timeline));
        down_to(&mut app, row);
        let text = draw(&mut app, width, height).join("\n");
        let (date, mark) = expected(event);
        let head = if mark == "†" {
            format!("· †{}, the record's date", date.long())
        } else {
            format!("· {} (", event.date.long())
        };
        assert!(text.contains(&head), "{}: {head}\n{text}", event.id);

        // The search list: the event found by its title carries the same date.
        app.update(Action::OpenSearch);
        app.update(Action::ClearQuery);
        for c in event.title.chars() {
            app.update(Action::Type(c));
        }
        let text = draw(&mut app, width, height).join("\n");
        let hit = format!("event    {} ", short(event));
        assert!(
            text.lines().any(|l| l.contains(&hit)
                && l.contains(&event.title.chars().take(12).collect::<String>())),
            "{}: {hit}\n{text}",
            event.id
        );
        app.update(Action::Escape);

        // The Source pane of each claim that reports it.
        for claim in &event.claims {
            select_claim(&mut app, claim);
            let source = source_text(&app);
            let line = source
                .lines()
                .find(|l| l.starts_with("Reports ") && l.contains(&event.title))
                .unwrap_or_else(|| panic!("{claim} reports {}:\n{source}", event.id));
            assert!(
                line.starts_with(&format!("Reports {} ", human(event))),
                "{claim}: {line}"
            );
        }
    }
}

#[test]
fn the_command_line_gives_each_event_one_date_everywhere() {
    let model = model();
    let brief = stdout(&claimscope(&["export", "--format", "markdown"]));
    let timeline = brief
        .split("## Timeline")
        .nth(1)
        .and_then(|t| t.split("\n## ").next())
        .expect("the brief's timeline");
    for event in &model.events {
        let date = human(event);
        // `show` of each claim that reports it.
        for claim in &event.claims {
            let text = stdout(&claimscope(&["show", claim]));
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("Reports: {}, ", event.title)))
                .unwrap_or_else(|| panic!("{claim}:\n{text}"));
            assert!(
                line.starts_with(&format!("Reports: {}, {date}", event.title)),
                "{claim}: {line}"
            );
        }
        // `show` of the event: the first date it gives is the same.
        let text = stdout(&claimscope(&["show", &event.id]));
        let (shown, mark) = expected(event);
        let first = text
            .lines()
            .find(|l| l.starts_with("Date"))
            .unwrap_or_else(|| panic!("{}:\n{text}", event.id));
        if mark == "†" {
            assert_eq!(
                first,
                format!(
                    "Date, by the record: †{} ({shown}; {})",
                    shown.long(),
                    shown.precision_name()
                ),
                "{}",
                event.id
            );
        } else {
            assert!(
                first.starts_with(&format!("Date: {} ({shown};", shown.long())),
                "{}: {first}",
                event.id
            );
        }
        // `show` of each of its actors lists it at the same date.
        for actor in &event.actors {
            let text = stdout(&claimscope(&["show", actor]));
            let line = text
                .lines()
                .find(|l| l.ends_with(&format!("({})", event.id)))
                .unwrap_or_else(|| panic!("{actor} lists {}:\n{text}", event.id));
            assert!(
                line.trim_start().starts_with(&format!("{date} ")),
                "{actor}: {line}"
            );
        }
        // The brief's timeline.
        let row = timeline
            .lines()
            .find(|l| l.contains(&format!(" | {} | ", event.title)))
            .unwrap_or_else(|| panic!("{} in the brief", event.id));
        assert!(row.starts_with(&format!("| {date} | ")), "{row}");
        if let Some(wrong) = displaced(event) {
            assert!(!row.contains(&format!("| {wrong} |")), "{row}");
        }
    }
}
