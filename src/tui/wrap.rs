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

/// Wraps pieces into lines of at most `max` columns, breaking at spaces where it can and
/// inside words only when a word is longer than a line. A `\n` ends a line. Words may run
/// across pieces, so styling part of a word never changes where lines break.
pub fn wrap(pieces: &[Piece], max: usize) -> Vec<Wrapped> {
    let max = max.max(1);
    let chars: Vec<(char, usize)> = pieces
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.text.chars().map(move |c| (c, i)))
        .collect();
    let mut out = Builder {
        lines: Vec::new(),
        current: Wrapped::default(),
        last_piece: None,
        used: 0,
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i].0 == '\n' {
            out.newline();
            i += 1;
            continue;
        }
        // A word: non-space characters, then the spaces after them.
        let start = i;
        while i < chars.len() && chars[i].0 != ' ' && chars[i].0 != '\n' {
            i += 1;
        }
        let word_end = i;
        while i < chars.len() && chars[i].0 == ' ' {
            i += 1;
        }
        let word_width: usize = chars[start..word_end].iter().map(|(c, _)| width(*c)).sum();
        if out.used > 0 && out.used + word_width > max {
            out.newline();
        }
        for &(c, piece) in &chars[start..i] {
            let w = width(c);
            if out.used + w > max {
                if c == ' ' {
                    continue;
                }
                out.newline();
            }
            out.push(c, w, piece, pieces);
        }
    }
    if !out.current.line.spans.is_empty() || out.lines.is_empty() {
        out.lines.push(out.current);
    }
    out.lines
}

struct Builder {
    lines: Vec<Wrapped>,
    current: Wrapped,
    last_piece: Option<usize>,
    used: usize,
}

impl Builder {
    fn newline(&mut self) {
        self.lines.push(std::mem::take(&mut self.current));
        self.last_piece = None;
        self.used = 0;
    }

    fn push(&mut self, c: char, w: usize, piece: usize, pieces: &[Piece]) {
        let Some(source) = pieces.get(piece) else {
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
        self.used += w;
        if let Some(tag) = source.tag
            && !self.current.tags.contains(&tag)
        {
            self.current.tags.push(tag);
        }
    }
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
    fn newlines_end_lines() {
        let pieces = [Piece::new("one\n\ntwo", Style::new(), None)];
        assert_eq!(texts(&wrap(&pieces, 40)), ["one", "", "two"]);
    }
}
