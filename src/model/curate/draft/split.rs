//! Cutting a paragraph into sentences, as an article's text has them: a full stop, a
//! question mark, an exclamation mark or an ellipsis ends a sentence when what follows
//! starts a new one, but not after a title ("Dr. Rao"), an initial ("Harsh V. Pant"), an
//! abbreviation with full stops ("U.S.", "e.g.") or inside a figure ("3.5").

use std::ops::Range;

/// Words shortened with a full stop that never ends a sentence: titles, which some house
/// styles stop ("Dr.", "Gen.") and a name follows, and a few abbreviations ("cf.", "vs.").
pub const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cmdr",
    "Cdr", "Adm", "Brig", "Rev", "Fr", "Sr", "Jr", "St", "Sen", "Rep", "Gov", "Pres", "Hon",
    "Messrs", "Mme", "Mlle", "Amb", "Insp", "Supt", "Pte", "Cpl", "Hr", "Fig", "cf", "vs", "viz",
    "approx", "ca",
];

/// Abbreviations that stand before a figure ("No. 10", "Oct. 2", "p. 5").
const BEFORE_FIGURES: &[&str] = &[
    "No", "Nos", "no", "Vol", "vol", "Art", "art", "Ch", "ch", "Sec", "sec", "pp", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Whether `c` ends a sentence: `.`, `!`, `?`, `…`, and their full-width forms.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Whether `c` closes a quotation or a bracket, and so may follow a sentence's end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Whether `c` opens a quotation or a bracket, and so may come before a sentence's start.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '„' | '「' | '『'
    )
}

/// The sentences of `paragraph`, as byte ranges with no whitespace at either end, in
/// order. Only whitespace lies between them: every other character is in a sentence.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(paragraph.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let mut start = next_visible(&chars, 0);
    let mut i = start;
    while i < chars.len() {
        if !is_terminator(chars[i].1) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_terminator(chars[end].1) {
            end += 1;
        }
        let stops = end - i;
        while end < chars.len() && is_closer(chars[end].1) {
            end += 1;
        }
        let next = next_visible(&chars, end);
        let spaced = next > end;
        let ends = next == chars.len()
            || (spaced && starts_sentence(&chars, next) && !shortened(&chars, i, stops, end, next));
        if ends {
            out.push(byte(start)..byte(end));
            start = next;
        }
        i = end;
    }
    if start < chars.len() {
        let last = chars
            .iter()
            .rposition(|(_, c)| !c.is_whitespace())
            .unwrap_or(start);
        out.push(byte(start)..byte(last + 1));
    }
    out
}

/// The first character at or after `from` that is not whitespace (the length if none).
fn next_visible(chars: &[(usize, char)], from: usize) -> usize {
    (from..chars.len())
        .find(|&i| !chars[i].1.is_whitespace())
        .unwrap_or(chars.len())
}

/// Whether a sentence may start at `at`: past any opening quotes and brackets, a letter
/// or figure that is not lower case (a capital, a digit, a letter of a script without
/// case).
fn starts_sentence(chars: &[(usize, char)], at: usize) -> bool {
    chars[at..]
        .iter()
        .map(|(_, c)| *c)
        .find(|c| !is_opener(*c))
        .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
}

/// Whether the full stop at `stop` shortens a word instead of ending the sentence: a
/// title, an initial, an abbreviation with full stops inside it, or one that stands
/// before a figure when a figure follows. Only a lone full stop with nothing closing
/// after it can.
fn shortened(chars: &[(usize, char)], stop: usize, stops: usize, end: usize, next: usize) -> bool {
    if stops != 1 || end != stop + 1 || chars[stop].1 != '.' {
        return false;
    }
    let word_start = (0..stop)
        .rev()
        .find(|&i| chars[i].1.is_whitespace() || is_opener(chars[i].1))
        .map_or(0, |i| i + 1);
    let word: String = chars[word_start..stop].iter().map(|(_, c)| *c).collect();
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().all(char::is_alphabetic);
    if letters && word.chars().count() == 1 {
        return true; // An initial: "Harsh V. Pant", "A. N. Example".
    }
    if word_start == 0 && word.chars().count() <= 3 && word.chars().all(|c| c.is_ascii_digit()) {
        return true; // A list's number: "1. The first reason …".
    }
    if TITLES.contains(&word.as_str()) {
        return true;
    }
    if BEFORE_FIGURES.contains(&word.as_str()) && chars[next].1.is_ascii_digit() {
        return true;
    }
    // "U.S", "e.g", "Ph.D": short pieces of letters between full stops.
    word.contains('.')
        && word.split('.').all(|piece| {
            (1..=2).contains(&piece.chars().count()) && piece.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_paragraph_without_an_end_is_one_sentence() {
        assert_eq!(
            split("  Powered by automated translation "),
            ["Powered by automated translation"]
        );
        assert!(split("   ").is_empty());
        assert!(split("").is_empty());
    }

    #[test]
    fn full_stops_inside_words_do_not_end_sentences() {
        assert_eq!(
            split("It grew 3.5 per cent. Then it fell."),
            ["It grew 3.5 per cent.", "Then it fell."]
        );
        assert_eq!(
            split("See example.com for more."),
            ["See example.com for more."]
        );
    }
}
