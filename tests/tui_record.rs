//! The record on screen: one timeline with the article's events and the later ones, the
//! Record pane of reviews, verdict badges wherever a claim is listed, and the review and
//! its sources under a claim's sentence. Expectations are worked out from the model.

use claimscope::model::{ClaimKind, Index, Model, Scope, TimelineRow, Verdict};
use claimscope::tui::{Action, App, Pane};

mod common;
use common::screen::{down_to, draw, explorer, select_timeline, source_text};

fn app() -> App {
    explorer(120, 40)
}

#[test]
fn the_timeline_holds_the_article_the_record_and_the_article_s_date_between_them() {
    let app = app();
    let index = app.index();
    let model = index.model();
    let rows = index.timeline_rows();
    assert_eq!(
        rows.len(),
        model.events.len() + model.later.len() + 1,
        "every event once, and one rule for the article"
    );
    let article = rows
        .iter()
        .position(|r| *r == TimelineRow::Article)
        .expect("the article's rule");
    // What is above the rule began by the end of the article's month; what is below it
    // began no earlier than its start.
    let date = |row: &TimelineRow| match *row {
        TimelineRow::Event(e) => *claimscope::model::placed_date(&model.events[e]),
        TimelineRow::Later(l) => model.later[l].date,
        TimelineRow::Article => model.article.published,
    };
    let (start, end) = model.article.published.bounds();
    for row in &rows[..article] {
        assert!(
            date(row).bounds().0 <= end,
            "{} is above the rule",
            date(row)
        );
    }
    for row in &rows[article + 1..] {
        assert!(
            date(row).bounds().0 >= start,
            "{} is below the rule",
            date(row)
        );
    }
    // An event the record dates is placed at the record's date.
    let zardari = index.event("zardari-visit").expect("zardari's visit");
    let record_date = model.events[zardari]
        .record
        .as_ref()
        .and_then(|r| r.date)
        .expect("the record dates it");
    assert_ne!(record_date, model.events[zardari].date);
    assert_eq!(
        claimscope::model::placed_date(&model.events[zardari]),
        &record_date
    );
}

#[test]
fn the_timeline_marks_the_record_and_draws_the_article_s_rule() {
    let mut app = app();
    app.update(Action::Focus(Pane::Timeline));
    let text = draw(&mut app, 120, 40).join("\n");
    assert!(
        text.contains('†'),
        "a record-dated event is marked:\n{text}"
    );
    let later = app
        .index()
        .model()
        .later
        .first()
        .expect("a later event")
        .clone();
    select_timeline(&mut app, TimelineRow::Later(0));
    let text = draw(&mut app, 120, 40).join("\n");
    assert!(
        text.contains(&format!(
            "» {}",
            later.title.chars().take(20).collect::<String>()
        )),
        "a later event is marked as outside the article:\n{text}"
    );
    assert!(
        text.contains("Record · ") && text.contains("from the public record, not"),
        "its detail says whose it is:\n{text}"
    );
    select_timeline(&mut app, TimelineRow::Article);
    let text = draw(&mut app, 120, 40).join("\n");
    assert!(text.contains("the article, Oct 2012"), "{text}");
    assert_eq!(
        app.scope(),
        Scope::All,
        "the article's rule stands for all of it"
    );
}

#[test]
fn choosing_a_later_event_lists_the_claims_it_bears_on() {
    let mut app = app();
    let index_later = app
        .index()
        .model()
        .later
        .iter()
        .position(|l| l.bears_on.iter().any(|id| app.index().claim(id).is_some()))
        .expect("a later event bearing on a claim");
    select_timeline(&mut app, TimelineRow::Later(index_later));
    assert_eq!(app.scope(), Scope::Later(index_later));
    let later = &app.index().model().later[index_later];
    for id in &later.bears_on {
        if let Some(c) = app.index().claim(id) {
            assert!(app.claim_list().contains(&c), "{id} is listed");
        }
    }
}

#[test]
fn the_record_pane_lists_reviews_of_forecasts_first_and_narrows_to_what_one_judges() {
    let mut app = app();
    // An index of its own, so that the app can be driven while this one is read.
    let own = Index::new(Model::bundled().expect("bundled model"));
    let index = &own;
    let model = index.model();
    let judges_forecast = |r: usize| {
        model.reviews[r]
            .claims
            .iter()
            .filter_map(|id| index.claim(id))
            .any(|c| model.claims[c].kind == ClaimKind::Forecast)
    };
    // The divider comes between the forecasts and the rest, and is never selected.
    let rows = app.record_rows().to_vec();
    let dividers: Vec<usize> = (0..rows.len()).filter(|i| rows[*i].is_none()).collect();
    assert_eq!(dividers.len(), 1, "{rows:?}");
    let order: Vec<usize> = rows.iter().flatten().copied().collect();
    assert_eq!(order.len(), model.reviews.len());
    assert!(order[..dividers[0]].iter().all(|r| judges_forecast(*r)));
    assert!(order[dividers[0]..].iter().all(|r| !judges_forecast(*r)));
    let first_other = order.iter().position(|r| !judges_forecast(*r));
    if let Some(split) = first_other {
        assert!(order[..split].iter().all(|r| judges_forecast(*r)));
        assert!(order[split..].iter().all(|r| !judges_forecast(*r)));
    }
    // Choose the first review that cites later events.
    let row = order
        .iter()
        .position(|r| !model.reviews[*r].later.is_empty())
        .expect("a review citing later events");
    let review = order[row];
    app.update(Action::Focus(Pane::Record));
    down_to(&mut app, row);
    assert_eq!(app.scope(), Scope::Review(review));
    let model = app.index().model();
    let mut expected: Vec<usize> = model.reviews[review]
        .claims
        .iter()
        .filter_map(|id| app.index().claim(id))
        .collect();
    expected.sort_by_key(|c| app.index().reading_rank(*c));
    assert_eq!(app.claim_list(), expected.as_slice());
    for id in &model.reviews[review].later {
        let l = app.index().later(id).expect("later event");
        assert!(app.related().later[l], "{id} is marked in the timeline");
        let row = app
            .index()
            .timeline_rows()
            .iter()
            .position(|r| *r == TimelineRow::Later(l))
            .expect("row");
        assert!(app.is_related(Pane::Timeline, row));
    }
}

#[test]
fn a_claim_s_verdict_shows_in_claims_search_and_reading_and_its_review_under_the_source() {
    let mut app = app();
    let model = app.index().model();
    let failed = model
        .reviews
        .iter()
        .position(|r| r.verdict == Verdict::Failed)
        .expect("a failed forecast");
    let review = model.reviews[failed].clone();
    let claim_id = review.claims[0].clone();
    let claim = app.index().claim(&claim_id).expect("claim");
    app.update(Action::OpenSearch);
    for c in claim_id.chars() {
        app.update(Action::Type(c));
    }
    let text = draw(&mut app, 120, 40).join("\n");
    assert!(
        text.lines()
            .any(|l| l.contains(&format!("claim    {claim_id} ✗"))),
        "the badge in the search list:\n{text}"
    );
    app.update(Action::Accept);
    assert_eq!(app.selected_claim(), Some(claim));
    let text = draw(&mut app, 120, 40).join("\n");
    assert!(
        text.lines().any(|l| l.contains(&format!("{claim_id} ✗"))),
        "the badge in the Claims list:\n{text}"
    );
    // The Source pane's whole text, scrolled or not.
    let source_text = source_text(&app);
    assert!(
        source_text.contains("The record, not the article:"),
        "{source_text}"
    );
    let source = app
        .index()
        .source(&review.sources[0])
        .map(|s| app.index().model().sources[s].clone())
        .expect("the review's first source");
    assert!(
        source_text.contains(&format!("{}, {}", source.publisher, source.date.human())),
        "the source named:\n{source_text}"
    );
    // Its address is there, in pieces if it is long, and the pieces make it whole.
    let links = &app.laid().source.links;
    let pieces: String = links
        .iter()
        .filter(|l| l.url == source.url)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(pieces, source.url);
    app.update(Action::ToggleReading);
    let header = draw(&mut app, 120, 40)[0].clone();
    assert!(header.contains(&format!("claim {claim_id}")), "{header}");
    assert!(header.contains("✗ failed"), "{header}");
}

/// A fact is judged as known when the article was written; what happened to it after
/// stands under its sentence too, as the record's events, apart from the verdict.
#[test]
fn a_fact_s_verdict_says_when_it_stands_and_what_followed_stands_beside_it() {
    let mut app = app();
    let model = app.index().model().clone();
    app.update(Action::OpenSearch);
    for c in "c07b".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    let text = source_text(&app);
    let review = model
        .reviews
        .iter()
        .find(|r| r.claims.iter().any(|c| c == "c07b"))
        .expect("c07b's review");
    let verdict = text
        .find("as known in Oct 2012")
        .expect("the verdict's time");
    assert!(text.contains(&review.id), "{text}");
    let events = text
        .find("The record's events that bear on it:")
        .expect("the record's events");
    assert!(verdict < events, "{text}");
    // Every later event that bears on the claim is there, by its date and title.
    for later in model
        .later
        .iter()
        .filter(|l| l.bears_on.iter().any(|b| b == "c07b"))
    {
        let line = format!("» {} {}", later.date.human(), later.title);
        assert!(text[events..].contains(&line), "{line}\n{text}");
    }
}
