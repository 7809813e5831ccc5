//! The Record pane: the public record's reviews of the article's claims, forecasts first,
//! each with its verdict's badge. Everything here is the record's, not the article's.

use ratatui::text::{Line, Span};

use super::ListView;
use crate::tui::app::App;

pub const VIEW: ListView = ListView {
    title,
    row,
    empty,
    legend: Some("✓ held  ◐ partly  ✗ failed  … open  ? unknown"),
};

fn title(app: &App) -> String {
    format!("Record · reviews ({})", app.record_rows().len())
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let review = &app.index().model().reviews[app.record_rows()[row]];
    Line::from(vec![
        Span::styled(
            format!(
                "{} {:<7} ",
                review.verdict.badge(),
                review.verdict.to_string()
            ),
            app.theme.verdict(review.verdict),
        ),
        Span::styled(format!("{} ", review.claims.join(",")), app.theme.dim()),
        Span::raw(super::clip(&review.summary, usize::from(width))),
    ])
}

fn empty(_app: &App) -> String {
    "No record in this model: nothing has been checked against what happened next.".to_string()
}
