//! Reading mode's state: the whole article in order, which claim is highlighted, and how
//! far the text is scrolled.

use super::wrap::{Piece, Wrapped, wrap};
use crate::model::Index;
use ratatui::style::Style;

/// Columns left of the text: a paragraph number and a claim marker.
pub const GUTTER: usize = 5;
/// The longest line the article is set in, for readability on wide terminals.
pub const MAX_TEXT_WIDTH: usize = 96;

/// Reading mode's state.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The highlighted claim.
    pub claim: Option<usize>,
    /// Lines scrolled off the top.
    pub scroll: usize,
    /// Scroll the highlighted claim into view at the next fit.
    pub follow: bool,
    /// Claims in reading order: by sentence, then by where the quote starts.
    order: Vec<usize>,
    /// Each claim's position in `order`.
    rank: Vec<usize>,
    /// The layout for the last width: for each line, the sentences on it.
    layout: Option<(usize, Vec<Vec<usize>>)>,
}

/// The width the article text is set in, for a body of `width` columns.
pub fn text_width(width: usize) -> usize {
    width.saturating_sub(GUTTER + 1).clamp(1, MAX_TEXT_WIDTH)
}

/// The article as pieces, one per sentence, paragraphs separated by a blank line.
/// `style` gives each sentence its pieces (to split out a quote, say).
pub fn article_pieces(
    index: &Index,
    mut style: impl FnMut(usize, &str) -> Vec<Piece>,
) -> Vec<Piece> {
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

impl Reading {
    pub fn new(index: &Index) -> Reading {
        let model = index.model();
        let mut order: Vec<usize> = (0..model.claims.len()).collect();
        let key = |c: usize| {
            let sentence = index.sentence_of_claim(c);
            let at = sentence
                .and_then(|s| model.sentences[s].text.find(&model.claims[c].quote))
                .unwrap_or(usize::MAX);
            (sentence.unwrap_or(usize::MAX), at, c)
        };
        order.sort_by_key(|c| key(*c));
        let mut rank = vec![0; order.len()];
        for (position, claim) in order.iter().enumerate() {
            rank[*claim] = position;
        }
        Reading {
            claim: None,
            scroll: 0,
            follow: false,
            order,
            rank,
            layout: None,
        }
    }

    /// A claim's position in reading order.
    pub fn order_of(&self, claim: usize) -> usize {
        self.rank.get(claim).copied().unwrap_or(usize::MAX)
    }

    /// The first line that holds a sentence, in the last layout.
    fn line_of(&self, sentence: usize) -> Option<usize> {
        self.layout
            .as_ref()?
            .1
            .iter()
            .position(|tags| tags.contains(&sentence))
    }

    /// Moves the highlight to the next (`1`) or previous (`-1`) claim in reading order;
    /// returns false when there is none that way. When the highlighted claim has been
    /// scrolled out of view, the next claim is the first one in view (the previous, the
    /// last in view), so that n and N go on from where the reader is looking.
    pub fn next_claim(&mut self, index: &Index, direction: isize, height: usize) -> bool {
        if self.order.is_empty() {
            return false;
        }
        let last = self.order.len() - 1;
        let line_of_claim = |c: usize| index.sentence_of_claim(c).and_then(|s| self.line_of(s));
        let view = self.scroll..self.scroll + height.max(1);
        let in_view = self
            .claim
            .and_then(line_of_claim)
            .is_some_and(|l| view.contains(&l));
        let position = match self.claim {
            Some(c) if in_view || self.layout.is_none() => {
                let here = self.order_of(c);
                if (direction > 0 && here >= last) || (direction < 0 && here == 0) {
                    self.follow = true;
                    return false;
                }
                here.saturating_add_signed(direction).min(last)
            }
            _ if direction > 0 => {
                let from = self
                    .order
                    .iter()
                    .position(|c| line_of_claim(*c).is_some_and(|l| l >= view.start));
                match from {
                    Some(p) => p,
                    None => return false,
                }
            }
            _ => {
                let from = self
                    .order
                    .iter()
                    .rposition(|c| line_of_claim(*c).is_some_and(|l| l < view.end));
                match from {
                    Some(p) => p,
                    None => return false,
                }
            }
        };
        self.claim = self.order.get(position).copied();
        self.follow = true;
        true
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.follow = false;
    }

    /// The sentences on each line of the article laid out at `width`.
    pub fn lines(index: &Index, width: usize) -> Vec<Wrapped> {
        let pieces = article_pieces(index, |i, text| {
            vec![Piece::new(text, Style::new(), Some(i))]
        });
        wrap(&pieces, text_width(width))
    }

    /// Lays the article out for the screen, brings the highlighted claim into view when
    /// asked to, and keeps the scroll in range.
    pub fn fit(&mut self, index: &Index, width: usize, height: usize) {
        if self.layout.as_ref().is_none_or(|(w, _)| *w != width) {
            let tags = Self::lines(index, width)
                .into_iter()
                .map(|l| l.tags)
                .collect();
            self.layout = Some((width, tags));
        }
        let Some((_, lines)) = &self.layout else {
            return;
        };
        let height = height.max(1);
        if self.follow
            && let Some(sentence) = self.claim.and_then(|c| index.sentence_of_claim(c))
        {
            let first = lines
                .iter()
                .position(|t| t.contains(&sentence))
                .unwrap_or(0);
            let last = lines
                .iter()
                .rposition(|t| t.contains(&sentence))
                .unwrap_or(first);
            if first < self.scroll || last >= self.scroll + height {
                self.scroll = first.saturating_sub(height / 3);
            }
            self.follow = false;
        }
        self.scroll = self.scroll.min(lines.len().saturating_sub(height));
    }
}
