//! The explorer's state and its one `update`: every action becomes a call of a small,
//! named method. Nothing here draws, and nothing here imports the view: the text the
//! panes show is laid out by `content`, once per change, and kept for the view to draw;
//! each list pane's rows, marks and scope are its own file's in `panes`.

mod fit;
mod folds;
mod modes;
mod moves;
mod pictures;
mod problems;
mod reload;

pub use reload::whole_file;

pub use fit::PanesState;
pub use pictures::PictureLayouts;

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::content::{DetailText, HelpText, ReadingText, SourceText};
use super::keymap::Keymap;
use super::layout::Screen;
use super::panes::{ListPane, Panes, Shared};
use super::reading::Reading;
use super::search_box::SearchBox;
pub use super::state::{ActorRow, ArgumentRow, Cursor, HelpState, Mode, Pane, PaneKind, Situation};
use super::theme::Theme;
pub use crate::model::Scope;
use crate::model::{Index, Related, TimelineRow};
use crate::search::Searcher;

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
    pub help: HelpText,
    /// The help's lines as shown: all of them, or those its filter keeps.
    pub help_lines: Vec<ratatui::text::Line<'static>>,
    /// The filter `help_lines` were kept by.
    pub help_filter: Option<String>,
    /// Reading mode's article, laid out while reading mode is on.
    pub reading: ReadingText,
    /// The pictures on screen, laid out.
    pub pictures: PictureLayouts,
}

/// The model's file, as the explorer names it, and whether its saves are read again.
#[derive(Debug, Clone, Default)]
pub struct WatchState {
    /// The file's name; empty for the bundled model, which is no file to watch.
    pub name: String,
    pub on: bool,
}

/// The whole state of the explorer.
pub struct App {
    pub theme: Theme,
    /// The keys this explorer answers to, with its configuration's rebindings.
    keymap: Keymap,
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
    pub help: HelpState,
    pub search: SearchBox,
    pub reading: Reading,
    /// Each list pane's rows, and what it keeps to draw them.
    panes: Panes,
    /// Which panes show their picture instead of their list.
    pictures: super::picture::Pictures,
    /// The argument node the map last went up from, for down to come back to.
    came_up_from: Option<usize>,
    /// The context pane (Timeline, Actors, Arguments or Record) focused last: the one the
    /// wide layout gives the most room.
    last_context: Pane,
    related: Related,
    history: Vec<Snapshot>,
    /// A one-line message for the key bar, cleared by the next action.
    status: Option<String>,
    laid: Laid,
    /// Text for the event loop to put on the clipboard.
    clipboard: Option<String>,
    /// The scope changed: the next fit scrolls each pane to its first marked row.
    reveal_marked: bool,
    /// The model's file, when it is one of the reader's own, and whether it is watched.
    watch: WatchState,
    /// What the model still breaks, located, when it is a draft; and the list's cursor.
    problems: Vec<crate::model::Located>,
    pub problem_cursor: Cursor,
    quit: bool,
}

impl App {
    pub fn new(index: Index, theme: Theme) -> App {
        App::with_searcher(Searcher::new(Arc::new(index)), theme)
    }

    /// The explorer over a model whose search is already built (read from the cache).
    pub fn with_searcher(searcher: Searcher, theme: Theme) -> App {
        App::with_config(searcher, Keymap::default(), theme)
    }

    /// The explorer with its own keys and styles, as a configuration sets them.
    pub fn with_config(searcher: Searcher, keymap: Keymap, theme: Theme) -> App {
        let index = Arc::clone(searcher.shared_index());
        let searcher = Arc::new(searcher);
        let reading = Reading::new();
        let mut app = App {
            theme,
            keymap,
            searcher,
            size: Rect::new(0, 0, 120, 40),
            screen: Screen::default(),
            mode: Mode::Panes,
            base: Mode::Panes,
            focus: Pane::Arguments,
            scope: Scope::All,
            cursors: [Cursor::default(); Pane::COUNT],
            shown_claim: (None, Rect::ZERO),
            help: HelpState::default(),
            search: SearchBox::default(),
            reading,
            panes: Panes::new(&index),
            pictures: super::picture::Pictures::default(),
            came_up_from: None,
            last_context: Pane::Arguments,
            related: Related::default(),
            history: Vec::new(),
            status: None,
            laid: Laid::default(),
            clipboard: None,
            reveal_marked: false,
            watch: WatchState::default(),
            problems: Vec::new(),
            problem_cursor: Cursor::default(),
            quit: false,
            index,
        };
        app.set_scope_from(Pane::Arguments);
        app.fit();
        app
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
            filtering: self.mode == Mode::Help && self.help.editing,
            draft: !self.problems.is_empty(),
            picture: self.mode == Mode::Panes && self.shows_picture(self.focus),
        }
    }

    /// The action a terminal event asks for, now.
    pub fn action_for(&self, event: &ratatui::crossterm::event::Event) -> Option<Action> {
        self.keymap.action_for(self.situation(), event)
    }

    /// The keys this explorer answers to.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
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

    /// The list a pane shows, or `None` for the Source pane's text.
    pub fn list(&self, pane: Pane) -> Option<&dyn ListPane> {
        self.panes.list(pane)
    }

    /// What a pane reads besides its own rows.
    pub fn shared(&self, pane: Pane) -> Shared<'_> {
        Shared {
            index: &self.index,
            theme: self.theme,
            scope: self.scope,
            related: &self.related,
            cursor: self.cursor(pane),
        }
    }

    /// How many rows a pane has: a list's rows, or the Source pane's lines.
    pub fn len(&self, pane: Pane) -> usize {
        match self.list(pane) {
            Some(list) => list.len(&self.shared(pane)),
            None => self.laid.source.lines.len(),
        }
    }

    /// Whether a row of a list pane is marked as related to what the claims are narrowed to.
    pub fn is_related(&self, pane: Pane, row: usize) -> bool {
        self.list(pane)
            .is_some_and(|list| list.is_marked(&self.shared(pane), row))
    }

    pub fn argument_rows(&self) -> &[ArgumentRow] {
        self.panes.arguments.rows()
    }

    pub fn is_collapsed(&self, node: usize) -> bool {
        self.panes.arguments.is_collapsed(node)
    }

    /// The claims the Claims list shows, in reading order.
    pub fn claim_list(&self) -> &[usize] {
        self.panes.claims.claims()
    }

    /// The claim the Source pane shows.
    pub fn selected_claim(&self) -> Option<usize> {
        self.claim_list()
            .get(self.cursor(Pane::Claims).selected)
            .copied()
    }

    /// The rows of the Actors pane: each actor, and the relations of those opened.
    pub fn actor_rows(&self) -> &[ActorRow] {
        self.panes.actors.rows()
    }

    /// Whether an actor's relations are open under it.
    pub fn is_open(&self, actor: usize) -> bool {
        self.panes.actors.is_open(actor)
    }

    /// The reviews, in the Record pane's order; `None` is the divider between those that
    /// judge forecasts and the rest.
    pub fn record_rows(&self) -> &[Option<usize>] {
        self.panes.record.rows()
    }

    /// The selected row of the timeline.
    pub fn timeline_row(&self) -> Option<TimelineRow> {
        let row = self.cursor(Pane::Timeline).selected;
        self.index.timeline_rows().get(row).copied()
    }

    /// The selected article event, if the timeline's selection is one.
    pub fn selected_event(&self) -> Option<usize> {
        match self.timeline_row()? {
            TimelineRow::Event(e) => Some(e),
            _ => None,
        }
    }

    /// The selected row of the Actors pane.
    pub fn actor_row(&self) -> Option<ActorRow> {
        self.panes
            .actors
            .rows()
            .get(self.cursor(Pane::Actors).selected)
            .copied()
    }

    /// The selected actor, or the actor whose relation is selected.
    pub fn selected_actor(&self) -> Option<usize> {
        self.actor_row().map(ActorRow::actor)
    }

    /// The selected review of the Record pane.
    pub fn selected_review(&self) -> Option<usize> {
        self.panes
            .record
            .rows()
            .get(self.cursor(Pane::Record).selected)
            .copied()
            .flatten()
    }

    /// The context pane the wide layout gives the most room: the focused one, or the one
    /// focused last.
    pub fn last_context(&self) -> Pane {
        self.last_context
    }

    pub fn selected_node(&self) -> Option<usize> {
        self.panes
            .arguments
            .rows()
            .get(self.cursor(Pane::Arguments).selected)
            .map(|r| r.node)
    }

    /// Rows marked as related to the current scope.
    pub fn related(&self) -> &Related {
        &self.related
    }

    /// Text the last action asked to have copied, for the event loop to send on.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
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
        // Too small to see anything: nothing is done that the reader could not see done.
        let blind = self.screen.arrangement == super::layout::Arrangement::TooSmall
            && self.screen.area == self.size;
        match action {
            Action::Quit => self.quit = true,
            Action::Unbound(key) => {
                self.status = Some(format!("{key} does nothing here; ? lists the keys."));
            }
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::Found(..) if blind => self.search_action(action),
            _ if blind => {}
            Action::OpenHelp => self.open(Mode::Help),
            Action::OpenProblems if self.problems.is_empty() => {
                self.status = Some("This model breaks no rule: no problems to list.".to_string());
            }
            Action::OpenProblems if self.mode != Mode::Problems => self.open(Mode::Problems),
            Action::OpenSearch if !matches!(self.mode, Mode::Help | Mode::Problems) => {
                self.open(Mode::Search)
            }
            Action::ToggleReading => self.toggle_reading(),
            Action::ToggleWatch if matches!(self.mode, Mode::Panes | Mode::Reading) => {
                self.toggle_watch();
            }
            Action::Copy if matches!(self.mode, Mode::Panes | Mode::Reading) => self.copy(),
            Action::ShowReview if matches!(self.mode, Mode::Panes | Mode::Reading) => {
                self.show_claim_review();
            }
            _ if self.mode == Mode::Help => self.help_action(action),
            _ if self.mode == Mode::Problems => self.problems_action(action),
            _ if self.mode == Mode::Search => self.search_action(action),
            _ if self.mode == Mode::Reading => self.reading_action(action),
            _ => self.pane_action(action),
        }
        self.fit();
    }

    fn pane_action(&mut self, action: Action) {
        let page = self.screen.inner_height(self.focus).max(1);
        if self.picture_action(&action) {
            return;
        }
        match action {
            Action::Picture => self.toggle_picture(),
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
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            Action::Back | Action::Escape if !self.back() => {
                self.status = Some(if action == Action::Escape {
                    "Nothing is open for Esc to close; q quits.".to_string()
                } else {
                    "Nothing to go back to yet: Enter or a search leaves a way back.".to_string()
                });
            }
            Action::Expand if self.focus == Pane::Actors => self.fold_actor(Some(true)),
            Action::Collapse if self.focus == Pane::Actors => self.fold_actor(Some(false)),
            Action::ToggleFold if self.focus == Pane::Actors => self.fold_actor(None),
            Action::Expand if self.focus == Pane::Arguments => self.fold(Some(false)),
            Action::Collapse if self.focus == Pane::Arguments => self.collapse_or_parent(),
            Action::ToggleFold if self.focus == Pane::Arguments => self.fold(None),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.wheel(column, row, -1),
            Action::ScrollDown { column, row } => self.wheel(column, row, 1),
            _ => {}
        }
    }

    /// Moves the focus. Focus alone never changes what the Claims list shows: choosing a
    /// row does (moving in a pane, clicking one, or Enter).
    fn set_focus(&mut self, pane: Pane) {
        if pane.is_context() {
            self.last_context = pane;
        }
        self.focus = pane;
    }

    /// Narrows the Claims list to what context pane `pane` has selected.
    fn set_scope_from(&mut self, pane: Pane) {
        let Some(list) = self.list(pane).filter(|_| pane.is_context()) else {
            return;
        };
        let scope = list.scope(&self.shared(pane), self.cursor(pane).selected);
        self.set_scope(scope.unwrap_or(Scope::All));
    }

    fn set_scope(&mut self, scope: Scope) {
        if self.scope == scope && !self.claim_list().is_empty() {
            return;
        }
        self.scope = scope;
        self.panes.claims.show(&self.index, scope);
        self.related = self.index.related_to(scope);
        // Once the screen is laid out for what follows, the other panes scroll to their
        // first marked row.
        self.reveal_marked = true;
        *self.cursor_mut(Pane::Claims) = Cursor::default();
        *self.cursor_mut(Pane::Source) = Cursor::default();
    }

    /// Scrolls each context pane out of focus whose marked rows are all out of view, so
    /// that its first marked row shows.
    pub(super) fn show_marked(&mut self) {
        for pane in Pane::ALL {
            if !pane.is_context() || pane == self.focus {
                continue;
            }
            let height = self.screen.inner_height(pane).max(1);
            let Some(first) = (0..self.len(pane)).find(|row| self.is_related(pane, *row)) else {
                continue;
            };
            let cursor = self.cursor_mut(pane);
            let view = cursor.offset..cursor.offset + height;
            if !view.contains(&first) {
                cursor.offset = first.saturating_sub(1);
            }
        }
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
                let before = self.cursor(pane).selected;
                self.cursor_mut(pane).step(delta, len);
                // A divider is stepped over, or, at an end, not stepped onto.
                let divider = |app: &App| {
                    let row = app.cursor(pane).selected;
                    app.list(pane).is_some_and(|view| view.is_divider(row))
                };
                if divider(self) {
                    self.cursor_mut(pane).step(delta.signum(), len);
                    if divider(self) {
                        self.cursor_mut(pane).selected = before;
                    }
                }
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
        if self.shows_picture(pane) {
            self.click_picture(pane, column, row);
            return;
        }
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
