//! The explorer's screens as a reader sees them, kept as snapshots: a change to what any
//! of them shows fails here until a person has looked at the new screen and accepted it
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test --test screens` and a read of
//! the diff). The snapshots are in tests/snapshots/.

use claimscope::tui::Action;

mod common;
use common::screen::{explorer as app, run, text as screen};

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
