//! Reading a misspelt term as the word it is closest to: `zardary` as `zardari`, `kaynai`
//! as `kayani`, `russai` as `russia`. A term is read anew only when it is no word of the
//! model's texts and begins none (`pak` is left alone: it begins `pakistan`), and only as
//! a word within [`allowed`] edits of it (a letter changed, added or dropped, or two
//! neighbours swapped).
//!
//! The words are gathered from the engine's texts the first time a search needs them, so
//! a session that never misspells never pays for them.

use std::cmp::Reverse;

use crate::model::edit_distance;

/// The distinct words of a model's texts, sorted, each with how often it occurs.
pub(super) struct Vocabulary {
    words: Vec<(Box<str>, u32)>,
}

/// How many edits a term of `chars` characters may be from the word it is read as: none
/// below four characters (too many words are one edit from `arm`), one up to five, two
/// from six.
pub(super) fn allowed(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

/// The words of `text`: runs of letters and digits.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Vocabulary {
    /// The words of `texts` (already lowercased).
    pub(super) fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut counts: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        for text in texts {
            for word in words(text) {
                *counts.entry(word).or_default() += 1;
            }
        }
        let mut words: Vec<(Box<str>, u32)> =
            counts.into_iter().map(|(w, n)| (w.into(), n)).collect();
        words.sort_unstable();
        Vocabulary { words }
    }

    /// Whether `term` is a word of the texts or begins one.
    pub(super) fn knows(&self, term: &str) -> bool {
        let at = self.words.partition_point(|(w, _)| &**w < term);
        self.words.get(at).is_some_and(|(w, _)| w.starts_with(term))
    }

    /// The word `term` is most likely a misspelling of: the fewest edits away, within
    /// [`allowed`]; at equal edits the more frequent, then the first in order. `None` for
    /// a term the texts know, or one no word is near enough.
    pub(super) fn correct(&self, term: &str) -> Option<&str> {
        let chars = term.chars().count();
        let most = allowed(chars);
        if most == 0 || self.knows(term) {
            return None;
        }
        let mut best: Option<(usize, u32, &str)> = None;
        for (word, count) in &self.words {
            let len = word.chars().count();
            if len.abs_diff(chars) > most {
                continue;
            }
            let edits = edit_distance(term, word);
            if edits > most {
                continue;
            }
            let better = best.is_none_or(|(e, n, _)| (edits, Reverse(*count)) < (e, Reverse(n)));
            if better {
                best = Some((edits, *count, word));
            }
        }
        best.map(|(_, _, word)| word)
    }
}

/// Whether `query` (its terms joined by spaces) is a misspelling of `name` (lowercased):
/// the whole within [`allowed`] edits of it, or each term within its own allowance of a
/// word of it.
pub(super) fn misspells(name: &str, terms: &[String]) -> bool {
    let whole = terms.join(" ");
    let chars = whole.chars().count();
    let most = allowed(chars);
    if most == 0 {
        return false;
    }
    if name.chars().count().abs_diff(chars) <= most && edit_distance(&whole, name) <= most {
        return true;
    }
    terms.iter().all(|term| {
        let most = allowed(term.chars().count());
        most > 0
            && words(name).any(|word| {
                word.chars().count().abs_diff(term.chars().count()) <= most
                    && edit_distance(term, word) <= most
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            [
                "asif ali zardari",
                "zardari visits russia",
                "kayani visits moscow",
                "the kudankulam plant",
                "pakistan and russia",
                "russia sells arms",
            ]
            .into_iter(),
        )
    }

    #[test]
    fn each_kind_of_slip_is_read_as_the_word_meant() {
        let v = vocabulary();
        assert_eq!(v.correct("zardary"), Some("zardari"), "a letter changed");
        assert_eq!(
            v.correct("kaynai"),
            Some("kayani"),
            "two neighbours swapped"
        );
        assert_eq!(
            v.correct("kundankulam"),
            Some("kudankulam"),
            "a letter added"
        );
        assert_eq!(v.correct("pakstan"), Some("pakistan"), "a letter dropped");
        assert_eq!(v.correct("russai"), Some("russia"));
    }

    #[test]
    fn known_words_short_terms_and_strangers_are_left_alone() {
        let v = vocabulary();
        assert_eq!(v.correct("russia"), None, "a word of the texts");
        assert_eq!(v.correct("pak"), None, "begins a word");
        assert_eq!(v.correct("kudan"), None, "begins a word");
        assert_eq!(v.correct("arm"), None, "too short to guess at");
        assert_eq!(v.correct("washington"), None, "nothing near enough");
    }

    #[test]
    fn the_more_frequent_word_wins_a_tie() {
        let v = Vocabulary::new(["cart card card"].into_iter());
        assert_eq!(v.correct("carx"), Some("card"));
    }

    #[test]
    fn a_misspelt_name_is_known_as_a_whole_or_word_by_word() {
        let terms = |q: &str| q.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(misspells("russia", &terms("russai")));
        assert!(misspells("asif ali zardari", &terms("zardary")));
        assert!(misspells("ashfaq parvez kayani", &terms("parvez kaynai")));
        assert!(!misspells("russia", &terms("rus")), "too short");
        assert!(
            !misspells("india", &terms("china")),
            "two edits in five letters"
        );
        assert!(!misspells("ashfaq parvez kayani", &terms("kaynai moscow")));
    }
}
