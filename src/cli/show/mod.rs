//! `claimscope show ID`: one item, with everything the model ties to it.

use std::io::{self, Write};

use claimscope::model::{Index, ItemRef, edit_distance, sanitize};
use claimscope::search::{HitKind, Query, Searcher};

use super::{EXIT_INVALID, EXIT_OK};

/// Writes text from the model, with any control character made visible.
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", sanitize(&format!($($arg)*)))
    };
}

mod record;

pub fn run(searcher: &Searcher, id: &str, out: &mut dyn Write, color: bool) -> io::Result<u8> {
    let index = searcher.index();
    let Some(item) = find(searcher, id) else {
        let numbered = !id.is_empty() && id.chars().all(|c| c.is_ascii_digit() || c == '.');
        if numbered {
            let top = index.thesis().map_or(0, |t| index.children(t).len());
            eprintln!(
                "claimscope: no argument node is numbered `{}`; the thesis is 1 and the nodes under it run 1.1 to 1.{top}",
                sanitize(id)
            );
            return Ok(EXIT_INVALID);
        }
        // Two actors the model has, with no relation between them: that is the answer.
        let pair = id.split_once('/').and_then(|(a, b)| {
            let (a, b) = (index.actor(a)?, index.actor(b)?);
            let turned = format!(
                "{}/{}",
                index.model().actors[b].id,
                index.model().actors[a].id
            );
            index.get(&turned).is_none().then_some((a, b))
        });
        if let Some((a, b)) = pair {
            let model = index.model();
            eprintln!(
                "claimscope: the model has no relation between {} and {}; `claimscope search actor:{} actor:{}` finds what involves both",
                sanitize(&model.actors[a].name),
                sanitize(&model.actors[b].name),
                model.actors[a].id,
                model.actors[b].id
            );
            return Ok(EXIT_INVALID);
        }
        let near = suggestions(searcher, id);
        let hint = if near.is_empty() {
            "; `claimscope search` finds items by any word".to_string()
        } else {
            format!("; did you mean {}?", near.join(", "))
        };
        eprintln!("claimscope: no item has the id `{}`{hint}", sanitize(id));
        return Ok(EXIT_INVALID);
    };
    match item {
        ItemRef::Claim(c) => claim(index, c, out, color)?,
        ItemRef::Actor(a) => actor(index, a, out)?,
        ItemRef::Event(e) => event(index, e, out)?,
        ItemRef::Argument(n) => argument(index, n, out)?,
        ItemRef::Sentence(s) => sentence(index, s, out)?,
        ItemRef::Source(s) => record::source(index, s, out)?,
        ItemRef::Later(l) => record::later(index, l, out)?,
        ItemRef::Review(r) => record::review(index, r, out)?,
        ItemRef::Relation(r) => relation(index, r, out)?,
    }
    Ok(EXIT_OK)
}

/// An actor named by its name or an alias, in any case.
fn actor_named(index: &Index, name: &str) -> Option<ItemRef> {
    let name = name.to_lowercase();
    index
        .model()
        .actors
        .iter()
        .position(|a| {
            a.name.to_lowercase() == name || a.aliases.iter().any(|x| x.to_lowercase() == name)
        })
        .map(ItemRef::Actor)
}

/// The item `id` names: its id (in any case), an argument's number as the explorer shows
/// it ("1.7"), or an actor's name or alias, or a whole word of one ("putin" for Vladimir
/// Putin), as the search ranks it first.
fn find(searcher: &Searcher, id: &str) -> Option<ItemRef> {
    let index = searcher.index();
    index
        .get(id)
        .or_else(|| index.get(&id.to_lowercase()))
        .or_else(|| index.argument_at(id).map(ItemRef::Argument))
        .or_else(|| actor_named(index, id))
        .or_else(|| {
            let top = searcher.search(&Query::parse(id), 1).into_iter().next()?;
            let named = top.exact && !top.spelled && top.kind == HitKind::Actor;
            named.then_some(ItemRef::Actor(top.index))
        })
}

/// Up to three suggestions: ids that start with `id` or are a slip away from it, then the
/// best search hits for it.
fn suggestions(searcher: &Searcher, id: &str) -> Vec<String> {
    let index = searcher.index();
    let mut ids: Vec<&str> = index.ids().collect();
    ids.sort_unstable();
    let lower = id.to_lowercase();
    let mut near: Vec<(usize, String)> = Vec::new();
    // A relation named the other way round: `india/russia` for `russia/india`.
    if let Some((a, b)) = lower.split_once('/') {
        let turned = format!("{b}/{a}");
        if index.get(&turned).is_some() {
            near.push((0, turned));
        }
    }
    if lower.chars().count() <= 64 {
        for candidate in ids {
            if !lower.is_empty() && candidate.starts_with(&lower) {
                near.push((0, candidate.to_string()));
            } else if candidate.len().abs_diff(lower.len()) <= 8 {
                let d = edit_distance(&lower, candidate);
                if d <= (lower.chars().count() / 3).max(2) {
                    near.push((d, candidate.to_string()));
                }
            }
        }
    }
    near.sort();
    let mut out: Vec<String> = near.into_iter().map(|(_, c)| c).take(3).collect();
    if out.len() < 3 {
        for hit in searcher.search(&Query::parse(id), 3) {
            let hit_id = super::search::describe(index, &hit).0.to_string();
            if out.len() < 3 && !out.contains(&hit_id) {
                out.push(hit_id);
            }
        }
    }
    out.into_iter().map(|c| format!("`{c}`")).collect()
}

fn names(index: &Index, ids: &[String]) -> String {
    let model = index.model();
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            index
                .actor(id)
                .map_or(id.as_str(), |a| model.actors[a].name.as_str())
        })
        .collect();
    names.join(", ")
}

/// A relation between two actors: which way it is heading, the article's account of it,
/// and the claims that back it.
fn relation(index: &Index, r: usize, out: &mut dyn Write) -> io::Result<()> {
    let relation = &index.model().relations[r];
    say!(
        out,
        "relation {} · {} {}",
        index.relation_id(r),
        relation.trend.arrow(),
        relation.trend
    )?;
    say!(out, "{}", index.relation_label(r))?;
    say!(out, "{}", relation.summary)?;
    let claims = index.claims_in(claimscope::model::Scope::Relation(r));
    writeln!(out, "\nClaims ({}):", claims.len())?;
    for c in claims {
        claim_line(index, c, out)?;
    }
    Ok(())
}

fn claim_line(index: &Index, c: usize, out: &mut dyn Write) -> io::Result<()> {
    let claim = &index.model().claims[c];
    say!(
        out,
        "  {:<6} {:<10} {}",
        claim.id,
        claim.kind.as_str(),
        claim.text
    )
}

fn claim(index: &Index, c: usize, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let model = index.model();
    let claim = &model.claims[c];
    say!(out, "claim {} · {}", claim.id, claim.kind)?;
    say!(out, "{}", claim.text)?;
    writeln!(out)?;
    say!(out, "Actors: {}", names(index, &claim.actors))?;
    if let Some(s) = index.sentence_of_claim(c) {
        let sentence = &model.sentences[s];
        say!(
            out,
            "Source: {}, sentence {}",
            index.place_of_sentence(s),
            sentence.id
        )?;
        let (open, close) = if color {
            ("\x1b[1;4m", "\x1b[0m")
        } else {
            ("[[", "]]")
        };
        let marked = match sentence.text.find(&claim.quote) {
            Some(at) => {
                let end = at + claim.quote.len();
                format!(
                    "{}{open}{}{close}{}",
                    sanitize(&sentence.text[..at]),
                    sanitize(&sentence.text[at..end]),
                    sanitize(&sentence.text[end..])
                )
            }
            None => sanitize(&sentence.text).into_owned(),
        };
        writeln!(out, "  {marked}")?;
    }
    for n in index.arguments_of_claim(c) {
        let node = &model.arguments[*n];
        let stance = node
            .stance
            .map_or(String::new(), |s| format!("{} ", s.symbol()));
        say!(
            out,
            "Argument: {} {stance}{} ({})",
            index.path(*n),
            node.title,
            node.id
        )?;
    }
    for e in index.events_of_claim(c) {
        let event = &model.events[*e];
        say!(
            out,
            "Reports: {}, {} ({})",
            event.title,
            event.shown_date().labelled(),
            event.id
        )?;
    }
    if let Some(note) = &claim.note {
        say!(out, "Note: {note}")?;
    }
    record::claim_reviews(index, c, out)
}

fn actor(index: &Index, a: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let actor = &model.actors[a];
    say!(out, "actor {} · {}", actor.id, actor.kind)?;
    say!(out, "{}", actor.name)?;
    if !actor.aliases.is_empty() {
        say!(out, "Also called: {}", actor.aliases.join(", "))?;
    }
    if let Some(role) = &actor.role {
        say!(out, "Role: {role}")?;
    }
    if let Some(item) = &actor.wikidata {
        say!(
            out,
            "Wikidata: {item} (https://www.wikidata.org/wiki/{item})"
        )?;
    }
    if let Some(affiliation) = &actor.affiliation {
        say!(
            out,
            "Affiliation: {}",
            names(index, std::slice::from_ref(affiliation))
        )?;
    }
    say!(out, "{}", actor.summary)?;
    let relations = index.relations_of_actor(a);
    if !relations.is_empty() {
        writeln!(out, "\nRelations:")?;
        for r in relations {
            let relation = &model.relations[*r];
            let other = if relation.from == actor.id {
                &relation.to
            } else {
                &relation.from
            };
            let name = names(index, std::slice::from_ref(other));
            say!(
                out,
                "  {} {:<8} {name}: {} ({})",
                relation.trend.arrow(),
                relation.trend.as_str(),
                relation.summary,
                index.relation_id(*r)
            )?;
        }
    }
    let claims = index.claims_of_actor(a);
    writeln!(out, "\nClaims ({}):", claims.len())?;
    for c in claims {
        claim_line(index, *c, out)?;
    }
    let events = index.events_of_actor(a);
    if !events.is_empty() {
        writeln!(out, "\nEvents ({}):", events.len())?;
        for e in events {
            let event = &model.events[*e];
            say!(
                out,
                "  {:<17} {} ({})",
                event.shown_date().human(),
                event.title,
                event.id
            )?;
        }
    }
    Ok(())
}

fn event(index: &Index, e: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let event = &model.events[e];
    say!(out, "event {} · {}", event.id, event.status)?;
    say!(out, "{}", event.title)?;
    record::event_dates(index, event, out)?;
    say!(out, "Actors: {}", names(index, &event.actors))?;
    writeln!(out, "\nClaims:")?;
    for id in &event.claims {
        if let Some(c) = index.claim(id) {
            claim_line(index, c, out)?;
        }
    }
    let later = index.later_of_event(e);
    if !later.is_empty() {
        writeln!(out, "\n{}", record::RECORD)?;
        for l in later {
            record::later_line(index, *l, out)?;
        }
    }
    Ok(())
}

fn argument(index: &Index, n: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let node = &model.arguments[n];
    say!(
        out,
        "argument {} · {} · {}",
        node.id,
        index.path(n),
        node.role
    )?;
    say!(out, "{}", node.title)?;
    if let (Some(stance), Some(p)) = (
        node.stance,
        node.parent.as_deref().and_then(|p| index.argument(p)),
    ) {
        let parent = &model.arguments[p];
        say!(
            out,
            "{} {} {} {} ({})",
            stance.symbol(),
            stance,
            index.path(p),
            parent.title,
            parent.id
        )?;
    }
    let children = index.children(n);
    if !children.is_empty() {
        writeln!(out, "\nBelow it:")?;
        for child in children {
            let c = &model.arguments[*child];
            let symbol = c.stance.map_or("", |s| s.symbol());
            say!(
                out,
                "  {} {symbol} {} ({})",
                index.path(*child),
                c.title,
                c.id
            )?;
        }
    }
    writeln!(out, "\nClaims:")?;
    for id in &node.claims {
        if let Some(c) = index.claim(id) {
            claim_line(index, c, out)?;
            say!(out, "         “{}”", model.claims[c].quote)?;
        }
    }
    Ok(())
}

fn sentence(index: &Index, s: usize, out: &mut dyn Write) -> io::Result<()> {
    let sentence = &index.model().sentences[s];
    say!(
        out,
        "sentence {} · {} · {}",
        sentence.id,
        sentence.role,
        index.place_of_sentence(s)
    )?;
    say!(out, "{}", sentence.text)?;
    let claims = index.claims_of_sentence(s);
    if !claims.is_empty() {
        writeln!(out, "\nClaims:")?;
        for c in claims {
            claim_line(index, *c, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimscope::model::{Index, Model};
    use std::sync::Arc;

    fn searcher() -> Searcher {
        let model = Model::bundled().expect("the bundled model loads");
        Searcher::new(Arc::new(Index::new(model)))
    }

    #[test]
    fn an_id_that_is_found_builds_no_search_engine() {
        let searcher = searcher();
        let mut out = Vec::new();
        assert_eq!(run(&searcher, "c01a", &mut out, false).ok(), Some(0));
        assert!(!out.is_empty());
        assert!(!searcher.is_built(), "showing c01a needed no search");
        // An id that is not one is searched for, to say what was meant.
        let mut out = Vec::new();
        let _ = run(&searcher, "kayanni", &mut out, false);
        assert!(searcher.is_built());
    }
}
