//! Opening and closing what folds, and selecting a row that may be folded away: an actor's
//! relations in the Actors pane, a node's children in the Arguments pane.

use super::{ActorRow, App, Pane};

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
        let now = open.unwrap_or(!self.panes.actors.is_open(actor));
        if !now && matches!(row, ActorRow::Relation { .. }) {
            self.select_actor(actor);
            if open.is_some() {
                self.set_scope_from(Pane::Actors);
                return;
            }
        }
        self.panes.actors.set(&self.index, actor, now);
        self.select_actor_row(row);
    }

    /// Selects an actor's own row.
    pub(super) fn select_actor(&mut self, actor: usize) {
        self.select_actor_row(ActorRow::Actor(actor));
    }

    /// Selects a row of the Actors pane, opening its actor if the row is a relation.
    pub(super) fn select_actor_row(&mut self, row: ActorRow) {
        let actors = &mut self.panes.actors;
        if matches!(row, ActorRow::Relation { .. }) && !actors.is_open(row.actor()) {
            actors.set(&self.index, row.actor(), true);
        }
        if let Some(i) = actors.rows().iter().position(|r| *r == row) {
            self.cursor_mut(Pane::Actors).selected = i;
        }
    }

    /// Opens (`Some(false)`), closes (`Some(true)`) or toggles (`None`) the selected node.
    pub(super) fn fold(&mut self, collapse: Option<bool>) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if self.index.children(node).is_empty() {
            return;
        }
        let now = collapse.unwrap_or(!self.panes.arguments.is_collapsed(node));
        self.panes.arguments.set(&self.index, node, now);
    }

    pub(super) fn collapse_or_parent(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if !self.index.children(node).is_empty() && !self.panes.arguments.is_collapsed(node) {
            self.fold(Some(true));
            return;
        }
        if let Some(parent) = self.index.parent_of(node) {
            self.select_node(parent);
            self.set_scope_from(Pane::Arguments);
        }
    }

    /// Selects an argument node, opening its ancestors so that it is visible.
    pub(super) fn select_node(&mut self, node: usize) {
        let tree = &mut self.panes.arguments;
        tree.reveal(&self.index, node);
        if let Some(row) = tree.rows().iter().position(|r| r.node == node) {
            self.cursor_mut(Pane::Arguments).selected = row;
        }
    }
}
