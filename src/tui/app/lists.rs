//! The rows of the Actors pane (each actor, with its relations opened under it on request)
//! and of the Record pane (the reviews, forecasts first).

use super::{ActorRow, App, Pane};
use crate::model::Index;

/// Which actors have their relations open, and the rows that makes.
#[derive(Debug, Clone, Default)]
pub struct ActorList {
    open: Vec<bool>,
    rows: Vec<ActorRow>,
}

impl ActorList {
    pub fn new(index: &Index) -> ActorList {
        let mut list = ActorList {
            open: vec![false; index.model().actors.len()],
            rows: Vec::new(),
        };
        list.rebuild(index);
        list
    }

    pub fn rows(&self) -> &[ActorRow] {
        &self.rows
    }

    pub fn is_open(&self, actor: usize) -> bool {
        self.open.get(actor).copied().unwrap_or(false)
    }

    fn set(&mut self, index: &Index, actor: usize, open: bool) {
        if let Some(slot) = self.open.get_mut(actor) {
            *slot = open;
        }
        self.rebuild(index);
    }

    fn rebuild(&mut self, index: &Index) {
        self.rows.clear();
        for a in 0..index.model().actors.len() {
            self.rows.push(ActorRow::Actor(a));
            if self.is_open(a) {
                let relations = index.relations_of_actor(a).iter();
                self.rows.extend(relations.map(|r| ActorRow::Relation {
                    actor: a,
                    relation: *r,
                }));
            }
        }
    }
}

impl App {
    /// Opens (`Some(true)`), closes (`Some(false)`) or toggles (`None`) the selected
    /// actor's relations. On a relation's row, closing goes back up to its actor.
    pub(super) fn fold_actor(&mut self, open: Option<bool>) {
        let Some(row) = self.actor_row() else {
            return;
        };
        let actor = row.actor();
        if self.index.relations_of_actor(actor).is_empty() {
            return;
        }
        let now = open.unwrap_or(!self.actors.is_open(actor));
        if !now && matches!(row, ActorRow::Relation { .. }) {
            self.select_actor(actor);
            if open.is_some() {
                self.set_scope_from(Pane::Actors);
                return;
            }
        }
        self.actors.set(&self.index, actor, now);
        self.select_actor_row(row);
    }

    /// Selects an actor's own row.
    pub(super) fn select_actor(&mut self, actor: usize) {
        self.select_actor_row(ActorRow::Actor(actor));
    }

    /// Selects a row of the Actors pane, opening its actor if the row is a relation.
    pub(super) fn select_actor_row(&mut self, row: ActorRow) {
        if matches!(row, ActorRow::Relation { .. }) && !self.actors.is_open(row.actor()) {
            self.actors.set(&self.index, row.actor(), true);
        }
        if let Some(i) = self.actors.rows().iter().position(|r| *r == row) {
            self.cursor_mut(Pane::Actors).selected = i;
        }
    }
}
