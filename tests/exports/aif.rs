//! `export --format aif`, loaded by arguebuf (PyPI) in tests/exports/aif.py.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use claimscope::model::{Model, Stance};
use serde_json::Value;

use crate::common::Scratch;
use crate::tools::{export, hostile_model, model_at, python_with, repo, run, skip};

/// What arguebuf reports for the export of `data`.
fn load(python: &Path, scratch: &Scratch, data: Option<&Path>) -> Value {
    let file = scratch.file("graph.json", export("aif", data).as_bytes());
    let out = run(
        Command::new(python)
            .arg(repo().join("tests/exports/aif.py"))
            .arg(&file),
        Duration::from_secs(120),
    );
    assert!(
        out.status.success(),
        "arguebuf failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script's JSON")
}

fn check(found: &Value, model: &Model) {
    let claims = model.claims.len();
    let nodes = model.arguments.len();
    let grounded = model.arguments.iter().filter(|n| !n.claims.is_empty());
    let grounds = grounded.clone().count();
    let premises: usize = grounded.map(|n| n.claims.len()).sum();
    let stance = |wanted: &[Stance]| {
        let stances = model.arguments.iter().filter_map(|n| n.stance);
        stances.filter(|s| wanted.contains(s)).count()
    };
    let supports = stance(&[Stance::Supports]);
    let attacks = stance(&[Stance::Attacks, Stance::Qualifies]);
    let related = supports + attacks;

    assert_eq!(
        found["atoms"],
        claims + nodes,
        "I-nodes: claims and map nodes"
    );
    assert_eq!(found["supports"], grounds + supports, "RA nodes");
    assert_eq!(found["attacks"], attacks, "CA nodes");
    assert_eq!(
        found["edges"],
        premises + grounds + 2 * related,
        "edges between I-, RA- and CA-nodes"
    );
    // arguebuf keeps no dialogue: it skips each L-YA and YA-I edge, and nothing else.
    assert_eq!(found["skipped"], 2 * claims, "dialogue edges");
    assert_eq!(found["other_warnings"], Value::Array(Vec::new()));
    assert_eq!(found["types"]["L"], claims, "one L-node a quote");
    assert_eq!(found["types"]["YA"], claims, "one YA-node a quote");
    assert_eq!(found["locutions"], claims);
    assert_eq!(found["spoken_by_participants"], true);
    for claim in &model.claims {
        assert_eq!(found["atom_texts"][&claim.id], claim.text.as_str());
    }
}

#[test]
fn arguebuf_loads_every_claim_node_and_relation() {
    let Some(python) = python_with(&["arguebuf"]) else {
        skip("arguebuf is not installed (bash .ci/tools installs it)");
        return;
    };
    let scratch = Scratch::new("aif-bundled");
    check(&load(&python, &scratch, None), &crate::bundled());
    let path = hostile_model(&scratch);
    check(&load(&python, &scratch, Some(&path)), &model_at(&path));
}

#[test]
fn aif_quotes_are_the_authors_locutions_anchored_to_their_claims() {
    // Without the tool: the AIF shape arguebuf does not read (L- and YA-nodes).
    let model = crate::bundled();
    let graph: Value = serde_json::from_str(&export("aif", None)).expect("JSON");
    let nodes = graph["nodes"].as_array().expect("nodes");
    let edges = graph["edges"].as_array().expect("edges");
    let node = |id: &str| nodes.iter().find(|n| n["nodeID"] == id);
    let edge = |from: &str, to: &str| edges.iter().any(|e| e["fromID"] == from && e["toID"] == to);
    for claim in &model.claims {
        let quote = format!("{}: {}", model.article.author, claim.quote);
        let said = nodes
            .iter()
            .find(|n| n["type"] == "L" && n["text"] == quote.as_str())
            .unwrap_or_else(|| panic!("no L-node for {}", claim.id));
        let said = said["nodeID"].as_str().expect("id");
        let anchor = edges
            .iter()
            .filter(|e| e["fromID"] == said)
            .filter_map(|e| node(e["toID"].as_str()?))
            .find(|n| n["type"] == "YA")
            .unwrap_or_else(|| panic!("no YA-node from {said}"));
        let anchor = anchor["nodeID"].as_str().expect("id");
        assert!(
            edge(anchor, &claim.id),
            "{anchor} does not anchor {}",
            claim.id
        );
    }
    let participants = graph["participants"].as_array().expect("participants");
    assert_eq!(participants.len(), 1);
    let name = format!(
        "{} {}",
        participants[0]["firstname"].as_str().unwrap_or_default(),
        participants[0]["surname"].as_str().unwrap_or_default()
    );
    assert_eq!(name.trim(), model.article.author);
}
