//! A query's filters made ready to test items: each value looked up once (`filter` makes
//! them from a query), then tested against every item a search reads.

use super::HitKind;
use super::items::{Columns, Item};

/// A query's filters made ready to test items, each value looked up once.
pub(super) struct Sieve {
    tests: Vec<Test>,
}

/// One filter, ready: an item passes when any of its values does.
pub(super) enum Test {
    Within(Vec<HitKind>),
    /// Verdicts, as bits.
    Verdicts(u8),
    /// Event statuses, as bits.
    Statuses(u8),
    /// Claim and actor kinds, as bits, and kinds of item.
    Kinds {
        bits: u16,
        within: Vec<HitKind>,
    },
    /// The actors the values name, sorted.
    Actors(Vec<u32>),
    /// Argument roles, as bits, and the values as words of an actor's role.
    Roles {
        bits: u8,
        words: Vec<String>,
    },
}

impl Test {
    fn passes(&self, item: &Item, columns: &Columns) -> bool {
        match self {
            Test::Within(kinds) => kinds.contains(&item.kind),
            Test::Verdicts(bits) => item.verdicts & bits != 0,
            Test::Statuses(bits) => item.status & bits != 0,
            Test::Kinds { bits, within } => {
                item.kind_word & bits != 0 || within.contains(&item.kind)
            }
            Test::Actors(wanted) => columns
                .actors_of(item)
                .iter()
                .any(|a| wanted.binary_search(a).is_ok()),
            Test::Roles { bits, words } => {
                item.roles & bits != 0
                    || columns
                        .role_of(item)
                        .is_some_and(|r| words.iter().any(|w| r.contains(w.as_str())))
            }
        }
    }

    /// The order tests run in: the cheapest first.
    fn cost(&self) -> u8 {
        match self {
            Test::Within(_) | Test::Verdicts(_) => 0,
            Test::Statuses(_) | Test::Kinds { .. } => 1,
            Test::Actors(_) => 2,
            Test::Roles { .. } => 3,
        }
    }
}

impl Sieve {
    /// The sieve of these tests, the cheapest run first.
    pub(super) fn new(mut tests: Vec<Test>) -> Sieve {
        tests.sort_by_key(Test::cost);
        Sieve { tests }
    }

    /// Whether every filter lets the item through.
    pub(super) fn passes(&self, item: &Item, columns: &Columns) -> bool {
        self.tests.iter().all(|t| t.passes(item, columns))
    }
}
