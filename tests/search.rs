//! The shared search engine on the bundled article: ranking, filters, highlighting.

use claimscope::model::{Index, Model};
use claimscope::search::{Field, Hit, HitKind, Query, Searcher};

fn engine() -> (Index, Searcher) {
    let model = Model::bundled().expect("bundled model");
    let index = Index::new(model);
    let searcher = Searcher::new(std::sync::Arc::new(index.clone()));
    (index, searcher)
}

fn search(searcher: &Searcher, text: &str) -> Vec<Hit> {
    searcher.search(&Query::parse(text), 50)
}

fn actor_id<'a>(index: &'a Index, hit: &Hit) -> &'a str {
    assert_eq!(hit.kind, HitKind::Actor, "{hit:?}");
    &index.model().actors[hit.index].id
}

#[test]
fn a_whole_alias_ranks_its_actor_first_and_says_which_alias() {
    let (index, searcher) = engine();
    let hits = search(&searcher, "moscow");
    assert_eq!(actor_id(&index, &hits[0]), "russia");
    assert!(hits[0].exact);
    assert_eq!(searcher.field_text(&hits[0]), "Moscow");
    assert!(matches!(hits[0].field, Field::Alias(_)));
    // Claims that quote "Moscow" follow.
    assert!(hits[1..].iter().any(|h| h.kind == HitKind::Claim));
}

#[test]
fn a_whole_word_of_a_name_ranks_the_person_first() {
    let (index, searcher) = engine();
    let hits = search(&searcher, "kayani");
    assert_eq!(actor_id(&index, &hits[0]), "ashfaq-parvez-kayani");
    let hits = search(&searcher, "Putin");
    assert_eq!(actor_id(&index, &hits[0]), "vladimir-putin");
}

#[test]
fn ties_go_to_the_shorter_text() {
    let (_, searcher) = engine();
    let hits = search(&searcher, "delhi");
    // "Delhi" (an exact alias of India) before anything longer that also holds it.
    assert_eq!(searcher.field_text(&hits[0]), "Delhi");
}

#[test]
fn matched_positions_point_at_the_matched_characters() {
    let (_, searcher) = engine();
    for hit in search(&searcher, "mosc") {
        let text: Vec<char> = searcher.field_text(&hit).to_lowercase().chars().collect();
        let matched: String = hit.positions.iter().map(|p| text[*p]).collect();
        assert_eq!(matched, "mosc", "{hit:?}");
    }
}

#[test]
fn every_term_must_match() {
    let (index, searcher) = engine();
    let hits = search(&searcher, "pakistan arms");
    assert!(!hits.is_empty());
    let model = index.model();
    for hit in hits.iter().filter(|h| h.kind == HitKind::Claim) {
        let claim = &model.claims[hit.index];
        let text = format!("{} {}", claim.text, claim.quote).to_lowercase();
        assert!(text.contains('p') && text.contains('a'), "{}", claim.id);
    }
    assert!(search(&searcher, "pakistan zzzzqqq").is_empty());
}

#[test]
fn filters_narrow_by_actor_kind_and_role() {
    let (index, searcher) = engine();
    let model = index.model();
    let forecasts = search(&searcher, "kind:forecast");
    assert!(!forecasts.is_empty());
    for hit in &forecasts {
        assert_eq!(hit.kind, HitKind::Claim);
        assert_eq!(model.claims[hit.index].kind.as_str(), "forecast");
    }
    let about_india = search(&searcher, "actor:delhi in:claim");
    assert!(!about_india.is_empty());
    for hit in &about_india {
        assert!(model.claims[hit.index].actors.iter().any(|a| a == "india"));
    }
    let limits = search(&searcher, "role:limit in:argument");
    assert!(!limits.is_empty());
    for hit in &limits {
        assert_eq!(model.arguments[hit.index].role.as_str(), "limit");
    }
    let cancelled = search(&searcher, "status:cancelled");
    assert!(
        cancelled
            .iter()
            .all(|h| model.events[h.index].status.as_str() == "cancelled"
                && h.kind == HitKind::Event)
    );
    assert_eq!(cancelled.len(), 2);
}

#[test]
fn letters_scattered_across_a_sentence_do_not_match() {
    let (index, searcher) = engine();
    let model = index.model();
    let hits = search(&searcher, "kayani");
    for hit in &hits {
        let text = searcher.field_text(hit).to_lowercase();
        assert!(text.contains("kayani"), "a scattered match: {text}");
    }
    // A typo still finds the word, and initials still find a name.
    let hits = search(&searcher, "putn");
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Actor && model.actors[h.index].id == "vladimir-putin")
    );
    let hits = search(&searcher, "sco");
    assert_eq!(actor_id(&index, &hits[0]), "sco");
}

#[test]
fn filters_alone_list_items_by_kind_then_in_file_order() {
    let (index, searcher) = engine();
    let hits = search(&searcher, "role:limit");
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "grouped by kind");
    let claims: Vec<usize> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Claim)
        .map(|h| h.index)
        .collect();
    assert!(
        claims.windows(2).all(|w| w[0] < w[1]),
        "claims in file order"
    );
    assert!(!claims.is_empty());
    let _ = index;
}

/// A searcher over a synthetic corpus of `claims` claims.
fn corpus(claims: usize) -> Searcher {
    let source = claimscope::model::ModelFile {
        name: "corpus".to_string(),
        text: claimscope::corpus::generate(claims),
    };
    let model = claimscope::model::load_str(&source).expect("the corpus is a valid model");
    Searcher::new(std::sync::Arc::new(Index::new(model)))
}

const QUERIES: &[&str] = &[
    "p",
    "pa",
    "pak",
    "pakistan",
    "pakistan a",
    "pakistan arms",
    "a",
    "sa",
    "moscow",
    "mosc",
    "defence pact",
    "kind:forecast",
    "arms actor:pakistan",
    "in:event mon",
    "zzzz",
    "putn",
    "the",
    "e",
    "gas pipeline",
    "role:limit",
    "s1",
    "c12",
];

#[test]
fn stopping_early_finds_exactly_the_best_hits() {
    let (_, article) = engine();
    for searcher in [article, corpus(3000)] {
        for q in QUERIES {
            let query = Query::parse(q);
            let all = searcher.search(&query, usize::MAX);
            for k in [1, 5, 20, 200] {
                let top = searcher.search(&query, k);
                let expected: Vec<&Hit> = all.iter().take(k).collect();
                let got: Vec<&Hit> = top.iter().collect();
                assert_eq!(got, expected, "query {q:?}, top {k}");
            }
        }
    }
}

#[test]
fn narrowing_from_the_previous_query_changes_nothing() {
    let searcher = corpus(3000);
    for typed in ["pakistan arms", "defence pact", "kind:fact gas", "moscow 2"] {
        let mut previous: Option<claimscope::search::Results> = None;
        for end in 1..=typed.len() {
            let query = Query::parse(&typed[..end]);
            let narrowed = searcher.search_from(&query, 50, previous.as_ref());
            assert_eq!(
                narrowed.hits,
                searcher.search(&query, 50),
                "typing {:?}",
                &typed[..end]
            );
            previous = Some(narrowed);
        }
    }
}

#[test]
fn the_matcher_never_scores_above_the_bound_the_search_relies_on() {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    // The search assumes: a text that starts with the term's first letter scores at most
    // what the term scores against itself; any other at most what " term" scores.
    let matcher = SkimMatcherV2::default().respect_case();
    let (index, _) = engine();
    let model = index.model();
    let mut texts: Vec<String> = model
        .claims
        .iter()
        .flat_map(|c| [c.text.to_lowercase(), c.quote.to_lowercase()])
        .collect();
    texts.extend(model.actors.iter().map(|a| a.name.to_lowercase()));
    for t in ["pa", "pak", "moscow", "arms", "ab"] {
        let c: Vec<String> = t.chars().map(String::from).collect();
        texts.extend([
            c.join(" "),
            c.join("-"),
            format!("x{t}"),
            format!("{}{t}", c[0]),
            format!("{} {t}", c[0]),
            format!("{t}{t}"),
            format!("{}_{}", c[0], &t[1..]),
        ]);
    }
    let mut terms: Vec<String> = Vec::new();
    for text in &texts {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
        {
            let chars: Vec<char> = word.chars().collect();
            for n in 1..=chars.len().min(6) {
                terms.push(chars[..n].iter().collect());
            }
        }
    }
    terms.sort();
    terms.dedup();
    let mut checked = 0;
    for term in &terms {
        let at_start = matcher.fuzzy_match(term, term).unwrap_or(i64::MAX);
        let elsewhere = matcher
            .fuzzy_match(&format!(" {term}"), term)
            .unwrap_or(i64::MAX);
        for text in &texts {
            if let Some(score) = matcher.fuzzy_match(text, term) {
                let bound = if text.chars().next() == term.chars().next() {
                    at_start
                } else {
                    elsewhere
                };
                assert!(
                    score <= bound,
                    "{term:?} scores {score} in {text:?}, above {bound}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "only {checked} pairs checked");
}

#[test]
fn scores_remembered_from_other_queries_change_nothing() {
    let searcher = corpus(3000);
    let typed = [
        "pakistan arms",
        "pakistan arm",
        "pakistan gas",
        "gas pakistan",
        "moscow pakistan",
        "pakistan",
        "arms",
    ];
    let mut previous: Option<claimscope::search::Results> = None;
    for text in typed {
        let query = Query::parse(text);
        let reused = searcher.search_from(&query, 30, previous.as_ref());
        assert_eq!(
            reused.hits,
            searcher.search(&query, 30),
            "after the previous query, {text:?}"
        );
        previous = Some(reused);
    }
}
