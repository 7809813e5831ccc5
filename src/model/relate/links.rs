//! Lists of positions, one list per item, stored end to end: the index's links (the
//! claims of each sentence, the actors of each claim, and so on).

use serde::{Deserialize, Serialize};

/// One list of positions per item, end to end in one vector, with where each list ends.
/// A hundred thousand claims' links cost two allocations instead of a hundred thousand,
/// and read and write in one piece when a model is cached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Links {
    /// Where each item's list ends in `all`; the list of item `i` starts where that of
    /// `i - 1` ends.
    ends: Vec<usize>,
    all: Vec<usize>,
}

impl Links {
    /// The list of item `i`; empty for an item out of range (or a list that does not fit,
    /// which only a damaged cache could hold).
    pub(crate) fn get(&self, i: usize) -> &[usize] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        self.all.get(start..end).unwrap_or(&[])
    }
}

impl From<Vec<Vec<usize>>> for Links {
    fn from(lists: Vec<Vec<usize>>) -> Links {
        let mut ends = Vec::with_capacity(lists.len());
        let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            all.extend_from_slice(&list);
            ends.push(all.len());
        }
        Links { ends, all }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_comes_back_as_it_went_in() {
        let lists = vec![vec![3, 1], vec![], vec![7], vec![], vec![0, 0, 2]];
        let links = Links::from(lists.clone());
        for (i, list) in lists.iter().enumerate() {
            assert_eq!(links.get(i), list.as_slice(), "list {i}");
        }
        assert_eq!(links.get(lists.len()), &[] as &[usize]);
    }

    #[test]
    fn lists_that_do_not_fit_read_as_empty() {
        // As a damaged cache might hold them: an end past the end, ends going back.
        let links = Links {
            ends: vec![2, 9, 1],
            all: vec![4, 5],
        };
        assert_eq!(links.get(0), &[4, 5]);
        assert_eq!(links.get(1), &[] as &[usize]);
        assert_eq!(links.get(2), &[] as &[usize]);
    }
}
