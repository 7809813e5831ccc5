//! The argument map as the Arguments pane shows it: which nodes are closed, and the rows
//! the open ones make.

use super::{App, ArgumentRow, Pane};
use crate::model::Index;

/// Which nodes are closed, and the visible rows of the tree.
#[derive(Debug, Clone)]
pub struct Tree {
    collapsed: Vec<bool>,
    rows: Vec<ArgumentRow>,
}

impl Tree {
    pub fn new(index: &Index) -> Tree {
        let mut tree = Tree {
            collapsed: vec![false; index.model().arguments.len()],
            rows: Vec::new(),
        };
        tree.rebuild(index);
        tree
    }

    pub fn rows(&self) -> &[ArgumentRow] {
        &self.rows
    }

    pub fn is_collapsed(&self, node: usize) -> bool {
        self.collapsed.get(node).copied().unwrap_or(false)
    }

    fn set(&mut self, index: &Index, node: usize, collapsed: bool) {
        if let Some(slot) = self.collapsed.get_mut(node) {
            *slot = collapsed;
        }
        self.rebuild(index);
    }

    /// Opens every ancestor of a node, so that it has a row.
    fn reveal(&mut self, index: &Index, node: usize) {
        let mut ancestor = index.parent_of(node);
        let mut guard = 0;
        while let Some(p) = ancestor {
            if let Some(slot) = self.collapsed.get_mut(p) {
                *slot = false;
            }
            ancestor = index.parent_of(p);
            guard += 1;
            if guard > self.collapsed.len() {
                break;
            }
        }
        self.rebuild(index);
    }

    fn rebuild(&mut self, index: &Index) {
        let mut rows = Vec::new();
        let mut stack: Vec<ArgumentRow> = index
            .thesis()
            .map(|node| ArgumentRow { node, depth: 0 })
            .into_iter()
            .collect();
        let mut seen = vec![false; self.collapsed.len()];
        while let Some(row) = stack.pop() {
            if std::mem::replace(&mut seen[row.node], true) {
                continue;
            }
            rows.push(row);
            if !self.is_collapsed(row.node) {
                for child in index.children(row.node).iter().rev() {
                    stack.push(ArgumentRow {
                        node: *child,
                        depth: row.depth + 1,
                    });
                }
            }
        }
        self.rows = rows;
    }
}

impl App {
    /// Opens (`Some(false)`), closes (`Some(true)`) or toggles (`None`) the selected node.
    pub(super) fn fold(&mut self, collapse: Option<bool>) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if self.index.children(node).is_empty() {
            return;
        }
        let now = collapse.unwrap_or(!self.tree.is_collapsed(node));
        self.tree.set(&self.index, node, now);
    }

    pub(super) fn collapse_or_parent(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if !self.index.children(node).is_empty() && !self.tree.is_collapsed(node) {
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
        self.tree.reveal(&self.index, node);
        if let Some(row) = self.tree.rows().iter().position(|r| r.node == node) {
            self.cursor_mut(Pane::Arguments).selected = row;
        }
    }
}
