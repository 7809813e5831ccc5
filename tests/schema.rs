//! The JSON Schema of model files: the copy in docs/ is the one the types generate, the
//! real models pass it, broken ones fail it where they are broken, and it agrees with the
//! reader on which keys an item must have.

mod common;

use std::path::Path;

use claimscope::model::{
    BUNDLED_MODEL, LoadError, ModelFile, SCHEMA_PATH, check_str, date_pattern, json_schema,
    json_schema_text,
};
use common::{claimscope, fixture, stdout};
use jsonschema::Validator;
use serde_json::{Value, json};

/// The schema kept in the repository.
fn kept() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{SCHEMA_PATH}: {e}"))
}

fn validator() -> Validator {
    jsonschema::draft7::new(&json_schema()).expect("the schema compiles")
}

/// A TOML model as the JSON value a validator sees.
fn as_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).expect("the model is TOML");
    serde_json::to_value(value).expect("TOML converts to JSON")
}

/// Where in the model the schema finds it wrong (JSON pointers), and why.
fn failures(model: &Value) -> Vec<(String, String)> {
    validator()
        .iter_errors(model)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

#[test]
fn the_kept_schema_is_the_one_the_types_generate() {
    let generated = json_schema_text();
    if std::env::var_os("CLAIMSCOPE_BLESS").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
        std::fs::write(path, &generated).expect("write the schema");
    }
    assert!(
        kept() == generated,
        "{SCHEMA_PATH} is out of date with the model's types; regenerate it with\n    \
         cargo run -q -- schema > {SCHEMA_PATH}\n(or run this test with CLAIMSCOPE_BLESS=1)"
    );
}

#[test]
fn the_schema_command_prints_the_kept_schema() {
    let out = claimscope(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out) == kept(),
        "`claimscope schema` differs from {SCHEMA_PATH}"
    );
}

#[test]
fn the_schema_is_a_valid_draft_7_schema() {
    let schema = json_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("not a valid schema: {e}");
    }
}

#[test]
fn the_bundled_model_and_the_fixture_pass() {
    let riverton = std::fs::read_to_string(fixture()).expect("the fixture reads");
    for (name, text) in [("bundled", BUNDLED_MODEL), ("riverton", riverton.as_str())] {
        let found = failures(&as_json(text));
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
}

#[test]
fn the_schema_directive_is_a_comment_that_check_passes_over() {
    let riverton = std::fs::read_to_string(fixture()).expect("the fixture reads");
    for model in [BUNDLED_MODEL, riverton.as_str()] {
        let source = ModelFile {
            name: "model.toml".to_string(),
            text: format!("#:schema ./model.schema.json\n{model}"),
        };
        match check_str(&source) {
            Ok(checked) => assert!(checked.warnings.is_empty(), "{:?}", checked.warnings),
            Err(e) => panic!("{e}"),
        }
    }
}

/// The bundled model, as JSON, changed by `change`; then where the schema finds it wrong.
fn broken(change: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut model = as_json(BUNDLED_MODEL);
    change(&mut model);
    failures(&model)
}

fn assert_fails_at(found: &[(String, String)], at: &str, words: &[&str]) {
    assert!(
        found
            .iter()
            .any(|(path, why)| path == at && words.iter().all(|w| why.contains(w))),
        "no failure at {at} mentioning {words:?}: {found:#?}"
    );
}

#[test]
fn broken_models_fail_where_they_are_broken() {
    // An unknown key, in an item and at the top.
    let found = broken(|m| m["claims"][3]["txet"] = json!("typo"));
    assert_fails_at(&found, "/claims/3", &["txet"]);
    let found = broken(|m| m["claim"] = json!([]));
    assert_fails_at(&found, "", &["claim"]);
    // A word that is not one of its set.
    let found = broken(|m| m["claims"][0]["kind"] = json!("opinion"));
    assert_fails_at(&found, "/claims/0/kind", &["opinion", "fact"]);
    let found = broken(|m| m["reviews"][0]["verdict"] = json!("partial"));
    assert_fails_at(&found, "/reviews/0/verdict", &["partial", "partly"]);
    let found = broken(|m| m["events"][0]["status"] = json!("Happened"));
    assert_fails_at(&found, "/events/0/status", &["Happened"]);
    // A missing required key, in an item, in the article, at the top.
    let found = broken(|m| {
        m["claims"][2].as_object_mut().map(|c| c.remove("quote"));
    });
    assert_fails_at(&found, "/claims/2", &["quote", "required"]);
    let found = broken(|m| {
        m["article"].as_object_mut().map(|a| a.remove("author"));
    });
    assert_fails_at(&found, "/article", &["author", "required"]);
    let found = broken(|m| {
        m.as_object_mut().map(|top| top.remove("arguments"));
    });
    assert_fails_at(&found, "", &["arguments", "required"]);
    // A value of the wrong type.
    let found = broken(|m| m["sentences"][0]["paragraph"] = json!("1"));
    assert_fails_at(&found, "/sentences/0/paragraph", &["integer"]);
    let found = broken(|m| m["actors"][0]["aliases"] = json!("Moscow"));
    assert_fails_at(&found, "/actors/0/aliases", &["array"]);
    let found = broken(|m| m["events"][0]["record"] = json!("none"));
    assert_fails_at(&found, "/events/0/record", &["object"]);
    // What the reader demands of a value: a date's form, the version, no empty string,
    // an id's form, a paragraph from 1, an https address.
    let found = broken(|m| m["events"][0]["date"] = json!("May 2012"));
    assert_fails_at(&found, "/events/0/date", &["May 2012"]);
    let found = broken(|m| m["schema"] = json!(2));
    assert_fails_at(&found, "/schema", &["1"]);
    let found = broken(|m| m["actors"][0]["aliases"] = json!([""]));
    assert_fails_at(&found, "/actors/0/aliases/0", &["shorter"]);
    let found = broken(|m| m["claims"][0]["id"] = json!("C05a"));
    assert_fails_at(&found, "/claims/0/id", &["C05a"]);
    let found = broken(|m| m["sentences"][0]["paragraph"] = json!(0));
    assert_fails_at(&found, "/sentences/0/paragraph", &["minimum"]);
    let found = broken(|m| m["sources"][0]["url"] = json!("http://example.org"));
    assert_fails_at(&found, "/sources/0/url", &["https"]);
}

#[test]
fn the_date_pattern_agrees_with_the_reader() {
    let pattern = json!({ "type": "string", "pattern": date_pattern() });
    let schema = jsonschema::draft7::new(&pattern).expect("the pattern compiles");
    let forms = [
        "2012",
        "2012-05",
        "2012-10-02",
        "../2012",
        "../2012-10",
        "2012/..",
        "2012-10-02/..",
        "2016-09-24/2016-10-10",
        "2011/2012-03",
        "12",
        "2012-5",
        "2012-13",
        "2012-00",
        "2012-10-2",
        "2012-10-32",
        "2012-10-00",
        "May 2012",
        " 2012",
        "2012/",
        "/2012",
        "../..",
        "../2012/..",
        "2012/2013/2014",
        "2012--10",
        "2012-10-02T00:00",
    ];
    for form in forms {
        let reads = form.parse::<claimscope::model::Date>().is_ok();
        assert_eq!(schema.is_valid(&json!(form)), reads, "`{form}`");
    }
    // What only the reader can tell: that the day exists and an interval runs forward.
    for form in ["2013-02-29", "2012-04-31", "2013/2012", "2012-10/2012-10"] {
        assert!(form.parse::<claimscope::model::Date>().is_err(), "`{form}`");
        assert!(schema.is_valid(&json!(form)), "`{form}`");
    }
}

/// A table of each kind in the bundled model (as a JSON pointer), and its definition in
/// the schema.
const ITEMS: &[(&str, &str)] = &[
    ("/article", "Article"),
    ("/sentences/0", "Sentence"),
    ("/actors/0", "Actor"),
    ("/events/0", "Event"),
    ("/events/0/record", "Record"),
    ("/claims/0", "Claim"),
    ("/relations/0", "Relation"),
    ("/arguments/1", "ArgumentNode"),
    ("/sources/0", "Source"),
    ("/later/0", "LaterEvent"),
    ("/reviews/0", "Review"),
];

/// What `check` says of a model given as JSON (written back as TOML).
fn checked(model: &Value) -> Vec<String> {
    let text = toml::to_string(model).expect("the model writes as TOML");
    let source = ModelFile {
        name: "model.toml".to_string(),
        text,
    };
    match check_str(&source) {
        Ok(checked) => checked.warnings.iter().map(|d| d.message.clone()).collect(),
        Err(LoadError::Invalid { diagnostics, .. }) => {
            diagnostics.iter().map(|d| d.message.clone()).collect()
        }
        Err(other) => panic!("{other}"),
    }
}

/// Whether a message of `check` says that `key` must be given: the reader's own words
/// for a key that is always required, and `check`'s for one required by another's value
/// (a note for an inferred date, a parent for all but the thesis).
fn demands(message: &str, key: &str) -> bool {
    [
        format!("missing key `{key}`"),
        format!("so `{key}` must say"),
        format!("needs a `{key}`"),
    ]
    .iter()
    .any(|words| message.contains(words.as_str()))
}

#[test]
fn the_schema_and_the_reader_agree_on_the_keys_an_item_must_have() {
    let model = as_json(BUNDLED_MODEL);
    let validator = validator();
    for (pointer, _) in ITEMS {
        let item = model
            .pointer(pointer)
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("no table at {pointer}"));
        for key in item.keys() {
            let mut without = model.clone();
            if let Some(table) = without.pointer_mut(pointer).and_then(Value::as_object_mut) {
                table.remove(key);
            }
            let schema_requires = validator
                .iter_errors(&without)
                .any(|e| e.instance_path().to_string() == *pointer && e.to_string().contains(key));
            let reader_requires = checked(&without).iter().any(|m| demands(m, key));
            assert_eq!(
                schema_requires, reader_requires,
                "{pointer}: is `{key}` required? the schema says {schema_requires}, the reader {reader_requires}"
            );
        }
    }
}

#[test]
fn every_key_the_schema_allows_the_reader_knows() {
    let schema = json_schema();
    let model = as_json(BUNDLED_MODEL);
    let top: Vec<&String> = schema["properties"]
        .as_object()
        .expect("the top level has properties")
        .keys()
        .collect();
    assert_eq!(top.len(), 11, "{top:?}");
    for (pointer, definition) in ITEMS {
        let properties = schema["definitions"][definition]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no definition {definition}"));
        let present = model.pointer(pointer).and_then(Value::as_object);
        for key in properties.keys() {
            if present.is_some_and(|item| item.contains_key(key)) {
                continue;
            }
            let mut with = model.clone();
            if let Some(table) = with.pointer_mut(pointer).and_then(Value::as_object_mut) {
                table.insert(key.clone(), json!("x"));
            }
            let unknown = checked(&with)
                .into_iter()
                .find(|m| m.contains(&format!("unknown key `{key}`")));
            assert_eq!(unknown, None, "{pointer}: the schema allows `{key}`");
        }
    }
}
