//! The model's rooms, and the one way their imports run. `src/model/` keeps each of its
//! jobs in a room of its own (a folder, or `load.rs`), and a room uses only the rooms
//! beneath it: a lower room never imports a higher one, two rooms on one floor never
//! import each other, no room imports the model's door (`src/model/mod.rs`, which stands
//! above them all), and inside a room no files import each other in a loop.
//!
//! The imports are read from the source: every `use` of `super::`, `self::`,
//! `crate::model::` or a child module, every such path written out in the code, and every
//! such path a serde or schemars attribute names in a string. A file's unit tests are held
//! to the same rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The rooms from the ground up. A room may use the rooms on the floors below its own,
/// and no other; rooms that share a floor stand side by side and use neither each other.
const FLOORS: &[&[&str]] = &[
    &["types"],
    &["read", "relate"],
    &["rules"],
    &["load"],
    &["curate"],
];

/// A module's path inside `crate::model`: `["read", "build"]` for `src/model/read/build.rs`,
/// empty for the door.
type ModPath = Vec<String>;

/// An import from one file of the model to another, each named by its module's path.
type Arrow = (ModPath, ModPath);

#[test]
fn the_models_imports_run_one_way() {
    let problems = check(&model_sources());
    assert!(
        problems.is_empty(),
        "imports in src/model that break its rooms' order (see docs/architecture.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_file_of_the_model_stands_in_a_room() {
    for path in model_sources().keys() {
        if let Some(room) = path.first() {
            assert!(
                floor(room).is_some(),
                "src/model/{}: `{room}` is on no floor of FLOORS: put the file in a room, or give its room a floor",
                path.join("/")
            );
        }
    }
}

#[test]
fn the_model_imports_nothing_else_of_the_crate() {
    for (path, text) in model_sources() {
        for (_, import) in paths_named(&path, &text) {
            assert!(
                import[0] != "crate" || import[1] == "model",
                "src/model/{}: imports {} (the model uses nothing else in the crate)",
                path.join("/"),
                import.join("::")
            );
        }
    }
}

/// The reading finds imports the model is known to have: were it to find none, the checks
/// above would pass without meaning anything.
#[test]
fn the_arrows_read_include_known_ones() {
    let arrows = arrows(&model_sources());
    for (from, to) in [
        ("read/build", "read/reader"),
        ("read/build", "types"),
        ("relate/scope", "relate/index"),
        ("rules/validate/map", "rules/validate"),
        ("rules/validate", "rules/validate/quote"),
        ("rules/lint", "relate"),
        ("load", "rules/validate"),
        ("curate/progress/names", "curate/draft"),
        ("types/item", "types/section"),
        ("", "types"),
    ] {
        assert!(
            arrows.contains(&(module(from), module(to))),
            "no arrow read from `{from}` to `{to}`"
        );
    }
}

/// The check itself, on a made-up model: each kind of break is reported, and an import
/// that runs down is not.
#[test]
fn each_kind_of_break_is_caught() {
    let files: BTreeMap<ModPath, String> = [
        (
            "",
            "mod types;\nmod read;\nmod relate;\npub use types::Model;\n",
        ),
        ("types", "mod a;\nmod b;\nmod c;\npub use a::Model;\n"),
        // Up: the types use the reading room.
        ("types/a", "use crate::model::read::Diagnostic;\n"),
        // A loop inside a room.
        ("types/b", "use super::c::C;\n"),
        ("types/c", "use super::{b::B, a::Model};\n"),
        // Side by side: read uses relate, on its own floor. A path in the code runs down.
        (
            "read",
            "use crate::model::relate::Index;\nfn f() { super::types::b::f(); }\n",
        ),
        // Through the door, in a test module.
        (
            "relate",
            "#[cfg(test)]\nmod tests {\n    use crate::model::Model;\n}\n",
        ),
        // An attribute's path, in a string.
        (
            "relate/x",
            "#[serde(with = \"crate::model::read\")]\nstruct X;\n",
        ),
    ]
    .into_iter()
    .map(|(path, text)| (module(path), text.to_string()))
    .collect();
    let problems = check(&files).join("\n");
    for expected in [
        "types/a imports read",
        "read imports relate",
        "relate imports the model's door",
        "relate/x imports read",
        "a loop inside `types`: types/b -> types/c -> types/b",
    ] {
        assert!(
            problems.contains(expected),
            "`{expected}` not in:\n{problems}"
        );
    }
    assert_eq!(problems.lines().count(), 5, "{problems}");
}

/// The module path written `read/build`.
fn module(path: &str) -> ModPath {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The floor of a room: 0 for `types`; `None` for a name that is no room.
fn floor(room: &str) -> Option<usize> {
    FLOORS.iter().position(|rooms| rooms.contains(&room))
}

/// Every problem with the imports of `files`, one line each.
fn check(files: &BTreeMap<ModPath, String>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut inside: BTreeMap<String, BTreeSet<Arrow>> = BTreeMap::new();
    for (from, to) in arrows(files) {
        let Some(room) = from.first().cloned() else {
            continue; // the door uses every room
        };
        match to.first() {
            None => problems.push(format!("{} imports the model's door", from.join("/"))),
            Some(target) if *target == room => {
                inside.entry(room).or_default().insert((from, to));
            }
            Some(target) => {
                let runs_down =
                    matches!((floor(&room), floor(target)), (Some(a), Some(b)) if b < a);
                if !runs_down {
                    problems.push(format!("{} imports {target}", from.join("/")));
                }
            }
        }
    }
    for (room, arrows) in inside {
        if let Some(circle) = a_loop(&arrows) {
            problems.push(format!("a loop inside `{room}`: {}", circle.join(" -> ")));
        }
    }
    problems
}

/// One loop among `arrows`, as the files it goes through from and back to its first.
fn a_loop(arrows: &BTreeSet<Arrow>) -> Option<Vec<String>> {
    for (start, _) in arrows {
        // From `start`, each file reached and the file it was reached from.
        let mut reached: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
        let mut todo = vec![start];
        while let Some(at) = todo.pop() {
            for (_, to) in arrows.iter().filter(|(from, _)| from == at) {
                if to == start {
                    let mut circle = vec![start.join("/")];
                    let mut back = at;
                    while back != start {
                        circle.insert(1, back.join("/"));
                        back = reached[back];
                    }
                    circle.push(start.join("/"));
                    return Some(circle);
                }
                if !reached.contains_key(to) {
                    reached.insert(to, at);
                    todo.push(to);
                }
            }
        }
    }
    None
}

/// Every arrow between two files of the model: the file that imports, and the file that
/// holds the module it names. A file's imports of itself are left out.
fn arrows(files: &BTreeMap<ModPath, String>) -> BTreeSet<Arrow> {
    let mut arrows = BTreeSet::new();
    for (path, text) in files {
        for (scope, import) in paths_named(path, text) {
            let Some((mut target, taken)) = start_of(&scope, &import, files) else {
                continue;
            };
            // Down to the deepest module of the path that is a file.
            for segment in &import[taken..] {
                target.push(segment.clone());
                if !files.contains_key(&target) {
                    target.pop();
                    break;
                }
            }
            if target != *path {
                arrows.insert((path.clone(), target));
            }
        }
    }
    arrows
}

/// The module of the model where `import`, named in module `scope`, starts, and how many
/// of its segments lead there; `None` for a path outside the model (`std::`, another
/// crate, a name in scope).
fn start_of(
    scope: &ModPath,
    import: &[String],
    files: &BTreeMap<ModPath, String>,
) -> Option<(ModPath, usize)> {
    match import[0].as_str() {
        "crate" => (import.get(1)? == "model").then(|| (Vec::new(), 2)),
        "super" | "self" => {
            let mut start = scope.clone();
            let mut taken = 0;
            for segment in import {
                match segment.as_str() {
                    "super" => {
                        start.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                taken += 1;
            }
            Some((start, taken))
        }
        // A child module named without `self::` (`use quote::misquote;`).
        child => {
            let below = [scope.as_slice(), &[child.to_string()]].concat();
            files.contains_key(&below).then(|| (scope.clone(), 0))
        }
    }
}

/// Every path of two or more segments a file names in a `use` (spread out), and every
/// path outside one that starts with `super`, `self` or `crate`; each with the module
/// it is named in: the file's own, or an inline module's (`mod tests { ... }`).
fn paths_named(path: &ModPath, text: &str) -> Vec<(ModPath, Vec<String>)> {
    let code = without_comments_and_strings(text);
    let mut scopes = vec![(path.clone(), String::new())];
    for line in code.lines() {
        let in_file = scopes.last().is_some_and(|(scope, _)| scope == path);
        // rustfmt puts an inline module's `mod name {` and its closing `}` at the margin.
        let opens = line
            .strip_prefix("pub ")
            .unwrap_or(line)
            .strip_prefix("mod ");
        if let Some(name) = opens.and_then(|l| l.strip_suffix(" {")).filter(|_| in_file) {
            scopes.push((
                [path.as_slice(), &[name.to_string()]].concat(),
                String::new(),
            ));
        } else if !in_file && line == "}" {
            scopes.push((path.clone(), String::new()));
        } else if let Some((_, code)) = scopes.last_mut() {
            code.push_str(line);
            code.push('\n');
        }
    }
    let mut named = Vec::new();
    for (scope, code) in scopes {
        let mut rest = code.as_str();
        let mut outside = String::new();
        while let Some(at) = find_word(rest, "use") {
            outside.push_str(&rest[..at]);
            let end = rest[at..].find(';').map_or(rest.len(), |e| at + e);
            // `A as B` imports `A`; then the tree loses its spaces.
            let tree = rest[at + 3..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut paths = Vec::new();
            spread(&tree.replace(" as ", "@").replace(' ', ""), &[], &mut paths);
            named.extend(paths.into_iter().map(|p| (scope.clone(), p)));
            rest = rest.get(end + 1..).unwrap_or("");
        }
        outside.push_str(rest);
        for word in outside.split(|c: char| !is_ident(c) && c != ':') {
            let segments: Vec<String> = word.split("::").map(String::from).collect();
            let from_here = matches!(segments[0].as_str(), "super" | "self" | "crate");
            if from_here && segments.len() > 1 && segments.iter().all(|s| !s.is_empty()) {
                named.push((scope.clone(), segments));
            }
        }
    }
    named.retain(|(_, p)| p.len() > 1);
    named
}

/// Spreads a `use` tree without spaces (`a::{b, c::{d, e}}`, `x@y` for `x as y`) into its
/// paths, each under `prefix`.
fn spread(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let segments = |s: &str| -> Vec<String> {
        s.split("::")
            .filter(|s| !s.is_empty() && *s != "*")
            .map(String::from)
            .collect()
    };
    match tree.find('{') {
        Some(open) if tree.ends_with('}') => {
            let prefix = [prefix, &segments(&tree[..open])].concat();
            let inner = &tree[open + 1..tree.len() - 1];
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        spread(&inner[start..i], &prefix, out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            spread(&inner[start..], &prefix, out);
        }
        _ => {
            let name = tree.split('@').next().unwrap_or(tree);
            out.push([prefix, &segments(name)].concat());
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where `word` first stands in `text` as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        !text[..at].chars().next_back().is_some_and(is_ident)
            && !text[at + word.len()..].chars().next().is_some_and(is_ident)
    })
}

/// `text` with its comments and its string and character literals blanked out, its lines
/// kept. A string that holds nothing but a path from `super`, `self` or `crate` (as
/// `schema_with = "..."` does) is kept as the bare path, since the attribute uses it.
fn without_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let newlines = |from: usize, to: usize| {
        chars[from..to.min(chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], at(i + 1));
        let after_ident = i > 0 && is_ident(chars[i - 1]);
        // Where the literal or comment that starts here ends, and what stands for it.
        let (end, kept) = if c == '/' && next == '/' {
            let end = (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len());
            (end, String::new())
        } else if c == '/' && next == '*' {
            let end = (i + 2..chars.len()).find(|&j| chars[j] == '*' && at(j + 1) == '/');
            (end.map_or(chars.len(), |e| e + 2), String::new())
        } else if c == 'r' && !after_ident && (next == '"' || (next == '#' && at(i + 2) == '"')) {
            let hashes = usize::from(next == '#');
            let open = i + 1 + hashes;
            let closes = |j: usize| chars[j] == '"' && (hashes == 0 || at(j + 1) == '#');
            let close = (open + 1..chars.len())
                .find(|&j| closes(j))
                .unwrap_or(chars.len());
            (close + 1 + hashes, "\"\"".to_string())
        } else if c == '"' {
            let mut j = i + 1;
            let mut content = String::new();
            while j < chars.len() && chars[j] != '"' {
                j += usize::from(chars[j] == '\\');
                content.push(at(j));
                j += 1;
            }
            let is_path = ["super::", "self::", "crate::"]
                .iter()
                .any(|p| content.starts_with(p))
                && content
                    .split("::")
                    .all(|s| !s.is_empty() && s.chars().all(is_ident));
            (j + 1, if is_path { content } else { "\"\"".to_string() })
        } else if c == '\'' && !after_ident && (next == '\\' || at(i + 2) == '\'') {
            // A character literal ('x', '\n', '\u{1b}'); a lifetime ('a) is left as it is.
            let from = if next == '\\' { i + 3 } else { i + 2 };
            let close = (from..chars.len())
                .find(|&j| chars[j] == '\'')
                .unwrap_or(chars.len());
            (close + 1, "' '".to_string())
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        out.push_str(&kept);
        out.extend(std::iter::repeat_n('\n', newlines(i, end)));
        i = end;
    }
    out
}

/// Every `.rs` file under `src/model`, by its module's path.
fn model_sources() -> BTreeMap<ModPath, String> {
    let mut files = BTreeMap::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"),
        &[],
        &mut files,
    );
    assert!(
        files.len() > 20,
        "src/model holds too few files to have been read right"
    );
    files
}

fn collect(dir: &Path, at: &[String], files: &mut BTreeMap<ModPath, String>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            collect(&path, &[at, &[name]].concat(), files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = if name == "mod" {
                at.to_vec()
            } else {
                [at, &[name]].concat()
            };
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.insert(module, text);
        }
    }
}
