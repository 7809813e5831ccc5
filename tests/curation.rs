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

// ---------------------------------------------------------------------------------------
// The rules of docs/curation.md, each checked here without the validator's code, so that
// a slip of the kind the second reading found fails a test of its own.

use claimscope::model::{ClaimKind, Stance};

fn claim<'m>(model: &'m Model, id: &str) -> &'m claimscope::model::Claim {
    model
        .claims
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// Whether `needle` occurs in `text` as whole words, case aside.
fn has_words(text: &str, needle: &str) -> bool {
    let text = text.to_lowercase();
    let needle = needle.to_lowercase();
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn kinds_follow_one_rule_everywhere() {
    // What an actor does, tries or seeks is a fact; what it wants, hopes, fears or says is
    // a position; an expectation is a forecast. (Cue, kind), checked on every claim whose
    // words hold the cue: a claim's text states its one proposition, where its quote may
    // run over a neighbouring clause.
    let future = ["will ", "may ", "can be expected", "unlikely", "should "];
    let cues = [
        ("trying to", ClaimKind::Fact),
        ("looking for", ClaimKind::Fact),
        ("working to", ClaimKind::Fact),
        ("attempt to", ClaimKind::Fact),
        ("taken note", ClaimKind::Fact),
        ("wants", ClaimKind::Position),
        ("hopes", ClaimKind::Position),
        ("remain worried", ClaimKind::Position),
        ("critical of", ClaimKind::Position),
        ("endorsed", ClaimKind::Position),
        ("offered", ClaimKind::Position),
        ("suggest", ClaimKind::Position),
        ("would not like", ClaimKind::Position),
        ("feels strongly", ClaimKind::Position),
        ("vocal about", ClaimKind::Position),
        ("rumblings", ClaimKind::Position),
        ("appetite", ClaimKind::Position),
    ];
    let model = model();
    let mut checked = 0;
    for claim in &model.claims {
        // A quote that only presupposes a proposition is a claim of another kind.
        if claim
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("Presupposed"))
        {
            continue;
        }
        let quote = claim.text.to_lowercase();
        // An actor's stance comes first: "Pakistan hopes Russia will start selling ..."
        // is a hope, not a forecast.
        let kind = match cues.iter().find(|(cue, _)| quote.contains(cue)) {
            Some((_, kind)) => *kind,
            None if future.iter().any(|f| quote.contains(f)) => ClaimKind::Forecast,
            None => continue,
        };
        checked += 1;
        assert_eq!(claim.kind, kind, "{}: {quote}", claim.id);
    }
    assert!(checked >= 15, "only {checked} claims had a cue");
}

#[test]
fn a_claim_says_no_more_than_its_quote() {
    // A qualifier in a claim's words must be in its quote: "always" where the article says
    // "always in the past" is fine only if the quote holds "always in the past" too.
    let model = model();
    for claim in &model.claims {
        for word in claimscope::model::QUALIFIERS {
            if has_words(&claim.text, word) {
                assert!(
                    has_words(&claim.quote, word),
                    "{} says \"{word}\", its quote does not",
                    claim.id
                );
            }
        }
    }
    // "always in the past" is not "always".
    let c40a = claim(&model, "c40a");
    assert!(c40a.text.contains("always in the past"), "{}", c40a.text);
    // "Still," opening a sentence is "even so", not "still" (as in "continuing").
    for claim in &model.claims {
        if claim.quote.starts_with("Still,") {
            assert!(
                !has_words(&claim.text, "still"),
                "{}: {}",
                claim.id,
                claim.text
            );
        }
    }
    // Where a claim says "any further", its quote holds those words.
    let c43b = claim(&model, "c43b");
    assert!(c43b.quote.ends_with("any further"), "{}", c43b.quote);
}

#[test]
fn a_judgement_and_the_fact_it_rests_on_are_two_claims() {
    let model = model();
    // "Russia has been a beneficiary ... by signing nuclear deals with India": the deals
    // are a fact, the benefit a judgement.
    let of_s26: Vec<_> = model
        .claims
        .iter()
        .filter(|c| c.sentence == "s26")
        .collect();
    let deals = of_s26
        .iter()
        .find(|c| c.quote.contains("signing nuclear deals") && !c.quote.contains("beneficiary"))
        .expect("a claim for the deals alone");
    assert_eq!(deals.kind, ClaimKind::Fact);
    let benefit = of_s26
        .iter()
        .find(|c| c.quote.contains("beneficiary"))
        .expect("a claim for the benefit");
    assert_eq!(benefit.kind, ClaimKind::Assessment);
    // The two figures of s28 are claims of their own.
    let of_s28: Vec<_> = model
        .claims
        .iter()
        .filter(|c| c.sentence == "s28")
        .collect();
    assert!(
        of_s28
            .iter()
            .any(|c| c.text.contains("second-largest") && !c.text.contains("24"))
    );
    assert!(
        of_s28
            .iter()
            .any(|c| c.text.contains("24 per cent") && !c.text.contains("second"))
    );
}

#[test]
fn what_a_sentence_asserts_in_passing_has_a_claim() {
    // (sentence, words that assert something in passing, words of the main clause that
    // the claim for the passing assertion must not need).
    let passing = [
        ("s07", "too, is to be rescheduled", "That meeting"),
        ("s13", "all-weather friend", "circumspect"),
        (
            "s18",
            "India's changing foreign policy priorities",
            "taken note",
        ),
        ("s19", "The US-India rapprochement", "problematic"),
        (
            "s20",
            "dependence on military hardware decreases",
            "Delhi moves away",
        ),
        ("s22", "Pakistan's bid to join", "endorsed"),
        ("s40", "propensity to use extremist groups", "critical"),
        ("s41", "continue to press Pakistan", "can be expected"),
        ("s43", "any further", "would not like"),
        ("s44", "fellow Bric countries", "number of levels"),
        ("s17", "Moscow's outreach to Islamabad", "an attempt"),
        (
            "s26",
            "the US-India civilian nuclear cooperation pact",
            "beneficiary",
        ),
        ("s26", "India's nuclear civil-liability law", "rumblings"),
        ("s36", "in defence dependence", "Moscow can never"),
        ("s47", "Indian concerns", "Russia will do its best"),
    ];
    let model = model();
    for (sentence, words, main) in passing {
        let found = model
            .claims
            .iter()
            .any(|c| c.sentence == sentence && c.quote.contains(words) && !c.quote.contains(main));
        assert!(found, "{sentence}: no claim for \"{words}\" on its own");
    }
}

#[test]
fn summaries_use_the_articles_verbs_of_speech() {
    // Whoever "called" or "suggested" something in a summary did so in the article's own
    // words: Putin "went on to suggest", he did not "call" Pakistan a partner.
    let verbs = [
        "called",
        "suggest",
        "endorsed",
        "offered",
        "criticised",
        "critical",
        "said",
    ];
    let model = model();
    let index = Index::new(model.clone());
    let quotes_of = |actor: usize| -> Vec<String> {
        index
            .claims_of_actor(actor)
            .iter()
            .map(|c| model.claims[*c].quote.to_lowercase())
            .collect()
    };
    for (a, actor) in model.actors.iter().enumerate() {
        let quotes = quotes_of(a);
        for verb in verbs {
            if has_words(&actor.summary, verb)
                || actor.summary.to_lowercase().contains(&format!(" {verb}"))
            {
                assert!(
                    quotes.iter().any(|q| q.contains(verb)),
                    "actor {}: \"{verb}\" is in no quote of its claims",
                    actor.id
                );
            }
        }
    }
    for relation in &model.relations {
        let quotes: Vec<String> = relation
            .claims
            .iter()
            .map(|c| claim(&model, c).quote.to_lowercase())
            .collect();
        for verb in verbs {
            if relation.summary.to_lowercase().contains(verb) {
                assert!(
                    quotes.iter().any(|q| q.contains(verb)),
                    "relation {} → {}: \"{verb}\" is in no quote it cites",
                    relation.from,
                    relation.to
                );
            }
        }
    }
    // Pakistan is China's "all-weather friend", not the other way round.
    for summary in model
        .actors
        .iter()
        .map(|a| &a.summary)
        .chain(model.relations.iter().map(|r| &r.summary))
    {
        assert!(
            !summary.contains("Pakistan's \"all-weather friend\""),
            "{summary}"
        );
    }
}

/// Capitalised words of the article that name no actor, each for a reason.
const NOT_ACTORS: &[&str] = &[
    "Gen",
    "Mr",
    "President", // titles, part of a person's alias
    "Russian",
    "Pakistani",
    "Indian", // adjectives
    "October",
    "May",
    "June",   // months
    "Rafale", // an aircraft, not a party: found through its claims and event
];

#[test]
fn every_name_the_article_uses_is_an_actor() {
    let model = model();
    let names: Vec<String> = model
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|n| n.to_lowercase())
        .collect();
    let mut missing = Vec::new();
    for sentence in &model.sentences {
        let words: Vec<&str> = sentence.text.split_whitespace().collect();
        for word in words.iter().skip(1) {
            for part in word.split('-') {
                let part = part
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                    .trim_end_matches("'s")
                    .trim_matches('\'');
                let capital = part.chars().next().is_some_and(char::is_uppercase);
                if !capital || NOT_ACTORS.contains(&part) {
                    continue;
                }
                if !names.iter().any(|n| has_words(n, part)) {
                    missing.push(format!("{} ({})", part, sentence.id));
                }
            }
        }
    }
    assert!(missing.is_empty(), "names with no actor: {missing:?}");
    // Every alias is the article's own spelling.
    let article = BUNDLED_ARTICLE.to_lowercase();
    for actor in &model.actors {
        for alias in &actor.aliases {
            assert!(
                article.contains(&alias.to_lowercase()),
                "{}: {alias}",
                actor.id
            );
        }
    }
    assert!(names.contains(&"tamil nadhu".to_string()));
}

#[test]
fn every_claim_lists_the_actors_its_quote_names() {
    let model = model();
    for claim in &model.claims {
        for actor in &model.actors {
            let named = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .find(|name| {
                    // An acronym ("US") must match in capitals; other names in any case.
                    if name.len() > 1 && name.chars().all(|c| c.is_ascii_uppercase()) {
                        claim
                            .quote
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == name.as_str())
                    } else {
                        has_words(&claim.quote, name)
                    }
                });
            if let Some(name) = named {
                assert!(
                    claim.actors.contains(&actor.id),
                    "{}: the quote names \"{name}\" but {} is not listed",
                    claim.id,
                    actor.id
                );
            }
        }
    }
}

#[test]
fn relations_are_ones_the_article_states() {
    let model = model();
    // China deciding to make its own weapons is no cooling of China-Russia relations.
    assert!(
        !model
            .relations
            .iter()
            .any(|r| [&r.from, &r.to].contains(&&"china".to_string())
                && [&r.from, &r.to].contains(&&"russia".to_string())),
        "a trend read into one sentence"
    );
    // Each relation cites a claim that names both of its parties.
    for relation in &model.relations {
        let both = relation.claims.iter().any(|c| {
            let claim = claim(&model, c);
            claim.actors.contains(&relation.from) && claim.actors.contains(&relation.to)
        });
        assert!(both, "{} → {}", relation.from, relation.to);
    }
}

#[test]
fn the_map_follows_the_articles_connectives() {
    let model = model();
    let index = Index::new(model.clone());
    let node_of = |claim: &str| -> Vec<usize> {
        let c = index.get(claim).expect("claim").index();
        index.arguments_of_claim(c).to_vec()
    };
    // Each claim sits in one node: the one whose point it serves.
    for (i, claim) in model.claims.iter().enumerate() {
        assert_eq!(index.arguments_of_claim(i).len(), 1, "{}", claim.id);
    }
    let thesis = index.thesis().expect("thesis");
    // "Despite a cancelled trip": what the thesis argues against, not part of it.
    // "although Russia has been a beneficiary": against the point it concedes.
    for conceded in ["c02a", "c05a", "c26a", "c26d"] {
        for node in node_of(conceded) {
            assert_ne!(node, thesis, "{conceded}");
            assert_eq!(
                model.arguments[node].stance,
                Some(Stance::Attacks),
                "{conceded} sits in {}",
                model.arguments[node].id
            );
        }
    }
    // "But there are clear limits here" qualifies the thesis; "Still, ..." grants the
    // limits and qualifies them rather than attacking them.
    for claim in &model.claims {
        let stance = |c: &str| {
            node_of(c)
                .iter()
                .map(|n| model.arguments[*n].stance)
                .collect::<Vec<_>>()
        };
        if claim.quote.starts_with("But there are clear limits")
            || claim.quote.starts_with("Still,")
        {
            assert_eq!(stance(&claim.id), [Some(Stance::Qualifies)], "{}", claim.id);
        }
    }
}
