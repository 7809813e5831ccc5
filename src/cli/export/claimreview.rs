//! `export --format claimreview`: the record's verdicts as schema.org `ClaimReview`s in
//! JSON-LD, the markup fact-checkers publish and search engines and the Fact Check Explorer
//! read.
//!
//! One review of the record is one `ClaimReview` of the article's claim (or claims), made
//! by its author in the article. Verdicts map to a five-point scale: failed 1, partly 3,
//! held 5. Open and unknown are no point on a scale of truth, so their rating has a name and
//! no value. The model does not name its curator nor where the reviews will be published,
//! so `author` and `url`, which a publisher adds, are left out.

use std::io::{self, Write};

use claimscope::model::{Date, Index, Verdict};
use serde_json::{Value, json};

use super::{capitalised, claims, write_json};

/// The best and worst values of the rating scale.
const BEST: u8 = 5;
const WORST: u8 = 1;

/// A verdict's place on the scale, if it has one, and its name.
fn rating(verdict: Verdict) -> (Option<u8>, &'static str) {
    match verdict {
        Verdict::Held => (Some(BEST), "Held"),
        Verdict::Partly => (Some(3), "Partly held"),
        Verdict::Failed => (Some(WORST), "Failed"),
        Verdict::Open => (None, "Open: its time has not run out"),
        Verdict::Unknown => (None, "Unknown: the record searched does not say"),
    }
}

/// Every review of the record as a `ClaimReview`, in one JSON-LD graph.
pub fn claimreview(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    let author = json!({ "@type": "Person", "name": article.author });
    let published = iso_date(&article.published);
    let appearance = json!({
        "@type": "OpinionNewsArticle",
        "headline": article.title,
        "author": author,
        "datePublished": published,
    });
    let mut graph = Vec::with_capacity(model.reviews.len());
    for review in &model.reviews {
        let reviewed = claims(index, &review.claims);
        let texts: Vec<&str> = reviewed.iter().map(|c| c.text.as_str()).collect();
        let quotes: Vec<String> = reviewed.iter().map(|c| format!("“{}”", c.quote)).collect();
        let ids: Vec<&str> = reviewed.iter().map(|c| c.id.as_str()).collect();
        let (value, name) = rating(review.verdict);
        let mut rating = json!({ "@type": "Rating", "alternateName": name });
        if let (Some(value), Value::Object(fields)) = (value, &mut rating) {
            fields.insert("ratingValue".into(), value.into());
            fields.insert("bestRating".into(), BEST.into());
            fields.insert("worstRating".into(), WORST.into());
        }
        let citations: Vec<Value> = index
            .sources(&review.sources)
            .map(|s| {
                let source = &model.sources[s];
                json!({
                    "@type": "CreativeWork",
                    "name": source.title,
                    "url": source.url,
                    "publisher": { "@type": "Organization", "name": source.publisher },
                    "datePublished": iso_date(&source.date),
                })
            })
            .collect();
        let mut item = json!({
            "@type": "ClaimReview",
            "identifier": review.id,
            "claimReviewed": texts.join(" "),
            // Whether the verdict is as known when the article was written or as of later.
            "reviewBody": format!("{}: {}", capitalised(&review.judged_when(&model.article)), review.summary),
            "datePublished": iso_date(&review.as_of),
            "reviewRating": rating,
            "itemReviewed": {
                "@type": "Claim",
                "identifier": ids,
                "text": quotes.join(" "),
                "author": author,
                "datePublished": published,
                "appearance": appearance,
            },
        });
        if let (false, Value::Object(fields)) = (citations.is_empty(), &mut item) {
            fields.insert("citation".into(), citations.into());
        }
        graph.push(item);
    }
    let document = json!({ "@context": "https://schema.org", "@graph": graph });
    write_json(&document, out)
}

/// A date as one ISO 8601 date of the precision it has (`2012`, `2012-10`, `2012-10-02`),
/// since schema.org dates cannot be spans: a span is given by its last date (evidence "as
/// of" a span is as of its end), and a span open from a date by that date.
fn iso_date(date: &Date) -> String {
    match date {
        Date::On(day) | Date::Until(day) | Date::From(day) | Date::Between(_, day) => {
            day.to_string()
        }
    }
}
