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
/// What the content asks of the layout: which pane is focused, how many rows the argument
/// tree has, and how many lines the detail box needs at a given inner width.
pub struct Wants<'a> {
    pub focus: Pane,
    pub argument_rows: usize,
    pub detail_lines: &'a dyn Fn(usize) -> usize,
}

/// Columns the detail box loses to its border and padding.
pub const DETAIL_MARGIN: u16 = 4;

fn clamp_len(want: usize, min: u16, max: u16) -> u16 {
    let want = u16::try_from(want).unwrap_or(u16::MAX);
    want.clamp(min, max.max(min))
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
    /// The line naming the article, on wide screens.
    pub header: Option<Rect>,
    /// Where the panes go (all but the key bar, and the tab strip when narrow).
    pub body: Rect,
    pub tabs: Option<Rect>,
    pub keybar: Rect,
    /// Each pane's box, or `None` when it is not on screen.
    pub panes: [Option<Rect>; 5],
    pub detail: Option<Rect>,
}

impl Screen {
    pub fn new(area: Rect, wants: &Wants<'_>) -> Screen {
        let empty = Screen {
            arrangement: Arrangement::TooSmall,
            area,
            main: area,
            header: None,
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
            Self::wide(area, body, keybar, wants)
        } else {
            Self::narrow(area, body, keybar, wants)
        }
    }

    fn wide(area: Rect, main: Rect, keybar: Rect, wants: &Wants<'_>) -> Screen {
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        let left_width = (u32::from(body.width) * 42 / 100).clamp(32, 84) as u16;
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
        // The argument tree gets what it needs, up to half the column; the timeline and
        // the actors share the rest.
        let arguments_height = clamp_len(wants.argument_rows + 2, 5, left.height / 2);
        let [timeline, actors, arguments] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Length(arguments_height),
        ])
        .areas(left);
        let detail_width = usize::from(right.width.saturating_sub(DETAIL_MARGIN));
        let detail_height = clamp_len((wants.detail_lines)(detail_width) + 2, 4, right.height / 3);
        let [detail, claims, source] = Layout::vertical([
            Constraint::Length(detail_height),
            Constraint::Percentage(40),
            Constraint::Fill(1),
        ])
        .areas(right);
        Screen {
            arrangement: Arrangement::Wide,
            area,
            main,
            header: Some(header),
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

    fn narrow(area: Rect, main: Rect, keybar: Rect, wants: &Wants<'_>) -> Screen {
        let focus = wants.focus;
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        let mut panes = [None; 5];
        let mut detail = None;
        let has_detail = matches!(focus, Pane::Timeline | Pane::Actors | Pane::Arguments);
        if has_detail && body.height >= 14 {
            let detail_width = usize::from(body.width.saturating_sub(DETAIL_MARGIN));
            let height = clamp_len((wants.detail_lines)(detail_width) + 2, 4, body.height / 2);
            let [list, below] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(body);
            panes[focus.number() - 1] = Some(list);
            detail = Some(below);
        } else {
            panes[focus.number() - 1] = Some(body);
        }
        Screen {
            arrangement: Arrangement::Narrow,
            area,
            main,
            header: None,
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
