//! What relates to what: the claims an actor, event or argument node stands for, the other
//! items they touch, and where an item of the record points in the article. The explorer
//! and the command line both ask these questions here, so they cannot answer differently.

use super::index::Index;
use crate::model::types::{ClaimKind, ItemRef};

/// A part of the model the reader has chosen: everything, or one event, actor, argument
/// node, relation between two actors, later event or review of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    All,
    Event(usize),
    Actor(usize),
    Argument(usize),
    /// A relation between two actors (its position in the model's relations).
    Relation(usize),
    /// An event of the record, after or around the article.
    Later(usize),
    /// A review of the record: its verdict on some of the article's claims.
    Review(usize),
}

/// Which items relate to a scope (the scope's own item not among them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Related {
    pub events: Vec<bool>,
    pub actors: Vec<bool>,
    pub nodes: Vec<bool>,
    pub later: Vec<bool>,
    pub reviews: Vec<bool>,
}

impl Related {
    fn none(index: &Index) -> Related {
        let model = index.model();
        Related {
            events: vec![false; model.events.len()],
            actors: vec![false; model.actors.len()],
            nodes: vec![false; model.arguments.len()],
            later: vec![false; model.later.len()],
            reviews: vec![false; model.reviews.len()],
        }
    }

    fn mark(list: &mut [bool], items: impl IntoIterator<Item = usize>) {
        for i in items {
            if let Some(slot) = list.get_mut(i) {
                *slot = true;
            }
        }
    }

    fn unmark(list: &mut [bool], i: usize) {
        if let Some(slot) = list.get_mut(i) {
            *slot = false;
        }
    }
}

impl Index {
    /// The claims of a scope, in reading order. A later event's are the claims it bears
    /// on, the claims of the events it bears on, and the claims of the reviews that cite
    /// it; a review's and a relation's are the claims they name.
    pub fn claims_in(&self, scope: Scope) -> Vec<usize> {
        let model = self.model();
        let ids =
            |ids: &[String]| -> Vec<usize> { ids.iter().filter_map(|id| self.claim(id)).collect() };
        let mut claims = match scope {
            Scope::All => (0..model.claims.len()).collect(),
            Scope::Event(e) => self.claims_of_event(e).to_vec(),
            Scope::Actor(a) => self.claims_of_actor(a).to_vec(),
            Scope::Argument(n) => self.claims_of_node(n).to_vec(),
            Scope::Relation(r) => model
                .relations
                .get(r)
                .map_or_else(Vec::new, |r| ids(&r.claims)),
            Scope::Review(r) => model
                .reviews
                .get(r)
                .map_or_else(Vec::new, |r| ids(&r.claims)),
            Scope::Later(l) => match model.later.get(l) {
                Some(later) => {
                    let mut claims = ids(&later.bears_on);
                    for e in later.bears_on.iter().filter_map(|id| self.event(id)) {
                        claims.extend_from_slice(self.claims_of_event(e));
                    }
                    for r in self.reviews_citing(l) {
                        claims.extend(ids(&model.reviews[r].claims));
                    }
                    claims
                }
                None => Vec::new(),
            },
        };
        claims.sort_by_key(|c| self.reading_rank(*c));
        claims.dedup();
        claims
    }

    /// The reviews that cite a later event, in file order.
    pub fn reviews_citing(&self, later: usize) -> Vec<usize> {
        let model = self.model();
        let Some(id) = model.later.get(later).map(|l| &l.id) else {
            return Vec::new();
        };
        (0..model.reviews.len())
            .filter(|r| model.reviews[*r].later.contains(id))
            .collect()
    }

    /// The reviews in the order readers meet them (the Record pane, the brief's verdicts):
    /// those that judge a forecast first, then the rest, each group in file order.
    pub fn reviews_forecasts_first(&self) -> Vec<usize> {
        let model = self.model();
        let (mut first, rest): (Vec<usize>, Vec<usize>) =
            (0..model.reviews.len()).partition(|r| self.judges_forecast(*r));
        first.extend(rest);
        first
    }

    /// Whether review `r` judges a forecast among its claims.
    pub fn judges_forecast(&self, r: usize) -> bool {
        let model = self.model();
        model.reviews.get(r).is_some_and(|review| {
            review
                .claims
                .iter()
                .filter_map(|id| self.claim(id))
                .any(|c| model.claims[c].kind == ClaimKind::Forecast)
        })
    }

    /// What relates to a scope. For an actor: its events and later events, the argument
    /// nodes and reviews of its claims, and the other parties of its relations. For a relation: its
    /// two actors. For anything else: its own actors and later events, and, through its
    /// claims, their events, nodes, reviews and the later events that bear on them (and
    /// for a node, a relation, a review or a later event, their claims' actors too).
    pub fn related_to(&self, scope: Scope) -> Related {
        let model = self.model();
        let mut related = Related::none(self);
        match scope {
            Scope::All => return related,
            Scope::Actor(a) => {
                Related::mark(&mut related.events, self.events_of_actor(a).iter().copied());
                Related::mark(&mut related.nodes, self.arguments_of_actor(a));
                let parties = self
                    .relations_of_actor(a)
                    .iter()
                    .filter_map(|r| self.other_party(*r, a));
                Related::mark(&mut related.actors, parties);
                let id = &model.actors[a].id;
                let later = (0..model.later.len()).filter(|l| model.later[*l].actors.contains(id));
                Related::mark(&mut related.later, later);
                for c in self.claims_of_actor(a) {
                    Related::mark(
                        &mut related.reviews,
                        self.reviews_of_claim(*c).iter().copied(),
                    );
                }
                return related;
            }
            Scope::Event(e) => {
                Related::mark(&mut related.actors, self.actors_of_event(e).iter().copied());
                Related::mark(&mut related.later, self.later_of_event(e).iter().copied());
            }
            Scope::Relation(r) => {
                if let Some(relation) = model.relations.get(r) {
                    let parties = [&relation.from, &relation.to]
                        .into_iter()
                        .filter_map(|id| self.actor(id));
                    Related::mark(&mut related.actors, parties);
                }
            }
            Scope::Later(l) => {
                if let Some(later) = model.later.get(l) {
                    Related::mark(
                        &mut related.actors,
                        later.actors.iter().filter_map(|id| self.actor(id)),
                    );
                    Related::mark(
                        &mut related.events,
                        later.bears_on.iter().filter_map(|id| self.event(id)),
                    );
                }
                Related::mark(&mut related.reviews, self.reviews_citing(l));
            }
            Scope::Review(r) => {
                if let Some(review) = model.reviews.get(r) {
                    Related::mark(
                        &mut related.later,
                        review.later.iter().filter_map(|id| self.later(id)),
                    );
                }
            }
            Scope::Argument(_) => {}
        }
        let with_actors = !matches!(scope, Scope::Event(_));
        for c in self.claims_in(scope) {
            Related::mark(
                &mut related.nodes,
                self.arguments_of_claim(c).iter().copied(),
            );
            Related::mark(&mut related.events, self.events_of_claim(c).iter().copied());
            Related::mark(
                &mut related.reviews,
                self.reviews_of_claim(c).iter().copied(),
            );
            if !matches!(scope, Scope::Review(_)) {
                Related::mark(&mut related.later, self.later_of_claim(c).iter().copied());
            }
            if with_actors {
                Related::mark(&mut related.actors, self.actors_of_claim(c).iter().copied());
            }
        }
        // The chosen item is not "related" to itself.
        match scope {
            Scope::Event(e) => Related::unmark(&mut related.events, e),
            Scope::Argument(n) => Related::unmark(&mut related.nodes, n),
            Scope::Later(l) => Related::unmark(&mut related.later, l),
            Scope::Review(r) => Related::unmark(&mut related.reviews, r),
            _ => {}
        }
        related
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

    /// Where in the article a record's item points: a review's first claim, a later
    /// event's first claim or event, or, for a source, what first cites it. The article's
    /// own items point at themselves.
    pub fn in_article(&self, item: ItemRef) -> Option<ItemRef> {
        let model = self.model();
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

    /// An item's id.
    pub fn id_of(&self, item: ItemRef) -> &str {
        super::ids::id_in(self.model(), self.relation_ids(), item)
    }

    /// How an item is named in lists, by the command line and the explorer alike: an
    /// actor's name, a claim's text, an event's title, a node's number and title, a later
    /// event's date and title, a review's verdict and claims, a source's publisher, date
    /// and title.
    pub fn label(&self, item: ItemRef) -> String {
        let model = self.model();
        let label = match item {
            ItemRef::Sentence(i) => model.sentences.get(i).map(|s| s.text.clone()),
            ItemRef::Actor(i) => model.actors.get(i).map(|a| a.name.clone()),
            ItemRef::Event(i) => model.events.get(i).map(|e| e.title.clone()),
            ItemRef::Claim(i) => model.claims.get(i).map(|c| c.text.clone()),
            ItemRef::Argument(i) => model
                .arguments
                .get(i)
                .map(|n| format!("{} {}", self.path(i), n.title)),
            ItemRef::Later(i) => model
                .later
                .get(i)
                .map(|l| format!("{} {}", l.date.human(), l.title)),
            ItemRef::Review(i) => model
                .reviews
                .get(i)
                .map(|r| format!("{} on {}", r.verdict, r.claims.join(", "))),
            ItemRef::Source(i) => model
                .sources
                .get(i)
                .map(|s| format!("{}, {}: {}", s.publisher, s.date.human(), s.title)),
            ItemRef::Relation(i) => model
                .relations
                .get(i)
                .map(|r| format!("{}, {}", self.relation_label(i), r.trend)),
        };
        label.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::Model;

    fn index() -> Index {
        Index::new(Model::bundled().expect("the bundled model"))
    }

    #[test]
    fn a_scope_lists_its_claims_in_reading_order() {
        let index = index();
        let trip = index.event("putin-trip").expect("the trip");
        let claims = index.claims_in(Scope::Event(trip));
        let ids: Vec<&str> = claims
            .iter()
            .map(|c| index.id_of(ItemRef::Claim(*c)))
            .collect();
        assert_eq!(ids, ["c02a", "c05a", "c05b", "c05e", "c05d"]);
        let ranks: Vec<usize> = claims.iter().map(|c| index.reading_rank(*c)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            index.claims_in(Scope::All).len(),
            index.model().claims.len()
        );
    }

    #[test]
    fn reviews_of_forecasts_come_first_and_none_is_lost() {
        let index = index();
        let model = index.model();
        let order = index.reviews_forecasts_first();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..model.reviews.len()).collect::<Vec<_>>());
        let judges = |r: usize| {
            model.reviews[r].claims.iter().any(|c| {
                index
                    .claim(c)
                    .is_some_and(|i| model.claims[i].kind == ClaimKind::Forecast)
            })
        };
        let flags: Vec<bool> = order.iter().map(|r| judges(*r)).collect();
        let first_other = flags.iter().position(|f| !f).unwrap_or(flags.len());
        assert!(first_other > 0, "the bundled model reviews forecasts");
        assert!(flags[first_other..].iter().all(|f| !f), "{flags:?}");
        // Each group keeps the file's order.
        assert!(order[..first_other].windows(2).all(|w| w[0] < w[1]));
        assert!(order[first_other..].windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn related_items_follow_the_links_and_leave_out_the_chosen_one() {
        let index = index();
        let india = index.actor("india").expect("india");
        let related = index.related_to(Scope::Actor(india));
        let russia = index.actor("russia").expect("russia");
        let china = index.actor("china").expect("china");
        assert!(related.actors[russia], "a party to a relation with India");
        assert!(!related.actors[china], "no relation with India");
        assert!(!related.actors[india]);
        let rafale = index.event("rafale-decision").expect("rafale");
        assert!(related.events[rafale]);
        // The reviews of India's claims, and only those.
        for (r, review) in index.model().reviews.iter().enumerate() {
            let judges_india = review
                .claims
                .iter()
                .filter_map(|id| index.claim(id))
                .any(|c| index.claims_of_actor(india).contains(&c));
            assert_eq!(related.reviews[r], judges_india, "{}", review.id);
        }

        let limits = index.argument("limits").expect("limits");
        let related = index.related_to(Scope::Argument(limits));
        assert!(!related.nodes[limits], "not related to itself");
        assert!(related.actors[russia]);

        let trip = index.event("putin-trip").expect("the trip");
        let related = index.related_to(Scope::Event(trip));
        assert!(!related.events[trip]);
        let putin = index.actor("vladimir-putin").expect("putin");
        assert!(related.actors[putin], "the event's own actor");
        let objection = index.argument("cancelled-trip").expect("the objection");
        assert!(related.nodes[objection], "the node its claims sit in");
        assert_eq!(index.related_to(Scope::All), Related::none(&index));
    }

    #[test]
    fn links_resolve_both_ways_and_lookups_check_the_kind() {
        let index = index();
        assert!(index.actor("russia").is_some());
        assert_eq!(index.actor("c05a"), None, "a claim is not an actor");
        let c05a = index.claim("c05a").expect("c05a");
        for a in index.actors_of_claim(c05a) {
            assert!(index.claims_of_actor(*a).contains(&c05a));
        }
        for e in index.events_of_claim(c05a) {
            assert!(index.claims_of_event(*e).contains(&c05a));
        }
        for n in index.arguments_of_claim(c05a) {
            assert!(index.claims_of_node(*n).contains(&c05a));
        }
        let limits = index.argument("limits").expect("limits");
        for child in index.children(limits) {
            assert_eq!(index.parent_of(*child), Some(limits));
        }
        assert_eq!(index.parent_of(index.thesis().expect("thesis")), None);
        let review = index.review("review-sco-bid").expect("a review");
        assert_eq!(index.in_article(ItemRef::Review(review)), index.get("c22c"));
        assert_eq!(
            index.label(ItemRef::Argument(limits)),
            "1.8 But there are clear limits"
        );
    }
}
