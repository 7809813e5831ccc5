//! Going somewhere and coming back: drilling in with Enter, jumping to a search hit, and
//! Backspace to where the reader was.

use super::{ActorRow, App, Cursor, Mode, Pane, Scope, Snapshot};
use crate::model::{ItemRef, TimelineRow};
use crate::search::{Field, Hit, HitKind};

impl App {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            base: self.base,
            reading_claim: self.reading.claim,
            node: self.selected_node(),
            focus: self.focus,
            scope: self.scope,
            cursors: self.cursors,
        }
    }

    pub(super) fn remember(&mut self) {
        let now = self.snapshot();
        if self.history.last() != Some(&now) {
            self.history.push(now);
        }
        if self.history.len() > 100 {
            self.history.remove(0);
        }
    }

    pub(super) fn enter(&mut self) {
        match self.focus {
            pane if pane.is_context() => {
                // The claims of what is selected here, even if the focus came by Tab.
                self.set_scope_from(self.focus);
                self.remember();
                self.focus = Pane::Claims;
            }
            Pane::Claims if self.selected_claim().is_some() => {
                self.remember();
                self.focus = Pane::Source;
            }
            Pane::Source => self.toggle_reading(),
            _ => {}
        }
    }

    /// The mode the last place in the history was in, if there is one.
    pub(super) fn history_base(&self) -> Option<Mode> {
        self.history.last().map(|h| h.base)
    }

    /// Goes back to where the reader was before the last jump; `false` when there is
    /// nowhere to go back to.
    pub(super) fn back(&mut self) -> bool {
        let Some(before) = self.history.pop() else {
            return false;
        };
        self.base = before.base;
        self.mode = before.base;
        if before.base == Mode::Reading {
            self.reading.claim = before.reading_claim;
            self.reading.marked = None;
            self.reading.follow = true;
        }
        self.focus = before.focus;
        self.cursors = before.cursors;
        // The tree may have opened since (a jump opens a node's ancestors): find the node
        // again rather than trusting its old row.
        if let Some(node) = before.node {
            self.select_node(node);
        }
        self.set_scope(before.scope);
        self.cursors[Pane::Claims.index()] = before.cursors[Pane::Claims.index()];
        self.cursors[Pane::Source.index()] = Cursor::default();
        true
    }

    /// Shows a claim: in its first argument node, with the claim selected.
    pub(super) fn show_claim(&mut self, claim: usize) {
        match self.index.arguments_of_claim(claim).first().copied() {
            Some(node) => {
                self.select_node(node);
                self.set_scope(Scope::Argument(node));
            }
            None => self.set_scope(Scope::All),
        }
        if let Some(i) = self.claim_list().iter().position(|c| *c == claim) {
            self.cursor_mut(Pane::Claims).selected = i;
        }
        self.last_context = Pane::Arguments;
        self.focus = Pane::Claims;
    }

    /// Selects an event of the article, or a later one of the record, in the timeline,
    /// and narrows the claims to it.
    fn show_in_timeline(&mut self, row: TimelineRow) {
        if let Some(i) = self.index.timeline_rows().iter().position(|r| *r == row) {
            self.cursor_mut(Pane::Timeline).selected = i;
        }
        self.set_focus(Pane::Timeline);
        self.set_scope_from(Pane::Timeline);
    }

    fn show_event(&mut self, event: usize) {
        self.show_in_timeline(TimelineRow::Event(event));
    }

    /// From the claim in view (the selected one, or reading mode's highlighted one), to the
    /// record's review of it in the Record pane, with the claim still selected; Backspace
    /// comes back.
    pub(super) fn show_claim_review(&mut self) {
        let claim = match self.mode {
            Mode::Reading => self.reading.claim,
            _ => self.selected_claim(),
        };
        let Some(c) = claim else {
            self.status = Some("No claim is selected.".to_string());
            return;
        };
        let Some(review) = self.index.reviews_of_claim(c).first().copied() else {
            let id = &self.index.model().claims[c].id;
            self.status = Some(format!("The record has no review of {id}."));
            return;
        };
        self.remember();
        self.mode = Mode::Panes;
        self.base = Mode::Panes;
        self.show_review(review);
        if let Some(i) = self.claim_list().iter().position(|x| *x == c) {
            self.cursor_mut(Pane::Claims).selected = i;
        }
    }

    /// Selects a review in the Record pane and narrows the claims to what it judges.
    pub(super) fn show_review(&mut self, review: usize) {
        if let Some(i) = self.record_rows().iter().position(|r| *r == Some(review)) {
            self.cursor_mut(Pane::Record).selected = i;
        }
        self.set_focus(Pane::Record);
        self.set_scope(Scope::Review(review));
    }

    /// Goes to a search hit, where the reader can see it in its pane, with a claim selected
    /// whose source says what was searched for.
    pub(super) fn jump(&mut self, hit: &Hit) {
        self.remember();
        self.mode = Mode::Panes;
        self.base = Mode::Panes;
        match hit.kind {
            HitKind::Actor => {
                self.select_actor(hit.index);
                self.set_focus(Pane::Actors);
                self.set_scope(Scope::Actor(hit.index));
                let said = self.searcher.field_text(hit).to_string();
                self.select_claim_saying(&said, hit.field);
            }
            HitKind::Claim => self.show_claim(hit.index),
            HitKind::Event => self.show_event(hit.index),
            HitKind::Argument => {
                self.select_node(hit.index);
                self.set_focus(Pane::Arguments);
                self.set_scope(Scope::Argument(hit.index));
            }
            HitKind::Relation => {
                let model = self.index.model();
                let from = self.index.actor(&model.relations[hit.index].from);
                if let Some(actor) = from {
                    self.select_actor_row(ActorRow::Relation {
                        actor,
                        relation: hit.index,
                    });
                }
                self.set_focus(Pane::Actors);
                self.set_scope(Scope::Relation(hit.index));
            }
            HitKind::Later => self.show_in_timeline(TimelineRow::Later(hit.index)),
            HitKind::Review => self.show_review(hit.index),
            // A source is shown with the first review that cites it, or else where it
            // points in the article.
            HitKind::Source => {
                let model = self.index.model();
                let id = &model.sources[hit.index].id;
                match model.reviews.iter().position(|r| r.sources.contains(id)) {
                    Some(r) => self.show_review(r),
                    None => match self.index.in_article(hit.item()) {
                        Some(ItemRef::Claim(c)) => self.show_claim(c),
                        Some(ItemRef::Event(e)) => self.show_event(e),
                        _ => {}
                    },
                }
            }
        }
    }

    /// Selects the first listed claim whose sentence holds `words` (an actor's name or
    /// alias), so the Source shows where the article says it.
    fn select_claim_saying(&mut self, words: &str, field: Field) {
        if !matches!(field, Field::Name | Field::Alias(_)) {
            return;
        }
        let model = self.index.model();
        let found = self.claim_list().iter().position(|c| {
            self.index
                .sentence_of_claim(*c)
                .is_some_and(|s| model.sentences[s].text.contains(words))
        });
        if let Some(i) = found {
            self.cursor_mut(Pane::Claims).selected = i;
        }
    }
}
