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

#[test]
fn json_exports_can_be_embedded_in_a_script_element() {
    // ClaimReview and annotations are JSON-LD, embedded in pages as
    // <script type="application/ld+json">: no text may end the element.
    let scratch = common::Scratch::new("export-script-safe");
    let mut model = Model::bundled().expect("bundled");
    let script = "</script><script>alert(1)</script> & <b>";
    model.claims[0].text = format!("A claim {script}");
    model.reviews[0].summary = format!("A review {script}");
    let path = scratch.file("m.toml", toml::to_string(&model).expect("TOML").as_bytes());
    for format in ["claimreview", "annotations", "json", "timeline", "aif"] {
        let out = tools::export(format, Some(&path));
        assert!(
            !out.contains('<') && !out.contains('>') && !out.contains('&'),
            "{format}: a raw < > or & in the JSON"
        );
        // Escaped, the same text: the JSON reads back to it.
        let parsed: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let carries_text = format != "timeline";
        assert!(
            !carries_text || parsed.to_string().contains("alert(1)"),
            "{format}"
        );
    }
    let out = tools::export("json", Some(&path));
    let back: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(back["claims"][0]["text"], format!("A claim {script}"));
}

#[test]
fn the_markdown_brief_renders_no_model_text_as_markup() {
    // Rendered as a CommonMark renderer publishes it, the brief holds the model's texts as
    // text: no element, attribute or heading comes from them, and no address ends its link.
    let scratch = common::Scratch::new("export-markdown-html");
    let mut model = Model::bundled().expect("bundled");
    model.claims[0].text = "<script>alert(1)</script> and <img src=x onerror=alert(2)>".to_string();
    model.claims[1].text = "# Not a heading & not &amp; an entity".to_string();
    model.arguments[0].title = "*not emphasis* [not a link](https://example.org)".to_string();
    model.actors[0].summary = "<b>bold</b> | a cell".to_string();
    model.sources[0].url = "https://example.org/a><script>alert(3)</script>".to_string();
    let path = scratch.file("m.toml", toml::to_string(&model).expect("TOML").as_bytes());
    let markdown = tools::export("markdown", Some(&path));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown));
    for markup in [
        "<script",
        "<img",
        "<b>",
        "<em>not",
        "<a href=\"https://example.org\">",
    ] {
        assert!(!html.contains(markup), "{markup} came out as markup");
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text kept"
    );
    assert!(
        !html.contains("<h1>Not a heading"),
        "a claim made a heading"
    );
    assert!(
        html.contains("&amp;amp; an entity"),
        "an entity written as text"
    );
    // The address stays one link, its `>` and `<` percent-encoded.
    assert!(
        html.contains("href=\"https://example.org/a%3E%3Cscript%3Ealert(3)%3C/script%3E\""),
        "the address"
    );
}
