//! The loader and validator: each rejection the schema promises, with its message and the
//! line it points at, and the JSON export's round trip.

mod common;

use claimscope::model::{
    BUNDLED_MODEL, FileError, Index, LoadError, MAX_MODEL_BYTES, Model, ModelFile, load_str,
};
use common::{assert_problem, line_of, mutate, problems};

#[test]
fn the_bundled_model_loads_clean() {
    assert_eq!(problems(BUNDLED_MODEL), Vec::new());
}

#[test]
fn malformed_toml_is_located() {
    let text = mutate("[article]\n", "[article\n");
    assert_problem(&text, line_of(&text, "[article\n"), &["invalid TOML"]);
}

#[test]
fn unknown_keys_are_named_with_a_suggestion() {
    let text = mutate("id = \"c14a\"\n", "id = \"c14a\"\nqoute = \"x\"\n");
    assert_problem(
        &text,
        line_of(&text, "qoute"),
        &[
            "claim `c14a`",
            "unknown key `qoute`",
            "did you mean `quote`",
        ],
    );
}

#[test]
fn missing_keys_are_reported_at_their_item() {
    let text = mutate(
        "[[claims]]\nid = \"c12a\"\n",
        "[[claims]]\nid = \"c12a\"\nremoved = true\n",
    );
    let text = text.replacen(
        "kind = \"assessment\"\nsentence = \"s12\"",
        "sentence = \"s12\"",
        1,
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("claim `c12a`") && m.contains("missing key `kind`")),
        "{found:#?}"
    );
    // The unknown key on the same item is reported too: every problem at once.
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("unknown key `removed`")),
        "{found:#?}"
    );
}

#[test]
fn duplicate_ids_are_rejected() {
    let text = mutate("id = \"c05b\"", "id = \"c05a\"");
    let line = text
        .match_indices("id = \"c05a\"")
        .nth(1)
        .map(|(at, _)| text[..at].matches('\n').count() + 1);
    assert_problem(&text, line.unwrap_or(0), &["duplicate id `c05a`"]);
}

#[test]
fn dangling_references_are_rejected_with_a_suggestion() {
    let text = mutate("claims = [\"c11b\"]", "claims = [\"c11bb\"]");
    assert_problem(
        &text,
        line_of(&text, "[\"c11bb\"]"),
        &[
            "event `kabulov-visit`",
            "no claim has the id `c11bb`",
            "did you mean `c11b`?",
        ],
    );
    let text = mutate("affiliation = \"france\"", "affiliation = \"frnace\"");
    assert_problem(
        &text,
        line_of(&text, "frnace"),
        &["actor `dassault`", "no actor has the id `frnace`"],
    );
    let text = mutate("sentence = \"s25\"", "sentence = \"c25a\"");
    assert_problem(
        &text,
        line_of(&text, "sentence = \"c25a\""),
        &["`c25a` is a claim, not a sentence"],
    );
}

#[test]
fn a_quote_that_is_not_verbatim_is_rejected() {
    // The article's own typo must be kept: "correcting" it is a misquote.
    let text = mutate(
        "quote = \"the nuclear plant project in Kudankulam, Tamil Nadhu,",
        "quote = \"the nuclear plant project in Kudankulam, Tamil Nadu,",
    );
    assert_problem(
        &text,
        line_of(
            &text,
            "quote = \"the nuclear plant project in Kudankulam, Tamil Nadu,",
        ),
        &["claim `c26c`", "not verbatim in sentence `s26`"],
    );
}

#[test]
fn a_second_thesis_is_rejected() {
    let text = mutate(
        "role = \"limit\"\ntitle = \"But there are clear limits\"",
        "role = \"thesis\"\ntitle = \"But there are clear limits\"",
    );
    assert_problem(
        &text,
        line_of(&text, "role = \"thesis\"\ntitle = \"But there"),
        &["argument `limits`", "a second thesis"],
    );
}

#[test]
fn a_cycle_in_the_map_is_rejected() {
    // india-drifts hangs from russia-outreach; make russia-outreach hang from india-drifts.
    let text = mutate(
        "title = \"Several factors drive Russia's outreach to Pakistan\"\nparent = \"thesis\"",
        "title = \"Several factors drive Russia's outreach to Pakistan\"\nparent = \"india-drifts\"",
    );
    let found = problems(&text);
    let cycles: Vec<_> = found.iter().filter(|(_, m)| m.contains("cycle")).collect();
    assert_eq!(cycles.len(), 1, "one cycle, reported once: {found:#?}");
    assert!(
        cycles[0].1.contains("russia-outreach") && cycles[0].1.contains("india-drifts"),
        "{cycles:?}"
    );
}

#[test]
fn invalid_dates_are_rejected() {
    for bad in [
        "2012-13",
        "2012-6",
        "2012-02-30",
        "May 2012",
        "2013/2012",
        "2012-05/2012-05",
    ] {
        let text = mutate("date = \"2012-06\"", &format!("date = \"{bad}\""));
        assert_problem(
            &text,
            line_of(&text, &format!("\"{bad}\"")),
            &["event `kabulov-visit`", "invalid date"],
        );
    }
}

#[test]
fn invalid_enum_values_are_rejected() {
    let text = mutate("trend = \"steady\"", "trend = \"frosty\"");
    assert_problem(
        &text,
        line_of(&text, "frosty"),
        &["`trend` is `frosty`", "`warming`"],
    );
    let text = mutate(
        "when = \"on October 2\"\nstatus = \"cancelled\"",
        "when = \"on October 2\"\nstatus = \"called off\"",
    );
    assert_problem(
        &text,
        line_of(&text, "status = \"called off\""),
        &["event `putin-trip`", "`status`"],
    );
}

#[test]
fn control_characters_are_rejected_wherever_they_are() {
    // C0 (escape), DEL, C1 (CSI), and a raw tab, which TOML itself allows in strings.
    for (escape, label) in [
        ("\\u001b", "U+001B"),
        ("\\u007f", "U+007F"),
        ("\\u009b", "U+009B"),
        ("\t", "U+0009"),
    ] {
        let text = mutate(
            "title = \"Zardari visits Russia\"",
            &format!("title = \"Zardari{escape} visits Russia\""),
        );
        assert_problem(
            &text,
            line_of(&text, "title = \"Zardari"),
            &["event `zardari-visit`", "control character", label],
        );
    }
    let text = mutate(
        "aliases = [\"Delhi\", \"New Delhi\"]",
        "aliases = [\"Delhi\", \"New\\u0007 Delhi\"]",
    );
    assert_problem(
        &text,
        line_of(&text, "New\\u0007"),
        &["actor `india`", "U+0007"],
    );
}

#[test]
fn bidirectional_overrides_are_rejected() {
    for c in ['\u{202e}', '\u{2066}', '\u{200f}'] {
        let text = mutate(
            "text = \"Russia needs new buyers for its arms.\"",
            &format!("text = \"Russia needs{c} new buyers for its arms.\""),
        );
        let label = format!("U+{:04X}", u32::from(c));
        assert_problem(
            &text,
            line_of(&text, "text = \"Russia needs"),
            &["claim `c30c`", "bidirectional", &label],
        );
    }
}

#[test]
fn invisible_characters_are_refused_in_names_and_where_they_only_hide() {
    // Two actors that would both show as "Russia": a zero-width space inside the name, a
    // tag character after it.
    for (hidden, label) in [
        ("Rus\u{200b}sia", "U+200B"),
        ("Russia\u{e0041}", "U+E0041"),
        ("Russia\u{fe0f}", "U+FE0F"),
    ] {
        let text = mutate("name = \"Dassault\"", &format!("name = \"{hidden}\""));
        assert_problem(
            &text,
            line_of(&text, &format!("name = \"{hidden}\"")),
            &[
                "actor `dassault`",
                "`name` holds an invisible character",
                label,
            ],
        );
    }
    // Tag characters carry hidden text through every output: refused in any text.
    let text = mutate(
        "summary = \"Russia's Gazprom wants",
        "summary = \"Russia's\u{e0069}\u{e0067}\u{e006e} Gazprom wants",
    );
    assert_problem(
        &text,
        line_of(&text, "summary = \"Russia's\u{e0069}"),
        &[
            "`summary` holds an invisible character U+E0069",
            "tag character",
        ],
    );
    // A wide character made "text style" is measured narrow and drawn wide: refused.
    let watches = "⌚\u{fe0e}".repeat(40);
    let text = mutate(
        "title = \"Kayani visits Moscow\"",
        &format!("title = \"{watches}\""),
    );
    assert_problem(
        &text,
        line_of(&text, &watches),
        &["`title` holds an invisible character U+FE0E", "wide"],
    );
    // A name that only looks different in its compatibility form is the same name.
    let text = mutate("name = \"Dassault\"", "name = \"Ｒｕｓｓｉａ\"");
    assert_problem(
        &text,
        line_of(&text, "name = \"Ｒｕｓｓｉａ\""),
        &["the name `Ｒｕｓｓｉａ` is also actor `russia`'s"],
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("claimscope-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.toml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_MODEL_BYTES + 1).expect("sparse file");
    let result = ModelFile::read(&path);
    std::fs::remove_dir_all(&dir).ok();
    match result {
        Err(LoadError::File(FileError::TooLarge { size, limit, .. })) => {
            assert_eq!(size, MAX_MODEL_BYTES + 1);
            assert_eq!(limit, MAX_MODEL_BYTES);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn an_uncovered_sentence_and_an_unmapped_claim_are_rejected() {
    // Drop c48a from the map: the claim is then in no argument node.
    let text = mutate(
        "stance = \"qualifies\"\nclaims = [\"c48a\"]",
        "stance = \"qualifies\"\nclaims = []",
    );
    assert_problem(
        &text,
        line_of(&text, "id = \"c48a\"") - 1,
        &["claim `c48a`", "no argument node"],
    );
    // Point the only claim of s21 elsewhere: s21 is then a body sentence with no claim.
    let text = mutate(
        "sentence = \"s21\"\nquote = \"So there are various factors at work in this outreach\"",
        "sentence = \"s20\"\nquote = \"Moscow too is looking for alternatives\"",
    );
    assert_problem(
        &text,
        line_of(&text, "id = \"s21\"") - 1,
        &["sentence `s21`", "no claim"],
    );
}

#[test]
fn inferred_dates_need_a_note() {
    let text = mutate(
        "date_note = \"Day and month are stated (\\\"on October 2\\\"); the year is inferred from the article's date.\"\n",
        "",
    );
    assert_problem(
        &text,
        line_of(&text, "id = \"putin-trip\"") - 1,
        &["event `putin-trip`", "inferred", "date_note"],
    );
}

#[test]
fn json_export_round_trips_through_serde_and_back_through_toml() {
    let model = Model::bundled().expect("bundled model loads");
    let json = serde_json::to_string_pretty(&model).expect("json");
    let back: Model = serde_json::from_str(&json).expect("json deserialises");
    assert_eq!(back, model);

    // JSON written back as TOML loads again, to the same model.
    let value: serde_json::Value = serde_json::from_str(&json).expect("json value");
    let toml_text = toml::to_string(&value).expect("toml");
    let source = ModelFile {
        name: "from-json.toml".to_string(),
        text: toml_text,
    };
    let reloaded = load_str(&source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded, model);
}

#[test]
fn json_keys_mirror_the_toml_keys() {
    let model = Model::bundled().expect("bundled model loads");
    let json: serde_json::Value = serde_json::to_value(&model).expect("json");
    let toml: toml::Value = toml::from_str(BUNDLED_MODEL).expect("toml");
    let claim_keys = |keys: Vec<&String>| {
        let mut keys: Vec<String> = keys.into_iter().cloned().collect();
        keys.sort();
        keys
    };
    let top_json = claim_keys(
        json.as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default(),
    );
    let top_toml = claim_keys(
        toml.as_table()
            .map(|t| t.keys().collect())
            .unwrap_or_default(),
    );
    assert_eq!(top_json, top_toml);
    for section in [
        "sentences",
        "actors",
        "events",
        "claims",
        "relations",
        "arguments",
    ] {
        let json_items = json[section].as_array().map(Vec::len);
        let toml_items = toml.get(section).and_then(|v| v.as_array()).map(Vec::len);
        assert_eq!(json_items, toml_items, "{section}");
        for (j, t) in json[section]
            .as_array()
            .into_iter()
            .flatten()
            .zip(toml[section].as_array().into_iter().flatten())
        {
            let jk = claim_keys(
                j.as_object()
                    .map(|o| o.keys().collect())
                    .unwrap_or_default(),
            );
            let tk = claim_keys(t.as_table().map(|o| o.keys().collect()).unwrap_or_default());
            assert_eq!(jk, tk, "{section}");
        }
    }
}

#[test]
fn the_bundled_model_reads_the_same_from_its_json_copy_and_from_its_toml() {
    // Model::bundled reads the JSON the build makes; the curated file is the TOML.
    let from_toml = load_str(&ModelFile::bundled()).expect("the TOML loads");
    assert_eq!(
        Model::bundled().expect("the bundled model loads"),
        from_toml
    );
}

#[test]
fn the_index_knows_which_sentences_name_an_actor_even_without_a_claim() {
    let index = Index::new(Model::bundled().expect("bundled model"));
    let model = index.model();
    let actor = |id: &str| index.actor(id).expect("actor");
    let ids = |a: usize| -> Vec<&str> {
        index
            .sentences_naming(a)
            .iter()
            .map(|s| model.sentences[*s].id.as_str())
            .collect()
    };
    // The author is named only in the byline, and no claim is about him.
    assert_eq!(ids(actor("harsh-v-pant")), ["s49"]);
    assert!(index.claims_of_actor(actor("harsh-v-pant")).is_empty());
    // An alias counts: "Moscow" names Russia in the sentence on Kayani's visit.
    let russia = ids(actor("russia"));
    let kayani = model
        .sentences
        .iter()
        .find(|s| s.text.starts_with("Gen Ashfaq Parvez Kayani"))
        .expect("the Kayani sentence");
    assert!(kayani.text.contains("Moscow"));
    assert!(russia.contains(&kayani.id.as_str()), "{russia:?}");
    // An acronym matches exactly: "US" is not found inside a lower-case "us".
    for s in index.sentences_naming(actor("united-states")) {
        let text = &model.sentences[*s].text;
        assert!(
            ["US", "United States", "Washington"]
                .iter()
                .any(|n| text.contains(n)),
            "{text}"
        );
    }
}

/// The item (by id) and key of each problem of `text`.
fn items_and_keys(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let source = ModelFile {
        name: "test.toml".to_string(),
        text: text.to_string(),
    };
    match load_str(&source) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics
            .into_iter()
            .filter(|d| d.severity != claimscope::model::Severity::Note)
            .map(|d| (d.item, d.key))
            .collect(),
        other => panic!("expected an invalid model, got {other:?}"),
    }
}

#[test]
fn problems_name_their_item_and_key() {
    let pair = |item: Option<&str>, key: &str| (item.map(str::to_string), Some(key.to_string()));
    // Found by the reader, and by the checks after it.
    let text = mutate(
        "arms.\"\nkind = \"assessment\"\nsentence = \"s30\"",
        "arms.\"\nkind = \"assesment\"\nsentence = \"s30\"",
    );
    assert_eq!(items_and_keys(&text), vec![pair(Some("c30c"), "kind")]);
    let text = mutate("parent = \"india-drifts\"", "parent = \"india-drfits\"");
    assert_eq!(
        items_and_keys(&text),
        vec![pair(Some("nuclear-benefit"), "parent")]
    );
    // The article is an item with an id; the schema version belongs to no item.
    let text = mutate("author = \"Harsh V Pant\"", "author = \"\"");
    assert_eq!(
        items_and_keys(&text),
        vec![pair(Some("pakistan-russia-2012"), "author")]
    );
    let text = mutate("schema = 1", "schema = 7");
    assert_eq!(items_and_keys(&text), vec![pair(None, "schema")]);
    // A model built in code has no file, but its problems still name their place.
    let mut model = Model::bundled().expect("the bundled model");
    model.claims[0].sentence = "s999".to_string();
    let found = claimscope::model::validate(&model);
    let id = model.claims[0].id.clone();
    assert!(
        found.iter().any(|d| d.span.is_none()
            && d.item == Some(id.clone())
            && d.key.as_deref() == Some("sentence")),
        "{found:#?}"
    );
}

#[test]
fn provenance_and_wikidata_ids_are_checked_for_their_form() {
    let text = mutate("wikidata = \"Q843\"", "wikidata = \"843\"");
    assert_problem(
        &text,
        line_of(&text, "\"843\""),
        &[
            "actor `pakistan`",
            "`wikidata` is an item id such as `Q843`, not `843`",
        ],
    );
    // Two actors cannot be one item.
    let text = mutate("wikidata = \"Q159\"", "wikidata = \"Q843\"");
    let second = text
        .match_indices("wikidata = \"Q843\"")
        .nth(1)
        .map(|(at, _)| text[..at].matches('\n').count() + 1)
        .expect("the second");
    assert_problem(&text, second, &["actor `russia`", "same Wikidata item"]);
    let text = mutate("language = \"en\"", "language = \"English\"");
    assert_problem(
        &text,
        line_of(&text, "\"English\""),
        &["`language` is a language tag such as `en`"],
    );
    let text = mutate(
        "language = \"en\"",
        "language = \"en\"\nurl = \"http://example.com/article\"",
    );
    assert_problem(
        &text,
        line_of(&text, "http://example.com"),
        &["`url` must be an https address"],
    );
    let text = mutate(
        "language = \"en\"",
        "language = \"en\"\nurl = \"https://example.com/article\"\npublisher = \"An outlet\"",
    );
    assert_eq!(
        problems(&text),
        Vec::new(),
        "a good address and publisher pass"
    );
}
