//! The Record pane: the public record's reviews of the article's claims, forecasts first
//! and a divider before the rest, each row the verdict's badge beside the claim it judges
//! (what was forecast, in plain words). Everything here is the record's, not the
//! article's. Choosing a review narrows the claims to those it judges.

use ratatui::text::{Line, Span};

use super::{ListPane, Shared};
use crate::model::{Index, Scope};
use crate::tui::content::labels::clip;

/// The reviews in the pane's order, with the divider (`None`) between those that judge
/// forecasts and the rest, when there are both.
#[derive(Debug, Clone)]
pub struct RecordList {
    rows: Vec<Option<usize>>,
    forecasts: usize,
}

/// The divider's words.
const DIVIDER: &str = "the other claims judged";

impl RecordList {
    pub fn new(index: &Index) -> RecordList {
        let order = index.reviews_forecasts_first();
        let forecasts = order
            .iter()
            .take_while(|r| index.judges_forecast(**r))
            .count();
        let mut rows: Vec<Option<usize>> = order.into_iter().map(Some).collect();
        if forecasts > 0 && forecasts < rows.len() {
            rows.insert(forecasts, None);
        }
        RecordList { rows, forecasts }
    }

    /// The reviews, in the pane's order; `None` is the divider.
    pub fn rows(&self) -> &[Option<usize>] {
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
            .copied()
            .flatten()
            .and_then(|r| shared.related.reviews.get(r))
            .is_some_and(|marked| *marked)
    }

    fn scope(&self, _shared: &Shared<'_>, row: usize) -> Option<Scope> {
        self.rows.get(row).copied().flatten().map(Scope::Review)
    }

    fn is_divider(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(Option::is_none)
    }

    fn position(&self, _shared: &Shared<'_>, row: usize) -> (usize, usize) {
        let reviews = |rows: &[Option<usize>]| rows.iter().flatten().count();
        let upto = self.rows.get(..=row).unwrap_or(&self.rows);
        (reviews(upto), reviews(&self.rows))
    }

    fn owns(&self, scope: Scope) -> bool {
        matches!(scope, Scope::Review(_))
    }

    fn title(&self, _shared: &Shared<'_>) -> String {
        let reviews = self.rows.iter().flatten().count();
        match self.forecasts {
            0 => format!("Record · reviews ({reviews})"),
            n => format!("Record · {reviews} reviews, {n} of forecasts"),
        }
    }

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let theme = shared.theme;
        let Some(Some(r)) = self.rows.get(row).copied() else {
            let rule = "─".repeat(usize::from(width).saturating_sub(DIVIDER.len() + 6) / 2);
            return Line::styled(format!("{rule} {DIVIDER} {rule}"), theme.dim());
        };
        let index = shared.index;
        let review = &index.model().reviews[r];
        // The claim judged, in plain words: what was forecast, or said.
        let first = review.claims.first().and_then(|id| index.claim(id));
        let said = first.map_or("", |c| index.model().claims[c].text.as_str());
        let more = match review.claims.len() {
            0 | 1 => String::new(),
            n => format!(" +{}", n - 1),
        };
        let id = review.claims.first().map_or("", String::as_str);
        Line::from(vec![
            Span::styled(
                format!(
                    "{} {:<7} ",
                    review.verdict.badge(),
                    review.verdict.to_string()
                ),
                theme.verdict(review.verdict),
            ),
            Span::styled(format!("{id}{more} "), theme.dim()),
            Span::raw(clip(said, usize::from(width))),
        ])
    }

    fn empty(&self, _shared: &Shared<'_>) -> String {
        "No record in this model: nothing has been checked against what happened next.".to_string()
    }

    fn legend(&self) -> Option<&'static str> {
        Some("✓ held  ◐ partly  ✗ failed  ◌ open  ? unknown")
    }
}
