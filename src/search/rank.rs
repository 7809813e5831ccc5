//! How hits rank: the key a hit sorts by (an actor named, how well the words matched, the
//! article before the record, the matcher's score), the bound the cheap pass gives each
//! candidate, and a query's terms as the passes need them.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::items::Entry;
use super::matching::{mask, reads_as_known};
use super::{HitKind, Query};

/// An item that matched, with what ranks it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked {
    pub(super) tier: u8,
    /// How well the words were matched: [`WORDS`], [`LETTERS`] or [`SPELLED`].
    pub(super) band: u8,
    pub(super) kind: HitKind,
    pub(super) score: i64,
    pub(super) len: u32,
    pub(super) item: u32,
    /// The entry the hit shows.
    pub(super) entry: u32,
}

/// Every term found as written at the start of a word (`arms` in "its arms sales", `pak`
/// in "Pakistan").
pub(super) const WORDS: u8 = 2;
/// Some term found only letter by letter (`pkstn`).
pub(super) const LETTERS: u8 = 1;
/// Found only once a misspelt term was read as the word it is closest to.
pub(super) const SPELLED: u8 = 0;

impl Ranked {
    /// Best first: an actor named by the query (the tier); then how well the words were
    /// matched (the band); then, at equal quality, the article's items before the
    /// record's, in the order actors, claims, events, arguments, relations, later events,
    /// reviews, sources; then the matcher's score, the shorter text, the file's order.
    ///
    /// The matcher's score alone cannot tell words from scattered letters (it scores
    /// `a r m s` as it scores `arms`), which is why the band comes first.
    pub(super) fn key(&self) -> RankKey {
        (
            Reverse(self.tier),
            Reverse(self.band),
            self.kind,
            Reverse(self.score),
            self.len,
            self.item,
        )
    }
}

pub(super) type RankKey = (Reverse<u8>, Reverse<u8>, HitKind, Reverse<i64>, u32, u32);

impl Entry {
    /// Whether `term` can be read here at all (its letters present, close together), the
    /// entry's lowercased text being `lower`.
    pub(super) fn reads(&self, lower: &str, term: &Term) -> bool {
        term.mask & !self.mask == 0 && reads_as_known(lower, self.ascii, &term.text)
    }
}

/// Whether `term` stands in `lower` as written, at the start of a word.
pub(super) fn at_word_start(lower: &str, term: &Term) -> bool {
    term.finder.find_iter(lower.as_bytes()).any(|at| {
        lower
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A candidate of the cheap pass, with the most the matcher could score it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bounded {
    pub(super) item: u32,
    pub(super) kind: HitKind,
    /// Its band, known from the cheap pass (see [`WORDS`]).
    pub(super) band: u8,
    pub(super) bound: i64,
    pub(super) len: u32,
}

impl Bounded {
    /// The best rank the candidate could get: scored at its bound, named by no term (an
    /// actor, which can be, is always scored).
    pub(super) fn could_be(&self) -> Ranked {
        Ranked {
            tier: 0,
            band: self.band,
            kind: self.kind,
            score: self.bound,
            len: self.len,
            item: self.item,
            entry: 0,
        }
    }
}

/// A query's terms, each with what the cheap pass needs.
pub(super) struct Terms {
    pub(super) list: Vec<Term>,
    /// The terms joined by spaces, for whole-name matches.
    pub(super) whole: String,
}

pub(super) struct Term {
    pub(super) text: String,
    pub(super) mask: u64,
    /// Finds the term as written.
    pub(super) finder: memchr::memmem::Finder<'static>,
    /// The matcher's score for the term at the start of a text, and at the start of a
    /// word elsewhere: the most it gives the term in a text that starts with the term's
    /// first letter, and in any other (checked over millions of pairs in the tests).
    pub(super) at_start: i64,
    pub(super) elsewhere: i64,
}

impl Terms {
    pub(super) fn new(matcher: &SkimMatcherV2, query: &Query) -> Terms {
        let list = query
            .terms
            .iter()
            .map(|t| Term {
                text: t.clone(),
                mask: mask(t),
                finder: memchr::memmem::Finder::new(t.as_bytes()).into_owned(),
                at_start: matcher.fuzzy_match(t, t).unwrap_or(i64::MAX / 4),
                elsewhere: matcher
                    .fuzzy_match(&format!(" {t}"), t)
                    .unwrap_or(i64::MAX / 4),
            })
            .collect();
        Terms {
            list,
            whole: query.terms.join(" "),
        }
    }
}
