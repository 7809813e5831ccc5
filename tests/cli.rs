//! The real binary, end to end: exit codes, the check report, and the JSON export.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimscope::model::{BUNDLED_MODEL, Model};

fn claimscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A scratch directory of this test process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("claimscope-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).expect("write");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn check_on_the_bundled_model_prints_a_summary_and_exits_0() {
    let out = claimscope(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let (model, _) = Model::bundled().expect("bundled");
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
        text.trim_end().ends_with(&format!("{reported} problems")),
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
fn export_json_is_the_model() {
    let out = claimscope(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported: Model = serde_json::from_slice(&out.stdout).expect("valid JSON model");
    let (model, _) = Model::bundled().expect("bundled");
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
        stderr(&out).contains("missing key `article`"),
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
        message.contains("claimscope check") && message.contains("export"),
        "{message}"
    );
}
