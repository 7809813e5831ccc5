//! Where everything goes for a given terminal size: the panes, the tab strip, the detail
//! box, and the overlays' boxes. Both the app (to size pages and to hit-test the mouse)
//! and the view (to draw) use these functions, so they cannot disagree.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::state::Pane;

/// The smallest terminal the explorer draws in; below it, a "too small" notice.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this size up, all panes show at once; below it, one pane at a time with tabs.
pub const WIDE_WIDTH: u16 = 100;
pub const WIDE_HEIGHT: u16 = 24;
/// From this many rows of panes up (a terminal of 16 rows), the Claims pane, one pane at a
/// time, shares the screen with the Source pane: the selected claim and its sentence are
/// always seen together. Below it the claims show alone, and Enter opens the sentence.
pub const PAIRED_FROM: u16 = 14;
/// What the content asks of the layout: which pane is focused, which context pane was
/// focused last (it gets the most room), how many claims the Claims list has, and how
/// many lines the detail box needs at a given inner width.
pub struct Wants<'a> {
    pub focus: Pane,
    pub context: Pane,
    /// The context pane whose selection the detail box describes, if any.
    pub described: Option<Pane>,
    pub claim_rows: usize,
    /// Whether the context pane shows its picture, which wants more room across.
    pub picture: bool,
    /// Whether the focused pane shows its picture, which wants every row.
    pub picture_focused: bool,
    pub detail_lines: &'a dyn Fn(usize) -> usize,
}

/// Columns the detail box loses to its border and padding.
pub const DETAIL_MARGIN: u16 = 4;

/// Two fifths of a length, without overflow on the largest terminals.
fn two_fifths(length: u16) -> u16 {
    u16::try_from(u32::from(length) * 2 / 5).unwrap_or(u16::MAX)
}

fn clamp_len(want: usize, min: u16, max: u16) -> u16 {
    let want = u16::try_from(want).unwrap_or(u16::MAX);
    want.clamp(min, max.max(min))
}

/// How the screen is arranged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Arrangement {
    #[default]
    TooSmall,
    /// All panes side by side.
    Wide,
    /// One pane at a time, with a tab strip.
    Narrow,
}

/// The rectangles of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    pub panes: [Option<Rect>; Pane::COUNT],
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
            panes: [None; Pane::COUNT],
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

    /// All panes at once. The context panes share the left column: the one in use gets
    /// the room, the others a few rows each, so that what the reader looks at is never
    /// cramped and nothing moves when an argument node is folded. The timeline, whose
    /// rows carry dates, widens the column while it is in use.
    fn wide(area: Rect, main: Rect, keybar: Rect, wants: &Wants<'_>) -> Screen {
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        // A picture gets two thirds of the width, up to 140 columns.
        let (share, widest) = if wants.picture {
            (66, 140)
        } else if wants.context == Pane::Timeline {
            (55, 100)
        } else {
            (42, 100)
        };
        let left_width = (u32::from(body.width) * share / 100).clamp(32, widest) as u16;
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
        // The context panes, top to bottom in Tab order. Each out of use shows its border
        // and a few rows.
        let column: Vec<Pane> = Pane::ALL.into_iter().filter(|p| p.is_context()).collect();
        let small = (left.height / 7).clamp(3, 6);
        let heights = column.iter().map(|pane| {
            if *pane == wants.context {
                Constraint::Fill(1)
            } else {
                Constraint::Length(small)
            }
        });
        let context = Layout::vertical(heights).split(left);
        let detail_width = usize::from(right.width.saturating_sub(DETAIL_MARGIN));
        // Up to two fifths of the column, so that a relation's or a review's whole account
        // fits at 120x40.
        let detail_height = clamp_len(
            (wants.detail_lines)(detail_width) + 2,
            4,
            two_fifths(right.height),
        );
        // The claims get the rows they need, up to half of what is left; the source the
        // rest.
        let below = right.height.saturating_sub(detail_height);
        let claims_height = clamp_len(wants.claim_rows + 2, 5, below / 2);
        let [detail, claims, source] = Layout::vertical([
            Constraint::Length(detail_height),
            Constraint::Length(claims_height),
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
            panes: Pane::ALL.map(|pane| {
                Some(match column.iter().position(|p| *p == pane) {
                    Some(i) => context[i],
                    None if pane == Pane::Claims => claims,
                    None => source,
                })
            }),
            detail: Some(detail),
        }
    }

    fn narrow(area: Rect, main: Rect, keybar: Rect, wants: &Wants<'_>) -> Screen {
        let focus = wants.focus;
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        let mut panes = [None; Pane::COUNT];
        let mut detail = None;
        // One pane at a time: the detail box shows under the pane it describes only.
        // A picture says what is selected under itself, and wants all the rows there are.
        let has_detail =
            focus.is_context() && wants.described == Some(focus) && !wants.picture_focused;
        if focus == Pane::Claims && body.height >= PAIRED_FROM {
            // The claims above, the selected one's sentence below: moving through the
            // claims moves through their sentences.
            let height = clamp_len(wants.claim_rows + 2, 5, two_fifths(body.height));
            let [list, source] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(body);
            panes[Pane::Claims.index()] = Some(list);
            panes[Pane::Source.index()] = Some(source);
        } else if has_detail && body.height >= 14 {
            let detail_width = usize::from(body.width.saturating_sub(DETAIL_MARGIN));
            let height = clamp_len((wants.detail_lines)(detail_width) + 2, 4, body.height / 2);
            let [list, below] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(body);
            panes[focus.index()] = Some(list);
            detail = Some(below);
        } else {
            panes[focus.index()] = Some(body);
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
        self.panes[pane.index()]
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

/// The labels of the tab strip, with the column each starts at. The focused tab is in
/// brackets, so it shows without colour. Where the names do not all fit, the focused one
/// stays whole and the others are cut, with `…`.
pub fn tabs(width: u16, focus: Pane) -> Vec<(Pane, u16, String)> {
    let mut x = 0u16;
    let mut out = Vec::new();
    let full: usize = Pane::ALL.iter().map(|p| p.title().len() + 5).sum();
    let short = usize::from(width) < full;
    // The focused name whole, unless even that does not fit beside the others cut.
    let cut = 9 * Pane::ALL.len();
    let focus_whole = usize::from(width) >= cut + focus.title().len().saturating_sub(4);
    for pane in Pane::ALL {
        let name: String = if short && (pane != focus || !focus_whole) {
            pane.title().chars().take(3).chain(['…']).collect()
        } else {
            pane.title().to_string()
        };
        let label = if pane == focus {
            format!("[{} {name}]", pane.number())
        } else {
            format!(" {} {name} ", pane.number())
        };
        let w = label.width() as u16;
        out.push((pane, x, label));
        x = x.saturating_add(w + 1);
    }
    out
}

/// The pane whose tab covers `column`.
pub fn tab_at(strip: Rect, column: u16, focus: Pane) -> Option<Pane> {
    let x = column.checked_sub(strip.x)?;
    tabs(strip.width, focus)
        .into_iter()
        .find(|(_, start, label)| x >= *start && x < start + label.width() as u16)
        .map(|(pane, _, _)| pane)
}

/// The help box inside the main area.
pub fn help_box(main: Rect) -> Rect {
    let width = main.width.saturating_sub(4).clamp(main.width.min(20), 90);
    let height = main.height.saturating_sub(2);
    Rect::new(
        main.x + (main.width - width) / 2,
        main.y + 1.min(main.height),
        width,
        height,
    )
}

/// The help text's width and height inside its box.
pub fn help_text(main: Rect) -> (usize, usize) {
    let rect = help_box(main);
    (
        usize::from(rect.width.saturating_sub(2)),
        usize::from(rect.height.saturating_sub(2)),
    )
}

/// Rows kept under a draft's list of problems for the selected one's whole message, when
/// the box has room for them and a few rows of the list.
pub const PROBLEM_ROWS: usize = 3;

/// How many problems the list shows at once: the help box's rows, less those kept for
/// the message.
pub fn problem_rows(main: Rect) -> usize {
    let rows = help_text(main).1;
    if rows > PROBLEM_ROWS + 2 {
        rows - PROBLEM_ROWS
    } else {
        rows
    }
}

/// The search box: most of the main area, at most 110 wide and 24 tall.
pub fn search_box(main: Rect) -> Rect {
    let width = main
        .width
        .saturating_sub(4)
        .min(110)
        .max(main.width.min(20));
    let height = main.height.saturating_sub(2).min(24);
    let x = main.x + (main.width - width) / 2;
    let y = main.y + (main.height - height) / 3;
    Rect::new(x, y, width, height)
}

/// Where the search box lists its hits: under the query line and a rule.
pub fn search_list(main: Rect) -> Rect {
    let rect = search_box(main);
    Rect::new(
        rect.x + 1,
        rect.y + 3,
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(4),
    )
}

/// The columns and rows reading mode sets the article in: the main area under a
/// one-line title.
pub fn reading_text(main: Rect) -> (usize, usize) {
    (
        usize::from(main.width),
        usize::from(main.height.saturating_sub(1)),
    )
}
