//! The explorer's screens as a reader sees them, kept as snapshots: a change to what any
//! of them shows fails here until a person has looked at the new screen and accepted it
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test --test screens` and a read of
//! the diff). The snapshots are in tests/snapshots/.
//!
//! Where a reader tells things apart by style alone (focus, matched characters, quoted
//! words), the snapshot has the styles written in as `⟦style:text⟧` (see common::styled).

use claimscope::model::TimelineRow;
use claimscope::tui::{Action, App, Pane};

mod common;
use common::screen::{
    buffer, down_to, explorer as app, explorer_in_colour, run, select_node, select_timeline,
    text as screen, type_text,
};
use common::styled::{styled, styled_pane, styled_screen};

#[test]
fn first_screen_at_120_by_40() {
    let mut app = app(120, 40);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn first_screen_at_80_by_24() {
    let mut app = app(80, 24);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn an_actor_chosen_narrows_the_claims() {
    let mut app = app(120, 40);
    // Actors pane, third row down: the screen shows whose claims are listed and why.
    run(
        &mut app,
        [
            Action::Focus(claimscope::tui::Pane::Actors),
            Action::Down,
            Action::Down,
            Action::Enter,
        ],
    );
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn search_with_hits_for_an_alias() {
    let mut app = app(120, 40);
    app.update(Action::OpenSearch);
    run(&mut app, "moscow".chars().map(Action::Type));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn search_with_a_mistyped_filter() {
    let mut app = app(100, 30);
    app.update(Action::OpenSearch);
    run(&mut app, "kind:forcast".chars().map(Action::Type));
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn help_screen() {
    let mut app = app(120, 40);
    app.update(Action::OpenHelp);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn reading_mode_on_the_second_claim() {
    let mut app = app(100, 30);
    run(&mut app, [Action::ToggleReading, Action::NextClaim]);
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn a_small_terminal_shows_one_pane_with_tabs() {
    let mut app = app(30, 8);
    insta::assert_snapshot!(screen(&mut app, 30, 8));
}

#[test]
fn a_terminal_too_small_says_so() {
    let mut app = app(14, 3);
    insta::assert_snapshot!(screen(&mut app, 14, 3));
}

#[test]
fn the_record_pane_on_a_failed_verdict() {
    let mut app = app(120, 40);
    app.update(Action::Focus(claimscope::tui::Pane::Record));
    let row = app
        .record_rows()
        .iter()
        // Counted among the reviews: moving steps over the divider.
        .flatten()
        .position(|r| app.index().model().reviews[*r].verdict == claimscope::model::Verdict::Failed)
        .expect("a failed verdict");
    for _ in 0..row {
        app.update(Action::Down);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_record_pane_at_80_by_24() {
    let mut app = app(80, 24);
    app.update(Action::Focus(claimscope::tui::Pane::Record));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn the_timeline_in_use_at_the_article_s_rule() {
    let mut app = app(120, 40);
    app.update(Action::Focus(claimscope::tui::Pane::Timeline));
    let rule = app
        .index()
        .timeline_rows()
        .iter()
        .position(|r| *r == claimscope::model::TimelineRow::Article)
        .expect("the rule");
    for _ in 0..rule {
        app.update(Action::Down);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn india_s_relations_opened_and_one_chosen() {
    let mut app = app(120, 40);
    app.update(Action::Focus(claimscope::tui::Pane::Actors));
    let india = app.index().actor("india").expect("india");
    for _ in 0..india {
        app.update(Action::Down);
    }
    run(&mut app, [Action::Expand, Action::Down]);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn help_filtered_at_80_by_24() {
    let mut app = app(80, 24);
    run(&mut app, [Action::OpenHelp, Action::OpenSearch]);
    run(&mut app, "record".chars().map(Action::Type));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn focus_in_colour_on_the_claims_pane() {
    // The focused pane's box is heavy, bold and in the accent colour, its title reversed,
    // its selected row reversed; every other box is dim, and their selected rows only
    // bold. The Source pane shows the quoted words black on yellow.
    let mut app = explorer_in_colour(100, 30);
    app.update(Action::Focus(Pane::Claims));
    insta::assert_snapshot!(styled_screen(&mut app, 100, 30));
}

#[test]
fn search_hits_with_their_matched_characters_in_colour() {
    // Two words, every one of which must match: their letters are marked wherever they
    // are in view, and only the selected hit is reversed. (The best hit, a relation,
    // matches past where its row is cut, and so shows no marked letters.)
    let mut app = explorer_in_colour(100, 20);
    app.update(Action::OpenSearch);
    type_text(&mut app, "pak arms");
    let drawn = buffer(&mut app, 100, 20);
    let search_box = claimscope::tui::layout::search_box(app.screen().main);
    insta::assert_snapshot!(styled(&drawn, search_box));
}

#[test]
fn the_quoted_words_marked_in_the_source_pane() {
    // c26c quotes the end of sentence s26: only those words are marked (reversed and
    // underlined without colour), not the sentence's other words or its full stop.
    let mut app = app(120, 40);
    app.update(Action::OpenSearch);
    type_text(&mut app, "kudankulam russian financing");
    app.update(Action::Accept);
    let claim = app.selected_claim().expect("a claim");
    assert_eq!(app.index().model().claims[claim].id, "c26c");
    insta::assert_snapshot!(styled_pane(&mut app, Pane::Source, 120, 40));
}

#[test]
fn the_argument_tree_with_the_limits_folded() {
    // 1.8 closed: its three points hidden, its row marked ▸, the detail box still counting
    // what is below it.
    let mut app = app(120, 40);
    select_node(&mut app, "limits");
    app.update(Action::Collapse);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn an_event_s_detail_putin_s_cancelled_trip() {
    // The detail box on a cancelled event the record dates: its status and date, the
    // article's words for the date, the model's own reading, who took part, and the
    // record's note, cut with … where the box ends.
    let mut app = app(120, 40);
    let trip = app.index().event("putin-trip").expect("the event");
    select_timeline(&mut app, TimelineRow::Event(trip));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn a_relation_s_detail_on_a_narrow_screen() {
    // One pane at a time: the relation's detail opens under the Actors pane.
    let mut app = app(80, 24);
    app.update(Action::Focus(Pane::Actors));
    let india = app.index().actor("india").expect("india");
    down_to(&mut app, india);
    run(&mut app, [Action::Expand, Action::Down]);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

/// The last row of the screen at each width, where the status line is, one a line.
fn status_lines(app: &mut App, widths: &[(u16, u16)]) -> String {
    widths
        .iter()
        .map(|(w, h)| {
            let rows = common::screen::draw(app, *w, *h);
            format!("{w}×{h}: {}\n", rows.last().map_or("", |r| r.trim_end()))
        })
        .collect()
}

#[test]
fn the_status_line_after_y_says_what_was_copied() {
    // In a test nothing reaches a clipboard: what the explorer hands the terminal is
    // checked here, and the status line says what was sent and what it takes to arrive.
    let mut app = app(120, 40);
    app.update(Action::Copy);
    let copied = app.take_clipboard().expect("the quote and its citation");
    assert_eq!(
        copied,
        "“Changes in region push Pakistan and Russia together” (Harsh V Pant, \
         “Changes in region push Pakistan and Russia together”, Oct 2012, the headline, \
         sentence s01; claim c01a)"
    );
    insta::assert_snapshot!(status_lines(&mut app, &[(120, 40), (80, 24)]));
}

#[test]
fn the_status_line_after_y_with_no_claim_to_copy() {
    // An actor no claim is about leaves the Claims pane empty: `y` has nothing to copy,
    // and says so.
    let mut app = app(120, 40);
    app.update(Action::Focus(Pane::Actors));
    let index = app.index();
    let unclaimed = app
        .actor_rows()
        .iter()
        .position(|row| match row {
            claimscope::tui::state::ActorRow::Actor(a) => index.claims_of_actor(*a).is_empty(),
            _ => false,
        })
        .expect("an actor no claim is about");
    down_to(&mut app, unclaimed);
    assert_eq!(app.selected_claim(), None);
    app.update(Action::Copy);
    assert_eq!(app.take_clipboard(), None);
    insta::assert_snapshot!(status_lines(&mut app, &[(120, 40), (80, 24)]));
}
