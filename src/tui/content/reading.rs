//! Reading mode's text: the whole article in order, set in a readable width, with a gutter
//! of paragraph numbers and marks for the sentences that carry claims, and the highlighted
//! claim's quote standing out. Where the lines break is laid out once for a width, kept
//! compact (a paragraph's text and each line's place in it); the lines on screen are
//! styled when they are drawn, so that moving the highlight costs a screenful, not an
//! article.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::{Index, SentenceRole};
use crate::tui::theme::Theme;
use crate::tui::wrap::{Lines, MAX_PIECE_CHARS, lay_out};

/// Columns left of the text: a paragraph number and a claim marker.
pub const GUTTER: usize = 5;
/// The longest line the article is set in, for readability on wide terminals.
pub const MAX_TEXT_WIDTH: usize = 96;

/// The width the article text is set in, for a body of `width` columns.
pub fn text_width(width: usize) -> usize {
    width.saturating_sub(GUTTER + 1).clamp(1, MAX_TEXT_WIDTH)
}

/// The article laid out: where each line breaks, and the sentences on each line.
#[derive(Debug, Clone, Default)]
pub struct ReadingText {
    /// For each line, the sentences on it (a line holds consecutive sentences).
    pub tags: Vec<Range<usize>>,
    /// For each line, its paragraph (an index into `paragraphs`; none for the blank line
    /// between two) and its bytes in that paragraph's text.
    rows: Vec<Option<(usize, Range<usize>)>>,
    paragraphs: Vec<Paragraph>,
    /// The width it was laid out for; `None` before the first.
    pub laid_for: Option<usize>,
}

/// One paragraph's text as laid out (each sentence cut after [`MAX_PIECE_CHARS`]
/// characters), its number, and where each of its sentences is in it.
#[derive(Debug, Clone, Default)]
struct Paragraph {
    number: u32,
    /// Its number as a reader counts (the body's, from its first); none before the body.
    shown: Option<u32>,
    text: String,
    sentences: Vec<(usize, Range<usize>)>,
}

/// Lays the article out at `width` columns (gutter included).
pub fn reading(index: &Index, width: usize) -> ReadingText {
    let max = text_width(width);
    let mut laid = ReadingText {
        laid_for: Some(width),
        ..ReadingText::default()
    };
    let mut paragraph = Paragraph::default();
    let sentences = &index.model().sentences;
    let first_body = index.first_body_paragraph();
    for (i, sentence) in sentences.iter().enumerate() {
        if !paragraph.sentences.is_empty() && paragraph.number != sentence.paragraph {
            laid.add(std::mem::take(&mut paragraph), max);
            laid.rows.push(None);
            laid.tags.push(0..0);
        }
        if paragraph.sentences.is_empty() {
            paragraph.number = sentence.paragraph;
            paragraph.shown = crate::model::body_number(first_body, sentence.paragraph);
        } else {
            paragraph.text.push(' ');
        }
        let start = paragraph.text.len();
        match sentence.text.char_indices().nth(MAX_PIECE_CHARS) {
            Some((cut, _)) => {
                paragraph.text.push_str(&sentence.text[..cut]);
                paragraph.text.push('…');
            }
            None => paragraph.text.push_str(&sentence.text),
        }
        paragraph.sentences.push((i, start..paragraph.text.len()));
    }
    if !paragraph.sentences.is_empty() {
        laid.add(paragraph, max);
    }
    if laid.rows.is_empty() {
        laid.rows.push(None);
        laid.tags.push(0..0);
    }
    laid.rows.shrink_to_fit();
    laid.tags.shrink_to_fit();
    laid.paragraphs.shrink_to_fit();
    laid
}

/// The sentences of a paragraph (in order, each a byte range of its text) that a line's
/// bytes `range` touch.
fn on_line<'a>(
    sentences: &'a [(usize, Range<usize>)],
    range: &Range<usize>,
) -> &'a [(usize, Range<usize>)] {
    let first = sentences.partition_point(|(_, s)| s.end <= range.start);
    let end = first + sentences[first..].partition_point(|(_, s)| s.start < range.end);
    &sentences[first..end]
}

impl ReadingText {
    /// Adds a paragraph's lines at `max` columns.
    fn add(&mut self, mut paragraph: Paragraph, max: usize) {
        let at = self.paragraphs.len();
        for range in break_lines(&paragraph.text, max) {
            // The paragraph's sentences run in order: those on this line are found by a
            // binary search, not a scan (one paragraph may hold every sentence).
            let mut on = on_line(&paragraph.sentences, &range)
                .iter()
                .map(|(i, _)| *i);
            let first = on.next();
            let last = on.next_back().or(first);
            self.tags.push(
                first
                    .zip(last)
                    .map_or(0..0, |(first, last)| first..last + 1),
            );
            self.rows.push(Some((at, range)));
        }
        // Kept for as long as the article is read: no room to spare.
        paragraph.text.shrink_to_fit();
        paragraph.sentences.shrink_to_fit();
        self.paragraphs.push(paragraph);
    }

    /// How many lines the article takes.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Lines `from..from + count`, drawn with `claim` highlighted: its sentence in bold,
    /// its quote standing out; or with sentence `marked` in bold (one with no claim yet,
    /// gone to from a draft's problems).
    pub fn lines(
        &self,
        index: &Index,
        theme: Theme,
        (claim, marked): (Option<usize>, Option<usize>),
        from: usize,
        count: usize,
    ) -> Vec<Line<'static>> {
        let model = index.model();
        let quoted = claim.and_then(|c| index.sentence_of_claim(c).map(|s| (c, s)));
        let carries = |s: usize| !index.claims_of_sentence(s).is_empty();
        let end = from.saturating_add(count).min(self.rows.len());
        let mut out = Vec::with_capacity(end.saturating_sub(from));
        for row in from..end {
            let tags = &self.tags[row];
            let Some((p, range)) = &self.rows[row] else {
                out.push(Line::from(vec![
                    Span::styled("    ", theme.dim()),
                    Span::raw("  "),
                ]));
                continue;
            };
            let paragraph = &self.paragraphs[*p];
            let first_row = row == 0 || self.rows[row - 1].as_ref().is_none_or(|(q, _)| q != p);
            let number = match paragraph.shown {
                Some(n) if first_row && !tags.is_empty() => format!("{n:>3} "),
                _ => "    ".to_string(),
            };
            let marker = if quoted.is_some_and(|(_, s)| tags.contains(&s))
                || marked.is_some_and(|m| tags.contains(&m))
            {
                Span::styled("┃ ", theme.key())
            } else if tags.clone().any(carries) {
                Span::styled("│ ", theme.dim())
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![Span::styled(number, theme.dim()), marker];
            // The style of each stretch of the line: a sentence's own, the quote's, or
            // none for the space between two sentences.
            let mut at = range.start;
            let text = paragraph.text.as_str();
            let mut styled = |at: &mut usize, to: usize, style: Style| {
                if to > *at {
                    spans.push(Span::styled(text[*at..to].to_string(), style));
                    *at = to;
                }
            };
            for (s, bytes) in on_line(&paragraph.sentences, range) {
                styled(&mut at, bytes.start.max(range.start), Style::new());
                let stop = bytes.end.min(range.end);
                match quoted {
                    Some((c, q)) if q == *s => {
                        let quote = &model.claims[c].quote;
                        match text[bytes.clone()].find(quote.as_str()) {
                            Some(found) => {
                                let (qa, qb) =
                                    (bytes.start + found, bytes.start + found + quote.len());
                                styled(&mut at, qa.clamp(range.start, stop), theme.bold());
                                styled(&mut at, qb.clamp(range.start, stop), theme.quote());
                                styled(&mut at, stop, theme.bold());
                            }
                            None => styled(&mut at, stop, theme.bold()),
                        }
                    }
                    _ if marked == Some(*s) => styled(&mut at, stop, theme.bold()),
                    _ => {
                        let sentence = &model.sentences[*s];
                        let base = if carries(*s) || sentence.role == SentenceRole::Body {
                            Style::new()
                        } else {
                            theme.dim()
                        };
                        styled(&mut at, stop, base);
                    }
                }
            }
            styled(&mut at, range.end, Style::new());
            out.push(Line::from(spans));
        }
        out
    }
}

/// Where `text` breaks into lines of at most `max` columns, as byte ranges, by the rule
/// every layout shares (`wrap::lay_out`).
fn break_lines(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut rows = Rows::default();
    lay_out(text.char_indices().map(|(b, c)| (c, b)), max, &mut rows);
    if let Some(last) = rows.row {
        rows.done.push(last);
    }
    if rows.done.is_empty() {
        rows.done.push(0..0);
    }
    rows.done
}

/// Lines as byte ranges of the text they are cut from.
#[derive(Default)]
struct Rows {
    done: Vec<Range<usize>>,
    row: Option<Range<usize>>,
}

impl Lines<usize> for Rows {
    fn newline(&mut self, at: usize) {
        self.done.push(self.row.take().unwrap_or(at..at));
    }

    fn push(&mut self, c: char, _: usize, at: usize) {
        let end = at + c.len_utf8();
        self.row = Some(self.row.take().map_or(at..end, |r| r.start..end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::wrap::{Piece, wrap};

    #[test]
    fn a_line_touches_the_sentences_its_bytes_overlap() {
        // Three sentences of a paragraph: bytes 0..10, 11..20, 21..30.
        let sentences = vec![(7, 0..10), (8, 11..20), (9, 21..30)];
        let ids = |range: Range<usize>| -> Vec<usize> {
            on_line(&sentences, &range)
                .iter()
                .map(|(i, _)| *i)
                .collect()
        };
        assert_eq!(ids(0..5), [7]);
        assert_eq!(ids(5..15), [7, 8]);
        assert_eq!(ids(10..11), Vec::<usize>::new(), "the space between two");
        assert_eq!(ids(0..30), [7, 8, 9]);
        assert_eq!(ids(25..40), [9]);
        assert_eq!(ids(30..40), Vec::<usize>::new());
    }

    #[test]
    fn lines_break_where_wrap_breaks_them() {
        let text = "Turkmenistan-Afghanistan-Pakistan-India pipeline, the  gas  of a region. A b";
        for max in 1..40 {
            let wrapped: Vec<String> = wrap(&[Piece::new(text, Style::new(), None)], max)
                .iter()
                .map(|w| w.line.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect();
            let broken: Vec<&str> = break_lines(text, max)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(wrapped, broken, "width {max}");
        }
    }
}
