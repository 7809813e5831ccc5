//! `claimscope export`: the model in other formats, each for the tool its readers use. This
//! file holds the JSON export and what the formats share; each other format has its own file,
//! and docs/exports.md says what maps to what and what each format cannot keep.

mod aif;
mod annotations;
mod argdown;
mod claimreview;
mod dot;
mod markdown;
mod timeline;

use std::io::{self, Write};

use claimscope::model::{Claim, Index, Model};
use serde::Serialize;

use super::EXIT_OK;

pub use aif::aif;
pub use annotations::annotations;
pub use argdown::argdown;
pub use claimreview::claimreview;
pub use dot::dot;
pub use markdown::markdown;
pub use timeline::timeline;

/// The model as pretty JSON with the same keys and nesting as the TOML file.
pub fn json(model: &Model, out: &mut dyn Write) -> io::Result<u8> {
    write_json(model, out)
}

/// Writes `value` as pretty JSON with a final newline, safe to embed in an HTML
/// `<script>` element (as JSON-LD is): see [`ScriptSafe`].
fn write_json(value: &impl Serialize, out: &mut dyn Write) -> io::Result<u8> {
    let mut safe = ScriptSafe(out);
    serde_json::to_writer_pretty(&mut safe, value)?;
    writeln!(safe)?;
    Ok(EXIT_OK)
}

/// Writes JSON with `<`, `>` and `&` as the escapes `\u003c`, `\u003e` and `\u0026`. In
/// JSON they can stand only inside strings, where an escape means the same character;
/// written raw, a `</script>` in any text would end the element a page embeds it in.
struct ScriptSafe<'w>(&'w mut dyn Write);

impl Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut from = 0;
        for (at, byte) in buf.iter().enumerate() {
            let escape: &[u8] = match byte {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[from..at])?;
            self.0.write_all(escape)?;
            from = at + 1;
        }
        self.0.write_all(&buf[from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The text with its first letter in capitals: "happened" → "Happened".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Argument nodes in tree order (1, 1.1, 1.1.1, 1.2, ...).
fn tree_order(index: &Index) -> Vec<usize> {
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

/// The claims these ids name, in the order given; ids of anything else are skipped.
fn claims<'i>(index: &'i Index, ids: &[String]) -> Vec<&'i Claim> {
    let model = index.model();
    ids.iter()
        .filter_map(|id| index.claim(id))
        .filter_map(|c| model.claims.get(c))
        .collect()
}
