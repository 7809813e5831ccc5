//! The real binary, end to end: check, search, show, export, help, and --data.

mod common;

use claimscope::model::{BUNDLED_MODEL, Model};
use common::{Scratch, arg, claimscope, fixture, stderr, stdout};

#[test]
fn check_on_the_bundled_model_prints_a_summary_and_exits_0() {
    let out = claimscope(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let model = Model::bundled().expect("bundled");
    let expected = format!(
        "{} sentences, {} claims, {} actors, {} events, {} relations, {} argument nodes",
        model.sentences.len(),
        model.claims.len(),
        model.actors.len(),
        model.events.len(),
        model.relations.len(),
        model.arguments.len()
    );
    assert!(text.contains(&expected), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn check_reports_every_problem_with_file_line_and_column_and_exits_1() {
    let scratch = Scratch::new("check");
    let bad = BUNDLED_MODEL
        .replacen("trend = \"steady\"", "trend = \"frosty\"", 1)
        .replacen("id = \"c05b\"", "id = \"c05a\"", 1);
    let path = scratch.file("bad.toml", bad.as_bytes());
    let out = claimscope(&["check", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let line_of = |needle: &str| {
        bad[..bad.find(needle).expect("needle")]
            .matches('\n')
            .count()
            + 1
    };
    let trend = format!(
        "{}:{}:9: error: relation russia → pakistani-military: `trend` is `frosty`",
        arg(&path),
        line_of("\"frosty\"")
    );
    assert!(text.contains(&trend), "{text}");
    let second = bad
        .match_indices("id = \"c05a\"")
        .nth(1)
        .map(|(i, _)| bad[..i].matches('\n').count() + 1);
    let duplicate = format!(
        "{}:{}:6: error: claim `c05a`: duplicate id `c05a`",
        arg(&path),
        second.unwrap_or(0)
    );
    assert!(text.contains(&duplicate), "{text}");
    // The offending line is shown under the message, with a caret.
    assert!(text.contains("| trend = \"frosty\""), "{text}");
    // Every problem at once (the renamed claim also leaves references to `c05b` dangling),
    // then the count.
    let reported = text.lines().filter(|l| l.starts_with(arg(&path))).count();
    assert!(reported >= 4, "{text}");
    assert!(
        text.trim_end().ends_with(&format!("{reported} errors")),
        "{text}"
    );
}

#[test]
fn check_exits_2_for_files_it_cannot_read() {
    let scratch = Scratch::new("io");
    let missing = scratch.0.join("missing.toml");
    let out = claimscope(&["check", arg(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the file"),
        "{}",
        stderr(&out)
    );

    let out = claimscope(&["check", arg(&scratch.0)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));

    let garbage = scratch.file("garbage.toml", &[b'a', b'\n', 0xff, 0xfe]);
    let out = claimscope(&["check", arg(&garbage)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(":2:1: error: the file is not UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_empty_file_is_invalid_not_a_crash() {
    let scratch = Scratch::new("empty");
    let empty = scratch.file("empty.toml", b"");
    let out = claimscope(&["check", arg(&empty)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("the file is empty"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = claimscope(&["export", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimscope(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_never_echo_control_characters_from_the_arguments() {
    // OSC 52 (set the clipboard), a screen clear, a raw C1 CSI and a bidi override, in
    // each place clap quotes an argument: an unknown subcommand, a bad choice, an unknown
    // option, an unexpected argument.
    let evil = "x\u{1b}]52;c;aGVsbG8h\u{7}\u{1b}[2J\u{9b}31m\u{202e}y";
    let option = format!("--{evil}");
    for args in [
        vec![evil],
        vec!["export", "--format", evil],
        vec!["check", option.as_str()],
        vec!["schema", evil],
    ] {
        let out = claimscope(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = stderr(&out);
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!said.contains(c), "{args:?}: {c:?} echoed in {said:?}");
        }
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
        // Still said, visibly.
        assert!(
            said.contains("x\\u{1b}]52;c;aGVsbG8h\\u{7}"),
            "{args:?}: {said}"
        );
        assert!(said.contains("\\u{202e}y"), "{args:?}: {said}");
    }
    // A very long argument is cut, not echoed whole.
    let long = "z".repeat(100_000);
    let out = claimscope(&[long.as_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.len() < 4_000, "{} bytes", out.stderr.len());
    assert!(stderr(&out).contains("zzz…"), "{}", stderr(&out));
    // Help is still help.
    let out = claimscope(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Exit codes:"));
}

#[test]
fn search_and_show_refuse_an_argument_longer_than_any_query_before_reading_the_model() {
    // The model named does not exist: an argument refused for its length is refused
    // before the model is read, which is the bound on its cost.
    let missing = "no-such-model.toml";
    let long = "moscow".repeat(20_000);
    let words: Vec<&str> = vec!["ab"; 100]; // 100 words and 99 spaces: 299 characters
    for args in [
        vec!["--data", missing, "search", long.as_str()],
        [vec!["--data", missing, "search"], words.clone()].concat(),
        vec!["--data", missing, "show", long.as_str()],
    ] {
        let out = claimscope(&args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("longer than 200 characters"),
            "{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains(missing), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    // At the cap, a query is searched (and finds nothing here).
    let at_cap = "z".repeat(200);
    let out = claimscope(&["search", at_cap.as_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = claimscope(&["show", at_cap.as_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn export_json_is_the_model() {
    let out = claimscope(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported: Model = serde_json::from_slice(&out.stdout).expect("valid JSON model");
    let model = Model::bundled().expect("bundled");
    assert_eq!(exported, model);
}

#[test]
fn data_makes_every_command_read_another_model() {
    let scratch = Scratch::new("data");
    let other = BUNDLED_MODEL.replacen(
        "title = \"Changes in region push Pakistan and Russia together\"",
        "title = \"A retitled copy\"",
        1,
    );
    let path = scratch.file("other.toml", other.as_bytes());
    let out = claimscope(&["--data", arg(&path), "export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported: Model = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(exported.article.title, "A retitled copy");

    let out = claimscope(&["--data", arg(&path), "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with(arg(&path)), "{}", stdout(&out));

    // A broken --data file stops export with the problem on stderr and exit 1.
    let broken = scratch.file("broken.toml", b"schema = 1\n");
    let out = claimscope(&["--data", arg(&broken), "export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("missing the [article] table"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn messages_never_echo_control_characters() {
    let scratch = Scratch::new("controls");
    let path = scratch.file("evil.toml", b"schema = 1\n\x1b[2J = \"x\"\n");
    let out = claimscope(&["check", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stdout.contains(&0x1b), "{:?}", stdout(&out));
    assert!(!out.stderr.contains(&0x1b));
    assert!(stdout(&out).contains("\\u{1b}"), "{}", stdout(&out));
}

#[test]
fn the_explorer_refuses_to_draw_into_a_pipe() {
    let out = claimscope(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn: {:?}", stdout(&out));
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("check") && message.contains("export"),
        "{message}"
    );
}

#[test]
fn search_prints_one_hit_a_line_best_first_with_the_alias_that_matched() {
    let out = claimscope(&["search", "moscow"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    let fields: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(&fields[..3], ["actor", "russia", "Russia"], "{first}");
    assert!(first.contains("alias “Moscow”"), "{first}");
    assert!(text.lines().count() > 5);
    // Several words all have to match, as separate arguments or one.
    let one = stdout(&claimscope(&["search", "pakistan arms"]));
    let two = stdout(&claimscope(&["search", "pakistan", "arms"]));
    assert_eq!(one, two);
}

#[test]
fn search_kind_and_limit_narrow_the_hits() {
    let out = claimscope(&["search", "pakistan", "--kind", "event", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().all(|l| l.starts_with("event ")), "{text}");
}

#[test]
fn search_json_has_kind_id_label_score_and_what_matched() {
    let out = claimscope(&["search", "moscow", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &hits[0];
    assert_eq!(first["kind"], "actor");
    assert_eq!(first["id"], "russia");
    assert_eq!(first["label"], "Russia");
    assert_eq!(first["matched"], "Moscow");
    assert!(first["score"].as_i64().is_some_and(|s| s > 0));
    let kinds: Vec<&str> = hits
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"claim") && kinds.contains(&"event"),
        "{kinds:?}"
    );
}

#[test]
fn search_with_no_match_exits_1_like_grep() {
    let out = claimscope(&["search", "zzqqxxjj"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = claimscope(&["search", "zzqqxxjj", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim(), "[]");
    let out = claimscope(&["search"]);
    assert_eq!(out.status.code(), Some(2), "a query is required");
}

#[test]
fn search_filters_work_from_the_command_line() {
    let out = claimscope(&["search", "kind:forecast", "actor:india", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let model = Model::bundled().expect("bundled");
    for hit in hits.as_array().into_iter().flatten() {
        let id = hit["id"].as_str().unwrap_or_default();
        let claim = model.claims.iter().find(|c| c.id == id).expect("a claim");
        assert_eq!(claim.kind.as_str(), "forecast");
        assert!(claim.actors.iter().any(|a| a == "india"));
    }
    assert!(hits.as_array().is_some_and(|h| !h.is_empty()));
}

#[test]
fn show_a_claim_marks_its_quote_in_the_whole_sentence() {
    let out = claimscope(&["show", "c05b"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("claim c05b · fact\n"), "{text}");
    assert!(
        text.contains(
            "The visit came after the cancellation, [[for no stated reason]], of Russian President"
        ),
        "{text}"
    );
    // The body's second paragraph, as a reader counts it (the model numbers it 5).
    assert!(text.contains("Source: paragraph 2, sentence s05"), "{text}");
    assert!(
        text.contains("Argument: 1.1 − Putin's trip, the first-ever"),
        "{text}"
    );
    assert!(text.contains("Reports: Putin's trip to Pakistan"), "{text}");
}

#[test]
fn show_an_actor_event_argument_and_sentence() {
    let text = stdout(&claimscope(&["show", "russia"]));
    assert!(
        text.starts_with("actor russia · state\nRussia\nAlso called: Moscow"),
        "{text}"
    );
    assert!(text.contains("↑ warming  Pakistan"), "{text}");
    assert!(text.contains("c27b"), "{text}");
    // An actor can be named by an alias.
    assert_eq!(stdout(&claimscope(&["show", "Moscow"])), text);

    let text = stdout(&claimscope(&["show", "zardari-visit"]));
    assert!(
        text.contains("Date, by the record: †May 2011 (2011-05; month)\nThe model's reading of the article: May 2012 (2012-05; month, inferred), which the record's date does not fit"),
        "{text}"
    );
    assert!(text.contains("The article says: “in May”"), "{text}");

    let text = stdout(&claimscope(&["show", "limits"]));
    assert!(text.contains("argument limits · 1.8 · limit"), "{text}");
    assert!(
        text.contains("± qualifies 1 Pakistan and Russia are moving closer"),
        "{text}"
    );
    assert!(text.contains("1.8.3 ± Still, Pakistan wants"), "{text}");
    // The number the explorer shows finds the same node.
    assert_eq!(stdout(&claimscope(&["show", "1.8"])), text);

    let text = stdout(&claimscope(&["show", "s13"]));
    assert!(text.contains("Even China has been circumspect"), "{text}");
}

#[test]
fn show_an_unknown_id_exits_1_and_suggests_the_closest() {
    let out = claimscope(&["show", "c5b"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(
        message.contains("no item has the id `c5b`") && message.contains("`c05b`"),
        "{message}"
    );
    let out = claimscope(&["show", "kayanni"]);
    assert!(
        stderr(&out).contains("`ashfaq-parvez-kayani`") || stderr(&out).contains("search"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_markdown_is_a_readable_brief() {
    let out = claimscope(&["export", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let model = Model::bundled().expect("bundled");
    assert!(
        text.starts_with("# Changes in region push Pakistan and Russia together\n"),
        "{text}"
    );
    assert!(
        text.contains("## 1 Thesis: Pakistan and Russia are moving closer"),
        "{text}"
    );
    assert!(
        text.contains("### 1.8 Limit: But there are clear limits (± qualifies 1)"),
        "{text}"
    );
    // Every claim appears with its quote.
    for claim in &model.claims {
        assert!(
            text.contains(&format!("> {}", claim.quote)),
            "{} lacks its quote",
            claim.id
        );
    }
    let timeline = text.split("## Timeline").nth(1).unwrap_or_default();
    let rows = timeline
        .split("## Actors")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|l| {
            ["| ~", "| †", "| 2", "| before"]
                .iter()
                .any(|start| l.starts_with(start))
        })
        .count();
    assert_eq!(rows, model.events.len());
    let actors = text.split("## Actors").nth(1).unwrap_or_default();
    let actors = actors
        .split("## What happened next")
        .next()
        .unwrap_or_default();
    assert_eq!(
        actors
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Actor"))
            .count(),
        model.actors.len()
    );
}

#[test]
fn export_dot_is_the_argument_map_as_a_digraph() {
    let out = claimscope(&["export", "--format", "dot"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let model = Model::bundled().expect("bundled");
    assert!(text.starts_with("digraph argument_map {"), "{text}");
    assert!(text.trim_end().ends_with('}'));
    let edges: Vec<&str> = text.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(
        edges.len(),
        model.arguments.len() - 1,
        "one edge per non-thesis node"
    );
    assert!(
        text.contains("\"limits\" -> \"thesis\" [label=\"qualifies\""),
        "{text}"
    );
    assert!(
        text.contains("\"cancelled-trip\" -> \"thesis\" [label=\"attacks\""),
        "{text}"
    );
    assert!(
        text.contains("\"pakistan-options\" -> \"limits\" [label=\"qualifies\""),
        "{text}"
    );
    // Where Graphviz is installed, it must render the graph.
    if let Ok(mut dot) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        dot.stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
        let rendered = dot.wait_with_output().expect("dot runs");
        assert!(
            rendered.status.success(),
            "{}",
            String::from_utf8_lossy(&rendered.stderr)
        );
        assert!(String::from_utf8_lossy(&rendered.stdout).contains("<svg"));
    }
}

#[test]
fn a_model_of_another_article_works_with_every_command() {
    let data = fixture();
    let data = arg(&data);
    let out = claimscope(&["--data", data, "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out)
            .contains("5 sentences, 7 claims, 4 actors, 2 events, 1 relation, 4 argument nodes")
    );
    let out = claimscope(&["check", data]);
    assert_eq!(out.status.code(), Some(0));
    let out = claimscope(&["--data", data, "search", "mayor"]);
    assert!(
        stdout(&out).starts_with("actor    ada-lind"),
        "{}",
        stdout(&out)
    );
    let out = claimscope(&["--data", data, "show", "c3b"]);
    assert!(
        stdout(&out).contains("and [[Mayor Ada Lind said the town cannot afford it]]."),
        "{}",
        stdout(&out)
    );
    let out = claimscope(&["--data", data, "export", "--format", "markdown"]);
    assert!(stdout(&out).starts_with("# Riverton should build its bridge now"));
    let out = claimscope(&["--data", data, "export", "--format", "dot"]);
    assert!(stdout(&out).contains("\"cost\" -> \"thesis\" [label=\"attacks\""));
    let out = claimscope(&["--data", data, "export", "--format", "json"]);
    let model: Model = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(model.article.id, "riverton-bridge");
    // Nothing of the bundled article leaks in.
    let out = claimscope(&["--data", data, "search", "moscow"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn every_command_has_help_with_examples_and_there_is_a_version() {
    for command in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["search", "--help"],
        vec!["show", "--help"],
        vec!["export", "--help"],
    ] {
        let out = claimscope(&command);
        assert_eq!(out.status.code(), Some(0), "{command:?}");
        assert!(
            stdout(&out).contains("Examples:"),
            "{command:?}: {}",
            stdout(&out)
        );
    }
    let out = claimscope(&["--help"]);
    assert!(stdout(&out).contains("Exit codes:"));
    assert!(
        stdout(&out).contains("CLAIMSCOPE_NO_CACHE=1 turns it off"),
        "the help says where the cache is and how to turn it off"
    );
    let out = claimscope(&["--version"]);
    assert_eq!(
        stdout(&out).trim(),
        format!("claimscope {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn output_into_a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    // More than any pipe holds (64 KiB by default, 1 MiB at most for an unprivileged
    // process): the export cannot finish into the buffer, so with no reader one of its
    // writes must fail with a broken pipe.
    let scratch = Scratch::new("pipe");
    let model = scratch.file("big.toml", claimscope::corpus::generate(4_000).as_bytes());
    let whole = claimscope(&["--data", arg(&model), "export", "--format", "json"]);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    assert!(
        whole.stdout.len() > 1 << 20,
        "{} bytes fit in a pipe",
        whole.stdout.len()
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(["--data", arg(&model), "export", "--format", "json"])
        .env("CLAIMSCOPE_NO_CACHE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.code() == Some(0),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn search_says_what_is_wrong_with_a_filter_and_exits_2_when_it_can_match_nothing() {
    let out = claimscope(&["search", "kind:forcast", "india"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(
        message.contains("no kind is `forcast`") && message.contains("`kind:forecast`"),
        "{message}"
    );
    let out = claimscope(&["search", "actor:narnia"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no actor is named `narnia`"));
    // A mistyped filter key is searched as text, with a hint, and the search goes on.
    let out = claimscope(&["search", "kinds:forecast", "india"]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did you mean the filter `kind:`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_says_on_stderr_when_it_cut_the_list_short() {
    let out = claimscope(&["search", "a", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(
        stderr(&out).contains("the best 3 shown; --limit N for more"),
        "{}",
        stderr(&out)
    );
    let out = claimscope(&["search", "zzqqxxjj"]);
    assert!(stderr(&out).contains("no match for"), "{}", stderr(&out));
}

#[test]
fn show_takes_ids_in_any_case_and_names_by_a_whole_word() {
    let lower = stdout(&claimscope(&["show", "c05a"]));
    assert!(lower.starts_with("claim c05a"), "{lower}");
    assert_eq!(stdout(&claimscope(&["show", "C05A"])), lower);
    let putin = claimscope(&["show", "putin"]);
    assert_eq!(putin.status.code(), Some(0), "{}", stderr(&putin));
    assert!(
        stdout(&putin).starts_with("actor vladimir-putin · person"),
        "{}",
        stdout(&putin)
    );
    let kayani = stdout(&claimscope(&["show", "kayani"]));
    assert!(kayani.starts_with("actor ashfaq-parvez-kayani"), "{kayani}");
}

/// The hits of `claimscope search QUERY... --json --limit 1000`, as (kind, id) in order.
fn json_hits(query: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["search"];
    args.extend(query);
    args.extend(["--json", "--limit", "1000"]);
    let out = claimscope(&args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{query:?}: {}",
        stderr(&out)
    );
    parse_hits(&out)
}

/// What `search --json` printed, as (kind, id) in order; none when it printed nothing.
fn parse_hits(out: &std::process::Output) -> Vec<(String, String)> {
    if out.stdout.is_empty() {
        return Vec::new();
    }
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    hits.as_array()
        .expect("an array")
        .iter()
        .map(|h| {
            let field = |name: &str| h[name].as_str().expect("a string").to_string();
            (field("kind"), field("id"))
        })
        .collect()
}

fn json_set(query: &[&str]) -> std::collections::BTreeSet<(String, String)> {
    json_hits(query).into_iter().collect()
}

#[test]
fn search_filters_all_hold_and_commas_give_a_choice() {
    let model = Model::bundled().expect("bundled");
    // A key twice: items that involve both.
    let expected: std::collections::BTreeSet<(String, String)> =
        common::items_involving(&model, &["india", "russia"])
            .into_iter()
            .map(|(kind, id)| (kind.to_string(), id))
            .collect();
    assert!(!expected.is_empty());
    assert_eq!(json_set(&["actor:india", "actor:russia"]), expected);
    assert_eq!(json_set(&["actor:india actor:russia"]), expected);
    // A comma: items either finds.
    for (either, one, other) in [
        ("kind:forecast,fact", "kind:forecast", "kind:fact"),
        ("actor:india,china", "actor:india", "actor:china"),
        ("verdict:held,partly", "verdict:held", "verdict:partly"),
    ] {
        let union: std::collections::BTreeSet<_> = json_set(&[one])
            .union(&json_set(&[other]))
            .cloned()
            .collect();
        assert!(union.len() > json_set(&[one]).len(), "{either}");
        assert_eq!(json_set(&[either]), union, "{either}");
    }
}

#[test]
fn search_refuses_two_kinds_and_mistyped_choices_with_a_suggestion() {
    let out = claimscope(&["search", "kind:forecast", "kind:fact"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains(
            "an item has one kind: `kind:forecast kind:fact` can match nothing; \
             did you mean `kind:forecast,fact`?"
        ),
        "{}",
        stderr(&out)
    );
    for (query, message) in [
        (
            "kind:forcast,fact",
            "no kind is `forcast`; did you mean `kind:forecast`?",
        ),
        (
            "in:claim,evnt",
            "no item kind is `evnt`; did you mean `in:event`?",
        ),
        ("actor:india,narnia", "no actor is named `narnia`"),
    ] {
        let out = claimscope(&["search", query, "pakistan"]);
        assert_eq!(out.status.code(), Some(2), "{query}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{query}: {}", stderr(&out));
    }
    // `--in` holds as well as the query's `in:`.
    let out = claimscope(&["search", "in:event", "--in", "claim"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`in:event,claim`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_from_the_command_line_and_in_the_explorer_agree() {
    use claimscope::model::Index;
    use claimscope::tui::{Action, App, Theme};
    for query in [
        "actor:india actor:russia",
        "kind:forecast,fact actor:india",
        "pak in:claim,event",
        "kind:forecast kind:fact",
    ] {
        let mut app = App::new(
            Index::new(Model::bundled().expect("bundled")),
            Theme::new(false),
        );
        app.update(Action::Resize(120, 40));
        app.update(Action::OpenSearch);
        for c in query.chars() {
            app.update(Action::Type(c));
        }
        let index = app.index();
        let explorer: Vec<(String, String)> = app
            .search
            .hits
            .iter()
            .map(|h| {
                (
                    h.kind.as_str().to_string(),
                    index.id_of(h.item()).to_string(),
                )
            })
            .collect();
        // As many as the explorer has ranked (a screenful and a page more); a refused
        // query prints nothing.
        let limit = app.search.hits.len().max(1).to_string();
        let out = claimscope(&["search", query, "--json", "--limit", &limit]);
        assert_eq!(explorer, parse_hits(&out), "{query}");
        let refused = app.search.problems.iter().any(|p| p.fatal);
        assert_eq!(refused, out.status.code() == Some(2), "{query}");
        for problem in &app.search.problems {
            assert!(stderr(&out).contains(&problem.message), "{query}");
        }
    }
}

#[test]
fn a_relation_has_an_id_show_prints_it_and_search_finds_it() {
    let index =
        claimscope::model::Index::new(claimscope::model::Model::bundled().expect("bundled model"));
    let model = index.model();
    let r = model
        .relations
        .iter()
        .position(|r| r.from == "russia" && r.to == "india")
        .expect("the relation");
    let output = claimscope(&["show", "russia/india"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("relation russia/india"), "{text}");
    assert!(text.contains(&model.relations[r].summary), "{text}");
    let claims = model.relations[r].claims.len();
    assert!(text.contains(&format!("Claims ({claims}):")), "{text}");
    for id in &model.relations[r].claims {
        assert!(text.contains(&format!("  {id} ")), "{id} listed");
    }
    // `in:relation` lists every relation, and only relations.
    let output = claimscope(&["search", "in:relation", "--json", "--limit", "100"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).expect("json rows");
    assert_eq!(rows.len(), model.relations.len());
    assert!(rows.iter().all(|row| row["kind"] == "relation"));
    assert!(rows.iter().any(|row| row["id"] == "russia/india"));
}

/// Whether a program can be run here; says so when it cannot, for a test that skips.
fn have(program: &str, why: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {why}: `{program}` is not installed");
    }
    found
}

/// Runs `script` in a bash without its start-up files: how it ended, and what it printed.
fn in_bash(script: &str) -> (std::process::Output, String) {
    let run = std::process::Command::new("bash")
        .args(["--norc", "-c", script])
        .output()
        .expect("bash runs");
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    (run, said)
}

#[test]
fn bash_completion_registers_and_completes_subcommands_and_formats() {
    let output = claimscope(&["completions", "bash"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let script = stdout(&output);
    for word in [
        "check",
        "search",
        "show",
        "export",
        "completions",
        "man",
        "argdown",
    ] {
        assert!(script.contains(word), "the script offers {word}");
    }
    if !have("bash", "bash completion") {
        return;
    }
    // Load it in bash and ask what `claimscope ex<TAB>` and `--format <TAB>` complete to.
    let dir = common::Scratch::new("completion");
    let path = dir.0.join("claimscope.bash");
    std::fs::write(&path, &script).expect("write the script");
    let (run, said) = in_bash(&format!(
        "source {}; complete -p claimscope >/dev/null || exit 3; \
         COMP_WORDS=(claimscope ex); COMP_CWORD=1; _claimscope claimscope ex claimscope; \
         echo \"${{COMPREPLY[*]}}\"; \
         COMP_WORDS=(claimscope export --format ''); COMP_CWORD=3; _claimscope claimscope '' --format; \
         echo \"${{COMPREPLY[*]}}\"",
        path.display()
    ));
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut lines = said.lines();
    assert_eq!(lines.next(), Some("export"), "{said}");
    let formats = lines.next().unwrap_or_default();
    for format in [
        "json",
        "markdown",
        "argdown",
        "aif",
        "timeline",
        "claimreview",
    ] {
        assert!(
            formats.split(' ').any(|f| f == format),
            "{format} in {formats}"
        );
    }
}

#[test]
fn completions_for_zsh_and_fish_name_the_command() {
    for (shell, marker) in [
        ("zsh", "#compdef claimscope"),
        ("fish", "complete -c claimscope"),
    ] {
        let output = claimscope(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains(marker), "{shell}");
    }
    let output = claimscope(&["completions", "tcsh"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    assert!(
        stderr(&output).contains("possible values"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_manual_has_a_page_for_the_command_and_each_subcommand_and_groff_takes_it() {
    let output = claimscope(&["man"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let roff = stdout(&output);
    let pages: Vec<&str> = roff.lines().filter(|l| l.starts_with(".TH ")).collect();
    let mut names: Vec<String> = pages
        .iter()
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "claimscope",
            "claimscope-check",
            "claimscope-completions",
            "claimscope-export",
            "claimscope-man",
            "claimscope-new",
            "claimscope-progress",
            "claimscope-schema",
            "claimscope-search",
            "claimscope-show",
        ]
        .map(str::to_string)
    );
    assert!(
        roff.contains("Exit codes"),
        "the after-help text is in the page"
    );
    if !have("groff", "checking the manual page") {
        return;
    }
    let dir = common::Scratch::new("man");
    let path = dir.0.join("claimscope.1");
    std::fs::write(&path, &roff).expect("write the page");
    let run = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(&path)
        .output()
        .expect("groff runs");
    assert!(run.status.success());
    assert_eq!(String::from_utf8_lossy(&run.stderr), "", "groff warns");
}

#[test]
fn a_bad_configuration_is_reported_where_it_is_and_the_explorer_does_not_start() {
    let dir = common::Scratch::new("config");
    let path = dir.file(
        "config.toml",
        b"[keys]\ndwon = \"j\"\nsearch = \"ctlr-s\"\n\n[colors]\naccent = \"blurple\"\n",
    );
    let output = claimscope(&["--config", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    let name = path.display().to_string();
    assert!(
        err.contains(&format!(
            "{name}:2:1: error: there is no action `dwon`; did you mean `down`?"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}:3:10: error: `ctlr-s` is not a key")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}:6:10: error: a colour is a name")),
        "{err}"
    );
    assert!(
        err.contains("the explorer did not start: 3 errors in its configuration"),
        "{err}"
    );
    // A file that is not there is named as such.
    let missing = dir.0.join("nowhere.toml");
    let output = claimscope(&["--config", missing.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("nowhere.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_readme_names_every_action_a_configuration_may_rebind() {
    let readme = include_str!("../README.md");
    for (name, _) in claimscope::tui::rebind::actions() {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README lacks `{name}`"
        );
    }
    for role in claimscope::tui::theme::Palette::ROLES {
        assert!(
            readme.contains(&format!("`{role}`")),
            "README lacks the colour `{role}`"
        );
    }
}

/// The README's examples of the command line are what the binary prints: each line of an
/// example is a line of the output, in order, where a line ending in " …" gives only the
/// start of its line and a line of "…" alone stands for lines left out.
#[test]
fn the_readme_s_command_examples_are_what_the_binary_prints() {
    let readme = include_str!("../README.md");
    let mut examples = 0;
    let mut lines = readme.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(command) = line.strip_prefix("    $ claimscope ") else {
            continue;
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let output = stdout(&claimscope(&args));
        let printed: Vec<&str> = output.lines().collect();
        let mut at = 0;
        let mut gap = false;
        while let Some(expected) = lines.peek() {
            let Some(expected) = expected.strip_prefix("    ") else {
                if expected.is_empty() {
                    lines.next();
                    // A blank line inside an example is a blank line of the output,
                    // unless the example has ended.
                    match lines.peek() {
                        Some(next) if next.starts_with("    ") && !next.contains("$ ") => {
                            at = printed[at..]
                                .iter()
                                .position(|p| p.is_empty())
                                .map(|p| at + p + 1)
                                .unwrap_or_else(|| panic!("`{command}`: no blank line"));
                            continue;
                        }
                        _ => break,
                    }
                }
                break;
            };
            if expected.starts_with("$ ") {
                break;
            }
            lines.next();
            if expected.trim() == "…" {
                gap = true;
                continue;
            }
            let (text, prefix) = match expected.strip_suffix(" …") {
                Some(start) => (start, true),
                None => (expected, false),
            };
            let matches = |p: &&str| {
                if prefix {
                    p.starts_with(text)
                } else {
                    *p == text
                }
            };
            let found = if gap {
                printed[at..].iter().position(matches).map(|p| at + p)
            } else {
                printed.get(at).filter(|p| matches(p)).map(|_| at)
            };
            let found = found.unwrap_or_else(|| {
                panic!("`claimscope {command}` does not print, at line {at}:\n{expected}\n---\n{output}")
            });
            at = found + 1;
            gap = false;
        }
        examples += 1;
    }
    assert!(examples >= 3, "{examples} examples");
}

#[test]
fn search_reads_a_misspelt_query_and_says_so() {
    let out = claimscope(&["search", "zardary"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "hits were found: {}",
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(text.starts_with("actor    asif-ali-zardari"), "{text}");
    assert!(
        stderr(&out).contains("no match for “zardary”; did you mean “zardari”?"),
        "{}",
        stderr(&out)
    );
    // Scripts see which hits are a reading of the query.
    let out = claimscope(&["search", "zardary", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = rows.as_array().expect("a list");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["spelled"] == true), "{rows:?}");
    let out = claimscope(&["search", "zardari", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        rows.as_array()
            .expect("a list")
            .iter()
            .all(|r| r["spelled"] == false)
    );
    // Nothing near enough: no match, and no guess.
    let out = claimscope(&["search", "xyzzyq"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

#[test]
fn search_speaks_the_query_s_vocabulary_on_the_command_line_too() {
    // --kind is kind: (claim and actor kinds, or item kinds); --in is in:.
    let out = claimscope(&["search", "india", "--kind", "forecast"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).lines().all(|l| l.starts_with("claim ")),
        "{}",
        stdout(&out)
    );
    // A mistyped kind is answered in the words it was given in.
    let out = claimscope(&["search", "india", "--kind", "forcast"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no kind is `forcast`; did you mean `--kind forecast`?"),
        "{}",
        stderr(&out)
    );
    let out = claimscope(&["search", "kayani", "--in", "event"]);
    assert!(
        stdout(&out).lines().all(|l| l.starts_with("event ")),
        "{}",
        stdout(&out)
    );
    // A value cut short where one word fits.
    let out = claimscope(&["search", "verdict:fail"]);
    assert!(stdout(&out).contains("c27b"), "{}", stdout(&out));
    // A key that is no filter is said to be searched as text.
    let out = claimscope(&["search", "foo:bar", "pakistan"]);
    assert!(
        stderr(&out).contains("`foo:bar` is searched as text: `foo:` is no filter"),
        "{}",
        stderr(&out)
    );
    // Nothing asked for, or no hit wanted: a usage error, not "no match".
    for args in [&["search", ""][..], &["search", "--limit", "0", "moscow"]] {
        let out = claimscope(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("no match"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A negative limit is told what a limit takes, not how to pass a value starting `-`.
    let out = claimscope(&["search", "moscow", "--limit", "-1"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("it must be at least 1") && !said.contains("tip"),
        "{said}"
    );
    // A relation named the other way round is suggested the right way.
    let out = claimscope(&["show", "india/russia"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("`russia/india`"), "{}", stderr(&out));
    // Two actors with no relation either way: said so, not another pair suggested.
    let out = claimscope(&["show", "india/pakistan"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains("no relation between India and Pakistan") && !said.contains("china/"),
        "{said}"
    );
}

#[test]
fn bash_completes_show_ids_and_search_filters() {
    if !have("bash", "bash completion") {
        return;
    }
    let script = stdout(&claimscope(&["completions", "bash"]));
    let dir = common::Scratch::new("completion-ids");
    let path = dir.0.join("claimscope.bash");
    std::fs::write(&path, &script).expect("write the script");
    // `claimscope show c05<TAB>` and `claimscope search kind:fo<TAB>`, with the words as
    // bash splits them: at the colon too, as COMP_WORDBREAKS has it by default. What is
    // offered replaces the part after the colon.
    let (_, said) = in_bash(&format!(
        "source {}; complete -p claimscope; \
         COMP_LINE='claimscope show c05'; COMP_POINT=${{#COMP_LINE}}; \
         COMP_WORDS=(claimscope show c05); COMP_CWORD=2; _claimscope_whole claimscope c05 show; \
         echo \"${{COMPREPLY[*]}}\"; \
         COMP_LINE='claimscope search kind:fo'; COMP_POINT=${{#COMP_LINE}}; \
         COMP_WORDS=(claimscope search kind : fo); COMP_CWORD=4; _claimscope_whole claimscope fo :; \
         echo \"${{COMPREPLY[*]}}\"",
        path.display()
    ));
    let mut lines = said.lines();
    let registered = lines.next().unwrap_or_default();
    assert!(registered.contains("-F _claimscope_whole"), "{said:?}");
    let ids = lines.next().unwrap_or_default();
    for id in ["c05a", "c05b", "c05c", "c05d"] {
        assert!(ids.split(' ').any(|w| w == id), "{id} in {said:?}");
    }
    let filters = lines.next().unwrap_or_default();
    assert_eq!(filters, "forecast", "{said:?}");
}

#[test]
fn the_manual_installs_a_page_per_command_with_the_keys_and_the_environment() {
    let dir = common::Scratch::new("man-pages");
    let out = claimscope(&["man", dir.0.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Each page under its own name, as the main page's SEE ALSO names them.
    let main = std::fs::read_to_string(dir.0.join("claimscope.1")).expect("the main page");
    for sub in ["check", "search", "show", "export", "new", "progress"] {
        let page = dir.0.join(format!("claimscope-{sub}.1"));
        let text = std::fs::read_to_string(&page).expect("a page per subcommand");
        assert!(text.contains(&format!(".TH claimscope-{sub} ")), "{sub}");
        assert!(
            main.contains(&format!("claimscope\\-{sub}(1)")),
            "the main page names {sub}"
        );
    }
    // The keys come from the key table, and the files and environment are there.
    for binding in claimscope::tui::keymap::BINDINGS {
        let words: String = binding
            .help
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(12)
            .collect();
        let flat: String = main.chars().filter(char::is_ascii_alphabetic).collect();
        assert!(
            flat.contains(&words),
            "the key for {:?} is in the manual",
            binding.help
        );
    }
    for section in [
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXIT STATUS",
        ".SH EXAMPLES",
    ] {
        assert!(main.contains(section), "{section}");
    }
    for name in ["NO_COLOR", "CLAIMSCOPE_CACHE_DIR", "config.toml"] {
        assert!(main.contains(name), "{name}");
    }
}

#[test]
fn help_that_cannot_be_written_is_no_success() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full to write help to");
        return;
    };
    for flag in ["--help", "--version"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimscope"))
            .arg(flag)
            .stdout(full.try_clone().expect("a second handle"))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(stderr(&out).contains("cannot write output"), "{flag}");
    }
}

#[test]
fn output_to_a_closed_stdout_is_no_success_but_dev_null_is_fine() {
    let run = |redirect: &str, command: &[&str]| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" \"$@\" {redirect}"))
            .arg(env!("CARGO_BIN_EXE_claimscope"))
            .args(command)
            .output()
            .expect("sh runs")
    };
    for command in [
        &["export", "--format", "json"][..],
        &["search", "arms"],
        &["show", "russia"],
    ] {
        let out = run(">&-", command);
        assert_eq!(out.status.code(), Some(2), "{command:?} to a closed stdout");
        assert!(
            stderr(&out).contains("standard output is closed"),
            "{command:?}: {}",
            stderr(&out)
        );
        let out = run(">/dev/null", command);
        assert_eq!(out.status.code(), Some(0), "{command:?} to /dev/null");
    }
}

#[test]
fn a_configuration_that_is_no_file_is_told_so_as_a_configuration() {
    let dir = common::Scratch::new("config-dir");
    let out = claimscope(&["--config", dir.0.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("give the path of a configuration file") && !said.contains("model file"),
        "{said}"
    );
}
