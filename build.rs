//! Converts the bundled model from TOML to JSON at build time. JSON parses several times
//! faster than TOML, and every run of claimscope starts by loading the bundled model; the
//! TOML file stays the one that is curated, and tests check that both give the same model.

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
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    if let Err(e) = std::fs::write(Path::new(&out).join("bundled.json"), json) {
        println!("cargo::warning=cannot write the bundled model as JSON: {e}");
    }
}
