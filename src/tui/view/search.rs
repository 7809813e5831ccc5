//! The search overlay: the query, then the hits with their matched characters marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{highlight, overlay};
use crate::model::TimelineRow;
use crate::search::{FILTERS, Field, HitKind};
use crate::tui::app::App;
use crate::tui::content::labels::{timeline_date, verdict_badge};
use crate::tui::content::record::LATER_MARK;
use crate::tui::layout::{Screen, search_box, search_list};
use crate::tui::wrap::words_in_rows;

pub fn render(app: &App, frame: &mut Frame<'_>, screen: &Screen) {
    let theme = app.theme;
    let rect = search_box(screen.main);
    let count = app.search.total;
    let listed = crate::tui::search_box::MAX_HITS;
    let only_spelled = !app.search.hits.is_empty() && app.search.hits.iter().all(|h| h.spelled);
    let title = if app.search.query.trim().is_empty() {
        " Search ".to_string()
    } else if only_spelled {
        format!(" Search · no match; {count} for a spelling close to it ")
    } else if let Some(read) = app
        .search
        .spelled
        .as_ref()
        .filter(|_| count > app.search.typed)
    {
        // The count as typed stays what it was; the reading's hits come after.
        let typed = app.search.typed;
        format!(
            " Search · {typed} hits, then {} for “{read}” (≈) ",
            count - typed
        )
    } else if count > listed {
        format!(" Search · {count} hits, the best {listed} listed ")
    } else {
        format!(
            " Search · {count} hit{} ",
            if count == 1 { "" } else { "s" }
        )
    };
    let inner = overlay(frame, rect, theme, title);
    if inner.height == 0 {
        return;
    }
    // The end of a long query stays in view, where the typing happens.
    let room = usize::from(inner.width).saturating_sub(4);
    let query = &app.search.query;
    let shown = if query.width() > room {
        let mut tail: Vec<char> = Vec::new();
        let mut used = 1;
        for c in query.chars().rev() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        format!("…{}", tail.into_iter().rev().collect::<String>())
    } else {
        query.clone()
    };
    let query = Line::from(vec![
        Span::styled("/ ", theme.key()),
        Span::raw(shown),
        Span::styled("▏", theme.key()),
    ]);
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    let rule = "─".repeat(usize::from(inner.width));
    if inner.height > 1 {
        frame.render_widget(
            Paragraph::new(Span::styled(rule, theme.dim())),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
    }
    let list = search_list(screen.main);
    // Problems with the filters come first, then the hits (or why there are none).
    let mut lines: Vec<Line<'static>> = app
        .search
        .problems
        .iter()
        .flat_map(|p| {
            let tab = if p.fix.is_some() { " (Tab)" } else { "" };
            words_in_rows(&format!("{}{tab}", p.message), usize::from(list.width))
        })
        .map(|row| Line::styled(row, theme.bold()))
        .collect();
    if let Some(note) = app.search.spelling_note() {
        for row in words_in_rows(&note, usize::from(list.width)) {
            lines.push(Line::styled(row, theme.bold()));
        }
    }
    let room = usize::from(list.height).saturating_sub(lines.len());
    if app.search.query.trim().is_empty() {
        lines.extend(hints(app, usize::from(list.width)));
    } else if count == 0 {
        let text = format!("No match for “{}”.", app.search.query);
        lines.push(Line::styled(
            super::clip(&text, usize::from(list.width)),
            theme.dim(),
        ));
    } else {
        lines.extend(hit_lines(app, usize::from(list.width), room));
    }
    super::put_lines(frame, list, &lines);
}

fn hints(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    // Every line wrapped at words to the box, never cut: a filter's words read whole.
    let say = |lines: &mut Vec<Line<'static>>,
               text: &str,
               indent: usize,
               first: Vec<Span<'static>>,
               style| {
        let room = width.saturating_sub(indent).max(10);
        for (n, row) in words_in_rows(text, room).into_iter().enumerate() {
            let mut spans = if n == 0 {
                first.clone()
            } else {
                vec![Span::raw(" ".repeat(indent))]
            };
            spans.push(Span::styled(row, style));
            lines.push(Line::from(spans));
        }
    };
    let plain = ratatui::style::Style::new();
    say(
        &mut lines,
        "Type a few letters of a name, a place, a word of a claim or a date phrase (may 2011). A slip is forgiven.",
        0,
        Vec::new(),
        plain,
    );
    say(
        &mut lines,
        "Every word must match; “moscow” finds Russia, “pak arms” claims on Pakistani arms.",
        0,
        Vec::new(),
        theme.dim(),
    );
    lines.push(Line::default());
    say(
        &mut lines,
        "Filters narrow the search:",
        0,
        Vec::new(),
        plain,
    );
    for (key, help) in FILTERS {
        let first = vec![Span::styled(format!("  {key:<9}"), theme.key())];
        say(&mut lines, help, 11, first, theme.dim());
    }
    let example = "e.g. kind:forecast actor:india role:limit verdict:fail";
    say(&mut lines, example, 2, vec![Span::raw("  ")], theme.dim());
    lines
}

/// The field that says what an item of `kind` is, shown for a hit on its id.
fn main_field(kind: HitKind) -> Field {
    match kind {
        HitKind::Actor => Field::Name,
        HitKind::Claim => Field::Text,
        HitKind::Review => Field::Summary,
        HitKind::Event
        | HitKind::Argument
        | HitKind::Relation
        | HitKind::Later
        | HitKind::Source => Field::Title,
    }
}

fn hit_lines(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let model = app.index().model();
    let cursor = app.search.cursor;
    app.search
        .hits
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .map(|(i, hit)| {
            let selected = i == cursor.selected;
            // Borrowed, and clipped to the row below: a field may be a 30 MB sentence. A hit
            // on an item's id shows what the item says; the id is in the row already.
            let shown_hit;
            let text = if hit.field == Field::Id {
                shown_hit = crate::search::Hit {
                    field: main_field(hit.kind),
                    positions: Vec::new(),
                    ..hit.clone()
                };
                app.searcher().field_text(&shown_hit)
            } else {
                app.searcher().field_text(hit)
            };
            // Worked out as the rows come into view (see SearchBox::mark_shown).
            let positions = hit.positions.clone();
            // The gutter as the panes' lists have it: reversed blanks would draw a bar
            // beside every hit.
            let gutter = if selected && hit.spelled {
                Span::styled("▶≈", theme.selected(true))
            } else if selected {
                Span::styled("▶ ", theme.selected(true))
            } else if hit.spelled {
                Span::styled("≈ ", theme.dim())
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![
                gutter,
                Span::styled(
                    format!("{:<9}", hit.kind.as_str()),
                    theme.hit_kind(hit.kind),
                ),
            ];
            let (prefix, owner) = match hit.kind {
                HitKind::Actor => (String::new(), Some(model.actors[hit.index].name.clone())),
                HitKind::Claim => (format!("{} ", model.claims[hit.index].id), None),
                HitKind::Event => (
                    format!(
                        "{} ",
                        timeline_date(app.index(), TimelineRow::Event(hit.index))
                    ),
                    None,
                ),
                HitKind::Argument => (format!("{} ", app.index().path(hit.index)), None),
                HitKind::Relation => {
                    let trend = model.relations[hit.index].trend;
                    let label = app.index().relation_label(hit.index);
                    match hit.field {
                        Field::Title => (format!("{} ", trend.arrow()), None),
                        _ => (format!("{} {label}: ", trend.arrow()), None),
                    }
                }
                HitKind::Later => (
                    format!("{LATER_MARK} {} ", model.later[hit.index].date.human()),
                    None,
                ),
                HitKind::Review => {
                    let verdict = model.reviews[hit.index].verdict;
                    (format!("{} {verdict} ", verdict.badge()), None)
                }
                HitKind::Source => (
                    format!(
                        "{}, {} ",
                        model.sources[hit.index].publisher,
                        model.sources[hit.index].date.human()
                    ),
                    None,
                ),
            };
            // The article's own words go in quotation marks; an alias says whose it is.
            let (open, close) = if hit.field == Field::Quote {
                ("“", "”")
            } else {
                ("", "")
            };
            let suffix = match (hit.field, owner) {
                (Field::Alias(_), Some(name)) => format!(" ({name})"),
                _ => String::new(),
            };
            let room = width
                .saturating_sub(15 + prefix.width() + suffix.width())
                .max(8);
            spans.push(Span::styled(prefix, theme.dim()));
            if hit.kind == HitKind::Claim {
                spans.push(verdict_badge(app.index(), theme, hit.index));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::raw(open));
            let (shown, marks) = in_view(text, &positions, room);
            spans.extend(highlight(
                &super::clip(&shown, room),
                &marks,
                ratatui::style::Style::new(),
                theme.matched(),
            ));
            spans.push(Span::raw(close));
            spans.push(Span::styled(suffix, theme.bold()));
            let mut line = Line::from(spans);
            if selected {
                line = line.style(theme.selected(true));
            }
            line
        })
        .collect()
}

/// What of a hit's text to show in `room` columns, with the positions of its matched
/// characters in what is shown: the text from its start when it fits, or when its first
/// match does; else, after a `…`, from half a row before the first match, so that a row
/// never hides every letter that made it a hit.
fn in_view(text: &str, positions: &[usize], room: usize) -> (String, Vec<usize>) {
    let width = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    let Some(&first) = positions.first() else {
        return (text.to_string(), Vec::new());
    };
    // Only as far as the row reaches: a text may be a 30 MB sentence.
    let fits = text.chars().take(room + 1).map(width).sum::<usize>() <= room;
    // The last column of a cut row holds the `…`.
    let before: usize = text.chars().take(first + 1).map(width).sum();
    if fits || before < room {
        return (text.to_string(), positions.to_vec());
    }
    let mut start = (first + 1).saturating_sub(room / 2);
    // A text that ends before the row does is shown as far back as the row has room for.
    let left = text.chars().skip(start).take(room).count();
    if left + 2 < room {
        start = start.saturating_sub(room - 2 - left);
    }
    let mut shown = String::from("…");
    shown.extend(text.chars().skip(start).take(4 * room + 16));
    let marks = positions
        .iter()
        .filter(|p| **p >= start)
        .map(|p| p - start + 1)
        .collect();
    (shown, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_past_the_cut_brings_its_part_of_the_text_into_view() {
        let text = format!("{} kayani visited", "a".repeat(100));
        let positions: Vec<usize> = (101..107).collect();
        let (shown, marks) = in_view(&text, &positions, 30);
        assert!(shown.starts_with('…'), "{shown}");
        let chars: Vec<char> = shown.chars().collect();
        let marked: String = marks.iter().map(|m| chars[*m]).collect();
        assert_eq!(marked, "kayani");
        assert!(super::super::clip(&shown, 30).contains("kayani"));
        // A match that fits is shown where it is.
        let (shown, marks) = in_view("kayani visited", &[0, 1], 30);
        assert_eq!((shown.as_str(), marks), ("kayani visited", vec![0, 1]));
        // No match: the text as it is.
        assert_eq!(in_view("plain", &[], 30).0, "plain");
    }
}
