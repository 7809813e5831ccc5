//! `export --format dot`: the argument map as a Graphviz digraph, for `dot -Tsvg`.

use std::io::{self, Write};

use claimscope::model::{ArgumentRole, Index, Stance, sanitize};

use super::EXIT_OK;

/// A string as a DOT quoted string, long labels broken over lines.
fn dot_string(text: &str, width: usize) -> String {
    let mut lines = vec![String::new()];
    for word in sanitize(text).split_whitespace() {
        let last = lines.last_mut().map_or(0, |l| l.chars().count());
        if last > 0 && last + 1 + word.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    let escaped: Vec<String> = lines
        .iter()
        .map(|l| l.replace('\\', "\\\\").replace('"', "\\\""))
        .collect();
    format!("\"{}\"", escaped.join("\\n"))
}

/// The argument map as a Graphviz digraph: one box a node, an edge from each node to its
/// parent labelled with its stance.
pub fn dot(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    writeln!(out, "digraph argument_map {{")?;
    writeln!(
        out,
        "  graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", label={}];",
        dot_string(&model.article.title, 200)
    )?;
    writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for (n, node) in model.arguments.iter().enumerate() {
        let label = format!("{} {} ({})", index.path(n), node.title, node.role);
        let style = if node.role == ArgumentRole::Thesis {
            ", style=\"rounded,bold\""
        } else {
            ""
        };
        writeln!(
            out,
            "  {} [label={}{style}];",
            dot_string(&node.id, 200),
            dot_string(&label, 32)
        )?;
    }
    for node in &model.arguments {
        let (Some(parent), Some(stance)) = (&node.parent, node.stance) else {
            continue;
        };
        let color = match stance {
            Stance::Supports => "darkgreen",
            Stance::Attacks => "red3",
            Stance::Qualifies => "darkorange3",
        };
        writeln!(
            out,
            "  {} -> {} [label=\"{stance}\", color={color}, fontcolor={color}];",
            dot_string(&node.id, 200),
            dot_string(parent, 200)
        )?;
    }
    writeln!(out, "}}")?;
    Ok(EXIT_OK)
}
