//! What is left to do in a model, for a curator working down from a draft: placeholders
//! still to fill, sentences with no claim, claims in no argument node, dates inferred
//! with no note, forecasts with no review, and names the text repeats that no actor
//! lists; with one figure, the share of the work left, that falls to zero.

mod names;

use std::collections::HashSet;

use crate::model::load::Survey;
use crate::model::read::Diagnostic;
use crate::model::relate::body_number;
use crate::model::types::{Basis, ClaimKind, Model, STILL_TO_FILL, Sentence, SentenceRole};

pub use names::{NameSuggestion, unlisted_names};

/// One item left to do: its id and a short label (a sentence's text, a claim's, an
/// event's title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    pub id: String,
    pub label: String,
}

/// What is left to do in a model, and how much has been done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Placeholders still to be filled, as `check` reports them (located).
    pub placeholders: Vec<Diagnostic>,
    /// Headline, standfirst and body sentences with no claim.
    pub uncovered: Vec<Left>,
    /// How many sentences need a claim (headline, standfirst and body).
    pub sentences: usize,
    /// Claims in no argument node.
    pub unmapped: Vec<Left>,
    pub claims: usize,
    /// The article and the events whose date is inferred but has no note saying from what.
    pub unexplained: Vec<Left>,
    /// How many dates are inferred.
    pub inferred: usize,
    /// Forecasts that no review judges.
    pub unreviewed: Vec<Left>,
    pub forecasts: usize,
    /// Suggestions, not counted: names the text repeats that no actor lists.
    pub names: Vec<NameSuggestion>,
    /// Errors `check` reports that are mistakes rather than work left to do.
    pub mistakes: usize,
    /// Warnings `check` reports.
    pub warnings: usize,
}

impl Progress {
    /// What is left in a model read as far as it goes.
    pub fn of(survey: &Survey) -> Progress {
        let model = &survey.model;
        let placeholders: Vec<Diagnostic> = survey
            .diagnostics
            .iter()
            .filter(|d| d.todo && d.message.ends_with(STILL_TO_FILL))
            .cloned()
            .collect();
        let mistakes = survey
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && !d.todo)
            .count();
        let warnings = survey.diagnostics.iter().filter(|d| !d.is_error()).count();
        let (uncovered, sentences) = uncovered(model);
        let (unmapped, claims) = unmapped(model);
        let (unexplained, inferred) = unexplained(model);
        let (unreviewed, forecasts) = unreviewed(model);
        Progress {
            placeholders,
            uncovered,
            sentences,
            unmapped,
            claims,
            unexplained,
            inferred,
            unreviewed,
            forecasts,
            names: unlisted_names(model),
            mistakes,
            warnings,
        }
    }

    /// How many things are left to do (name suggestions aside).
    pub fn left(&self) -> usize {
        self.placeholders.len()
            + self.uncovered.len()
            + self.unmapped.len()
            + self.unexplained.len()
            + self.unreviewed.len()
    }

    /// How many things there are to do, done or not: each placeholder left, each
    /// sentence that needs a claim, each claim, each inferred date, each forecast.
    pub fn total(&self) -> usize {
        self.placeholders.len() + self.sentences + self.claims + self.inferred + self.forecasts
    }

    /// The share of the work left, in whole per cent, rounded up: it is 0 only when
    /// nothing is left.
    pub fn percent_left(&self) -> usize {
        let (left, total) = (self.left(), self.total());
        if total == 0 {
            return 0;
        }
        (left * 100).div_ceil(total)
    }
}

/// A label cut to a line's worth.
fn short(text: &str) -> String {
    const MAX: usize = 72;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

fn uncovered(model: &Model) -> (Vec<Left>, usize) {
    let quoted: HashSet<&str> = model.claims.iter().map(|c| c.sentence.as_str()).collect();
    let carrying: Vec<_> = model
        .sentences
        .iter()
        .filter(|s| s.role.carries_claims())
        .collect();
    // Placed as a reader counts, as the explorer and `show` place it.
    let first = model
        .sentences
        .iter()
        .find(|s| s.role == SentenceRole::Body)
        .map(|s| s.paragraph);
    let place = |s: &Sentence| match (s.role, body_number(first, s.paragraph)) {
        (SentenceRole::Body, Some(n)) => format!("paragraph {n}"),
        (role, _) => format!("the {role}"),
    };
    let left = carrying
        .iter()
        .filter(|s| !quoted.contains(s.id.as_str()))
        .map(|s| Left {
            id: s.id.clone(),
            label: short(&format!("{}: {}", place(s), s.text)),
        })
        .collect();
    (left, carrying.len())
}

fn unmapped(model: &Model) -> (Vec<Left>, usize) {
    let mapped: HashSet<&str> = model
        .arguments
        .iter()
        .flat_map(|a| a.claims.iter().map(String::as_str))
        .collect();
    let left = model
        .claims
        .iter()
        .filter(|c| !mapped.contains(c.id.as_str()))
        .map(|c| Left {
            id: c.id.clone(),
            label: short(&c.text),
        })
        .collect();
    (left, model.claims.len())
}

fn unexplained(model: &Model) -> (Vec<Left>, usize) {
    let article = &model.article;
    let mut inferred = 0;
    let mut left = Vec::new();
    if article.published_basis == Basis::Inferred {
        inferred += 1;
        if article.published_note.is_none() {
            left.push(Left {
                id: article.id.clone(),
                label: "the article's date".to_string(),
            });
        }
    }
    for event in &model.events {
        if event.date_basis == Basis::Inferred {
            inferred += 1;
            if event.date_note.is_none() {
                left.push(Left {
                    id: event.id.clone(),
                    label: short(&event.title),
                });
            }
        }
    }
    (left, inferred)
}

fn unreviewed(model: &Model) -> (Vec<Left>, usize) {
    // As `check` holds it: only a model with a record owes every forecast a review.
    if !model.has_record() {
        return (Vec::new(), 0);
    }
    let reviewed: HashSet<&str> = model
        .reviews
        .iter()
        .flat_map(|r| r.claims.iter().map(String::as_str))
        .collect();
    let forecasts: Vec<_> = model
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Forecast)
        .collect();
    let left = forecasts
        .iter()
        .filter(|c| !reviewed.contains(c.id.as_str()))
        .map(|c| Left {
            id: c.id.clone(),
            label: short(&c.text),
        })
        .collect();
    (left, forecasts.len())
}
