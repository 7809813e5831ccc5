//! The Arguments pane: the map as a tree from the thesis down, numbered, with the stance
//! of each node toward its parent as a symbol; which nodes are closed, and the rows the
//! open ones make. Choosing a node narrows the claims to it.

use ratatui::text::{Line, Span};

use super::{ListPane, Shared};
use crate::model::{Index, Scope};
use crate::tui::content::labels::clip;
use crate::tui::state::ArgumentRow;

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

    /// Closes or opens a node.
    pub fn set(&mut self, index: &Index, node: usize, collapsed: bool) {
        if let Some(slot) = self.collapsed.get_mut(node) {
            *slot = collapsed;
        }
        self.rebuild(index);
    }

    /// Opens every ancestor of a node, so that it has a row.
    pub fn reveal(&mut self, index: &Index, node: usize) {
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

impl ListPane for Tree {
    fn len(&self, _shared: &Shared<'_>) -> usize {
        self.rows.len()
    }

    fn is_marked(&self, shared: &Shared<'_>, row: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| shared.related.nodes.get(r.node))
            .is_some_and(|marked| *marked)
    }

    fn scope(&self, _shared: &Shared<'_>, row: usize) -> Option<Scope> {
        self.rows.get(row).map(|r| Scope::Argument(r.node))
    }

    fn owns(&self, scope: Scope) -> bool {
        matches!(scope, Scope::Argument(_))
    }

    fn title(&self, shared: &Shared<'_>) -> String {
        format!("Arguments ({})", shared.index.model().arguments.len())
    }

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let index = shared.index;
        let node_row = self.rows[row];
        let node = &index.model().arguments[node_row.node];
        let fold = if index.children(node_row.node).is_empty() {
            " "
        } else if self.is_collapsed(node_row.node) {
            "▸"
        } else {
            "▾"
        };
        let symbol = node.stance.map_or("◆", |s| s.symbol());
        Line::from(vec![
            Span::raw("  ".repeat(node_row.depth)),
            Span::raw(format!("{fold} {} ", index.path(node_row.node))),
            Span::styled(format!("{symbol} "), shared.theme.stance(node.stance)),
            Span::raw(clip(&node.title, usize::from(width))),
        ])
    }

    fn empty(&self, _shared: &Shared<'_>) -> String {
        "No argument map in this model.".to_string()
    }

    fn legend(&self) -> Option<&'static str> {
        Some("+ supports  − attacks  ± qualifies")
    }
}
