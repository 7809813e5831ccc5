//! Each list pane in one place: its rows and how many there are, which of them it marks
//! as related to the claims' scope, what choosing one narrows the claims to, and how a
//! row is drawn. The app keeps one of each in [`Panes`] and asks it through [`ListPane`];
//! the view draws any of them with one function. The Source pane is text, not a list:
//! `content::source` lays it out and `view/source.rs` draws it.

mod actors;
mod arguments;
mod claims;
mod record;
mod timeline;

pub use actors::ActorList;
pub use arguments::Tree;
pub use claims::ClaimList;
pub use record::RecordList;
pub use timeline::TimelineList;

use ratatui::text::Line;

use super::state::{Cursor, Pane};
use super::theme::Theme;
use crate::model::{Index, Related, Scope};

/// What a pane reads besides its own rows: the model, the explorer's theme, the claims'
/// scope and the rows related to it, and the pane's own cursor.
#[derive(Clone, Copy)]
pub struct Shared<'a> {
    pub index: &'a Index,
    pub theme: Theme,
    pub scope: Scope,
    pub related: &'a Related,
    pub cursor: Cursor,
}

/// A pane that lists rows to select from. Selection, scrolling, the `•` marks and the
/// position in the border are the same for every list, and drawn once, by the view.
pub trait ListPane {
    /// How many rows the pane has.
    fn len(&self, shared: &Shared<'_>) -> usize;

    /// Whether a row is marked `•` as related to what the claims are narrowed to.
    fn is_marked(&self, _shared: &Shared<'_>, _row: usize) -> bool {
        false
    }

    /// What choosing `row` narrows the Claims list to, for a context pane; `None` when
    /// the pane narrows nothing or has no such row.
    fn scope(&self, _shared: &Shared<'_>, _row: usize) -> Option<Scope> {
        None
    }

    /// Whether `scope` is one this pane's rows narrow to: then the detail box describes
    /// this pane's selection.
    fn owns(&self, _scope: Scope) -> bool {
        false
    }

    /// The pane's title, after its number.
    /// Whether the row is a divider between groups, drawn but never selected: moving
    /// steps over it.
    fn is_divider(&self, _row: usize) -> bool {
        false
    }

    /// Where `row` stands among the rows that can be selected, and how many there are,
    /// for the border's `k/n` (a divider is not counted).
    fn position(&self, shared: &Shared<'_>, row: usize) -> (usize, usize) {
        (row + 1, self.len(shared))
    }

    fn title(&self, shared: &Shared<'_>) -> String;

    /// One row, for a pane `width` cells wide.
    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static>;

    /// What the pane says when it has no rows.
    fn empty(&self, shared: &Shared<'_>) -> String;

    /// The marks its rows use, for the bottom border when the pane is in focus.
    fn legend(&self) -> Option<&'static str> {
        None
    }
}

/// The state of every list pane: one field each, made from the model at start.
#[derive(Debug, Clone)]
pub struct Panes {
    pub timeline: TimelineList,
    pub actors: ActorList,
    pub arguments: Tree,
    pub record: RecordList,
    pub claims: ClaimList,
}

impl Panes {
    pub fn new(index: &Index) -> Panes {
        Panes {
            timeline: TimelineList::new(index),
            actors: ActorList::new(index),
            arguments: Tree::new(index),
            record: RecordList::new(index),
            claims: ClaimList::default(),
        }
    }

    /// The list a pane shows, or `None` for the Source pane's text.
    pub fn list(&self, pane: Pane) -> Option<&dyn ListPane> {
        Some(match pane {
            Pane::Timeline => &self.timeline,
            Pane::Actors => &self.actors,
            Pane::Arguments => &self.arguments,
            Pane::Record => &self.record,
            Pane::Claims => &self.claims,
            Pane::Source => return None,
        })
    }
}
