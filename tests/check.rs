//! `claimscope check` on every kind of bad model, through the real binary: the message,
//! the FILE:LINE:COL it points at, and the exit code.

mod common;

use claimscope::model::BUNDLED_MODEL;
use common::{Scratch, arg, claimscope, line_of, stderr, stdout};

/// The bundled model with `from` (which must occur once) replaced by `to`.
fn mutate(from: &str, to: &str) -> String {
    assert_eq!(
        BUNDLED_MODEL.matches(from).count(),
        1,
        "`{from}` must occur once"
    );
    BUNDLED_MODEL.replacen(from, to, 1)
}

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
    let text = mutate("parent = \"india-first\"", "parent = \"india-frist\"");
    let (code, out, _) = check(&scratch, text.as_bytes());
    assert_eq!(code, Some(1));
    assert_reported(
        &scratch,
        &out,
        line_of(&text, "india-frist"),
        10,
        "argument `india-calm`: no argument has the id `india-frist`; did you mean `india-first`?",
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
            .ends_with(&format!("error: {}: 3 problems", arg(&bad))),
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
        "summary = \"A Russian company that wants to invest in the Turkmenistan-Afghanistan-Pakistan-India gas pipeline.\"",
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
