//! `export --format annotations`: every claim as a W3C Web Annotation on the article's text,
//! for annotation tools that anchor by quote (Hypothesis, Recogito, the Apache Annotator).
//!
//! Each annotation targets the claim's quote with a `TextQuoteSelector`: the exact words,
//! and as much of the text before and after them as makes the place unique (32 characters,
//! as Hypothesis takes, or more where those repeat, up to 256). The text is the bundled
//! article's when the model is the bundled one, or else the model's sentences joined.
//!
//! The export stays linear in the model: each annotation's context is at most 256
//! characters a side, and whether a context is unique is looked for in the whole text only
//! while that costs no more than a fixed budget (any real article's size times its
//! claims); past it, the context is the first 32 characters.

use std::io::{self, Write};

use claimscope::model::{BUNDLED_ARTICLE, Index, Model};
use serde_json::{Value, json};

use super::write_json;

/// The characters of context a selector starts with, as Hypothesis does.
const CONTEXT: usize = 32;

/// The most characters of context on each side, however often the words repeat.
const MAX_CONTEXT: usize = 256;

/// The most bytes of text looked through, over all annotations, to make contexts unique.
const UNIQUE_BUDGET: usize = 1 << 26;

/// The claims as one W3C `AnnotationCollection`, all on its first page.
pub fn annotations(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    // The model holds no address for the article, so ids and the target are URNs.
    let base = format!("urn:claimscope:{}", article.id);
    let (text, starts) = article_text(model);
    let unique = text.len().saturating_mul(model.claims.len()) <= UNIQUE_BUDGET;
    let mut items = Vec::new();
    for (c, claim) in model.claims.iter().enumerate() {
        let Some(sentence) = index.sentence_of_claim(c) else {
            continue;
        };
        let Some(at) = starts.get(sentence).copied().flatten().and_then(|start| {
            let within = model.sentences[sentence].text.find(&claim.quote)?;
            Some(start + within)
        }) else {
            continue;
        };
        let (prefix, suffix) = context(&text, at, at + claim.quote.len(), unique);
        let mut body = vec![
            json!({
                "type": "TextualBody",
                "purpose": "describing",
                "format": "text/plain",
                "value": claim.text,
            }),
            tag(&format!("kind:{}", claim.kind)),
        ];
        for node in index.arguments_of_claim(c) {
            body.push(tag(&format!("argument:{}", model.arguments[*node].id)));
        }
        items.push(json!({
            "id": format!("{base}:{}", claim.id),
            "type": "Annotation",
            "motivation": "describing",
            "body": body,
            "target": {
                "source": base,
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": claim.quote,
                    "prefix": prefix,
                    "suffix": suffix,
                },
            },
        }));
    }
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{base}:claims"),
        "type": "AnnotationCollection",
        "label": format!("The claims of “{}”, by {}", article.title, article.author),
        "total": items.len(),
        "first": {
            "id": format!("{base}:claims:page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    write_json(&collection, out)
}

fn tag(value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": "tagging", "value": value })
}

/// The article's text, and where in it each sentence starts (byte offsets). The bundled
/// text is used when every sentence is found in it in order; otherwise the sentences are
/// joined, a space within a paragraph and a blank line between paragraphs.
fn article_text(model: &Model) -> (String, Vec<Option<usize>>) {
    if let Some(starts) = find_in_order(model, BUNDLED_ARTICLE) {
        return (BUNDLED_ARTICLE.to_string(), starts);
    }
    let mut text = String::new();
    let mut starts = Vec::with_capacity(model.sentences.len());
    let mut paragraph = None;
    for sentence in &model.sentences {
        if paragraph.is_some() {
            text.push_str(if paragraph == Some(sentence.paragraph) {
                " "
            } else {
                "\n\n"
            });
        }
        paragraph = Some(sentence.paragraph);
        starts.push(Some(text.len()));
        text.push_str(&sentence.text);
    }
    (text, starts)
}

/// Where each sentence starts in `text`, if all are there one after another.
fn find_in_order(model: &Model, text: &str) -> Option<Vec<Option<usize>>> {
    let mut from = 0;
    let mut starts = Vec::with_capacity(model.sentences.len());
    for sentence in &model.sentences {
        let at = from + text.get(from..)?.find(&sentence.text)?;
        starts.push(Some(at));
        from = at + sentence.text.len();
    }
    Some(starts)
}

/// The prefix and suffix around `text[start..end]`: `CONTEXT` characters each, or, when
/// `unique` asks, more until exact, prefix and suffix together match that one place only
/// (at most `MAX_CONTEXT`).
fn context(text: &str, start: usize, end: usize, unique: bool) -> (String, String) {
    let exact = &text[start..end];
    let mut width = CONTEXT;
    loop {
        let prefix = last_chars(&text[..start], width);
        let suffix = first_chars(&text[end..], width);
        let whole = prefix.len() == start && suffix.len() == text.len() - end;
        let done = whole || !unique || width >= MAX_CONTEXT;
        if done || places(text, prefix, exact, suffix) == 1 {
            return (prefix.to_string(), suffix.to_string());
        }
        width *= 2;
    }
}

/// How many places in `text` hold `exact` with `prefix` just before and `suffix` just after.
fn places(text: &str, prefix: &str, exact: &str, suffix: &str) -> usize {
    let Some(first) = exact.chars().next() else {
        return 0;
    };
    let mut count = 0;
    let mut from = 0;
    // Overlapping places count too: "aa" is twice in "aaa".
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(exact)) {
        let at = from + found;
        if text[..at].ends_with(prefix) && text[at + exact.len()..].starts_with(suffix) {
            count += 1;
        }
        from = at + first.len_utf8();
    }
    count
}

fn last_chars(text: &str, count: usize) -> &str {
    let from = text
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    if count == 0 { "" } else { &text[from..] }
}

fn first_chars(text: &str, count: usize) -> &str {
    let to = text
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(at, _)| at);
    &text[..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_grows_until_the_place_is_unique() {
        let text = "a b c. x y z. a b c. x y w.";
        let start = text.rfind("x y").unwrap_or_default();
        let (prefix, suffix) = context(text, start, start + 3, true);
        assert_eq!(places(text, &prefix, "x y", &suffix), 1);
        // Past the budget, the first width, unique or not; and never past the most.
        let (prefix, _) = context(text, start, start + 3, false);
        assert_eq!(prefix, "a b c. x y z. a b c. ");
        let long = "word ".repeat(400);
        let (prefix, suffix) = context(&long, 1000, 1004, true);
        assert_eq!(
            (prefix.chars().count(), suffix.chars().count()),
            (MAX_CONTEXT, MAX_CONTEXT)
        );
        assert_eq!(last_chars("héllo", 3), "llo");
        assert_eq!(last_chars("héllo", 9), "héllo");
        assert_eq!(first_chars("héllo", 2), "hé");
        assert_eq!(first_chars("hé", 9), "hé");
    }
}
