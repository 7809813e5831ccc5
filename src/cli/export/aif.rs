//! `export --format aif`: the argument as an AIF graph in AIFdb's JSON, for argument-mining
//! corpora and the tools that read them (arguebuf, OVA, AIFdb).
//!
//! Claims and the map's nodes are I-nodes. Each node's claims are the premises of one RA
//! node whose conclusion is the node; each node but the thesis bears on its parent through
//! an RA node when it supports it and a CA node when it attacks or qualifies it (AIF has no
//! qualifying relation). Each claim's quote is an L-node, said by the article's author and
//! anchored to the claim by a YA node ("Asserting"), with its locution. I-nodes keep the
//! model's ids; the other nodes add a `/` and a word to one, which no model id can clash with.

use std::io::{self, Write};

use claimscope::model::{Index, Stance};
use serde::Serialize;

use super::{claims, write_json};

/// An AIF graph with the dialogue half (locutions, participants) AIFdb adds.
#[derive(Debug, Serialize)]
struct Graph {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
}

#[derive(Debug, Serialize)]
struct Node {
    #[serde(rename = "nodeID")]
    id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    id: String,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
    #[serde(rename = "formEdgeID")]
    form_edge: Option<String>,
}

/// Who said an L-node. AIFdb's `timestamp` is a time of day, finer than any date the model
/// has, so it is left out; `start`, `end` and `source` are unknown.
#[derive(Debug, Serialize)]
struct Locution {
    #[serde(rename = "nodeID")]
    node: String,
    #[serde(rename = "personID")]
    person: String,
    start: Option<String>,
    end: Option<String>,
    source: Option<String>,
}

#[derive(Debug, Serialize)]
struct Participant {
    #[serde(rename = "participantID")]
    id: String,
    firstname: String,
    surname: String,
}

/// The participant id of the article's author, the one speaker.
const AUTHOR: &str = "author";

impl Graph {
    fn node(&mut self, id: String, text: String, kind: &'static str) {
        self.nodes.push(Node { id, text, kind });
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.edges.len() + 1).to_string();
        self.edges.push(Edge {
            id,
            from: from.to_string(),
            to: to.to_string(),
            form_edge: None,
        });
    }
}

/// The argument as AIF JSON.
pub fn aif(index: &Index, out: &mut dyn Write) -> io::Result<u8> {
    let model = index.model();
    let author = model.article.author.as_str();
    // AIFdb splits a name in two; the last word is taken for the surname.
    let (firstname, surname) = author.rsplit_once(' ').unwrap_or(("", author));
    let mut graph = Graph {
        nodes: Vec::new(),
        edges: Vec::new(),
        locutions: Vec::new(),
        participants: vec![Participant {
            id: AUTHOR.to_string(),
            firstname: firstname.to_string(),
            surname: surname.to_string(),
        }],
    };
    for claim in &model.claims {
        let said = format!("{}/L", claim.id);
        let asserting = format!("{}/YA", claim.id);
        graph.node(claim.id.clone(), claim.text.clone(), "I");
        graph.node(said.clone(), format!("{author}: {}", claim.quote), "L");
        graph.node(asserting.clone(), "Asserting".to_string(), "YA");
        graph.edge(&said, &asserting);
        graph.edge(&asserting, &claim.id);
        graph.locutions.push(Locution {
            node: said,
            person: AUTHOR.to_string(),
            start: None,
            end: None,
            source: None,
        });
    }
    for node in &model.arguments {
        graph.node(node.id.clone(), node.title.clone(), "I");
        let grounds = claims(index, &node.claims);
        if !grounds.is_empty() {
            let inference = format!("{}/grounds", node.id);
            graph.node(inference.clone(), "Default Inference".to_string(), "RA");
            for claim in grounds {
                graph.edge(&claim.id, &inference);
            }
            graph.edge(&inference, &node.id);
        }
        let (Some(parent), Some(stance)) = (&node.parent, node.stance) else {
            continue;
        };
        let (text, kind) = match stance {
            Stance::Supports => ("Default Inference", "RA"),
            Stance::Attacks | Stance::Qualifies => ("Default Conflict", "CA"),
        };
        let relation = format!("{}/{stance}", node.id);
        graph.node(relation.clone(), text.to_string(), kind);
        graph.edge(&node.id, &relation);
        graph.edge(&relation, parent);
    }
    write_json(&graph, out)
}
