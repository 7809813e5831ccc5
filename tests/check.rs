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
    assert!(out.ends_with("1 problem\n"), "{out}");
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
        out.ends_with("1 problem\n"),
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
        report.ends_with("20000 problems\n"),
        "{}",
        &report[report.len() - 200..]
    );
}
