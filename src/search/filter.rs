//! What a query's filters let through, and what is wrong with a query, said for the reader.

use super::engine::Searcher;
use super::items::{Item, role_bit, verdict_bit};
use super::{HitKind, Query, lowercase};
use crate::model::{ArgumentRole, Verdict, Word};

/// Something wrong with a query: `fatal` when a filter can match nothing (the search would
/// only say "no match"), else a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    pub message: String,
    pub fatal: bool,
}

impl Searcher {
    /// Actors a filter value names: exact id, name or alias first, else any containing it.
    pub(super) fn resolve_actors(&self, value: &str) -> Vec<u32> {
        let all = 0..self.actor_names.len() as u32;
        let exact: Vec<u32> = all
            .clone()
            .filter(|i| self.actor_names[*i as usize].iter().any(|n| n == value))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        all.filter(|i| {
            self.actor_names[*i as usize]
                .iter()
                .any(|n| n.contains(value))
        })
        .collect()
    }

    pub(super) fn passes(item: &Item, query: &Query, actors: Option<&[u32]>) -> bool {
        if query.within.is_some_and(|k| k != item.kind) {
            return false;
        }
        if let Some(wanted) = actors
            && !item.actors.iter().any(|a| wanted.contains(a))
        {
            return false;
        }
        if let Some(kind) = &query.kind
            && item.kind_word != Some(kind.as_str())
            && item.kind.as_str() != kind
        {
            return false;
        }
        if let Some(role) = &query.role {
            let argument = ArgumentRole::ALL
                .iter()
                .any(|r| r.word() == role && item.roles & role_bit(*r) != 0);
            let person = item
                .actor_role
                .as_ref()
                .is_some_and(|r| r.contains(role.as_str()));
            if !argument && !person {
                return false;
            }
        }
        if let Some(status) = &query.status
            && item.status != Some(status.as_str())
        {
            return false;
        }
        if let Some(verdict) = &query.verdict {
            let wanted = Verdict::ALL
                .iter()
                .find(|v| v.word() == verdict)
                .map_or(0, |v| verdict_bit(*v));
            if item.verdicts & wanted == 0 {
                return false;
            }
        }
        true
    }

    /// What is wrong with a query's filters, in words for the reader: a value no item has
    /// (`kind:forcast`), or what looks like a mistyped filter searched as text
    /// (`stauts:cancelled`). Each message suggests the likely meaning.
    pub fn check(&self, query: &Query, text: &str) -> Vec<QueryProblem> {
        let model = self.index.model();
        let mut problems = Vec::new();
        let mut refuse = |filter: &str, value: &str, known: Vec<String>| {
            if known.iter().any(|k| k == value) {
                return;
            }
            let hint = match crate::model::closest(value, known.iter().map(String::as_str)) {
                Some(near) => format!("did you mean `{filter}:{near}`?"),
                None => format!("it can be {}", known.join(", ")),
            };
            problems.push(QueryProblem {
                message: format!("no {filter} is `{value}`; {hint}"),
                fatal: true,
            });
        };
        if let Some(kind) = &query.kind {
            let mut known: Vec<String> = crate::model::ClaimKind::ALL
                .iter()
                .map(|k| k.word().to_string())
                .collect();
            known.extend(
                crate::model::ActorKind::ALL
                    .iter()
                    .map(|k| k.word().to_string()),
            );
            known.extend(HitKind::ALL.iter().map(|k| k.as_str().to_string()));
            refuse("kind", kind, known);
        }
        if let Some(status) = &query.status {
            refuse(
                "status",
                status,
                crate::model::EventStatus::ALL
                    .iter()
                    .map(|s| s.word().to_string())
                    .collect(),
            );
        }
        if let Some(verdict) = &query.verdict {
            refuse(
                "verdict",
                verdict,
                Verdict::ALL.iter().map(|v| v.word().to_string()).collect(),
            );
        }
        if let Some(role) = &query.role {
            let of_actor = model
                .actors
                .iter()
                .filter_map(|a| a.role.as_deref())
                .any(|r| lowercase(r).contains(role.as_str()));
            if !of_actor {
                refuse(
                    "role",
                    role,
                    ArgumentRole::ALL
                        .iter()
                        .map(|r| r.word().to_string())
                        .collect(),
                );
            }
        }
        if let Some(actor) = &query.actor
            && self.resolve_actors(actor).is_empty()
        {
            let message = format!(
                "no actor is named `{actor}`; an actor filter takes an id, a name or an alias"
            );
            problems.push(QueryProblem {
                message,
                fatal: true,
            });
        }
        for token in text.split_whitespace() {
            let Some((key, _)) = token.split_once(':') else {
                continue;
            };
            let key = lowercase(key);
            let keys = super::FILTERS.iter().map(|(k, _)| k.trim_end_matches(':'));
            if let Some(near) = crate::model::closest(&key, keys).filter(|near| *near != key) {
                let message =
                    format!("`{token}` is searched as text; did you mean the filter `{near}:`?");
                problems.push(QueryProblem {
                    message,
                    fatal: false,
                });
            }
        }
        problems
    }
}
