//! The bundled model against the article itself, checked independently of the validator:
//! if the model drifts from the text, these fail.

use std::collections::HashSet;

use claimscope::model::{BUNDLED_ARTICLE, Basis, Index, Model, SentenceRole};

fn model() -> Model {
    match Model::bundled() {
        Ok(model) => model,
        Err(e) => panic!("the bundled model must load: {e}"),
    }
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn sentences_reproduce_the_article_in_order() {
    let model = model();
    let joined: String = model.sentences.iter().map(|s| squeeze(&s.text)).collect();
    assert_eq!(joined, squeeze(BUNDLED_ARTICLE));
    // And each sentence sits, whole and in order, in the text.
    let mut from = 0;
    for sentence in &model.sentences {
        let at = BUNDLED_ARTICLE[from..]
            .find(&sentence.text)
            .unwrap_or_else(|| panic!("{} not found in order", sentence.id));
        from += at + sentence.text.len();
    }
}

#[test]
fn paragraphs_follow_the_article_layout() {
    let model = model();
    let paragraphs: Vec<&str> = BUNDLED_ARTICLE
        .split('\n')
        .filter(|line| !line.trim().is_empty())
        .collect();
    for sentence in &model.sentences {
        let index = sentence.paragraph as usize - 1;
        assert!(
            paragraphs[index].contains(&sentence.text),
            "{} is not in paragraph {}",
            sentence.id,
            sentence.paragraph
        );
    }
    let roles: Vec<SentenceRole> = model.sentences.iter().map(|s| s.role).collect();
    assert_eq!(roles[0], SentenceRole::Headline);
    assert_eq!(roles[1], SentenceRole::Standfirst);
    assert_eq!(model.sentences[2].text, "Powered by automated translation");
    assert_eq!(roles[2], SentenceRole::Boilerplate);
    assert_eq!(roles.last(), Some(&SentenceRole::Byline));
}

#[test]
fn every_quote_is_verbatim_and_several_words() {
    let model = model();
    for claim in &model.claims {
        let sentence = model
            .sentences
            .iter()
            .find(|s| s.id == claim.sentence)
            .expect("sentence");
        assert!(
            sentence.text.contains(&claim.quote),
            "{}: {:?}",
            claim.id,
            claim.quote
        );
        assert!(
            claim.quote.split_whitespace().count() >= 3,
            "{}: quote too short",
            claim.id
        );
    }
}

#[test]
fn the_article_typos_are_kept() {
    let model = model();
    let text: Vec<&str> = model.sentences.iter().map(|s| s.text.as_str()).collect();
    let all = text.join(" ");
    assert!(all.contains("Zamir Kabulov's visited Pakistan"));
    assert!(all.contains("Kudankulam, Tamil Nadhu,"));
    assert!(all.contains("especially in dependence on military hardware decreases"));
}

#[test]
fn every_claim_bearing_sentence_has_a_claim_and_every_claim_is_mapped() {
    let model = model();
    let quoted: HashSet<&str> = model.claims.iter().map(|c| c.sentence.as_str()).collect();
    for s in &model.sentences {
        let needs = matches!(
            s.role,
            SentenceRole::Headline | SentenceRole::Standfirst | SentenceRole::Body
        );
        assert_eq!(
            needs,
            quoted.contains(s.id.as_str()),
            "{} ({:?})",
            s.id,
            s.role
        );
    }
    let index = Index::new(model.clone());
    for (i, claim) in model.claims.iter().enumerate() {
        assert!(
            !index.arguments_of_claim(i).is_empty(),
            "{} is not in the map",
            claim.id
        );
    }
}

#[test]
fn the_map_is_one_tree_from_the_thesis() {
    let model = model();
    let index = Index::new(model.clone());
    let thesis = index.thesis().expect("a thesis");
    assert_eq!(index.path(thesis), "1");
    for (i, node) in model.arguments.iter().enumerate() {
        assert!(
            !index.path(i).is_empty(),
            "{} is unreachable from the thesis",
            node.id
        );
    }
}

#[test]
fn the_article_names_no_year_so_every_date_is_inferred_with_a_note() {
    let model = model();
    assert!(!squeeze(BUNDLED_ARTICLE).contains("2012"));
    assert_eq!(model.article.published_basis, Basis::Inferred);
    assert!(model.article.published_note.is_some());
    for event in &model.events {
        assert_eq!(event.date_basis, Basis::Inferred, "{}", event.id);
        assert!(
            event.date_note.as_deref().is_some_and(|n| n.len() > 10),
            "{}",
            event.id
        );
    }
}

#[test]
fn time_phrases_are_the_articles_own() {
    let model = model();
    let index = Index::new(model.clone());
    let mut phrases = 0;
    for event in &model.events {
        let Some(when) = &event.when else { continue };
        phrases += 1;
        let found = event.claims.iter().any(|c| {
            let claim = &model.claims[index.get(c).expect("claim").index()];
            let sentence = &model.sentences[index.get(&claim.sentence).expect("sentence").index()];
            sentence.text.contains(when.as_str())
        });
        assert!(found, "{}: {when:?}", event.id);
    }
    assert!(phrases >= 5);
}

#[test]
fn aliases_resolve_capitals_and_titles_to_their_actors() {
    let model = model();
    let owner = |alias: &str| {
        model
            .actors
            .iter()
            .find(|a| a.aliases.iter().any(|x| x == alias))
            .map(|a| a.id.as_str())
    };
    assert_eq!(owner("Moscow"), Some("russia"));
    assert_eq!(owner("Islamabad"), Some("pakistan"));
    assert_eq!(owner("Washington"), Some("united-states"));
    assert_eq!(owner("Delhi"), Some("india"));
    assert_eq!(owner("Mr Putin"), Some("vladimir-putin"));
    assert_eq!(owner("the Russian leader"), Some("vladimir-putin"));
    assert_eq!(owner("SCO"), Some("sco"));
}

#[test]
fn the_timeline_keeps_the_articles_precision() {
    let model = model();
    let date = |id: &str| {
        model
            .events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.date.to_string())
    };
    assert_eq!(date("zardari-visit").as_deref(), Some("2012-05"));
    assert_eq!(date("kabulov-visit").as_deref(), Some("2012-06"));
    assert_eq!(date("putin-trip").as_deref(), Some("2012-10-02"));
    assert_eq!(date("kayani-visit").as_deref(), Some("2012-10"));
}
