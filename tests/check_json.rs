//! `claimscope check --format json` through the real binary: one object a problem, a
//! line each, placed as the text report places it, with the item and key it concerns,
//! and the text report's exit codes.

mod common;

use common::{Scratch, arg, claimscope, fixture, mutate, stderr, stdout};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The keys of every object, in the order they are written (as docs/model.md shows them).
const KEYS: [&str; 9] = [
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "message",
    "item",
    "key",
];

/// Runs `check --format json` with `args`: the exit code, each line of standard output
/// as an object, and standard error.
fn check_json(args: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let out = claimscope(&all);
    let objects = stdout(&out)
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON object: {e}: {line}"));
            assert_eq!(keys_in_order(line), KEYS, "{line}");
            value
        })
        .collect();
    (out.status.code(), objects, stderr(&out))
}

/// The keys of the JSON object `line` in the order the text gives them: serde_json's
/// `Value` keeps its keys sorted, and so cannot tell.
fn keys_in_order(line: &str) -> Vec<String> {
    struct Keys(Vec<String>);
    impl<'de> Deserialize<'de> for Keys {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
            struct InOrder;
            impl<'de> Visitor<'de> for InOrder {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Keys, M::Error> {
                    let mut keys = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        map.next_value::<IgnoredAny>()?;
                        keys.push(key);
                    }
                    Ok(Keys(keys))
                }
            }
            deserializer.deserialize_map(InOrder)
        }
    }
    match serde_json::from_str::<Keys>(line) {
        Ok(Keys(keys)) => keys,
        Err(e) => panic!("not a JSON object: {e}: {line}"),
    }
}

#[test]
fn the_documented_example_writes_the_keys_in_the_same_order() {
    let example: Vec<&str> = include_str!("../docs/model.md")
        .lines()
        .filter(|l| l.starts_with("{\"file\""))
        .collect();
    assert!(!example.is_empty(), "docs/model.md has an example");
    for line in example {
        assert_eq!(keys_in_order(line), KEYS, "{line}");
    }
}

/// The bundled model with several problems of different kinds: at the top, in a nested
/// table, in an item read by the reader, found by the checks after it, and in a relation.
fn broken() -> String {
    mutate("schema = 1", "schema = 2")
        .replacen(
            "title = \"Kabulov visits Pakistan\"\n",
            "title = \"Kabulov visits Pakistan\"\ntitel = \"typo\"\n",
            1,
        )
        .replacen(
            "quote = \"Moscow needs new buyers\"",
            "quote = \"Moscow needs new customers\"",
            1,
        )
        .replacen("parent = \"india-drifts\"", "parent = \"india-drfits\"", 1)
        .replacen("trend = \"warming\"", "trend = \"warmer\"", 1)
        .replacen(
            "[events.record]\nnote = ",
            "[events.record]\nnotes = \"x\"\nnote = ",
            1,
        )
}

/// How many problems [`broken`] has.
const BROKEN_PROBLEMS: usize = 6;

/// `FILE:LINE:COL: SEVERITY: MESSAGE` as the text report would write the object.
fn as_text(object: &Value) -> String {
    format!(
        "{}:{}:{}: {}: {}",
        object["file"].as_str().unwrap_or("?"),
        object["line"],
        object["column"],
        object["severity"].as_str().unwrap_or("?"),
        object["message"].as_str().unwrap_or("?"),
    )
}

/// The problem whose message contains `words`.
fn find<'v>(objects: &'v [Value], words: &str) -> &'v Value {
    objects
        .iter()
        .find(|o| o["message"].as_str().is_some_and(|m| m.contains(words)))
        .unwrap_or_else(|| panic!("no problem mentions {words:?}: {objects:#?}"))
}

#[test]
fn a_valid_model_prints_nothing() {
    let riverton = fixture();
    for args in [vec![], vec![arg(&riverton)]] {
        let (code, objects, err) = check_json(&args);
        assert_eq!(code, Some(0), "{args:?}");
        assert!(objects.is_empty(), "{objects:#?}");
        assert!(err.is_empty(), "{err}");
    }
}

#[test]
fn each_problem_is_one_object_placed_as_the_text_report_places_it() {
    let scratch = Scratch::new("check-json-broken");
    let path = scratch.file("model.toml", broken().as_bytes());
    let (code, all, err) = check_json(&[arg(&path)]);
    // Notes say what was not checked yet, and why; the rest are the problems.
    let (notes, objects): (Vec<Value>, Vec<Value>) =
        all.into_iter().partition(|o| o["severity"] == "note");
    assert!(
        notes.iter().all(|n| n["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("not checked yet"))),
        "{notes:#?}"
    );
    let text = claimscope(&["check", arg(&path)]);
    assert_eq!(code, text.status.code(), "the text report's exit code");
    assert_eq!(code, Some(1));
    assert!(err.is_empty(), "{err}");
    assert_eq!(objects.len(), BROKEN_PROBLEMS, "{objects:#?}");
    // The text report's first lines are the same problems at the same places.
    let reported: Vec<String> = stdout(&text)
        .lines()
        .filter(|l| l.starts_with(arg(&path)))
        .map(str::to_string)
        .collect();
    let from_json: Vec<String> = objects.iter().map(as_text).collect();
    assert_eq!(from_json, reported);
    for object in &objects {
        assert_eq!(object["file"], arg(&path));
        assert_eq!(object["severity"], "error");
        let (line, end_line) = (&object["line"], &object["end_line"]);
        assert!(line.as_u64().is_some() && end_line.as_u64() >= line.as_u64());
    }

    let schema = find(&objects, "schema version 2");
    assert_eq!(
        (&schema["item"], &schema["key"]),
        (&Value::Null, &"schema".into())
    );
    let typo = find(&objects, "unknown key `titel`");
    assert_eq!(typo["item"], "kabulov-visit");
    assert_eq!(typo["key"], "titel");
    assert_eq!(typo["column"], 1);
    assert_eq!(typo["end_column"], 6, "just past `titel`");
    let quote = find(&objects, "the quote is not verbatim");
    assert_eq!(
        (&quote["item"], &quote["key"]),
        (&"c30c".into(), &"quote".into())
    );
    let parent = find(&objects, "`india-drfits`");
    assert_eq!(parent["item"], "nuclear-benefit");
    assert_eq!(parent["key"], "parent");
    // A relation is named by its `from/to`, as `show` and search name it.
    let trend = find(&objects, "`warmer`");
    assert_eq!(
        (&trend["item"], &trend["key"]),
        (&"pakistan/russia".into(), &"trend".into())
    );
    // A key of a table inside an item is given under the table's key.
    let record = find(&objects, "unknown key `notes`");
    assert!(record["item"].as_str().is_some(), "{record}");
    assert_eq!(record["key"], "record.notes");
}

#[test]
fn the_whole_file_problems_have_a_place_and_no_item() {
    let scratch = Scratch::new("check-json-empty");
    let path = scratch.file("model.toml", b"\n");
    let (code, objects, _) = check_json(&[arg(&path)]);
    assert_eq!(code, Some(1));
    assert_eq!(objects.len(), 1, "{objects:#?}");
    let empty = &objects[0];
    assert_eq!((&empty["line"], &empty["column"]), (&1.into(), &1.into()));
    assert_eq!(
        (&empty["item"], &empty["key"]),
        (&Value::Null, &Value::Null)
    );
    assert!(
        empty["message"]
            .as_str()
            .is_some_and(|m| m.contains("empty"))
    );
}

#[test]
fn warnings_are_objects_too_and_deny_warnings_sets_the_exit_code() {
    let scratch = Scratch::new("check-json-warnings");
    // The text says "always" where its quote does not: a warning alone.
    let text = mutate(
        "text = \"Russia is constrained in what it can do.\"",
        "text = \"Russia is always constrained in what it can do.\"",
    );
    let path = scratch.file("model.toml", text.as_bytes());
    let (code, objects, err) = check_json(&[arg(&path)]);
    assert_eq!(code, Some(0), "warnings alone leave a model valid");
    assert!(err.is_empty(), "{err}");
    assert_eq!(objects.len(), 1, "{objects:#?}");
    let warning = &objects[0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["item"], "c37a");
    assert_eq!(warning["key"], "text");
    let text_report = stdout(&claimscope(&["check", arg(&path)]));
    assert!(text_report.starts_with(&as_text(warning)), "{text_report}");

    let (code, denied, _) = check_json(&["--deny-warnings", arg(&path)]);
    assert_eq!(code, Some(1), "--deny-warnings fails a model with warnings");
    assert_eq!(denied, objects, "the same objects, still warnings");
    let (code, _, _) = check_json(&["--deny-warnings", arg(&fixture())]);
    assert_eq!(code, Some(0));
}

#[test]
fn a_file_that_cannot_be_read_is_an_object_on_standard_output() {
    let scratch = Scratch::new("check-json-unreadable");
    let missing = scratch.0.join("nope.toml");
    let (code, objects, err) = check_json(&[arg(&missing)]);
    assert_eq!(code, Some(2));
    assert!(err.is_empty(), "nothing on standard error: {err}");
    assert_eq!(objects.len(), 1, "{objects:#?}");
    let object = &objects[0];
    assert_eq!(object["file"], arg(&missing));
    assert_eq!(object["severity"], "error");
    for key in ["line", "column", "end_line", "end_column", "item", "key"] {
        assert_eq!(object[key], Value::Null, "{key}");
    }
    let message = object["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("cannot read the file"), "{message}");

    // Each file has its objects; the worst exit code wins.
    let riverton = fixture();
    let broken = scratch.file("broken.toml", broken().as_bytes());
    let args = [arg(&riverton), arg(&missing), arg(&broken), arg(&scratch.0)];
    let (code, objects, _) = check_json(&args);
    let objects: Vec<Value> = objects
        .into_iter()
        .filter(|o| o["severity"] != "note")
        .collect();
    assert_eq!(code, Some(2));
    let files: Vec<&str> = objects.iter().filter_map(|o| o["file"].as_str()).collect();
    let last = 1 + BROKEN_PROBLEMS;
    assert_eq!(files.len(), last + 1, "{objects:#?}");
    assert_eq!(files[0], arg(&missing));
    assert!(
        files[1..last].iter().all(|f| *f == arg(&broken)),
        "{files:?}"
    );
    assert_eq!(files[last], arg(&scratch.0));
    let directory = &objects[last]["message"];
    assert!(
        directory
            .as_str()
            .is_some_and(|m| m.starts_with("is a directory"))
    );

    // Text that is not UTF-8 has a place: where the first bad byte is, as in the text.
    let garbage = scratch.file("garbage.toml", b"schema = 1\n\xff\xfe");
    let (code, objects, _) = check_json(&[arg(&garbage)]);
    assert_eq!(code, Some(2));
    assert_eq!(
        (&objects[0]["line"], &objects[0]["column"]),
        (&2.into(), &1.into())
    );
    let text = claimscope(&["check", arg(&garbage)]);
    assert!(
        stderr(&text).starts_with(&as_text(&objects[0])),
        "{}",
        stderr(&text)
    );
}

#[test]
fn what_comes_from_the_file_is_escaped() {
    let scratch = Scratch::new("check-json-escaped");
    let text = mutate("name = \"Dassault\"", "name = \"Dass\u{202e}ault\"").replacen(
        "[article]\n",
        "[article]\n\"ti\u{85}tle\" = \"x\"\n",
        1,
    );
    let path = scratch.file("model.toml", text.as_bytes());
    let out = claimscope(&["check", "--format", "json", arg(&path)]);
    let raw = stdout(&out);
    assert!(
        !raw.contains('\u{202e}') && !raw.contains('\u{85}'),
        "{raw:?}"
    );
    let (_, objects, _) = check_json(&[arg(&path)]);
    let bidi = find(&objects, "bidirectional");
    assert!(
        bidi["message"]
            .as_str()
            .is_some_and(|m| m.contains("U+202E"))
    );
    let key = find(&objects, "unknown key");
    assert_eq!(key["key"], "ti\\u{85}tle");
}

#[test]
fn a_literal_escape_is_told_from_a_real_one_and_separators_are_escaped() {
    let scratch = Scratch::new("check-json-literal");
    // Two unknown keys: one with the six characters `\u{1b}` written in it, one with a
    // real escape character; and a third with a line separator.
    let text = claimscope::model::BUNDLED_MODEL.replacen(
        "[article]\n",
        "[article]\n\"a\\\\u{1b}b\" = \"x\"\n\"a\\u001bb\" = \"x\"\n\"a\\u2028b\" = \"x\"\n",
        1,
    );
    let path = scratch.file("model.toml", text.as_bytes());
    let out = claimscope(&["check", "--format", "json", arg(&path)]);
    let raw = stdout(&out);
    assert!(
        !raw.contains('\u{2028}') && !raw.contains('\u{1b}'),
        "{raw:?}"
    );
    let (_, objects, _) = check_json(&[arg(&path)]);
    let keys: Vec<&str> = objects.iter().filter_map(|o| o["key"].as_str()).collect();
    assert!(
        keys.contains(&"a\\\\u{1b}b"),
        "the literal, its backslash doubled: {keys:?}"
    );
    assert!(
        keys.contains(&"a\\u{1b}b"),
        "the escape character, escaped: {keys:?}"
    );
    assert!(
        keys.contains(&"a\u{2028}b"),
        "the separator, read back whole: {keys:?}"
    );
}
