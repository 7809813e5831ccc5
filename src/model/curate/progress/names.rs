//! Names the text repeats that no actor lists: runs of capitalised words ("Mr Putin",
//! "Shanghai Cooperation Organisation") found at least twice in the sentences, less those
//! an actor's name or alias covers. Suggestions for a curator, not rules.

use std::collections::{HashMap, HashSet};

use crate::model::curate::draft::TITLES;
use crate::model::relate::NameFinder;
use crate::model::types::Model;

/// A name the text repeats that no actor's name or alias covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSuggestion {
    /// The name as the text writes it: "Mr Putin", "Gazprom".
    pub name: String,
    /// How many times the text has it.
    pub count: usize,
}

/// Words that start sentences without naming anyone, when the text does not use them in
/// lower case elsewhere to tell.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "a", "after", "all", "also", "although", "an", "and", "another", "as", "at", "because",
    "before", "both", "but", "by", "each", "even", "every", "few", "for", "he", "her",
    "here", "his", "how", "however", "i", "if", "in", "indeed", "instead", "it", "its",
    "many", "meanwhile", "moreover", "most", "my", "no", "nor", "not", "now", "of", "on",
    "one", "or", "other", "our", "she", "since", "so", "some", "still", "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "though", "to",
    "until", "we", "what", "when", "where", "whether", "which", "while", "who", "why",
    "with", "yet", "you", "your", "despite",
];

/// One word of a sentence, and what comes after it.
struct Word<'s> {
    text: &'s str,
    /// Whether it is the sentence's first word, or first after an opening quote.
    first: bool,
    /// Whether the next word follows after a space alone, so that the two can be one name.
    joined: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The words of a sentence: runs of letters, digits and apostrophes, with the full stops
/// of an abbreviation ("U.S."), an initial ("V.") or a title ("Dr.").
fn words(sentence: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(sentence.len(), |(b, _)| *b);
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut gap_from = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < chars.len() && is_word_char(chars[i].1) {
                i += 1;
            }
            if chars.get(i).is_none_or(|(_, c)| *c != '.') {
                break;
            }
            let so_far = &sentence[at(start)..at(i)];
            if chars.get(i + 1).is_some_and(|(_, c)| c.is_alphabetic()) {
                i += 1; // "U.S": the word goes on after the full stop.
                continue;
            }
            let initial = so_far.chars().count() == 1 && capitalised(so_far);
            if initial || so_far.contains('.') || TITLES.contains(&so_far) {
                i += 1;
            }
            break;
        }
        let gap = &sentence[at(gap_from)..at(start)];
        if let Some(last) = out.last_mut() {
            last.joined = !gap.is_empty() && gap.chars().all(|g| g == ' ' || g == '\u{a0}');
        }
        let first = out.is_empty()
            || gap.contains(['"', '“', '‘', '(', ':'])
            || gap.trim().ends_with(['.', '?', '!']);
        out.push(Word {
            text: &sentence[at(start)..at(i)],
            first,
            joined: false,
        });
        gap_from = i;
    }
    out
}

/// A word as a name part: without a possessive ending, and whether it had one.
fn stem(word: &str) -> (&str, bool) {
    for ending in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return (stem, true);
        }
    }
    (word, false)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The names the sentences repeat that no actor's name or alias covers, most frequent
/// first.
pub fn unlisted_names(model: &Model) -> Vec<NameSuggestion> {
    let lower: HashSet<String> = model
        .sentences
        .iter()
        .flat_map(|s| words(&s.text))
        .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.text.to_string())
        .collect();
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut order = 0;
    for sentence in &model.sentences {
        for name in names_in(&sentence.text, &lower) {
            let entry = counts.entry(name).or_insert((0, order));
            entry.0 += 1;
            order += 1;
        }
    }
    let listed: Vec<String> = model
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(a.aliases.iter()))
        .map(|n| n.to_lowercase())
        .collect();
    let repeated: Vec<(String, usize, usize)> = counts
        .into_iter()
        .filter(|(_, (count, _))| *count >= 2)
        .map(|(name, (count, first))| (name, count, first))
        .collect();
    let names: Vec<&str> = repeated.iter().map(|(name, _, _)| name.as_str()).collect();
    let covered = covered_all(&names, &listed);
    let mut found: Vec<(String, usize, usize)> = repeated
        .into_iter()
        .zip(covered)
        .filter(|(_, covered)| !covered)
        .map(|(found, _)| found)
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    found
        .into_iter()
        .map(|(name, count, _)| NameSuggestion { name, count })
        .collect()
}

/// The runs of capitalised words in one sentence, as names.
fn names_in(sentence: &str, lower: &HashSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        if !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
    };
    for word in words(sentence) {
        let (stem, possessive) = stem(word.text);
        if !capitalised(stem) {
            flush(&mut run);
            continue;
        }
        let folded = stem.to_lowercase();
        let starter =
            word.first && (lower.contains(&folded) || STARTERS.contains(&folded.as_str()));
        if !starter {
            run.push(stem);
        }
        if possessive || !word.joined {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// For each of `names`, whether an actor's name or alias (lower case) covers it: one
/// holds the other as whole words, or the name starts a word with it ("Russian" with
/// "Russia"). Each side is searched for all of the other's at once (an automaton), so
/// the cost is the length of both lists, not their product.
fn covered_all(names: &[&str], listed: &[String]) -> Vec<bool> {
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let mut covered = vec![false; names.len()];
    // A listed name that holds the name as whole words.
    let finder = NameFinder::new(lower.iter().map(String::as_str));
    for known in listed {
        for n in finder.find(known, known) {
            covered[n] = true;
        }
    }
    // A listed name that the name holds at the start of one of its words.
    let starts = aho_corasick::AhoCorasick::new(listed.iter().filter(|k| !k.is_empty()));
    if let Ok(starts) = starts {
        for (n, name) in lower.iter().enumerate() {
            covered[n] = covered[n]
                || starts.find_overlapping_iter(name.as_str()).any(|m| {
                    name[..m.start()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                });
        }
    }
    covered
}

/// Whether an actor's name or alias (lower case) covers `name` (see [`covered_all`]).
#[cfg(test)]
fn covered(name: &str, listed: &[String]) -> bool {
    covered_all(&[name], listed)[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<String> {
        names_in(sentence, &HashSet::from(["as".to_string()]))
    }

    #[test]
    fn runs_of_capitals_are_names_and_starters_are_not() {
        assert_eq!(
            names("As Nato forces leave, Mr Putin met Pakistan's President Asif Ali Zardari."),
            ["Nato", "Mr Putin", "Pakistan", "President Asif Ali Zardari"]
        );
        assert_eq!(names("The US-India rapprochement"), ["US", "India"]);
        assert!(names("He said \"The end\" and left").is_empty());
        assert_eq!(
            names("Dr. Rao of the U.S. met Jane Q. Public in St. Louis."),
            ["Dr. Rao", "U.S.", "Jane Q. Public", "St. Louis"]
        );
    }

    proptest::proptest! {
        // All at once, the same answers as one name against one listed name at a time.
        #[test]
        fn covered_all_agrees_with_one_pair_at_a_time(
            names in proptest::collection::vec("[A-Ca-c]{1,3}( [a-c]{1,2})?", 1..6),
            listed in proptest::collection::vec("[a-c]{1,3}( [a-c]{1,3})?", 0..5),
        ) {
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let all = covered_all(&refs, &listed);
            for (n, name) in names.iter().enumerate() {
                let name = name.to_lowercase();
                let one = listed.iter().any(|known| {
                    crate::model::types::contains_words(known, &name)
                        || name.match_indices(known.as_str()).any(|(at, _)| {
                            name[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                        })
                });
                proptest::prop_assert_eq!(all[n], one, "{} in {:?}", name, listed);
            }
        }
    }

    #[test]
    fn an_actors_name_or_alias_covers_what_it_holds_or_starts() {
        let listed = ["vladimir putin".to_string(), "russia".to_string()];
        assert!(covered("Russian President Vladimir Putin", &listed));
        assert!(covered("Putin", &listed));
        assert!(covered("Russians", &listed));
        assert!(!covered("Prussia", &listed));
        assert!(!covered("Gazprom", &listed));
    }
}
