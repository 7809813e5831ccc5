//! Lookups over a model: items by id, and the links between sentences, claims, actors,
//! events and argument nodes that the explorer and the command line follow.

use std::collections::HashMap;

use super::spans::Section;
use super::{ActorKind, ArgumentNode, Model};

/// Where an item with an id lives in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    Sentence(usize),
    Actor(usize),
    Event(usize),
    Claim(usize),
    Argument(usize),
    Source(usize),
    Later(usize),
    Review(usize),
}

impl ItemRef {
    /// "sentence", "actor", "event", "claim" or "argument".
    pub fn noun(self) -> &'static str {
        match self {
            ItemRef::Sentence(_) => "sentence",
            ItemRef::Actor(_) => "actor",
            ItemRef::Event(_) => "event",
            ItemRef::Claim(_) => "claim",
            ItemRef::Argument(_) => "argument",
            ItemRef::Source(_) => "source",
            ItemRef::Later(_) => "later event",
            ItemRef::Review(_) => "review",
        }
    }

    pub fn index(self) -> usize {
        match self {
            ItemRef::Sentence(i)
            | ItemRef::Actor(i)
            | ItemRef::Event(i)
            | ItemRef::Claim(i)
            | ItemRef::Argument(i)
            | ItemRef::Source(i)
            | ItemRef::Later(i)
            | ItemRef::Review(i) => i,
        }
    }

    pub(crate) fn section(self) -> Section {
        match self {
            ItemRef::Sentence(_) => Section::Sentences,
            ItemRef::Actor(_) => Section::Actors,
            ItemRef::Event(_) => Section::Events,
            ItemRef::Claim(_) => Section::Claims,
            ItemRef::Argument(_) => Section::Arguments,
            ItemRef::Source(_) => Section::Sources,
            ItemRef::Later(_) => Section::Later,
            ItemRef::Review(_) => Section::Reviews,
        }
    }
}

/// Every id in the model with its item, in file order (sentences, actors, events, claims,
/// arguments, then the record's sources, later events and reviews), duplicates included.
pub(crate) fn all_ids(model: &Model) -> impl Iterator<Item = (&str, ItemRef)> {
    let sentences = model.sentences.iter().enumerate();
    let actors = model.actors.iter().enumerate();
    let events = model.events.iter().enumerate();
    let claims = model.claims.iter().enumerate();
    let arguments = model.arguments.iter().enumerate();
    let sources = model.sources.iter().enumerate();
    let later = model.later.iter().enumerate();
    let reviews = model.reviews.iter().enumerate();
    sentences
        .map(|(i, s)| (s.id.as_str(), ItemRef::Sentence(i)))
        .chain(actors.map(|(i, a)| (a.id.as_str(), ItemRef::Actor(i))))
        .chain(events.map(|(i, e)| (e.id.as_str(), ItemRef::Event(i))))
        .chain(claims.map(|(i, c)| (c.id.as_str(), ItemRef::Claim(i))))
        .chain(arguments.map(|(i, a)| (a.id.as_str(), ItemRef::Argument(i))))
        .chain(sources.map(|(i, s)| (s.id.as_str(), ItemRef::Source(i))))
        .chain(later.map(|(i, l)| (l.id.as_str(), ItemRef::Later(i))))
        .chain(reviews.map(|(i, r)| (r.id.as_str(), ItemRef::Review(i))))
}

/// A model with its lookups. Built once at load; every query after that is a table read.
/// References that do not resolve are skipped, so an index can be built even from a model
/// that failed validation.
#[derive(Debug, Clone)]
pub struct Index {
    model: Model,
    ids: HashMap<String, ItemRef>,
    sentence_of_claim: Vec<Option<usize>>,
    claims_of_sentence: Vec<Vec<usize>>,
    claims_of_actor: Vec<Vec<usize>>,
    events_of_actor: Vec<Vec<usize>>,
    relations_of_actor: Vec<Vec<usize>>,
    events_of_claim: Vec<Vec<usize>>,
    arguments_of_claim: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
    thesis: Option<usize>,
    paths: Vec<String>,
    timeline: Vec<usize>,
    reviews_of_claim: Vec<Vec<usize>>,
    later_of_claim: Vec<Vec<usize>>,
    later_of_event: Vec<Vec<usize>>,
}

impl Index {
    pub fn new(model: Model) -> Index {
        let mut ids = HashMap::new();
        for (id, item) in all_ids(&model) {
            ids.entry(id.to_string()).or_insert(item);
        }
        let lookup =
            |id: &str, want: fn(ItemRef) -> Option<usize>| ids.get(id).and_then(|r| want(*r));
        let actor_of = |r: ItemRef| {
            if let ItemRef::Actor(i) = r {
                Some(i)
            } else {
                None
            }
        };
        let claim_of = |r: ItemRef| {
            if let ItemRef::Claim(i) = r {
                Some(i)
            } else {
                None
            }
        };
        let argument_of = |r: ItemRef| {
            if let ItemRef::Argument(i) = r {
                Some(i)
            } else {
                None
            }
        };
        let sentence_of = |r: ItemRef| {
            if let ItemRef::Sentence(i) = r {
                Some(i)
            } else {
                None
            }
        };

        let mut sentence_of_claim = Vec::with_capacity(model.claims.len());
        let mut claims_of_sentence = vec![Vec::new(); model.sentences.len()];
        let mut claims_of_actor = vec![Vec::new(); model.actors.len()];
        for (ci, claim) in model.claims.iter().enumerate() {
            let si = lookup(&claim.sentence, sentence_of);
            if let Some(si) = si {
                claims_of_sentence[si].push(ci);
            }
            sentence_of_claim.push(si);
            for ai in claim.actors.iter().filter_map(|a| lookup(a, actor_of)) {
                push_once(&mut claims_of_actor[ai], ci);
            }
        }
        let mut events_of_actor = vec![Vec::new(); model.actors.len()];
        let mut events_of_claim = vec![Vec::new(); model.claims.len()];
        for (ei, event) in model.events.iter().enumerate() {
            for ai in event.actors.iter().filter_map(|a| lookup(a, actor_of)) {
                push_once(&mut events_of_actor[ai], ei);
            }
            for ci in event.claims.iter().filter_map(|c| lookup(c, claim_of)) {
                push_once(&mut events_of_claim[ci], ei);
            }
        }
        let mut relations_of_actor = vec![Vec::new(); model.actors.len()];
        for (ri, relation) in model.relations.iter().enumerate() {
            for id in [&relation.from, &relation.to] {
                if let Some(ai) = lookup(id, actor_of) {
                    push_once(&mut relations_of_actor[ai], ri);
                }
            }
        }
        let mut arguments_of_claim = vec![Vec::new(); model.claims.len()];
        let mut children = vec![Vec::new(); model.arguments.len()];
        let mut thesis = None;
        for (ni, node) in model.arguments.iter().enumerate() {
            for ci in node.claims.iter().filter_map(|c| lookup(c, claim_of)) {
                push_once(&mut arguments_of_claim[ci], ni);
            }
            match node.parent.as_deref().and_then(|p| lookup(p, argument_of)) {
                Some(parent) if parent != ni => children[parent].push(ni),
                Some(_) => {}
                None if thesis.is_none() && node.parent.is_none() => thesis = Some(ni),
                None => {}
            }
        }
        let paths = number_tree(&model.arguments, &children, thesis);
        let mut reviews_of_claim = vec![Vec::new(); model.claims.len()];
        for (ri, review) in model.reviews.iter().enumerate() {
            for ci in review.claims.iter().filter_map(|c| lookup(c, claim_of)) {
                push_once(&mut reviews_of_claim[ci], ri);
            }
        }
        let mut later_of_claim = vec![Vec::new(); model.claims.len()];
        let mut later_of_event = vec![Vec::new(); model.events.len()];
        for (li, later) in model.later.iter().enumerate() {
            for id in &later.bears_on {
                match ids.get(id.as_str()) {
                    Some(ItemRef::Claim(ci)) => push_once(&mut later_of_claim[*ci], li),
                    Some(ItemRef::Event(ei)) => push_once(&mut later_of_event[*ei], li),
                    _ => {}
                }
            }
        }
        let mut timeline: Vec<usize> = (0..model.events.len()).collect();
        timeline.sort_by(|a, b| model.events[*a].date.timeline_cmp(&model.events[*b].date));

        Index {
            model,
            ids,
            sentence_of_claim,
            claims_of_sentence,
            claims_of_actor,
            events_of_actor,
            relations_of_actor,
            events_of_claim,
            arguments_of_claim,
            children,
            thesis,
            paths,
            timeline,
            reviews_of_claim,
            later_of_claim,
            later_of_event,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<ItemRef> {
        self.ids.get(id).copied()
    }

    /// All ids, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(String::as_str)
    }

    /// The sentence a claim quotes.
    pub fn sentence_of_claim(&self, claim: usize) -> Option<usize> {
        self.sentence_of_claim.get(claim).copied().flatten()
    }

    /// The claims that quote a sentence, in file order.
    pub fn claims_of_sentence(&self, sentence: usize) -> &[usize] {
        slice(&self.claims_of_sentence, sentence)
    }

    /// The claims that name an actor, in file order.
    pub fn claims_of_actor(&self, actor: usize) -> &[usize] {
        slice(&self.claims_of_actor, actor)
    }

    /// The events an actor takes part in, in file order.
    pub fn events_of_actor(&self, actor: usize) -> &[usize] {
        slice(&self.events_of_actor, actor)
    }

    /// The relations an actor is a party to.
    pub fn relations_of_actor(&self, actor: usize) -> &[usize] {
        slice(&self.relations_of_actor, actor)
    }

    /// The events a claim reports.
    pub fn events_of_claim(&self, claim: usize) -> &[usize] {
        slice(&self.events_of_claim, claim)
    }

    /// The argument nodes a claim sits in.
    pub fn arguments_of_claim(&self, claim: usize) -> &[usize] {
        slice(&self.arguments_of_claim, claim)
    }

    /// The record's reviews of a claim.
    pub fn reviews_of_claim(&self, claim: usize) -> &[usize] {
        slice(&self.reviews_of_claim, claim)
    }

    /// The later events that bear on a claim.
    pub fn later_of_claim(&self, claim: usize) -> &[usize] {
        slice(&self.later_of_claim, claim)
    }

    /// The later events that bear on an event of the article.
    pub fn later_of_event(&self, event: usize) -> &[usize] {
        slice(&self.later_of_event, event)
    }

    /// The sources with these ids, in the order given; ids that name no source are skipped.
    pub fn sources<'s>(&'s self, ids: &'s [String]) -> impl Iterator<Item = usize> + 's {
        ids.iter().filter_map(|id| match self.get(id) {
            Some(ItemRef::Source(s)) => Some(s),
            _ => None,
        })
    }

    /// Where in the article a record's item points: a review's first claim, a later
    /// event's first claim or event, or, for a source, what first cites it. The article's
    /// own items point at themselves.
    pub fn in_article(&self, item: ItemRef) -> Option<ItemRef> {
        let model = &self.model;
        let first = |ids: &[String]| {
            ids.iter().find_map(|id| match self.get(id) {
                Some(found @ (ItemRef::Claim(_) | ItemRef::Event(_))) => Some(found),
                _ => None,
            })
        };
        match item {
            ItemRef::Review(r) => first(&model.reviews.get(r)?.claims),
            ItemRef::Later(l) => first(&model.later.get(l)?.bears_on),
            ItemRef::Source(s) => {
                let id = &model.sources.get(s)?.id;
                let cites = |ids: &[String]| ids.contains(id);
                if let Some(r) = model.reviews.iter().position(|r| cites(&r.sources)) {
                    return self.in_article(ItemRef::Review(r));
                }
                if let Some(e) = model
                    .events
                    .iter()
                    .position(|e| e.record.as_ref().is_some_and(|r| cites(&r.sources)))
                {
                    return Some(ItemRef::Event(e));
                }
                let l = model.later.iter().position(|l| cites(&l.sources))?;
                self.in_article(ItemRef::Later(l))
            }
            other => Some(other),
        }
    }

    /// The argument nodes whose claims name an actor, in file order.
    pub fn arguments_of_actor(&self, actor: usize) -> Vec<usize> {
        let mut nodes: Vec<usize> = self
            .claims_of_actor(actor)
            .iter()
            .flat_map(|c| self.arguments_of_claim(*c).iter().copied())
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// The children of an argument node, in file order.
    pub fn children(&self, node: usize) -> &[usize] {
        slice(&self.children, node)
    }

    /// The one node without a parent.
    pub fn thesis(&self) -> Option<usize> {
        self.thesis
    }

    /// The node's number in the tree: "1" for the thesis, "1.2" for its second child.
    /// Empty for a node the tree does not reach.
    pub fn path(&self, node: usize) -> &str {
        self.paths.get(node).map_or("", String::as_str)
    }

    /// The node numbered `path` in the tree ("1.7"), as the explorer shows it.
    pub fn argument_at(&self, path: &str) -> Option<usize> {
        let path = path.trim().trim_end_matches('.');
        if path.is_empty() {
            return None;
        }
        self.paths.iter().position(|p| p == path)
    }

    /// Event indices in date order; events on the same date keep their file order.
    pub fn timeline(&self) -> &[usize] {
        &self.timeline
    }

    /// Actors of a kind, in file order.
    pub fn actors_of_kind(&self, kind: ActorKind) -> impl Iterator<Item = usize> + '_ {
        let actors = self.model.actors.iter().enumerate();
        actors.filter(move |(_, a)| a.kind == kind).map(|(i, _)| i)
    }
}

fn slice(table: &[Vec<usize>], i: usize) -> &[usize] {
    table.get(i).map_or(&[], Vec::as_slice)
}

fn push_once(list: &mut Vec<usize>, item: usize) {
    if list.last() != Some(&item) {
        list.push(item);
    }
}

/// Numbers the tree from the thesis down; a visited set keeps a cyclic map from looping.
fn number_tree(
    nodes: &[ArgumentNode],
    children: &[Vec<usize>],
    thesis: Option<usize>,
) -> Vec<String> {
    let mut paths = vec![String::new(); nodes.len()];
    let Some(root) = thesis else {
        return paths;
    };
    let mut stack = vec![(root, "1".to_string())];
    while let Some((node, path)) = stack.pop() {
        if !paths[node].is_empty() {
            continue;
        }
        // A valid map nests at most MAX_DEPTH levels; deeper nodes (of an unchecked
        // model) are left unnumbered rather than given ever longer numbers.
        if path.len() < 8 * super::validate::MAX_DEPTH {
            for (n, child) in children[node].iter().enumerate().rev() {
                stack.push((*child, format!("{path}.{}", n + 1)));
            }
        }
        paths[node] = path;
    }
    paths
}
