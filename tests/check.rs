//! `claimscope check` on every kind of bad model, through the real binary: the message,
//! the FILE:LINE:COL it points at, and the exit code.

mod common;

use claimscope::model::BUNDLED_MODEL;
use common::{Scratch, arg, claimscope, line_of, mutate, stderr, stdout};

/// Checks `content` as a file and returns the exit code and standard output.
fn check(scratch: &Scratch, content: &[u8]) -> (Option<i32>, String, String) {
    let path = scratch.file("model.toml", content);
    let out = claimscope(&["check", arg(&path)]);
    (out.status.code(), stdout(&out), stderr(&out))
}

/// Asserts a report line `FILE:LINE:COL: error: ...message...` for the scratch file.
fn assert_reported(scratch: &Scratch, report: &str, line: usize, column: usize, message: &str) {
    let path = scratch.0.join("model.toml");
    let prefix = format!("{}:{line}:{column}: error: ", arg(&path));
    let found = report
        .lines()
        .any(|l| l.starts_with(&prefix) && l.contains(message));
    assert!(found, "no `{prefix}…{message}…` in:\n{report}");
}

#[test]
fn malformed_toml() {
    let scratch = Scratch::new("check-malformed");
    let text = mutate("[article]\n", "[article\n");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "[article\n"),
        9,
        "invalid TOML",
    );
}

#[test]
fn unknown_key() {
    let scratch = Scratch::new("check-unknown");
    let text = mutate(
        "title = \"Kabulov visits Pakistan\"\n",
        "title = \"Kabulov visits Pakistan\"\ntitel = \"typo\"\n",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "titel"),
        1,
        "event `kabulov-visit`: unknown key `titel`; did you mean `title`?",
    );
}

#[test]
fn dangling_reference() {
    let scratch = Scratch::new("check-dangling");
    let text = mutate("parent = \"india-drifts\"", "parent = \"india-drfits\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "india-drfits"),
        10,
        "argument `nuclear-benefit`: no argument has the id `india-drfits`; did you mean `india-drifts`?",
    );
}

#[test]
fn misquote() {
    let scratch = Scratch::new("check-misquote");
    let text = mutate(
        "quote = \"Moscow needs new buyers\"",
        "quote = \"Moscow needs new customers\"",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "new customers"),
        9,
        "claim `c30c`: the quote is not verbatim in sentence `s30`: it matches up to \"Moscow needs new \"",
    );
}

#[test]
fn duplicate_id() {
    let scratch = Scratch::new("check-duplicate");
    // Gazprom comes before Dassault in the file: renamed, it takes the id first, and the
    // real Dassault is the duplicate.
    let text = mutate("id = \"gazprom\"", "id = \"dassault\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    let second = text
        .rfind("id = \"dassault\"")
        .map_or(0, |at| text[..at].matches('\n').count() + 1);
    assert!(second > line_of(&text, "id = \"dassault\""));
    assert_reported(
        &scratch,
        &out,
        second,
        6,
        "actor `dassault`: duplicate id `dassault`: an earlier actor has it",
    );
}

#[test]
fn control_character() {
    let scratch = Scratch::new("check-control");
    let text = mutate("name = \"Gazprom\"", "name = \"Gaz\\u001b[31mprom\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "name = \"Gaz"),
        8,
        "actor `gazprom`: `name` holds a control character U+001B",
    );
    // A raw control character in the file is a TOML error, echoed escaped.
    let raw = mutate("name = \"Gazprom\"", "name = \"Gaz\u{1b}[31mprom\"");
    let (code, out, _) = check(&scratch, raw.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        !out.contains('\u{1b}'),
        "an escape reached the terminal: {out:?}"
    );
    assert!(out.contains("\\u{1b}[31m"), "{out}");
}

#[test]
fn bidirectional_override() {
    let scratch = Scratch::new("check-bidi");
    let text = mutate("name = \"Dassault\"", "name = \"Dass\u{202e}ault\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "name = \"Dass"),
        8,
        "actor `dassault`: `name` holds a bidirectional formatting character U+202E",
    );
    assert!(
        !out.contains('\u{202e}'),
        "the override reached the terminal"
    );
    assert!(out.contains("\\u{202e}"), "{out}");
}

#[test]
fn bidi_and_c1_characters_in_comments() {
    // Trojan Source: a right-to-left override and an isolate in comments make an editor
    // show the lines around them in another order; a raw C1 CSI is an escape sequence to
    // some terminals. TOML allows all three in a comment.
    let scratch = Scratch::new("check-comment");
    let text = mutate(
        "# Sentences, in reading order.",
        "# Sentences\u{202e}, in \u{2066}reading\u{9b}2J order.",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1), "{out}");
    let line = line_of(&text, "# Sentences");
    // Columns count characters: `# Sentences` is 11, then `, in ` is 5 more.
    for (column, what) in [
        (12, "bidirectional formatting character U+202E"),
        (18, "bidirectional formatting character U+2066"),
        (26, "control character U+009B"),
    ] {
        assert_reported(
            &scratch,
            &out,
            line,
            column,
            &format!("a comment holds a {what}, which a model may not contain"),
        );
    }
    assert_eq!(out.matches("a comment holds").count(), 3, "{out}");
    for c in ['\u{202e}', '\u{2066}', '\u{9b}'] {
        assert!(!out.contains(c), "{c:?} reached the terminal: {out:?}");
    }
    // Other characters beyond ASCII are welcome in a comment, and a `#` in a string does
    // not start one.
    let text = mutate(
        "# Sentences, in reading order.",
        "# Sentences — “in reading order”, née 中文 👍.",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_key_of_too_many_dotted_parts_is_reported_where_it_is() {
    // The TOML parser stops at 80 parts with an error that has no location, which was
    // reported at 1:1 with no caret.
    let scratch = Scratch::new("check-dotted");
    let header = vec!["a"; 200].join(".");
    let text = format!("schema = 1\n\n\n\n\n\n[{header}]\nx = 1\n");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1), "{out}");
    // Line 7, the header's name starting in column 2.
    assert_reported(&scratch, &out, 7, 2, "a key has more than 64 dotted parts");
    assert!(out.contains("\n  |  ^\n"), "a caret under column 2:\n{out}");
    assert!(!out.contains("recursion limit"), "{out}");
}

#[test]
fn empty_file() {
    let scratch = Scratch::new("check-empty");
    for content in [&b""[..], b"\n\n   \n"] {
        let (code, out, _) = check(&scratch, content);
        assert_eq!(code, Some(1));
        assert_reported(&scratch, &out, 1, 1, "the file is empty");
    }
}

#[test]
fn binary_garbage() {
    let scratch = Scratch::new("check-garbage");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (code, out, err) = check(&scratch, &garbage);
    assert_eq!(code, Some(2), "not UTF-8 is a file that cannot be read");
    assert!(out.is_empty());
    assert!(err.contains(": error: the file is not UTF-8 text"), "{err}");
    // Valid UTF-8 that is not TOML at all is an invalid model.
    let (code, out, _) = check(&scratch, "\u{0}\u{1}\u{2} not toml ]]][[[".as_bytes());
    assert_eq!(code, Some(1));
    assert!(out.contains(":1:") && out.contains("invalid TOML"), "{out}");
    assert!(!out.contains('\u{0}') && !out.contains('\u{1}'), "{out:?}");
}

#[test]
fn missing_file_and_directory() {
    let scratch = Scratch::new("check-missing");
    let missing = scratch.0.join("nope.toml");
    let out = claimscope(&["check", arg(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{}: cannot read the file", arg(&missing))),
        "{}",
        stderr(&out)
    );
    let out = claimscope(&["check", arg(&scratch.0)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

#[test]
fn every_problem_at_once_with_a_count_and_the_worst_exit_code() {
    let scratch = Scratch::new("check-many");
    let text = mutate(
        "quote = \"Moscow needs new buyers\"",
        "quote = \"Moscow needs no buyers\"",
    )
    .replacen("trend = \"steady\"", "trend = \"frosty\"", 1)
    .replacen("date = \"2012-06\"", "date = \"2012-6\"", 1);
    let bad = scratch.file("bad.toml", text.as_bytes());
    let good = scratch.file("good.toml", BUNDLED_MODEL.as_bytes());
    let out = claimscope(&["check", arg(&good), arg(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert!(
        report.starts_with(&format!("{}: ok:", arg(&good))),
        "{report}"
    );
    let errors = report.lines().filter(|l| l.starts_with(arg(&bad))).count();
    assert_eq!(errors, 3, "{report}");
    assert!(
        report
            .trim_end()
            .ends_with(&format!("error: {}: 3 errors", arg(&bad))),
        "{report}"
    );
    let missing = scratch.0.join("missing.toml");
    let out = claimscope(&["check", arg(&good), arg(&bad), arg(&missing)]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file that cannot be read is the worst"
    );
}

#[test]
fn the_offending_line_is_shown_cut_and_escaped_with_a_caret() {
    let scratch = Scratch::new("check-long");
    let long = format!(
        "summary = \"{}\\u0007{}\"",
        "x".repeat(3000),
        "y".repeat(3000)
    );
    let text = mutate(
        "summary = \"Russia's Gazprom wants to invest in the Turkmenistan-Afghanistan-Pakistan-India gas pipeline.\"",
        &long,
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    let line = line_of(&text, "summary = \"xxx");
    assert_reported(
        &scratch,
        &out,
        line,
        11,
        "`summary` holds a control character U+0007",
    );
    let shown = out
        .lines()
        .find(|l| l.contains(&format!("{line} | summary")))
        .expect("the source line");
    assert!(
        shown.chars().count() < 130,
        "not cut: {} chars",
        shown.chars().count()
    );
    assert!(shown.ends_with('…'), "{shown}");
    let caret = out
        .lines()
        .skip_while(|l| !l.contains(&format!("{line} | summary")))
        .nth(1)
        .unwrap_or_default();
    assert!(
        caret.trim_start_matches(' ').starts_with("| ") && caret.contains('^'),
        "{caret}"
    );
}

#[test]
fn two_actors_with_one_name() {
    let scratch = Scratch::new("check-same-name");
    let text = mutate("name = \"Russia\"", "name = \"Pakistan\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "id = \"russia\"") + 1,
        8,
        "the name `Pakistan` is also actor `pakistan`'s",
    );
}

#[test]
fn a_paragraph_number_past_the_largest_is_one_problem() {
    let scratch = Scratch::new("check-huge-paragraph");
    let text = mutate("paragraph = 1\n", "paragraph = 4294967296\n");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "4294967296"),
        13,
        "`paragraph` must be from 1 to 4294967295, not 4294967296",
    );
    // The unread sentence is not also blamed on the numbering of the ones after it.
    assert!(out.ends_with("1 error\n"), "{out}");
}

#[test]
fn an_argument_map_nested_too_deep() {
    let scratch = Scratch::new("check-deep");
    let mut text = BUNDLED_MODEL.to_string();
    let mut parent = "watching".to_string();
    for level in 0..70 {
        text.push_str(&format!(
            "\n[[arguments]]\nid = \"deep{level}\"\nrole = \"reason\"\ntitle = \"Level {level}\"\n\
             parent = \"{parent}\"\nstance = \"supports\"\nclaims = [\"c48a\"]\n"
        ));
        parent = format!("deep{level}");
    }
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    // `watching` is one level below the thesis, so `deep63` is the 65th.
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "parent = \"deep62\""),
        10,
        "`deep63` is more than 64 levels below the thesis",
    );
    assert!(
        out.ends_with("1 error\n"),
        "one report for the whole branch: {out}"
    );
}

#[test]
fn tens_of_thousands_of_problems_are_all_reported_without_a_stall() {
    let scratch = Scratch::new("check-twenty-thousand");
    let start = BUNDLED_MODEL
        .find("[[claims]]\nid = \"c48a\"")
        .expect("c48a");
    let block = &BUNDLED_MODEL[start..];
    let block = &block[..block.find("\n\n").expect("end of the claim") + 1];
    let mut text = BUNDLED_MODEL.to_string();
    for _ in 0..20_000 {
        text.push('\n');
        text.push_str(block);
    }
    let path = scratch.file("model.toml", text.as_bytes());
    // Run on a thread so that a stall fails the test instead of hanging the suite. The
    // limit is far above the time the check takes; it is a hang guard, not a speed test.
    let (done, wait) = std::sync::mpsc::channel();
    let argument = arg(&path).to_string();
    std::thread::spawn(move || {
        let _ = done.send(claimscope(&["check", &argument]));
    });
    let out = wait
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("check finishes");
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert_eq!(report.matches("duplicate id `c48a`").count(), 20_000);
    assert!(
        report.ends_with("20000 errors and 20000 warnings\n"),
        "{}",
        &report[report.len() - 200..]
    );
}

/// Asserts a report line `FILE:LINE:COL: warning: ...message...` for the scratch file.
fn assert_warned(scratch: &Scratch, report: &str, line: usize, column: usize, message: &str) {
    let path = scratch.0.join("model.toml");
    let prefix = format!("{}:{line}:{column}: warning: ", arg(&path));
    let found = report
        .lines()
        .any(|l| l.starts_with(&prefix) && l.contains(message));
    assert!(found, "no `{prefix}…{message}…` in:\n{report}");
}

#[test]
fn a_misspelt_word_gets_the_closest_one_suggested() {
    let scratch = Scratch::new("check-misspelt-word");
    let text = mutate(
        "kind = \"forecast\"\nsentence = \"s38\"",
        "kind = \"forcast\"\nsentence = \"s38\"",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "\"forcast\""),
        8,
        "claim `c38a`: `kind` is `forcast`, which is not one of `fact`, `assessment`, `forecast` or `position`; did you mean `forecast`?",
    );
    // A misspelt stance is not also reported as a missing one.
    let text = mutate(
        "parent = \"limits\"\nstance = \"qualifies\"",
        "parent = \"limits\"\nstance = \"qualifys\"",
    );
    let (_, out, _) = check(&scratch, text.as_bytes());
    assert!(out.contains("did you mean `qualifies`?"), "{out}");
    assert!(!out.contains("missing key `stance`"), "{out}");
    assert!(out.ends_with("1 error\n"), "{out}");
}

#[test]
fn a_bad_value_does_not_hide_the_other_problems_of_its_item() {
    let scratch = Scratch::new("check-one-run");
    // A bad date and a dangling actor in the same event: both in one run.
    let text = mutate(
        "date = \"2012-06\"\ndate_basis = \"inferred\"",
        "date = \"2012-13\"\ndate_basis = \"inferred\"",
    )
    .replacen(
        "actors = [\"zamir-kabulov\", \"russia\", \"pakistan\"]\nclaims = [\"c11b\"]",
        "actors = [\"zamir-kabulov\", \"rusia\", \"pakistan\"]\nclaims = [\"c11b\"]",
        1,
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "\"2012-13\""),
        8,
        "event `kabulov-visit`: `date`: invalid date `2012-13`",
    );
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "\"rusia\""),
        28,
        "event `kabulov-visit`: no actor has the id `rusia`; did you mean `russia`?",
    );
    assert!(out.ends_with("2 errors\n"), "{out}");
}

#[test]
fn a_table_that_is_not_toml_does_not_hide_the_rest_of_the_file() {
    let scratch = Scratch::new("check-broken-table");
    let text = mutate(
        "title = \"Zardari visits Russia\"",
        "title = \"Zardari visits Russia",
    )
    .replacen(
        "actors = [\"india\", \"dassault\", \"france\"]\n\n[[claims]]",
        "actors = [\"india\", \"dasault\", \"france\"]\n\n[[claims]]",
        1,
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "title = \"Zardari visits Russia"),
        31,
        "invalid TOML",
    );
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "\"dasault\""),
        20,
        "claim `c32a`: no actor has the id `dasault`",
    );
    // The broken event's claim ids are not reported as dangling, nor its claim as
    // reporting nothing, nor the sentences as uncovered: what is missing may be in it.
    assert!(!out.contains("zardari-visit"), "{out}");
    assert!(!out.contains("no claim"), "{out}");
}

#[test]
fn curation_slips_are_warnings_that_deny_warnings_turns_into_errors() {
    let scratch = Scratch::new("check-warnings");
    // The quote names Russia's president, but the claim does not list him.
    let text = mutate(
        "quote = \"a cancelled trip to Pakistan by Russia's president\"\nactors = [\"vladimir-putin\", \"russia\", \"pakistan\"]",
        "quote = \"a cancelled trip to Pakistan by Russia's president\"\nactors = [\"russia\", \"pakistan\"]",
    )
    // The text says "always" where the quote does not.
    .replacen(
        "text = \"Russia is constrained in what it can do.\"",
        "text = \"Russia is always constrained in what it can do.\"",
        1,
    )
    // Two claims of one sentence with one quote.
    .replacen(
        "quote = \"Pakistan's needs are huge\"",
        "quote = \"Russia is constrained in what it can do\"",
        1,
    );
    let path = scratch.file("model.toml", text.as_bytes());
    let out = claimscope(&["check", arg(&path)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone leave a model valid"
    );
    let report = stdout(&out);
    assert_warned(
        &scratch,
        &report,
        line_of(
            &text,
            "actors = [\"russia\", \"pakistan\"]\n\n[[claims]]\nid = \"c02b\"",
        ),
        10,
        "claim `c02a`: the quote names “Russia's president” (actor `vladimir-putin`), who is not in `actors`",
    );
    assert_warned(
        &scratch,
        &report,
        line_of(&text, "Russia is always constrained"),
        8,
        "claim `c37a`: the text says “always” but the quote does not",
    );
    let earlier = line_of(&text, "quote = \"Russia is constrained in what it can do\"");
    let second = text
        .match_indices("quote = \"Russia is constrained in what it can do\"")
        .nth(1)
        .map(|(i, _)| text[..i].matches('\n').count() + 1)
        .expect("the second quote");
    assert_warned(
        &scratch,
        &report,
        second,
        9,
        &format!(
            "claim `c37b`: the same quote as claim `c37a` of the same sentence; quote the words each proposition rests on, or make them one claim (at line {earlier})"
        ),
    );
    // The moved quote names Russia, whom c37b does not list.
    assert_warned(
        &scratch,
        &report,
        second + 1,
        10,
        "claim `c37b`: the quote names “Russia” (actor `russia`), who is not in `actors`",
    );
    assert!(
        report.contains("| actors = [\"russia\", \"pakistan\"]"),
        "{report}"
    );
    assert!(report.trim_end().ends_with("(4 warnings)"), "{report}");

    let out = claimscope(&["check", "--deny-warnings", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).trim_end().ends_with("(4 warnings)"));
}

#[test]
fn the_bundled_model_and_the_fixture_have_no_warnings() {
    let out = claimscope(&["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("warning"), "{}", stdout(&out));
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/riverton.toml");
    let out = claimscope(&["check", "--deny-warnings", fixture]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_bundled_model_is_named_as_bundled_wherever_check_runs() {
    // Run from a directory with no assets/ in it, as after `cargo install`.
    let scratch = Scratch::new("check-elsewhere");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .arg("check")
        .current_dir(&scratch.0)
        .env("NO_COLOR", "1")
        .env("CLAIMSCOPE_NO_CACHE", "1")
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.starts_with("the bundled model (pakistan-russia-2012.toml): ok: 49 sentences"),
        "{report}"
    );
    assert!(
        !report.contains("assets/"),
        "no path that is not there: {report}"
    );
}

#[test]
fn a_json_export_is_named_as_json_not_reported_line_by_line() {
    let scratch = Scratch::new("check-json-input");
    let export = claimscope(&["export", "--format", "json"]);
    assert!(export.status.success());
    let (code, out, _) = check(&scratch, &export.stdout);
    assert_eq!(code, Some(1));
    assert_eq!(
        out.lines().filter(|l| l.contains(": error: ")).count(),
        1,
        "{out}"
    );
    assert_reported(&scratch, &out, 1, 1, "the file is JSON, not TOML");
}

#[test]
fn a_file_that_is_not_toml_gets_its_first_fifty_errors_and_a_count() {
    let scratch = Scratch::new("check-not-toml");
    let text: String = (0..3000).map(|n| format!("word{n} more words\n")).collect();
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 51, "fifty and the count: {}", errors.len());
    assert!(
        errors[0].ends_with("3000 TOML syntax errors, the first 50 below; is this a model file?"),
        "{}",
        errors[0]
    );
    assert!(
        errors[50].contains(":50:"),
        "the fiftieth line: {}",
        errors[50]
    );
}

/// The bundled article drafted by `new`, its placeholders filled or not.
fn drafted(filled: bool) -> String {
    use claimscope::model::BUNDLED_ARTICLE;
    use claimscope::model::draft::draft;
    let text = draft(BUNDLED_ARTICLE, "x", "article")
        .expect("drafts")
        .to_toml();
    if !filled {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        let filled = match line.split_once(" = \"TO FILL") {
            Some(("published", _)) => "published = \"2012-10\"".to_string(),
            Some(("published_basis", _)) => "published_basis = \"stated\"".to_string(),
            Some((key, _)) => format!("{key} = \"Filled in\""),
            None => line.to_string(),
        };
        out.push_str(&filled);
        out.push('\n');
    }
    out
}

#[test]
fn a_draft_s_coverage_is_one_line_and_a_rule_held_off_says_so() {
    let scratch = Scratch::new("check-coverage");
    // Placeholders still to fill: they are reported, and the coverage rules wait, saying so.
    let (code, out, _) = check(&scratch, drafted(false).as_bytes());
    assert_eq!(code, Some(1));
    assert!(out.contains("is still to be filled"), "{out}");
    let note = out
        .lines()
        .find(|l| l.starts_with("note: "))
        .unwrap_or_default();
    assert!(
        note.contains("not checked yet: that every sentence carries a claim"),
        "{out}"
    );
    assert!(!out.contains("with no claim"), "{out}");

    // Filled: every sentence still lacks a claim, said in one line, not a block each.
    let (code, out, _) = check(&scratch, drafted(true).as_bytes());
    assert_eq!(code, Some(1));
    let unclaimed = drafted(true).matches("role = \"body\"").count()
        + drafted(true).matches("role = \"headline\"").count()
        + drafted(true).matches("role = \"standfirst\"").count();
    let line = format!("{unclaimed} sentences have no claim yet: `claimscope progress ");
    assert!(
        out.lines()
            .any(|l| l.starts_with("error: ") && l.contains(&line)),
        "{out}"
    );
    assert!(
        !out.contains("with no claim;"),
        "no block a sentence:\n{out}"
    );
    assert!(out.ends_with(&format!("{unclaimed} errors\n")), "{out}");
    // For tools, each is still its own object.
    let path = scratch.file("filled.toml", drafted(true).as_bytes());
    let json = claimscope(&["check", "--format", "json", arg(&path)]);
    let objects = stdout(&json)
        .lines()
        .filter(|l| l.contains("with no claim;"))
        .count();
    assert_eq!(objects, unclaimed);
}

#[test]
fn a_quote_pasted_with_a_curly_apostrophe_is_told_so_where_it_is() {
    let scratch = Scratch::new("check-typographic");
    let plain = "quote = \"Gen Ashfaq Parvez Kayani, Pakistan's army chief of staff, visited Moscow this month\"";
    let text = mutate(plain, &plain.replace("Pakistan's", "Pakistan’s"));
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "Pakistan’s army"),
        9,
        "claim `c04a`: the quote is not verbatim in sentence `s04`: it matches if ’ is read as ' (the first at character 35 of the quote)",
    );
}

#[test]
fn check_watch_checks_again_at_each_save() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let scratch = Scratch::new("check-watch");
    let path = scratch.file("model.toml", BUNDLED_MODEL.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(["check", "--watch", arg(&path)])
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let out = child.stdout.take().expect("its output");
    let (send, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut wait_for = |want: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(line) = lines.recv_timeout(Duration::from_millis(100)) {
                let found = line.contains(want);
                seen.push(line);
                if found {
                    return;
                }
            }
        }
        panic!("never printed {want:?}: {seen:#?}");
    };
    wait_for("ok: 49 sentences");
    wait_for("[check 1, exit 0: watching the file for saves; Ctrl-c stops]");
    let broken = BUNDLED_MODEL.replacen("sentence = \"s06\"", "sentence = \"s-none\"", 1);
    std::fs::write(&path, broken).expect("save");
    wait_for("no sentence has the id `s-none`");
    wait_for("[check 2, exit 1:");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_word_without_quotes_is_told_to_take_them() {
    let scratch = Scratch::new("check-bare-word");
    let text = mutate(
        "kind = \"forecast\"\nsentence = \"s38\"",
        "kind = forecast\nsentence = \"s38\"",
    );
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        out.contains("; text is written in quotes: \"forecast\""),
        "{out}"
    );
    // A show of a file without --data is told how.
    let path = scratch.file("model.toml", BUNDLED_MODEL.as_bytes());
    let out = claimscope(&["show", arg(&path), "c01a"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("with --data, as in: claimscope --data"),
        "{}",
        stderr(&out)
    );
}
