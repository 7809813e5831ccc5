//! The timeline as a chart: a time axis scaled to the events on it, the article's events
//! on one track and the record's on another, each event a mark (a bar for an interval,
//! drawn open where the date is open), events that would overlap stacked in lanes, and the
//! article's date as a double rule. `+`/`-` zoom: the axis is laid out `2^zoom` times the
//! window's width, and the window follows the selection.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{Canvas, fit, scroll_to, split_at_width};
use crate::model::{Basis, Date, EventStatus, Index, TimelineRow};
use crate::tui::panes::Shared;

/// Columns at the left for the tracks' names.
pub const MARGIN: i32 = 8;
/// Rows under the tracks: the axis, its labels, and two for the selected event.
const BELOW: u16 = 4;
/// Columns an open end is drawn over.
const OPEN: i32 = 4;

/// Which track an event is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Track {
    Article,
    Record,
}

/// How an event's date is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A day, a month or a year: a single mark.
    Point,
    /// From one date to another.
    Bar,
    /// Up to a date, from some time unknown.
    OpenStart,
    /// From a date on, to some time unknown.
    OpenEnd,
}

/// One event on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Its row in the Timeline list: the selection.
    pub row: usize,
    pub track: Track,
    /// The lane of its track, from the top; `None` when the track has no room left for it
    /// (it is counted under its track's last lane, and drawn there when selected).
    pub lane: Option<usize>,
    /// The first and last column it covers, from the axis's start.
    pub from: i32,
    pub to: i32,
    pub shape: Shape,
    /// The mark drawn at a dated end: `■` the article's date, `□` inferred, `▣` the
    /// record's date for the article's event, `●` the record's own event.
    pub glyph: char,
    /// Where it stands in time, in months: its start, or its end when its start is open.
    pub when: f64,
}

/// The chart laid out for a window `width` columns wide, `height` rows high, at `zoom`.
#[derive(Debug, Clone, Default)]
pub struct Chart {
    pub laid_for: (u16, u16, u8),
    /// The axis's length in columns: the window's times `2^zoom`.
    pub length: i32,
    pub marks: Vec<Mark>,
    /// The lanes each track shows.
    pub lanes: [usize; 2],
    /// The article's date on the axis.
    pub article: i32,
    /// The axis's labels and where they stand.
    pub ticks: Vec<(i32, String)>,
    /// The Timeline list's rows as they stand on the axis, left to right (the article's
    /// own row at its rule): the order `←` and `→` step in.
    pub order: Vec<usize>,
    /// For each row of the Timeline list: its mark, and its place among the events in
    /// time, so that a frame finds the selection's at once, however many events.
    by_row: Vec<Option<(usize, usize)>>,
}

/// Where a mark stands on the axis: its start, or its end when its start is open.
pub fn place(mark: &Mark) -> i32 {
    match mark.shape {
        Shape::OpenStart => mark.to,
        _ => mark.from,
    }
}

/// Months since year 0 of the first day of `(year, month, day)`.
fn months((year, month, day): (u16, u8, u8)) -> f64 {
    f64::from(year) * 12.0 + f64::from(month.max(1) - 1) + f64::from(day.max(1) - 1) / 31.0
}

/// Where a date starts and ends, in months; `None` for an open side.
fn reach(date: &Date) -> (Option<f64>, Option<f64>) {
    let start = |d: &crate::model::PartialDate| months(d.span().0);
    // The end of a month or year is the start of the next.
    let end = |d: &crate::model::PartialDate| {
        let (y, m, day) = d.span().1;
        months((y, m, day)) + 1.0 / 31.0
    };
    match date {
        Date::On(d) => (Some(start(d)), Some(end(d))),
        Date::Until(d) => (None, Some(end(d))),
        Date::From(d) => (Some(start(d)), None),
        Date::Between(a, b) => (Some(start(a)), Some(end(b))),
    }
}

impl Chart {
    pub fn new(index: &Index, width: u16, height: u16, zoom: u8) -> Chart {
        let model = index.model();
        let window = (i32::from(width) - MARGIN).max(8);
        let length = window.saturating_mul(1 << zoom.min(super::MAX_ZOOM));
        // Each event's reach in time, its track and its look.
        let mut items = Vec::new();
        for (row, at) in index.timeline_rows().iter().enumerate() {
            let (date, track, glyph) = match *at {
                TimelineRow::Event(e) => {
                    let event = &model.events[e];
                    let shown = event.shown_date();
                    // An event that did not happen as such shows what it is instead (as
                    // the list does); one that did, whose date it stands at.
                    let glyph = match event.status {
                        EventStatus::Cancelled => '⊘',
                        EventStatus::Planned => '○',
                        EventStatus::Expected => '◇',
                        EventStatus::Ongoing => '⋯',
                        EventStatus::Happened if shown.by_record() => '▣',
                        EventStatus::Happened if event.date_basis == Basis::Inferred => '□',
                        EventStatus::Happened => '■',
                    };
                    (*shown.date(), Track::Article, glyph)
                }
                TimelineRow::Later(l) => (model.later[l].date, Track::Record, '●'),
                TimelineRow::Article => continue,
            };
            items.push((row, reach(&date), track, glyph));
        }
        let published = reach(&model.article.published);
        let known = items
            .iter()
            .flat_map(|(_, (a, b), _, _)| [*a, *b])
            .chain([published.0, published.1])
            .flatten();
        let (first, last) = known.fold((f64::MAX, f64::MIN), |(lo, hi), m| (lo.min(m), hi.max(m)));
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (0.0, 12.0)
        };
        // A little room at each end, so that marks and open ends are not cut.
        let pad = ((last - first) * 0.04).max(1.0);
        let (first, last) = (first - pad, last + pad);
        let scale = f64::from(length - 1) / (last - first).max(1.0);
        let column = |m: f64| (((m - first) * scale).round() as i32).clamp(0, length - 1);
        let mut marks: Vec<Mark> = items
            .into_iter()
            .map(|(row, (start, end), track, glyph)| {
                let (from, to, shape) = match (start, end) {
                    (Some(a), Some(b)) => {
                        let (from, to) = (column(a), column(b));
                        if to - from >= 2 {
                            (from, to, Shape::Bar)
                        } else {
                            (from, from, Shape::Point)
                        }
                    }
                    (None, Some(b)) => {
                        let to = column(b);
                        ((to - OPEN).max(0), to, Shape::OpenStart)
                    }
                    (Some(a), None) => {
                        let from = column(a);
                        (from, (from + OPEN).min(length - 1), Shape::OpenEnd)
                    }
                    (None, None) => (0, 0, Shape::Point),
                };
                let when = start.or(end).unwrap_or(first);
                Mark {
                    row,
                    track,
                    lane: None,
                    from,
                    to,
                    shape,
                    glyph,
                    when,
                }
            })
            .collect();
        // Lanes: each event in the first lane of its track where it touches no other.
        let rows = usize::from(height.saturating_sub(BELOW)).max(2);
        let mut needed = [0usize; 2];
        let mut ends: [Vec<i32>; 2] = [Vec::new(), Vec::new()];
        let mut order: Vec<usize> = (0..marks.len()).collect();
        order.sort_by_key(|m| (marks[*m].from, marks[*m].row));
        let mut lane_of = vec![0usize; marks.len()];
        for m in order {
            let t = marks[m].track as usize;
            let lane = ends[t]
                .iter()
                .position(|end| *end + 1 < marks[m].from)
                .unwrap_or(ends[t].len());
            if lane == ends[t].len() {
                ends[t].push(marks[m].to);
            } else {
                ends[t][lane] = marks[m].to;
            }
            lane_of[m] = lane;
            needed[t] = needed[t].max(lane + 1);
        }
        // The rows shared between the tracks in proportion to what each needs.
        let total = (needed[0] + needed[1]).max(1);
        let mut lanes = needed;
        if total > rows {
            let article = (rows * needed[0] / total).clamp(1.min(needed[0]), needed[0]);
            let article = article
                .max(usize::from(needed[0] > 0))
                .min(rows - usize::from(needed[1] > 0));
            lanes = [article, (rows - article).min(needed[1])];
        }
        for (m, mark) in marks.iter_mut().enumerate() {
            let t = mark.track as usize;
            // The last lane of a track with too little room holds the count of the rest.
            let room = if needed[t] > lanes[t] {
                lanes[t].saturating_sub(1)
            } else {
                lanes[t]
            };
            mark.lane = (lane_of[m] < room).then_some(lane_of[m]);
        }
        // The article stands at the end of the time its date allows (a month, for this
        // one): everything it reports happened by then.
        let published_at = published.1.map(|end| end - 1.0 / 31.0).or(published.0);
        let article = published_at.map_or(0, column);
        let article_row = index
            .timeline_rows()
            .iter()
            .position(|r| *r == TimelineRow::Article);
        // In time: by where each stands (an open start by its end), whatever the columns
        // and lanes a size or a zoom gives them; the list's order between equals.
        let mut placed: Vec<(f64, usize)> = marks
            .iter()
            .map(|m| (m.when, m.row))
            .chain(article_row.map(|row| (published_at.unwrap_or(first), row)))
            .collect();
        placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let order: Vec<usize> = placed.into_iter().map(|(_, row)| row).collect();
        let mut by_row = vec![None; index.timeline_rows().len()];
        for (m, mark) in marks.iter().enumerate() {
            by_row[mark.row] = Some((m, 0));
        }
        let mut rank = 0;
        for row in &order {
            if let Some((_, place)) = by_row.get_mut(*row).and_then(Option::as_mut) {
                rank += 1;
                *place = rank;
            }
        }
        Chart {
            laid_for: (width, height, zoom),
            length,
            marks,
            lanes,
            article,
            ticks: ticks(first, last, scale, length),
            order,
            by_row,
        }
    }

    /// The row after (`1`) or before (`-1`) `row` in time, along the axis.
    pub fn step_in_time(&self, row: usize, direction: i32) -> Option<usize> {
        let at = self.order.iter().position(|r| *r == row)?;
        let next = at.checked_add_signed(direction as isize)?;
        self.order.get(next).copied()
    }

    /// The row of the mark nearest `row`'s in the lanes above (`-1`) or below (`1`), as the
    /// chart draws them.
    pub fn step_across(&self, row: usize, direction: i32) -> Option<usize> {
        let here = self.mark_of(row)?;
        let line = |m: &Mark| self.line_of(m);
        let (y, x) = (line(here), here.from);
        self.marks
            .iter()
            .filter(|m| m.lane.is_some() && (line(m) - y).signum() == direction.signum())
            .min_by_key(|m| ((line(m) - y).abs(), (m.from - x).abs()))
            .map(|m| m.row)
    }

    /// Where `row` stands among the events in time, and how many there are.
    pub fn position(&self, row: usize) -> Option<(usize, usize)> {
        let (_, at) = (*self.by_row.get(row)?)?;
        Some((at, self.marks.len()))
    }

    /// The line a mark is drawn on, from the chart's top: its lane's, or its track's last
    /// for a mark the lanes have no room for (drawn there when selected).
    fn line_of(&self, mark: &Mark) -> i32 {
        let last = self.lanes[mark.track as usize].saturating_sub(1);
        (self.track_top(mark.track) + mark.lane.unwrap_or(last)) as i32
    }

    /// The track's first row, from the chart's top.
    fn track_top(&self, track: Track) -> usize {
        match track {
            Track::Article => 0,
            Track::Record => self.lanes[0],
        }
    }

    /// The mark for the Timeline list's `row`, if it is an event.
    pub fn mark_of(&self, row: usize) -> Option<&Mark> {
        let (m, _) = (*self.by_row.get(row)?)?;
        self.marks.get(m)
    }

    /// The row of the Timeline list at the chart's (`column`, `line`) of `area`, for a
    /// click, with the window where `selected` puts it.
    pub fn row_at(&self, area: Rect, selected: usize, column: u16, line: u16) -> Option<usize> {
        let offset = self.offset(area, selected);
        let x = i32::from(column) - i32::from(area.x) - MARGIN + offset;
        let y = usize::from(line.checked_sub(area.y)?);
        self.marks
            .iter()
            .filter(|m| {
                m.lane
                    .is_some_and(|lane| self.track_top(m.track) + lane == y)
            })
            .find(|m| (m.from..=m.to).contains(&x))
            .map(|m| m.row)
    }

    /// Where the window starts for the selection.
    fn offset(&self, area: Rect, selected: usize) -> i32 {
        let window = i32::from(area.width) - MARGIN;
        let (from, to) = self
            .mark_of(selected)
            .map_or((self.article, self.article), |m| (m.from, m.to));
        scroll_to(self.length, window, from, to)
    }

    /// Draws the chart into `area`, the selected row in reverse and the rows marked as
    /// related underlined.
    pub fn draw(
        &self,
        canvas_buffer: &mut ratatui::buffer::Buffer,
        area: Rect,
        shared: &Shared<'_>,
        focused: bool,
    ) {
        let theme = shared.theme;
        let selected = shared.cursor.selected;
        let offset = self.offset(area, selected);
        let tracks = self.lanes[0] + self.lanes[1];
        let window = Rect {
            x: area.x + MARGIN as u16,
            width: area.width.saturating_sub(MARGIN as u16),
            ..area
        };
        // The tracks' names, in the margin.
        {
            let mut margin = Canvas::new(canvas_buffer, area, (0, 0));
            if self.lanes[0] > 0 {
                margin.text(0, 0, "article", theme.bold());
            }
            if self.lanes[1] > 0 {
                margin.text(0, self.lanes[0] as i32, "record", theme.record());
            }
        }
        let mut canvas = Canvas::new(canvas_buffer, window, (offset, 0));
        let seen = offset..offset + i32::from(window.width);
        // The article's date, a rule down the tracks and across the axis.
        for y in 0..tracks {
            canvas.text(self.article, y as i32, "║", theme.bold());
        }
        let axis = tracks as i32;
        canvas.text(0, axis, &"─".repeat(self.length as usize), theme.dim());
        for (x, label) in &self.ticks {
            canvas.text(*x, axis, "┼", theme.dim());
            // A label only where the window shows it whole.
            let end = x + label.chars().count() as i32;
            if seen.contains(x) && end <= seen.end {
                canvas.text(*x, axis + 1, label, theme.dim());
            }
        }
        canvas.text(self.article, axis, "╫", theme.bold());
        // Counts of what a track has no lane for, under its last lane.
        for track in [Track::Article, Track::Record] {
            let hidden: Vec<&Mark> = self
                .marks
                .iter()
                .filter(|m| m.track == track && m.lane.is_none())
                .collect();
            if hidden.is_empty() {
                continue;
            }
            let y = (self.track_top(track) + self.lanes[track as usize]).saturating_sub(1) as i32;
            // The selection, if it is one of them, is drawn there itself: the count beside
            // it is of the others.
            let chosen = self
                .mark_of(selected)
                .filter(|m| m.track == track && m.lane.is_none());
            let mut runs: Vec<(i32, usize)> = Vec::new();
            for mark in hidden
                .iter()
                .filter(|m| Some(m.row) != chosen.map(|c| c.row))
            {
                match runs.last_mut() {
                    Some((x, n)) if mark.from <= *x + 4 => *n += 1,
                    _ => runs.push((mark.from, 1)),
                }
            }
            for (x, n) in runs {
                let x = match chosen {
                    Some(c) if x <= c.to + 1 && x + 4 >= c.from => c.to + 2,
                    _ => x,
                };
                canvas.text(x, y, &format!("+{n}"), theme.dim());
            }
        }
        let related = |m: &Mark| match shared.index.timeline_rows().get(m.row) {
            Some(TimelineRow::Event(e)) => shared.related.events.get(*e).is_some_and(|r| *r),
            Some(TimelineRow::Later(l)) => shared.related.later.get(*l).is_some_and(|r| *r),
            _ => false,
        };
        for mark in &self.marks {
            // Only what the window shows: a model may have thousands of events.
            if mark.lane.is_none() || mark.to < seen.start || mark.from >= seen.end {
                continue;
            }
            let style = self.style_of(mark, shared, related(mark));
            draw_mark(&mut canvas, mark, self.line_of(mark), style);
        }
        // The selection over all: drawn in its track's last lane if it has no lane.
        if let Some(mark) = self.mark_of(selected) {
            draw_mark(
                &mut canvas,
                mark,
                self.line_of(mark),
                theme.selected(focused),
            );
        } else if selected < shared.index.timeline_rows().len() {
            for y in 0..tracks {
                canvas.text(self.article, y as i32, "║", theme.selected(focused));
            }
        }
        // What is selected, in full, under the axis.
        let info = Rect {
            y: area.y + (tracks as u16 + 2).min(area.height),
            height: area.height.saturating_sub(tracks as u16 + 2),
            ..area
        };
        let lines = selection_lines(shared, self, info.width);
        let mut text = Canvas::new(canvas_buffer, info, (0, 0));
        for (i, (line, style)) in lines.iter().enumerate() {
            text.text(0, i as i32, line, *style);
        }
    }

    fn style_of(&self, mark: &Mark, shared: &Shared<'_>, related: bool) -> Style {
        let theme = shared.theme;
        let base = match mark.track {
            Track::Record => theme.record(),
            Track::Article => match shared.index.timeline_rows().get(mark.row) {
                Some(TimelineRow::Event(e)) => theme.status(shared.index.model().events[*e].status),
                _ => Style::new(),
            },
        };
        if related {
            base.patch(theme.marked())
                .add_modifier(Modifier::UNDERLINED)
        } else {
            base
        }
    }
}

fn draw_mark(canvas: &mut Canvas<'_>, mark: &Mark, y: i32, style: Style) {
    let glyph = mark.glyph.to_string();
    let line = |from: i32, to: i32, c: &str| c.repeat((to - from).max(0) as usize);
    match mark.shape {
        Shape::Point => canvas.text(mark.from, y, &glyph, style),
        Shape::Bar => {
            canvas.text(
                mark.from,
                y,
                &format!("{glyph}{}{glyph}", line(mark.from + 1, mark.to, "━")),
                style,
            );
        }
        Shape::OpenStart => {
            canvas.text(
                mark.from,
                y,
                &format!("◁{}{glyph}", line(mark.from + 1, mark.to, "┄")),
                style,
            );
        }
        Shape::OpenEnd => {
            canvas.text(
                mark.from,
                y,
                &format!("{glyph}{}▷", line(mark.from + 1, mark.to, "┄")),
                style,
            );
        }
    }
}

/// The selected event in full: its mark, date and title, and where it stands.
fn selection_lines(shared: &Shared<'_>, chart: &Chart, width: u16) -> Vec<(String, Style)> {
    let index = shared.index;
    let model = index.model();
    let theme = shared.theme;
    let rows = index.timeline_rows();
    let selected = shared.cursor.selected;
    let width = usize::from(width);
    let (head, title) = match rows.get(selected) {
        Some(TimelineRow::Event(e)) => {
            let event = &model.events[*e];
            let glyph = chart.mark_of(selected).map_or('■', |m| m.glyph);
            (
                format!("▶ {glyph} {}  ", event.shown_date().human()),
                format!(
                    "{} ({})",
                    super::prefix(&event.title, 2, width),
                    event.status
                ),
            )
        }
        Some(TimelineRow::Later(l)) => {
            let later = &model.later[*l];
            (
                format!("▶ ● {}  ", later.date.human()),
                format!("{} (the record)", super::prefix(&later.title, 2, width)),
            )
        }
        Some(TimelineRow::Article) => (
            format!("▶ ║ {}  ", model.article.published.human()),
            "the article is published".to_string(),
        ),
        None => return Vec::new(),
    };
    let events = chart.marks.len();
    let at = chart.position(selected).map_or(0, |(at, _)| at);
    let whole = format!("{head}{title}");
    let (first, rest) = split_at_width(&whole, width);
    let mut lines = vec![(first, theme.bold())];
    if rest.is_empty() {
        let hint = format!(
            "  {at}/{events} in time · ■□▣ happened ⊘ cancelled ○ planned ◇ expected ⋯ ongoing · ● the record"
        );
        lines.push((fit(&hint, width), theme.dim()));
    } else {
        lines.push((
            fit(&format!("  {}", rest.trim_start()), width),
            theme.bold(),
        ));
    }
    lines
}

/// The axis's labels: years, every so many so that they do not touch, or months when the
/// chart is zoomed in far enough.
fn ticks(first: f64, last: f64, scale: f64, length: i32) -> Vec<(i32, String)> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // The smallest step, in months, whose labels have room (five columns and a gap).
    let step = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600]
        .into_iter()
        .find(|step| f64::from(*step) * scale >= 6.0)
        .unwrap_or(1200);
    let mut ticks = Vec::new();
    let mut month = (first / f64::from(step)).ceil() as i64 * i64::from(step);
    while (month as f64) <= last {
        let x = ((month as f64 - first) * scale).round() as i32;
        // A label is written whole or not at all.
        if x >= 0 && x + 4 < length {
            let (year, m) = (month.div_euclid(12), month.rem_euclid(12) as usize);
            let label = if m == 0 || step >= 12 {
                year.to_string()
            } else {
                NAMES[m].to_string()
            };
            ticks.push((x, label));
        }
        month += i64::from(step);
    }
    ticks
}
