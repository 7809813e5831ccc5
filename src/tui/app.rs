//! The explorer's state and its one `update`: every action becomes a call of a small,
//! named method. Nothing here draws, and nothing here imports the view: the text the
//! panes show is laid out by `content`, once per change, and kept for the view to draw.

mod fit;
mod moves;
mod tree;

pub use fit::PanesState;

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::content::{DetailText, ReadingText, SourceText};
use super::keymap;
use super::layout::Screen;
use super::reading::Reading;
use super::search_box::SearchBox;
pub use super::state::{ArgumentRow, Cursor, Mode, Pane, PaneKind, Situation};
use super::theme::Theme;
pub use crate::model::Scope;
use crate::model::{Index, Related};
use crate::search::Searcher;
use tree::Tree;

/// Where the reader was before a drill or a jump, for Backspace.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    base: Mode,
    reading_claim: Option<usize>,
    /// The selected argument node itself, whatever row it is on.
    node: Option<usize>,
    focus: Pane,
    scope: Scope,
    cursors: [Cursor; Pane::COUNT],
}

/// The text the screen shows, laid out for its current size by the last `update`.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    pub source: SourceText,
    pub detail: DetailText,
    pub help: Vec<ratatui::text::Line<'static>>,
    /// The width the help was laid out for.
    pub help_width: usize,
    /// Reading mode's article, laid out while reading mode is on.
    pub reading: ReadingText,
}

/// The whole state of the explorer.
pub struct App {
    pub theme: Theme,
    index: Arc<Index>,
    searcher: Arc<Searcher>,
    size: Rect,
    /// The layout of the screen as last fitted: what the reader sees and clicks on.
    screen: Screen,
    mode: Mode,
    /// The mode under an open search box or help screen.
    base: Mode,
    focus: Pane,
    scope: Scope,
    /// One cursor a pane; the Source pane's offset is how far its text is scrolled.
    cursors: [Cursor; Pane::COUNT],
    /// The claim the Source pane last laid out, and the terminal size it was laid out
    /// for, to notice a new claim or a new size.
    shown_claim: (Option<usize>, Rect),
    pub help_scroll: usize,
    pub search: SearchBox,
    pub reading: Reading,
    tree: Tree,
    claim_list: Vec<usize>,
    related: Related,
    /// The widest date label of the timeline, so that its column never shifts.
    date_width: usize,
    /// The widest actor name, and the widest claim id of the Claims list, for the same.
    name_width: usize,
    id_width: usize,
    history: Vec<Snapshot>,
    /// A one-line message for the key bar, cleared by the next action.
    status: Option<String>,
    laid: Laid,
    quit: bool,
}

impl App {
    pub fn new(index: Index, theme: Theme) -> App {
        let index = Arc::new(index);
        let searcher = Arc::new(Searcher::new(Arc::clone(&index)));
        let reading = Reading::new();
        let date_width = super::content::labels::date_width(&index);
        let tree = Tree::new(&index);
        let name_width = index
            .model()
            .actors
            .iter()
            .map(|a| unicode_width::UnicodeWidthStr::width(a.name.as_str()))
            .max()
            .unwrap_or(0);
        let mut app = App {
            theme,
            searcher,
            size: Rect::new(0, 0, 120, 40),
            screen: Screen::default(),
            mode: Mode::Panes,
            base: Mode::Panes,
            focus: Pane::Arguments,
            scope: Scope::All,
            cursors: [Cursor::default(); Pane::COUNT],
            shown_claim: (None, Rect::ZERO),
            help_scroll: 0,
            search: SearchBox::default(),
            reading,
            tree,
            claim_list: Vec::new(),
            related: Related::default(),
            date_width,
            name_width,
            id_width: 0,
            history: Vec::new(),
            status: None,
            laid: Laid::default(),
            quit: false,
            index,
        };
        app.set_scope_from(Pane::Arguments);
        app.fit();
        app
    }

    /// The width of the timeline's date column.
    pub fn date_width(&self) -> usize {
        self.date_width
    }

    /// The widest actor name.
    pub fn name_width(&self) -> usize {
        self.name_width
    }

    /// The widest claim id in the Claims list.
    pub fn id_width(&self) -> usize {
        self.id_width
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// A handle on the search engine, for a thread that searches in the background.
    pub fn shared_searcher(&self) -> Arc<Searcher> {
        Arc::clone(&self.searcher)
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The mode under the search box or help, or the mode itself.
    pub fn base(&self) -> Mode {
        self.base
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// What the keys mean now.
    pub fn situation(&self) -> Situation {
        Situation {
            mode: self.mode,
            focus: self.focus,
        }
    }

    /// The action a terminal event asks for, now.
    pub fn action_for(&self, event: &crossterm::event::Event) -> Option<Action> {
        keymap::action_for(self.situation(), event)
    }

    pub fn scope(&self) -> Scope {
        self.scope
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    /// The layout of the screen for its current size and content.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The text laid out for the screen.
    pub fn laid(&self) -> &Laid {
        &self.laid
    }

    /// A pane's cursor.
    pub fn cursor(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    fn cursor_mut(&mut self, pane: Pane) -> &mut Cursor {
        &mut self.cursors[pane.index()]
    }

    /// How many rows a list pane has.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Timeline => self.index.timeline().len(),
            Pane::Actors => self.index.model().actors.len(),
            Pane::Arguments => self.tree.rows().len(),
            Pane::Claims => self.claim_list.len(),
            Pane::Source => self.laid.source.lines.len(),
        }
    }

    /// Whether a row of a list pane is marked as related to what the claims are narrowed to.
    pub fn is_related(&self, pane: Pane, row: usize) -> bool {
        let related = &self.related;
        let marked = |list: &[bool], i: Option<usize>| i.and_then(|i| list.get(i)).copied();
        match pane {
            Pane::Timeline => marked(&related.events, self.index.timeline().get(row).copied()),
            Pane::Actors => marked(&related.actors, Some(row)),
            Pane::Arguments => marked(&related.nodes, self.tree.rows().get(row).map(|r| r.node)),
            Pane::Claims | Pane::Source => None,
        }
        .unwrap_or(false)
    }

    pub fn argument_rows(&self) -> &[ArgumentRow] {
        self.tree.rows()
    }

    pub fn is_collapsed(&self, node: usize) -> bool {
        self.tree.is_collapsed(node)
    }

    /// The claims the Claims list shows, in reading order.
    pub fn claim_list(&self) -> &[usize] {
        &self.claim_list
    }

    /// The claim the Source pane shows.
    pub fn selected_claim(&self) -> Option<usize> {
        self.claim_list
            .get(self.cursor(Pane::Claims).selected)
            .copied()
    }

    pub fn selected_event(&self) -> Option<usize> {
        self.index
            .timeline()
            .get(self.cursor(Pane::Timeline).selected)
            .copied()
    }

    pub fn selected_actor(&self) -> Option<usize> {
        let row = self.cursor(Pane::Actors).selected;
        (row < self.index.model().actors.len()).then_some(row)
    }

    pub fn selected_node(&self) -> Option<usize> {
        self.tree
            .rows()
            .get(self.cursor(Pane::Arguments).selected)
            .map(|r| r.node)
    }

    /// Rows marked as related to the current scope.
    pub fn related(&self) -> &Related {
        &self.related
    }

    /// A message for the reader about the last action, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::OpenHelp => self.open(Mode::Help),
            Action::OpenSearch => self.open(Mode::Search),
            Action::ToggleReading => self.toggle_reading(),
            _ if self.mode == Mode::Help => self.help_action(action),
            _ if self.mode == Mode::Search => self.search_action(action),
            _ if self.mode == Mode::Reading => self.reading_action(action),
            _ => self.pane_action(action),
        }
        self.fit();
    }

    fn pane_action(&mut self, action: Action) {
        let page = self.screen.inner_height(self.focus).max(1);
        match action {
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::Focus(pane) => self.set_focus(pane),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-(page as isize)),
            Action::PageDown => self.step(page as isize),
            Action::HalfPageUp => self.step(-((page / 2).max(1) as isize)),
            Action::HalfPageDown => self.step((page / 2).max(1) as isize),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Enter => self.enter(),
            Action::Back | Action::Escape => self.back(),
            Action::Expand => self.fold(Some(false)),
            Action::Collapse => self.collapse_or_parent(),
            Action::ToggleFold => self.fold(None),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.wheel(column, row, -1),
            Action::ScrollDown { column, row } => self.wheel(column, row, 1),
            _ => {}
        }
    }

    fn open(&mut self, mode: Mode) {
        if matches!(self.mode, Mode::Panes | Mode::Reading) {
            self.base = self.mode;
        }
        self.mode = mode;
        self.help_scroll = 0;
        if mode == Mode::Search {
            self.search.open();
        }
    }

    fn close_overlay(&mut self) {
        self.mode = self.base;
    }

    fn help_action(&mut self, action: Action) {
        let page = super::layout::help_text(self.screen.main).1.max(1);
        let scroll = &mut self.help_scroll;
        match action {
            Action::Escape => self.close_overlay(),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
            Action::HalfPageDown => *scroll = scroll.saturating_add(page / 2),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(3),
            Action::ScrollDown { .. } => *scroll = scroll.saturating_add(3),
            _ => {}
        }
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::Escape => self.close_overlay(),
            Action::Accept => {
                if let Some(hit) = self.search.selected_hit().cloned() {
                    self.close_overlay();
                    self.jump(&hit);
                }
            }
            Action::Click { column, row } => {
                if let Some(i) = self.hit_at(column, row) {
                    self.search.cursor.selected = i;
                    self.update(Action::Accept);
                }
            }
            Action::Found(generation, hits) => self.search.found(generation, hits),
            other => {
                if self.search.edit(other) {
                    self.search.run(&self.searcher);
                }
            }
        }
    }

    /// The search hit under a clicked cell.
    fn hit_at(&self, column: u16, row: u16) -> Option<usize> {
        let rect = super::layout::search_list(self.screen.main);
        if !rect.contains((column, row).into()) {
            return None;
        }
        // Problem lines, if any, come before the hits.
        let line = usize::from(row - rect.y).checked_sub(self.search.problems.len())?;
        let i = self.search.cursor.offset + line;
        (i < self.search.hits.len()).then_some(i)
    }

    fn reading_action(&mut self, action: Action) {
        let height = super::layout::reading_text(self.screen.main).1.max(1);
        match action {
            Action::Escape | Action::Back => {
                self.mode = Mode::Panes;
                self.base = Mode::Panes;
                if let Some(claim) = self.reading.claim
                    && self.selected_claim() != Some(claim)
                {
                    self.show_claim(claim);
                }
            }
            // The guard moves the highlight; the arm runs only when there was nowhere to go.
            Action::NextClaim
                if !self
                    .reading
                    .next_claim(&self.index, &self.laid.reading.tags, 1, height) =>
            {
                self.status = Some("That is the last claim of the article.".to_string());
            }
            Action::PrevClaim
                if !self
                    .reading
                    .next_claim(&self.index, &self.laid.reading.tags, -1, height) =>
            {
                self.status = Some("That is the first claim of the article.".to_string());
            }
            Action::Up | Action::ScrollUp { .. } => self.reading.scroll_by(-1),
            Action::Down | Action::ScrollDown { .. } => self.reading.scroll_by(1),
            Action::PageUp => self.reading.scroll_by(-(height as isize)),
            Action::PageDown => self.reading.scroll_by(height as isize),
            Action::HalfPageUp => self.reading.scroll_by(-((height / 2) as isize)),
            Action::HalfPageDown => self.reading.scroll_by((height / 2) as isize),
            Action::Top => self.reading.scroll_by(isize::MIN / 2),
            Action::Bottom => self.reading.scroll_by(isize::MAX / 2),
            _ => {}
        }
    }

    fn toggle_reading(&mut self) {
        match self.mode {
            Mode::Reading => self.reading_action(Action::Escape),
            Mode::Panes => {
                self.mode = Mode::Reading;
                self.base = Mode::Reading;
                self.reading.claim = self.selected_claim();
                self.reading.follow = true;
            }
            // Over the search box or help, `r` is a letter of the query or means nothing.
            Mode::Search | Mode::Help => {}
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        if self.focus != pane && pane.is_context() {
            self.set_scope_from(pane);
        }
        self.focus = pane;
    }

    /// Narrows the Claims list to what `pane` has selected.
    fn set_scope_from(&mut self, pane: Pane) {
        let scope = match pane {
            Pane::Timeline => self.selected_event().map(Scope::Event),
            Pane::Actors => self.selected_actor().map(Scope::Actor),
            Pane::Arguments => self.selected_node().map(Scope::Argument),
            _ => None,
        };
        self.set_scope(scope.unwrap_or(Scope::All));
    }

    fn set_scope(&mut self, scope: Scope) {
        if self.scope == scope && !self.claim_list.is_empty() {
            return;
        }
        self.scope = scope;
        self.claim_list = self.index.claims_in(scope);
        let model = self.index.model();
        self.id_width = self
            .claim_list
            .iter()
            .map(|c| model.claims[*c].id.len())
            .max()
            .unwrap_or(0);
        self.related = self.index.related_to(scope);
        *self.cursor_mut(Pane::Claims) = Cursor::default();
        *self.cursor_mut(Pane::Source) = Cursor::default();
    }

    /// Moves the focused pane's selection (or scrolls its text) by `delta` rows.
    fn step(&mut self, delta: isize) {
        let pane = self.focus;
        match pane.kind() {
            PaneKind::Text => {
                let scroll = &mut self.cursors[pane.index()].offset;
                *scroll = scroll.saturating_add_signed(delta);
            }
            PaneKind::Claims => {
                let len = self.len(pane);
                self.cursor_mut(pane).step(delta, len);
                *self.cursor_mut(Pane::Source) = Cursor::default();
            }
            PaneKind::Context => {
                let len = self.len(pane);
                self.cursor_mut(pane).step(delta, len);
                self.set_scope_from(pane);
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        if let Some(tabs) = self.screen.tabs
            && tabs.contains((column, row).into())
        {
            if let Some(pane) = super::layout::tab_at(tabs, column, self.focus) {
                self.set_focus(pane);
            }
            return;
        }
        let Some(pane) = self.screen.pane_at(column, row) else {
            return;
        };
        self.set_focus(pane);
        let Some(rect) = self.screen.pane(pane) else {
            return;
        };
        if pane.kind() == PaneKind::Text || row <= rect.y || row.saturating_add(1) >= rect.bottom()
        {
            return;
        }
        let cursor = self.cursor(pane);
        let target = cursor.offset + usize::from(row - rect.y - 1);
        self.step(target as isize - cursor.selected as isize);
    }

    fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        let Some(pane) = self.screen.pane_at(column, row) else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        self.step(delta);
        self.focus = focus;
    }
}
