//! `claimscope progress`: what is left to do, from a fresh draft down to the bundled model,
//! where it reaches zero.

mod common;

use claimscope::model::progress::Progress;
use claimscope::model::{BUNDLED_MODEL, Model, ModelFile, survey_str};
use common::{Scratch, arg, claimscope, line_of, mutate, stderr, stdout};

fn progress_of(text: &str) -> Progress {
    let source = ModelFile {
        name: "m.toml".into(),
        text: text.to_string(),
    };
    Progress::of(&survey_str(&source).expect("a model to survey"))
}

/// The bundled article's draft, as `new` prints it.
fn drafted() -> String {
    let out = claimscope(&["new", "assets/pakistan-russia-2012.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The draft with its five placeholders filled.
fn filled(draft: &str) -> String {
    let mut text = draft.to_string();
    for (key, value) in [
        ("author", "\"Harsh V Pant\""),
        ("author_note", "\"A reader\""),
        ("published", "\"2012-10\""),
        ("published_basis", "\"stated\""),
        ("title", "\"Closer\""),
    ] {
        let start = text
            .find(&format!("\n{key} = \"TO FILL"))
            .expect("the placeholder")
            + key.len()
            + 4;
        let end = start + text[start..].find('\n').expect("its line ends");
        text.replace_range(start..end, value);
    }
    text
}

#[test]
fn the_bundled_model_has_nothing_left() {
    let model = Model::bundled().expect("bundled");
    let out = claimscope(&["progress"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let carrying = model
        .sentences
        .iter()
        .filter(|s| s.role.carries_claims())
        .count();
    assert_eq!(
        carrying, 47,
        "49 sentences less the boilerplate and the byline"
    );
    for line in [
        "Placeholders still to fill: 0".to_string(),
        format!("Sentences with no claim: 0 of {carrying}"),
        format!("Claims in no argument node: 0 of {}", model.claims.len()),
        "Names the text repeats that no actor lists (suggestions, not counted): 0".to_string(),
    ] {
        assert!(text.lines().any(|l| l == line), "no `{line}` in\n{text}");
    }
    assert_eq!(
        text.lines().last(),
        Some("the bundled model (pakistan-russia-2012.toml): 0% left: nothing to do")
    );
}

#[test]
fn a_fresh_draft_lists_its_placeholders_and_sentences_and_is_all_left() {
    let scratch = Scratch::new("progress-draft");
    let draft = drafted();
    let path = scratch.file("draft.toml", draft.as_bytes());
    let out = claimscope(&["progress", arg(&path)]);
    assert_eq!(out.status.code(), Some(1), "work is left: {}", stderr(&out));
    let text = stdout(&out);
    for (key, what) in [
        ("author = ", "[article] author"),
        ("published = ", "[article] published"),
        ("title = \"TO FILL", "argument `thesis` title"),
    ] {
        let line = format!(
            "  line {}: {what} is still to be filled",
            line_of(&draft, key)
        );
        assert!(text.lines().any(|l| l == line), "no `{line}` in\n{text}");
    }
    assert!(text.contains("Placeholders still to fill: 5\n"), "{text}");
    assert!(
        text.contains("Sentences with no claim: 47 of 47\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  s07  paragraph 2: That meeting, too, is to be rescheduled.\n"),
        "{text}"
    );
    // The boilerplate (s03) and the byline (s49) need no claim.
    assert!(
        !text.contains("  s03  ") && !text.contains("  s49  "),
        "{text}"
    );
    // "Mr Putin" opens s06 and s21 of the article; no actor lists it yet.
    assert!(text.contains("\n  Mr Putin (2 times)\n"), "{text}");
    let summary = format!("{}: 100% left (52 of 52 to do)", arg(&path));
    assert_eq!(text.lines().last(), Some(summary.as_str()));
}

#[test]
fn the_share_left_falls_as_the_work_is_done_and_reaches_zero() {
    let draft = drafted();
    let fresh = progress_of(&draft);
    let after_filling = progress_of(&filled(&draft));
    assert_eq!((fresh.left(), fresh.total()), (52, 52));
    assert_eq!((after_filling.left(), after_filling.total()), (47, 47));
    assert_eq!(after_filling.mistakes, 0);

    // One claim, on the headline, in the thesis: one sentence fewer left, one claim more
    // to do and done.
    let one_claim = filled(&draft)
        .replace("claims = []\nrelations = []", "relations = []")
        .replace(
            "title = \"Closer\"\nclaims = []",
            "title = \"Closer\"\nclaims = [\"c01a\"]\n\n[[claims]]\nid = \"c01a\"\ntext = \"Changes push the two together.\"\nkind = \"assessment\"\nsentence = \"s01\"\nquote = \"push Pakistan and Russia together\"\nactors = []",
        );
    let one = progress_of(&one_claim);
    assert_eq!(one.mistakes, 0);
    assert_eq!((one.left(), one.total()), (46, 48));
    assert!(one.percent_left() < after_filling.percent_left());

    // The finished model, with one claim taken out of the map and one review dropped.
    let model = Model::bundled().expect("bundled");
    let done = progress_of(BUNDLED_MODEL);
    assert_eq!((done.left(), done.percent_left()), (0, 0));
    let total = 47 + model.claims.len() + done.inferred + done.forecasts;
    assert_eq!(done.total(), total);
    let unmapped = mutate("claims = [\"c45a\", \"c45b\"", "claims = [\"c45b\"");
    let one_left = progress_of(&unmapped);
    let ids: Vec<&str> = one_left.unmapped.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["c45a"]);
    assert_eq!(one_left.percent_left(), 1, "1 of {total}, rounded up");
    assert_eq!(one_left.mistakes, 0);
}

#[test]
fn mistakes_check_finds_are_named_apart_from_the_work_left() {
    let scratch = Scratch::new("progress-mistake");
    let draft = drafted().replacen("role = \"headline\"", "role = \"headlin\"", 1);
    let path = scratch.file("draft.toml", draft.as_bytes());
    let out = claimscope(&["progress", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    let summary = format!(
        "{}: 100% left (52 of 52 to do); `check` finds 1 mistake besides",
        arg(&path)
    );
    assert_eq!(stdout(&out).lines().last(), Some(summary.as_str()));
}

#[test]
fn progress_on_what_is_not_a_model_says_why() {
    let scratch = Scratch::new("progress-bad");
    let missing = scratch.0.join("missing.toml");
    let out = claimscope(&["progress", arg(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the file"),
        "{}",
        stderr(&out)
    );
    let out = claimscope(&["progress", arg(&scratch.0)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    let empty = scratch.file("empty.toml", b"");
    let out = claimscope(&["progress", arg(&empty)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("the file is empty"),
        "{}",
        stdout(&out)
    );
    let latin1 = scratch.file("latin1.toml", b"schema = 1\n# caf\xe9\n");
    let out = claimscope(&["progress", arg(&latin1)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!(
            "{}:2:6: error: the file is not UTF-8",
            arg(&latin1)
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_model_with_no_record_owes_no_reviews_as_check_holds_it() {
    // The draft, filled, with one forecast claim and no record.
    let text = filled(&drafted()).replacen("claims = []\n", "", 1)
        + "\n[[claims]]\nid = \"c04a\"\ntext = \"Kayani went to Moscow.\"\nkind = \"forecast\"\nsentence = \"s04\"\nquote = \"visited Moscow this month\"\nactors = []\n";
    let progress = progress_of(&text);
    assert_eq!(progress.forecasts, 0, "no record, no review owed");
    let dir = Scratch::new("progress-no-record");
    let path = dir.file("m.toml", text.as_bytes());
    let out = stdout(&claimscope(&["progress", arg(&path)]));
    assert!(!out.contains("Forecasts with no review: 1"), "{out}");
}
