//! Reading mode's text: the whole article in order, set in a readable width, with a gutter
//! of paragraph numbers and marks for the sentences that carry claims, and the highlighted
//! claim's quote standing out. Laid out once for a claim and a width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::{Index, SentenceRole};
use crate::tui::theme::Theme;
use crate::tui::wrap::{Piece, wrap};

/// Columns left of the text: a paragraph number and a claim marker.
pub const GUTTER: usize = 5;
/// The longest line the article is set in, for readability on wide terminals.
pub const MAX_TEXT_WIDTH: usize = 96;

/// The width the article text is set in, for a body of `width` columns.
pub fn text_width(width: usize) -> usize {
    width.saturating_sub(GUTTER + 1).clamp(1, MAX_TEXT_WIDTH)
}

/// The article laid out: each line with its gutter, and the sentences on each line.
#[derive(Debug, Clone, Default)]
pub struct ReadingText {
    pub lines: Vec<Line<'static>>,
    /// For each line, the sentences on it.
    pub tags: Vec<Vec<usize>>,
    /// The highlighted claim and the width it was laid out for; `None` before the first.
    pub laid_for: Option<(Option<usize>, usize)>,
}

/// The article as pieces, one per sentence, paragraphs separated by a blank line.
/// `style` gives each sentence its pieces (to split out a quote, say).
fn article_pieces(index: &Index, mut style: impl FnMut(usize, &str) -> Vec<Piece>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut paragraph = None;
    for (i, sentence) in index.model().sentences.iter().enumerate() {
        if let Some(p) = paragraph {
            let gap = if p == sentence.paragraph { " " } else { "\n\n" };
            pieces.push(Piece::new(gap, Style::new(), None));
        }
        paragraph = Some(sentence.paragraph);
        pieces.extend(style(i, &sentence.text));
    }
    pieces
}

/// Lays the article out at `width` columns (gutter included) with `claim` highlighted.
pub fn reading(index: &Index, theme: Theme, claim: Option<usize>, width: usize) -> ReadingText {
    let model = index.model();
    let quoted = claim.and_then(|c| index.sentence_of_claim(c).map(|s| (c, s)));
    let carries = |s: usize| !index.claims_of_sentence(s).is_empty();
    let pieces = article_pieces(index, |i, text| {
        let sentence = &model.sentences[i];
        let base = if carries(i) || sentence.role == SentenceRole::Body {
            Style::new()
        } else {
            theme.dim()
        };
        match quoted {
            Some((c, s)) if s == i => match text.find(&model.claims[c].quote) {
                Some(at) => {
                    let end = at + model.claims[c].quote.len();
                    vec![
                        Piece::new(&text[..at], theme.bold(), Some(i)),
                        Piece::new(&text[at..end], theme.quote(), Some(i)),
                        Piece::new(&text[end..], theme.bold(), Some(i)),
                    ]
                }
                None => vec![Piece::new(text, theme.bold(), Some(i))],
            },
            _ => vec![Piece::new(text, base, Some(i))],
        }
    });
    let wrapped = wrap(&pieces, text_width(width));
    let mut seen_paragraph = None;
    let mut lines = Vec::with_capacity(wrapped.len());
    let mut tags = Vec::with_capacity(wrapped.len());
    for line in wrapped {
        let number = match line.tags.first().map(|s| &model.sentences[*s]) {
            Some(s) if seen_paragraph != Some(s.paragraph) => {
                seen_paragraph = Some(s.paragraph);
                format!("{:>3} ", s.paragraph)
            }
            _ => "    ".to_string(),
        };
        let marker = if quoted.is_some_and(|(_, s)| line.tags.contains(&s)) {
            Span::styled("┃ ", theme.key())
        } else if line.tags.iter().any(|s| carries(*s)) {
            Span::styled("│ ", theme.dim())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![Span::styled(number, theme.dim()), marker];
        spans.extend(line.line.spans);
        lines.push(Line::from(spans));
        tags.push(line.tags);
    }
    ReadingText {
        lines,
        tags,
        laid_for: Some((claim, width)),
    }
}
