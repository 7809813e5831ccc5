//! After every action: the screen laid out for its size and content, the text it shows
//! laid out where it changed, and every cursor kept in range and on screen.

use std::cell::RefCell;

use super::{App, Mode, Pane};
use crate::tui::content::{DetailText, detail, help, reading, source};
use crate::tui::layout::{self, Arrangement, Screen, Wants};

/// Everything the panes' drawing depends on: while it stays the same, a drawing of the
/// panes (under the search box, say) can be reused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanesState {
    size: ratatui::layout::Rect,
    base: Mode,
    focus: Pane,
    scope: crate::model::Scope,
    cursors: [super::Cursor; Pane::COUNT],
    rows: usize,
    folded: Vec<usize>,
    open_actors: Vec<usize>,
    context: Pane,
    reading: (Option<usize>, usize),
    pictures: crate::tui::picture::Pictures,
}

impl App {
    /// What the panes' drawing depends on now.
    pub fn panes_state(&self) -> PanesState {
        PanesState {
            size: self.size,
            base: self.base,
            focus: self.focus,
            scope: self.scope,
            cursors: self.cursors,
            rows: self.panes.arguments.rows().len(),
            folded: (0..self.index.model().arguments.len())
                .filter(|n| self.panes.arguments.is_collapsed(*n))
                .collect(),
            open_actors: (0..self.index.model().actors.len())
                .filter(|a| self.panes.actors.is_open(*a))
                .collect(),
            context: self.last_context,
            reading: (self.reading.claim, self.reading.scroll),
            pictures: self.pictures,
        }
    }

    /// Keeps every cursor in range and on screen after any change, laying out again what
    /// the change touched.
    pub(super) fn fit(&mut self) {
        let overlay = matches!(self.mode, Mode::Search | Mode::Help | Mode::Problems);
        // Under the search box or the help the panes do not change: only a new size makes
        // them need a new layout.
        if !overlay || self.screen.area != self.size {
            self.fit_panes();
        }
        match self.mode {
            Mode::Search => {
                let rows = self.search_rows();
                self.search.keep_ahead(&self.searcher, rows);
                self.search.cursor.fit(self.search.hits.len(), rows);
                self.search.mark_shown(&self.searcher, rows);
            }
            Mode::Help => {
                let (width, rows) = layout::help_text(self.screen.main);
                if self.laid.help.width != width || self.laid.help_lines.is_empty() {
                    self.laid.help = help::help(&self.index, &self.keymap, self.theme, width);
                    self.laid.help_filter = None;
                }
                if self.laid.help_filter.as_ref() != Some(&self.help.filter) {
                    self.laid.help_lines = self.laid.help.lines(&self.help.filter);
                    self.laid.help_filter = Some(self.help.filter.clone());
                }
                let lines = self.laid.help_lines.len();
                self.help.scroll = self.help.scroll.min(lines.saturating_sub(rows));
            }
            Mode::Problems => {
                let rows = layout::problem_rows(self.screen.main);
                self.problem_cursor.fit(self.problems.len(), rows);
            }
            Mode::Panes | Mode::Reading => {}
        }
    }

    fn fit_panes(&mut self) {
        // The detail box is laid out at the width the layout gives it, once; the layout
        // asks how many lines it takes.
        let laid: RefCell<Option<DetailText>> = RefCell::new(None);
        let kept = &self.laid.detail;
        let (index, theme, scope) = (&self.index, self.theme, self.scope);
        // The key that opens an actor's relations, as this explorer's keymap has it.
        let opens = self
            .keymap
            .bindings()
            .iter()
            .find(|b| b.action == crate::tui::action::Action::Expand)
            .and_then(|b| b.keys.first())
            .map_or_else(String::new, |k| k.label());
        let detail_lines = |width: usize| {
            if kept.laid_for == Some((scope, width)) {
                return kept.lines.len();
            }
            let text = detail::detail(index, theme, scope, width, &opens);
            let lines = text.lines.len();
            *laid.borrow_mut() = Some(text);
            lines
        };
        let wants = Wants {
            focus: self.focus,
            context: self.last_context,
            described: Pane::ALL
                .into_iter()
                .find(|pane| self.list(*pane).is_some_and(|list| list.owns(scope))),
            claim_rows: self.claim_list().len(),
            picture: self.pictures.shows(self.last_context),
            picture_focused: self.pictures.shows(self.focus),
            detail_lines: &detail_lines,
        };
        let screen = Screen::new(self.size, &wants);
        if let Some(text) = laid.into_inner() {
            self.laid.detail = text;
        }
        self.screen = screen;
        if std::mem::take(&mut self.reveal_marked) {
            self.show_marked();
        }
        let screen = &self.screen;
        for pane in Pane::ALL {
            if pane.kind() != super::PaneKind::Text {
                let len = self.len(pane);
                let height = screen.inner_height(pane);
                let cursor = &mut self.cursors[pane.index()];
                // A context pane out of focus may be scrolled to what is marked in it.
                if pane.is_context() && pane != self.focus {
                    cursor.clamp(len, height);
                } else {
                    cursor.fit(len, height);
                }
            }
        }
        if self.mode == Mode::Panes {
            self.fit_source();
        }
        self.fit_pictures();
        if self.base == Mode::Reading && self.screen.arrangement != Arrangement::TooSmall {
            let (width, height) = layout::reading_text(self.screen.main);
            // Which sentence is on which line depends on the width alone; the highlight,
            // which fitting may move, only on how the lines on screen are drawn.
            if self.laid.reading.laid_for != Some(width) {
                self.laid.reading = reading::reading(&self.index, width);
            }
            self.reading
                .fit(&self.index, &self.laid.reading.tags, height);
        }
    }

    /// Lays out the Source pane's text if its claim or width changed, and keeps its scroll
    /// within it: a newly shown claim, or a new terminal size, starts from the top, or as
    /// near it as shows the quoted words.
    fn fit_source(&mut self) {
        // Not on screen (a narrow screen shows another pane): scroll it when it shows.
        // (`inner_height` answers 1 for a pane not on screen.)
        if self.screen.pane(Pane::Source).is_none() {
            return;
        }
        let height = self.screen.inner_height(Pane::Source);
        // The pane pads its text by a column on each side.
        let width = self.screen.inner_width(Pane::Source).saturating_sub(2);
        let claim = self.selected_claim();
        if self.laid.source.laid_for != (claim, width) {
            self.laid.source = source::source(&self.index, self.theme, claim, width);
        }
        let lines = self.laid.source.lines.len();
        let scroll = &mut self.cursors[Pane::Source.index()].offset;
        let shown = (claim, self.size);
        if self.shown_claim != shown {
            self.shown_claim = shown;
            // From the top, where the claim is named, unless that leaves the quoted words
            // below the pane: then as little further down as shows them. Never where the
            // pane was left for another claim (its record, say), which may hide both.
            *scroll = match self.laid.source.quote {
                Some((first, last)) => first.min((last + 1).saturating_sub(height)),
                None => 0,
            };
        }
        *scroll = (*scroll).min(lines.saturating_sub(height));
    }
}
