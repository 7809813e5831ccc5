//! What a query's filters let through, and what is wrong with a query, said for the reader.
//!
//! Every filter must let an item through, a key written twice too; a filter lets an item
//! through when any of its comma-separated values does.

use super::engine::Engine;
use super::items::{kind_bit, role_bit, status_bit, verdict_bit};
use super::sieve::{Sieve, Test};
use super::{Filter, FilterKey, HitKind, Query, lowercase};
use crate::model::{ActorKind, ArgumentRole, ClaimKind, EventStatus, Verdict, Word};

/// Something wrong with a query: `fatal` when a filter can match nothing or names a value no
/// item can have (the search would say "no match", or quietly drop the mistyped choice),
/// else a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    pub message: String,
    pub fatal: bool,
    /// What the query has and what it likely meant, when the message suggests a change
    /// (`kind:forcast` for `kind:forecast`): the search box takes it on Tab.
    pub fix: Option<(String, String)>,
}

impl Engine {
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

    /// The query's filters, ready to test items.
    pub(super) fn sieve(&self, query: &Query) -> Sieve {
        let tests: Vec<Test> = query.filters.iter().map(|f| self.test(f)).collect();
        Sieve::new(tests)
    }

    fn test(&self, filter: &Filter) -> Test {
        let values = &filter.values;
        match filter.key {
            FilterKey::Actor => {
                let mut actors: Vec<u32> =
                    values.iter().flat_map(|v| self.resolve_actors(v)).collect();
                actors.sort_unstable();
                actors.dedup();
                Test::Actors(actors)
            }
            FilterKey::Kind => Test::Kinds {
                bits: values.iter().fold(0, |bits, v| bits | kind_bit(v)),
                within: values
                    .iter()
                    .filter_map(|v| HitKind::from_word(v))
                    .collect(),
            },
            FilterKey::Role => Test::Roles {
                bits: ArgumentRole::ALL
                    .iter()
                    .filter(|r| values.iter().any(|v| v == r.word()))
                    .fold(0, |bits, r| bits | role_bit(*r)),
                words: values.clone(),
            },
            FilterKey::Status => {
                Test::Statuses(values.iter().fold(0, |bits, v| bits | status_bit(v)))
            }
            FilterKey::Verdict => Test::Verdicts(
                Verdict::ALL
                    .iter()
                    .filter(|v| values.iter().any(|w| w == v.word()))
                    .fold(0, |bits, v| bits | verdict_bit(*v)),
            ),
            FilterKey::In => Test::Within(
                values
                    .iter()
                    .filter_map(|v| HitKind::from_word(v))
                    .collect(),
            ),
        }
    }

    /// What is wrong with a query's filters, in words for the reader: a value no item has
    /// (`kind:forcast`, or `kind:forcast,fact`), filters no item can meet together
    /// (`kind:forecast kind:fact`), or what looks like a mistyped filter searched as text
    /// (`stauts:cancelled`). Each message suggests the likely meaning.
    pub fn check(&self, query: &Query, text: &str) -> Vec<QueryProblem> {
        let mut problems: Vec<QueryProblem> = Vec::new();
        let mut refused: Vec<FilterKey> = Vec::new();
        for filter in &query.filters {
            for value in &filter.values {
                let Some(message) = self.unknown(filter.key, value) else {
                    continue;
                };
                refused.push(filter.key);
                let fix = self.likely(filter.key, value).map(|near| {
                    (
                        format!("{}:{value}", filter.key.as_str()),
                        format!("{}:{near}", filter.key.as_str()),
                    )
                });
                let problem = QueryProblem {
                    message,
                    fatal: true,
                    fix,
                };
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
        for key in FilterKey::ALL {
            if refused.contains(&key) {
                continue; // One thing at a time: the mistyped value first.
            }
            let filters: Vec<&Filter> = query.filters_of(key).collect();
            if let Some(message) = never_together(key, &filters) {
                problems.push(QueryProblem {
                    message,
                    fatal: true,
                    fix: None,
                });
            }
        }
        for token in text.split_whitespace() {
            let Some((key, value)) = token.split_once(':') else {
                continue;
            };
            let key = lowercase(key);
            if let Some(known) = FilterKey::from_word(&key) {
                // A key with nothing after it yet: say what it takes.
                if value.is_empty() {
                    let words = known.words();
                    let takes = if words.is_empty() {
                        "an actor's id, name or alias".to_string()
                    } else {
                        words.join(", ")
                    };
                    problems.push(QueryProblem {
                        message: format!("`{key}:` takes a value: {takes}"),
                        fatal: true,
                        fix: None,
                    });
                }
                continue;
            }
            let keys = FilterKey::ALL.iter().map(|k| k.as_str());
            let near = crate::model::closest(&key, keys);
            let fix = near.map(|near| (format!("{key}:"), format!("{near}:")));
            let message = match near {
                Some(near) => {
                    format!("`{token}` is searched as text; did you mean the filter `{near}:`?")
                }
                // Only what reads as a word before the colon: not a time or an address.
                None if !key.is_empty() && key.chars().all(char::is_alphabetic) => format!(
                    "`{token}` is searched as text: `{key}:` is no filter (actor, kind, role, status, verdict, in)"
                ),
                None => continue,
            };
            problems.push(QueryProblem {
                message,
                fatal: false,
                fix,
            });
        }
        problems
    }

    /// The word of `key` that `value`, which is none of them, likely means.
    fn likely(&self, key: FilterKey, value: &str) -> Option<&'static str> {
        let words = key.words();
        if words.contains(&value) {
            return None;
        }
        crate::model::closest(value, words)
    }

    /// Why no item can have `value` under `key`, with the likely meaning; `None` when some
    /// item can.
    fn unknown(&self, key: FilterKey, value: &str) -> Option<String> {
        let known: Vec<&str> = match key {
            FilterKey::Actor => {
                return self.resolve_actors(value).is_empty().then(|| {
                    format!(
                        "no actor is named `{value}`; an actor filter takes an id, a name or an alias"
                    )
                });
            }
            FilterKey::Kind => ClaimKind::ALL
                .iter()
                .map(|k| k.word())
                .chain(ActorKind::ALL.iter().map(|k| k.word()))
                .chain(HitKind::ALL.iter().map(|k| k.as_str()))
                .collect(),
            FilterKey::Role => {
                let of_actor = self.columns.roles().any(|r| r.contains(value));
                if of_actor {
                    return None;
                }
                ArgumentRole::ALL.iter().map(|r| r.word()).collect()
            }
            FilterKey::Status => EventStatus::ALL.iter().map(|s| s.word()).collect(),
            FilterKey::Verdict => Verdict::ALL.iter().map(|v| v.word()).collect(),
            FilterKey::In => HitKind::ALL.iter().map(|k| k.as_str()).collect(),
        };
        if known.contains(&value) {
            return None;
        }
        let key_word = key.as_str();
        let hint = match crate::model::closest(value, known.iter().copied()) {
            Some(near) => format!("did you mean `{key_word}:{near}`?"),
            None => format!("it can be {}", known.join(", ")),
        };
        let noun = if key == FilterKey::In {
            "item kind"
        } else {
            key_word
        };
        Some(format!("no {noun} is `{value}`; {hint}"))
    }
}

/// Why the filters of one key, all of them known values, can match nothing together, for
/// keys of which an item has one value: `kind:forecast kind:fact` (suggesting
/// `kind:forecast,fact`). `None` when some item could pass them all.
fn never_together(key: FilterKey, filters: &[&Filter]) -> Option<String> {
    if filters.len() < 2 {
        return None;
    }
    // What each sort of item can be let through by: an item passes a filter when one of
    // its words is among the filter's values.
    let (one, profiles): (&str, Vec<Vec<&str>>) = match key {
        FilterKey::Kind => {
            let mut profiles: Vec<Vec<&str>> = Vec::new();
            for sort in HitKind::ALL {
                let own: Vec<&str> = match sort {
                    HitKind::Actor => ActorKind::ALL.iter().map(|k| k.word()).collect(),
                    HitKind::Claim => ClaimKind::ALL.iter().map(|k| k.word()).collect(),
                    _ => Vec::new(),
                };
                if own.is_empty() {
                    profiles.push(vec![sort.as_str()]);
                }
                profiles.extend(own.into_iter().map(|word| vec![sort.as_str(), word]));
            }
            ("an item has one kind", profiles)
        }
        FilterKey::Status => (
            "an event has one status",
            EventStatus::ALL.iter().map(|s| vec![s.word()]).collect(),
        ),
        FilterKey::In => (
            "an item is of one kind",
            HitKind::ALL.iter().map(|k| vec![k.as_str()]).collect(),
        ),
        // An item can involve several actors, sit under several argument roles, and a
        // claim can have several verdicts.
        FilterKey::Actor | FilterKey::Role | FilterKey::Verdict => return None,
    };
    let met = |words: &Vec<&str>| {
        filters
            .iter()
            .all(|f| f.values.iter().any(|v| words.contains(&v.as_str())))
    };
    if profiles.iter().any(met) {
        return None;
    }
    let written: Vec<String> = filters.iter().map(|f| f.to_string()).collect();
    let mut either: Vec<&str> = Vec::new();
    for value in filters.iter().flat_map(|f| &f.values) {
        if !either.contains(&value.as_str()) {
            either.push(value);
        }
    }
    Some(format!(
        "{one}: `{}` can match nothing; did you mean `{}:{}`?",
        written.join(" "),
        key.as_str(),
        either.join(",")
    ))
}
