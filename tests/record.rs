//! The record's rules: each one `check` enforces has a model here that breaks it, and the
//! bundled record is held to being whole, checked independently of the validator.

mod common;

use std::collections::{HashMap, HashSet};

use claimscope::model::{Basis, ClaimKind, Index, ItemRef, Model, Verdict, is_https_url};
use common::{assert_problem, line_of, mutate, problems};

fn model() -> Model {
    match Model::bundled() {
        Ok(model) => model,
        Err(e) => panic!("the bundled model must load: {e}"),
    }
}

#[test]
fn a_source_address_must_be_plain_https() {
    let from = "url = \"https://www.dawn.com/news/752408\"";
    for bad in [
        "http://www.dawn.com/news/752408",
        "https://www.dawn.com/news/752 408",
        "www.dawn.com/news/752408",
        "https://",
    ] {
        let text = mutate(from, &format!("url = \"{bad}\""));
        assert_problem(
            &text,
            line_of(&text, &format!("url = \"{bad}\"")),
            &["source `dawn-2012-09-27-putin-defers`", "https address"],
        );
    }
    // A terminal escape hidden in an address is refused too (here by the string rules).
    let text = mutate(from, "url = \"https://www.dawn.com/\\u001b]8;;x\"");
    assert!(!problems(&text).is_empty());
}

#[test]
fn one_address_one_source() {
    let text = mutate(
        "url = \"https://www.dawn.com/news/752408\"",
        "url = \"https://www.dawn.com/news/752485/quadrilateral-summit-put-off-russian-president-cancels-visit\"",
    );
    let second = text
        .match_indices("752485/quadrilateral")
        .nth(1)
        .map(|(i, _)| text[..i].matches('\n').count() + 1)
        .expect("the second address");
    assert_problem(
        &text,
        second,
        &[
            "source `dawn-2012-09-27-putin-defers`",
            "`dawn-2012-09-27-summit-put-off` has the same url",
        ],
    );
}

#[test]
fn every_source_is_cited() {
    let text = format!(
        "{}\n[[sources]]\nid = \"unread-page\"\ntitle = \"A page\"\npublisher = \"Nobody\"\ndate = \"2020\"\nurl = \"https://example.org/page\"\n",
        claimscope::model::BUNDLED_MODEL
    );
    assert_problem(
        &text,
        line_of(&text, "id = \"unread-page\""),
        &["source `unread-page`", "a source nothing cites"],
    );
}

#[test]
fn every_forecast_has_a_review() {
    let text = mutate(
        "claims = [\"c47b\"]\nverdict",
        "claims = [\"c47a\"]\nverdict",
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.starts_with("claim `c47b`") && m.contains("a forecast with no review")),
        "{found:#?}"
    );
}

#[test]
fn every_inferred_date_is_checked_against_the_record() {
    let from = "\n[events.record]\ndate = \"2011-05\"\n";
    let at = claimscope::model::BUNDLED_MODEL
        .find(from)
        .expect("zardari's record");
    let rest = &claimscope::model::BUNDLED_MODEL[at + 1..];
    let end = rest.find("\n\n").expect("end of the record") + 1;
    let text = format!(
        "{}{}",
        &claimscope::model::BUNDLED_MODEL[..at + 1],
        &rest[end..]
    );
    assert_problem(
        &text,
        line_of(&text, "id = \"zardari-visit\"") + 3,
        &["event `zardari-visit`", "an inferred date with no `record`"],
    );
}

#[test]
fn a_verdict_needs_sources_unless_it_is_unknown() {
    let text = mutate(
        "verdict = \"unknown\"",
        "verdict = \"failed\"",
    )
    .replacen(
        "sources = [\"tribune-2012-10-04-early-rescheduling\", \"92news-2016-10-12-india-opposes\"]",
        "sources = []",
        1,
    )
    .replacen(
        "[\"review-world-watching\"]",
        "[]",
        1,
    );
    // The sources it no longer cites are cited elsewhere, so only the verdict is wrong.
    assert_problem(
        &text,
        line_of(&text, "id = \"review-world-watching\"") + 6,
        &[
            "review `review-world-watching`",
            "a `failed` verdict needs at least one source",
        ],
    );
    // An unknown verdict with no sources is fine: its summary says what was searched.
    let text = mutate(
        "sources = [\"tribune-2012-10-04-early-rescheduling\", \"92news-2016-10-12-india-opposes\"]",
        "sources = []",
    );
    assert_eq!(problems(&text), Vec::new());
}

#[test]
fn a_dated_record_names_its_sources() {
    let text = mutate(
        "sources = [\"mofa-2011-05-12-zardari-medvedev\", \"hindu-2011-05-11-zardari-in-russia\"]\n\n[[events]]\nid = \"kabulov-visit\"",
        "sources = []\n\n[[events]]\nid = \"kabulov-visit\"",
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.starts_with("event `zardari-visit`")
                && m.contains("a record with a date needs the sources")),
        "{found:#?}"
    );
}

#[test]
fn record_references_resolve_to_the_right_kind() {
    // A later event bears on the article's claims and events, nothing else.
    let text = mutate(
        "bears_on = [\"c22c\", \"pakistan-sco-bid\"]\n\n[[later]]\nid = \"us-suspends",
        "bears_on = [\"c22c\", \"sco\"]\n\n[[later]]\nid = \"us-suspends",
    );
    assert_problem(
        &text,
        line_of(&text, "bears_on = [\"c22c\", \"sco\"]"),
        &[
            "later event `sco-full-membership-2017`",
            "`sco` is a actor; a later event bears on claims and events",
        ],
    );
    // A review's claims are claims; its sources, sources.
    let text = mutate(
        "claims = [\"c22c\"]\nverdict = \"held\"",
        "claims = [\"c22x\"]\nverdict = \"held\"",
    );
    assert_problem(
        &text,
        line_of(&text, "\"c22x\""),
        &["review `review-sco-bid`", "no claim has the id `c22x`"],
    );
    let text = mutate(
        "sources = [\"app-2017-06-09-sco-full-member\"]\n\n[[reviews]]\nid = \"review-putin-endorsement\"",
        "sources = [\"app-2017-06-09\"]\n\n[[reviews]]\nid = \"review-putin-endorsement\"",
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("no source has the id `app-2017-06-09`")),
        "{found:#?}"
    );
}

#[test]
fn record_keys_are_checked_like_any_other() {
    let text = mutate(
        "[events.record]\ndate = \"2011-05\"",
        "[events.record]\ndates = \"2011-05\"",
    );
    assert_problem(
        &text,
        line_of(&text, "dates = "),
        &[
            "event `zardari-visit`: `record`",
            "unknown key `dates`; did you mean `date`?",
        ],
    );
    let text = mutate(
        "verdict = \"partly\"\nsummary = \"Sales",
        "verdict = \"partial\"\nsummary = \"Sales",
    );
    assert_problem(
        &text,
        line_of(&text, "\"partial\""),
        &["review `review-arms-sales`", "did you mean `partly`?"],
    );
}

#[test]
fn a_model_without_a_record_is_not_held_to_one() {
    // The made-up fixture has forecasts and an inferred date, and no record at all.
    let text = std::fs::read_to_string(common::fixture()).expect("fixture");
    assert_eq!(problems(&text), Vec::new());
}

// ---------------------------------------------------------------------------------------
// The bundled record, checked without the validator's code.

#[test]
fn every_forecast_is_reviewed_and_every_inferred_date_checked() {
    let model = model();
    let reviewed: HashSet<&str> = model
        .reviews
        .iter()
        .flat_map(|r| r.claims.iter().map(String::as_str))
        .collect();
    let forecasts: Vec<&str> = model
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Forecast)
        .map(|c| c.id.as_str())
        .collect();
    assert!(forecasts.len() >= 10, "{forecasts:?}");
    for id in forecasts {
        assert!(reviewed.contains(id), "{id} has no review");
    }
    for event in &model.events {
        if event.date_basis == Basis::Inferred {
            let record = event
                .record
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no record", event.id));
            assert!(record.note.len() > 30, "{}", event.id);
            if record.date.is_none() {
                continue;
            }
            assert!(!record.sources.is_empty(), "{}", event.id);
        }
    }
    // Every verdict but unknown rests on a source; unknown says what was searched.
    for review in &model.reviews {
        if review.verdict == Verdict::Unknown {
            assert!(review.summary.contains("searched"), "{}", review.id);
        } else {
            assert!(!review.sources.is_empty(), "{}", review.id);
        }
    }
}

#[test]
fn sources_are_https_cited_and_never_repeated() {
    let model = model();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for source in &model.sources {
        assert!(is_https_url(&source.url), "{}: {}", source.id, source.url);
        assert!(
            !source.url.contains("utm_"),
            "{}: a tracking address",
            source.id
        );
        if let Some(first) = seen.insert(&source.url, &source.id) {
            panic!("{} and {} share {}", first, source.id, source.url);
        }
    }
    let index = Index::new(model.clone());
    let cited: HashSet<usize> = model
        .reviews
        .iter()
        .flat_map(|r| index.sources(&r.sources).collect::<Vec<_>>())
        .chain(
            model
                .later
                .iter()
                .flat_map(|l| index.sources(&l.sources).collect::<Vec<_>>()),
        )
        .chain(
            model
                .events
                .iter()
                .filter_map(|e| e.record.as_ref())
                .flat_map(|r| index.sources(&r.sources).collect::<Vec<_>>()),
        )
        .collect();
    assert_eq!(cited.len(), model.sources.len(), "every source cited");
}

#[test]
fn the_record_covers_what_the_reader_asks_about() {
    let model = model();
    let index = Index::new(model.clone());
    // The events the article dates only by month, or by "this month".
    for id in ["zardari-visit", "kabulov-visit", "kayani-visit"] {
        let Some(ItemRef::Event(e)) = index.get(id) else {
            panic!("{id}")
        };
        let record = model.events[e].record.as_ref().expect(id);
        assert!(record.date.is_some(), "{id}: the record dates it");
    }
    // Zardari's visit: the record contradicts the year the model inferred.
    let Some(ItemRef::Event(zardari)) = index.get("zardari-visit") else {
        panic!("zardari-visit")
    };
    let zardari = &model.events[zardari];
    assert!(zardari.record_contradicts());
    assert_eq!(
        zardari.when.as_deref(),
        Some("in May"),
        "the article's phrase stays"
    );
    // Each topic the issue names has a review or a later event that bears on it.
    let bears = |id: &str| {
        model
            .later
            .iter()
            .any(|l| l.bears_on.iter().any(|b| b == id))
            || model
                .reviews
                .iter()
                .any(|r| r.claims.iter().any(|c| c == id))
    };
    for topic in [
        "c07b", // the first Russian presidential visit the article anticipates
        "c22c", // Pakistan's bid to join the SCO
        "c27b", // Russian arms sales to Pakistan
        "c34a", // joint exercises
        "c25a", // Gazprom and the gas pipeline
        "c26c", // the Kudankulam plant
        "c32a", // the Rafale decision
        "c09a", // Nato's withdrawal
        "c28a", // Russia among arms exporters
        "c29a", // India's arms purchases from Russia
        "c10a", // Pakistan-US relations
    ] {
        assert!(bears(topic), "nothing in the record bears on {topic}");
    }
}
