//! Helpers the tests share: the real binary run, the bundled model bent to a purpose,
//! and (in `screen` and `styled`) the explorer drawn on a test terminal.
#![allow(dead_code)]

pub mod pty;
pub mod screen;
pub mod styled;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs claimscope with `args`, NO_COLOR set and output captured.
pub fn claimscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(args)
        .env("NO_COLOR", "1")
        // The tests' large models are not to fill the cache of whoever runs them.
        .env("CLAIMSCOPE_NO_CACHE", "1")
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The example model for a made-up article.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/riverton.toml")
}

/// A scratch directory of this test process, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("claimscope-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    pub fn file(&self, name: &str, content: &[u8]) -> PathBuf {
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

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// The 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    text[..at].matches('\n').count() + 1
}

/// The bundled model with `from` (which must occur exactly once) replaced by `to`.
pub fn mutate(from: &str, to: &str) -> String {
    let model = claimscope::model::BUNDLED_MODEL;
    assert_eq!(
        model.matches(from).count(),
        1,
        "`{from}` must occur once in the model"
    );
    model.replacen(from, to, 1)
}

/// What loading `text` reports: each problem's line and message; none for a valid model.
pub fn problems(text: &str) -> Vec<(usize, String)> {
    use claimscope::model::{LoadError, ModelFile, load_str};
    let source = ModelFile {
        name: "test.toml".to_string(),
        text: text.to_string(),
    };
    match load_str(&source) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics
            .iter()
            .map(|d| (d.location(text).line, d.message.clone()))
            .collect(),
        Err(other) => panic!("expected an invalid model, got {other}"),
    }
}

/// Asserts that loading `text` reports a problem on `line` whose message contains every
/// one of `words`.
pub fn assert_problem(text: &str, line: usize, words: &[&str]) {
    let found = problems(text);
    assert!(
        found
            .iter()
            .any(|(l, m)| *l == line && words.iter().all(|w| m.contains(w))),
        "no problem on line {line} mentioning {words:?}; got {found:#?}"
    );
}

/// The items of `model` that involve every one of `actors` (ids), as (kind, id), read from
/// the model itself: an actor involves itself; a claim, an event and a later event the
/// actors they name; an argument node and a review the actors of their claims; a source
/// none.
pub fn items_involving(
    model: &claimscope::model::Model,
    actors: &[&str],
) -> std::collections::BTreeSet<(&'static str, String)> {
    let of_claims = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| model.claims.iter().find(|c| &c.id == id))
            .flat_map(|c| c.actors.clone())
            .collect()
    };
    // Relations have no id in the file; the index calls each `from/to`.
    let relation_ids: Vec<String> = model
        .relations
        .iter()
        .map(|r| format!("{}/{}", r.from, r.to))
        .collect();
    let mut all: Vec<(&'static str, &String, Vec<String>)> = Vec::new();
    all.extend(
        model
            .actors
            .iter()
            .map(|a| ("actor", &a.id, vec![a.id.clone()])),
    );
    all.extend(
        model
            .claims
            .iter()
            .map(|c| ("claim", &c.id, c.actors.clone())),
    );
    all.extend(
        model
            .events
            .iter()
            .map(|e| ("event", &e.id, e.actors.clone())),
    );
    all.extend(
        model
            .arguments
            .iter()
            .map(|n| ("argument", &n.id, of_claims(&n.claims))),
    );
    all.extend(
        model
            .relations
            .iter()
            .zip(&relation_ids)
            .map(|(r, id)| ("relation", id, vec![r.from.clone(), r.to.clone()])),
    );
    all.extend(
        model
            .later
            .iter()
            .map(|l| ("later", &l.id, l.actors.clone())),
    );
    all.extend(
        model
            .reviews
            .iter()
            .map(|r| ("review", &r.id, of_claims(&r.claims))),
    );
    all.extend(model.sources.iter().map(|s| ("source", &s.id, Vec::new())));
    all.into_iter()
        .filter(|(_, _, involved)| actors.iter().all(|a| involved.iter().any(|i| i == a)))
        .map(|(kind, id, _)| (kind, id.clone()))
        .collect()
}
