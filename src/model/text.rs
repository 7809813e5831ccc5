//! Characters that must never reach a terminal from a model file, and how to show them
//! safely when a message has to quote the text that holds them.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is a control character (C0, DEL, C1) or a bidirectional formatting
/// character (embeddings, overrides, isolates and marks), none of which a model may hold.
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A name for a forbidden character, for error messages.
pub(crate) fn describe(c: char) -> String {
    let kind = if is_bidi_control(c) {
        "bidirectional formatting character"
    } else {
        "control character"
    };
    format!("{kind} U+{:04X}", u32::from(c))
}

/// Returns `text` with every forbidden character written as a visible `\u{..}` escape, so
/// that echoing it can never move the cursor or reorder what the terminal shows.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_forbidden_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The candidate closest to `word` by edit distance, if any is close enough to be a likely
/// misspelling. Ties go to the longer shared start (`c05b` suggests `c05a` before `c02b`),
/// then to the earlier candidate.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let length = word.chars().count();
    // Nothing that long is a misspelt id or key, and comparing it would cost its length
    // times each candidate's.
    if length > MAX_SUGGESTED {
        return None;
    }
    let limit = (length / 3).max(1);
    let shared = |c: &str| {
        word.chars()
            .zip(c.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    candidates
        .into_iter()
        // Lengths further apart than the limit cannot be within it: skip the comparison.
        .filter(|c| {
            c.len().abs_diff(word.len()) <= limit * 4 && c.chars().count().abs_diff(length) <= limit
        })
        .map(|c| (edit_distance(word, c), std::cmp::Reverse(shared(c)), c))
        .filter(|(d, _, _)| *d <= limit)
        .min_by_key(|(d, s, _)| (*d, *s))
        .map(|(_, _, c)| c)
}

/// The longest word [`closest`] looks for a near match of.
const MAX_SUGGESTED: usize = 64;

/// Edit distance in characters, counting a swap of two neighbours as one edit (optimal
/// string alignment), since "qoute" is one slip from "quote", not two.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// A name as the text is searched for it: words in any case, except that a name written
/// in capitals ("US", "SCO") is an acronym and must match exactly, so "us" is not the US.
#[derive(Debug, Clone)]
pub struct Name {
    needle: String,
    exact: bool,
}

impl Name {
    pub fn new(name: &str) -> Name {
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let exact = letters >= 2
            && name
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric());
        Name {
            needle: if exact {
                name.to_string()
            } else {
                name.to_lowercase()
            },
            exact,
        }
    }

    /// Whether the name is an acronym, looked for as written.
    pub fn is_exact(&self) -> bool {
        self.exact
    }

    /// What is looked for: the name as written if an acronym, else lowercased.
    pub fn needle(&self) -> &str {
        &self.needle
    }

    /// Whether `text` holds the name as whole words. `lower` is `text` in lowercase,
    /// made once by the caller for the many names it looks for.
    pub fn in_text(&self, text: &str, lower: &str) -> bool {
        let haystack = if self.exact { text } else { lower };
        contains_words(haystack, &self.needle)
    }
}

/// Whether `needle` occurs in `haystack` with no letter or digit right before or after it.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        // A needle that itself starts or ends mid-word ("'s") needs no boundary there.
        let starts_word = needle.chars().next().is_some_and(char::is_alphanumeric);
        let ends_word = needle
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let joined = (starts_word && word(before)) || (ends_word && word(after));
        if !joined {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbids_controls_and_bidi_but_not_ordinary_text() {
        for c in [
            '\0', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2067}',
            '\u{200f}',
        ] {
            assert!(is_forbidden_char(c), "{c:?}");
        }
        for c in ['a', ' ', '\u{a0}', 'é', '“', '—', '\u{200d}', '中'] {
            assert!(!is_forbidden_char(c), "{c:?}");
        }
    }

    #[test]
    fn closest_finds_likely_misspellings_only() {
        let keys = ["quote", "sentence", "actors"];
        assert_eq!(closest("qoute", keys), Some("quote"));
        assert_eq!(closest("actor", keys), Some("actors"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("c05b", ["c02b", "c05a"]), Some("c05a"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("qoute", "quote"), 1);
    }

    #[test]
    fn names_match_whole_words_and_acronyms_exactly() {
        let found = |name: &str, text: &str| Name::new(name).in_text(text, &text.to_lowercase());
        assert!(found("Russia", "Russia's Gazprom"));
        assert!(found("Russia", "the Pakistan-Russia connection"));
        assert!(!found("Russia", "Russian President Vladimir Putin"));
        assert!(!found("India", "Indian concerns"));
        assert!(found("the Russians", "The Russians remain worried"));
        assert!(found("US", "US-Pakistan ties"));
        assert!(!found("US", "let us go, USA"));
        assert!(found("Nato", "As NATO forces prepare"));
        assert!(found("Central Asian states", "four Central Asian states."));
        assert!(!found("Central Asia", "four Central Asian states"));
        assert!(found("Asia", "Asian, then Asia"));
        assert!(!found("", "anything"));
    }

    #[test]
    fn sanitize_makes_escapes_visible() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\u{1b}[2Jb\u{202e}c"), "a\\u{1b}[2Jb\\u{202e}c");
    }
}
