//! Cheap tests that run before the fuzzy matcher: which letters a text holds, and whether
//! a term can be read in it with its letters close together.

/// Extra characters a term's letters may have between them and still read as the term:
/// a typo or two, a skipped syllable. A constant (rather than a share of the term's
/// length) keeps the test monotone: whatever reads as "paki" also reads as "pak", which
/// lets a longer query search only the hits of the shorter one.
pub const SLACK: usize = 3;

/// A bit for each ASCII letter and digit a text holds; bit 63 for anything else.
pub fn mask(lower: &str) -> u64 {
    lower.bytes().fold(0, |m, b| m | BITS[usize::from(b)])
}

/// Each byte's bit of a mask, looked up: the model's every text is masked once a load.
static BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        bits[b] = bit(b as u8);
        b += 1;
    }
    bits
};

const fn bit(b: u8) -> u64 {
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
    // A number is read whole, from the start of a number: "2011" is not the figures of
    // "2012-07-11" scattered, nor the end of "12011".
    if !term.is_empty() && term.bytes().all(|b| b.is_ascii_digit()) {
        return memchr::memmem::find_iter(text.as_bytes(), term.as_bytes())
            .any(|at| at == 0 || !text.as_bytes()[at - 1].is_ascii_digit());
    }
    if text_is_ascii && term.is_ascii() {
        let (text, term) = (text.as_bytes(), term.as_bytes());
        compact_bytes(text, term).is_some() || acronym_bytes(text, term)
    } else {
        let text: Vec<char> = text.chars().collect();
        let term: Vec<char> = term.chars().collect();
        compact(&text, &term) || acronym(&text, &term)
    }
}

/// The most of one text the fuzzy matcher scores, in bytes. The matcher's time and memory
/// grow with the text's length times the term's, so a longer text is scored only in a
/// window of this size around where the term reads. Every text of the bundled model is
/// shorter, so only a text of over some 150 words is ever scored in part.
pub const SCORED_BYTES: usize = 1024;

/// How much of the text before where a term reads the window keeps, for the matcher to
/// weigh the word the term starts in.
const LEAD_BYTES: usize = 64;

/// The part of `lower` the fuzzy matcher scores for `term`, and where it starts (in
/// bytes): the whole text when it is at most [`SCORED_BYTES`], else a window of that size
/// from a little before where the term first reads close together (or from the start).
pub fn scored_window<'a>(lower: &'a str, term: &str) -> (usize, &'a str) {
    if lower.len() <= SCORED_BYTES {
        return (0, lower);
    }
    let at = if lower.is_ascii() && term.is_ascii() {
        compact_bytes(lower.as_bytes(), term.as_bytes())
    } else {
        let text: Vec<char> = lower.chars().collect();
        let term: Vec<char> = term.chars().collect();
        compact_at(&text, &term).and_then(|c| lower.char_indices().nth(c).map(|(b, _)| b))
    };
    let mut start = at.unwrap_or(0).saturating_sub(LEAD_BYTES);
    while !lower.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + SCORED_BYTES).min(lower.len());
    while !lower.is_char_boundary(end) {
        end -= 1;
    }
    (start, &lower[start..end])
}

/// The term's characters in order within `term.len() + SLACK` of where it starts. Trying
/// each place the first character occurs, the earliest match from there is the tightest.
fn compact<T: PartialEq>(text: &[T], term: &[T]) -> bool {
    term.is_empty() || compact_at(text, term).is_some()
}

/// [`compact_at`] over bytes, which finds the places the term's first byte occurs with
/// memchr instead of testing every byte: the cheap pass runs it on every entry of a large
/// model at each keystroke.
fn compact_bytes(text: &[u8], term: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = term.split_first() else {
        return Some(0);
    };
    let window = term.len() + SLACK;
    'starts: for start in memchr::memchr_iter(first, text) {
        let end = (start + window).min(text.len());
        let mut wanted = rest.iter();
        let Some(mut next) = wanted.next() else {
            return Some(start);
        };
        for c in &text[start + 1..end] {
            if c == next {
                match wanted.next() {
                    Some(w) => next = w,
                    None => return Some(start),
                }
            }
        }
        continue 'starts;
    }
    None
}

/// [`acronym`] over bytes: jumps with memchr to each place the next wanted letter occurs,
/// and takes the first that starts a word, instead of testing every byte of the text.
fn acronym_bytes(text: &[u8], term: &[u8]) -> bool {
    let mut from = 0;
    for &wanted in term {
        loop {
            let Some(at) = text
                .get(from..)
                .and_then(|rest| memchr::memchr(wanted, rest))
            else {
                return false;
            };
            let at = from + at;
            from = at + 1;
            let after_word = at > 0 && text[at - 1].is_ascii_alphanumeric();
            if wanted.is_ascii_alphanumeric() && !after_word {
                break;
            }
        }
    }
    true
}

/// Where [`compact`] first finds the term, as a position in `text`.
fn compact_at<T: PartialEq>(text: &[T], term: &[T]) -> Option<usize> {
    let first = term.first()?;
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
            return Some(start);
        }
    }
    None
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
    fn long_texts_are_scored_in_a_window_where_the_term_reads() {
        let short = "putin visited";
        assert_eq!(scored_window(short, "putin"), (0, short));
        let long = format!(
            "{} kayani went to moscow {}",
            "é".repeat(3000),
            "x".repeat(3000)
        );
        let (start, window) = scored_window(&long, "kayani");
        assert!(window.len() <= SCORED_BYTES && window.len() > SCORED_BYTES - 4);
        assert!(window.contains("kayani went"));
        assert_eq!(&long[start..start + window.len()], window);
        let nowhere = scored_window(&long, "qqq");
        assert_eq!(
            nowhere.0, 0,
            "a term that does not read is scored from the start"
        );
    }

    proptest::proptest! {
        // However long the text, what is scored is at most the window, taken from the
        // text, and a term that reads in the text still reads in what is scored.
        #[test]
        fn the_window_is_bounded_and_keeps_the_reading(
            text in "[ab é]{0,3000}",
            term in "[abé]{1,6}",
        ) {
            let (start, window) = scored_window(&text, &term);
            proptest::prop_assert!(window.len() <= SCORED_BYTES);
            proptest::prop_assert_eq!(&text[start..start + window.len()], window);
            if compact(&text.chars().collect::<Vec<_>>(), &term.chars().collect::<Vec<_>>()) {
                proptest::prop_assert!(reads_as(window, &term));
            }
        }
    }

    proptest::proptest! {
        // The byte version finds what the general one finds, at the same place.
        #[test]
        fn bytes_and_letters_agree(text in "[abc .-]{0,40}", term in "[abc.]{0,5}") {
            proptest::prop_assert_eq!(
                acronym_bytes(text.as_bytes(), term.as_bytes()),
                acronym(text.as_bytes(), term.as_bytes())
            );
            proptest::prop_assert_eq!(
                compact_bytes(text.as_bytes(), term.as_bytes()),
                if term.is_empty() { Some(0) } else { compact_at(text.as_bytes(), term.as_bytes()) }
            );
        }
    }

    #[test]
    fn a_number_reads_whole_from_the_start_of_a_number() {
        assert!(reads_as("visited in may 2011", "2011"));
        assert!(reads_as("2011-05-12", "2011"));
        assert!(
            reads_as("in 2011.", "201"),
            "the start of a number, as typed so far"
        );
        assert!(!reads_as("2012-07-11", "2011"), "not scattered");
        assert!(
            !reads_as("12011 troops", "2011"),
            "not the end of another number"
        );
    }

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
