//! The explorer's state and its one `update`: every action becomes a call of a small,
//! named method. Nothing here draws; the view only reads this state.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::layout::{Arrangement, Screen, Wants};
use super::reading::Reading;
use super::search_box::SearchBox;
use super::theme::Theme;
use crate::model::{Index, ItemRef};
use crate::search::{Field, Hit, HitKind, Searcher};

/// The explorer's panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Actors,
    Arguments,
    Claims,
    Source,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Timeline,
        Pane::Actors,
        Pane::Arguments,
        Pane::Claims,
        Pane::Source,
    ];

    /// The pane's number, 1 to 5, as the digit keys and titles use it.
    pub fn number(self) -> usize {
        match self {
            Pane::Timeline => 1,
            Pane::Actors => 2,
            Pane::Arguments => 3,
            Pane::Claims => 4,
            Pane::Source => 5,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Actors => "Actors",
            Pane::Arguments => "Arguments",
            Pane::Claims => "Claims",
            Pane::Source => "Source",
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[self.number() % 5]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.number() + 3) % 5]
    }

    /// Whether the pane lists actors, events or argument nodes (whose selection decides
    /// what the Claims list shows).
    pub fn is_context(self) -> bool {
        matches!(self, Pane::Timeline | Pane::Actors | Pane::Arguments)
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Panes,
    Reading,
    Search,
    Help,
}

/// What the Claims list is narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Event(usize),
    Actor(usize),
    Argument(usize),
}

/// A selection in a list, and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn at(selected: usize) -> Cursor {
        Cursor {
            selected,
            offset: 0,
        }
    }

    /// Moves by `delta` rows within `len`, stopping at the ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Keeps the selection within `len` and on screen in a viewport of `height` rows.
    pub fn fit(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// One visible row of the argument tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgumentRow {
    pub node: usize,
    pub depth: usize,
}

/// Which rows of the other panes relate to what the Claims list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Related {
    pub events: Vec<bool>,
    pub actors: Vec<bool>,
    pub nodes: Vec<bool>,
}

/// Where the reader was before a drill or a jump, for Backspace.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    base: Mode,
    reading_claim: Option<usize>,
    /// The selected argument node itself, whatever row it is on.
    node: Option<usize>,
    focus: Pane,
    scope: Scope,
    timeline: Cursor,
    actors: Cursor,
    arguments: Cursor,
    claims: Cursor,
}

/// The whole state of the explorer.
pub struct App {
    pub theme: Theme,
    index: Arc<Index>,
    searcher: Arc<Searcher>,
    size: Rect,
    mode: Mode,
    /// The mode under an open search box or help screen.
    base: Mode,
    focus: Pane,
    scope: Scope,
    pub timeline: Cursor,
    pub actors: Cursor,
    pub arguments: Cursor,
    pub claims: Cursor,
    /// Lines scrolled off the top of the Source pane.
    pub source_scroll: usize,
    /// The claim the Source pane last laid out, and the terminal size it was laid out
    /// for, to notice a new claim or a new size.
    shown_claim: (Option<usize>, Rect),
    pub help_scroll: usize,
    pub search: SearchBox,
    pub reading: Reading,
    collapsed: Vec<bool>,
    argument_rows: Vec<ArgumentRow>,
    claim_list: Vec<usize>,
    related: Related,
    /// The widest date label of the timeline, so that its column never shifts.
    date_width: usize,
    history: Vec<Snapshot>,
    /// A one-line message for the key bar, cleared by the next action.
    status: Option<String>,
    /// Counts the changes to what the panes show, so a drawing of them can be reused.
    generation: u64,
    /// The panes as last drawn under an overlay (the view keeps and reuses it).
    pub backdrop: super::view::Backdrop,
    quit: bool,
}

impl App {
    pub fn new(index: Index, theme: Theme) -> App {
        let index = Arc::new(index);
        let searcher = Arc::new(Searcher::new(Arc::clone(&index)));
        let collapsed = vec![false; index.model().arguments.len()];
        let reading = Reading::new(&index);
        let mut app = App {
            theme,
            index,
            searcher,
            size: Rect::new(0, 0, 120, 40),
            mode: Mode::Panes,
            base: Mode::Panes,
            focus: Pane::Arguments,
            scope: Scope::All,
            timeline: Cursor::default(),
            actors: Cursor::default(),
            arguments: Cursor::default(),
            claims: Cursor::default(),
            source_scroll: 0,
            shown_claim: (None, Rect::ZERO),
            help_scroll: 0,
            search: SearchBox::default(),
            reading,
            collapsed,
            argument_rows: Vec::new(),
            claim_list: Vec::new(),
            related: Related::default(),
            date_width: 0,
            history: Vec::new(),
            status: None,
            generation: 0,
            backdrop: super::view::Backdrop::default(),
            quit: false,
        };
        app.date_width = app
            .index
            .model()
            .events
            .iter()
            .map(|e| {
                unicode_width::UnicodeWidthStr::width(super::view::timeline::date_label(e).as_str())
            })
            .max()
            .unwrap_or(0);
        app.rebuild_argument_rows();
        app.set_scope_from(Pane::Arguments);
        app
    }

    /// The width of the timeline's date column.
    pub fn date_width(&self) -> usize {
        self.date_width
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

    pub fn scope(&self) -> Scope {
        self.scope
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    /// The layout for the terminal's current size.
    pub fn screen(&self) -> Screen {
        self.screen_for(self.size)
    }

    /// The layout for an area, fitted to what the panes hold now.
    pub fn screen_for(&self, area: Rect) -> Screen {
        let detail_lines = |width: usize| super::view::detail::line_count(self, width);
        let wants = Wants {
            focus: self.focus,
            argument_rows: self.argument_rows.len(),
            detail_lines: &detail_lines,
        };
        Screen::new(area, &wants)
    }

    pub fn argument_rows(&self) -> &[ArgumentRow] {
        &self.argument_rows
    }

    pub fn is_collapsed(&self, node: usize) -> bool {
        self.collapsed.get(node).copied().unwrap_or(false)
    }

    /// The claims the Claims list shows, in reading order.
    pub fn claim_list(&self) -> &[usize] {
        &self.claim_list
    }

    /// The claim the Source pane shows.
    pub fn selected_claim(&self) -> Option<usize> {
        self.claim_list.get(self.claims.selected).copied()
    }

    pub fn selected_event(&self) -> Option<usize> {
        self.index.timeline().get(self.timeline.selected).copied()
    }

    pub fn selected_actor(&self) -> Option<usize> {
        (self.actors.selected < self.index.model().actors.len()).then_some(self.actors.selected)
    }

    pub fn selected_node(&self) -> Option<usize> {
        self.argument_rows
            .get(self.arguments.selected)
            .map(|r| r.node)
    }

    /// A message for the reader about the last action, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Which state of the panes a drawing shows; it changes whenever they might.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        // Typing in the search box or scrolling the help leaves the panes as they were.
        let overlay = matches!(self.mode, Mode::Search | Mode::Help);
        if !overlay
            || matches!(
                action,
                Action::Accept | Action::Click { .. } | Action::Resize(..)
            )
        {
            self.generation += 1;
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
        let page = self.page();
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

    /// Rows in a page of the focused pane.
    fn page(&self) -> usize {
        self.screen().inner_height(self.focus).max(1)
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
        let page = super::view::help::viewport_height(
            Screen::new(
                self.size,
                &Wants {
                    focus: self.focus,
                    argument_rows: 0,
                    detail_lines: &|_| 0,
                },
            )
            .main,
        )
        .max(1);
        match action {
            Action::Escape => self.close_overlay(),
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Down => self.help_scroll = self.help_scroll.saturating_add(1),
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(page),
            Action::PageDown => self.help_scroll = self.help_scroll.saturating_add(page),
            Action::HalfPageUp => self.help_scroll = self.help_scroll.saturating_sub(page / 2),
            Action::HalfPageDown => self.help_scroll = self.help_scroll.saturating_add(page / 2),
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = usize::MAX / 2,
            Action::ScrollUp { .. } => self.help_scroll = self.help_scroll.saturating_sub(3),
            Action::ScrollDown { .. } => self.help_scroll = self.help_scroll.saturating_add(3),
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
                if let Some(i) = super::view::search::hit_at(self, column, row) {
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

    fn reading_action(&mut self, action: Action) {
        let height = super::reading::viewport(self.screen().main).1.max(1);
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
            Action::NextClaim if !self.reading.next_claim(&self.index, 1, height) => {
                self.status = Some("That is the last claim of the article.".to_string());
            }
            Action::PrevClaim if !self.reading.next_claim(&self.index, -1, height) => {
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
        self.claim_list = self.claims_in(scope);
        self.related = self.related_to(scope, &self.claim_list);
        self.claims = Cursor::default();
        self.source_scroll = 0;
    }

    /// Rows marked as related to the current scope.
    pub fn related(&self) -> &Related {
        &self.related
    }

    /// `claims` are the scope's claims, already worked out by the caller.
    fn related_to(&self, scope: Scope, claims: &[usize]) -> Related {
        let model = self.index.model();
        let mut related = Related {
            events: vec![false; model.events.len()],
            actors: vec![false; model.actors.len()],
            nodes: vec![false; model.arguments.len()],
        };
        let mark = |list: &mut Vec<bool>, i: usize| {
            if let Some(slot) = list.get_mut(i) {
                *slot = true;
            }
        };
        match scope {
            Scope::All => {}
            Scope::Actor(a) => {
                for e in self.index.events_of_actor(a) {
                    mark(&mut related.events, *e);
                }
                for n in self.index.arguments_of_actor(a) {
                    mark(&mut related.nodes, n);
                }
                for r in self.index.relations_of_actor(a) {
                    let relation = &model.relations[*r];
                    for id in [&relation.from, &relation.to] {
                        if let Some(ItemRef::Actor(other)) = self.index.get(id)
                            && other != a
                        {
                            mark(&mut related.actors, other);
                        }
                    }
                }
            }
            Scope::Event(_) | Scope::Argument(_) => {
                if let Scope::Event(e) = scope {
                    for id in model
                        .events
                        .get(e)
                        .map(|e| e.actors.as_slice())
                        .unwrap_or_default()
                    {
                        if let Some(ItemRef::Actor(a)) = self.index.get(id) {
                            mark(&mut related.actors, a);
                        }
                    }
                }
                for &c in claims {
                    for n in self.index.arguments_of_claim(c) {
                        mark(&mut related.nodes, *n);
                    }
                    for e in self.index.events_of_claim(c) {
                        mark(&mut related.events, *e);
                    }
                    if matches!(scope, Scope::Argument(_)) {
                        for id in &model.claims[c].actors {
                            if let Some(ItemRef::Actor(a)) = self.index.get(id) {
                                mark(&mut related.actors, a);
                            }
                        }
                    }
                }
                // The selected item itself is not "related" to itself.
                match scope {
                    Scope::Event(e) => related
                        .events
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, m)| *m &= i != e),
                    Scope::Argument(n) => related
                        .nodes
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, m)| *m &= i != n),
                    _ => {}
                }
            }
        }
        related
    }

    /// The claims of a scope, in reading order.
    pub fn claims_in(&self, scope: Scope) -> Vec<usize> {
        let model = self.index.model();
        let ids = |ids: &[String]| -> Vec<usize> {
            ids.iter()
                .filter_map(|id| match self.index.get(id) {
                    Some(ItemRef::Claim(c)) => Some(c),
                    _ => None,
                })
                .collect()
        };
        let mut claims = match scope {
            Scope::All => (0..model.claims.len()).collect(),
            Scope::Event(e) => model
                .events
                .get(e)
                .map(|e| ids(&e.claims))
                .unwrap_or_default(),
            Scope::Actor(a) => self.index.claims_of_actor(a).to_vec(),
            Scope::Argument(n) => model
                .arguments
                .get(n)
                .map(|n| ids(&n.claims))
                .unwrap_or_default(),
        };
        claims.sort_by_key(|c| self.reading.order_of(*c));
        claims.dedup();
        claims
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Timeline => self.timeline.step(delta, self.index.timeline().len()),
            Pane::Actors => self.actors.step(delta, self.index.model().actors.len()),
            Pane::Arguments => self.arguments.step(delta, self.argument_rows.len()),
            Pane::Claims => {
                self.claims.step(delta, self.claim_list.len());
                self.source_scroll = 0;
            }
            Pane::Source => self.source_scroll = self.source_scroll.saturating_add_signed(delta),
        }
        if self.focus.is_context() {
            self.set_scope_from(self.focus);
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            base: self.base,
            reading_claim: self.reading.claim,
            node: self.selected_node(),
            focus: self.focus,
            scope: self.scope,
            timeline: self.timeline,
            actors: self.actors,
            arguments: self.arguments,
            claims: self.claims,
        }
    }

    fn remember(&mut self) {
        let now = self.snapshot();
        if self.history.last() != Some(&now) {
            self.history.push(now);
        }
        if self.history.len() > 100 {
            self.history.remove(0);
        }
    }

    fn enter(&mut self) {
        match self.focus {
            Pane::Timeline | Pane::Actors | Pane::Arguments => {
                self.remember();
                self.focus = Pane::Claims;
            }
            Pane::Claims if self.selected_claim().is_some() => {
                self.remember();
                self.focus = Pane::Source;
            }
            Pane::Source => self.toggle_reading(),
            _ => {}
        }
    }

    fn back(&mut self) {
        let Some(before) = self.history.pop() else {
            return;
        };
        self.base = before.base;
        self.mode = before.base;
        if before.base == Mode::Reading {
            self.reading.claim = before.reading_claim;
            self.reading.follow = true;
        }
        self.focus = before.focus;
        self.timeline = before.timeline;
        self.actors = before.actors;
        // The tree may have opened since (a jump opens a node's ancestors): find the node
        // again rather than trusting its old row.
        self.arguments = before.arguments;
        if let Some(node) = before.node {
            self.select_node(node);
        }
        self.set_scope(before.scope);
        self.claims = before.claims;
        self.source_scroll = 0;
    }

    fn rebuild_argument_rows(&mut self) {
        let mut rows = Vec::new();
        let mut stack: Vec<ArgumentRow> = self
            .index
            .thesis()
            .map(|node| ArgumentRow { node, depth: 0 })
            .into_iter()
            .collect();
        let mut seen = vec![false; self.collapsed.len()];
        while let Some(row) = stack.pop() {
            if std::mem::replace(&mut seen[row.node], true) {
                continue;
            }
            rows.push(row);
            if !self.is_collapsed(row.node) {
                for child in self.index.children(row.node).iter().rev() {
                    stack.push(ArgumentRow {
                        node: *child,
                        depth: row.depth + 1,
                    });
                }
            }
        }
        self.argument_rows = rows;
    }

    /// Opens (`Some(false)`), closes (`Some(true)`) or toggles (`None`) the selected node.
    fn fold(&mut self, collapse: Option<bool>) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if self.index.children(node).is_empty() {
            return;
        }
        let now = collapse.unwrap_or(!self.collapsed[node]);
        self.collapsed[node] = now;
        self.rebuild_argument_rows();
    }

    fn collapse_or_parent(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if !self.index.children(node).is_empty() && !self.collapsed[node] {
            self.fold(Some(true));
            return;
        }
        let parent = self.index.model().arguments[node].parent.as_deref();
        if let Some(ItemRef::Argument(p)) = parent.and_then(|p| self.index.get(p)) {
            self.select_node(p);
            self.set_scope_from(Pane::Arguments);
        }
    }

    /// Selects an argument node, opening its ancestors so that it is visible.
    fn select_node(&mut self, node: usize) {
        let model = self.index.model();
        let mut ancestor = model.arguments.get(node).and_then(|n| n.parent.as_deref());
        let mut guard = 0;
        while let Some(Some(ItemRef::Argument(p))) = ancestor.map(|a| self.index.get(a)) {
            self.collapsed[p] = false;
            ancestor = model.arguments[p].parent.as_deref();
            guard += 1;
            if guard > self.collapsed.len() {
                break;
            }
        }
        self.rebuild_argument_rows();
        if let Some(row) = self.argument_rows.iter().position(|r| r.node == node) {
            self.arguments.selected = row;
        }
    }

    /// Shows a claim: in its first argument node, with the claim selected.
    fn show_claim(&mut self, claim: usize) {
        match self.index.arguments_of_claim(claim).first().copied() {
            Some(node) => {
                self.select_node(node);
                self.set_scope(Scope::Argument(node));
            }
            None => self.set_scope(Scope::All),
        }
        if let Some(i) = self.claim_list.iter().position(|c| *c == claim) {
            self.claims.selected = i;
        }
        self.focus = Pane::Claims;
    }

    /// Selects an event in the timeline and narrows the claims to it.
    fn show_event(&mut self, event: usize) {
        if let Some(row) = self.index.timeline().iter().position(|e| *e == event) {
            self.timeline.selected = row;
        }
        self.focus = Pane::Timeline;
        self.set_scope(Scope::Event(event));
    }

    /// Goes to a search hit, where the reader can see it in its pane, with a claim selected
    /// whose source says what was searched for.
    fn jump(&mut self, hit: &Hit) {
        self.remember();
        self.mode = Mode::Panes;
        self.base = Mode::Panes;
        match hit.kind {
            HitKind::Actor => {
                self.actors.selected = hit.index;
                self.focus = Pane::Actors;
                self.set_scope(Scope::Actor(hit.index));
                let said = self.searcher.field_text(hit).to_string();
                self.select_claim_saying(&said, hit.field);
            }
            HitKind::Claim => self.show_claim(hit.index),
            HitKind::Event => self.show_event(hit.index),
            HitKind::Argument => {
                self.select_node(hit.index);
                self.focus = Pane::Arguments;
                self.set_scope(Scope::Argument(hit.index));
            }
            // The record's items are shown where they point in the article.
            HitKind::Later | HitKind::Review | HitKind::Source => {
                let item = match hit.kind {
                    HitKind::Later => ItemRef::Later(hit.index),
                    HitKind::Review => ItemRef::Review(hit.index),
                    _ => ItemRef::Source(hit.index),
                };
                match self.index.in_article(item) {
                    Some(ItemRef::Claim(c)) => self.show_claim(c),
                    Some(ItemRef::Event(e)) => self.show_event(e),
                    _ => {}
                }
            }
        }
    }

    /// Selects the first listed claim whose sentence holds `words` (an actor's name or
    /// alias), so the Source shows where the article says it.
    fn select_claim_saying(&mut self, words: &str, field: Field) {
        if !matches!(field, Field::Name | Field::Alias(_)) {
            return;
        }
        let model = self.index.model();
        let found = self.claim_list.iter().position(|c| {
            self.index
                .sentence_of_claim(*c)
                .is_some_and(|s| model.sentences[s].text.contains(words))
        });
        if let Some(i) = found {
            self.claims.selected = i;
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let screen = self.screen();
        if let Some(tabs) = screen.tabs
            && tabs.contains((column, row).into())
        {
            if let Some(pane) = super::view::tab_at(tabs, column, self.focus) {
                self.set_focus(pane);
            }
            return;
        }
        let Some(pane) = screen.pane_at(column, row) else {
            return;
        };
        self.set_focus(pane);
        let Some(rect) = screen.pane(pane) else {
            return;
        };
        if row <= rect.y || row.saturating_add(1) >= rect.bottom() {
            return;
        }
        let line = usize::from(row - rect.y - 1);
        let cursor = match pane {
            Pane::Timeline => &mut self.timeline,
            Pane::Actors => &mut self.actors,
            Pane::Arguments => &mut self.arguments,
            Pane::Claims => &mut self.claims,
            Pane::Source => return,
        };
        let target = cursor.offset + line;
        let delta = target as isize - cursor.selected as isize;
        self.step(delta);
    }

    fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        let Some(pane) = self.screen().pane_at(column, row) else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        self.step(delta);
        self.focus = focus;
    }

    /// Keeps every cursor in range and on screen after any change.
    fn fit(&mut self) {
        if matches!(self.mode, Mode::Search | Mode::Help) {
            // The panes did not change; only the overlay's own rows need fitting, and
            // its box does not depend on what the panes hold.
            let none = |_: usize| 0;
            let wants = Wants {
                focus: self.focus,
                argument_rows: 0,
                detail_lines: &none,
            };
            let screen = Screen::new(self.size, &wants);
            if self.mode == Mode::Search {
                let rows = super::view::search::list_height(&screen);
                self.search.cursor.fit(self.search.hits.len(), rows);
            } else {
                let rows = super::view::help::viewport_height(screen.main);
                let lines = super::view::help::line_count(self, screen.main);
                self.help_scroll = self.help_scroll.min(lines.saturating_sub(rows));
            }
            return;
        }
        let screen = self.screen();
        let model = self.index.model();
        self.timeline.fit(
            self.index.timeline().len(),
            screen.inner_height(Pane::Timeline),
        );
        self.actors
            .fit(model.actors.len(), screen.inner_height(Pane::Actors));
        self.arguments.fit(
            self.argument_rows.len(),
            screen.inner_height(Pane::Arguments),
        );
        self.claims
            .fit(self.claim_list.len(), screen.inner_height(Pane::Claims));
        // The rest costs a layout of text; it is done only for what is on screen.
        if self.mode == Mode::Panes {
            let height = screen.inner_height(Pane::Source);
            let (lines, quote) =
                super::view::source::measure(self, screen.inner_width(Pane::Source));
            // A newly shown claim, or a new terminal size, scrolls the quoted words into
            // view if the pane is too short for them.
            let shown = (self.selected_claim(), self.size);
            if self.shown_claim != shown {
                self.shown_claim = shown;
                if let Some((first, last)) = quote
                    && (first < self.source_scroll || last >= self.source_scroll + height)
                {
                    self.source_scroll = first.min((last + 1).saturating_sub(height));
                }
            }
            self.source_scroll = self.source_scroll.min(lines.saturating_sub(height));
        }
        if self.base == Mode::Reading && screen.arrangement != Arrangement::TooSmall {
            let (width, height) = super::reading::viewport(screen.main);
            self.reading.fit(&self.index, width, height);
        }
    }
}
