//! Every pane walked row by row, at a wide and a narrow size, by the same code for all of
//! them: a new pane is walked by this test the day it joins `Pane::ALL`.

use claimscope::tui::state::PaneKind;
use claimscope::tui::{Action, App, Mode, Pane};

mod common;
use common::screen::{draw, explorer};

fn app(width: u16, height: u16) -> App {
    explorer(width, height)
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The rows of the screen inside a pane's frame.
fn pane_rows(app: &App, screen: &[String], pane: Pane) -> Vec<String> {
    let rect = app.screen().panes[pane.index()].expect("the focused pane is on the screen");
    screen[usize::from(rect.y) + 1..usize::from(rect.y + rect.height) - 1]
        .iter()
        .map(|row| {
            row.chars()
                .skip(usize::from(rect.x) + 1)
                .take(usize::from(rect.width) - 2)
                .collect()
        })
        .collect()
}

/// Walks a list pane from its top to its bottom and past it, checking at every row that
/// the selection is where the cursor says and is drawn, on screen, once.
fn walk_list(app: &mut App, pane: Pane, (width, height): (u16, u16)) {
    app.update(Action::Focus(pane));
    app.update(Action::Top);
    let len = app.len(pane);
    assert!(len > 0, "{pane:?} is empty on the bundled article");
    // The rows a selection can rest on: all but the Record pane's divider.
    let divider = |row: usize| pane == Pane::Record && app.record_rows()[row].is_none();
    let rows: Vec<usize> = (0..len).filter(|r| !divider(*r)).collect();
    if pane == Pane::Record {
        assert_eq!(
            rows.len() + 1,
            len,
            "one divider, between forecasts and the rest"
        );
    }
    for row in rows {
        let cursor = app.cursor(pane);
        assert_eq!(cursor.selected, row, "{pane:?} at {width}x{height}");
        let screen = draw(app, width, height);
        let inside = pane_rows(app, &screen, pane);
        let visible = inside.len();
        assert!(
            cursor.offset <= row && row < cursor.offset + visible,
            "{pane:?} row {row} is off screen (offset {}, {visible} rows) at {width}x{height}",
            cursor.offset
        );
        let marked: Vec<usize> = inside
            .iter()
            .enumerate()
            .filter(|(_, line)| line.starts_with('▶'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            marked,
            vec![row - cursor.offset],
            "{pane:?} row {row}: the ▶ should mark the selected row, at {width}x{height}\n{}",
            inside.join("\n")
        );
        app.update(Action::Down);
    }
    assert_eq!(
        app.cursor(pane).selected,
        len - 1,
        "{pane:?}: Down past the last row stays on it"
    );
    app.update(Action::Top);
    app.update(Action::PageDown);
    assert!(app.cursor(pane).selected < len);
    app.update(Action::Bottom);
    assert_eq!(app.cursor(pane).selected, len - 1);
}

/// Scrolls a text pane to its end and back: the offset never passes the text.
fn walk_text(app: &mut App, pane: Pane, (width, height): (u16, u16)) {
    app.update(Action::Focus(pane));
    app.update(Action::Top);
    assert_eq!(app.cursor(pane).offset, 0);
    let lines = app.len(pane);
    for _ in 0..lines + 3 {
        app.update(Action::Down);
        draw(app, width, height);
        assert!(
            app.cursor(pane).offset < lines.max(1),
            "{pane:?} scrolled past its text at {width}x{height}"
        );
    }
    app.update(Action::Top);
    assert_eq!(app.cursor(pane).offset, 0);
}

#[test]
fn every_pane_walks_top_to_bottom_with_its_selection_in_view() {
    for size in SIZES {
        for pane in Pane::ALL {
            let mut app = app(size.0, size.1);
            match pane.kind() {
                PaneKind::Context | PaneKind::Claims => walk_list(&mut app, pane, size),
                PaneKind::Text => walk_text(&mut app, pane, size),
            }
            assert_eq!(app.mode(), Mode::Panes);
        }
    }
}

#[test]
fn every_context_row_lists_claims_or_says_why_not() {
    // Choosing any event, actor or argument node either lists claims with one selected,
    // or the Claims pane says why there are none: never a blank pane.
    for pane in Pane::ALL.into_iter().filter(|p| p.is_context()) {
        let mut app = app(120, 40);
        app.update(Action::Focus(pane));
        app.update(Action::Top);
        for row in 0..app.len(pane) {
            if app.len(Pane::Claims) > 0 {
                assert!(app.selected_claim().is_some(), "{pane:?} row {row}");
            } else {
                let screen = draw(&mut app, 120, 40);
                let said = pane_rows(&app, &screen, Pane::Claims).join(" ");
                assert!(
                    said.contains("No claim is about"),
                    "{pane:?} row {row} leaves the Claims pane blank:\n{said}"
                );
            }
            app.update(Action::Down);
        }
    }
}

#[test]
fn enter_then_back_returns_to_the_same_row_of_every_list() {
    for pane in Pane::ALL.into_iter().filter(|p| p.kind() != PaneKind::Text) {
        let mut app = app(120, 40);
        app.update(Action::Focus(pane));
        app.update(Action::Bottom);
        let before = app.cursor(pane).selected;
        app.update(Action::Enter);
        assert_ne!(
            (app.focus(), app.mode()),
            (pane, Mode::Panes),
            "Enter on {pane:?} should go somewhere"
        );
        app.update(Action::Back);
        assert_eq!(app.focus(), pane, "Back after Enter on {pane:?}");
        assert_eq!(app.mode(), Mode::Panes);
        assert_eq!(app.cursor(pane).selected, before, "{pane:?} lost its row");
    }
}
