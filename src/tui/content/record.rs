//! The detail box's text for what comes from the public record: a later event, a review,
//! and what the record shows of an article event. Every title and line of it says that it
//! is the record's, not the article's.

use crate::model::{Event, Index};
use crate::tui::theme::Theme;
use crate::tui::wrap::Piece;

/// The mark that sets an event of the record apart from the article's.
pub const LATER_MARK: &str = "»";

/// "Sources: Dawn, 8 Dec 2014; Reuters, 20 Nov 2014", one line.
fn sources_line(index: &Index, ids: &[String]) -> Option<String> {
    let model = index.model();
    let named: Vec<String> = ids
        .iter()
        .filter_map(|id| index.source(id))
        .map(|s| {
            format!(
                "{}, {}",
                model.sources[s].publisher,
                model.sources[s].date.human()
            )
        })
        .collect();
    (!named.is_empty()).then(|| format!("Sources: {}\n", named.join("; ")))
}

/// A later event: its date, what happened, what in the article it bears on, its sources.
pub fn later(index: &Index, theme: Theme, l: usize) -> (String, Vec<Piece>) {
    let model = index.model();
    let later = &model.later[l];
    let dim = |t: String| Piece::new(t, theme.dim(), None);
    let mut pieces = vec![
        Piece::new(
            format!(
                "{LATER_MARK} {} · from the public record, not the article\n",
                later.date.long()
            ),
            theme.record(),
            None,
        ),
        Piece::new(
            format!("{}\n", later.summary),
            ratatui::style::Style::new(),
            None,
        ),
    ];
    if !later.bears_on.is_empty() {
        let on: Vec<String> = later
            .bears_on
            .iter()
            .map(|id| match (index.claim(id), index.event(id)) {
                (Some(_), _) => id.clone(),
                (_, Some(e)) => model.events[e].title.clone(),
                _ => id.clone(),
            })
            .collect();
        pieces.push(dim(format!("Bears on: {}\n", on.join(", "))));
    }
    if let Some(line) = sources_line(index, &later.sources) {
        pieces.push(dim(line));
    }
    (format!(" Record · {} ", later.title), pieces)
}

/// A review: its verdict, the claims it judges, what it is judged against (as known when
/// the article was written, or as of its latest evidence), why, and its sources.
pub fn review(index: &Index, theme: Theme, r: usize) -> (String, Vec<Piece>) {
    let model = index.model();
    let review = &model.reviews[r];
    let dim = |t: String| Piece::new(t, theme.dim(), None);
    let mut pieces = vec![
        Piece::new(
            format!("{} {}", review.verdict.badge(), review.verdict),
            theme.verdict(review.verdict),
            None,
        ),
        Piece::new(
            format!(
                " · on {} · {} · the record's verdict, not the article's\n",
                review.claims.join(", "),
                review.judged_when(&model.article)
            ),
            theme.record(),
            None,
        ),
        Piece::new(
            format!("{}\n", review.summary),
            ratatui::style::Style::new(),
            None,
        ),
    ];
    if let Some(line) = sources_line(index, &review.sources) {
        pieces.push(dim(line));
    }
    (format!(" Record · review {} ", review.id), pieces)
}

/// What the record shows of an article event, if it was looked up.
pub fn of_event(index: &Index, theme: Theme, event: &Event) -> Vec<Piece> {
    let Some(record) = &event.record else {
        return Vec::new();
    };
    // The date itself heads the detail box (`ShownDate`): here only what the record says.
    let date = if record.date.is_some() {
        "From the record: "
    } else {
        "The record gives no date: "
    };
    let mut pieces = vec![
        Piece::new(date.to_string(), theme.record(), None),
        Piece::new(format!("{}\n", record.note), theme.dim(), None),
    ];
    if let Some(line) = sources_line(index, &record.sources) {
        pieces.push(Piece::new(line, theme.dim(), None));
    }
    pieces
}
