//! Where each pane goes for a given terminal size. Both the view (to draw) and the app (to
//! size pages and to hit-test the mouse) use this one function.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::Pane;

/// The smallest terminal the explorer draws in; below it, a "too small" notice.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this size up, all panes show at once; below it, one pane at a time with tabs.
pub const WIDE_WIDTH: u16 = 100;
pub const WIDE_HEIGHT: u16 = 24;
/// Height of the detail box (borders included) that describes the selected actor, event
/// or argument node: a quarter of the body, within bounds.
fn detail_height(body: Rect) -> u16 {
    (body.height / 4).clamp(7, 10)
}

/// How the screen is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    TooSmall,
    /// All panes side by side.
    Wide,
    /// One pane at a time, with a tab strip.
    Narrow,
}

/// The rectangles of one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub arrangement: Arrangement,
    pub area: Rect,
    /// Everything but the key bar: where reading mode and overlays go.
    pub main: Rect,
    /// Where the panes go (all but the key bar, and the tab strip when narrow).
    pub body: Rect,
    pub tabs: Option<Rect>,
    pub keybar: Rect,
    /// Each pane's box, or `None` when it is not on screen.
    pub panes: [Option<Rect>; 5],
    pub detail: Option<Rect>,
}

impl Screen {
    pub fn new(area: Rect, focus: Pane) -> Screen {
        let empty = Screen {
            arrangement: Arrangement::TooSmall,
            area,
            main: area,
            body: area,
            tabs: None,
            keybar: Rect::default(),
            panes: [None; 5],
            detail: None,
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return empty;
        }
        let [body, keybar] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        if area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT {
            Self::wide(area, body, keybar)
        } else {
            Self::narrow(area, body, keybar, focus)
        }
    }

    fn wide(area: Rect, body: Rect, keybar: Rect) -> Screen {
        let left_width = (u32::from(body.width) * 42 / 100).clamp(32, 64) as u16;
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
        let [timeline, actors, arguments] = Layout::vertical([
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
        ])
        .areas(left);
        let [detail, claims, source] = Layout::vertical([
            Constraint::Length(detail_height(body)),
            Constraint::Percentage(38),
            Constraint::Fill(1),
        ])
        .areas(right);
        Screen {
            arrangement: Arrangement::Wide,
            area,
            main: body,
            body,
            tabs: None,
            keybar,
            panes: [
                Some(timeline),
                Some(actors),
                Some(arguments),
                Some(claims),
                Some(source),
            ],
            detail: Some(detail),
        }
    }

    fn narrow(area: Rect, main: Rect, keybar: Rect, focus: Pane) -> Screen {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        let mut panes = [None; 5];
        let mut detail = None;
        let has_detail = matches!(focus, Pane::Timeline | Pane::Actors | Pane::Arguments);
        if has_detail && body.height >= 2 * detail_height(body) {
            let [list, below] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_height(body))])
                    .areas(body);
            panes[focus.number() - 1] = Some(list);
            detail = Some(below);
        } else {
            panes[focus.number() - 1] = Some(body);
        }
        Screen {
            arrangement: Arrangement::Narrow,
            area,
            main,
            body,
            tabs: Some(tabs),
            keybar,
            panes,
            detail,
        }
    }

    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane.number() - 1]
    }

    /// Rows inside a pane's border.
    pub fn inner_height(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    /// Columns inside a pane's border.
    pub fn inner_width(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(1, |r| usize::from(r.width.saturating_sub(2)).max(1))
    }

    /// The pane under a cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| {
            self.pane(*p)
                .is_some_and(|r| r.contains((column, row).into()))
        })
    }
}
