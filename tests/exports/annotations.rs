//! `export --format annotations`: W3C Web Annotations whose quote selectors are re-anchored
//! in the article's text as Hypothesis anchors them: find the exact words, and where they
//! occur more than once, keep the places the prefix and suffix agree with.

use claimscope::model::Model;
use serde_json::Value;

use crate::common::Scratch;
use crate::tools::{HOSTILE, export, hostile_model, model_at, repo};

/// The places in `text` (byte offsets) where `exact` stands between `prefix` and `suffix`.
fn anchor(text: &str, exact: &str, prefix: &str, suffix: &str) -> Vec<usize> {
    let mut places = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(exact) {
        let at = from + found;
        if text[..at].ends_with(prefix) && text[at + exact.len()..].starts_with(suffix) {
            places.push(at);
        }
        from = at + exact.chars().next().map_or(1, char::len_utf8);
    }
    places
}

/// The span of each sentence in `text`, found one after another.
fn sentence_spans(text: &str, model: &Model) -> Vec<(usize, usize)> {
    let mut from = 0;
    model
        .sentences
        .iter()
        .map(|s| {
            let at = from
                + text[from..]
                    .find(&s.text)
                    .unwrap_or_else(|| panic!("{} is not in the text", s.id));
            from = at + s.text.len();
            (at, from)
        })
        .collect()
}

/// Checks every claim's annotation against the model and anchors it in `text`.
fn check(collection: &Value, model: &Model, text: &str) {
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], model.claims.len());
    let page = &collection["first"];
    assert_eq!(page["type"], "AnnotationPage");
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), model.claims.len(), "one annotation a claim");
    let spans = sentence_spans(text, model);
    for (annotation, claim) in items.iter().zip(&model.claims) {
        assert_eq!(annotation["type"], "Annotation");
        assert!(
            annotation["id"]
                .as_str()
                .is_some_and(|id| id.ends_with(&claim.id))
        );
        let body = annotation["body"].as_array().expect("body");
        assert_eq!(body[0]["type"], "TextualBody");
        assert_eq!(body[0]["value"], claim.text.as_str());
        let tags: Vec<&str> = body
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .filter_map(|b| b["value"].as_str())
            .collect();
        assert!(
            tags.contains(&format!("kind:{}", claim.kind).as_str()),
            "{tags:?}"
        );
        for node in model
            .arguments
            .iter()
            .filter(|n| n.claims.contains(&claim.id))
        {
            let tag = format!("argument:{}", node.id);
            assert!(tags.contains(&tag.as_str()), "{}: {tags:?}", claim.id);
        }
        let selector = &annotation["target"]["selector"];
        assert_eq!(selector["type"], "TextQuoteSelector");
        let exact = selector["exact"].as_str().expect("exact");
        let prefix = selector["prefix"].as_str().expect("prefix");
        let suffix = selector["suffix"].as_str().expect("suffix");
        assert_eq!(exact, claim.quote);
        let places = anchor(text, exact, prefix, suffix);
        assert_eq!(places.len(), 1, "{}: anchors at {places:?}", claim.id);
        // ... and in the claim's own sentence.
        let sentence = model
            .sentences
            .iter()
            .position(|s| s.id == claim.sentence)
            .expect("sentence");
        let (start, end) = spans[sentence];
        assert!(
            start <= places[0] && places[0] + exact.len() <= end,
            "{} anchors outside its sentence",
            claim.id
        );
        // Hypothesis takes 32 characters each side, where the text has them.
        let before = text[..places[0]].chars().count();
        let after = text[places[0] + exact.len()..].chars().count();
        assert!(prefix.chars().count() >= before.min(32), "{}", claim.id);
        assert!(suffix.chars().count() >= after.min(32), "{}", claim.id);
    }
}

#[test]
fn every_claim_anchors_once_in_the_bundled_article() {
    let text = std::fs::read_to_string(repo().join("assets/pakistan-russia-2012.txt"))
        .expect("the bundled article");
    let collection = serde_json::from_str(&export("annotations", None)).expect("JSON");
    check(&collection, &crate::bundled(), &text);
}

/// The documented text of a model without its article: its sentences, a space within a
/// paragraph and a blank line between paragraphs.
fn joined(model: &Model) -> String {
    let mut text = String::new();
    for (n, sentence) in model.sentences.iter().enumerate() {
        if n > 0 {
            let same = model.sentences[n - 1].paragraph == sentence.paragraph;
            text.push_str(if same { " " } else { "\n\n" });
        }
        text.push_str(&sentence.text);
    }
    text
}

#[test]
fn another_models_claims_anchor_in_its_sentences_joined() {
    let scratch = Scratch::new("annotations");
    let path = hostile_model(&scratch);
    let model = model_at(&path);
    let collection = serde_json::from_str(&export("annotations", Some(&path))).expect("JSON");
    check(&collection, &model, &joined(&model));
    let last = model.claims.last().expect("claims");
    assert_eq!(last.quote, HOSTILE, "the hostile quote is anchored too");
}

#[test]
fn repeated_text_gets_context_enough_to_tell_the_places_apart() {
    // Each sentence starts with a copy of the one before it, so every quote stands twice
    // with the same 32 characters around it, and only a longer context can tell which.
    let mut model = crate::bundled();
    let originals: Vec<String> = model.sentences.iter().map(|s| s.text.clone()).collect();
    for (sentence, before) in model.sentences.iter_mut().skip(1).zip(&originals) {
        sentence.text = format!("{before} {}", sentence.text);
    }
    let scratch = Scratch::new("annotations-repeat");
    let text = toml::to_string(&model).expect("TOML");
    let path = scratch.file("repeated.toml", text.as_bytes());
    let model = model_at(&path);
    let collection: Value =
        serde_json::from_str(&export("annotations", Some(&path))).expect("JSON");
    check(&collection, &model, &joined(&model));
    let items = collection["first"]["items"].as_array().expect("items");
    assert!(
        items.iter().any(|a| a["target"]["selector"]["prefix"]
            .as_str()
            .unwrap_or_default()
            .chars()
            .count()
            > 32),
        "some selector needed more than 32 characters"
    );
}
