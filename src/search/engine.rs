//! The search engine: searchable text kept lowercased and ready, cheap tests before the
//! fuzzy matcher, the work split over the cores, and only the best hits sorted.

use foldhash::HashMap;
use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::items::{Columns, Item};
use super::matching::{SCORED_BYTES, scored_window};
use super::rank::{Bounded, LETTERS, Ranked, Term, Terms, WORDS, at_word_start};
use super::sieve::Sieve;
use super::typo::Vocabulary;
use super::{Field, Hit, HitKind, Query, lowercase};
use crate::model::Index;

/// How many of the best hits come with their matched positions worked out; others get them
/// from [`Engine::positions`] when they are shown.
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

/// A query's hits and what a longer query needs to narrow them.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub query: Query,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Every item that matched, by position: a query that narrows this one need look no
    /// further.
    pub(super) matched: Vec<u32>,
    /// How many of them matched the query as typed (misspelt actors' names included);
    /// the rest, the reading in [`Results::spelled`].
    pub(super) typed: usize,
    /// What the matcher gave each term in the items it scored, for the next query to
    /// reuse when it has the same term (typing a second word keeps the first).
    scores: HashMap<String, TermScores>,
    /// The query with its misspelt terms read as the words they are closest to, when the
    /// query as written found fewer hits than were asked for and that reading found more
    /// (the hits it found are marked [`Hit::spelled`]).
    pub spelled: Option<Query>,
    /// Whether some item holds every term as written at the start of a word: then every
    /// term is a word of the texts or begins one, and none is misspelt.
    pub(super) as_words: bool,
}

impl Results {
    /// How many items matched the query in all, of which `hits` are the best.
    pub fn matched_count(&self) -> usize {
        self.matched.len()
    }

    /// How many items matched the query as typed: the count stays the same whether or
    /// not a reading of its misspellings was looked for (only when there was room).
    pub fn typed_count(&self) -> usize {
        self.typed
    }

    /// Whether the query as written matched nothing, so that every hit (if any) was found
    /// by reading it as [`Results::spelled`].
    pub fn only_spelled(&self) -> bool {
        self.hits.iter().all(|h| h.spelled)
    }
}

/// For one term: each scored item's score in each of its entries, `NO_MATCH` where the
/// term does not match, `NOT_TRIED` where the matcher stopped early.
type TermScores = HashMap<u32, Box<[i64]>>;
const NO_MATCH: i64 = i64::MIN;
const NOT_TRIED: i64 = i64::MIN + 1;

/// The search over one model's items: their entries, lowercased texts and what the
/// filters test. It needs nothing else of the model to rank them; a [`Searcher`] pairs it
/// with the model's index, for what the hits are.
pub struct Engine {
    pub(super) items: Vec<Item>,
    /// The items' entries and texts, laid out flat.
    pub(super) columns: Columns,
    /// Lowercased id, name and aliases of each actor, for `actor:` filters.
    pub(super) actor_names: Vec<Vec<String>>,
    pub(super) matcher: SkimMatcherV2,
    /// The words of the texts, for reading misspelt terms: gathered at the first search
    /// that needs them.
    pub(super) vocabulary: std::sync::OnceLock<Vocabulary>,
}

impl Engine {
    /// The engine over `index`'s items.
    pub(super) fn build(index: &Index) -> Engine {
        let (items, columns) = super::items::build(index);
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
        Engine::assemble(items, columns, actor_names)
    }

    /// An engine of parts already built (by [`Engine::build`], or read from the cache).
    pub(super) fn assemble(
        items: Vec<Item>,
        columns: Columns,
        actor_names: Vec<Vec<String>>,
    ) -> Engine {
        Engine {
            items,
            columns,
            actor_names,
            matcher: SkimMatcherV2::default().respect_case(),
            vocabulary: std::sync::OnceLock::new(),
        }
    }

    /// Every text the engine scores (names, aliases, ids, claims' texts and quotes,
    /// titles, summaries), lowercased: for comparing it with other matchers over the same
    /// texts.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.columns.texts()
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
        self.search_marking(query, limit, HIGHLIGHTED, previous)
    }

    /// As [`search_from`](Self::search_from), with the matched positions worked out for
    /// the best `marked` hits only: the explorer asks for none, and works them out for the
    /// rows it shows ([`Engine::positions`]), as they cost the matcher another pass.
    ///
    /// A query is forgiven its misspellings: an actor whose name it misspells is put with
    /// the actors it names; and when the query as written finds fewer than `limit` items,
    /// the hits of the query with its misspelt terms read as the words they are closest to
    /// follow the others ([`Results::spelled`]).
    pub fn search_marking(
        &self,
        query: &Query,
        limit: usize,
        marked: usize,
        previous: Option<&Results>,
    ) -> Results {
        let mut results = self.as_written(query, limit, marked, previous);
        if !query.terms.is_empty() {
            self.forgive(query, limit, marked, &mut results);
        }
        results
    }

    /// The search itself, the query taken as written.
    pub(super) fn as_written(
        &self,
        query: &Query,
        limit: usize,
        marked: usize,
        previous: Option<&Results>,
    ) -> Results {
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
        let sieve = self.sieve(query);
        let bounded = self.in_parallel(candidates, |part| self.bound(part, &sieve, &terms));
        results.matched = bounded.iter().map(|c| c.item).collect();
        results.typed = results.matched.len();
        results.as_words = bounded.iter().any(|c| c.band == WORDS);
        let ranked = if terms.list.is_empty() {
            // Filters alone: everything that passes, by kind and then in file order.
            bounded
                .iter()
                .take(limit)
                .map(|c| Ranked {
                    tier: 0,
                    band: WORDS,
                    kind: c.kind,
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
            .map(|(n, r)| self.hit(r, &terms, n < marked))
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
    fn bound(&self, part: &[u32], sieve: &Sieve, terms: &Terms) -> Vec<Bounded> {
        let mut out = Vec::new();
        'items: for &i in part {
            let item = &self.items[i as usize];
            if !sieve.passes(item, &self.columns) {
                continue;
            }
            let mut bound = 0;
            let mut band = WORDS;
            for term in &terms.list {
                let mut best = None;
                let mut as_word = false;
                for entry in self.columns.of(item) {
                    let lower = self.columns.lower(entry);
                    if !entry.reads(lower, term) {
                        continue;
                    }
                    as_word = as_word || at_word_start(lower, term);
                    // A long text is scored in a window, which may begin with the
                    // term's first letter wherever the text begins: bound it as a start.
                    let at_start = lower.len() > SCORED_BYTES
                        || lower.chars().next() == term.text.chars().next();
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
                if !as_word {
                    band = LETTERS;
                }
            }
            let first = self.columns.of(item).first();
            let len = first.map_or(0, |e| u32::try_from(e.len()).unwrap_or(u32::MAX));
            out.push(Bounded {
                item: i,
                kind: item.kind,
                band,
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
        // By the best key each could get, so that once the next cannot get in, none can.
        rest.sort_unstable_by_key(|c| c.could_be().key());
        // Blocks of half the hits wanted: a short list stops scoring sooner.
        let block = (limit / 2).clamp(16, 128);
        let mut from = 0;
        while from < rest.len() {
            if best.len() >= limit {
                best.select_nth_unstable_by_key(limit - 1, Ranked::key);
                best.truncate(limit);
                let worst = best.iter().map(Ranked::key).max();
                let could_be = rest[from].could_be().key();
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
        let entries = self.columns.of(item);
        let mut tally = vec![(0usize, 0i64); entries.len()];
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
        let mut entry = (0..entries.len())
            .max_by_key(|e| {
                (
                    tally[*e].0,
                    entries[*e].field != Field::Id,
                    tally[*e].1,
                    Reverse(*e),
                )
            })
            .unwrap_or(0);
        let mut tier = 0;
        for (e, name) in entries.iter().enumerate().filter(|(_, e)| e.is_name) {
            let lower = self.columns.lower(name);
            let t = if lower == terms.whole {
                2
            } else if terms.list.iter().all(|t| {
                lower
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
            band: candidate.band,
            kind: candidate.kind,
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
        let entries = self.columns.of(item);
        let mut out = vec![NOT_TRIED; entries.len()];
        for (e, entry) in entries.iter().enumerate() {
            let lower = self.columns.lower(entry);
            let score = if entry.reads(lower, term) {
                let (_, window) = scored_window(lower, &term.text);
                self.matcher.fuzzy_match(window, &term.text)
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
