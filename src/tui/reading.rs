//! Reading mode's state: the whole article in order, which claim is highlighted, and how
//! far the text is scrolled.

use std::ops::Range;

use crate::model::Index;

/// Reading mode's state.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The highlighted claim.
    pub claim: Option<usize>,
    /// Lines scrolled off the top.
    pub scroll: usize,
    /// Scroll the highlighted claim into view at the next fit.
    pub follow: bool,
    /// A sentence marked as the claim's would be, until the reader moves on: one gone to
    /// from a draft's problems. With no claim highlighted, it is the one brought into view.
    pub marked: Option<usize>,
    /// The reader scrolled: at the next fit, a highlight left out of view moves to a
    /// claim in view, so that the header never names a claim off the screen.
    scrolled: bool,
}

impl Reading {
    pub fn new() -> Reading {
        Reading::default()
    }

    /// Moves the highlight to the next (`1`) or previous (`-1`) claim in reading order;
    /// returns false when there is none that way. When the highlighted claim has been
    /// scrolled out of view, the next claim is the first one in view (the previous, the
    /// last in view), so that n and N go on from where the reader is looking. `lines` is
    /// the article as last laid out: the sentences on each line (none before the first).
    pub fn next_claim(
        &mut self,
        index: &Index,
        lines: &[Range<usize>],
        direction: isize,
        height: usize,
    ) -> bool {
        let order = index.reading_order();
        if order.is_empty() {
            return false;
        }
        let last = order.len() - 1;
        let line_of_claim = |c: usize| index.sentence_of_claim(c).and_then(|s| line_of(lines, s));
        let view = self.scroll..self.scroll + height.max(1);
        let in_view = self
            .claim
            .and_then(line_of_claim)
            .is_some_and(|l| view.contains(&l));
        let position = match self.claim {
            Some(c) if in_view || lines.is_empty() => {
                let here = index.reading_rank(c);
                if (direction > 0 && here >= last) || (direction < 0 && here == 0) {
                    self.follow = true;
                    return false;
                }
                here.saturating_add_signed(direction).min(last)
            }
            _ if direction > 0 => {
                let from = order
                    .iter()
                    .position(|c| line_of_claim(*c).is_some_and(|l| l >= view.start));
                match from {
                    Some(p) => p,
                    None => return false,
                }
            }
            _ => {
                let from = order
                    .iter()
                    .rposition(|c| line_of_claim(*c).is_some_and(|l| l < view.end));
                match from {
                    Some(p) => p,
                    None => return false,
                }
            }
        };
        self.claim = order.get(position).copied();
        self.follow = true;
        self.marked = None;
        true
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.follow = false;
        self.scrolled = true;
    }

    /// Brings the highlighted claim into view when asked to, and keeps the scroll in
    /// range, over `lines`: the sentences on each line of the article as laid out.
    pub fn fit(&mut self, index: &Index, lines: &[Range<usize>], height: usize) {
        let height = height.max(1);
        if self.follow
            && let Some(sentence) = self
                .claim
                .and_then(|c| index.sentence_of_claim(c))
                .or(self.marked)
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
        if std::mem::take(&mut self.scrolled) {
            self.keep_highlight_in_view(index, lines, height);
        }
    }

    /// Moves a highlight that scrolling left off the screen to the first claim in view
    /// (the last, when the text was scrolled back above it); none when no claim is in view.
    fn keep_highlight_in_view(&mut self, index: &Index, lines: &[Range<usize>], height: usize) {
        let view = self.scroll..self.scroll + height;
        let line_of_claim = |c: usize| index.sentence_of_claim(c).and_then(|s| line_of(lines, s));
        let Some(now) = self.claim.and_then(line_of_claim) else {
            return;
        };
        if view.contains(&now) {
            return;
        }
        let mut order = index.reading_order().iter().copied();
        let in_view = |c: &usize| line_of_claim(*c).is_some_and(|l| view.contains(&l));
        self.claim = if now < view.start {
            order.find(in_view)
        } else {
            order.rfind(in_view)
        }
        .or(self.claim);
    }
}

/// The first of `lines` (the sentences on each line) that holds a sentence.
fn line_of(lines: &[Range<usize>], sentence: usize) -> Option<usize> {
    lines.iter().position(|tags| tags.contains(&sentence))
}
