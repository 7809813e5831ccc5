//! The README's screen captures are what the explorer draws. Each capture in the README
//! follows a `<!-- capture: NAME -->` line; this test reaches the state it shows, draws
//! it without colour as the snapshot tests do, and compares. When the explorer changes,
//! `UPDATE_README=1 cargo test --test readme_captures` writes the new captures in, for
//! the change to be read in the diff like any other.

use std::path::PathBuf;

use claimscope::model::Verdict;
use claimscope::tui::{Action, App, Pane};

mod common;
use common::screen::{down_to, draw, explorer};

/// The captures the README may show, by name: the size, and how to get there.
const CAPTURES: &[&str] = &[
    "actor-india",
    "failed-verdict",
    "source-to-its-end",
    "timeline-chart",
    "argument-map",
    "relations-network",
];

/// The rows of the capture `name`, as the explorer draws them (trailing blanks trimmed).
fn capture(name: &str) -> Vec<String> {
    let (mut app, size, pane) = match name {
        // India chosen in the Actors pane.
        "actor-india" => {
            let mut app = explorer(120, 40);
            app.update(Action::Focus(Pane::Actors));
            let india = app.index().actor("india").expect("India");
            let row = app
                .actor_rows()
                .iter()
                .position(|r| r.actor() == india)
                .expect("India's row");
            down_to(&mut app, row);
            (app, (120, 40), None)
        }
        // The failed verdict in the Record pane.
        "failed-verdict" => (failed_verdict(), (120, 40), None),
        // The Source pane of the claim the failed verdict judges, scrolled to its end.
        "source-to-its-end" => {
            let mut app = failed_verdict();
            app.update(Action::Focus(Pane::Claims));
            app.update(Action::Focus(Pane::Source));
            app.update(Action::Bottom);
            (app, (120, 40), Some(Pane::Source))
        }
        // Each picture on a wide screen, at an item past the first.
        "timeline-chart" => (
            picture(Pane::Timeline, &vec![Action::Right; 21]),
            (120, 40),
            Some(Pane::Timeline),
        ),
        "argument-map" => (
            picture(
                Pane::Arguments,
                &[
                    Action::Down,
                    Action::Right,
                    Action::Right,
                    Action::Right,
                    Action::Right,
                    Action::Down,
                ],
            ),
            (120, 40),
            Some(Pane::Arguments),
        ),
        "relations-network" => (
            picture(Pane::Actors, &[Action::Right]),
            (120, 40),
            Some(Pane::Actors),
        ),
        other => panic!("the README shows a capture `{other}` that this test cannot make"),
    };
    let rows = draw(&mut app, size.0, size.1);
    let rows: Vec<String> = match pane {
        None => rows,
        Some(pane) => {
            let rect = app.screen().panes[pane.index()].expect("the pane is on screen");
            rows[usize::from(rect.y)..usize::from(rect.y + rect.height)]
                .iter()
                .map(|row| {
                    row.chars()
                        .skip(usize::from(rect.x))
                        .take(usize::from(rect.width))
                        .collect()
                })
                .collect()
        }
    };
    rows.into_iter().map(|r| r.trim_end().to_string()).collect()
}

/// The explorer at 120x40 with `pane` as its picture, after `moves`.
fn picture(pane: Pane, moves: &[Action]) -> App {
    let mut app = explorer(120, 40);
    app.update(Action::Focus(pane));
    app.update(Action::Picture);
    for action in moves {
        app.update(action.clone());
    }
    app
}

fn failed_verdict() -> App {
    let mut app = explorer(120, 40);
    app.update(Action::Focus(Pane::Record));
    let row = app
        .record_rows()
        .iter()
        .flatten()
        .position(|r| app.index().model().reviews[*r].verdict == Verdict::Failed)
        .expect("a failed verdict");
    down_to(&mut app, row);
    app
}

/// A capture in the README: its name, and where its rows lie in the text.
struct Shown {
    name: String,
    rows: std::ops::Range<usize>,
}

/// The captures the README marks, in order, with the byte range of each block's rows.
fn marked(readme: &str) -> Vec<Shown> {
    let mut found = Vec::new();
    let mut at = 0;
    // A marker is a line of its own: the README may also write one out in its prose.
    while let Some(start) = readme[at..].find("\n<!-- capture: ") {
        let start = at + start + 1;
        let name_end = readme[start..].find(" -->").expect("a closed marker") + start;
        let name = readme[start + "<!-- capture: ".len()..name_end].to_string();
        let fence = readme[name_end..]
            .find("```\n")
            .expect("a block after the marker")
            + name_end;
        let rows_start = fence + 4;
        let rows_end = readme[rows_start..].find("```").expect("a closed block") + rows_start;
        found.push(Shown {
            name,
            rows: rows_start..rows_end,
        });
        at = rows_end;
    }
    found
}

#[test]
fn the_readme_s_captures_are_what_the_explorer_draws() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("the README");
    let shown = marked(&readme);
    let names: Vec<&str> = shown.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, CAPTURES, "the README marks these captures");
    let update = std::env::var_os("UPDATE_README").is_some();
    let mut written = readme.clone();
    let mut stale = Vec::new();
    // From the last, so that the ranges before it still hold as it is rewritten.
    for s in shown.iter().rev() {
        let drawn = capture(&s.name);
        let in_readme: Vec<String> = readme[s.rows.clone()]
            .lines()
            .map(|r| r.trim_end().to_string())
            .collect();
        if drawn != in_readme {
            stale.push(s.name.clone());
            written.replace_range(s.rows.clone(), &(drawn.join("\n") + "\n"));
        }
    }
    if update && !stale.is_empty() {
        std::fs::write(&path, written).expect("the README rewritten");
        return;
    }
    assert!(
        stale.is_empty(),
        "the README's captures {stale:?} are not what the explorer draws; \
         `UPDATE_README=1 cargo test --test readme_captures` writes them in"
    );
}

#[test]
fn markers_are_read_with_their_blocks() {
    let text = "intro `<!-- capture: prose -->`\n<!-- capture: one -->\n\n```\nrow 1\nrow 2\n```\nmore\n<!-- capture: two -->\n```\nx\n```\n";
    let shown = marked(text);
    let names: Vec<&str> = shown.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["one", "two"]);
    assert_eq!(&text[shown[0].rows.clone()], "row 1\nrow 2\n");
    assert_eq!(&text[shown[1].rows.clone()], "x\n");
}
