//! The argument map's rules: one thesis at the root, every other node with a parent and a
//! stance, no cycle, and no deeper than a reader can follow.

use super::{Checker, site};
use crate::model::types::{ArgumentRole, ItemRef, MAX_DEPTH, Section};

impl Checker<'_> {
    pub(super) fn arguments(&mut self) {
        let model = self.model;
        let mut thesis: Option<&str> = None;
        for (i, node) in model.arguments.iter().enumerate() {
            let at = site(Section::Arguments, i);
            self.references(at.key("claims"), &node.claims, Section::Claims);
            if self.unread(Section::Arguments, i, "role") {
                // Without its role the node's place in the tree cannot be judged.
                if let Some(parent) = &node.parent {
                    self.reference(at.key("parent"), parent, Section::Arguments);
                }
                continue;
            }
            if node.role == ArgumentRole::Thesis {
                if let Some(first) = thesis {
                    let message = format!(
                        "a second thesis; `{first}` is already the thesis, and a map has one"
                    );
                    self.report(at.key("role"), message);
                } else {
                    thesis = Some(&node.id);
                }
                if node.parent.is_some() {
                    self.report(
                        at.key("parent"),
                        "the thesis is the root of the map and has no parent",
                    );
                }
                if node.stance.is_some() {
                    self.report(
                        at.key("stance"),
                        "the thesis has no parent, so no stance toward one",
                    );
                }
                continue;
            }
            match &node.parent {
                Some(parent) => self.reference(at.key("parent"), parent, Section::Arguments),
                None => {
                    let message =
                        format!("a {} needs a `parent`; only the thesis has none", node.role);
                    self.report(at, message);
                }
            }
            if node.stance.is_none() && !self.unread(Section::Arguments, i, "stance") {
                self.report(at, "missing key `stance`: how the node bears on its parent (`supports`, `attacks` or `qualifies`)");
            }
        }
        if thesis.is_none() && !model.arguments.is_empty() {
            self.report_top(
                "arguments",
                "the argument map has no thesis; one node needs `role = \"thesis\"`".to_string(),
            );
        }
        self.cycles();
        self.depth();
    }

    /// Each argument node's parent node, where its `parent` names one.
    fn parents(&self) -> Vec<Option<usize>> {
        self.model
            .arguments
            .iter()
            .map(|node| match self.ids.get(node.parent.as_deref()?) {
                Some(ItemRef::Argument(p)) => Some(*p),
                _ => None,
            })
            .collect()
    }

    /// Follows each node's parents once; a walk that meets a node of its own path has found a
    /// cycle, reported at the node of the cycle that comes first in the file.
    fn cycles(&mut self) {
        let model = self.model;
        let parents = self.parents();
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnPath,
            Done,
        }
        let mut marks = vec![Mark::New; parents.len()];
        for start in 0..parents.len() {
            let mut path = Vec::new();
            let mut node = Some(start);
            while let Some(n) = node {
                match marks[n] {
                    Mark::Done => break,
                    Mark::OnPath => {
                        let cycle = &path[path.iter().position(|p| *p == n).unwrap_or(0)..];
                        let first = cycle.iter().copied().min().unwrap_or(n);
                        let mut names: Vec<&str> = cycle
                            .iter()
                            .map(|c| model.arguments[*c].id.as_str())
                            .collect();
                        names.push(&model.arguments[n].id);
                        let message =
                            format!("the argument map has a cycle: {}", names.join(" → "));
                        self.report(site(Section::Arguments, first).key("parent"), message);
                        break;
                    }
                    Mark::New => {
                        marks[n] = Mark::OnPath;
                        path.push(n);
                        node = parents[n];
                    }
                }
            }
            for n in path {
                marks[n] = Mark::Done;
            }
        }
    }

    /// No node sits more than [`MAX_DEPTH`] levels below the thesis: a deeper map is no
    /// argument a reader can follow, and numbering it ("1.1.1…") would cost its depth
    /// squared. Each over-deep chain is reported once, at its first node past the limit.
    fn depth(&mut self) {
        let model = self.model;
        let parents = self.parents();
        // Levels below the thesis, counted no further than one past the limit (so that a
        // cycle, reported elsewhere, stops the count too).
        let depth_of = |mut at: usize| {
            let mut depth = 0;
            while let Some(p) = parents[at] {
                depth += 1;
                at = p;
                if depth > MAX_DEPTH {
                    break;
                }
            }
            depth
        };
        for (i, node) in model.arguments.iter().enumerate() {
            let first_too_deep =
                depth_of(i) > MAX_DEPTH && parents[i].is_some_and(|p| depth_of(p) == MAX_DEPTH);
            if first_too_deep {
                let message = format!(
                    "`{}` is more than {MAX_DEPTH} levels below the thesis; the map may nest that deep and no deeper",
                    node.id
                );
                self.report(site(Section::Arguments, i).key("parent"), message);
            }
        }
    }
}
