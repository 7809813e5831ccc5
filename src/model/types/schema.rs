//! The JSON Schema of a model file, generated from the model's types, for editors that
//! check TOML against a schema as it is typed (Taplo, Even Better TOML). It describes the
//! file as a curator writes it; `claimscope check` remains the authority and checks much
//! more (docs/model.md).
//!
//! The types say most of it: their keys, which are optional, their words, and that no
//! other key is allowed. What the file holds differently from the types is said here:
//! a date is a string of a documented form, TOML has no null, a string is never empty,
//! and an id and an address have their forms. What concerns one type alone is said beside
//! it, in model.rs, where its derive names it: `schema` is this build's version, and a few
//! keys are required by another's value (a note for an inferred date, a parent and a
//! stance for every argument node but the thesis).

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::date::Date;
use super::model::Model;

/// Where the schema is kept in the repository, for editors to point at.
pub const SCHEMA_PATH: &str = "docs/model.schema.json";

/// One date of the three precisions: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
const PRECISE: &str = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?";

/// What an id looks like: lowercase letters and digits in words joined by `-`.
const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The JSON Schema (draft 7, which editors' TOML tools all read) of a model file.
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft07()
        .with_transform(FileShapes)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Model>();
    schema.insert("title".into(), "claimscope model".into());
    schema.insert(
        "description".into(),
        "A curated model of one opinion article, as a TOML file. `claimscope check` checks much more than this schema can: quotes verbatim, references that resolve, one thesis and no cycle."
            .into(),
    );
    schema.to_value()
}

/// The schema as it is kept in [`SCHEMA_PATH`]: pretty-printed, ending in a newline.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The date forms the reader accepts, as a pattern.
pub fn date_pattern() -> String {
    format!("^({PRECISE}|\\.\\./{PRECISE}|{PRECISE}/\\.\\.|{PRECISE}/{PRECISE})$")
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": date_pattern(),
            "description": "A date at the precision the article allows: YYYY, YYYY-MM or YYYY-MM-DD; ../DATE (at some time up to DATE), DATE/.. (from DATE on), or DATE/DATE (from the first to the second, both included).",
            "examples": ["2012", "2012-05", "2012-10-02", "../2012-10", "2016-09-24/2016-10-10"],
        })
    }
}

/// Makes the generated schemas say what the file holds: no null anywhere (TOML has none;
/// an optional key is left out), no empty string (the reader refuses one), an `id` of the
/// form `check` demands, and each closed set of words as one `enum`, which every editor
/// completes and whose errors name the words.
#[derive(Debug, Clone)]
struct FileShapes;

impl Transform for FileShapes {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            drop_null(object);
            words_as_enum(object);
            let plain_string = object.get("type").and_then(Value::as_str) == Some("string")
                && !["enum", "const", "pattern"]
                    .iter()
                    .any(|k| object.contains_key(*k));
            if plain_string {
                object.insert("minLength".into(), 1.into());
            }
            if let Some(id) = object
                .get_mut("properties")
                .and_then(|p| p.get_mut("id"))
                .and_then(Value::as_object_mut)
            {
                id.insert("pattern".into(), ID_PATTERN.into());
            }
        }
        transform_subschemas(self, schema);
    }
}

/// Takes `null` out of a schema that allows it beside something else.
fn drop_null(object: &mut serde_json::Map<String, Value>) {
    let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(words)) = object.get_mut("enum") {
        words.retain(|w| !w.is_null());
    }
    if let Some(Value::Array(any)) = object.get("anyOf")
        && any.iter().any(is_null)
    {
        let rest: Vec<Value> = any.iter().filter(|v| !is_null(v)).cloned().collect();
        object.remove("anyOf");
        match <[Value; 1]>::try_from(rest) {
            // Draft 7 ignores the keys beside a `$ref`: the reference goes in an `allOf`.
            Ok([only]) if only.get("$ref").is_some() && !object.is_empty() => {
                object.insert("allOf".into(), Value::Array(vec![only]));
            }
            Ok([Value::Object(only)]) => object.extend(only),
            Ok([other]) => {
                object.insert("anyOf".into(), Value::Array(vec![other]));
            }
            Err(rest) => {
                object.insert("anyOf".into(), Value::Array(rest));
            }
        }
    }
}

/// Turns a `oneOf` of string constants (what the derive makes of an enum whose words have
/// doc comments) into one `enum`; each word's meaning goes into the description.
fn words_as_enum(object: &mut serde_json::Map<String, Value>) {
    let Some(Value::Array(alternatives)) = object.get("oneOf") else {
        return;
    };
    let mut words = Vec::new();
    let mut meanings = Vec::new();
    for alternative in alternatives {
        if alternative.get("type").and_then(Value::as_str) != Some("string") {
            return;
        }
        match (alternative.get("const"), alternative.get("enum")) {
            (Some(Value::String(word)), None) => {
                words.push(Value::from(word.as_str()));
                if let Some(meaning) = alternative.get("description").and_then(Value::as_str) {
                    meanings.push(format!("`{word}`: {}", meaning.replace('\n', " ")));
                }
            }
            (None, Some(Value::Array(some))) => words.extend(some.iter().cloned()),
            _ => return,
        }
    }
    object.remove("oneOf");
    object.insert("type".into(), "string".into());
    object.insert("enum".into(), Value::Array(words));
    if !meanings.is_empty() {
        let about = object
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let description = format!("{about}\n\n{}", meanings.join("\n"));
        object.insert("description".into(), description.into());
    }
}
