//! `export --format argdown`, parsed by the Argdown command line (`@argdown/cli` 1.7.5).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use claimscope::model::{Model, Stance};
use serde_json::Value;

use crate::common::Scratch;
use crate::tools::{export, hostile_model, model_at, node_tool, run, skip};

/// What Argdown must find in the map of `model`: statements, and relations by type.
fn expected(model: &Model) -> (usize, BTreeMap<String, usize>) {
    let statements = model.claims.len() + model.arguments.len();
    let mut relations = BTreeMap::new();
    for node in &model.arguments {
        let mut distinct = node.claims.clone();
        distinct.sort();
        distinct.dedup();
        *relations.entry("support".to_string()).or_default() += distinct.len();
        let kind = match node.stance {
            None => continue,
            Some(Stance::Supports) => "support",
            // Argdown has no qualifying relation: a qualifier is drawn as an attack.
            Some(Stance::Attacks | Stance::Qualifies) => "attack",
        };
        *relations.entry(kind.to_string()).or_default() += 1;
    }
    (statements, relations)
}

/// Runs `argdown json` on the export of `data` and returns what Argdown built.
fn parse(argdown: &Path, scratch: &Scratch, data: Option<&Path>) -> Value {
    let source = scratch.file("map.argdown", export("argdown", data).as_bytes());
    let out_dir = scratch.0.join("json");
    let out = run(
        Command::new(argdown)
            .arg("json")
            .arg("--throwExceptions")
            .arg(&source)
            .arg(&out_dir),
        Duration::from_secs(120),
    );
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "argdown failed: {printed}");
    assert!(
        !printed.to_lowercase().contains("error"),
        "argdown reported errors: {printed}"
    );
    let json = std::fs::read_to_string(out_dir.join("map.json")).expect("argdown wrote JSON");
    serde_json::from_str(&json).expect("Argdown's JSON")
}

/// A statement's text as Argdown read it, without the tags it keeps at the end.
fn statement_text(statement: &Value) -> String {
    let member = &statement["members"][0];
    let text = member["text"].as_str().unwrap_or_default();
    let cut = member["ranges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["type"] == "tag")
        .filter_map(|r| r["start"].as_u64())
        .min()
        .map_or(text.len(), |start| {
            text.char_indices()
                .nth(start as usize)
                .map_or(text.len(), |(at, _)| at)
        });
    text[..cut].trim().to_string()
}

fn check(parsed: &Value, model: &Model) {
    let (statements, relations) = expected(model);
    let found = parsed["statements"].as_object().expect("statements");
    assert_eq!(found.len(), statements, "statements");
    assert_eq!(
        parsed["arguments"].as_object().map_or(0, |a| a.len()),
        0,
        "the export makes no Argdown arguments"
    );
    let mut by_type = BTreeMap::new();
    for relation in parsed["relations"].as_array().expect("relations") {
        let kind = relation["relationType"].as_str().expect("type").to_string();
        *by_type.entry(kind).or_insert(0usize) += 1;
    }
    assert_eq!(by_type, relations, "relations by type");
    for claim in &model.claims {
        let statement = &found[&claim.id];
        assert_eq!(statement_text(statement), claim.text, "{}", claim.id);
        let data = &statement["data"];
        assert_eq!(data["quote"], claim.quote.as_str(), "{}", claim.id);
        assert_eq!(data["kind"], claim.kind.as_str(), "{}", claim.id);
        assert_eq!(data["id"], claim.id.as_str(), "{}", claim.id);
        let tags = statement["tags"].as_array().expect("tags");
        assert!(tags.contains(&Value::from(claim.kind.as_str())), "{tags:?}");
    }
    for node in &model.arguments {
        let statement = &found[&node.id];
        assert_eq!(statement_text(statement), node.title, "{}", node.id);
        assert_eq!(statement["data"]["role"], node.role.as_str());
        // The relation to the parent runs from the node to the parent.
        if let (Some(parent), Some(stance)) = (&node.parent, node.stance) {
            let kind = if stance == Stance::Supports {
                "support"
            } else {
                "attack"
            };
            let relations = statement["relations"].as_array().expect("relations");
            assert!(
                relations.iter().any(|r| r["from"] == node.id.as_str()
                    && r["to"] == parent.as_str()
                    && r["relationType"] == kind),
                "{} {stance} {parent}: {relations:?}",
                node.id
            );
        }
    }
}

#[test]
fn argdown_parses_the_map_with_every_claim_node_and_relation() {
    let Some(argdown) = node_tool("argdown") else {
        skip("argdown is not installed (bash .ci/tools installs it)");
        return;
    };
    let scratch = Scratch::new("argdown-bundled");
    check(&parse(&argdown, &scratch, None), &crate::bundled());
}

#[test]
fn argdown_reads_text_full_of_its_own_syntax_as_plain_text() {
    let Some(argdown) = node_tool("argdown") else {
        skip("argdown is not installed (bash .ci/tools installs it)");
        return;
    };
    let scratch = Scratch::new("argdown-hostile");
    let path = hostile_model(&scratch);
    check(&parse(&argdown, &scratch, Some(&path)), &model_at(&path));
}

#[test]
fn argdown_export_nests_every_node_under_its_parent() {
    // Without the tool: the relation lines follow the map's stances.
    let model = crate::bundled();
    let text = export("argdown", None);
    for node in &model.arguments {
        let line = text
            .lines()
            .find(|l| l.trim_start().contains(&format!("[{}]: ", node.id)))
            .unwrap_or_else(|| panic!("no statement for {}", node.id));
        let symbol = match node.stance {
            None => "[",
            Some(Stance::Supports) => "<+ [",
            Some(Stance::Attacks | Stance::Qualifies) => "<- [",
        };
        assert!(line.trim_start().starts_with(symbol), "{line}");
        if node.stance == Some(Stance::Qualifies) {
            assert!(line.contains("#qualifies"), "{line}");
        }
    }
}
