//! Lookups over a model: items by id, and the links between sentences, claims, actors,
//! events and argument nodes that the explorer and the command line follow.

use std::sync::OnceLock;

use foldhash::{HashSet, HashSetExt};
use serde::{Deserialize, Serialize};

use super::ids::Ids;
use super::links::Links;
use super::names::actor_names;
use super::timeline::{TimelineRow, placed_date};
use crate::model::types::{ActorKind, ArgumentNode, ItemRef, MAX_DEPTH, Model};

/// A model with its lookups. Built once at load; every query after that is a table read.
/// Every link is resolved both ways, so that no caller looks an id up by hand. References
/// that do not resolve are skipped, so an index can be built even from a model that
/// failed validation.
#[derive(Debug, Clone)]
pub struct Index {
    model: Model,
    tables: Tables,
}

/// Everything an index works out from its model: lookups by id and the links both ways.
/// The cache writes and reads it apart from the model, so that the two are read back side
/// by side (see [`Index::from_parts`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tables {
    /// Not written: read back, the table is made again from the model, in less time than
    /// reading it takes.
    #[serde(skip)]
    ids: Ids,
    sentence_of_claim: Vec<Option<usize>>,
    claims_of_sentence: Links,
    actors_of_claim: Links,
    claims_of_actor: Links,
    actors_of_event: Links,
    events_of_actor: Links,
    claims_of_event: Links,
    events_of_claim: Links,
    relations_of_actor: Links,
    claims_of_node: Links,
    arguments_of_claim: Links,
    parent: Vec<Option<usize>>,
    children: Links,
    thesis: Option<usize>,
    paths: Vec<String>,
    timeline: Vec<usize>,
    /// Each claim's place in reading order: by sentence, then where its quote starts.
    reading_rank: Vec<usize>,
    /// The claims in reading order.
    reading_order: Vec<usize>,
    /// The article's events and the record's later ones, in date order.
    timeline_rows: Vec<TimelineRow>,
    /// Each relation's id (`from/to`) and label ("Russia – India").
    relation_ids: Vec<String>,
    relation_labels: Vec<String>,
    reviews_of_claim: Links,
    /// The sentences that name each actor, by its name or an alias, claim or no claim:
    /// worked out when first asked for (finding names costs more than the rest of the
    /// index, and most commands never ask), and written by the cache once worked out.
    #[serde(with = "worked_out")]
    sentences_naming: OnceLock<Links>,
    later_of_claim: Links,
    later_of_event: Links,
}

/// A table worked out when first asked for, written as it stands (`None` if it has not
/// been) and read back as it was written.
mod worked_out {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::OnceLock;

    pub fn serialize<T: Serialize, S: Serializer>(
        cell: &OnceLock<T>,
        out: S,
    ) -> Result<S::Ok, S::Error> {
        cell.get().serialize(out)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        from: D,
    ) -> Result<OnceLock<T>, D::Error> {
        Ok(Option::<T>::deserialize(from)?.map_or_else(OnceLock::new, OnceLock::from))
    }
}

/// `to[b]` lists every `a` whose `from[a]` holds `b`, in the order of `a`.
fn invert(from: &[Vec<usize>], len: usize) -> Vec<Vec<usize>> {
    let mut to = vec![Vec::new(); len];
    for (a, bs) in from.iter().enumerate() {
        for &b in bs {
            push_once(&mut to[b], a);
        }
    }
    to
}

/// Where `quote` first stands in `text`, a sentence: tried at each place its first byte
/// does, as a search that first builds tables for the quote (the standard library's, or
/// memchr's) costs more than it saves on one short sentence.
fn at(text: &str, quote: &str) -> Option<usize> {
    let (text, quote) = (text.as_bytes(), quote.as_bytes());
    let first = *quote.first()?;
    memchr::memchr_iter(first, text).find(|&i| text[i..].starts_with(quote))
}

/// For each actor, the sentences whose text holds its name or an alias as whole words.
fn sentences_naming(model: &Model) -> Vec<Vec<usize>> {
    let (finder, owner) = actor_names(model);
    let mut naming = vec![Vec::new(); model.actors.len()];
    for (s, sentence) in model.sentences.iter().enumerate() {
        let mut actors: Vec<usize> = finder
            .find(&sentence.text, &sentence.text.to_lowercase())
            .into_iter()
            .map(|n| owner[n])
            .collect();
        actors.dedup();
        for a in actors {
            naming[a].push(s);
        }
    }
    naming
}

impl Index {
    pub fn new(model: Model) -> Index {
        let relation_ids: Vec<String> = model
            .relations
            .iter()
            .map(|r| format!("{}/{}", r.from, r.to))
            .collect();
        let ids = Ids::new(&model, &relation_ids);
        // The items that `list` names, of the kind `want` picks, each once, in list order.
        // A long list is checked against a set, so that one item listing a great many
        // (a node with every claim) costs its length, not its length squared.
        let resolve = |list: &[String], want: fn(ItemRef) -> Option<usize>| -> Vec<usize> {
            let mut out = Vec::with_capacity(list.len());
            let mut seen = HashSet::new();
            for found in list
                .iter()
                .filter_map(|id| ids.get(&model, &relation_ids, id).and_then(want))
            {
                let new = if list.len() <= 16 {
                    !out.contains(&found)
                } else {
                    seen.insert(found)
                };
                if new {
                    out.push(found);
                }
            }
            out
        };
        let one = |id: &str, want: fn(ItemRef) -> Option<usize>| {
            ids.get(&model, &relation_ids, id).and_then(want)
        };
        let name = |id: &str| {
            one(id, ItemRef::actor)
                .and_then(|a| model.actors.get(a))
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        let relation_labels = model
            .relations
            .iter()
            .map(|r| format!("{} – {}", name(&r.from), name(&r.to)))
            .collect();

        let (sentences, actors) = (model.sentences.len(), model.actors.len());
        let (events, claims) = (model.events.len(), model.claims.len());
        let sentence_of_claim: Vec<Option<usize>> = model
            .claims
            .iter()
            .map(|c| one(&c.sentence, ItemRef::sentence))
            .collect();
        let mut claims_of_sentence = vec![Vec::new(); sentences];
        for (c, s) in sentence_of_claim.iter().enumerate() {
            if let Some(s) = s {
                claims_of_sentence[*s].push(c);
            }
        }
        let actors_of_claim: Vec<Vec<usize>> = model
            .claims
            .iter()
            .map(|c| resolve(&c.actors, ItemRef::actor))
            .collect();
        let actors_of_event: Vec<Vec<usize>> = model
            .events
            .iter()
            .map(|e| resolve(&e.actors, ItemRef::actor))
            .collect();
        let claims_of_event: Vec<Vec<usize>> = model
            .events
            .iter()
            .map(|e| resolve(&e.claims, ItemRef::claim))
            .collect();
        let claims_of_node: Vec<Vec<usize>> = model
            .arguments
            .iter()
            .map(|n| resolve(&n.claims, ItemRef::claim))
            .collect();
        let mut relations_of_actor = vec![Vec::new(); actors];
        for (r, relation) in model.relations.iter().enumerate() {
            for id in [&relation.from, &relation.to] {
                if let Some(a) = one(id, ItemRef::actor) {
                    push_once(&mut relations_of_actor[a], r);
                }
            }
        }
        let mut parent = vec![None; model.arguments.len()];
        let mut children = vec![Vec::new(); model.arguments.len()];
        let mut thesis = None;
        for (n, node) in model.arguments.iter().enumerate() {
            match node
                .parent
                .as_deref()
                .and_then(|p| one(p, ItemRef::argument))
            {
                Some(p) if p != n => {
                    parent[n] = Some(p);
                    children[p].push(n);
                }
                Some(_) => {}
                None if thesis.is_none() && node.parent.is_none() => thesis = Some(n),
                None => {}
            }
        }
        let paths = number_tree(&model.arguments, &children, thesis);
        let mut timeline: Vec<usize> = (0..events).collect();
        // Where each event stands in time, as every view shows it (`ShownDate`).
        timeline.sort_by(|a, b| {
            placed_date(&model.events[*a]).timeline_cmp(placed_date(&model.events[*b]))
        });
        let mut order: Vec<usize> = (0..claims).collect();
        order.sort_by_cached_key(|&c| {
            let s = sentence_of_claim[c];
            let at = s
                .and_then(|s| at(&model.sentences[s].text, &model.claims[c].quote))
                .unwrap_or(usize::MAX);
            (s.unwrap_or(usize::MAX), at, c)
        });
        let mut reading_rank = vec![0; claims];
        for (rank, c) in order.iter().enumerate() {
            reading_rank[*c] = rank;
        }
        let reviews: Vec<Vec<usize>> = model
            .reviews
            .iter()
            .map(|r| resolve(&r.claims, ItemRef::claim))
            .collect();
        let bears_on = |want| -> Vec<Vec<usize>> {
            model
                .later
                .iter()
                .map(|l| resolve(&l.bears_on, want))
                .collect()
        };

        Index {
            tables: Tables {
                sentences_naming: OnceLock::new(),
                claims_of_actor: invert(&actors_of_claim, actors).into(),
                events_of_actor: invert(&actors_of_event, actors).into(),
                events_of_claim: invert(&claims_of_event, claims).into(),
                arguments_of_claim: invert(&claims_of_node, claims).into(),
                reviews_of_claim: invert(&reviews, claims).into(),
                later_of_claim: invert(&bears_on(ItemRef::claim), claims).into(),
                later_of_event: invert(&bears_on(ItemRef::event), events).into(),
                sentence_of_claim,
                claims_of_sentence: claims_of_sentence.into(),
                actors_of_claim: actors_of_claim.into(),
                actors_of_event: actors_of_event.into(),
                claims_of_event: claims_of_event.into(),
                relations_of_actor: relations_of_actor.into(),
                claims_of_node: claims_of_node.into(),
                parent,
                children: children.into(),
                thesis,
                paths,
                timeline,
                reading_rank,
                reading_order: order,
                timeline_rows: super::timeline::rows(&model),
                relation_ids,
                relation_labels,
                ids,
            },
            model,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// What the index worked out from its model, for the cache to write: everything,
    /// the tables worked out only when asked for included.
    pub fn tables(&self) -> &Tables {
        self.naming();
        &self.tables
    }

    /// Whether the sentences naming each actor have been worked out (or read back).
    #[cfg(test)]
    pub(crate) fn knows_naming(&self) -> bool {
        self.tables.sentences_naming.get().is_some()
    }

    /// The sentences that name each actor, worked out now if they have not been.
    fn naming(&self) -> &Links {
        self.tables
            .sentences_naming
            .get_or_init(|| sentences_naming(&self.model).into())
    }

    /// The index of `model` with the tables that [`Index::new`] worked out from that same
    /// model (as the cache wrote them).
    pub fn from_parts(model: Model, mut tables: Tables) -> Index {
        tables.ids = Ids::new(&model, &tables.relation_ids);
        Index { model, tables }
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<ItemRef> {
        let tables = &self.tables;
        tables.ids.get(&self.model, &tables.relation_ids, id)
    }

    /// All ids, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.tables.ids.items().map(|item| self.id_of(item))
    }
}

/// Typed lookups by id: `index.actor("russia")` is the actor's position, or `None` when no
/// actor has the id (whatever else might).
macro_rules! typed_lookups {
    ($($name:ident => $variant:ident, $what:literal;)+) => {
        impl ItemRef {
            $(
                #[doc = concat!("The position of the ", $what, " this refers to, if it is one.")]
                pub fn $name(self) -> Option<usize> {
                    match self {
                        ItemRef::$variant(i) => Some(i),
                        _ => None,
                    }
                }
            )+
        }

        impl Index {
            $(
                #[doc = concat!("The ", $what, " with this id.")]
                pub fn $name(&self, id: &str) -> Option<usize> {
                    self.get(id).and_then(ItemRef::$name)
                }
            )+
        }
    };
}

typed_lookups! {
    sentence => Sentence, "sentence";
    actor => Actor, "actor";
    event => Event, "event";
    claim => Claim, "claim";
    argument => Argument, "argument node";
    source => Source, "source";
    later => Later, "later event";
    review => Review, "review";
    relation => Relation, "relation";
}

/// The links between items, both ways: everything in file order unless it says otherwise.
impl Index {
    /// The sentence a claim quotes.
    pub fn sentence_of_claim(&self, claim: usize) -> Option<usize> {
        self.tables.sentence_of_claim.get(claim).copied().flatten()
    }

    /// The claims that quote a sentence.
    pub fn claims_of_sentence(&self, sentence: usize) -> &[usize] {
        self.tables.claims_of_sentence.get(sentence)
    }

    /// The actors a claim lists.
    pub fn actors_of_claim(&self, claim: usize) -> &[usize] {
        self.tables.actors_of_claim.get(claim)
    }

    /// The claims that name an actor.
    pub fn claims_of_actor(&self, actor: usize) -> &[usize] {
        self.tables.claims_of_actor.get(actor)
    }

    /// The actors an event lists.
    pub fn actors_of_event(&self, event: usize) -> &[usize] {
        self.tables.actors_of_event.get(event)
    }

    /// The events an actor takes part in.
    pub fn events_of_actor(&self, actor: usize) -> &[usize] {
        self.tables.events_of_actor.get(actor)
    }

    /// The sentences that name an actor, by its name or an alias, whether or not a claim
    /// of theirs lists it: the byline names the author, who is in no claim.
    pub fn sentences_naming(&self, actor: usize) -> &[usize] {
        self.naming().get(actor)
    }

    /// The claims that report an event.
    pub fn claims_of_event(&self, event: usize) -> &[usize] {
        self.tables.claims_of_event.get(event)
    }

    /// The events a claim reports.
    pub fn events_of_claim(&self, claim: usize) -> &[usize] {
        self.tables.events_of_claim.get(claim)
    }

    /// The relations an actor is a party to.
    pub fn relations_of_actor(&self, actor: usize) -> &[usize] {
        self.tables.relations_of_actor.get(actor)
    }

    /// The other party of a relation, seen from `actor`.
    pub fn other_party(&self, relation: usize, actor: usize) -> Option<usize> {
        let relation = self.model.relations.get(relation)?;
        [&relation.from, &relation.to]
            .into_iter()
            .filter_map(|id| self.actor(id))
            .find(|a| *a != actor)
    }

    /// The claims an argument node holds.
    pub fn claims_of_node(&self, node: usize) -> &[usize] {
        self.tables.claims_of_node.get(node)
    }

    /// The argument nodes a claim sits in.
    pub fn arguments_of_claim(&self, claim: usize) -> &[usize] {
        self.tables.arguments_of_claim.get(claim)
    }

    /// The node an argument node hangs from (none for the thesis).
    pub fn parent_of(&self, node: usize) -> Option<usize> {
        self.tables.parent.get(node).copied().flatten()
    }

    /// The children of an argument node.
    pub fn children(&self, node: usize) -> &[usize] {
        self.tables.children.get(node)
    }

    /// How many nodes hang below a node, at any depth.
    pub fn descendants(&self, node: usize) -> usize {
        let mut stack = vec![node];
        let mut seen = vec![false; self.model.arguments.len()];
        let mut total = 0;
        while let Some(n) = stack.pop() {
            for child in self.children(n) {
                if !std::mem::replace(&mut seen[*child], true) {
                    total += 1;
                    stack.push(*child);
                }
            }
        }
        total
    }

    /// The one node without a parent.
    pub fn thesis(&self) -> Option<usize> {
        self.tables.thesis
    }

    /// The node's number in the tree: "1" for the thesis, "1.2" for its second child.
    /// Empty for a node the tree does not reach.
    pub fn path(&self, node: usize) -> &str {
        self.tables.paths.get(node).map_or("", String::as_str)
    }

    /// The node numbered `path` in the tree ("1.7"), as the explorer shows it.
    pub fn argument_at(&self, path: &str) -> Option<usize> {
        let path = path.trim().trim_end_matches('.');
        if path.is_empty() {
            return None;
        }
        self.tables.paths.iter().position(|p| p == path)
    }

    /// Event indices in date order; events on the same date keep their file order.
    pub fn timeline(&self) -> &[usize] {
        &self.tables.timeline
    }

    /// Every relation's id, in order.
    pub(super) fn relation_ids(&self) -> &[String] {
        &self.tables.relation_ids
    }

    /// A relation's id, `from/to`: relations have none in the file.
    pub fn relation_id(&self, relation: usize) -> &str {
        self.tables
            .relation_ids
            .get(relation)
            .map_or("", String::as_str)
    }

    /// A relation's label: its two actors' names, "Russia – India".
    pub fn relation_label(&self, relation: usize) -> &str {
        self.tables
            .relation_labels
            .get(relation)
            .map_or("", String::as_str)
    }

    /// The article's events and the record's later events in one list, in date order,
    /// with the article's own date marked (see `timeline.rs`).
    pub fn timeline_rows(&self) -> &[TimelineRow] {
        &self.tables.timeline_rows
    }

    /// The claims in reading order: by sentence, then by where the quote starts.
    pub fn reading_order(&self) -> &[usize] {
        &self.tables.reading_order
    }

    /// A claim's place in reading order: by sentence, then where its quote starts.
    pub fn reading_rank(&self, claim: usize) -> usize {
        self.tables
            .reading_rank
            .get(claim)
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The record's reviews of a claim.
    pub fn reviews_of_claim(&self, claim: usize) -> &[usize] {
        self.tables.reviews_of_claim.get(claim)
    }

    /// The later events that bear on a claim.
    pub fn later_of_claim(&self, claim: usize) -> &[usize] {
        self.tables.later_of_claim.get(claim)
    }

    /// The later events that bear on an event of the article.
    pub fn later_of_event(&self, event: usize) -> &[usize] {
        self.tables.later_of_event.get(event)
    }

    /// The sources with these ids, in the order given; ids that name no source are skipped.
    pub fn sources<'s>(&'s self, ids: &'s [String]) -> impl Iterator<Item = usize> + 's {
        ids.iter().filter_map(|id| self.source(id))
    }

    /// Actors of a kind, in file order.
    pub fn actors_of_kind(&self, kind: ActorKind) -> impl Iterator<Item = usize> + '_ {
        let actors = self.model.actors.iter().enumerate();
        actors.filter(move |(_, a)| a.kind == kind).map(|(i, _)| i)
    }
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
        if path.len() < 8 * MAX_DEPTH {
            for (n, child) in children[node].iter().enumerate().rev() {
                stack.push((*child, format!("{path}.{}", n + 1)));
            }
        }
        paths[node] = path;
    }
    paths
}
