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
        line_of(&text, "id = \"review-world-watching\"") + 7,
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
        "sources = [\"nation-2011-06-13-sco-membership\", \"pakistantoday-2011-11-07-sco-endorsement\"]",
        "sources = [\"nation-2011-06-13\", \"pakistantoday-2011-11-07-sco-endorsement\"]",
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("no source has the id `nation-2011-06-13`")),
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
        "verdict = \"partly\"\njudged = \"since\"\nsummary = \"In August 2018",
        "verdict = \"partial\"\njudged = \"since\"\nsummary = \"In August 2018",
    );
    assert_problem(
        &text,
        line_of(&text, "\"partial\""),
        &[
            "review `review-personnel-exchange`",
            "did you mean `partly`?",
        ],
    );
    let text = mutate(
        "verdict = \"partly\"\njudged = \"since\"\nsummary = \"In August 2018",
        "verdict = \"partly\"\njudged = \"later\"\nsummary = \"In August 2018",
    );
    assert_problem(
        &text,
        line_of(&text, "\"later\"\nsummary"),
        &["review `review-personnel-exchange`", "`then`", "`since`"],
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
    // The events the article dates only by month, or by "this month", are checked; the
    // record dates those it found, and for Kabulov's visit "in June", which it did not
    // find, it says so and sets the visit it did find (30 May) beside it, apart.
    for (id, dated) in [
        ("zardari-visit", true),
        ("kabulov-visit", false),
        ("kayani-visit", true),
    ] {
        let Some(ItemRef::Event(e)) = index.get(id) else {
            panic!("{id}")
        };
        let record = model.events[e].record.as_ref().expect(id);
        assert_eq!(record.date.is_some(), dated, "{id}");
        assert!(
            record.note.contains("searched") || dated,
            "{id}: {}",
            record.note
        );
    }
    let beside = model
        .later
        .iter()
        .find(|l| l.bears_on.iter().any(|b| b == "kabulov-visit"))
        .expect("the visit the record found, beside the article's");
    assert_eq!(beside.date.to_string(), "2012-05-30");
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

// ---------------------------------------------------------------------------------------
// What a verdict is judged against: a fact or a position by what was known when the
// article was written, a forecast by what has happened since.

#[test]
fn a_fact_judged_by_what_came_after_is_refused_unless_a_note_says_why() {
    // review-rescheduling judges two facts (c07a, c07b: a plan reported as made).
    let from = "claims = [\"c07a\", \"c07b\"]\nverdict = \"held\"\njudged = \"then\"";
    let text = mutate(
        from,
        "claims = [\"c07a\", \"c07b\"]\nverdict = \"held\"\njudged = \"since\"",
    );
    let at = line_of(&text, "judged = \"since\"\nsummary = \"So it was said");
    for claim in ["`c07a` is a fact", "`c07b` is a fact"] {
        assert_problem(
            &text,
            at,
            &["review `review-rescheduling`", claim, "judged = \"then\""],
        );
    }
    // A note that says why lifts the rule for that review.
    let text = mutate(
        from,
        "claims = [\"c07a\", \"c07b\"]\nverdict = \"held\"\njudged = \"since\"\njudged_note = \"Judged by whether the plan was carried out.\"",
    );
    let found = problems(&text);
    assert!(
        found.iter().all(|(_, m)| !m.contains("is a fact")),
        "{found:#?}"
    );
}

#[test]
fn a_forecast_judged_by_what_was_known_then_is_refused() {
    let text = mutate(
        "claims = [\"c34a\"]\nverdict = \"held\"\njudged = \"since\"",
        "claims = [\"c34a\"]\nverdict = \"held\"\njudged = \"then\"",
    );
    let at = line_of(&text, "claims = [\"c34a\"]") + 2;
    assert_problem(
        &text,
        at,
        &[
            "review `review-joint-exercises`",
            "`c34a` is a forecast",
            "judged = \"since\"",
        ],
    );
}

#[test]
fn a_verdict_on_what_was_known_then_rests_on_something_known_then() {
    // review-arms-shares rests on a report of March 2012; put one of 2013 in its place.
    let text = mutate(
        "as_of = \"2012-03\"\nlater = []\nsources = [\"247wallst-2012-03-19-sipri\"]\n\n[[reviews]]\nid = \"review-india-buys\"",
        "as_of = \"2012-03\"\nlater = []\nsources = [\"hindu-2022-03-15-russia-share-india\"]\n\n[[reviews]]\nid = \"review-india-buys\"",
    );
    assert_problem(
        &text,
        line_of(
            &text,
            "sources = [\"hindu-2022-03-15-russia-share-india\"]\n\n[[reviews]]",
        ),
        &[
            "review `review-arms-shares`",
            "judged as known when the article was written (Oct 2012)",
            "every source it cites was published after",
        ],
    );
    // A later source beside an earlier one is fine.
    let text = mutate(
        "as_of = \"2012-03\"\nlater = []\nsources = [\"247wallst-2012-03-19-sipri\"]\n\n[[reviews]]\nid = \"review-india-buys\"",
        "as_of = \"2012-03\"\nlater = []\nsources = [\"247wallst-2012-03-19-sipri\", \"hindu-2022-03-15-russia-share-india\"]\n\n[[reviews]]\nid = \"review-india-buys\"",
    );
    assert_eq!(problems(&text), Vec::new());
    // And it does not rest on what happened after the article.
    let text = mutate(
        "later = [\"summit-put-off-2012\", \"lavrov-in-islamabad-2012\"]",
        "later = [\"summit-put-off-2012\", \"putin-invited-again-2024\"]",
    );
    assert_problem(
        &text,
        line_of(&text, "\"putin-invited-again-2024\"]"),
        &[
            "review `review-rescheduling`",
            "the later event `putin-invited-again-2024` (29 Mar 2024) came after it",
        ],
    );
}

#[test]
fn a_verdict_on_what_happened_since_rests_on_evidence_from_after() {
    let text = mutate(
        "judged = \"since\"\nsummary = \"Joint exercises followed",
        "judged = \"since\"\nsummary = \"Joint exercises followed",
    )
    .replacen("as_of = \"2025-09\"", "as_of = \"2012-10\"", 1);
    assert_problem(
        &text,
        line_of(
            &text,
            "as_of = \"2012-10\"\nlater = [\"first-joint-exercise-2016\"",
        ),
        &[
            "review `review-joint-exercises`",
            "its latest evidence (`as_of` Oct 2012) is no later than the article",
        ],
    );
}

#[test]
fn an_event_reported_as_done_is_never_dated_after_the_article() {
    // The article reports the decision to start arms sales as made; a record that dates
    // it in 2014 has found another event, which belongs among the later events.
    let from = "[events.record]\nnote = \"The record read gives no date for it, because";
    let text = mutate(
        from,
        "[events.record]\ndate = \"2014-06\"\nnote = \"The record read gives no date for it, because",
    );
    assert_problem(
        &text,
        line_of(
            &text,
            "date = \"2014-06\"\nnote = \"The record read gives no date",
        ),
        &[
            "event `arms-sales-decision`",
            "reports it as happened, but the record dates it Jun 2014, after the article was written",
            "[[later]]",
        ],
    );
    // An event the article expects may be dated after it: that is when it came about.
    let model = model();
    let begin = model
        .events
        .iter()
        .find(|e| e.id == "arms-sales-begin")
        .expect("arms-sales-begin");
    assert_eq!(
        begin
            .record
            .as_ref()
            .and_then(|r| r.date)
            .map(|d| d.to_string()),
        Some("2015-08".to_string())
    );
}

/// The bundled reviews, each against the rule, checked without the validator's code: the
/// kinds of its claims decide what it is judged against, and a verdict on what was known
/// then cites something published by the article's month.
#[test]
fn every_bundled_review_is_judged_as_its_claims_kinds_call_for() {
    let model = model();
    let article = model.article.published.to_string();
    assert_eq!(article, "2012-10");
    let mut then = 0;
    for review in &model.reviews {
        let kinds: Vec<ClaimKind> = review
            .claims
            .iter()
            .map(|id| {
                model
                    .claims
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.kind)
                    .unwrap_or_else(|| panic!("{}: no claim {id}", review.id))
            })
            .collect();
        let word = review.judged.as_str();
        for kind in &kinds {
            let wanted = match kind {
                ClaimKind::Fact | ClaimKind::Position => Some("then"),
                ClaimKind::Forecast => Some("since"),
                ClaimKind::Assessment => None,
            };
            if let Some(wanted) = wanted {
                assert!(
                    wanted == word || review.judged_note.is_some(),
                    "{}: a {kind} judged {word}",
                    review.id
                );
            }
        }
        if word == "then" {
            then += 1;
            let dates: Vec<String> = review
                .sources
                .iter()
                .filter_map(|id| model.sources.iter().find(|s| &s.id == id))
                .map(|s| s.date.to_string())
                .collect();
            assert!(
                dates
                    .iter()
                    .any(|d| d.as_str()[..d.len().min(7)] <= *article),
                "{}: nothing known by {article} among {dates:?}",
                review.id
            );
        } else {
            assert!(
                review.as_of.to_string().as_str() > article.as_str(),
                "{}: judged since, as of {}",
                review.id,
                review.as_of
            );
        }
    }
    // Both kinds are there: the facts the reviews check and the forecasts they follow.
    assert!(then >= 10 && then < model.reviews.len(), "{then}");
}
