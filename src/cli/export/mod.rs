//! `claimscope export`: the model in other formats, each for the tool its readers use. This
//! file holds the JSON export and what the formats share; each other format has its own file.

mod dot;
mod markdown;

use std::io::{self, Write};

use claimscope::model::{Index, Model};

use super::EXIT_OK;

pub use dot::dot;
pub use markdown::markdown;

/// The model as pretty JSON with the same keys and nesting as the TOML file.
pub fn json(model: &Model, out: &mut dyn Write) -> io::Result<u8> {
    serde_json::to_writer_pretty(&mut *out, model)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}

/// Argument nodes in tree order (1, 1.1, 1.1.1, 1.2, ...).
pub(super) fn tree_order(index: &Index) -> Vec<usize> {
    let mut order = Vec::new();
    let mut stack: Vec<usize> = index.thesis().into_iter().collect();
    let mut seen = vec![false; index.model().arguments.len()];
    while let Some(node) = stack.pop() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        order.push(node);
        stack.extend(index.children(node).iter().rev());
    }
    order
}
