//! Mangled and hostile model files: loading returns a model or located errors, promptly,
//! and never panics or hangs.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use proptest::prelude::*;

use claimscope::model::{
    BUNDLED_MODEL, FileError, LoadError, MAX_MODEL_BYTES, ModelFile, load_file, load_str,
};

/// A bound that only a hang would exceed; speed is measured by the benchmarks.
const PATIENCE: Duration = Duration::from_secs(30);

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimscope-files-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Loads a file on another thread, failing the test if it takes longer than `PATIENCE`.
fn load_promptly(path: &Path) -> Result<(), LoadError> {
    let (send, receive) = mpsc::channel();
    let path = path.to_path_buf();
    thread::spawn(move || {
        let result = load_file(&path).map(|_| ());
        let _ = send.send(result);
    });
    receive
        .recv_timeout(PATIENCE)
        .expect("loading finished in time (no hang)")
}

/// An outcome is acceptable when it is a model, a file-level refusal, or problems that
/// each say where they are (all but the whole-file ones).
fn assert_well_formed(result: Result<(), LoadError>) {
    match result {
        Ok(()) => {}
        Err(LoadError::Invalid { file, diagnostics }) => {
            assert!(
                !diagnostics.is_empty(),
                "an invalid model with no problem named"
            );
            for d in &diagnostics {
                let whole_file = d.message.contains("the file is empty")
                    || d.message.contains("over the limit")
                    || d.message.contains("TOML syntax errors, the first");
                assert!(
                    d.span.is_some() || whole_file,
                    "a problem with no location: {}",
                    d.message
                );
                if let Some(span) = &d.span {
                    assert!(
                        span.start <= file.text.len(),
                        "a span past the end: {span:?}"
                    );
                }
                assert!(!d.message.is_empty());
            }
        }
        Err(LoadError::File(FileError::NotUtf8 { line, column, .. })) => {
            assert!(line >= 1 && column >= 1)
        }
        Err(LoadError::File(FileError::TooLarge { .. })) => {}
        Err(other) => panic!("an unexpected refusal of a regular file: {other}"),
    }
}

/// One way of mangling the bundled model's bytes.
#[derive(Debug, Clone)]
enum Mangle {
    Flip { at: usize, to: u8 },
    Delete { at: usize, len: usize },
    Duplicate { from: usize, len: usize, to: usize },
    Truncate { at: usize },
}

fn mangle() -> impl Strategy<Value = Mangle> {
    let n = BUNDLED_MODEL.len();
    prop_oneof![
        (0..n, any::<u8>()).prop_map(|(at, to)| Mangle::Flip { at, to }),
        (0..n, 1usize..400).prop_map(|(at, len)| Mangle::Delete { at, len }),
        (0..n, 1usize..2000, 0..n).prop_map(|(from, len, to)| Mangle::Duplicate { from, len, to }),
        (0..n).prop_map(|at| Mangle::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mangle: &Mangle) {
    let n = bytes.len();
    match *mangle {
        Mangle::Flip { at, to } => {
            if at < n {
                bytes[at] = to;
            }
        }
        Mangle::Delete { at, len } => {
            let at = at.min(n);
            bytes.drain(at..(at + len).min(n));
        }
        Mangle::Duplicate { from, len, to } => {
            let from = from.min(n);
            let span: Vec<u8> = bytes[from..(from + len).min(n)].to_vec();
            let to = to.min(bytes.len());
            bytes.splice(to..to, span);
        }
        Mangle::Truncate { at } => bytes.truncate(at.min(n)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mangled_models_load_or_say_where_they_are_wrong(mangles in prop::collection::vec(mangle(), 1..6)) {
        let mut bytes = BUNDLED_MODEL.as_bytes().to_vec();
        for m in &mangles {
            apply(&mut bytes, m);
        }
        let dir = scratch("mangled");
        let path = dir.join("model.toml");
        std::fs::write(&path, &bytes).expect("write");
        let result = load_promptly(&path);
        let _ = std::fs::remove_dir_all(&dir);
        assert_well_formed(result);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "long run: cargo test --test hostile_files -- --ignored"]
    fn mangled_models_long(mangles in prop::collection::vec(mangle(), 1..12)) {
        let mut bytes = BUNDLED_MODEL.as_bytes().to_vec();
        for m in &mangles {
            apply(&mut bytes, m);
        }
        let dir = scratch("mangled-long");
        let path = dir.join("model.toml");
        std::fs::write(&path, &bytes).expect("write");
        let result = load_promptly(&path);
        let _ = std::fs::remove_dir_all(&dir);
        assert_well_formed(result);
    }
}

fn invalid_messages(text: &str) -> Vec<String> {
    let source = ModelFile {
        name: "t.toml".to_string(),
        text: text.to_string(),
    };
    match load_str(&source) {
        Err(LoadError::Invalid { diagnostics, .. }) => {
            diagnostics.into_iter().map(|d| d.message).collect()
        }
        other => panic!("expected an invalid model, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn deeply_nested_arrays_are_refused_not_recursed_into() {
    for open in ["[", "{ a = "] {
        let close = if open == "[" { "]" } else { "}" };
        let text = format!(
            "schema = 1\nx = {}1{}\n",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let messages = invalid_messages(&text);
        assert!(
            messages.iter().any(|m| m.contains("nest more than")),
            "{messages:?}"
        );
    }
    // Nesting in strings and comments is just text.
    let text = format!("# {}\n{}", "[".repeat(10_000), BUNDLED_MODEL);
    let source = ModelFile {
        name: "t.toml".to_string(),
        text,
    };
    assert!(load_str(&source).is_ok());
}

#[test]
fn a_multi_megabyte_string_is_refused_where_it_is() {
    let huge = "very long summary ".repeat(300_000); // about 5.4 MB
    let text = BUNDLED_MODEL.replacen(
        "summary = \"Russia's Gazprom wants to invest in the Turkmenistan-Afghanistan-Pakistan-India gas pipeline.\"",
        &format!("summary = \"{huge}\""),
        1,
    );
    assert!(text.len() > 5_000_000);
    let dir = scratch("huge-string");
    let path = dir.join("model.toml");
    std::fs::write(&path, &text).expect("write");
    let result = load_promptly(&path);
    let _ = std::fs::remove_dir_all(&dir);
    let Err(LoadError::Invalid { diagnostics, .. }) = result else {
        panic!("a 5 MB text is over the limit: {result:?}");
    };
    // One problem (the notes beside it say what waits for it).
    let problems: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(problems.len(), 1, "{diagnostics:?}");
    let summary = problems[0];
    assert!(
        summary
            .message
            .contains(&format!("is {} bytes long", huge.len())),
        "{}",
        summary.message
    );
    assert!(
        summary
            .message
            .contains(&claimscope::model::MAX_TEXT_BYTES.to_string()),
        "{}",
        summary.message
    );
    let span = summary.span.clone().expect("located");
    assert!(text[span].starts_with("\"very long summary"));
}

#[test]
fn files_that_cannot_be_models_are_refused_with_their_reason() {
    let dir = scratch("refused");
    // Over the size limit (a sparse file: nothing is written to disk).
    let big = dir.join("big.toml");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(MAX_MODEL_BYTES + 1))
        .expect("sparse file");
    assert!(matches!(
        ModelFile::read(&big),
        Err(LoadError::File(FileError::TooLarge { .. }))
    ));
    // Empty, and whitespace only.
    for (name, content) in [("empty.toml", ""), ("blank.toml", " \n\t\n")] {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write");
        match load_file(&path) {
            Err(LoadError::Invalid { diagnostics, .. }) => {
                assert!(diagnostics[0].message.contains("empty"))
            }
            other => panic!("{name}: {:?}", other.map(|_| ())),
        }
    }
    // Binary garbage.
    let garbage = dir.join("garbage.toml");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x9b, 0x1b, 0x5b]).expect("write");
    assert!(matches!(
        ModelFile::read(&garbage),
        Err(LoadError::File(FileError::NotUtf8 {
            line: 1,
            column: 1,
            ..
        }))
    ));
    // A directory, and a missing file.
    assert!(matches!(
        ModelFile::read(&dir),
        Err(LoadError::File(FileError::IsDirectory { .. }))
    ));
    assert!(matches!(
        ModelFile::read(&dir.join("missing.toml")),
        Err(LoadError::File(FileError::Io { .. }))
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_an_io_error() {
    // A regular file whose reading fails, even for root, who can read what mode forbids.
    let result = ModelFile::read(Path::new("/proc/self/mem"));
    assert!(
        matches!(result, Err(LoadError::File(FileError::Io { .. }))),
        "{:?}",
        result.map(|s| s.name)
    );
    // And a special file is refused before it is read (a FIFO would block the read).
    assert!(matches!(
        ModelFile::read(Path::new("/dev/zero")),
        Err(LoadError::File(FileError::NotAFile { .. }))
    ));
}

/// A symlink that flips between a model and a FIFO while it is being read: whatever the
/// path names when it is opened is what gets checked, so no read waits on the FIFO (a
/// check of the path before the open once let one in, about one read in 400).
#[test]
fn a_symlink_swapped_to_a_fifo_never_makes_reading_hang() {
    use std::os::unix::fs::symlink;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let dir = scratch("swapped");
    let model = dir.join("model.toml");
    std::fs::write(&model, "schema = 1\n").expect("write");
    let fifo = dir.join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let link = dir.join("link.toml");
    symlink(&model, &link).expect("symlink");
    let done = Arc::new(AtomicBool::new(false));
    let flips = Arc::new(AtomicUsize::new(0));
    let swapper = {
        let (done, flips, dir, link) = (
            Arc::clone(&done),
            Arc::clone(&flips),
            dir.clone(),
            link.clone(),
        );
        thread::spawn(move || {
            let next = dir.join("next.toml");
            while !done.load(Ordering::Relaxed) {
                let turn = flips.load(Ordering::Relaxed);
                let target = if turn % 2 == 0 { &fifo } else { &model };
                let _ = std::fs::remove_file(&next);
                if symlink(target, &next).is_ok() && std::fs::rename(&next, &link).is_ok() {
                    flips.store(turn + 1, Ordering::Relaxed); // The link always exists.
                }
            }
        })
    };
    let (send, receive) = mpsc::channel();
    // Read while the link flips a thousand times (the old check-then-open hung within
    // that in most runs), and at least a thousand times.
    const FLIPS: usize = 1_000;
    {
        let flips = Arc::clone(&flips);
        thread::spawn(move || {
            let (mut read, mut refused) = (0usize, 0usize);
            // Until both sides have been read, too (a busy machine can starve the flips).
            let enough = |read: usize, refused: usize| {
                read >= FLIPS
                    && flips.load(Ordering::Relaxed) >= FLIPS
                    && refused > 0
                    && refused < read
            };
            while !enough(read, refused) && read < 100 * FLIPS {
                match ModelFile::read(&link) {
                    Ok(file) => assert_eq!(file.text, "schema = 1\n"),
                    Err(LoadError::File(FileError::NotAFile { .. })) => refused += 1,
                    Err(other) => panic!("{other}"),
                }
                read += 1;
            }
            let _ = send.send((read, refused));
        });
    }
    let outcome = receive.recv_timeout(PATIENCE);
    done.store(true, Ordering::Relaxed);
    let _ = swapper.join();
    let _ = std::fs::remove_dir_all(&dir);
    let (read, refused) = outcome.expect("every read ended (none waited on the FIFO)");
    // Both sides of the flip were seen, or the test tested nothing.
    assert!(refused > 0 && refused < read, "{refused} of {read} refused");
}

/// Under an address-space limit (`ulimit -v`) too small for a large model, every command
/// that reads it refuses it with the figures and exit 2, before reading: none aborts on a
/// failed allocation.
#[test]
fn a_model_too_large_for_the_address_limit_is_refused_with_figures() {
    let dir = scratch("ulimit");
    let model = dir.join("big.toml");
    std::fs::write(&model, claimscope::corpus::generate(100_000)).expect("write the model");
    let cache = dir.join("cache");
    std::fs::create_dir_all(&cache).expect("cache dir");
    for command in [
        &["check"][..],
        &["show", "c10000"],
        &["search", "arms"],
        &["export", "--format", "json"],
    ] {
        // 200 MB: the binary starts in some 20, and the model needs some 340.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 200000 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_claimscope"))
            .arg("--data")
            .arg(&model)
            .args(command)
            .env("CLAIMSCOPE_CACHE_DIR", &cache)
            .env_remove("RUST_BACKTRACE")
            .output()
            .expect("sh runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {said}");
        assert!(
            said.contains("loading it takes about")
                && said.contains("MB of address space")
                && said.contains("(ulimit -v) leaves"),
            "{command:?}: {said}"
        );
        assert!(out.stdout.is_empty(), "{command:?} wrote to stdout");
    }
}
