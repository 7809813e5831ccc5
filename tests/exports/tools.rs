//! Finding the external tools, running them with a time limit, and the exports and models
//! the tests feed them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use claimscope::model::{Model, load_file};

use crate::common::{Scratch, arg, claimscope, stderr};

/// The repository, where `.tools/` is.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Says on stderr that a check was skipped and why, so that a run without the tools shows
/// it. It writes to stderr itself: the test harness would hide `eprintln!` of a test that
/// passes.
pub fn skip(reason: &str) {
    let _ = writeln!(std::io::stderr(), "skipped: {reason}");
}

/// An executable named `name` on PATH.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A command installed by npm into `.tools/node`, or else on PATH.
pub fn node_tool(name: &str) -> Option<PathBuf> {
    let local = repo().join(".tools/node/node_modules/.bin").join(name);
    if local.is_file() {
        return Some(local);
    }
    on_path(name)
}

/// A Python that can import every one of `modules`: `.tools/py`'s, or else python3 on PATH.
pub fn python_with(modules: &[&str]) -> Option<PathBuf> {
    let local = repo().join(".tools/py/bin/python");
    let candidates = [Some(local), on_path("python3")];
    candidates.into_iter().flatten().find(|python| {
        python.is_file()
            && Command::new(python)
                .arg("-c")
                .arg(format!("import {}", modules.join(", ")))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
    })
}

/// Runs `command`, killing it if it takes longer than `limit`. Its output is read as it
/// comes, so that a full pipe cannot stall it.
pub fn run(command: &mut Command, limit: Duration) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

/// `claimscope [--data DATA] export --format FORMAT`, which must succeed.
pub fn export(format: &str, data: Option<&Path>) -> String {
    let mut args = vec!["export", "--format", format];
    if let Some(path) = data {
        args.splice(0..0, ["--data", arg(path)]);
    }
    let out = claimscope(&args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8 export")
}

/// A claim text that uses everything the formats give meaning: Argdown's references,
/// tags, data, comments, emphasis, shortcodes and inference lines, HTML's tags and entities,
/// JSON's quotes and escapes, and a line separator.
pub const HOSTILE: &str = "[x]: <y> #z {w: \"}\"} @[k] *b* _i_ // /* c */ <!-- d --> \\e -- f === g .A. :smile: <b>&amp;</b> 'q' U.S.A. 2.5\u{2028}end";

/// The bundled model with [`HOSTILE`] in the first claim's text, the thesis's title, the
/// first event's title and the first later event's summary, and its last sentence carrying
/// it as a quote of its own, written to `scratch` as TOML. It is checked to load.
pub fn hostile_model(scratch: &Scratch) -> PathBuf {
    let mut model = Model::bundled().expect("bundled");
    model.claims[0].text = format!("A claim: {HOSTILE}");
    model.arguments[0].title = format!("A thesis: {HOSTILE}");
    model.events[0].title = format!("An event: {HOSTILE}");
    model.later[0].summary = format!("Later: {HOSTILE}");
    let last = model.claims.len() - 1;
    let sentence = model
        .sentences
        .iter_mut()
        .find(|s| s.id == model.claims[last].sentence)
        .expect("the last claim's sentence");
    sentence.text = format!("{} {HOSTILE}", sentence.text);
    model.claims[last].quote = HOSTILE.to_string();
    let text = toml::to_string(&model).expect("TOML");
    let path = scratch.file("hostile.toml", text.as_bytes());
    if let Err(e) = load_file(&path) {
        panic!("the hostile model must load: {e}");
    }
    path
}

/// Reads a model file the way the binary does.
pub fn model_at(path: &Path) -> Model {
    load_file(path).expect("model loads")
}
