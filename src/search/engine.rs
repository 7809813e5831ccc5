//! The search engine: searchable text kept lowercased and ready, cheap tests before the
//! fuzzy matcher, the work split over the cores, and only the best hits sorted.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::matching::{mask, reads_as_known};
use super::{Field, Hit, HitKind, Query, lowercase};
use crate::model::{ArgumentRole, Index, ItemRef, Verdict, Word};

/// How many of the best hits come with their matched positions worked out; others get them
/// from [`Searcher::positions`] when they are shown.
pub const HIGHLIGHTED: usize = 64;

/// Below this many candidates, one thread is quicker than two.
const PARALLEL_FROM: usize = 4096;

/// How many threads a search may use: the cores, up to four. Asked once, and only when a
/// search is large enough to share: the answer costs reading cgroup files, which takes
/// longer than a small search.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4)
    })
}

/// One searchable field of one item, lowercased once, with the letters it holds.
#[derive(Debug)]
struct Entry {
    field: Field,
    lower: Box<str>,
    mask: u64,
    ascii: bool,
    /// Whether an exact or whole-word match here ranks the item first (actor names).
    is_name: bool,
}

impl Entry {
    /// Whether `term` can be read here at all (its letters present, close together).
    fn reads(&self, term: &Term) -> bool {
        term.mask & !self.mask == 0 && reads_as_known(&self.lower, self.ascii, &term.text)
    }
}

/// One item with everything the filters look at.
#[derive(Debug)]
struct Item {
    kind: HitKind,
    index: u32,
    entries: Box<[Entry]>,
    /// The actors the item involves.
    actors: Box<[u32]>,
    /// The item's own kind word (claim kind, actor kind).
    kind_word: Option<&'static str>,
    /// Argument roles the item has or sits under, as bits.
    roles: u8,
    status: Option<&'static str>,
    /// The record's verdicts on the item (a review's own, or those on a claim), as bits.
    verdicts: u8,
    /// An actor's role, lowercased.
    actor_role: Option<Box<str>>,
}

/// Something wrong with a query: `fatal` when a filter can match nothing (the search would
/// only say "no match"), else a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    pub message: String,
    pub fatal: bool,
}

/// A query's hits and what a longer query needs to narrow them.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub query: Query,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Every item that matched, by position: a query that narrows this one need look no
    /// further.
    matched: Vec<u32>,
    /// What the matcher gave each term in the items it scored, for the next query to
    /// reuse when it has the same term (typing a second word keeps the first).
    scores: HashMap<String, TermScores>,
}

/// For one term: each scored item's score in each of its entries, `NO_MATCH` where the
/// term does not match, `NOT_TRIED` where the matcher stopped early.
type TermScores = HashMap<u32, Box<[i64]>>;
const NO_MATCH: i64 = i64::MIN;
const NOT_TRIED: i64 = i64::MIN + 1;

/// An item that matched, with what ranks it.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    tier: u8,
    score: i64,
    len: u32,
    item: u32,
    /// The entry the hit shows.
    entry: u32,
}

impl Ranked {
    fn key(&self) -> (Reverse<u8>, Reverse<i64>, u32, u32) {
        (Reverse(self.tier), Reverse(self.score), self.len, self.item)
    }
}

/// The search engine over one model.
pub struct Searcher {
    index: Arc<Index>,
    items: Vec<Item>,
    /// Lowercased id, name and aliases of each actor, for `actor:` filters.
    actor_names: Vec<Vec<String>>,
    matcher: SkimMatcherV2,
}

fn entry(field: Field, text: &str, is_name: bool) -> Entry {
    let lower = lowercase(text);
    Entry {
        field,
        mask: mask(&lower),
        ascii: lower.is_ascii(),
        lower: lower.into_boxed_str(),
        is_name,
    }
}

fn verdict_bit(verdict: Verdict) -> u8 {
    1 << Verdict::ALL.iter().position(|v| *v == verdict).unwrap_or(0)
}

fn role_bit(role: ArgumentRole) -> u8 {
    1 << ArgumentRole::ALL
        .iter()
        .position(|r| *r == role)
        .unwrap_or(0)
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Searcher {
        let items = Self::items(&index);
        let actor_names = index
            .model()
            .actors
            .iter()
            .map(|a| {
                let mut names = vec![lowercase(&a.id), lowercase(&a.name)];
                names.extend(a.aliases.iter().map(|x| lowercase(x)));
                names
            })
            .collect();
        Searcher {
            index,
            items,
            actor_names,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    fn items(index: &Index) -> Vec<Item> {
        let model = index.model();
        let actor_of = |id: &String| match index.get(id) {
            Some(ItemRef::Actor(i)) => u32::try_from(i).ok(),
            _ => None,
        };
        let mut items = Vec::with_capacity(
            model.actors.len()
                + model.claims.len()
                + model.events.len()
                + model.arguments.len()
                + model.later.len()
                + model.reviews.len()
                + model.sources.len(),
        );
        for (i, actor) in model.actors.iter().enumerate() {
            let mut entries = vec![entry(Field::Name, &actor.name, true)];
            for (n, alias) in actor.aliases.iter().enumerate() {
                entries.push(entry(Field::Alias(n), alias, true));
            }
            entries.push(entry(Field::Id, &actor.id, false));
            items.push(Item {
                kind: HitKind::Actor,
                index: i as u32,
                entries: entries.into(),
                actors: vec![i as u32].into(),
                kind_word: Some(actor.kind.word()),
                roles: 0,
                status: None,
                verdicts: 0,
                actor_role: actor.role.as_deref().map(|r| lowercase(r).into_boxed_str()),
            });
        }
        for (i, claim) in model.claims.iter().enumerate() {
            let roles = index
                .arguments_of_claim(i)
                .iter()
                .fold(0, |bits, n| bits | role_bit(model.arguments[*n].role));
            items.push(Item {
                kind: HitKind::Claim,
                index: i as u32,
                entries: vec![
                    entry(Field::Text, &claim.text, false),
                    entry(Field::Quote, &claim.quote, false),
                    entry(Field::Id, &claim.id, false),
                ]
                .into(),
                actors: claim.actors.iter().filter_map(actor_of).collect(),
                kind_word: Some(claim.kind.word()),
                roles,
                status: None,
                verdicts: index
                    .reviews_of_claim(i)
                    .iter()
                    .fold(0, |bits, r| bits | verdict_bit(model.reviews[*r].verdict)),
                actor_role: None,
            });
        }
        for (i, event) in model.events.iter().enumerate() {
            let mut entries = vec![entry(Field::Title, &event.title, false)];
            if let Some(when) = &event.when {
                entries.push(entry(Field::Phrase, when, false));
            }
            entries.push(entry(Field::Id, &event.id, false));
            items.push(Item {
                kind: HitKind::Event,
                index: i as u32,
                entries: entries.into(),
                actors: event.actors.iter().filter_map(actor_of).collect(),
                kind_word: None,
                roles: 0,
                status: Some(event.status.word()),
                verdicts: 0,
                actor_role: None,
            });
        }
        for (i, node) in model.arguments.iter().enumerate() {
            let mut actors: Vec<u32> = node
                .claims
                .iter()
                .filter_map(|c| match index.get(c) {
                    Some(ItemRef::Claim(ci)) => Some(ci),
                    _ => None,
                })
                .flat_map(|ci| model.claims[ci].actors.iter().filter_map(actor_of))
                .collect();
            actors.sort_unstable();
            actors.dedup();
            items.push(Item {
                kind: HitKind::Argument,
                index: i as u32,
                entries: vec![
                    entry(Field::Title, &node.title, false),
                    entry(Field::Id, &node.id, false),
                ]
                .into(),
                actors: actors.into(),
                kind_word: None,
                roles: role_bit(node.role),
                status: None,
                verdicts: 0,
                actor_role: None,
            });
        }
        Self::record_items(index, &actor_of, &mut items);
        items
    }

    /// The record's later events, reviews and sources, after the article's items.
    fn record_items(
        index: &Index,
        actor_of: &dyn Fn(&String) -> Option<u32>,
        items: &mut Vec<Item>,
    ) {
        let model = index.model();
        let plain = |kind, i: usize, entries: Vec<Entry>, actors: Vec<u32>, verdicts| Item {
            kind,
            index: i as u32,
            entries: entries.into(),
            actors: actors.into(),
            kind_word: None,
            roles: 0,
            status: None,
            verdicts,
            actor_role: None,
        };
        for (i, later) in model.later.iter().enumerate() {
            let entries = vec![
                entry(Field::Title, &later.title, false),
                entry(Field::Summary, &later.summary, false),
                entry(Field::Id, &later.id, false),
            ];
            let actors = later.actors.iter().filter_map(actor_of).collect();
            items.push(plain(HitKind::Later, i, entries, actors, 0));
        }
        for (i, review) in model.reviews.iter().enumerate() {
            let entries = vec![
                entry(Field::Summary, &review.summary, false),
                entry(Field::Id, &review.id, false),
            ];
            let mut actors: Vec<u32> = review
                .claims
                .iter()
                .filter_map(|c| match index.get(c) {
                    Some(ItemRef::Claim(ci)) => Some(ci),
                    _ => None,
                })
                .flat_map(|ci| model.claims[ci].actors.iter().filter_map(actor_of))
                .collect();
            actors.sort_unstable();
            actors.dedup();
            let bits = verdict_bit(review.verdict);
            items.push(plain(HitKind::Review, i, entries, actors, bits));
        }
        for (i, source) in model.sources.iter().enumerate() {
            let entries = vec![
                entry(Field::Title, &source.title, false),
                entry(Field::Publisher, &source.publisher, false),
                entry(Field::Id, &source.id, false),
            ];
            items.push(plain(HitKind::Source, i, entries, Vec::new(), 0));
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The text of the field a hit matched, for display.
    pub fn field_text(&self, hit: &Hit) -> &str {
        let model = self.index.model();
        let text = match (hit.kind, hit.field) {
            (HitKind::Actor, Field::Name) => model.actors.get(hit.index).map(|a| a.name.as_str()),
            (HitKind::Actor, Field::Alias(n)) => model
                .actors
                .get(hit.index)
                .and_then(|a| a.aliases.get(n))
                .map(String::as_str),
            (HitKind::Actor, _) => model.actors.get(hit.index).map(|a| a.id.as_str()),
            (HitKind::Claim, Field::Text) => model.claims.get(hit.index).map(|c| c.text.as_str()),
            (HitKind::Claim, Field::Quote) => model.claims.get(hit.index).map(|c| c.quote.as_str()),
            (HitKind::Claim, _) => model.claims.get(hit.index).map(|c| c.id.as_str()),
            (HitKind::Event, Field::Title) => model.events.get(hit.index).map(|e| e.title.as_str()),
            (HitKind::Event, Field::Phrase) => {
                model.events.get(hit.index).and_then(|e| e.when.as_deref())
            }
            (HitKind::Event, _) => model.events.get(hit.index).map(|e| e.id.as_str()),
            (HitKind::Argument, Field::Title) => {
                model.arguments.get(hit.index).map(|a| a.title.as_str())
            }
            (HitKind::Argument, _) => model.arguments.get(hit.index).map(|a| a.id.as_str()),
            (HitKind::Later, Field::Title) => model.later.get(hit.index).map(|l| l.title.as_str()),
            (HitKind::Later, Field::Summary) => {
                model.later.get(hit.index).map(|l| l.summary.as_str())
            }
            (HitKind::Later, _) => model.later.get(hit.index).map(|l| l.id.as_str()),
            (HitKind::Review, Field::Summary) => {
                model.reviews.get(hit.index).map(|r| r.summary.as_str())
            }
            (HitKind::Review, _) => model.reviews.get(hit.index).map(|r| r.id.as_str()),
            (HitKind::Source, Field::Title) => {
                model.sources.get(hit.index).map(|s| s.title.as_str())
            }
            (HitKind::Source, Field::Publisher) => {
                model.sources.get(hit.index).map(|s| s.publisher.as_str())
            }
            (HitKind::Source, _) => model.sources.get(hit.index).map(|s| s.id.as_str()),
        };
        text.unwrap_or("")
    }

    /// Actors a filter value names: exact id, name or alias first, else any containing it.
    fn resolve_actors(&self, value: &str) -> Vec<u32> {
        let all = 0..self.actor_names.len() as u32;
        let exact: Vec<u32> = all
            .clone()
            .filter(|i| self.actor_names[*i as usize].iter().any(|n| n == value))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        all.filter(|i| {
            self.actor_names[*i as usize]
                .iter()
                .any(|n| n.contains(value))
        })
        .collect()
    }

    fn passes(item: &Item, query: &Query, actors: Option<&[u32]>) -> bool {
        if query.within.is_some_and(|k| k != item.kind) {
            return false;
        }
        if let Some(wanted) = actors
            && !item.actors.iter().any(|a| wanted.contains(a))
        {
            return false;
        }
        if let Some(kind) = &query.kind
            && item.kind_word != Some(kind.as_str())
            && item.kind.as_str() != kind
        {
            return false;
        }
        if let Some(role) = &query.role {
            let argument = ArgumentRole::ALL
                .iter()
                .any(|r| r.word() == role && item.roles & role_bit(*r) != 0);
            let person = item
                .actor_role
                .as_ref()
                .is_some_and(|r| r.contains(role.as_str()));
            if !argument && !person {
                return false;
            }
        }
        if let Some(status) = &query.status
            && item.status != Some(status.as_str())
        {
            return false;
        }
        if let Some(verdict) = &query.verdict {
            let wanted = Verdict::ALL
                .iter()
                .find(|v| v.word() == verdict)
                .map_or(0, |v| verdict_bit(*v));
            if item.verdicts & wanted == 0 {
                return false;
            }
        }
        true
    }

    /// What is wrong with a query's filters, in words for the reader: a value no item has
    /// (`kind:forcast`), or what looks like a mistyped filter searched as text
    /// (`stauts:cancelled`). Each message suggests the likely meaning.
    pub fn check(&self, query: &Query, text: &str) -> Vec<QueryProblem> {
        let model = self.index.model();
        let mut problems = Vec::new();
        let mut refuse = |filter: &str, value: &str, known: Vec<String>| {
            if known.iter().any(|k| k == value) {
                return;
            }
            let hint = match crate::model::closest(value, known.iter().map(String::as_str)) {
                Some(near) => format!("did you mean `{filter}:{near}`?"),
                None => format!("it can be {}", known.join(", ")),
            };
            problems.push(QueryProblem {
                message: format!("no {filter} is `{value}`; {hint}"),
                fatal: true,
            });
        };
        if let Some(kind) = &query.kind {
            let mut known: Vec<String> = crate::model::ClaimKind::ALL
                .iter()
                .map(|k| k.word().to_string())
                .collect();
            known.extend(
                crate::model::ActorKind::ALL
                    .iter()
                    .map(|k| k.word().to_string()),
            );
            known.extend(HitKind::ALL.iter().map(|k| k.as_str().to_string()));
            refuse("kind", kind, known);
        }
        if let Some(status) = &query.status {
            refuse(
                "status",
                status,
                crate::model::EventStatus::ALL
                    .iter()
                    .map(|s| s.word().to_string())
                    .collect(),
            );
        }
        if let Some(verdict) = &query.verdict {
            refuse(
                "verdict",
                verdict,
                Verdict::ALL.iter().map(|v| v.word().to_string()).collect(),
            );
        }
        if let Some(role) = &query.role {
            let of_actor = model
                .actors
                .iter()
                .filter_map(|a| a.role.as_deref())
                .any(|r| lowercase(r).contains(role.as_str()));
            if !of_actor {
                refuse(
                    "role",
                    role,
                    ArgumentRole::ALL
                        .iter()
                        .map(|r| r.word().to_string())
                        .collect(),
                );
            }
        }
        if let Some(actor) = &query.actor
            && self.resolve_actors(actor).is_empty()
        {
            let message = format!(
                "no actor is named `{actor}`; an actor filter takes an id, a name or an alias"
            );
            problems.push(QueryProblem {
                message,
                fatal: true,
            });
        }
        for token in text.split_whitespace() {
            let Some((key, _)) = token.split_once(':') else {
                continue;
            };
            let key = lowercase(key);
            let keys = super::FILTERS.iter().map(|(k, _)| k.trim_end_matches(':'));
            if let Some(near) = crate::model::closest(&key, keys).filter(|near| *near != key) {
                let message =
                    format!("`{token}` is searched as text; did you mean the filter `{near}:`?");
                problems.push(QueryProblem {
                    message,
                    fatal: false,
                });
            }
        }
        problems
    }

    /// Runs a query and returns at most `limit` hits, best first.
    ///
    /// Ranking: the query as a whole name or alias of an actor first, then an actor whose
    /// name or alias holds every term as a whole word, then by fuzzy score; ties go to the
    /// shorter text, then to actors, claims, events, arguments, then to file order.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.search_from(query, limit, None).hits
    }

    /// As [`search`](Self::search), but when `query` narrows `previous` (more typed at the
    /// end), only the items that matched `previous` are looked at.
    ///
    /// How the work is kept small: a cheap pass (the letters an entry holds, whether the
    /// term reads there) finds the candidates and, for each, the most the fuzzy matcher
    /// could score it; the matcher then scores candidates from the highest bound down and
    /// stops once no remaining candidate could make the top `limit`.
    pub fn search_from(&self, query: &Query, limit: usize, previous: Option<&Results>) -> Results {
        let mut results = Results {
            query: query.clone(),
            ..Results::default()
        };
        if query.is_empty() || limit == 0 {
            return results;
        }
        let all: Vec<u32>;
        let candidates: &[u32] = match previous {
            Some(p) if query.narrows(&p.query) => &p.matched,
            _ => {
                all = (0..self.items.len() as u32).collect();
                &all
            }
        };
        let terms = Terms::new(&self.matcher, query);
        let actors = query.actor.as_deref().map(|a| self.resolve_actors(a));
        let bounded = self.in_parallel(candidates, |part| {
            self.bound(part, query, &terms, actors.as_deref())
        });
        results.matched = bounded.iter().map(|c| c.item).collect();
        let ranked = if terms.list.is_empty() {
            // Filters alone: everything that passes, by kind and then in file order.
            bounded
                .iter()
                .take(limit)
                .map(|c| Ranked {
                    tier: 0,
                    score: 0,
                    len: 0,
                    item: c.item,
                    entry: 0,
                })
                .collect()
        } else {
            let known = previous.map(|p| &p.scores);
            let (ranked, scores) = self.top(bounded, &terms, limit, known);
            results.scores = scores;
            ranked
        };
        results.hits = ranked
            .iter()
            .enumerate()
            .map(|(n, r)| self.hit(r, &terms, n < HIGHLIGHTED))
            .collect();
        results
    }

    /// Runs `work` over shares of `candidates`, on several threads when there are many,
    /// and joins the answers in order.
    fn in_parallel<T: Send>(
        &self,
        candidates: &[u32],
        work: impl Fn(&[u32]) -> Vec<T> + Sync,
    ) -> Vec<T> {
        let shares = if candidates.len() >= PARALLEL_FROM {
            cores()
        } else {
            1
        };
        if shares == 1 {
            return work(candidates);
        }
        let size = candidates.len().div_ceil(shares).max(1);
        let mut out = Vec::with_capacity(candidates.len());
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(size)
                .map(|part| scope.spawn(|| work(part)))
                .collect();
            for handle in handles {
                match handle.join() {
                    Ok(part) => out.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        out
    }

    /// The cheap pass: candidates that pass the filters and in which every term can be
    /// read, each with the most the matcher could score it.
    fn bound(
        &self,
        part: &[u32],
        query: &Query,
        terms: &Terms,
        actors: Option<&[u32]>,
    ) -> Vec<Bounded> {
        let mut out = Vec::new();
        'items: for &i in part {
            let item = &self.items[i as usize];
            if !Self::passes(item, query, actors) {
                continue;
            }
            let mut bound = 0;
            for term in &terms.list {
                let mut best = None;
                for entry in item.entries.iter() {
                    if !entry.reads(term) {
                        continue;
                    }
                    let at_start = entry.lower.chars().next() == term.text.chars().next();
                    let most = if at_start {
                        term.at_start
                    } else {
                        term.elsewhere
                    };
                    best = Some(best.map_or(most, |b: i64| b.max(most)));
                }
                match best {
                    Some(most) => bound += most,
                    None => continue 'items,
                }
            }
            let len = item.entries.first().map_or(0, |e| e.lower.len() as u32);
            out.push(Bounded {
                item: i,
                bound,
                len,
            });
        }
        out
    }

    /// The best `limit` of the candidates, scored by the matcher from the highest bound
    /// down, in blocks shared over the threads, until the rest cannot get in.
    fn top(
        &self,
        mut candidates: Vec<Bounded>,
        terms: &Terms,
        limit: usize,
        known: Option<&HashMap<String, TermScores>>,
    ) -> (Vec<Ranked>, HashMap<String, TermScores>) {
        // What the previous query learned about these terms, and what this one adds.
        let mut scores: HashMap<String, TermScores> = terms
            .list
            .iter()
            .map(|t| {
                (
                    t.text.clone(),
                    known
                        .and_then(|k| k.get(&t.text))
                        .cloned()
                        .unwrap_or_default(),
                )
            })
            .collect();
        // Actors can rank above everyone by their names (the tier), so all are scored.
        let actors = candidates
            .iter()
            .take_while(|c| self.items[c.item as usize].kind == HitKind::Actor)
            .count();
        let rest = candidates.split_off(actors);
        let mut best: Vec<Ranked> = self.score_all(&candidates, terms, &mut scores);
        let mut rest = rest;
        rest.sort_unstable_by_key(|c| (Reverse(c.bound), c.len, c.item));
        let block = 128;
        let mut from = 0;
        while from < rest.len() {
            if best.len() >= limit {
                best.select_nth_unstable_by_key(limit - 1, Ranked::key);
                best.truncate(limit);
                let worst = best.iter().map(Ranked::key).max();
                let next = &rest[from];
                let could_be = Ranked {
                    tier: 0,
                    score: next.bound,
                    len: next.len,
                    item: next.item,
                    entry: 0,
                }
                .key();
                if worst.is_some_and(|w| w <= could_be) {
                    break;
                }
            }
            let to = (from + block).min(rest.len());
            let ids: Vec<u32> = (from..to).map(|n| n as u32).collect();
            let cached = &scores;
            let scored = self.in_parallel(&ids, |part| {
                part.iter()
                    .map(|n| self.score(&rest[*n as usize], terms, cached))
                    .collect()
            });
            for (ranked, learned) in scored {
                best.extend(ranked);
                remember(&mut scores, terms, learned);
            }
            from = to;
        }
        best.sort_unstable_by_key(Ranked::key);
        best.truncate(limit);
        (best, scores)
    }

    fn score_all(
        &self,
        candidates: &[Bounded],
        terms: &Terms,
        scores: &mut HashMap<String, TermScores>,
    ) -> Vec<Ranked> {
        let mut out = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            let (ranked, learned) = self.score(candidate, terms, scores);
            out.extend(ranked);
            remember(scores, terms, learned);
        }
        out
    }

    /// Every term must be matched by the fuzzy matcher in some entry where it reads; the
    /// item scores the sum of each term's best. An actor's name or alias can lift it into
    /// a higher tier.
    fn score(
        &self,
        candidate: &Bounded,
        terms: &Terms,
        known: &HashMap<String, TermScores>,
    ) -> (Option<Ranked>, Learned) {
        let item = &self.items[candidate.item as usize];
        let mut learned = Learned {
            item: candidate.item,
            terms: Vec::new(),
        };
        let mut total = 0;
        // Per entry: the terms it matched and their summed scores, to choose what to show.
        let mut tally = vec![(0usize, 0i64); item.entries.len()];
        for (t, term) in terms.list.iter().enumerate() {
            let cached = known.get(&term.text).and_then(|k| k.get(&candidate.item));
            let per_entry = match cached {
                Some(per_entry) => per_entry.clone(),
                None => {
                    let fresh = self.match_entries(item, term);
                    learned.terms.push((t, fresh.clone()));
                    fresh
                }
            };
            let mut best: Option<i64> = None;
            for (e, &score) in per_entry.iter().enumerate() {
                if score > NOT_TRIED {
                    best = Some(best.map_or(score, |b| b.max(score)));
                    tally[e].0 += 1;
                    tally[e].1 += score;
                }
            }
            let Some(best) = best else {
                return (None, learned);
            };
            total += best;
        }
        debug_assert!(total <= candidate.bound, "a score above its bound");
        // Shown: the entry that matched most terms, a real field over the id, then the best.
        let mut entry = (0..item.entries.len())
            .max_by_key(|e| {
                (
                    tally[*e].0,
                    item.entries[*e].field != Field::Id,
                    tally[*e].1,
                    Reverse(*e),
                )
            })
            .unwrap_or(0);
        let mut tier = 0;
        for (e, name) in item.entries.iter().enumerate().filter(|(_, e)| e.is_name) {
            let t = if *name.lower == *terms.whole {
                2
            } else if terms.list.iter().all(|t| {
                name.lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == t.text)
            }) {
                1
            } else {
                0
            };
            if t > tier {
                tier = t;
                entry = e; // An exact match shows the name or alias it matched.
            }
        }
        let ranked = Ranked {
            tier,
            score: total,
            len: candidate.len,
            item: candidate.item,
            entry: u32::try_from(entry).unwrap_or(0),
        };
        (Some(ranked), learned)
    }

    /// The matcher's score for a term in each entry of an item, in entry order; it stops
    /// at an entry that scores the most the term can.
    fn match_entries(&self, item: &Item, term: &Term) -> Box<[i64]> {
        let mut out = vec![NOT_TRIED; item.entries.len()];
        for (e, entry) in item.entries.iter().enumerate() {
            let score = if entry.reads(term) {
                self.matcher.fuzzy_match(&entry.lower, &term.text)
            } else {
                None
            };
            out[e] = score.unwrap_or(NO_MATCH);
            if score.is_some_and(|s| s >= term.at_start) {
                break; // No entry can score the term higher.
            }
        }
        out.into_boxed_slice()
    }

    /// Builds the hit a ranked item shows, with the positions of its matched characters
    /// when `highlight` (they cost the matcher another pass).
    fn hit(&self, ranked: &Ranked, terms: &Terms, highlight: bool) -> Hit {
        let item = &self.items[ranked.item as usize];
        let entry = item
            .entries
            .get(ranked.entry as usize)
            .or(item.entries.first());
        let mut hit = Hit {
            kind: item.kind,
            index: item.index as usize,
            score: ranked.score,
            field: entry.map_or(Field::Id, |e| e.field),
            positions: Vec::new(),
            exact: ranked.tier > 0,
        };
        if highlight && !terms.list.is_empty() {
            let list: Vec<&str> = terms.list.iter().map(|t| t.text.as_str()).collect();
            hit.positions = self.positions_for(&hit, &terms.whole, &list);
        }
        hit
    }

    /// The positions of the characters a query matched in a hit's field.
    pub fn positions(&self, hit: &Hit, query: &Query) -> Vec<usize> {
        let terms: Vec<&str> = query.terms.iter().map(String::as_str).collect();
        self.positions_for(hit, &query.terms.join(" "), &terms)
    }

    fn positions_for(&self, hit: &Hit, whole: &str, terms: &[&str]) -> Vec<usize> {
        let lower = lowercase(self.field_text(hit));
        let mut positions = Vec::new();
        if hit.exact {
            if let Some((_, p)) = self.matcher.fuzzy_indices(&lower, whole) {
                positions = p;
            }
        } else {
            for term in terms {
                if let Some((_, p)) = self.matcher.fuzzy_indices(&lower, term) {
                    positions.extend(p);
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// What scoring one item worked out afresh: for terms by their position in the query.
struct Learned {
    item: u32,
    terms: Vec<(usize, Box<[i64]>)>,
}

/// Keeps what was learned, under each term's text.
fn remember(scores: &mut HashMap<String, TermScores>, terms: &Terms, learned: Learned) {
    for (t, per_entry) in learned.terms {
        if let Some(term) = terms.list.get(t) {
            scores
                .entry(term.text.clone())
                .or_default()
                .insert(learned.item, per_entry);
        }
    }
}

/// A candidate of the cheap pass, with the most the matcher could score it.
#[derive(Debug, Clone, Copy)]
struct Bounded {
    item: u32,
    bound: i64,
    len: u32,
}

/// A query's terms, each with what the cheap pass needs.
struct Terms {
    list: Vec<Term>,
    /// The terms joined by spaces, for whole-name matches.
    whole: String,
}

struct Term {
    text: String,
    mask: u64,
    /// The matcher's score for the term at the start of a text, and at the start of a
    /// word elsewhere: the most it gives the term in a text that starts with the term's
    /// first letter, and in any other (checked over millions of pairs in the tests).
    at_start: i64,
    elsewhere: i64,
}

impl Terms {
    fn new(matcher: &SkimMatcherV2, query: &Query) -> Terms {
        let list = query
            .terms
            .iter()
            .map(|t| Term {
                text: t.clone(),
                mask: mask(t),
                at_start: matcher.fuzzy_match(t, t).unwrap_or(i64::MAX / 4),
                elsewhere: matcher
                    .fuzzy_match(&format!(" {t}"), t)
                    .unwrap_or(i64::MAX / 4),
            })
            .collect();
        Terms {
            list,
            whole: query.terms.join(" "),
        }
    }
}
