//! The record through the real binary: `show` puts the record beside what the article
//! says, `search` finds it, and the Markdown brief gives it a section of its own.

mod common;

use claimscope::model::Model;
use common::{claimscope, stderr, stdout};

#[test]
fn show_puts_the_record_date_first_where_it_contradicts_the_inferred_one() {
    let out = claimscope(&["show", "zardari-visit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let phrase = text.find("The article says: “in May”").expect("the phrase");
    let record = text
        .find("Date, by the record: †May 2011")
        .expect("the record");
    let inferred = text
        .find("The model's reading of the article: May 2012")
        .expect("the inference");
    assert!(phrase < record && record < inferred, "{text}");
    assert!(
        text.contains("which the record's date does not fit"),
        "{text}"
    );
    assert!(
        text.contains("[1] Ministry of Foreign Affairs, Pakistan, 12 May 2011:"),
        "{text}"
    );
    assert!(text.contains("        https://mofa.gov.pk/"), "{text}");
}

#[test]
fn show_gives_an_agreeing_record_date_first_and_the_articles_beside_it() {
    let text = stdout(&claimscope(&["show", "kayani-visit"]));
    let record = text
        .find("Date, by the record: †from 3 October 2012 to 6 October 2012")
        .expect("the record's date");
    let date = text
        .find("The model's reading of the article: October 2012")
        .expect("the model's date");
    assert!(record < date, "{text}");
    assert!(
        text.contains("which the record's date falls within"),
        "{text}"
    );
    // An event the record does not date keeps the article's date, and says so.
    let text = stdout(&claimscope(&["show", "kabulov-visit"]));
    assert!(
        text.contains("Date: June 2012 (2012-06; month, inferred)"),
        "{text}"
    );
    assert!(
        text.contains("The record (not the article): no date for it"),
        "{text}"
    );
}

#[test]
fn show_gives_a_claims_review_apart_from_the_article() {
    let text = stdout(&claimscope(&["show", "c34a"]));
    let article = text.find("Source: paragraph 17").expect("the source");
    let record = text
        .find("The record (not the article):")
        .expect("the record");
    assert!(article < record, "{text}");
    assert!(
        text.contains("Verdict: ✓ held, on the record to Sep 2025"),
        "{text}"
    );
    assert!(
        text.contains("Later: 24 Sep 2016 The first Pakistan-Russia joint military exercise"),
        "{text}"
    );
    assert!(text.contains("Dawn, 15 Oct 2024:"), "{text}");
}

#[test]
fn show_works_on_the_records_own_ids() {
    let text = stdout(&claimscope(&["show", "review-rescheduling"]));
    assert!(
        text.starts_with("review review-rescheduling · ✓ held · as known in Oct 2012"),
        "{text}"
    );
    assert!(text.contains("c07b"), "{text}");
    let text = stdout(&claimscope(&["show", "sco-full-membership-2017"]));
    assert!(
        text.starts_with("later event sco-full-membership-2017 · 9 Jun 2017"),
        "{text}"
    );
    assert!(text.contains("from the record, not the article"), "{text}");
    assert!(text.contains("Bears on (the article):"), "{text}");
    let text = stdout(&claimscope(&["show", "app-2017-06-09-sco-full-member"]));
    assert!(
        text.starts_with(
            "source app-2017-06-09-sco-full-member · Associated Press of Pakistan · 9 Jun 2017"
        ),
        "{text}"
    );
    assert!(
        text.contains("later event sco-full-membership-2017"),
        "{text}"
    );
    assert!(
        text.contains("the record of event pakistan-sco-bid"),
        "{text}"
    );
    let text = stdout(&claimscope(&["show", "nation-2011-06-13-sco-membership"]));
    assert!(
        text.contains("review review-sco-bid · held on c22c"),
        "{text}"
    );
}

#[test]
fn search_finds_the_record_by_kind_and_verdict() {
    let out = claimscope(&["search", "verdict:failed"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    // The failed review, and the claim it judges.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("review") && l.contains("review-arms-sales")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("claim") && l.contains("c27b")),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.contains("c34a")), "{lines:?}");

    let text = stdout(&claimscope(&["search", "druzhba", "in:later"]));
    assert!(text.lines().count() >= 1, "{text}");
    assert!(text.lines().all(|l| l.starts_with("later")), "{text}");

    let text = stdout(&claimscope(&["search", "mi35", "--kind", "source"]));
    assert!(text.contains("tribune-2014-06-10-mi35"), "{text}");

    let out = claimscope(&["search", "verdict:hled"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `verdict:held`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_brief_has_a_section_on_what_happened_next() {
    let out = claimscope(&["export", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let model = Model::bundled().expect("bundled");
    let next = text
        .split("## What happened next")
        .nth(1)
        .expect("the section");
    // Every review is a row of the verdicts table, forecasts first.
    let verdicts = next.split("### Verdicts").nth(1).expect("verdicts");
    let rows: Vec<&str> = verdicts.lines().filter(|l| l.starts_with("| c")).collect();
    assert_eq!(rows.len(), model.reviews.len());
    let first_fact = rows
        .iter()
        .position(|r| !r.contains("forecast"))
        .expect("a fact");
    assert!(
        rows[first_fact..]
            .iter()
            .all(|r| !r.contains("| forecast |")),
        "{rows:#?}"
    );
    // The sources are numbered in model order, and the tables cite them by number.
    let sources = next.split("### Sources").nth(1).expect("sources");
    for (n, source) in model.sources.iter().enumerate() {
        assert!(
            sources.contains(&format!("{}. {}, ", n + 1, source.publisher)),
            "source {} is not numbered {}",
            source.id,
            n + 1
        );
    }
    assert!(
        verdicts.contains("[1]") || verdicts.contains("[2]"),
        "{verdicts}"
    );
    // The article's dates beside the record's, the contradiction marked.
    assert!(
        next.contains(
            "| Zardari visits Russia | “in May” | May 2012 | **May 2011** (contradicts) |"
        ),
        "{next}"
    );
}
