//! Which names a text holds, looked for all at once: one automaton over every actor's
//! name and aliases, so that finding them costs one pass over a text however many names
//! a model has. (A pass per name made the index and `check` quadratic on large models.)

use foldhash::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::Model;
use super::text::Name;

/// Names longer than this are not looked for, and validation refuses them. The bound
/// keeps small the number of matches that can end at one place in a text, and so the
/// cost of a pass.
pub const MAX_NAME_BYTES: usize = 120;

/// Finds which of a list of names occur in texts as whole words, by the rules of
/// [`Name`]: acronyms ("US") as written, other names in any case.
#[derive(Debug, Clone)]
pub struct NameFinder {
    /// Acronyms, matched in the text as it is.
    exact: Automaton,
    /// Other names, matched in the text lowercased.
    folded: Automaton,
}

#[derive(Debug, Clone, Default)]
struct Automaton {
    matcher: Option<AhoCorasick>,
    /// By pattern: whether a match needs a word boundary before and after it, and the
    /// numbers of the names that share the pattern.
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    starts_word: bool,
    ends_word: bool,
    names: Vec<usize>,
}

impl NameFinder {
    /// A finder for `names`; what it finds is given by position in this list. Empty
    /// names and names over [`MAX_NAME_BYTES`] are never found.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameFinder {
        let mut exact = Builder::default();
        let mut folded = Builder::default();
        for (number, name) in names.into_iter().enumerate() {
            if name.trim().is_empty() || name.len() > MAX_NAME_BYTES {
                continue;
            }
            let name = Name::new(name);
            let builder = if name.is_exact() {
                &mut exact
            } else {
                &mut folded
            };
            builder.add(name.needle(), number);
        }
        NameFinder {
            exact: exact.build(),
            folded: folded.build(),
        }
    }

    /// The numbers of the names that `text` holds, in order, each once. `lower` is
    /// `text` lowercased (made once by callers that look at a text more than once).
    pub fn find(&self, text: &str, lower: &str) -> Vec<usize> {
        let mut found = Vec::new();
        self.exact.find(text, &mut found);
        self.folded.find(lower, &mut found);
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[derive(Default)]
struct Builder {
    needles: Vec<String>,
    patterns: Vec<Pattern>,
    known: HashMap<String, usize>,
}

impl Builder {
    fn add(&mut self, needle: &str, number: usize) {
        if let Some(&p) = self.known.get(needle) {
            self.patterns[p].names.push(number);
            return;
        }
        let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.known.insert(needle.to_string(), self.patterns.len());
        self.patterns.push(Pattern {
            starts_word: alphanumeric(needle.chars().next()),
            ends_word: alphanumeric(needle.chars().next_back()),
            names: vec![number],
        });
        self.needles.push(needle.to_string());
    }

    fn build(self) -> Automaton {
        if self.needles.is_empty() {
            return Automaton::default();
        }
        // Overlapping matches need the standard semantics: "Russia" must still be found
        // in "Russian ... Russia" although the first, longer, match is not a word. A
        // contiguous NFA, not the DFA the builder would choose for few names: the DFA
        // took longer to build than every search of the bundled article's sentences
        // together, and building was a third of loading it.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.needles)
            .ok();
        Automaton {
            matcher,
            patterns: self.patterns,
        }
    }
}

impl Automaton {
    fn find(&self, haystack: &str, found: &mut Vec<usize>) {
        let Some(matcher) = &self.matcher else {
            return;
        };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut hits: Vec<usize> = Vec::new();
        for m in matcher.find_overlapping_iter(haystack) {
            let pattern = &self.patterns[m.pattern().as_usize()];
            // Both texts and names are UTF-8, so a match starts and ends on characters.
            let before = haystack
                .get(..m.start())
                .and_then(|s| s.chars().next_back());
            let after = haystack.get(m.end()..).and_then(|s| s.chars().next());
            let joined =
                (pattern.starts_word && word(before)) || (pattern.ends_word && word(after));
            if !joined {
                hits.push(m.pattern().as_usize());
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for p in hits {
            found.extend(&self.patterns[p].names);
        }
    }
}

/// A finder of every actor's name and aliases, and for each name found, whose it is.
pub(crate) fn actor_names(model: &Model) -> (NameFinder, Vec<usize>) {
    let mut owner = Vec::new();
    let mut names = Vec::new();
    for (a, actor) in model.actors.iter().enumerate() {
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            owner.push(a);
            names.push(name.as_str());
        }
    }
    (NameFinder::new(names), owner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn finds(names: &[&str], text: &str) -> Vec<usize> {
        NameFinder::new(names.iter().copied()).find(text, &text.to_lowercase())
    }

    #[test]
    fn finds_whole_words_acronyms_and_overlaps() {
        let names = [
            "Russia",
            "Moscow",
            "US",
            "the Russians",
            "India",
            "Pakistan Army",
        ];
        assert_eq!(finds(&names, "Russian and Russia's ties"), [0]);
        assert_eq!(finds(&names, "Moscow and the US"), [1, 2]);
        assert_eq!(finds(&names, "us and them"), Vec::<usize>::new());
        assert_eq!(finds(&names, "The Russians, Indian trade"), [3]);
        assert_eq!(finds(&names, "the pakistan army chief"), [5]);
        assert_eq!(finds(&["Russ", "Russia"], "Russia"), [1]);
    }

    #[test]
    fn shared_and_oversized_names_are_handled() {
        assert_eq!(finds(&["Russia", "russia"], "in Russia"), [0, 1]);
        let long = "a".repeat(MAX_NAME_BYTES + 1);
        assert_eq!(finds(&[long.as_str(), ""], &long), Vec::<usize>::new());
    }

    proptest! {
        // The finder says what a pass per name with `contains_words` would.
        #[test]
        fn agrees_with_one_name_at_a_time(
            names in proptest::collection::vec("[a-cA-C]{1,3}( [a-cA-C]{1,2})?", 1..6),
            text in "[a-cA-C ,'-]{0,40}",
        ) {
            let lower = text.to_lowercase();
            let expected: Vec<usize> = names
                .iter()
                .enumerate()
                .filter(|(_, n)| Name::new(n).in_text(&text, &lower))
                .map(|(i, _)| i)
                .collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            prop_assert_eq!(finds(&refs, &text), expected);
        }
    }
}
