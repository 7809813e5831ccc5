//! The costs that grew faster than the model, held to a bound on work: each model below
//! made the old code do quadratic work (a pass over the article per alias, a rescan of the
//! sentence per character of a misquote).
//! The binary runs under a CPU-time limit (`ulimit -t`) far above what the linear code
//! needs and far below what the quadratic code took; a run over the limit is killed and
//! fails the test. No wall-clock time is measured.

mod common;

use std::process::{Command, Output};

use common::{Scratch, arg};

/// Runs the binary on `args` with at most `seconds` of CPU time.
fn bounded(seconds: u32, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -t {seconds}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_claimscope"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("CLAIMSCOPE_NO_CACHE", "1")
        .output()
        .expect("sh runs")
}

fn assert_within_bound(out: &Output, what: &str) {
    use std::os::unix::process::ExitStatusExt;
    assert!(
        out.status.signal().is_none(),
        "{what}: killed by signal {:?} (over the CPU bound)",
        out.status.signal()
    );
}

/// The synthetic model with its first actor given `extra` more aliases, each a word no
/// sentence holds.
fn with_aliases(claims: usize, extra: usize) -> String {
    let text = claimscope::corpus::generate(claims);
    let aliases: Vec<String> = (0..extra).map(|n| format!("\"Qzx{n}\"")).collect();
    text.replacen(
        "aliases = [\"Islamabad\"]",
        &format!("aliases = [\"Islamabad\", {}]", aliases.join(", ")),
        1,
    )
}

#[test]
fn many_aliases_cost_one_pass_over_the_article() {
    let scratch = Scratch::new("linear-aliases");
    // 10,000 sentences (some 1.4 MB of text) and 20,000 aliases: a pass per alias read
    // 28 GB; one pass for all reads the text once.
    let text = with_aliases(20_000, 20_000);
    assert!(text.contains("\"Qzx19999\""), "the aliases went in");
    let path = scratch.file("aliases.toml", text.as_bytes());
    let out = bounded(30, &["check", arg(&path)]);
    assert_within_bound(&out, "check with 20,000 aliases");
    let report = String::from_utf8_lossy(&out.stdout);
    let unused = report
        .lines()
        .filter(|l| l.contains("does not occur in any sentence"))
        .count();
    assert_eq!(
        unused, 20_000,
        "each alias the article does not use is named"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn misquotes_are_explained_in_one_scan_each() {
    let scratch = Scratch::new("linear-misquotes");
    // One sentence of 14,000 bytes, and 20,000 claims on it whose quotes follow its last
    // 146 characters and then go wrong: a rescan of the sentence per character read
    // 41 GB.
    let sentence: String = (0..2000).map(|n| format!("w{n:05} ")).collect();
    let sentence = sentence.trim_end().to_string();
    assert!(sentence.len() <= claimscope::model::MAX_TEXT_BYTES);
    let tail = &sentence[sentence.len() - 146..];
    assert!(tail.starts_with('w'), "{tail}");
    let wrong = format!("{tail} nowhere");
    let mut text = String::new();
    let mut first_text = true;
    for line in claimscope::corpus::generate(20_000).lines() {
        let line = if line.starts_with("text = \"") && first_text {
            first_text = false; // The first sentence's text: s0's.
            format!("text = \"{sentence}\"")
        } else if line.starts_with("sentence = \"") {
            "sentence = \"s0\"".to_string()
        } else if line.starts_with("quote = \"") {
            format!("quote = \"{wrong}\"")
        } else {
            line.to_string()
        };
        text.push_str(&line);
        text.push('\n');
    }
    let path = scratch.file("misquotes.toml", text.as_bytes());
    let out = bounded(30, &["check", arg(&path)]);
    assert_within_bound(&out, "check with 20,000 misquotes of a long sentence");
    let report = String::from_utf8_lossy(&out.stdout);
    let explained = report
        .lines()
        .filter(|l| l.contains(&format!("it matches up to \"{}", &tail[..20])))
        .count();
    assert_eq!(explained, 20_000, "each misquote explained");
}

#[test]
fn the_annotations_export_is_linear_and_its_contexts_bounded() {
    let scratch = Scratch::new("linear-annotations");
    // 20,000 claims: 12 s of quadratic work before; well under a second now.
    let model = scratch.file("big.toml", claimscope::corpus::generate(20_000).as_bytes());
    let out = bounded(
        8,
        &["--data", arg(&model), "export", "--format", "annotations"],
    );
    assert_within_bound(&out, "annotations at 20,000 claims");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every sentence the same words: a context made unique by widening would grow to the
    // whole text for each (609 MB); bounded, it stays in proportion to the model.
    let same: String = claimscope::corpus::generate(6_000)
        .lines()
        .map(|line| {
            if line.starts_with("text = \"") {
                "text = \"The same words are said once again here.\"".to_string()
            } else if line.starts_with("quote = \"") {
                "quote = \"same words\"".to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let model = scratch.file("same.toml", same.as_bytes());
    let args = [
        "--data",
        arg(&model),
        "export",
        "--format",
        "annotations",
        "--allow-problems",
    ];
    let out = bounded(8, &args);
    assert_within_bound(&out, "annotations of 6,000 identical sentences");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let per_claim = out.stdout.len() / 6_000;
    assert!(per_claim < 4_096, "{per_claim} bytes an annotation");
}

#[test]
fn every_export_is_linear_in_the_model() {
    let scratch = Scratch::new("linear-exports");
    // 20,000 claims: each format within a bound that work quadratic in the claims (or in
    // the sentences, events or nodes) would pass many times over.
    let model = scratch.file("big.toml", claimscope::corpus::generate(20_000).as_bytes());
    let size = std::fs::metadata(&model).expect("the model").len() as usize;
    for format in [
        "json",
        "markdown",
        "dot",
        "argdown",
        "aif",
        "timeline",
        "annotations",
        "claimreview",
    ] {
        let out = bounded(8, &["--data", arg(&model), "export", "--format", format]);
        assert_within_bound(&out, &format!("{format} at 20,000 claims"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // And the output in proportion to the model.
        assert!(
            out.stdout.len() < 16 * size,
            "{format}: {} bytes from a model of {size}",
            out.stdout.len()
        );
    }
}
