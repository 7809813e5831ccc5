//! What the command line prints of each searchable item (its id, its label, and an
//! actor's aliases), laid out in a copy so that it is read in place: `search` prints its
//! hits from here without reading the model back.
//!
//! The layout, every number a little-endian u64:
//! - the number of items of each kind, in [`HitKind::ALL`]'s order;
//! - for each item, in that order, where its strings start in the string list, and after
//!   the last item where the list ends;
//! - for each string, where it ends in the text;
//! - the text, every string end to end.

use std::io::{self, Write};

use crate::model::{Index, ItemRef};
use crate::search::{Hit, HitKind};

/// The strings of each item: its id and label, then an actor's aliases.
fn strings(index: &Index, item: ItemRef) -> Vec<String> {
    let mut strings = vec![index.id_of(item).to_string(), index.label(item)];
    if let ItemRef::Actor(a) = item
        && let Some(actor) = index.model().actors.get(a)
    {
        strings.extend(actor.aliases.iter().cloned());
    }
    strings
}

/// How many items of each kind the model has, in [`HitKind::ALL`]'s order.
fn counts(index: &Index) -> [usize; 8] {
    let m = index.model();
    [
        m.actors.len(),
        m.claims.len(),
        m.events.len(),
        m.arguments.len(),
        m.relations.len(),
        m.later.len(),
        m.reviews.len(),
        m.sources.len(),
    ]
}

/// Writes the names of `index`'s items to `out`.
pub(super) fn write(index: &Index, out: &mut impl Write) -> io::Result<()> {
    let counts = counts(index);
    let mut starts = Vec::with_capacity(counts.iter().sum::<usize>() + 1);
    let mut ends = Vec::new();
    let mut text = Vec::new();
    for (kind, count) in HitKind::ALL.into_iter().zip(counts) {
        for i in 0..count {
            starts.push(ends.len() as u64);
            for string in strings(index, kind.item(i)) {
                text.extend_from_slice(string.as_bytes());
                ends.push(text.len() as u64);
            }
        }
    }
    starts.push(ends.len() as u64);
    for number in counts.iter().map(|c| *c as u64).chain(starts).chain(ends) {
        out.write_all(&number.to_le_bytes())?;
    }
    out.write_all(&text)
}

/// The names of a copy, read in place. The default holds none.
#[derive(Debug, Default)]
pub struct Names<'a> {
    /// Where each kind's items start, in [`HitKind::ALL`]'s order, and how many there are.
    kinds: [(usize, usize); 8],
    starts: &'a [u8],
    ends: &'a [u8],
    text: &'a [u8],
}

/// The `i`th little-endian u64 of `bytes`.
fn number(bytes: &[u8], i: usize) -> Option<usize> {
    let at = i.checked_mul(8)?;
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    usize::try_from(u64::from_le_bytes(chunk.try_into().ok()?)).ok()
}

impl<'a> Names<'a> {
    /// The names laid out in `bytes`, if they hold together.
    pub(super) fn read(bytes: &'a [u8]) -> Option<Names<'a>> {
        let mut kinds = [(0, 0); 8];
        let mut items = 0usize;
        for (k, kind) in kinds.iter_mut().enumerate() {
            let count = number(bytes, k)?;
            *kind = (items, count);
            items = items.checked_add(count)?;
        }
        let rest = bytes.get(64..)?;
        let (starts, rest) = rest.split_at_checked(items.checked_add(1)?.checked_mul(8)?)?;
        let strings = number(starts, items)?;
        let (ends, text) = rest.split_at_checked(strings.checked_mul(8)?)?;
        Some(Names {
            kinds,
            starts,
            ends,
            text,
        })
    }

    /// The `k`th string of the hit's item (0 its id, 1 its label, 2 on an actor's
    /// aliases), if the names hold it.
    fn string(&self, hit: &Hit, k: usize) -> Option<&'a str> {
        let kind = HitKind::ALL.iter().position(|kind| *kind == hit.kind)?;
        let &(first, count) = self.kinds.get(kind)?;
        if hit.index >= count {
            return None;
        }
        let item = first.checked_add(hit.index)?;
        let (from, to) = (number(self.starts, item)?, number(self.starts, item + 1)?);
        let s = from.checked_add(k).filter(|s| *s < to)?;
        let start = match s.checked_sub(1) {
            Some(before) => number(self.ends, before)?,
            None => 0,
        };
        std::str::from_utf8(self.text.get(start..number(self.ends, s)?)?).ok()
    }

    /// The hit's id.
    pub fn id(&self, hit: &Hit) -> &'a str {
        self.string(hit, 0).unwrap_or("")
    }

    /// The hit's one-line label, as `Index::label` gives it.
    pub fn label(&self, hit: &Hit) -> &'a str {
        self.string(hit, 1).unwrap_or("")
    }

    /// The alias a hit matched in, for an actor's alias; else empty.
    pub fn alias(&self, hit: &Hit) -> &'a str {
        match hit.field {
            crate::search::Field::Alias(n) => n.checked_add(2).and_then(|k| self.string(hit, k)),
            _ => None,
        }
        .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;
    use crate::search::{Query, Searcher};
    use std::sync::Arc;

    #[test]
    fn every_item_reads_back_as_the_index_names_it() {
        let index = Index::new(Model::bundled().expect("the bundled model"));
        let mut bytes = Vec::new();
        write(&index, &mut bytes).expect("written");
        let names = Names::read(&bytes).expect("read back");
        let counts = counts(&index);
        let mut aliases = 0;
        for (kind, count) in HitKind::ALL.into_iter().zip(counts) {
            for i in 0..count {
                let hit = Hit {
                    kind,
                    index: i,
                    score: 0,
                    field: crate::search::Field::Id,
                    positions: Vec::new(),
                    exact: false,
                    spelled: false,
                };
                assert_eq!(names.id(&hit), index.id_of(hit.item()));
                assert_eq!(names.label(&hit), index.label(hit.item()));
                if let ItemRef::Actor(a) = hit.item() {
                    for (n, alias) in index.model().actors[a].aliases.iter().enumerate() {
                        let hit = Hit {
                            field: crate::search::Field::Alias(n),
                            ..hit.clone()
                        };
                        assert_eq!(names.alias(&hit), alias);
                        aliases += 1;
                    }
                }
            }
            let past = Hit {
                kind,
                index: count,
                score: 0,
                field: crate::search::Field::Id,
                positions: Vec::new(),
                exact: false,
                spelled: false,
            };
            assert_eq!(names.id(&past), "", "an item past the end has no name");
        }
        assert!(aliases > 10, "the bundled model's actors have aliases");
        // And a search's hits, as the command line prints them.
        let searcher = Searcher::new(Arc::new(index));
        for hit in searcher.search(&Query::parse("moscow"), 20) {
            assert_eq!(names.label(&hit), searcher.index().label(hit.item()));
        }
    }

    #[test]
    fn names_cut_short_or_out_of_bounds_read_as_nothing() {
        let index = Index::new(Model::bundled().expect("the bundled model"));
        let mut bytes = Vec::new();
        write(&index, &mut bytes).expect("written");
        for cut in [0, 7, 64, 200, bytes.len() / 2] {
            if let Some(names) = Names::read(&bytes[..cut]) {
                let hit = Hit {
                    kind: HitKind::Claim,
                    index: 3,
                    score: 0,
                    field: crate::search::Field::Id,
                    positions: Vec::new(),
                    exact: false,
                    spelled: false,
                };
                let _ = (names.id(&hit), names.label(&hit), names.alias(&hit));
            }
        }
        // A count that overflows when added up.
        let mut huge = vec![0xff; 64];
        huge.extend_from_slice(&bytes[64..]);
        assert!(Names::read(&huge).is_none());
    }
}
