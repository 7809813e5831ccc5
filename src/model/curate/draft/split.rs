//! Cutting a paragraph into sentences, as an article's text has them: a full stop, a
//! question mark, an exclamation mark or an ellipsis ends a sentence when what follows
//! starts a new one, but not after a title ("Dr. Rao"), an initial ("Harsh V. Pant"), an
//! abbreviation with full stops ("U.S.", "e.g.") unless a sentence plainly starts after
//! it ("in the U.S. How …"), inside a figure ("3.5"), an ellipsis in brackets ("[...]")
//! or three spaced dots (". . ."). A numbered or lettered list run into one paragraph
//! ("1) … 2) …", "a. … b. …") is cut before each item.

use std::collections::HashSet;
use std::ops::Range;

/// Words shortened with a full stop that never ends a sentence: titles, which some house
/// styles stop ("Dr.", "Gen.") and a name follows, and a few abbreviations ("cf.", "vs.").
pub const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cmdr",
    "Cdr", "Adm", "Brig", "Rev", "Fr", "Sr", "Jr", "St", "Sen", "Rep", "Gov", "Pres", "Hon",
    "Messrs", "Mme", "Mlle", "Amb", "Insp", "Supt", "Pte", "Cpl", "Hr", "Fig", "cf", "vs", "viz",
    "approx", "ca", "Mt", "Ft", "Mts",
];

/// Words that start sentences far more often than they follow an abbreviation: after
/// "U.S." or "a.m.", one of these begins a new sentence ("… in the U.S. How about …"),
/// where another capital word goes on with it ("the U.S. Government").
const STARTERS: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They",
    "I", "You", "His", "Her", "Our", "Their", "My", "There", "Here", "How", "What", "When",
    "Where", "Who", "Why", "Which", "But", "And", "So", "Yet", "However", "Still", "Then", "Now",
    "If", "In", "On", "At", "For", "As", "After", "Before", "Since", "While", "Did", "Do", "Does",
    "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should",
];

/// Abbreviations that stand before a figure ("No. 10", "Oct. 2", "p. 5").
const BEFORE_FIGURES: &[&str] = &[
    "No", "Nos", "no", "N°", "Nº", "Vol", "vol", "Art", "art", "Ch", "ch", "Sec", "sec", "pp",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
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
    let (items, markers) = list_items(&chars);
    let mut out = Vec::new();
    let mut start = next_visible(&chars, 0);
    let mut i = start;
    while i < chars.len() {
        // A list's next item starts a sentence of its own.
        if items.contains(&i) && i > start {
            let last = (start..i).rev().find(|&k| !chars[k].1.is_whitespace());
            if let Some(last) = last {
                out.push(byte(start)..byte(last + 1));
            }
            start = i;
        }
        if !is_terminator(chars[i].1) || markers.contains(&i) || omission(&chars, i) {
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

/// Where the items of a list run into one paragraph start, after the first ("2) …"), and
/// the full stops of their markers ("1.", "a."), which end nothing. A marker is a number
/// of up to three figures or a lower-case letter, after an optional bullet, and followed
/// by `.`, `)` or `.)`, a space and a capital, at the paragraph's start or after a space;
/// it counts only beside the next in its series (1 then 2, b then c), so that "in 2010.
/// The" is no list.
fn list_items(chars: &[(usize, char)]) -> (HashSet<usize>, HashSet<usize>) {
    // Each marker: where it starts, its number in its series, and its full stop if any.
    let mut found: Vec<(usize, u32, bool, Option<usize>)> = Vec::new();
    for at in 0..chars.len() {
        if at > 0 && !chars[at - 1].1.is_whitespace() {
            continue;
        }
        let mut k = at;
        if matches!(chars[k].1, '•' | '⁃' | '◦' | '▪' | '-' | '*') {
            k += 1;
            while k < chars.len() && chars[k].1 == ' ' {
                k += 1;
            }
        }
        let digits = (k..chars.len().min(k + 4))
            .take_while(|&j| chars[j].1.is_ascii_digit())
            .count();
        let (number, letter, after) = if (1..=3).contains(&digits) {
            let text: String = chars[k..k + digits].iter().map(|(_, c)| *c).collect();
            (text.parse::<u32>().unwrap_or(0), false, k + digits)
        } else if k < chars.len() && chars[k].1.is_ascii_lowercase() {
            (u32::from(chars[k].1) - u32::from('a') + 1, true, k + 1)
        } else {
            continue;
        };
        let at_char = |j: usize| chars.get(j).map(|(_, c)| *c);
        let (stop, closed) = match (at_char(after), at_char(after + 1)) {
            (Some('.'), Some(')')) => (Some(after), after + 2),
            (Some('.'), _) => (Some(after), after + 1),
            (Some(')'), _) => (None, after + 1),
            _ => continue,
        };
        let spaced = at_char(closed).is_some_and(char::is_whitespace);
        let capital = next_visible(chars, closed);
        if !spaced || !chars.get(capital).is_some_and(|(_, c)| c.is_uppercase()) {
            continue;
        }
        found.push((at, number, letter, stop));
    }
    let mut items = HashSet::new();
    let mut markers = HashSet::new();
    for (n, marker) in found.iter().enumerate() {
        let follows = |other: &(usize, u32, bool, Option<usize>)| {
            other.2 == marker.2 && other.1 + 1 == marker.1
        };
        let leads = |other: &(usize, u32, bool, Option<usize>)| {
            other.2 == marker.2 && marker.1 + 1 == other.1
        };
        let before = n.checked_sub(1).and_then(|p| found.get(p));
        let after = found.get(n + 1);
        if before.is_some_and(follows) {
            items.insert(marker.0);
        }
        if before.is_some_and(follows) || after.is_some_and(leads) {
            markers.extend(marker.3);
        }
    }
    (items, markers)
}

/// Whether the full stop at `at` is part of an omission, not a sentence's end: an
/// ellipsis in square brackets ("[...]"), or three dots spaced apart (". . .") whose last
/// is `at`, as a quotation cut short is marked (a fourth dot, the sentence's own stop,
/// does end it).
fn omission(chars: &[(usize, char)], at: usize) -> bool {
    let c = |j: usize| chars.get(j).map(|(_, c)| *c);
    if c(at) != Some('.') {
        return false;
    }
    // Inside "[" … "]" with only dots between.
    let first = (0..=at)
        .rev()
        .take_while(|&j| c(j) == Some('.'))
        .last()
        .unwrap_or(at);
    let last = (at..chars.len())
        .take_while(|&j| c(j) == Some('.'))
        .last()
        .unwrap_or(at);
    if first > 0 && c(first - 1) == Some('[') && c(last + 1) == Some(']') {
        return true;
    }
    // ". . ." : dots each one space apart, exactly three, ending here.
    let mut dots = 1;
    let mut j = at;
    while j >= 2 && c(j - 1) == Some(' ') && c(j - 2) == Some('.') {
        dots += 1;
        j -= 2;
    }
    let spaced_next = c(at + 1) == Some(' ') && c(at + 2) == Some('.');
    dots == 3 && !spaced_next && !(j > 0 && c(j - 1) == Some('.'))
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
    if word == "I" && before_is_lower(chars, word_start) {
        return false; // The pronoun, ending "… you and I."
    }
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
    // "U.S", "e.g", "Ph.D": short pieces of letters between full stops; unless what
    // follows is a word that starts sentences ("… in the U.S. How about you?").
    word.contains('.')
        && word.split('.').all(|piece| {
            (1..=2).contains(&piece.chars().count()) && piece.chars().all(char::is_alphabetic)
        })
        && !STARTERS.contains(&next_word(chars, next).as_str())
}

/// Whether the word before the one starting at `word_start` starts in lower case ("and
/// I", not "Albert I").
fn before_is_lower(chars: &[(usize, char)], word_start: usize) -> bool {
    let Some(end) = (0..word_start).rev().find(|&i| !chars[i].1.is_whitespace()) else {
        return false;
    };
    let start = (0..=end)
        .rev()
        .find(|&i| chars[i].1.is_whitespace())
        .map_or(0, |i| i + 1);
    chars[start..=end]
        .iter()
        .find(|(_, c)| c.is_alphabetic())
        .is_some_and(|(_, c)| c.is_lowercase())
}

/// The word starting at `at`, up to a space or a mark.
fn next_word(chars: &[(usize, char)], at: usize) -> String {
    chars[at..]
        .iter()
        .map(|(_, c)| *c)
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect()
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
