//! Curation rules a machine can hold but a model may break for a reason: `check` reports
//! them as warnings, and `check --deny-warnings` as errors. Each catches a slip that a
//! close reading of the bundled model found more than once (docs/curation.md).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::model::read::{Place, Problem, Severity, Site, Unread, item_name, site};
use crate::model::relate::actor_names;
use crate::model::types::{Model, Section, contains_words};

/// Words that change what a claim asserts ("always", "still", "any further"). A claim's
/// text may use one only where its quote does: otherwise the claim says more than the
/// words it rests on.
pub const QUALIFIERS: &[&str] = &[
    "always",
    "never",
    "still",
    "only",
    "already",
    "any further",
    "no longer",
    "first-ever",
];

/// The warnings for a model; `unread` marks values that are stand-ins, which are skipped.
pub(crate) fn warnings(model: &Model, unread: &Unread) -> Vec<Problem> {
    let mut out = Vec::new();
    unnamed_actors(model, unread, &mut out);
    shared_quotes(model, unread, &mut out);
    qualifiers(model, unread, &mut out);
    out
}

fn warn(model: &Model, at: Site<'static>, message: String, out: &mut Vec<Problem>) {
    out.push(Problem {
        place: Place::Item(at),
        message: format!("{}: {message}", item_name(model, at.section, at.index)),
        severity: Severity::Warning,
        earlier: None,
        todo: false,
    });
}

/// An actor whose name or alias the quote uses is listed among the claim's actors: "the
/// Russian president's special envoy" names the president as well as the envoy.
fn unnamed_actors(model: &Model, unread: &Unread, out: &mut Vec<Problem>) {
    let (finder, owner) = actor_names(model);
    let written: Vec<&str> = model
        .actors
        .iter()
        .flat_map(|actor| std::iter::once(&actor.name).chain(&actor.aliases))
        .map(String::as_str)
        .collect();
    for (c, claim) in model.claims.iter().enumerate() {
        if unread.key(Section::Claims, c, "actors") || unread.key(Section::Claims, c, "quote") {
            continue;
        }
        // Sets, so that a quote naming many actors of a claim listing many costs their
        // sum, not their product.
        let listed: HashSet<&str> = claim.actors.iter().map(String::as_str).collect();
        let mut reported = HashSet::new();
        for n in finder.find(&claim.quote, &claim.quote.to_lowercase()) {
            let a = owner[n];
            let actor = &model.actors[a];
            if listed.contains(actor.id.as_str()) || !reported.insert(a) {
                continue;
            }
            let message = format!(
                "the quote names “{}” (actor `{}`), who is not in `actors`",
                written[n], actor.id
            );
            warn(model, site(Section::Claims, c).key("actors"), message, out);
        }
    }
}

/// Two claims of one sentence with the same quote: one of them may rest on words it does
/// not quote, or the two may be one proposition.
fn shared_quotes(model: &Model, unread: &Unread, out: &mut Vec<Problem>) {
    let mut first: HashMap<(&str, &str), usize> = HashMap::new();
    for (c, claim) in model.claims.iter().enumerate() {
        if unread.key(Section::Claims, c, "quote") || unread.key(Section::Claims, c, "sentence") {
            continue;
        }
        let key = (claim.sentence.as_str(), claim.quote.as_str());
        match first.get(&key) {
            Some(&earlier) => {
                let message = format!(
                    "the same quote as claim `{}` of the same sentence; quote the words each proposition rests on, or make them one claim",
                    model.claims[earlier].id
                );
                let at = site(Section::Claims, c).key("quote");
                warn(model, at, message, out);
                if let Some(problem) = out.last_mut() {
                    let place = site(Section::Claims, earlier).key("quote");
                    problem.earlier = Some(Place::Item(place));
                }
            }
            None => {
                first.insert(key, c);
            }
        }
    }
}

/// A claim's text uses a qualifier ("always", "still") that its quote lacks.
fn qualifiers(model: &Model, unread: &Unread, out: &mut Vec<Problem>) {
    for (c, claim) in model.claims.iter().enumerate() {
        if unread.key(Section::Claims, c, "quote") || unread.key(Section::Claims, c, "text") {
            continue;
        }
        let text = claim.text.to_lowercase();
        let quote = claim.quote.to_lowercase();
        for word in QUALIFIERS {
            if contains_words(&text, word) && !contains_words(&quote, word) {
                let message = format!(
                    "the text says “{word}” but the quote does not; say no more than the article, or quote the words that say it"
                );
                warn(model, site(Section::Claims, c).key("text"), message, out);
            }
        }
    }
}
