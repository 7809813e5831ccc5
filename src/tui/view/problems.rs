//! The list of what a draft still breaks, over the panes: each problem at its line in the
//! model file, the selected one's message in full below the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{fit_line, overlay, put_lines};
use crate::model::Severity;
use crate::tui::app::App;
use crate::tui::layout::{help_box, problem_rows};
use crate::tui::wrap::words_in_rows;

pub fn render(app: &App, frame: &mut Frame<'_>, main: Rect) {
    let theme = app.theme;
    let problems = app.problems();
    let cursor = app.problem_cursor;
    let todo = problems
        .iter()
        .filter(|p| p.severity != Severity::Note && p.todo)
        .count();
    let count = match app.problem_count() {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    let title = format!(
        " Problems · {count}, {todo} of them work left to do · Enter goes to one · Esc closes "
    );
    let inner = overlay(frame, help_box(main), theme, title);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let list_rows = u16::try_from(problem_rows(main)).unwrap_or(u16::MAX);
    let message_rows = inner.height.saturating_sub(list_rows);
    let list = Rect {
        height: inner.height - message_rows,
        ..inner
    };
    let width = usize::from(inner.width);
    let number_width = problems
        .iter()
        .map(|p| p.at.line.to_string().len())
        .max()
        .unwrap_or(1);
    let rows: Vec<Line<'static>> = problems
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(usize::from(list.height))
        .map(|(i, problem)| {
            let selected = i == cursor.selected;
            let marker = if selected { "▶ " } else { "  " };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(
                    format!("line {:>number_width$}  ", problem.at.line),
                    theme.dim(),
                ),
                Span::raw(match (problem.severity, problem.todo) {
                    (Severity::Note, _) => "note   ",
                    (_, true) => "to do  ",
                    _ => "error  ",
                }),
                Span::raw(problem.message.clone()),
            ]);
            let line = fit_line(line, width);
            if selected {
                line.style(theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    put_lines(frame, list, &rows);
    if message_rows == 0 {
        return;
    }
    let Some(problem) = problems.get(cursor.selected) else {
        return;
    };
    let below = Rect {
        y: list.bottom(),
        height: message_rows,
        ..inner
    };
    let mut lines = vec![Line::from(Span::styled("─".repeat(width), theme.dim()))];
    let text = format!(
        "line {}, column {}: {}",
        problem.at.line, problem.at.column, problem.message
    );
    let wrapped = words_in_rows(&text, width);
    let room = usize::from(message_rows) - 1;
    let cut = wrapped.len() > room;
    for (n, row) in wrapped.into_iter().take(room).enumerate() {
        let row = if cut && n + 1 == room {
            fit_line(Line::from(format!("{row} …")), width)
        } else {
            Line::from(row)
        };
        lines.push(row);
    }
    put_lines(frame, below, &lines);
}
