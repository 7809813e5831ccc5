//! Characters that must never reach a terminal from a model file, how to show them
//! safely when a message has to quote the text that holds them, and the addresses safe to
//! show as links.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// How a placeholder starts. A string value that starts so is still to be filled: `check`
/// says so at its line, whatever the key, and takes it for no value at all.
pub const TO_FILL: &str = "TO FILL";

/// How `check` ends its message on a placeholder: "[article] published is still to be
/// filled".
pub const STILL_TO_FILL: &str = "is still to be filled";

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

/// Whether `c` is a default-ignorable code point (Unicode's Default_Ignorable_Code_Point):
/// a character a terminal draws as nothing, so that two strings that hold different ones
/// look the same. Zero-width spaces and joiners, the soft hyphen, variation selectors, tag
/// characters, fillers, and the bidirectional marks (which [`is_forbidden_char`] refuses
/// anyway).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether `c` selects a variant of the character before it.
fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180B}'..='\u{180D}' | '\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The invisible characters that join or break text where they stand, one at a time.
fn is_zero_width_mark(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{17B4}' | '\u{17B5}'
    )
}

/// A character a model may not hold where it stands, and why, for a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub c: char,
    pub why: &'static str,
    /// Where the character is in the text, in bytes.
    pub at: usize,
}

impl Refused {
    /// What a message says about the character: its kind, its code point and why, after
    /// an article ("a control character U+001B").
    pub fn describe(&self) -> String {
        if is_forbidden_char(self.c) {
            return format!("a {}", describe(self.c));
        }
        format!(
            "an invisible character U+{:04X} ({})",
            u32::from(self.c),
            self.why
        )
    }
}

/// The first character of `text` a model may not hold: a control or bidirectional
/// character anywhere; in a name (`name` true), any invisible character, since names must
/// be told apart by how they look; elsewhere, the invisible characters that have no use
/// in text but to hide something: tag characters outside an emoji flag, a variation
/// selector with no visible character before it, two zero-width marks in a row (how
/// zero-width steganography writes its bits), and the rest of the default-ignorable ones
/// that are unassigned, deprecated or fillers.
pub fn refused_in(text: &str, name: bool) -> Option<Refused> {
    if text.is_ascii() {
        return text
            .char_indices()
            .find(|(_, c)| is_forbidden_char(*c))
            .map(|(at, c)| Refused { c, why: "", at });
    }
    let mut before: Option<char> = None;
    // Inside an emoji tag sequence (🏴, tag letters, the cancel tag): how many tags so far.
    let mut flag_tags: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let tags_before = flag_tags.take();
        let why = if is_forbidden_char(c) {
            Some("")
        } else if !is_invisible(c) {
            None
        } else if name {
            Some("a name must look like no other")
        } else if ('\u{E0000}'..='\u{E007F}').contains(&c) {
            let count = if before == Some('\u{1F3F4}') {
                Some(0)
            } else {
                tags_before
            };
            if c != '\u{E007F}' {
                flag_tags = count.map(|n| n + 1);
            }
            let in_flag = count.is_some_and(|n| n < MAX_FLAG_TAGS) && c >= '\u{E0020}';
            (!in_flag).then_some("a tag character outside an emoji flag")
        } else if is_variation_selector(c) {
            let base = before.filter(|b| !is_invisible(*b) && !b.is_whitespace());
            match base {
                None => Some("a variation selector with no character to vary"),
                // Width tables make `⌚︎` one column; terminals draw the watch in two, and
                // the line runs past where it was laid out to end.
                Some(b) if c == '\u{FE0E}' && UnicodeWidthChar::width(b) == Some(2) => {
                    Some("a text-style selector on a wide character, which terminals draw wide")
                }
                Some(_) => None,
            }
        } else if is_zero_width_mark(c) {
            before
                .is_some_and(is_zero_width_mark)
                .then_some("two zero-width characters in a row")
        } else {
            Some("a character that shows nothing and means nothing in text")
        };
        if let Some(why) = why {
            return Some(Refused { c, why, at });
        }
        before = Some(c);
    }
    None
}

/// The most tag characters an emoji flag takes: a region and a subdivision of up to four
/// letters or digits (`gbeng`, `usca`), and the cancel tag.
const MAX_FLAG_TAGS: usize = 7;

/// A name as it is compared with others: compatibility forms folded (NFKC: a full-width
/// `Ｒｕｓｓｉａ` is `Russia`), invisible characters dropped, in lowercase. Two names with
/// the same key look alike, and search would not know which is meant.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = name.nfkc().filter(|c| !is_invisible(*c)).collect();
    folded.to_lowercase()
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

/// Whether `url` is an `https` address with a host and nothing a terminal or a browser
/// could take for something else: no whitespace, no control or bidirectional character.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && url
            .chars()
            .all(|c| !c.is_whitespace() && !is_forbidden_char(c))
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
    fn invisible_characters_are_refused_in_names_and_where_they_hide_things() {
        let why = |text: &str, name: bool| refused_in(text, name).map(|r| r.c);
        // Names: any invisible character.
        for bad in [
            "Rus\u{200b}sia",
            "Russia\u{e0041}",
            "Russia\u{fe0f}",
            "Ru\u{ad}ssia",
        ] {
            let c = bad.chars().find(|c| is_invisible(*c));
            assert_eq!(why(bad, true), c, "{bad:?}");
        }
        assert_eq!(why("Russia", true), None);
        assert_eq!(why("Vladimir Putin", true), None);
        assert_eq!(why("Ñandú “x”", true), None);
        // Text: what has a use passes.
        for good in [
            "family 👨\u{200d}👩\u{200d}👧 joined",
            "❤\u{fe0f}\u{200d}🔥",
            "❤\u{fe0e} heart, narrow either way",
            "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} England",
            "soft\u{ad}hyphen, می\u{200c}خواهم",
            "漢\u{e0100} ideograph variant",
        ] {
            assert_eq!(why(good, false), None, "{good:?}");
        }
        // What only hides.
        for (bad, c) in [
            ("hidden\u{e0041}\u{e0042} tags", '\u{e0041}'),
            ("x\u{fe0f}\u{fe0f}", '\u{fe0f}'),
            ("⌚\u{fe0e} watch", '\u{fe0e}'),
            ("\u{fe0f} at the start", '\u{fe0f}'),
            ("bits\u{200b}\u{200c}\u{200b}", '\u{200c}'),
            ("a\u{feff}b", '\u{feff}'),
            ("a\u{2062}b", '\u{2062}'),
            ("filler\u{3164}", '\u{3164}'),
            ("🏴\u{e0001}", '\u{e0001}'),
            ("x\u{e0101}\u{e0102}", '\u{e0102}'),
            (
                &format!("🏴{}\u{e007f}", "\u{e0061}".repeat(8)),
                '\u{e0061}',
            ),
        ] {
            assert_eq!(why(bad, false), Some(c), "{bad:?}");
        }
        // Controls and bidi, everywhere.
        assert_eq!(why("a\u{202e}b", false), Some('\u{202e}'));
        assert_eq!(why("a\u{1b}b", true), Some('\u{1b}'));
    }

    #[test]
    fn names_compare_after_nfkc_without_invisible_characters() {
        assert_eq!(name_key("Russia"), "russia");
        assert_eq!(name_key("Ｒｕｓｓｉａ"), "russia");
        assert_eq!(name_key("Rus\u{200b}sia"), "russia");
        assert_eq!(name_key("Russia\u{e0041}"), "russia");
        assert_eq!(name_key("ﬁnance"), "finance"); // the ligature fi
        assert_ne!(name_key("Russia"), name_key("Prussia"));
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

    #[test]
    fn only_plain_https_addresses_pass() {
        for good in [
            "https://www.dawn.com/news/123",
            "https://en.kremlin.ru/events/president/news/11224?x=1#top",
        ] {
            assert!(is_https_url(good), "{good}");
        }
        for bad in [
            "http://www.dawn.com/news/123",
            "https://",
            "https:///path",
            "https://localhost",
            "https://www.dawn.com/a b",
            "https://www.dawn.com/\u{1b}]8;;x",
            "https://www.dawn.com/\u{202e}",
            "javascript:alert(1)",
            " https://www.dawn.com/",
        ] {
            assert!(!is_https_url(bad), "{bad:?}");
        }
    }
}
