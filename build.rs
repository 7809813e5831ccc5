//! Converts the bundled model from TOML to JSON at build time. JSON parses several times
//! faster than TOML, and every run of claimscope starts by loading the bundled model; the
//! TOML file stays the one that is curated, and tests check that both give the same model.
//!
//! It also gives the build a fingerprint of the files that say how the model cache lays a
//! model out, so that a build whose types differ never reads another's copies.

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

/// The files whose types the model cache writes, hashed together as
/// `CLAIMSCOPE_CACHE_SHAPE`: any change to them (a field added, a type reordered) makes the
/// cache's copies of other builds keys that never match, and so never read.
const CACHE_SHAPE_FILES: &[&str] = &[
    "src/cache/copy.rs",
    "src/cache/mod.rs",
    "src/cache/names.rs",
    "src/model/date.rs",
    "src/model/index.rs",
    "src/model/item.rs",
    "src/model/links.rs",
    "src/model/mod.rs",
    "src/model/serial.rs",
    "src/model/timeline.rs",
    "src/search/items.rs",
    "src/search/mod.rs",
    "src/search/parts.rs",
];

fn cache_shape() {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    for file in CACHE_SHAPE_FILES {
        println!("cargo::rerun-if-changed={file}");
        hasher.write(file.as_bytes());
        hasher.write(&std::fs::read(file).unwrap_or_default());
    }
    println!(
        "cargo::rustc-env=CLAIMSCOPE_CACHE_SHAPE={:016x}",
        hasher.finish()
    );
}
