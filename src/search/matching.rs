//! Cheap tests that run before the fuzzy matcher: which letters a text holds, and whether
//! a term can be read in it with its letters close together.

/// Extra characters a term's letters may have between them and still read as the term:
/// a typo or two, a skipped syllable. A constant (rather than a share of the term's
/// length) keeps the test monotone: whatever reads as "paki" also reads as "pak", which
/// lets a longer query search only the hits of the shorter one.
pub const SLACK: usize = 3;

/// A bit for each ASCII letter and digit a text holds; bit 63 for anything else.
pub fn mask(lower: &str) -> u64 {
    lower.bytes().fold(0, |m, b| m | bit(b))
}

fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        b if b.is_ascii() => 0,
        _ => 1 << 63,
    }
}

/// Whether `term` can be read in `text` (both lowercased): its characters in order within
/// a window of the term's length plus [`SLACK`], or each at the start of a word, as an
/// acronym is.
#[cfg(test)]
pub fn reads_as(text: &str, term: &str) -> bool {
    reads_as_known(text, text.is_ascii(), term)
}

/// As [`reads_as`], with whether `text` is ASCII already known.
pub fn reads_as_known(text: &str, text_is_ascii: bool, term: &str) -> bool {
    if text_is_ascii && term.is_ascii() {
        compact(text.as_bytes(), term.as_bytes()) || acronym(text.as_bytes(), term.as_bytes())
    } else {
        let text: Vec<char> = text.chars().collect();
        let term: Vec<char> = term.chars().collect();
        compact(&text, &term) || acronym(&text, &term)
    }
}

/// The term's characters in order within `term.len() + SLACK` of where it starts. Trying
/// each place the first character occurs, the earliest match from there is the tightest.
fn compact<T: PartialEq>(text: &[T], term: &[T]) -> bool {
    let Some(first) = term.first() else {
        return true;
    };
    let window = term.len() + SLACK;
    for (start, c) in text.iter().enumerate() {
        if c != first {
            continue;
        }
        let end = (start + window).min(text.len());
        let mut wanted = term[1..].iter();
        let mut next = wanted.next();
        for c in &text[start + 1..end] {
            match next {
                Some(w) if w == c => next = wanted.next(),
                Some(_) => {}
                None => break,
            }
        }
        if next.is_none() {
            return true;
        }
    }
    false
}

trait Letter: PartialEq + Copy {
    fn alphanumeric(self) -> bool;
}

impl Letter for u8 {
    fn alphanumeric(self) -> bool {
        self.is_ascii_alphanumeric()
    }
}

impl Letter for char {
    fn alphanumeric(self) -> bool {
        self.is_alphanumeric()
    }
}

/// The term's characters, in order, each at the start of a word ("sco" in "Shanghai
/// Cooperation Organisation").
fn acronym<T: Letter>(text: &[T], term: &[T]) -> bool {
    let mut wanted = term.iter();
    let mut next = wanted.next();
    let mut previous: Option<T> = None;
    for &c in text {
        let starts_word = c.alphanumeric() && !previous.is_some_and(Letter::alphanumeric);
        previous = Some(c);
        match next {
            Some(&w) if starts_word && w == c => next = wanted.next(),
            Some(_) => {}
            None => break,
        }
    }
    next.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_hold_the_letters() {
        let m = mask("pakistan 2012");
        assert_eq!(mask("kit") & !m, 0);
        assert_ne!(mask("z") & !m, 0);
        assert_ne!(mask("é") & !mask("pakistan"), 0);
    }

    #[test]
    fn a_term_reads_close_together_or_as_initials() {
        assert!(reads_as("vladimir putin", "putn"));
        assert!(reads_as("shanghai cooperation organisation", "sco"));
        assert!(reads_as("moscow", "mosc"));
        assert!(!reads_as(
            "pakistan currently has few friends in the world",
            "kayani"
        ));
        assert!(!reads_as(
            "only the united states exports more arms",
            "mosc"
        ));
        assert!(reads_as("göteborg", "gö"));
        assert!(!reads_as("abc", "abcd"));
    }

    #[test]
    fn reading_is_monotone_in_the_term() {
        // Whatever reads as a longer term reads as each of its prefixes.
        let texts = [
            "p....a..kistan",
            "pa k i s t a n",
            "putin",
            "the pakistani military",
        ];
        for text in texts {
            for term in ["pakistan", "paki", "putin", "pkstn"] {
                if reads_as(text, term) {
                    for n in 1..term.len() {
                        assert!(
                            reads_as(text, &term[..n]),
                            "{text:?} reads as {term:?} but not {:?}",
                            &term[..n]
                        );
                    }
                }
            }
        }
    }
}
