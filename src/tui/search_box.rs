//! The search box: the query being typed and the hits it finds.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::action::{Action, Answer};
use super::state::Cursor;
use crate::search::{Hit, MAX_QUERY_CHARS, Query, QueryProblem, Results, Searcher};

/// The most hits the box keeps; more than fit on any screen.
pub const MAX_HITS: usize = 200;

/// How many hits past the list's last row the box keeps ranked: one page down, so that
/// moving never waits at the end of what was ranked.
const AHEAD: usize = 10;

/// A query for the background search, numbered so that late answers can be told apart.
#[derive(Debug, Clone)]
pub struct Request {
    pub generation: u64,
    pub query: String,
    /// How many of the best hits to rank.
    pub limit: usize,
}

/// The query being typed, its hits, and the selected hit.
#[derive(Debug, Default)]
pub struct SearchBox {
    pub query: String,
    /// The best hits, as many as the list shows and a page more (see
    /// [`SearchBox::keep_ahead`]).
    pub hits: Vec<Hit>,
    /// How many items match the query in all, ranked or not.
    pub total: usize,
    /// How many of them match the query as typed (the rest, a reading of a misspelling).
    pub typed: usize,
    pub cursor: Cursor,
    /// Whether the answer awaited is more hits of the same query, to be added below the
    /// reader's place rather than starting afresh at the best.
    extending: bool,
    /// The number of the latest query; answers to older ones are dropped.
    generation: u64,
    /// Whether the latest query's answer is still to come.
    pending: bool,
    /// By hit: whether its matched characters have been worked out (see
    /// [`SearchBox::mark_shown`]).
    marked: Vec<bool>,
    /// Where queries go when searching runs on its own thread.
    worker: Option<Sender<Request>>,
    /// The last answer computed here, for narrowing the next (when not on a thread).
    last: Option<Results>,
    /// What is wrong with the query's filters, for the reader.
    pub problems: Vec<QueryProblem>,
    /// What the search read a misspelt query as, when that found hits (they are marked
    /// [`Hit::spelled`]): offered for Tab to take.
    pub spelled: Option<String>,
    /// Queries whose hit the reader went to, oldest first, each once.
    history: Vec<String>,
    /// The history entry shown while ↑ and ↓ walk the history.
    browsing: Option<usize>,
    /// The last search the reader went to a hit of: its query, hits and the hit gone to,
    /// for n and N outside the box.
    accepted: Option<Accepted>,
    /// The hit to select when the answer to a reopened search arrives.
    restore_at: Option<usize>,
}

/// A search the reader went to a hit of.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub query: String,
    pub hits: Vec<Hit>,
    pub at: usize,
}

/// How many queries the history keeps.
const HISTORY: usize = 50;

impl SearchBox {
    /// Takes the queries searched for in `other`, the box of a model read again.
    pub fn take_history(&mut self, other: &mut SearchBox) {
        self.history = std::mem::take(&mut other.history);
    }

    /// Opens on the last query gone to, if any, so that it can be run again or changed
    /// (Ctrl-u clears it); returns whether there is a query to search for.
    pub fn open(&mut self) -> bool {
        // A new query starts: answers still on their way to the last one are stale.
        self.generation += 1;
        self.pending = false;
        self.query = self.history.last().cloned().unwrap_or_default();
        // Its hits will come back with the one gone to last selected.
        self.restore_at = self.accepted.as_ref().map(|a| a.at);
        self.browsing = None;
        self.hits.clear();
        self.total = 0;
        self.typed = 0;
        self.problems.clear();
        self.spelled = None;
        self.cursor = Cursor::default();
        !self.query.is_empty()
    }

    /// Remembers the query and its hits as the reader goes to the selected hit: all of
    /// them, ranked now if only a screenful was, for n and N to go through.
    pub fn accept(&mut self, searcher: &Searcher) {
        let query = self.query.trim().to_string();
        if query.is_empty() {
            return;
        }
        if self.hits.len() < self.total.min(MAX_HITS) {
            let parsed = Query::parse(&self.query);
            let results = searcher.search_marking(&parsed, MAX_HITS, 0, self.last.as_ref());
            self.hits = results.hits.clone();
            self.marked = vec![false; self.hits.len()];
            self.last = Some(results);
        }
        self.history.retain(|q| *q != query);
        self.history.push(query.clone());
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
        self.accepted = Some(Accepted {
            query,
            hits: self.hits.clone(),
            at: self.cursor.selected,
        });
    }

    /// The last search gone to, for n and N.
    pub fn accepted(&self) -> Option<&Accepted> {
        self.accepted.as_ref()
    }

    /// Moves to the next (`1`) or previous (`-1`) hit of the last search gone to, and
    /// returns it with its place; `None` at either end or with no search.
    pub fn step_accepted(&mut self, direction: isize) -> Option<(Hit, usize, usize)> {
        let accepted = self.accepted.as_mut()?;
        let at = accepted.at.checked_add_signed(direction)?;
        let hit = accepted.hits.get(at)?.clone();
        accepted.at = at;
        Some((hit, at, accepted.hits.len()))
    }

    /// Walks back through the history: ↑ in an empty box, or on the first hit of a search
    /// already recalled, brings the next older one. Returns whether the query changed;
    /// otherwise ↑ moves among the hits, as ↓ always does.
    fn walk_back(&mut self) -> bool {
        let recalled = self.browsing.is_some() || self.query.is_empty();
        if !recalled || self.cursor.selected > 0 {
            return false;
        }
        let next = match self.browsing {
            None => self.history.len().checked_sub(1),
            Some(0) => return false,
            Some(i) => Some(i - 1),
        };
        let Some(query) = next.and_then(|i| self.history.get(i)).cloned() else {
            return false;
        };
        self.browsing = next;
        self.query = query;
        true
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.cursor.selected)
    }

    /// Applies an editing or moving action; returns whether the query changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let before = self.query.len();
        match action {
            Action::Up if self.walk_back() => return true,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {}
            _ => self.browsing = None,
        }
        match action {
            Action::Type(c) if !c.is_control() && self.room() > 0 => self.query.push(c),
            Action::Paste(text) => {
                // One line of printable text: a paste never smuggles control characters in.
                let clean: String = text
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !crate::model::is_forbidden_char(*c))
                    .take(self.room())
                    .collect();
                self.query.push_str(&clean);
            }
            Action::DeleteChar => {
                self.query.pop();
            }
            Action::DeleteWord => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(kept);
            }
            Action::ClearQuery => self.query.clear(),
            Action::TakeSpelling => {
                if let Some(spelled) = self.spelled.take() {
                    self.query = spelled;
                    // Told apart from an edit of the same length, which `changed` reads.
                    self.restore_at = None;
                    return true;
                }
                // A filter's likely meaning, as its problem suggests it.
                let fix = self.problems.iter().find_map(|p| p.fix.clone());
                if let Some((written, meant)) = fix
                    && let Some(at) = self.query.find(&written)
                {
                    self.query.replace_range(at..at + written.len(), &meant);
                    self.restore_at = None;
                    return true;
                }
            }
            Action::Up | Action::ScrollUp { .. } => self.cursor.step(-1, self.hits.len()),
            Action::Down | Action::ScrollDown { .. } => self.cursor.step(1, self.hits.len()),
            Action::PageUp => self.cursor.step(-10, self.hits.len()),
            Action::PageDown => self.cursor.step(10, self.hits.len()),
            _ => {}
        }
        // Every edit that changes the query changes its length; a changed query's hits
        // start at the best.
        let changed = self.query.len() != before;
        if changed {
            self.restore_at = None;
        }
        changed
    }

    /// How many more characters the query takes: one cap, [`MAX_QUERY_CHARS`], for what
    /// is typed and what is pasted.
    fn room(&self) -> usize {
        MAX_QUERY_CHARS.saturating_sub(self.query.chars().count())
    }

    /// What the list says of hits found by reading a misspelt query otherwise: that
    /// nothing matched as typed and what was meant, or which hits are read so (marked ≈).
    pub fn spelling_note(&self) -> Option<String> {
        let spelled = self.spelled.as_ref()?;
        let count = self.hits.iter().filter(|h| h.spelled).count();
        if count == 0 {
            return None;
        }
        Some(if count == self.hits.len() {
            format!(
                "No match for “{}”; did you mean “{spelled}”? (Tab)",
                self.query.trim()
            )
        } else {
            format!("≈ hits for “{spelled}”, close to your spelling (Tab)")
        })
    }

    /// How many rows come before the hits in a list `width` columns wide: the problems
    /// with the query, and the note on its spelling, each wrapped at words.
    pub fn notes_len(&self, width: usize) -> usize {
        let rows = |text: &str| crate::tui::wrap::words_in_rows(text, width).len();
        let problems: usize = self.problems.iter().map(|p| rows(&p.message)).sum();
        problems + self.spelling_note().map_or(0, |note| rows(&note))
    }

    /// Whether an answer is still to come.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// Sends queries to a thread from now on, instead of searching in `run`.
    pub fn use_worker(&mut self, worker: Sender<Request>) {
        self.worker = Some(worker);
    }

    /// Searches for the query, ranking enough hits to fill `rows` rows and a page more:
    /// on the worker thread when there is one (the answer comes back as
    /// [`Action::Found`]), else here and now.
    pub fn run(&mut self, searcher: &Searcher, rows: usize) {
        let query = Query::parse(&self.query);
        self.problems = searcher.check(&query, &self.query);
        self.extending = false;
        self.ask(searcher, &query, (rows + AHEAD).min(MAX_HITS));
    }

    /// Ranks more of the same query's hits when the list, or a page down from it, comes
    /// near the end of those ranked; the reader's place is kept.
    pub fn keep_ahead(&mut self, searcher: &Searcher, rows: usize) {
        let wanted = (self.cursor.offset + rows + AHEAD)
            .min(self.total)
            .min(MAX_HITS);
        if self.pending || self.hits.len() >= wanted || self.query.trim().is_empty() {
            return;
        }
        self.extending = true;
        let query = Query::parse(&self.query);
        let limit = (self.cursor.offset + 2 * rows + AHEAD).min(MAX_HITS);
        self.ask(searcher, &query, limit);
    }

    /// Asks for the best `limit` hits of the query (`query`, parsed).
    fn ask(&mut self, searcher: &Searcher, query: &Query, limit: usize) {
        self.generation += 1;
        if let Some(worker) = &self.worker {
            let request = Request {
                generation: self.generation,
                query: self.query.clone(),
                limit,
            };
            if worker.send(request).is_ok() {
                self.pending = true;
                return;
            }
            self.worker = None; // The thread is gone: search here from now on.
        }
        let results = searcher.search_marking(query, limit, 0, self.last.as_ref());
        self.found(Answer {
            generation: self.generation,
            hits: results.hits.clone(),
            total: results.matched_count(),
            typed: results.typed_count(),
            spelled: results.spelled.as_ref().map(Query::to_string),
        });
        self.last = Some(results);
    }

    /// Works out which characters matched in the hits on the `rows` rows shown, where that
    /// is not known yet: the search leaves it to the rows that come into view, as it costs
    /// the matcher another pass over each hit's text.
    pub fn mark_shown(&mut self, searcher: &Searcher, rows: usize) {
        let from = self.cursor.offset.min(self.hits.len());
        let to = from.saturating_add(rows).min(self.hits.len());
        let Some(unmarked) = self.marked.get(from..to) else {
            return;
        };
        if unmarked.iter().all(|m| *m) {
            return;
        }
        let query = Query::parse(&self.query);
        // A hit found by reading the query otherwise is marked as that reading matched.
        let spelled = self.spelled.as_deref().map(Query::parse);
        for at in from..to {
            if !self.marked[at] {
                let hit = &self.hits[at];
                let query = spelled.as_ref().filter(|_| hit.spelled).unwrap_or(&query);
                let positions = searcher.positions(hit, query);
                self.hits[at].positions = positions;
                self.marked[at] = true;
            }
        }
    }

    /// Takes an answer, if it is to the latest request: a new query's hits start at the
    /// best, more of the same query's keep the reader's place.
    pub fn found(&mut self, answer: Answer) {
        if answer.generation != self.generation {
            return;
        }
        let Answer {
            hits,
            total,
            typed,
            spelled,
            ..
        } = answer;
        self.pending = false;
        self.total = total;
        self.typed = typed;
        self.spelled = spelled;
        if std::mem::take(&mut self.extending) {
            // The hits already ranked come first, in the same order, with their marks.
            let known = self.hits.len().min(hits.len());
            self.marked.resize(hits.len(), false);
            self.hits.extend(hits.into_iter().skip(known));
            return;
        }
        self.marked = vec![false; hits.len()];
        self.hits = hits;
        let at = self.restore_at.take().filter(|at| *at < self.hits.len());
        self.cursor = Cursor::at(at.unwrap_or(0));
    }
}

/// Searches on its own thread, so typing never waits for a search: it takes the newest
/// request waiting, narrows from its last answer when it can, and hands the answer to
/// `answer`, until either channel closes.
pub fn search_worker(
    searcher: Arc<Searcher>,
    requests: Receiver<Request>,
    answer: impl Fn(Answer) -> bool,
) {
    let mut last: Option<Results> = None;
    while let Ok(mut request) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let query = Query::parse(&request.query);
        let results = searcher.search_marking(&query, request.limit, 0, last.as_ref());
        let answered = Answer {
            generation: request.generation,
            hits: results.hits.clone(),
            total: results.matched_count(),
            typed: results.typed_count(),
            spelled: results.spelled.as_ref().map(Query::to_string),
        };
        if !answer(answered) {
            break;
        }
        last = Some(results);
    }
}
