//! `export --format argdown`: the argument map as Argdown, for the Argdown editor, its VS Code
//! extension and the `argdown` command line, which draw it as a map and export it on.
//!
//! Every argument node is a statement titled by its id, the thesis at the top and each other
//! node beneath its parent, `<+` when it supports it and `<-` when it attacks or qualifies
//! it (Argdown has no qualifying relation). Every claim is a statement titled by its id,
//! beneath the node it sits in with `<+`: a node's title gathers what its claims say. Kinds
//! and roles are tags; ids, kinds, sentences and quotes are the statements' data.

use std::io::{self, Write};

use claimscope::model::{ArgumentNode, Claim, Index, Stance, sanitize};
use serde_json::Value;

use super::{EXIT_OK, tree_order};

/// The argument map as an Argdown document with a front matter naming the article.
pub fn argdown(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let article = &model.article;
    writeln!(out, "===")?;
    for (key, value) in [
        ("title", article.title.as_str()),
        ("subTitle", article.standfirst.as_str()),
        ("author", article.author.as_str()),
        ("date", &article.published.to_string()),
    ] {
        writeln!(out, "{key}: {}", yaml(&Value::from(value))?)?;
    }
    writeln!(out, "===")?;
    writeln!(out)?;
    writeln!(
        out,
        "// Exported by claimscope. Statements titled by an argument node's id are the map's nodes;"
    )?;
    writeln!(
        out,
        "// those titled by a claim's id are the article's claims, with their quotes as data."
    )?;
    writeln!(
        out,
        "// A node that qualifies its parent is drawn as attacking it and tagged #qualifies."
    )?;
    writeln!(out)?;
    let mut written = vec![false; model.claims.len()];
    for n in tree_order(index) {
        let node = &model.arguments[n];
        let depth = index.path(n).matches('.').count();
        let indent = "  ".repeat(depth);
        let relation = match node.stance {
            _ if depth == 0 => "",
            Some(Stance::Supports) => "<+ ",
            Some(Stance::Attacks | Stance::Qualifies) | None => "<- ",
        };
        writeln!(out, "{indent}{relation}{}", node_statement(index, n, node)?)?;
        for id in &node.claims {
            let Some(c) = index.claim(id) else {
                continue;
            };
            let claim = &model.claims[c];
            if std::mem::replace(&mut written[c], true) {
                // A claim in two nodes is defined once and referred to after that.
                writeln!(out, "{indent}  <+ [{}]", claim.id)?;
            } else {
                writeln!(out, "{indent}  <+ {}", claim_statement(claim)?)?;
            }
        }
    }
    // A map that leaves a claim out (check forbids it) still keeps the claim.
    for (c, claim) in model.claims.iter().enumerate() {
        if !written[c] {
            writeln!(out, "\n{}", claim_statement(claim)?)?;
        }
    }
    Ok(EXIT_OK)
}

/// `[id]: title #role {data}` for an argument node.
fn node_statement(index: &Index, n: usize, node: &ArgumentNode) -> io::Result<String> {
    let mut data = vec![
        ("id", Value::from(node.id.as_str())),
        ("role", Value::from(node.role.as_str())),
        ("path", Value::from(index.path(n))),
    ];
    let mut tags = format!("#{}", node.role);
    if let Some(stance) = node.stance {
        data.push(("stance", Value::from(stance.as_str())));
        if stance == Stance::Qualifies {
            tags.push_str(" #qualifies");
        }
    }
    Ok(format!(
        "[{}]: {} {tags} {}",
        node.id,
        text(&node.title),
        data_map(&data)?
    ))
}

/// `[id]: text #kind {data}` for a claim.
fn claim_statement(claim: &Claim) -> io::Result<String> {
    let actors: Vec<Value> = claim
        .actors
        .iter()
        .map(|a| Value::from(a.as_str()))
        .collect();
    let data = [
        ("id", Value::from(claim.id.as_str())),
        ("kind", Value::from(claim.kind.as_str())),
        ("sentence", Value::from(claim.sentence.as_str())),
        ("quote", Value::from(claim.quote.as_str())),
        ("actors", Value::from(actors)),
    ];
    Ok(format!(
        "[{}]: {} #{} {}",
        claim.id,
        text(&claim.text),
        claim.kind,
        data_map(&data)?
    ))
}

/// Statement text with every character Argdown would read as syntax escaped by a backslash
/// (Argdown's escape for any character): mentions, tags, bold and italics, references,
/// links, data, comments, and the shortcodes `.x.` and `:x:` that it turns into symbols.
/// Relations, list items and headings only start lines, and the text never starts one.
fn text(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let syntax = match c {
            '\\' | '@' | '#' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '/' | '=' => true,
            '.' | ':' => next.is_some_and(|n| !n.is_whitespace()),
            '-' => next == Some('-'),
            _ => false,
        };
        if syntax {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A flow map for a statement's data, written as JSON, which YAML reads as it is.
fn data_map(entries: &[(&str, Value)]) -> io::Result<String> {
    let mut parts = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        parts.push(format!("{}: {}", yaml(&Value::from(*key))?, yaml(value)?));
    }
    Ok(format!("{{{}}}", parts.join(", ")))
}

/// A JSON value as YAML that Argdown's lexer cannot cut short: the braces that end its data
/// and the `===` that ends its front matter are written as escapes, and so are the line
/// and paragraph separators, which its patterns take for line ends.
fn yaml(value: &Value) -> io::Result<String> {
    let json = serde_json::to_string(value).map_err(io::Error::other)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            // Structure outside strings is only written for arrays, never with these.
            '{' | '}' | '=' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_what_argdown_reads_as_syntax_and_nothing_else() {
        assert_eq!(text("Moscow, then Delhi."), "Moscow, then Delhi.");
        assert_eq!(text("U.S. ties: 2.5:1"), "U\\.S. ties: 2\\.5\\:1");
        assert_eq!(text("a -- b - c"), "a \\-- b - c");
        assert_eq!(
            text("[x]: <y> #z {w} @k *b* _i_ // \\"),
            "\\[x\\]: \\<y\\> \\#z \\{w\\} \\@k \\*b\\* \\_i\\_ \\/\\/ \\\\"
        );
    }

    #[test]
    fn data_hides_braces_and_front_matter_ends_in_escapes() {
        let value = Value::from("} x === y\u{2028}");
        assert_eq!(
            yaml(&value).ok().as_deref(),
            Some("\"\\u007d x \\u003d\\u003d\\u003d y\\u2028\"")
        );
    }
}
