//! Reading a misspelt term as the word it is closest to: `zardary` as `zardari`, `kaynai`
//! as `kayani`, `russai` as `russia`. A term is read anew only when it is no word of the
//! model's texts and begins none (`pak` is left alone: it begins `pakistan`), and only as
//! a word within [`allowed`] edits of it (a letter changed, added or dropped, or two
//! neighbours swapped).
//!
//! The words are gathered from the engine's texts the first time a search needs them, so
//! a session that never misspells never pays for them. [`Engine::forgive`] is the step a
//! search takes after the query as written: the actors a query misspells, and the hits of
//! the reading when there is room for them.

use std::cmp::Reverse;

use super::engine::{Engine, Results};
use super::rank::{Ranked, SPELLED, Terms};
use super::{HitKind, Query};
use crate::model::edit_distance;

/// The distinct words of a model's texts, sorted, each with how often it occurs.
pub(super) struct Vocabulary {
    words: Vec<(Box<str>, u32)>,
    /// By length in characters, the positions in `words` of the words a term may be read
    /// as: those of letters alone (not ids, numbers or dates).
    by_length: Vec<Vec<u32>>,
}

/// Words longer than this are never offered: no misspelt term is read as one.
const LONGEST: usize = 40;

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
        let mut by_length: Vec<Vec<u32>> = vec![Vec::new(); LONGEST + 1];
        for (at, (word, _)) in words.iter().enumerate() {
            let length = word.chars().count();
            if length <= LONGEST && word.chars().all(char::is_alphabetic) {
                by_length[length].push(at as u32);
            }
        }
        Vocabulary { words, by_length }
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
        let term: Vec<char> = term.chars().collect();
        let lengths = chars.saturating_sub(most)..=(chars + most).min(LONGEST);
        let mut best: Option<(usize, u32, &str)> = None;
        for at in lengths.flat_map(|n| self.by_length.get(n).into_iter().flatten()) {
            let Some((word, count)) = self.words.get(*at as usize) else {
                continue;
            };
            let Some(edits) = within(&term, word, most) else {
                continue;
            };
            let better = best.is_none_or(|(e, n, _)| (edits, Reverse(*count)) < (e, Reverse(n)));
            if better {
                best = Some((edits, *count, word));
            }
        }
        best.map(|(_, _, word)| word)
    }
}

/// The edits from `term` to `word` (optimal string alignment: a letter changed, added or
/// dropped, or two neighbours swapped), if at most `most`; it stops as soon as every way
/// through has used more.
fn within(term: &[char], word: &str, most: usize) -> Option<usize> {
    // Rows of the table, kept on the stack: terms and words are short.
    const ROOM: usize = LONGEST + 2;
    let width = term.len() + 1;
    if width > ROOM {
        return Some(edit_distance(&term.iter().collect::<String>(), word)).filter(|e| *e <= most);
    }
    let mut before = [0usize; ROOM];
    let mut previous = [0usize; ROOM];
    let mut current = [0usize; ROOM];
    for (j, cell) in previous.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    let mut last = '\0';
    for (i, c) in word.chars().enumerate() {
        current[0] = i + 1;
        let mut least = current[0];
        for j in 1..width {
            let cost = usize::from(term[j - 1] != c);
            let mut here = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 0 && j > 1 && term[j - 1] == last && term[j - 2] == c {
                here = here.min(before[j - 2] + 1);
            }
            current[j] = here;
            least = least.min(here);
        }
        if least > most {
            return None;
        }
        last = c;
        before = previous;
        previous = current;
    }
    Some(previous[width - 1]).filter(|e| *e <= most)
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
    let near = |term: &str, word: &str, most: usize| {
        let term: Vec<char> = term.chars().collect();
        word.chars().count().abs_diff(term.len()) <= most && within(&term, word, most).is_some()
    };
    if near(&whole, name, most) {
        return true;
    }
    terms.iter().all(|term| {
        let most = allowed(term.chars().count());
        most > 0 && words(name).any(|word| near(term, word, most))
    })
}

impl Engine {
    fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary
            .get_or_init(|| Vocabulary::new(self.columns.texts()))
    }

    /// Adds to `results` what the query finds once forgiven its misspellings: the actors
    /// whose names it misspells, with the actors it names; then, when there is room, the
    /// hits of the query with its misspelt terms read as the words they are closest to,
    /// after the rest.
    pub(super) fn forgive(
        &self,
        query: &Query,
        limit: usize,
        marked: usize,
        results: &mut Results,
    ) {
        // Only a query with a term that is no word of the texts, and begins none, can be a
        // misspelling: `arms` is not taken for `army`. An item holding every term as a
        // word says so without the words being gathered.
        if results.as_words {
            return;
        }
        let vocabulary = self.vocabulary();
        if query.terms.iter().all(|t| vocabulary.knows(t)) {
            return;
        }
        let sieve = self.sieve(query);
        let actors = self
            .items
            .iter()
            .enumerate()
            .take_while(|(_, item)| item.kind == HitKind::Actor);
        // Matched before forgiving (sorted, as the candidates were), and since.
        let before = std::mem::take(&mut results.matched);
        let mut since = Vec::new();
        let mut named = Vec::new();
        // Made once for every actor named: the hit's field needs them, not the matcher.
        let terms = Terms::new(&self.matcher, query);
        for (i, item) in actors {
            let i = i as u32;
            if before.binary_search(&i).is_ok() || !sieve.passes(item, &self.columns) {
                continue;
            }
            let entries = self.columns.of(item);
            let misspelt = entries
                .iter()
                .position(|e| e.is_name && misspells(self.columns.lower(e), &query.terms));
            if let Some(entry) = misspelt {
                let len = entries.first().map_or(0, |e| e.len() as u32);
                let ranked = Ranked {
                    tier: 1,
                    band: SPELLED,
                    kind: HitKind::Actor,
                    score: 0,
                    len,
                    item: i,
                    entry: entry as u32,
                };
                named.push(self.hit(&ranked, &terms, false));
                since.push(i);
            }
        }
        let exact = results.hits.iter().take_while(|h| h.exact).count();
        results.hits.splice(exact..exact, named);
        results.typed = before.len() + since.len();
        results.hits.truncate(limit);
        // The words meant are looked for only when there is room for their hits.
        if before.len() + since.len() >= limit {
            results.matched = before;
            results.matched.extend(since);
            results.matched.sort_unstable();
            return;
        }
        let spelled = Query {
            terms: query
                .terms
                .iter()
                .map(|t| vocabulary.correct(t).unwrap_or(t).to_string())
                .collect(),
            filters: query.filters.clone(),
        };
        if spelled.terms != query.terms {
            // As many as asked for: some may be hits already.
            let found = self.as_written(&spelled, limit, marked, None);
            let mut added = false;
            for i in found.matched {
                if before.binary_search(&i).is_err() {
                    since.push(i);
                    added = true;
                }
            }
            for mut hit in found.hits {
                let seen = results.hits.iter().any(|h| h.item() == hit.item());
                if !seen && results.hits.len() < limit {
                    hit.spelled = true;
                    results.hits.push(hit);
                }
            }
            if added {
                results.spelled = Some(spelled);
            }
        }
        results.matched = before;
        results.matched.extend(since);
        results.matched.sort_unstable();
        results.matched.dedup();
    }
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
    fn the_bounded_count_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "kayani",
            "kaynai",
            "zardari",
            "zardary",
            "kudankulam",
            "kundankulam",
            "russia",
            "russai",
            "pakistan",
            "pakistna",
            "arms",
        ];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                let term: Vec<char> = a.chars().collect();
                for most in 0..4 {
                    let expected = (full <= most).then_some(full);
                    assert_eq!(within(&term, b, most), expected, "{a} {b} {most}");
                }
            }
        }
    }

    #[test]
    fn ids_and_numbers_are_never_offered() {
        let v = Vocabulary::new(["c12a c12b 2011 event-7"].into_iter());
        assert_eq!(v.correct("c13a"), None);
        assert_eq!(v.correct("2012"), None);
        assert!(v.knows("c12"), "but they are known, so not misspelt");
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
