//! The parts of an article's text: its paragraphs, and a guess at the role of each
//! (headline, standfirst, the carrier's boilerplate, body, byline).

use super::split::sentences;
use crate::model::types::SentenceRole;

/// One paragraph: its text on one line, and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's lines joined by a space, each without whitespace at its ends.
    pub text: String,
    /// Its sentences, verbatim but for whitespace: a run of whitespace that is not all
    /// spaces (a tab, a line break) is one space.
    pub sentences: Vec<String>,
    pub role: SentenceRole,
}

/// How lines of the carrier's own start: not the author's words, and making no claims.
const BOILERPLATE: &[&str] = &[
    "powered by",
    "advertisement",
    "share this",
    "share on",
    "read more",
    "read next",
    "related:",
    "sign up",
    "subscribe",
    "follow us",
    "copyright",
    "©",
    "all rights reserved",
    "click here",
    "image caption",
    "image:",
    "photo:",
    "listen to this",
];

/// The paragraphs of `text`, each with its role guessed.
///
/// A line with text on it is a paragraph (a line of only whitespace, a no-break space
/// included, is blank), as text copied from a web page comes. Text wrapped at a width
/// is put back together: a line that stops mid-sentence continues on the next line when
/// that starts in lower case or the first ends with a comma or semicolon.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut joined: Vec<String> = Vec::new();
    let mut open = false;
    // Lines end as Unix ends them, as Windows does (CR LF) or as classic Mac files do (a
    // lone CR).
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        match joined.last_mut() {
            Some(last) if open && continues(last, line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => joined.push(line.to_string()),
        }
        open = true;
    }
    let count = joined.len();
    joined
        .into_iter()
        .enumerate()
        .map(|(n, text)| {
            let sentences: Vec<String> = sentences(&text)
                .into_iter()
                .map(|range| one_line(&text[range]))
                .collect();
            let role = role(n, count, &text, sentences.len());
            Paragraph {
                text: one_line(&text),
                sentences,
                role,
            }
        })
        .collect()
}

/// Whether `next` carries on the paragraph that `so_far` holds.
fn continues(so_far: &str, next: &str) -> bool {
    let end = so_far.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    let stopped = end.ends_with(['.', '!', '?', '…', ':']);
    if stopped {
        return false;
    }
    let lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    lower || so_far.ends_with([',', ';'])
}

/// `text` with every run of whitespace that is not all spaces made one space.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush(&mut out, &mut run);
        out.push(c);
    }
    flush(&mut out, &mut run);
    out
}

fn flush(out: &mut String, run: &mut String) {
    if run.is_empty() {
        return;
    }
    // Spaces of any width stay as published; tabs and line breaks cannot be in a model.
    if run.chars().all(is_space) {
        out.push_str(run);
    } else {
        out.push(' ');
    }
    run.clear();
}

/// Whether `c` is a space (Unicode's space separators: the no-break space, thin spaces).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// The role of paragraph `n` (from 0) of `count`.
fn role(n: usize, count: usize, text: &str, sentences: usize) -> SentenceRole {
    let lower = text.to_lowercase();
    if n == 0 {
        return SentenceRole::Headline;
    }
    if sentences == 1 && text.split_whitespace().count() <= 12 && is_boilerplate(&lower) {
        return SentenceRole::Boilerplate;
    }
    if sentences == 1 && (is_by_line(text) || (n + 1 == count && n > 1 && is_author_note(text))) {
        return SentenceRole::Byline;
    }
    if n == 1 {
        return SentenceRole::Standfirst;
    }
    SentenceRole::Body
}

/// Whether a short line (in lower case) is the carrier's: it starts with one of
/// [`BOILERPLATE`] as whole words ("Subscribe", not "Subscribers to …").
fn is_boilerplate(lower: &str) -> bool {
    BOILERPLATE.iter().any(|b| {
        lower.strip_prefix(b).is_some_and(|rest| {
            !(b.ends_with(char::is_alphanumeric) && rest.starts_with(char::is_alphanumeric))
        })
    })
}

/// "By Harsh V Pant": a short line naming the author.
fn is_by_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next() == Some("By")
        && words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        && text.split_whitespace().count() <= 8
}

/// The note at an article's end on who wrote it: "Harsh V Pant is a reader in …", or any
/// last line with no full stop, which a body sentence would have.
fn is_author_note(text: &str) -> bool {
    let unstopped = !text
        .trim_end()
        .ends_with(['.', '!', '?', '…', '"', '”', ')']);
    if unstopped {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let name = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (2..=5).contains(&name)
        && matches!(words.get(name), Some(&"is" | &"was"))
        && matches!(words.get(name + 1), Some(&"a" | &"an" | &"the"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_are_one_paragraph_but_lines_that_end_sentences_are_not() {
        let text = "A headline\nA standfirst\n\nThe council voted\nto wait, and the\nmayor agreed. It\nwas late.\nNext paragraph.\n";
        let parts = paragraphs(text);
        let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A headline",
                "A standfirst",
                "The council voted to wait, and the mayor agreed. It was late.",
                "Next paragraph."
            ]
        );
        assert_eq!(
            parts[2].sentences,
            [
                "The council voted to wait, and the mayor agreed.",
                "It was late."
            ]
        );
    }

    #[test]
    fn tabs_and_breaks_inside_a_sentence_become_a_space_and_spaces_stay() {
        assert_eq!(one_line("a\tb  c\u{a0}d \r e"), "a b  c\u{a0}d e");
    }

    #[test]
    fn roles_are_guessed_from_place_and_form() {
        let text = "Head\n\nStand\n\nPowered by automated translation\n\nBody one.\nBody two.\n\u{a0}\nJane Roe is a reader at a college";
        let roles: Vec<SentenceRole> = paragraphs(text).iter().map(|p| p.role).collect();
        use SentenceRole::*;
        assert_eq!(
            roles,
            [Headline, Standfirst, Boilerplate, Body, Body, Byline]
        );
        let ends = "Head\n\nStand\n\nBody one.\n\nThe council should wait.";
        assert_eq!(paragraphs(ends).last().map(|p| p.role), Some(Body));
        let carrier = "Head\n\nStand\n\nSubscribe to our newsletter\n\nSubscribers pay less.";
        let roles: Vec<SentenceRole> = paragraphs(carrier).iter().map(|p| p.role).collect();
        assert_eq!(roles, [Headline, Standfirst, Boilerplate, Body]);
        let by = "Head\n\nBy Jane Roe\n\nBody.";
        assert_eq!(paragraphs(by)[1].role, Byline);
    }
}
