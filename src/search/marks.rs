//! What a hit shows: the field it matched in, and which of its characters matched, for
//! the explorer to mark. Working them out costs the matcher a second pass over the
//! field's text, so it is done only for the hits shown.

use fuzzy_matcher::FuzzyMatcher;

use super::engine::Engine;
use super::matching::scored_window;
use super::rank::{Ranked, Terms};
use super::{Field, Hit, Query};

/// The byte offset of the first place `pattern` stands in `lower` at the start of a word.
fn word_start(lower: &str, pattern: &str) -> Option<usize> {
    if pattern.is_empty() {
        return None;
    }
    memchr::memmem::find_iter(lower.as_bytes(), pattern.as_bytes()).find(|&at| {
        lower
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
            && lower.is_char_boundary(at)
    })
}

impl Engine {
    /// Builds the hit a ranked item shows, with the positions of its matched characters
    /// when `highlight` (they cost the matcher another pass).
    pub(super) fn hit(&self, ranked: &Ranked, terms: &Terms, highlight: bool) -> Hit {
        let item = &self.items[ranked.item as usize];
        let entries = self.columns.of(item);
        let entry = entries.get(ranked.entry as usize).or(entries.first());
        let mut hit = Hit {
            kind: item.kind,
            index: item.index as usize,
            score: ranked.score,
            field: entry.map_or(Field::Id, |e| e.field),
            positions: Vec::new(),
            exact: ranked.tier > 0,
            spelled: ranked.band == super::rank::SPELLED,
        };
        if highlight && !terms.list.is_empty() && hit.field != Field::Date {
            let list: Vec<&str> = terms.list.iter().map(|t| t.text.as_str()).collect();
            hit.positions = self.positions_for(&hit, &terms.whole, &list);
        }
        hit
    }

    /// The positions of the characters a query matched in a hit's field.
    pub fn positions(&self, hit: &Hit, query: &Query) -> Vec<usize> {
        if hit.field == Field::Date {
            return Vec::new(); // The title is shown, not the date that matched.
        }
        let terms: Vec<&str> = query.terms.iter().map(String::as_str).collect();
        self.positions_for(hit, &query.terms.join(" "), &terms)
    }

    /// The lowercased text of the field a hit shows.
    fn hit_text(&self, hit: &Hit) -> &str {
        let at = self
            .items
            .binary_search_by(|i| (i.kind, i.index as usize).cmp(&(hit.kind, hit.index)));
        let entries = at.map_or(&[][..], |at| self.columns.of(&self.items[at]));
        entries
            .iter()
            .find(|e| e.field == hit.field)
            .map_or("", |e| self.columns.lower(e))
    }

    fn positions_for(&self, hit: &Hit, whole: &str, terms: &[&str]) -> Vec<usize> {
        let lower = self.hit_text(hit);
        let mut positions = Vec::new();
        // Positions in a window are counted from the window's start; the matcher gives
        // them in characters.
        let mut matched = |pattern: &str| {
            // Where the pattern stands as written at the start of a word, those letters
            // are the ones marked: the word the reader typed, found without the matcher's
            // second pass (the costlier half of marking a row).
            if let Some(at) = word_start(lower, pattern) {
                let first = lower[..at].chars().count();
                positions.extend(first..first + pattern.chars().count());
                return;
            }
            let (start, window) = scored_window(lower, pattern);
            if let Some((_, p)) = self.matcher.fuzzy_indices(window, pattern) {
                let before = if start == 0 {
                    0
                } else {
                    lower[..start].chars().count()
                };
                positions.extend(p.into_iter().map(|c| c + before));
            }
        };
        if hit.exact {
            matched(whole);
        } else {
            for term in terms {
                matched(term);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}
