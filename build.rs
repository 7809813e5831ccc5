//! Converts the bundled model from TOML to JSON at build time. JSON parses several times
//! faster than TOML, and every run of claimscope starts by loading the bundled model; the
//! TOML file stays the one that is curated, and tests check that both give the same model.
//!
//! It also gives the build a fingerprint of the code whose output the model cache saves,
//! so that a build that would make a copy differently never reads another's.

use std::path::Path;

fn main() {
    let source = Path::new("assets/pakistan-russia-2012.toml");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).unwrap_or_default();
    // A model that is not even TOML is left for the loader to report at run time.
    let json = toml::from_str::<toml::Value>(&text)
        .ok()
        .and_then(|value| serde_json::to_string(&value).ok())
        .unwrap_or_default();
    cache_shape();
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    if let Err(e) = std::fs::write(Path::new(&out).join("bundled.json"), json) {
        println!("cargo::warning=cannot write the bundled model as JSON: {e}");
    }
}

/// The code whose output the model cache saves, hashed together as
/// `CLAIMSCOPE_CACHE_SHAPE`: the model's reading, checking and indexing, the search's
/// items, the cache itself, the locked dependencies and the compiler. A change to any of
/// them (a field added, a label worded anew, a check made stricter) gives every copy a key
/// that no longer matches, so a copy is never read by a build that would have made it
/// differently.
const CACHE_SOURCES: &[&str] = &[
    "src/cache",
    "src/model",
    "src/search",
    "src/lib.rs",
    "Cargo.lock",
];

fn cache_shape() {
    use std::hash::{DefaultHasher, Hasher};
    let mut files = Vec::new();
    for source in CACHE_SOURCES {
        println!("cargo::rerun-if-changed={source}");
        collect(Path::new(source), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(file).unwrap_or_default());
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-vV").output();
    hasher.write(&version.map(|o| o.stdout).unwrap_or_default());
    println!(
        "cargo::rustc-env=CLAIMSCOPE_CACHE_SHAPE={:016x}",
        hasher.finish()
    );
}

/// Every file at or under `path`.
fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) => files.push(path.to_path_buf()),
    }
}
