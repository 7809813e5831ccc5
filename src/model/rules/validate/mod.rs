//! The rules a model must keep beyond its shape: unique ids, references that resolve,
//! quotes that are verbatim, one argument tree, full coverage of the article.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::model::read::{Diagnostic, Place, Problem, Severity, Site, Unread, item_name, site};
use crate::model::relate::{MAX_NAME_BYTES, actor_names};
use crate::model::types::{
    Basis, ItemRef, Model, SCHEMA_VERSION, Section, all_ids, closest, name_key,
};

mod identity;
mod map;
mod quote;
mod record;

use quote::misquote;

/// Checks everything about a model that its types cannot. The problems carry no
/// location: a model built in code has no file (loading a file locates them).
pub fn validate(model: &Model) -> Vec<Diagnostic> {
    problems(model, &Unread::default())
        .into_iter()
        .map(|p| p.diagnostic(None, model))
        .collect()
}

/// The problems of a model. `unread` says which values are stand-ins for what the file
/// had but could not be read; they are not reported again.
/// How a sentence that should carry claims and has none is reported (after its role).
pub const NO_CLAIM: &str =
    "with no claim; every headline, standfirst and body sentence needs at least one";
/// How a claim in no argument node is reported.
pub const IN_NO_NODE: &str =
    "the claim is in no argument node; every claim belongs somewhere in the map";
/// How a rule held off by values that could not be read starts its one line.
pub const HELD_OFF: &str = "not checked yet";

impl Checker<'_> {
    /// For the record's rules, in their own file.
    pub(super) fn held_off(&mut self, key: &'static str, message: &str) {
        self.note_held_off(key, message.to_string());
    }
}

pub(crate) fn problems(model: &Model, unread: &Unread) -> Vec<Problem> {
    let mut check = Checker::new(model, unread);
    check.schema();
    check.ids();
    check.article();
    check.sentences();
    check.actors();
    check.events();
    check.claims();
    check.relations();
    check.arguments();
    check.record();
    check.identity();
    check.coverage();
    check.out
}

struct Checker<'m> {
    model: &'m Model,
    unread: &'m Unread,
    ids: HashMap<&'m str, ItemRef>,
    /// The same ids in file order, so that suggestions are the same from run to run.
    ordered: Vec<(&'m str, ItemRef)>,
    out: Vec<Problem>,
}

pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn noun(section: Section) -> &'static str {
    section.noun()
}

impl<'m> Checker<'m> {
    fn new(model: &'m Model, unread: &'m Unread) -> Self {
        let ordered: Vec<(&str, ItemRef)> = all_ids(model).collect();
        let mut ids = HashMap::with_capacity(ordered.len());
        for (id, item) in &ordered {
            ids.entry(*id).or_insert(*item);
        }
        Checker {
            model,
            unread,
            ids,
            ordered,
            out: Vec::new(),
        }
    }

    /// Whether an item's `key` holds a stand-in for a value that could not be read.
    fn unread(&self, section: Section, index: usize, key: &str) -> bool {
        self.unread.key(section, index, key)
    }

    fn name(&self, section: Section, index: usize) -> String {
        item_name(self.model, section, index)
    }

    fn report(&mut self, at: Site<'static>, message: impl AsRef<str>) {
        let message = format!("{}: {}", self.name(at.section, at.index), message.as_ref());
        self.out.push(Problem {
            place: Place::Item(at),
            message,
            severity: Severity::Error,
            earlier: None,
            todo: false,
        });
    }

    /// Reports work left to do rather than a mistake (see [`Diagnostic::todo`]).
    fn report_todo(&mut self, at: Site<'static>, message: impl AsRef<str>) {
        self.report(at, message);
        if let Some(last) = self.out.last_mut() {
            last.todo = true;
        }
    }

    /// Says that a rule was held off, and why: a note, not a problem of its own.
    fn note_held_off(&mut self, key: &'static str, message: String) {
        self.out.push(Problem {
            place: Place::Top(key),
            message: format!("{HELD_OFF}: {message}"),
            severity: Severity::Note,
            earlier: None,
            todo: true,
        });
    }

    fn report_top(&mut self, key: &'static str, message: String) {
        self.out.push(Problem {
            place: Place::Top(key),
            message,
            severity: Severity::Error,
            earlier: None,
            todo: false,
        });
    }

    fn schema(&mut self) {
        if self.model.schema != SCHEMA_VERSION {
            let message = format!(
                "schema version {} is not supported; this claimscope reads schema {SCHEMA_VERSION}",
                self.model.schema
            );
            self.report_top("schema", message);
        }
    }

    fn ids(&mut self) {
        let mut first: HashMap<&str, ItemRef> = HashMap::new();
        for (id, item) in self.ordered.clone() {
            if self.unread(item.section(), item.index(), "id") {
                continue; // Missing or not a string: reported when it was read.
            }
            let at = site(item.section(), item.index()).key("id");
            if !is_id(id) {
                self.report(
                    at,
                    "ids are lowercase letters and digits in words joined by `-`, such as `c05a` or `vladimir-putin`",
                );
            }
            match first.get(id) {
                Some(earlier) => {
                    let message =
                        format!("duplicate id `{id}`: an earlier {} has it", earlier.noun());
                    self.report(at, message);
                    if let Some(problem) = self.out.last_mut() {
                        let first = site(earlier.section(), earlier.index()).key("id");
                        problem.earlier = Some(Place::Item(first));
                    }
                }
                None => {
                    first.insert(id, item);
                }
            }
        }
    }

    /// Checks that `id` names an item of the `want` section.
    fn reference(&mut self, at: Site<'static>, id: &str, want: Section) {
        if id.is_empty() {
            return; // A stand-in for a value that could not be read, reported already.
        }
        match self.ids.get(id) {
            Some(item) if item.section() == want => {}
            Some(item) => {
                let message = format!("`{id}` is a {}, not a {}", item.noun(), noun(want));
                self.report(at, message);
            }
            None => {
                if self.unread.ids.get(id) == Some(&want) {
                    return; // The item is in a part of the file that is not TOML.
                }
                // Hints cost a scan of every id; past the first hundred problems, skip them.
                let candidates = self
                    .ordered
                    .iter()
                    .filter(|(_, item)| item.section() == want)
                    .map(|(candidate, _)| *candidate);
                let near = if self.out.len() < 100 {
                    closest(id, candidates)
                } else {
                    None
                };
                let hint = match near {
                    Some(near) => format!("; did you mean `{near}`?"),
                    None => String::new(),
                };
                let message = format!("no {} has the id `{id}`{hint}", noun(want));
                self.report(at, message);
            }
        }
    }

    fn references(&mut self, at: Site<'static>, ids: &[String], want: Section) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(at.element(i), id, want);
        }
    }

    fn needs_note(&mut self, at: Site<'static>, basis: Basis, note: Option<&String>, what: &str) {
        if basis == Basis::Inferred && note.is_none() {
            let key = at.key.unwrap_or("note");
            let message = format!("{what} is inferred, so `{key}` must say from what");
            self.report_todo(at, message);
        }
    }

    fn article(&mut self) {
        let article = &self.model.article;
        let at = site(Section::Article, 0);
        if !is_id(&article.id) {
            self.report(
                at.key("id"),
                "the article id must be lowercase words joined by `-`",
            );
        }
        let note = article.published_note.as_ref();
        self.needs_note(
            at.key("published_note"),
            article.published_basis,
            note,
            "the date",
        );
    }

    fn sentences(&mut self) {
        let mut previous = 0;
        let some_unread = (0..self.model.sentences.len())
            .any(|i| self.unread(Section::Sentences, i, "paragraph"))
            || self.unread.ids.values().any(|s| *s == Section::Sentences);
        for (i, sentence) in self.model.sentences.iter().enumerate() {
            let at = site(Section::Sentences, i);
            if sentence.text.trim() != sentence.text {
                self.report(
                    at.key("text"),
                    "the text has whitespace at its start or end",
                );
            }
            let p = sentence.paragraph;
            // A sentence the file has but that could not be read leaves a gap that is
            // not the curator's numbering mistake: the order is checked once it reads.
            if !some_unread && p != previous && Some(p) != previous.checked_add(1) {
                let message = if previous == 0 {
                    format!("paragraph {p} comes first; paragraphs are numbered from 1")
                } else {
                    format!(
                        "paragraph {p} follows paragraph {previous}; paragraphs must run in order without gaps"
                    )
                };
                self.report(at.key("paragraph"), message);
            }
            previous = p;
        }
    }

    fn actors(&mut self) {
        let model = self.model;
        // Which names the article uses, found in one pass over each sentence; a name
        // is numbered as `actor_names` numbers it: each actor's name, then its aliases.
        let (finder, _) = actor_names(model);
        let mut used = vec![false; model.actors.iter().map(|a| 1 + a.aliases.len()).sum()];
        for sentence in &model.sentences {
            for n in finder.find(&sentence.text, &sentence.text.to_lowercase()) {
                used[n] = true;
            }
        }
        let mut number = 0;
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, actor) in model.actors.iter().enumerate() {
            if actor.name.is_empty() {
                continue; // A stand-in for a name that could not be read.
            }
            if actor.name.len() > MAX_NAME_BYTES {
                let message = format!(
                    "the name is {} bytes long; a name may be at most {MAX_NAME_BYTES}",
                    actor.name.len()
                );
                self.report(site(Section::Actors, i).key("name"), message);
            }
            let name = name_key(&actor.name);
            if let Some(&first) = names.get(&name) {
                let message = format!(
                    "the name `{}` is also actor `{}`'s; search must know who is meant",
                    actor.name, model.actors[first].id
                );
                self.report(site(Section::Actors, i).key("name"), message);
            } else {
                names.insert(name, i);
            }
        }
        for (i, actor) in model.actors.iter().enumerate() {
            let at = site(Section::Actors, i);
            if let Some(affiliation) = &actor.affiliation {
                if affiliation == &actor.id {
                    self.report(
                        at.key("affiliation"),
                        "an actor cannot be affiliated with itself",
                    );
                } else {
                    self.reference(at.key("affiliation"), affiliation, Section::Actors);
                }
            }
            let mut seen = HashSet::new();
            let first_alias = number + 1;
            number += 1 + actor.aliases.len();
            for (n, alias) in actor.aliases.iter().enumerate() {
                let here = at.key("aliases").element(n);
                let key = name_key(alias);
                if key == name_key(&actor.name) || !seen.insert(key.clone()) {
                    self.report(
                        here,
                        format!("the alias `{alias}` repeats a name already given"),
                    );
                    continue;
                }
                if let Some(&other) = names.get(&key).filter(|&&o| o != i) {
                    let message = format!(
                        "the alias `{alias}` is the name of actor `{}`",
                        model.actors[other].id
                    );
                    self.report(here, message);
                } else {
                    names.insert(key, i);
                }
                if alias.len() > MAX_NAME_BYTES {
                    let message = format!(
                        "the alias is {} bytes long; a name may be at most {MAX_NAME_BYTES}",
                        alias.len()
                    );
                    self.report(here, message);
                } else if !used[first_alias + n] {
                    let message = format!(
                        "the alias `{alias}` does not occur in any sentence as whole words; aliases are names the article itself uses"
                    );
                    self.report(here, message);
                }
            }
        }
    }

    fn events(&mut self) {
        let model = self.model;
        for (i, event) in model.events.iter().enumerate() {
            let at = site(Section::Events, i);
            self.references(at.key("actors"), &event.actors, Section::Actors);
            if event.claims.is_empty() && !self.unread(Section::Events, i, "claims") {
                self.report(
                    at.key("claims"),
                    "an event needs at least one claim that reports it",
                );
            }
            self.references(at.key("claims"), &event.claims, Section::Claims);
            let note = event.date_note.as_ref();
            self.needs_note(at.key("date_note"), event.date_basis, note, "the date");
            if let Some(when) = &event.when {
                let sources = event
                    .claims
                    .iter()
                    .filter_map(|c| match self.ids.get(c.as_str()) {
                        Some(ItemRef::Claim(ci)) => Some(&model.claims[*ci].sentence),
                        _ => None,
                    })
                    .filter_map(|s| match self.ids.get(s.as_str()) {
                        Some(ItemRef::Sentence(si)) => Some(&model.sentences[*si].text),
                        _ => None,
                    });
                let mut any = false;
                let mut found = false;
                for text in sources {
                    any = true;
                    found |= text.contains(when.as_str());
                }
                if any && !found {
                    let message = format!(
                        "`when` is \"{when}\", which is not in the sentences of the event's claims; it must be the article's own time phrase, verbatim"
                    );
                    self.report(at.key("when"), message);
                }
            }
        }
    }

    fn claims(&mut self) {
        let model = self.model;
        for (i, claim) in model.claims.iter().enumerate() {
            let at = site(Section::Claims, i);
            self.references(at.key("actors"), &claim.actors, Section::Actors);
            self.reference(at.key("sentence"), &claim.sentence, Section::Sentences);
            if claim.quote.split_whitespace().count() < 2
                && !self.unread(Section::Claims, i, "quote")
            {
                self.report(at.key("quote"), "a quote must be several words, not one");
            }
            let Some(ItemRef::Sentence(si)) = self.ids.get(claim.sentence.as_str()).copied() else {
                continue;
            };
            let sentence = &model.sentences[si].text;
            if !sentence.contains(&claim.quote) {
                let message = misquote(&claim.quote, sentence, &claim.sentence);
                self.report(at.key("quote"), message);
            }
        }
    }

    fn relations(&mut self) {
        let mut pairs = HashSet::new();
        for (i, relation) in self.model.relations.iter().enumerate() {
            let at = site(Section::Relations, i);
            self.reference(at.key("from"), &relation.from, Section::Actors);
            self.reference(at.key("to"), &relation.to, Section::Actors);
            if relation.from.is_empty() || relation.to.is_empty() {
                // A stand-in for a party that could not be read: nothing to compare.
            } else if relation.from == relation.to {
                self.report(at.key("to"), "a relation needs two different actors");
            } else {
                let mut pair = [relation.from.as_str(), relation.to.as_str()];
                pair.sort_unstable();
                if !pairs.insert(pair) {
                    self.report(at, "these two actors already have a relation");
                }
            }
            if relation.claims.is_empty() && !self.unread(Section::Relations, i, "claims") {
                self.report(
                    at.key("claims"),
                    "a relation needs at least one claim that shows it",
                );
            }
            self.references(at.key("claims"), &relation.claims, Section::Claims);
        }
    }

    /// Every sentence that makes claims has one, and every claim sits in the map. Held off
    /// while some values could not be read (a draft's placeholders), since what stands in
    /// for them would be reported here again; one line says so.
    fn coverage(&mut self) {
        if self.unread.any {
            let message = "that every sentence carries a claim, and every claim sits in a node; it is, once every value above can be read";
            self.note_held_off("sentences", message.to_string());
            return;
        }
        let model = self.model;
        let quoted: HashSet<&str> = model.claims.iter().map(|c| c.sentence.as_str()).collect();
        for (i, sentence) in model.sentences.iter().enumerate() {
            if sentence.role.carries_claims() && !quoted.contains(sentence.id.as_str()) {
                let message = format!("a {} sentence {NO_CLAIM}", sentence.role);
                self.report_todo(site(Section::Sentences, i), message);
            }
        }
        let mapped: HashSet<&str> = model
            .arguments
            .iter()
            .flat_map(|a| a.claims.iter().map(String::as_str))
            .collect();
        for (i, claim) in model.claims.iter().enumerate() {
            if !mapped.contains(claim.id.as_str()) {
                self.report_todo(site(Section::Claims, i), IN_NO_NODE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case() {
        for id in ["c05a", "vladimir-putin", "s1", "a-b-c"] {
            assert!(is_id(id), "{id}");
        }
        for id in ["", "C05a", "a_b", "-a", "a-", "a--b", "é", "a b"] {
            assert!(!is_id(id), "{id}");
        }
    }
}
