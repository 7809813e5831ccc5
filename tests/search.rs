//! The shared search engine on the bundled article: ranking, filters, highlighting.

use std::collections::BTreeSet;

use claimscope::model::{Index, Model};
use claimscope::search::{Field, Hit, HitKind, Query, Searcher};

mod common;

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
    let (index, searcher) = engine();
    let hits = search(&searcher, "mosc");
    // Among them the event titled "Kayani visits Moscow": `Moscow` starts at character 14
    // (`Kayani` 6, a space, `visits` 6, a space).
    let visit = hits
        .iter()
        .find(|h| h.kind == HitKind::Event && index.model().events[h.index].id == "kayani-visit")
        .expect("the search finds the visit to Moscow");
    assert_eq!(searcher.field_text(visit), "Kayani visits Moscow");
    assert_eq!(visit.positions, vec![14, 15, 16, 17]);
    assert!(hits.len() > 1, "{hits:?}");
    for hit in hits {
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

/// A query's hits as a set of items: which, not in what order.
fn items(searcher: &Searcher, text: &str) -> BTreeSet<(HitKind, usize)> {
    searcher
        .search(&Query::parse(text), usize::MAX)
        .iter()
        .map(|h| (h.kind, h.index))
        .collect()
}

#[test]
fn an_actor_filter_written_twice_finds_the_items_that_involve_both() {
    let (index, searcher) = engine();
    let expected = common::items_involving(index.model(), &["india", "russia"]);
    assert!(!expected.is_empty(), "the article has items on both");
    let by_id = |text: &str| -> BTreeSet<(&'static str, String)> {
        searcher
            .search(&Query::parse(text), usize::MAX)
            .iter()
            .map(|h| (h.kind.as_str(), index.id_of(h.item()).to_string()))
            .collect()
    };
    let both = by_id("actor:india actor:russia");
    assert_eq!(both, expected);
    assert_eq!(by_id("actor:russia actor:india"), expected);
    assert!(both.len() < by_id("actor:russia").len());
    assert!(both.len() < by_id("actor:india").len());
    // Names and aliases as well as ids.
    assert_eq!(by_id("actor:delhi actor:moscow"), expected);
}

#[test]
fn commas_give_a_filter_a_choice_the_union_of_each_alone() {
    let (_, searcher) = engine();
    for (either, choices) in [
        ("kind:forecast,fact", ["kind:forecast", "kind:fact"]),
        ("actor:india,china", ["actor:india", "actor:china"]),
        ("verdict:held,partly", ["verdict:held", "verdict:partly"]),
        ("in:claim,event", ["in:claim", "in:event"]),
        (
            "status:cancelled,planned",
            ["status:cancelled", "status:planned"],
        ),
        ("role:limit,objection", ["role:limit", "role:objection"]),
    ] {
        let one = items(&searcher, choices[0]);
        let other = items(&searcher, choices[1]);
        assert!(!one.is_empty() && !other.is_empty(), "{either}");
        assert!(one != other, "{either}: the choices differ");
        let union: BTreeSet<_> = one.union(&other).copied().collect();
        assert_eq!(items(&searcher, either), union, "{either}");
        // Empty pieces are nothing: `kind:,forecast,,fact,`.
        let (key, values) = either.split_once(':').expect("a filter");
        let padded = format!("{key}:,{},", values.replace(',', ",,"));
        assert_eq!(items(&searcher, &padded), union, "{padded}");
    }
    // A choice and a second filter: claims that are forecasts or facts and involve India.
    let both = items(&searcher, "kind:forecast,fact actor:india");
    let union: BTreeSet<_> = items(&searcher, "kind:forecast actor:india")
        .union(&items(&searcher, "kind:fact actor:india"))
        .copied()
        .collect();
    assert_eq!(both, union);
    assert!(!both.is_empty());
}

#[test]
fn two_kinds_find_nothing_and_the_check_offers_the_choice() {
    let (_, searcher) = engine();
    let text = "kind:forecast kind:fact";
    let query = Query::parse(text);
    assert!(searcher.search(&query, usize::MAX).is_empty());
    let problems = searcher.check(&query, text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].fatal);
    assert_eq!(
        problems[0].message,
        "an item has one kind: `kind:forecast kind:fact` can match nothing; \
         did you mean `kind:forecast,fact`?"
    );
    for (text, choice) in [
        (
            "status:cancelled status:planned",
            "`status:cancelled,planned`",
        ),
        ("in:claim in:event", "`in:claim,event`"),
        ("kind:claim kind:actor", "`kind:claim,actor`"),
        (
            "kind:forecast,fact kind:state",
            "`kind:forecast,fact,state`",
        ),
    ] {
        let query = Query::parse(text);
        assert!(searcher.search(&query, usize::MAX).is_empty(), "{text}");
        let problems = searcher.check(&query, text);
        assert!(
            problems
                .iter()
                .any(|p| p.fatal && p.message.contains(choice)),
            "{text}: {problems:?}"
        );
    }
    // Two filters that some item meets together are fine: a claim is a forecast.
    for text in [
        "kind:claim kind:forecast",
        "kind:forecast,fact kind:fact",
        "in:claim,event in:event",
        "actor:india actor:russia",
        "verdict:held verdict:failed",
    ] {
        let query = Query::parse(text);
        assert_eq!(searcher.check(&query, text), [], "{text}");
    }
}

#[test]
fn every_value_of_a_comma_list_is_checked() {
    let (_, searcher) = engine();
    for (text, message) in [
        (
            "kind:forcast,fact",
            "no kind is `forcast`; did you mean `kind:forecast`?",
        ),
        (
            "kind:fact,forcast",
            "no kind is `forcast`; did you mean `kind:forecast`?",
        ),
        (
            "verdict:held,faild",
            "no verdict is `faild`; did you mean `verdict:failed`?",
        ),
        (
            "status:cancelled,planed",
            "no status is `planed`; did you mean `status:planned`?",
        ),
        (
            "role:limit,contxt",
            "no role is `contxt`; did you mean `role:context`?",
        ),
        (
            "in:claim,evnt",
            "no item kind is `evnt`; did you mean `in:event`?",
        ),
        (
            "actor:india,narnia",
            "no actor is named `narnia`; an actor filter takes an id, a name or an alias",
        ),
    ] {
        let problems = searcher.check(&Query::parse(text), text);
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert!(problems[0].fatal, "{text}");
        assert_eq!(problems[0].message, message, "{text}");
    }
    // A mistyped value is named once, not again as filters that cannot meet.
    let text = "kind:forcast kind:fact";
    let problems = searcher.check(&Query::parse(text), text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.starts_with("no kind is `forcast`"));
}

mod filter_algebra {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shared() -> &'static (Index, Searcher) {
        static ENGINE: OnceLock<(Index, Searcher)> = OnceLock::new();
        ENGINE.get_or_init(engine)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// For any two actors (the same one too): both filters find what each finds in
        /// common, and the comma finds what either finds.
        #[test]
        fn two_actors_both_and_either(a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
            let (index, searcher) = shared();
            let actors = &index.model().actors;
            let a = &actors[a.index(actors.len())].id;
            let b = &actors[b.index(actors.len())].id;
            let one = items(searcher, &format!("actor:{a}"));
            let other = items(searcher, &format!("actor:{b}"));
            prop_assert!(!one.is_empty());
            let common: BTreeSet<_> = one.intersection(&other).copied().collect();
            let either: BTreeSet<_> = one.union(&other).copied().collect();
            prop_assert_eq!(items(searcher, &format!("actor:{a} actor:{b}")), common);
            prop_assert_eq!(items(searcher, &format!("actor:{a},{b}")), either);
        }
    }
}

#[test]
fn a_long_text_scored_in_a_window_stays_within_its_bound() {
    // Over 1 KiB, a text is scored in a window that begins a little before where the term
    // reads: here on the "a" of "axxx b", although the text begins with "z". The matcher
    // scores a match at the start of what it is given higher, so the bound must be a
    // start's. (Had it not been, the engine's check of the bound fails in a test build.)
    let mut model = Model::bundled().expect("bundled model");
    let long = format!(
        "{}axxx b{}ab{}",
        "z".repeat(40),
        "y".repeat(58),
        "y".repeat(1100)
    );
    assert!(long.len() > 1024);
    model.claims[0].text = long;
    let id = model.claims[0].id.clone();
    let searcher = Searcher::new(std::sync::Arc::new(Index::new(model)));
    let hits = searcher.search(&Query::parse("ab"), 500);
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Claim && searcher.index().model().claims[h.index].id == id),
        "the long claim is among the hits"
    );
}
