//! Every export read back by the tool its users use, one module a format. Tools come from
//! `.tools/` (which `.ci/tools` fills) or PATH; a test whose tool is missing says
//! "skipped: ..." on stderr and checks what it can without it. Every count a test expects
//! comes from the model, never from the export.

#[path = "../common/mod.rs"]
mod common;
mod tools;

mod aif;
mod annotations;
mod argdown;
mod claimreview;
mod taplo;
mod timeline;

use claimscope::model::Model;
use common::claimscope;

use tools::hostile_model;

/// The formats `export --help` must list, one per exporter.
const FORMATS: [&str; 8] = [
    "json",
    "markdown",
    "dot",
    "argdown",
    "aif",
    "timeline",
    "annotations",
    "claimreview",
];

#[test]
fn every_format_is_listed_in_help_and_exports_the_bundled_and_another_model() {
    let out = claimscope(&["export", "--help"]);
    let help = common::stdout(&out);
    let scratch = common::Scratch::new("exports-all");
    let hostile = hostile_model(&scratch);
    for format in FORMATS {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(format)),
            "`{format}` is not described in export --help:\n{help}"
        );
        for data in [None, Some(common::fixture()), Some(hostile.clone())] {
            let mut args = vec!["export", "--format", format];
            if let Some(path) = &data {
                args.splice(0..0, ["--data", common::arg(path)]);
            }
            let out = claimscope(&args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?}: {}",
                common::stderr(&out)
            );
            assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        }
    }
}

/// The bundled model, as the tests count from it.
fn bundled() -> Model {
    Model::bundled().expect("the bundled model loads")
}
