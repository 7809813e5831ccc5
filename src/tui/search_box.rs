//! The search box: the query being typed and the hits it finds.

use super::action::Action;
use super::app::Cursor;
use crate::search::{Hit, Query, Searcher};

/// How many hits the box keeps; more than fit on any screen.
const MAX_HITS: usize = 200;

/// The query being typed, its hits, and the selected hit.
#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub query: String,
    pub hits: Vec<Hit>,
    pub cursor: Cursor,
}

impl SearchBox {
    /// Opens empty, ready for a new query.
    pub fn open(&mut self) {
        self.query.clear();
        self.hits.clear();
        self.cursor = Cursor::default();
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.cursor.selected)
    }

    /// Applies an editing or moving action; returns whether the query changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let before = self.query.len();
        match action {
            Action::Type(c) if !c.is_control() => self.query.push(c),
            Action::Paste(text) => {
                // One line of printable text: a paste never smuggles control characters in.
                let clean: String = text
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !crate::model::is_forbidden_char(*c))
                    .take(200)
                    .collect();
                self.query.push_str(&clean);
            }
            Action::DeleteChar => {
                self.query.pop();
            }
            Action::DeleteWord => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(kept);
            }
            Action::ClearQuery => self.query.clear(),
            Action::Up | Action::ScrollUp { .. } => self.cursor.step(-1, self.hits.len()),
            Action::Down | Action::ScrollDown { .. } => self.cursor.step(1, self.hits.len()),
            Action::PageUp => self.cursor.step(-10, self.hits.len()),
            Action::PageDown => self.cursor.step(10, self.hits.len()),
            _ => {}
        }
        // Every edit that changes the query changes its length.
        self.query.len() != before
    }

    /// Runs the query and selects the best hit.
    pub fn run(&mut self, searcher: &Searcher) {
        self.hits = searcher.search(&Query::parse(&self.query), MAX_HITS);
        self.cursor = Cursor::default();
    }
}
