//! The Record pane: the public record's reviews of the article's claims, forecasts first,
//! each with its verdict's badge. Everything here is the record's, not the article's.
//! Choosing a review narrows the claims to those it judges.

use ratatui::text::{Line, Span};

use super::{ListPane, Shared};
use crate::model::{Index, Scope};
use crate::tui::content::labels::clip;

/// The reviews in the pane's order.
#[derive(Debug, Clone)]
pub struct RecordList {
    rows: Vec<usize>,
}

impl RecordList {
    pub fn new(index: &Index) -> RecordList {
        RecordList {
            rows: index.reviews_forecasts_first(),
        }
    }

    /// The reviews, in the pane's order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }
}

impl ListPane for RecordList {
    fn len(&self, _shared: &Shared<'_>) -> usize {
        self.rows.len()
    }

    fn is_marked(&self, shared: &Shared<'_>, row: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| shared.related.reviews.get(*r))
            .is_some_and(|marked| *marked)
    }

    fn scope(&self, _shared: &Shared<'_>, row: usize) -> Option<Scope> {
        self.rows.get(row).map(|r| Scope::Review(*r))
    }

    fn owns(&self, scope: Scope) -> bool {
        matches!(scope, Scope::Review(_))
    }

    fn title(&self, _shared: &Shared<'_>) -> String {
        format!("Record · reviews ({})", self.rows.len())
    }

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let theme = shared.theme;
        let review = &shared.index.model().reviews[self.rows[row]];
        Line::from(vec![
            Span::styled(
                format!(
                    "{} {:<7} ",
                    review.verdict.badge(),
                    review.verdict.to_string()
                ),
                theme.verdict(review.verdict),
            ),
            Span::styled(format!("{} ", review.claims.join(",")), theme.dim()),
            Span::raw(clip(&review.summary, usize::from(width))),
        ])
    }

    fn empty(&self, _shared: &Shared<'_>) -> String {
        "No record in this model: nothing has been checked against what happened next.".to_string()
    }

    fn legend(&self) -> Option<&'static str> {
        Some("✓ held  ◐ partly  ✗ failed  … open  ? unknown")
    }
}
