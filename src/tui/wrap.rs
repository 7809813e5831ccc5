//! Word wrapping of styled text that remembers which tagged piece (a sentence, say) each
//! line holds, so that views can mark lines and the app can scroll to a piece.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// A run of text in one style, tagged with the item it belongs to.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub tag: Option<usize>,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: Style, tag: Option<usize>) -> Piece {
        Piece {
            text: text.into(),
            style,
            tag,
        }
    }
}

/// One wrapped line and the tags of the pieces on it.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub line: Line<'static>,
    pub tags: Vec<usize>,
}

fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The most characters of one piece that are laid out; the rest is shown as `…`. More
/// than fill the largest screen, so that laying out a 30 MB sentence costs what laying out
/// a screenful does.
pub const MAX_PIECE_CHARS: usize = 20_000;

thread_local! {
    /// Characters laid out on this thread so far: the work [`wrap`] did, for tests that
    /// bound it.
    static LAID_OUT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many characters [`wrap`] has laid out on this thread, and bytes the list panes have
/// measured for their rows: a measure of the work of drawing.
pub fn chars_laid_out() -> usize {
    LAID_OUT.with(std::cell::Cell::get)
}

/// Adds `n` characters to the work counted by [`chars_laid_out`].
pub(crate) fn count_laid_out(n: usize) {
    LAID_OUT.with(|c| c.set(c.get() + n));
}

/// The characters of `text` that are laid out: its first [`MAX_PIECE_CHARS`], and `…` if
/// there were more.
fn shown(text: &str) -> impl Iterator<Item = char> + '_ {
    let cut = text.char_indices().nth(MAX_PIECE_CHARS).map(|(at, _)| at);
    text[..cut.unwrap_or(text.len())]
        .chars()
        .chain(cut.map(|_| '…'))
}

/// The end of `text`, at most `n` characters of it, after a `…` when it was cut: for text
/// that leads up to what must be seen (the words before a quote).
pub fn tail(text: &str, n: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().rev().nth(n) {
        Some((at, c)) => format!("…{}", &text[at + c.len_utf8()..]).into(),
        None => text.into(),
    }
}

/// What a layout does with the breaks [`lay_out`] finds: each character kept, with its
/// width and where it came from, and each line ended, at the character that starts the
/// next (or the `\n` that ends it).
pub(crate) trait Lines<T> {
    fn push(&mut self, c: char, width: usize, at: T);
    fn newline(&mut self, at: T);
}

/// The one rule of where lines of at most `max` columns break, for every layout: at
/// spaces where it can, inside a word only when the word is longer than a line; spaces
/// that would run past the end of a line are dropped, and a `\n` ends a line. Returns how
/// many characters it looked at.
pub(crate) fn lay_out<T: Copy>(
    chars: impl Iterator<Item = (char, T)>,
    max: usize,
    lines: &mut impl Lines<T>,
) -> usize {
    let max = max.max(1);
    let mut chars = chars.peekable();
    // One word at a time: its characters, then the spaces after them.
    let mut word: Vec<(char, T)> = Vec::new();
    let mut used = 0;
    let mut laid = 0;
    while let Some(&(c, at)) = chars.peek() {
        if c == '\n' {
            lines.newline(at);
            used = 0;
            chars.next();
            laid += 1;
            continue;
        }
        word.clear();
        while let Some(&(c, at)) = chars.peek() {
            if c == ' ' || c == '\n' {
                break;
            }
            word.push((c, at));
            chars.next();
        }
        let word_end = word.len();
        while let Some(&(c, at)) = chars.peek() {
            if c != ' ' {
                break;
            }
            word.push((c, at));
            chars.next();
        }
        laid += word.len();
        let word_width: usize = word[..word_end].iter().map(|(c, _)| width(*c)).sum();
        if used > 0 && used + word_width > max {
            lines.newline(at);
            used = 0;
        }
        for &(c, at) in &word {
            let w = width(c);
            if used + w > max {
                if c == ' ' {
                    continue;
                }
                lines.newline(at);
                used = 0;
            }
            lines.push(c, w, at);
            used += w;
        }
    }
    laid
}

/// Wraps pieces into lines of at most `max` columns by the rule of [`lay_out`]. Words
/// may run across pieces, so styling part of a word never changes where lines break.
/// Each piece is cut after [`MAX_PIECE_CHARS`] characters, so the work is bounded by the
/// number of pieces, whatever their length.
pub fn wrap(pieces: &[Piece], max: usize) -> Vec<Wrapped> {
    let chars = pieces
        .iter()
        .enumerate()
        .flat_map(|(i, p)| shown(&p.text).map(move |c| (c, i)));
    let mut out = Builder {
        pieces,
        lines: Vec::new(),
        current: Wrapped::default(),
        last_piece: None,
    };
    count_laid_out(lay_out(chars, max, &mut out));
    if !out.current.line.spans.is_empty() || out.lines.is_empty() {
        out.lines.push(out.current);
    }
    out.lines
}

struct Builder<'p> {
    pieces: &'p [Piece],
    lines: Vec<Wrapped>,
    current: Wrapped,
    last_piece: Option<usize>,
}

impl Lines<usize> for Builder<'_> {
    fn newline(&mut self, _: usize) {
        self.lines.push(std::mem::take(&mut self.current));
        self.last_piece = None;
    }

    fn push(&mut self, c: char, _: usize, piece: usize) {
        let Some(source) = self.pieces.get(piece) else {
            return;
        };
        match self.current.line.spans.last_mut() {
            Some(span) if self.last_piece == Some(piece) => span.content.to_mut().push(c),
            _ => self
                .current
                .line
                .spans
                .push(Span::styled(c.to_string(), source.style)),
        }
        self.last_piece = Some(piece);
        if let Some(tag) = source.tag
            && !self.current.tags.contains(&tag)
        {
            self.current.tags.push(tag);
        }
    }
}

/// `text` in rows of at most `room` columns, broken between words (a word longer than a
/// row is cut, with `…`).
pub fn words_in_rows(text: &str, room: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let wanted = if row.is_empty() {
            word.width()
        } else {
            row.width() + 1 + word.width()
        };
        if wanted > room && !row.is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
    }
    rows.push(row);
    rows.into_iter()
        .map(|r| crate::tui::content::labels::clip(&r, room))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Wrapped]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.line
                    .spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_tracks_tags() {
        let pieces = [
            Piece::new("The visit came ", Style::new(), Some(1)),
            Piece::new("after the cancellation.", Style::new(), Some(2)),
        ];
        let lines = wrap(&pieces, 16);
        assert_eq!(
            texts(&lines),
            ["The visit came ", "after the ", "cancellation."]
        );
        assert_eq!(lines[0].tags, [1]);
        assert_eq!(lines[1].tags, [2]);
    }

    #[test]
    fn styling_part_of_a_word_does_not_move_the_break() {
        let plain = [Piece::new("ties with Russia.", Style::new(), None)];
        let split = [
            Piece::new("ties with Russia", Style::new().bold(), None),
            Piece::new(".", Style::new(), None),
        ];
        for max in 1..20 {
            assert_eq!(
                texts(&wrap(&plain, max)),
                texts(&wrap(&split, max)),
                "width {max}"
            );
        }
    }

    #[test]
    fn breaks_words_longer_than_a_line_and_never_exceeds_the_width() {
        let pieces = [Piece::new(
            "Turkmenistan-Afghanistan-Pakistan-India pipeline",
            Style::new(),
            None,
        )];
        for max in 1..30 {
            for line in wrap(&pieces, max) {
                let w: usize = line
                    .line
                    .spans
                    .iter()
                    .flat_map(|s| s.content.chars())
                    .map(width)
                    .sum();
                assert!(w <= max, "{w} > {max}");
            }
        }
        let joined: String = texts(&wrap(&pieces, 7)).concat();
        assert_eq!(
            joined.replace(' ', ""),
            "Turkmenistan-Afghanistan-Pakistan-Indiapipeline"
        );
    }

    #[test]
    fn a_long_piece_is_cut_and_a_tail_keeps_the_end() {
        let long = "word ".repeat(100_000);
        let before = chars_laid_out();
        let lines = wrap(&[Piece::new(long.as_str(), Style::new(), None)], 80);
        // 20,000 characters and the `…`, not 500,000.
        assert_eq!(chars_laid_out() - before, MAX_PIECE_CHARS + 1);
        let joined: String = texts(&lines).concat();
        assert!(joined.ends_with('…'), "{}", &joined[joined.len() - 20..]);
        assert_eq!(joined.chars().filter(|c| *c == 'w').count(), 4_000);
        assert_eq!(tail("abcdef", 3), "…def");
        assert_eq!(tail("abc", 3), "abc");
        assert_eq!(tail("aé中", 2), "…é中");
    }

    #[test]
    fn newlines_end_lines() {
        let pieces = [Piece::new("one\n\ntwo", Style::new(), None)];
        assert_eq!(texts(&wrap(&pieces, 40)), ["one", "", "two"]);
    }
}
