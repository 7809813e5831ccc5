//! A model read again after a save, with the reader kept where they were: the same pane
//! in focus, the same item selected in each list (found by its id), the same claims
//! listed and the same claim shown; and a save that cannot be read, said without losing
//! the model on screen.

use super::{Action, App, Mode, Pane, Scope, WatchState};
use crate::model::{Index, ItemRef, Located, Location, Severity};
use crate::search::Searcher;

/// Where the reader is, by ids, which outlive the positions a new model gives items.
struct Place {
    focus: Pane,
    base: Mode,
    problems_open: bool,
    /// Each list pane's selected item.
    selected: Vec<(Pane, String)>,
    scope: Option<String>,
    claim: Option<String>,
    reading: Option<String>,
    /// Reading mode's scroll, and the sentence it marks (by id).
    scroll: usize,
    marked: Option<String>,
}

/// A scope's item's id.
fn scope_id(index: &Index, scope: Scope) -> Option<String> {
    let item = match scope {
        Scope::All => return None,
        Scope::Event(i) => ItemRef::Event(i),
        Scope::Actor(i) => ItemRef::Actor(i),
        Scope::Argument(i) => ItemRef::Argument(i),
        Scope::Relation(i) => ItemRef::Relation(i),
        Scope::Later(i) => ItemRef::Later(i),
        Scope::Review(i) => ItemRef::Review(i),
    };
    Some(index.id_of(item).to_string())
}

impl App {
    /// Names the model's file (so that `w` can watch it), and watches it from the start.
    pub fn set_file(&mut self, name: String, watched: bool) {
        self.watch = WatchState { name, on: watched };
    }

    /// Whether the reader wants the file's saves read again.
    pub fn watching(&self) -> bool {
        self.watch.on && !self.watch.name.is_empty()
    }

    /// The item a context pane's row stands for, by id.
    fn row_id(&self, pane: Pane, row: usize) -> Option<String> {
        let list = self.list(pane)?;
        let scope = list.scope(&self.shared(pane), row)?;
        scope_id(&self.index, scope)
    }

    fn place(&self) -> Place {
        let claim_id = |c: usize| self.index.model().claims.get(c).map(|c| c.id.clone());
        Place {
            focus: self.focus,
            base: self.base,
            problems_open: self.mode == Mode::Problems,
            selected: Pane::ALL
                .into_iter()
                .filter(|p| p.is_context())
                .filter_map(|p| Some((p, self.row_id(p, self.cursor(p).selected)?)))
                .collect(),
            scope: scope_id(&self.index, self.scope),
            claim: self.selected_claim().and_then(claim_id),
            reading: self.reading.claim.and_then(claim_id),
            scroll: self.reading.scroll,
            marked: self
                .reading
                .marked
                .and_then(|s| self.index.model().sentences.get(s).map(|s| s.id.clone())),
        }
    }

    /// Takes a model read again, keeping the reader's place, the keys, the colours, the
    /// search's history and whether the file is watched. The search box is closed: its
    /// hits were the old model's.
    pub fn reload(&mut self, searcher: Searcher, problems: Vec<Located>) {
        let place = self.place();
        let mut fresh = App::with_config(searcher, self.keymap.clone(), self.theme);
        fresh.watch = self.watch.clone();
        fresh.search.take_history(&mut self.search);
        fresh.pictures = self.pictures;
        fresh.update(Action::Resize(self.size.width, self.size.height));
        fresh.set_problems(problems);
        fresh.restore(&place);
        let count = fresh.problem_count();
        fresh.status = Some(match count {
            0 => format!("Read {} again: it breaks no rule.", fresh.watch.name),
            1 => format!("Read {} again: 1 problem (!).", fresh.watch.name),
            n => format!("Read {} again: {n} problems (!).", fresh.watch.name),
        });
        *self = fresh;
    }

    fn restore(&mut self, place: &Place) {
        for (pane, id) in &place.selected {
            let found =
                (0..self.len(*pane)).find(|row| self.row_id(*pane, *row).as_ref() == Some(id));
            if let Some(row) = found {
                self.cursor_mut(*pane).selected = row;
            }
        }
        self.focus = place.focus;
        if place.focus.is_context() {
            self.last_context = place.focus;
        }
        let mut scope = None;
        if let Some(id) = &place.scope {
            'panes: for pane in Pane::ALL.into_iter().filter(|p| p.is_context()) {
                let Some(list) = self.list(pane) else {
                    continue;
                };
                for row in 0..self.len(pane) {
                    let here = list.scope(&self.shared(pane), row);
                    if let Some(s) = here.filter(|s| scope_id(&self.index, *s).as_ref() == Some(id))
                    {
                        scope = Some(s);
                        break 'panes;
                    }
                }
            }
        }
        self.set_scope(scope.unwrap_or(Scope::All));
        let index = std::sync::Arc::clone(&self.index);
        let claim_at = |id: &String| index.claim(id);
        if let Some(claim) = place.claim.as_ref().and_then(claim_at)
            && let Some(row) = self.claim_list().iter().position(|c| *c == claim)
        {
            self.cursor_mut(Pane::Claims).selected = row;
        }
        if place.base == Mode::Reading {
            self.mode = Mode::Reading;
            self.base = Mode::Reading;
            self.reading.claim = place.reading.as_ref().and_then(claim_at);
            // Where the reader had scrolled to, not back to the claim or the top.
            self.reading.scroll = place.scroll;
            self.reading.marked = place.marked.as_ref().and_then(|id| {
                self.index
                    .model()
                    .sentences
                    .iter()
                    .position(|s| &s.id == id)
            });
        }
        if place.problems_open && !self.problems.is_empty() {
            self.open(Mode::Problems);
        }
        self.fit();
    }

    /// A save that could not be read: the model on screen stays, and what is wrong is
    /// said, in the status line and at the top of the problems.
    pub fn reload_failed(&mut self, errors: Vec<Located>) {
        let first = errors.first().map_or_else(String::new, |e| {
            format!(" line {}: {}", e.at.line, e.message)
        });
        self.status = Some(format!(
            "{} was not read again;{first}. The last model that could be read stays.",
            self.watch.name
        ));
        let old = self
            .problems
            .iter()
            .filter(|p| !p.message.starts_with(NOT_READ))
            .cloned();
        let fresh = errors.into_iter().map(|e| Located {
            message: format!("{NOT_READ}{}", e.message),
            ..e
        });
        self.problems = fresh.chain(old).collect();
        self.fit();
    }

    /// Says the file could not be watched, and stops asking.
    pub fn watch_failed(&mut self, why: &str) {
        self.watch.on = false;
        self.status = Some(format!("Not watching: {why}."));
    }

    /// Turns watching the file on or off (`w`), where there is a file to watch.
    pub(super) fn toggle_watch(&mut self) {
        if self.watch.name.is_empty() {
            self.status = Some(
                "Only a model file of one's own can be watched: claimscope --data FILE --watch."
                    .to_string(),
            );
            return;
        }
        self.watch.on = !self.watch.on;
        self.status = Some(if self.watch.on {
            format!(
                "Watching {}: each save is read again, and shown here.",
                self.watch.name
            )
        } else {
            format!("No longer watching {}.", self.watch.name)
        });
    }
}

/// How a problem of a save that could not be read starts.
const NOT_READ: &str = "not read again: ";

/// A problem of the whole file at its start, for a save that failed before any line.
pub fn whole_file(message: String) -> Located {
    Located {
        at: Location { line: 1, column: 1 },
        message,
        severity: Severity::Error,
        item: None,
        todo: false,
    }
}
