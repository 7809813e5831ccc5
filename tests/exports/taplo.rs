//! The JSON Schema read by Taplo, the TOML tool behind Even Better TOML, through the
//! `#:schema` directive a curator puts on a model's first line: the models pass, and a
//! broken one fails where it is broken.

use std::path::Path;
use std::time::Duration;

use claimscope::model::BUNDLED_MODEL;

use crate::common::{Scratch, arg, claimscope, fixture, stdout};
use crate::tools::{node_tool, run, skip};

/// `taplo lint` of `model` with the schema directive on its first line, beside a copy
/// of the schema `claimscope schema` prints: whether it passed, and what Taplo said.
fn lint(taplo: &Path, scratch: &Scratch, model: &str) -> (bool, String) {
    let schema = claimscope(&["schema"]);
    scratch.file("model.schema.json", stdout(&schema).as_bytes());
    let text = format!("#:schema ./model.schema.json\n{model}");
    let path = scratch.file("model.toml", text.as_bytes());
    let out = run(
        std::process::Command::new(taplo)
            .args(["lint", "--no-auto-config", arg(&path)])
            .current_dir(&scratch.0),
        Duration::from_secs(60),
    );
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.success(), said)
}

#[test]
fn taplo_passes_the_models_and_fails_a_broken_one_where_it_is_broken() {
    let Some(taplo) = node_tool("taplo") else {
        skip("taplo is not installed (bash .ci/tools installs it)");
        return;
    };
    let scratch = Scratch::new("taplo");
    let riverton = std::fs::read_to_string(fixture()).expect("the fixture reads");
    for model in [BUNDLED_MODEL, riverton.as_str()] {
        let (passed, said) = lint(&taplo, &scratch, model);
        assert!(passed, "{said}");
    }
    let broken = riverton
        .replacen("kind = \"fact\"", "kind = \"facts\"", 1)
        .replacen("standfirst = ", "standfrist = ", 1)
        .replacen("published = \"2019-04\"", "published = \"April 2019\"", 1);
    let (passed, said) = lint(&taplo, &scratch, &broken);
    assert!(!passed, "{said}");
    for words in [
        "\"facts\" is not one of",
        "'standfrist' was unexpected",
        "\"standfirst\" is a required property",
        "\"April 2019\" does not match",
    ] {
        assert!(said.contains(words), "no {words:?} in:\n{said}");
    }
}
