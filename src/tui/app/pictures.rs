//! The pictures' part of the state: which pane shows its picture (`p`), how far the chart
//! is zoomed, each picture's layout (made again only when the size, the model or the folds
//! change), and what the arrows do in each. The selection stays the list's row, so that
//! everything a list's selection does (narrowing the claims, Enter, Backspace, a search
//! landing) works the same from its picture.

use ratatui::layout::Rect;

use super::{ActorRow, App, Pane};
use crate::tui::action::Action;
use crate::tui::picture::chart::Chart;
use crate::tui::picture::map::Map;
use crate::tui::picture::network::{self, Network, Pick};
use crate::tui::picture::{MAX_ZOOM, Pictures};

/// The fewest rows a pane's box needs to show its picture.
const MIN_PICTURE_HEIGHT: u16 = 10;

/// Each picture's layout as last made.
#[derive(Debug, Clone, Default)]
pub struct PictureLayouts {
    pub chart: Option<Chart>,
    pub map: Option<Map>,
    pub network: Option<Network>,
}

impl App {
    pub fn pictures(&self) -> Pictures {
        self.pictures
    }

    /// Whether `pane` is on screen as its picture: a pane given a few rows, out of use,
    /// shows its list, which reads in that room where a picture would not.
    pub fn shows_picture(&self, pane: Pane) -> bool {
        self.pictures.shows(pane)
            && self
                .screen
                .pane(pane)
                .is_some_and(|rect| rect.height >= MIN_PICTURE_HEIGHT)
    }

    /// Where a pane's picture is drawn: inside its border.
    pub fn picture_area(&self, pane: Pane) -> Option<Rect> {
        let rect = self.screen.pane(pane)?;
        Some(Rect {
            x: rect.x + 1,
            y: rect.y + 1,
            width: rect.width.saturating_sub(2),
            height: rect.height.saturating_sub(2),
        })
    }

    /// The network's item for the Actors pane's selection.
    pub fn network_pick(&self) -> Option<Pick> {
        network::pick_of(self.actor_row())
    }

    pub(super) fn toggle_picture(&mut self) {
        let pane = self.focus;
        if !self.pictures.toggle(pane) {
            self.status =
                Some("Only the Timeline, Actors and Arguments panes have a picture.".to_string());
            return;
        }
        let said = match (pane, self.pictures.shows(pane)) {
            (_, false) => "Back to the list.",
            (Pane::Timeline, true) => {
                "The timeline as a chart: ←→ in time, ↑↓ between lanes, +− zoom, p the list."
            }
            (Pane::Arguments, true) => {
                "The argument as a map: ↑ the parent, ↓ a child, ←→ beside, p the list."
            }
            (_, true) => "The relations as a network: arrows choose a name or a line, p the list.",
        };
        self.status = Some(said.to_string());
    }

    /// Carries out `action` in the focused pane's picture: `false` when the picture leaves
    /// it to the list.
    pub(super) fn picture_action(&mut self, action: &Action) -> bool {
        if !self.shows_picture(self.focus) {
            return false;
        }
        match (self.focus, action) {
            (Pane::Timeline, Action::Left | Action::Right | Action::Up | Action::Down) => {
                let row = self.cursor(Pane::Timeline).selected;
                let chart = self.laid.pictures.chart.as_ref();
                let to = match action {
                    Action::Left => chart.and_then(|c| c.step_in_time(row, -1)),
                    Action::Right => chart.and_then(|c| c.step_in_time(row, 1)),
                    Action::Up => chart.and_then(|c| c.step_across(row, -1)),
                    _ => chart.and_then(|c| c.step_across(row, 1)),
                };
                match to {
                    Some(row) => {
                        self.choose_row(Pane::Timeline, row);
                    }
                    None if matches!(action, Action::Left | Action::Right) => {
                        self.status = Some("No event further that way in time.".to_string());
                    }
                    None => self.status = Some("No lane further that way.".to_string()),
                }
            }
            (Pane::Timeline, Action::ZoomIn | Action::ZoomOut) => {
                self.zoom(action == &Action::ZoomIn)
            }
            (Pane::Timeline, Action::Top | Action::Bottom) => {
                let order = self
                    .laid
                    .pictures
                    .chart
                    .as_ref()
                    .map(|c| c.order.as_slice());
                let end = order.and_then(|o| {
                    if action == &Action::Top {
                        o.first()
                    } else {
                        o.last()
                    }
                });
                if let Some(row) = end.copied() {
                    self.choose_row(Pane::Timeline, row);
                }
            }
            (Pane::Arguments, Action::Up) => self.map_up(),
            (Pane::Arguments, Action::Down) => self.map_down(),
            (Pane::Arguments, Action::Left | Action::Right) => {
                let direction = if action == &Action::Left { -1 } else { 1 };
                let row = self.cursor(Pane::Arguments).selected;
                let beside = self
                    .laid
                    .pictures
                    .map
                    .as_ref()
                    .and_then(|m| m.beside(row, direction));
                if let Some(row) = beside {
                    self.choose_row(Pane::Arguments, row);
                }
            }
            (Pane::Actors, Action::Up | Action::Down | Action::Left | Action::Right) => {
                let (dx, dy) = match action {
                    Action::Up => (0, -1),
                    Action::Down => (0, 1),
                    Action::Left => (-1, 0),
                    _ => (1, 0),
                };
                let from = self.network_pick();
                let to = self
                    .laid
                    .pictures
                    .network
                    .as_ref()
                    .and_then(|n| n.step(from, dx, dy));
                match to {
                    Some(item) => self.select_pick(item),
                    None => self.status = Some("Nothing further that way.".to_string()),
                }
            }
            (Pane::Actors, Action::ToggleFold) => {}
            (_, Action::ZoomIn | Action::ZoomOut) => {
                self.status = Some("+ and − zoom the timeline's chart.".to_string());
            }
            _ => return false,
        }
        true
    }

    fn zoom(&mut self, closer: bool) {
        let zoom = &mut self.pictures.zoom;
        *zoom = if closer {
            (*zoom + 1).min(MAX_ZOOM)
        } else {
            zoom.saturating_sub(1)
        };
        self.status = Some(match *zoom {
            0 => "The whole timeline.".to_string(),
            z => format!("Zoomed in {}×, around the event selected.", 1u32 << z),
        });
    }

    fn map_up(&mut self) {
        let node = self.selected_node();
        match node.and_then(|n| self.index.parent_of(n)) {
            Some(parent) => {
                self.came_up_from = node;
                self.select_node(parent);
                self.set_scope_from(Pane::Arguments);
            }
            None => self.status = Some("The thesis is the top of the map.".to_string()),
        }
    }

    /// Down to the point last come up from, else the node's first; opening the node if
    /// it is closed.
    fn map_down(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let children = self.index.children(node);
        let Some(first) = children.first().copied() else {
            self.status = Some("Nothing hangs from this node.".to_string());
            return;
        };
        let to = self
            .came_up_from
            .filter(|c| children.contains(c))
            .unwrap_or(first);
        self.select_node(to);
        self.set_scope_from(Pane::Arguments);
    }

    /// Chooses a row of a pane, as moving onto it in the list does.
    fn choose_row(&mut self, pane: Pane, row: usize) {
        self.cursor_mut(pane).selected = row;
        self.set_scope_from(pane);
    }

    /// Selects a name or a line of the network, as its row in the list.
    fn select_pick(&mut self, item: Pick) {
        match item {
            Pick::Actor(a) => self.select_actor(a),
            Pick::Relation(r) => {
                let model = self.index.model();
                let Some(actor) = model
                    .relations
                    .get(r)
                    .and_then(|rel| self.index.actor(&rel.from))
                else {
                    return;
                };
                self.select_actor_row(ActorRow::Relation { actor, relation: r });
            }
        }
        self.set_scope_from(Pane::Actors);
    }

    /// A click in a picture: what is under it is selected, as a click on its row would.
    pub(super) fn click_picture(&mut self, pane: Pane, column: u16, line: u16) {
        let Some(area) = self.picture_area(pane) else {
            return;
        };
        // A click on the border, or in the chart's margin of track names, chooses nothing
        // the window does not show.
        let margin = if pane == Pane::Timeline {
            crate::tui::picture::chart::MARGIN as u16
        } else {
            0
        };
        let inside = column >= area.x + margin
            && column < area.right()
            && line >= area.y
            && line < area.bottom();
        if !inside {
            return;
        }
        let selected = self.cursor(pane).selected;
        let pictures = &self.laid.pictures;
        match pane {
            Pane::Timeline | Pane::Arguments => {
                let row = match pane {
                    Pane::Timeline => pictures
                        .chart
                        .as_ref()
                        .and_then(|c| c.row_at(area, selected, column, line)),
                    _ => pictures
                        .map
                        .as_ref()
                        .and_then(|m| m.row_at(area, selected, column, line)),
                };
                if let Some(row) = row {
                    self.choose_row(pane, row);
                }
            }
            Pane::Actors => {
                if let Some(item) = pictures
                    .network
                    .as_ref()
                    .and_then(|n| n.pick_at(area, column, line))
                {
                    self.select_pick(item);
                }
            }
            _ => {}
        }
    }

    /// Lays out again each picture on screen whose size, model or folds changed.
    pub(super) fn fit_pictures(&mut self) {
        for pane in [Pane::Timeline, Pane::Arguments, Pane::Actors] {
            if !self.shows_picture(pane) {
                continue;
            }
            let Some(area) = self.picture_area(pane) else {
                continue;
            };
            let (w, h) = (area.width, area.height);
            let laid = &mut self.laid.pictures;
            match pane {
                Pane::Timeline => {
                    let key = (w, h, self.pictures.zoom);
                    if laid.chart.as_ref().is_none_or(|c| c.laid_for != key) {
                        laid.chart = Some(Chart::new(&self.index, w, h, self.pictures.zoom));
                    }
                }
                Pane::Arguments => {
                    let rows = self.panes.arguments.rows();
                    if laid.map.as_ref().is_none_or(|m| m.laid_for != rows) {
                        laid.map = Some(Map::new(rows));
                    }
                }
                _ => {
                    if laid.network.as_ref().is_none_or(|n| n.laid_for != (w, h)) {
                        laid.network = Some(Network::new(&self.index, w, h));
                    }
                }
            }
        }
    }
}
