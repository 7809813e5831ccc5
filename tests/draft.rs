//! `claimscope new`: drafts from an article's text, held to the bundled model and the
//! fixture (curated by hand), to a table of hard cases, and to any text at all.

mod common;

use std::path::Path;

use claimscope::model::draft::{draft, paragraphs, sentences};
use claimscope::model::{
    BUNDLED_ARTICLE, Model, ModelFile, Sentence, SentenceRole, Word, check_str, load_file,
};
use common::{Scratch, arg, claimscope, line_of, stderr, stdout};
use proptest::prelude::*;

/// A sentence as the tests compare it: its paragraph, role and text, not its id.
fn shape(sentences: &[Sentence]) -> Vec<(u32, SentenceRole, String)> {
    sentences
        .iter()
        .map(|s| (s.paragraph, s.role, s.text.clone()))
        .collect()
}

/// The sentences of a model file's text, read with a TOML parser of its own.
fn sentences_in(toml_text: &str) -> Vec<(u32, SentenceRole, String)> {
    let table: toml::Table = toml_text.parse().expect("the draft is TOML");
    let items = table
        .get("sentences")
        .and_then(|s| s.as_array())
        .expect("a sentences array");
    items
        .iter()
        .map(|item| {
            let field = |key: &str| item.get(key).expect("a sentence key");
            let role = field("role").as_str().expect("a role");
            (
                u32::try_from(field("paragraph").as_integer().expect("a number")).expect("small"),
                SentenceRole::from_word(role).expect("a known role"),
                field("text").as_str().expect("text").to_string(),
            )
        })
        .collect()
}

fn fixture_text() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/riverton.txt")
}

#[test]
fn the_bundled_article_drafts_to_the_bundled_models_sentences() {
    let bundled = Model::bundled().expect("the bundled model loads");
    assert_eq!(bundled.sentences.len(), 49);
    let drafted = draft(BUNDLED_ARTICLE, "x", "article").expect("the article drafts");
    assert_eq!(shape(&drafted.sentences), shape(&bundled.sentences));
    assert_eq!(drafted.title, bundled.article.title);
    assert_eq!(
        drafted.standfirst.as_ref(),
        Some(&bundled.article.standfirst)
    );

    // The same through the binary, read back from what it prints.
    let out = claimscope(&["new", "assets/pakistan-russia-2012.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sentences_in(&stdout(&out)), shape(&bundled.sentences));
    assert!(stdout(&out).contains("\nid = \"pakistan-russia-2012\"\n"));
}

#[test]
fn the_fixtures_text_drafts_to_the_fixtures_sentences() {
    // The fixture was written as a model; its text file was made from its sentences,
    // paragraphs separated as the bundled article's are.
    let model = load_file(&common::fixture()).expect("the fixture loads");
    let out = claimscope(&["new", arg(&fixture_text()), "--id", "riverton-bridge"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sentences_in(&stdout(&out)), shape(&model.sentences));
    assert!(stdout(&out).contains("\nid = \"riverton-bridge\"\n"));
    assert!(stdout(&out).contains(&format!("\ntitle = \"{}\"\n", model.article.title)));
}

#[test]
fn a_draft_is_refused_by_check_once_for_each_placeholder_and_for_nothing_else() {
    let scratch = Scratch::new("draft-check");
    let out = claimscope(&["new", "assets/pakistan-russia-2012.txt"]);
    let text = stdout(&out);
    let path = scratch.file("draft.toml", text.as_bytes());
    let checked = claimscope(&["check", arg(&path)]);
    assert_eq!(checked.status.code(), Some(1));
    let report = stdout(&checked);
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
    let expected: Vec<String> = [
        ("author = ", "[article] author"),
        ("author_note = ", "[article] author_note"),
        ("published = ", "[article] published"),
        ("published_basis = ", "[article] published_basis"),
        ("title = \"TO FILL", "argument `thesis` title"),
    ]
    .iter()
    .map(|(line, what)| {
        let column = text
            .lines()
            .nth(line_of(&text, line) - 1)
            .map_or(0, |l| l.find('"').unwrap_or(0) + 1);
        format!(
            "{}:{}:{column}: error: {what} is still to be filled",
            arg(&path),
            line_of(&text, line)
        )
    })
    .collect();
    assert_eq!(errors, expected, "{report}");
    assert!(
        report.ends_with(&format!("error: {}: 5 errors\n", arg(&path))),
        "{report}"
    );

    // Filled, the draft is held to the rest: every sentence that carries claims needs one.
    let filled = text
        .replace(
            "\"TO FILL: who wrote it, as the article names them\"",
            "\"Harsh V Pant\"",
        )
        .replace(
            "\"TO FILL: who the author is, as the article says\"",
            "\"A reader\"",
        )
        .replace(
            "\"TO FILL: when it was published, as YYYY, YYYY-MM or YYYY-MM-DD\"",
            "\"2012-10\"",
        )
        .replace(
            "\"TO FILL: stated if the article gives the date in full, else inferred\"",
            "\"stated\"",
        )
        .replace(
            "\"TO FILL: the article's thesis, in a few words\"",
            "\"Closer\"",
        );
    assert!(
        !filled.contains("= \"TO FILL"),
        "every placeholder replaced"
    );
    let source = ModelFile {
        name: "filled.toml".into(),
        text: filled,
    };
    let Err(claimscope::model::LoadError::Invalid { diagnostics, .. }) = check_str(&source) else {
        panic!("a model with no claims is invalid");
    };
    // 49 sentences, less the boilerplate and the byline.
    assert_eq!(diagnostics.len(), 47);
    assert!(
        diagnostics
            .iter()
            .all(|d| d.todo && d.message.contains("sentence with no claim"))
    );
}

#[test]
fn text_that_cannot_be_drafted_is_refused_with_a_reason_and_exit_2() {
    let scratch = Scratch::new("draft-bad");
    let empty = scratch.file("empty.txt", b"");
    let blank = scratch.file("blank.txt", " \n\u{a0}\n\t\n".as_bytes());
    let binary = scratch.file("binary.txt", b"Head\n\x00\x01\x02\x03");
    let latin1 = scratch.file("latin1.txt", b"Head\n\nCaf\xe9 society.");
    let missing = scratch.0.join("missing.txt");
    let cases = [
        (
            arg(&empty).to_string(),
            "the file holds no text; nothing to draft".to_string(),
        ),
        (
            arg(&blank).to_string(),
            "the file holds no text; nothing to draft".to_string(),
        ),
        (
            format!("{}:2:1", arg(&binary)),
            "the file holds a NUL byte, so it is not plain text".to_string(),
        ),
        (
            format!("{}:3:4", arg(&latin1)),
            "the file is not UTF-8 text".to_string(),
        ),
        (
            arg(&missing).to_string(),
            "cannot read the file".to_string(),
        ),
        (arg(&scratch.0).to_string(), "is a directory".to_string()),
    ];
    for (path, words) in &cases {
        let file = path.split(':').next().unwrap_or(path);
        let out = claimscope(&["new", file]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(stdout(&out).is_empty(), "{path}");
        let message = stderr(&out);
        assert!(
            message.starts_with(&format!("claimscope: {path}: ")),
            "{message}"
        );
        assert!(message.contains(words), "{message}");
    }
    let out = claimscope(&[
        "new",
        "assets/pakistan-russia-2012.txt",
        "--id",
        "Not An Id",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`Not An Id` cannot be an id"),
        "{}",
        stderr(&out)
    );
}

/// Hard cases: each kind the issue names, with the split worked out by hand.
const HARD_CASES: &[(&str, &[&str])] = &[
    // Titles and honorifics, with and without a full stop.
    (
        "Mr Putin met Gen Ashfaq Parvez Kayani. Dr Rao agreed.",
        &["Mr Putin met Gen Ashfaq Parvez Kayani.", "Dr Rao agreed."],
    ),
    (
        "Mr. Putin met Gen. Kayani and Dr. Rao in Moscow. They talked.",
        &[
            "Mr. Putin met Gen. Kayani and Dr. Rao in Moscow.",
            "They talked.",
        ],
    ),
    // Initials.
    (
        "Harsh V Pant wrote it. Harsh V. Pant signed it. A. N. Example read it.",
        &[
            "Harsh V Pant wrote it.",
            "Harsh V. Pant signed it.",
            "A. N. Example read it.",
        ],
    ),
    // Abbreviations with full stops.
    (
        "The U.S. President spoke. Allies, e.g. France, agreed. So did the U.K. Government.",
        &[
            "The U.S. President spoke.",
            "Allies, e.g. France, agreed.",
            "So did the U.K. Government.",
        ],
    ),
    // Decimals and figures.
    (
        "Russia has a 24 per cent share. Growth was 3.5 per cent in 2012. 2013 was worse.",
        &[
            "Russia has a 24 per cent share.",
            "Growth was 3.5 per cent in 2012.",
            "2013 was worse.",
        ],
    ),
    (
        "It began on Oct. 2 at No. 10 Downing Street. It ended.",
        &["It began on Oct. 2 at No. 10 Downing Street.", "It ended."],
    ),
    // Quotations and brackets that end with the sentence.
    (
        "He said: \"It is over.\" Then he left. \"Why?\" she asked.",
        &[
            "He said: \"It is over.\"",
            "Then he left.",
            "\"Why?\" she asked.",
        ],
    ),
    (
        "(It was late.) Nobody came. “We will go.” Moscow agreed.",
        &[
            "(It was late.)",
            "Nobody came.",
            "“We will go.”",
            "Moscow agreed.",
        ],
    ),
    (
        "Even China has been circumspect about its \"all-weather friend\". Islamabad knows.",
        &[
            "Even China has been circumspect about its \"all-weather friend\".",
            "Islamabad knows.",
        ],
    ),
    // Ellipses: in a sentence, and ending one.
    (
        "He waited… and waited. It ended... Then came news.",
        &["He waited… and waited.", "It ended...", "Then came news."],
    ),
    // A list's number opens its item, and a figure ending a sentence still ends it.
    (
        "2. The second reason is money. It ran to 2. Then it stopped.",
        &[
            "2. The second reason is money.",
            "It ran to 2.",
            "Then it stopped.",
        ],
    ),
    // Questions and exclamations.
    (
        "Will it last? Nobody knows! Still, hope.",
        &["Will it last?", "Nobody knows!", "Still, hope."],
    ),
];

#[test]
fn hard_cases_split_as_a_reader_would() {
    for (text, expected) in HARD_CASES {
        let split: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(&split, expected, "{text}");
    }
}

#[test]
fn a_line_of_only_a_no_break_space_is_no_paragraph() {
    let text = "Head\n\nStand\n\nBody one. Body two.\n\u{a0}\nHarsh V Pant is a reader in studies";
    let parts = paragraphs(text);
    let shown: Vec<(&str, SentenceRole)> =
        parts.iter().map(|p| (p.text.as_str(), p.role)).collect();
    use SentenceRole::*;
    assert_eq!(
        shown,
        [
            ("Head", Headline),
            ("Stand", Standfirst),
            ("Body one. Body two.", Body),
            ("Harsh V Pant is a reader in studies", Byline)
        ]
    );
}

/// Pieces of text that make splitting hard, to build texts from.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Mr".to_string()),
        Just("Dr.".to_string()),
        Just("U.S.".to_string()),
        Just("e.g.".to_string()),
        Just("3.5".to_string()),
        Just("V.".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("!".to_string()),
        Just("…".to_string()),
        Just("...".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{2028}".to_string()),
        "[A-Z][a-z]{0,6}",
        "[a-z]{1,6}",
        "[0-9]{1,4}",
        any::<char>()
            .prop_filter("text, not control characters", |c| {
                c.is_whitespace() || !claimscope::model::is_forbidden_char(*c)
            })
            .prop_map(String::from),
    ]
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_drafts_sentences_give_back_the_text_but_its_whitespace(
        pieces in proptest::collection::vec(piece(), 1..80)
    ) {
        let text: String = pieces.concat();
        prop_assume!(!text.trim().is_empty() && !text.starts_with('\u{feff}'));
        // An invisible character the model would refuse where it stands (a zero-width
        // space, a byte-order mark mid-text) is refused by the draft, at its place.
        let drafted = match draft(&text, "x", "t") {
            Ok(drafted) => drafted,
            Err(e) if e.to_string().contains("an invisible character U+") => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        let model_text = drafted.to_toml();
        let read_back = sentences_in(&model_text);
        let joined: String = read_back.iter().map(|(_, _, s)| s.as_str()).collect();
        prop_assert_eq!(without_whitespace(&joined), without_whitespace(&text));
        for (_, _, sentence) in &read_back {
            prop_assert!(!sentence.is_empty() && sentence.trim() == sentence);
        }
        // The draft loads, and check refuses it only for what is left to do.
        let source = ModelFile { name: "draft.toml".into(), text: model_text };
        let problems = match check_str(&source) {
            Ok(checked) => checked.warnings,
            Err(claimscope::model::LoadError::Invalid { diagnostics, .. }) => diagnostics,
            Err(other) => return Err(TestCaseError::fail(other.to_string())),
        };
        for problem in problems.iter().filter(|d| d.is_error()) {
            prop_assert!(problem.todo, "{}", problem.message);
        }
    }
}

#[test]
fn an_invisible_character_is_refused_at_its_place() {
    // "Head", then a byte-order mark after "A zero" on line 2, column 7: at the start of
    // a file it is the encoding's mark and is dropped, in the text it is refused.
    let refused = draft("Head\nA zero\u{feff}width space. And more.\n", "x", "t")
        .map(|_| ())
        .map_err(|e| e.to_string());
    let message = refused.expect_err("a byte-order mark between letters");
    assert!(message.starts_with("t:2:7: "), "{message}");
    assert!(message.contains("U+FEFF"), "{message}");
    assert!(draft("\u{feff}Head\nA line. And more.\n", "x", "t").is_ok());
}

#[test]
fn the_refused_character_is_pointed_at_not_an_allowed_one_before_it() {
    // A lone zero-width space is allowed; the second of two in a row is refused. The
    // place is the second one's (line 2, column 11), not the first's.
    let text = "Head\nA\u{a0}b and c\u{200b}\u{200b}d. More.\n";
    let message = draft(text, "x", "t")
        .map(|_| ())
        .map_err(|e| e.to_string())
        .expect_err("two zero-width spaces in a row");
    assert!(message.starts_with("t:2:11: "), "{message}");
    assert!(
        message.contains("two zero-width characters in a row"),
        "{message}"
    );
}

#[test]
fn line_ends_of_every_kind_draft_the_same_sentences() {
    let unix = draft(BUNDLED_ARTICLE, "x", "article").expect("drafts");
    for (name, ends) in [("windows", "\r\n"), ("classic mac", "\r")] {
        let text = BUNDLED_ARTICLE.replace('\n', ends);
        let other = draft(&text, "x", "article").expect("drafts");
        assert_eq!(shape(&other.sentences), shape(&unix.sentences), "{name}");
    }
}

#[test]
fn new_warns_at_once_of_a_sentence_check_would_refuse_for_its_length() {
    let dir = Scratch::new("new-long");
    let text = format!("A headline\n\n{}end.\n", "word ".repeat(4000));
    let path = dir.file("long.txt", text.as_bytes());
    let out = claimscope(&["new", arg(&path)]);
    assert_eq!(out.status.code(), Some(0), "a warning, not a refusal");
    assert!(stdout(&out).contains("[[sentences]]"));
    let said = stderr(&out);
    assert!(
        said.contains("warning: sentence s02 is 20004 bytes long, over the 16384 check allows"),
        "{said}"
    );
    // A text within the limits gets no word.
    let path = dir.file("fine.txt", BUNDLED_ARTICLE.as_bytes());
    assert!(stderr(&claimscope(&["new", arg(&path)])).is_empty());
}
