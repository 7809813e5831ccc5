//! Compiler-style problem reports: `FILE:LINE:COL: error: message`, the offending line,
//! and a caret under the place. Nothing from the file reaches the terminal unescaped.

use std::io::{self, Write};

use unicode_width::UnicodeWidthChar;

use claimscope::model::{Diagnostic, LoadError, Source, sanitize};

/// The widest slice of a source line shown under a message, in terminal columns.
const MAX_LINE_WIDTH: usize = 100;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn error(&self) -> String {
        self.wrap("1;31", "error")
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    fn caret(&self, text: &str) -> String {
        self.wrap("1;31", text)
    }
}

/// Writes every diagnostic of a model file, each with its source line.
pub fn diagnostics(
    source: &Source,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    let paint = Paint { on: color };
    let name = sanitize(&source.name);
    for d in diagnostics {
        let at = d.location(&source.text);
        let message = sanitize(&d.message);
        writeln!(
            out,
            "{name}:{}:{}: {}: {message}",
            at.line,
            at.column,
            paint.error()
        )?;
        if d.span.is_some() {
            snippet(source, d, at.line, at.column, out, &paint)?;
        }
    }
    Ok(())
}

/// The source line, cut to a window around the column, with a caret under the span.
fn snippet(
    source: &Source,
    d: &Diagnostic,
    line: usize,
    column: usize,
    out: &mut dyn Write,
    paint: &Paint,
) -> io::Result<()> {
    let text = d.source_line(&source.text);
    let span_chars = d.span.as_ref().map_or(1, |s| {
        let end = s.end.min(source.text.len());
        let start = s.start.min(end);
        source
            .text
            .get(start..end)
            .map_or(1, |t| t.chars().take_while(|c| *c != '\n').count())
    });
    let chars: Vec<char> = text.chars().collect();
    let caret_at = column.saturating_sub(1).min(chars.len());
    // Start the window so that the caret sits well inside it.
    let start = caret_at.saturating_sub(MAX_LINE_WIDTH / 3);
    let mut shown = String::new();
    let mut width = 0;
    let mut caret_col = None;
    let mut caret_width = 0;
    if start > 0 {
        shown.push('…');
        width += 1;
    }
    for (i, c) in chars.iter().enumerate().skip(start) {
        let piece = sanitize(c.encode_utf8(&mut [0; 4])).into_owned();
        let w: usize = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
        if width + w > MAX_LINE_WIDTH {
            shown.push('…');
            break;
        }
        if i == caret_at {
            caret_col = Some(width);
        }
        if i >= caret_at && i < caret_at + span_chars.max(1) {
            caret_width += w.max(1);
        }
        shown.push_str(&piece);
        width += w;
    }
    let caret_col = caret_col.unwrap_or(width);
    let carets = "^".repeat(caret_width.clamp(1, MAX_LINE_WIDTH));
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", paint.dim("|"))?;
    writeln!(out, "{} {} {shown}", paint.dim(&gutter), paint.dim("|"))?;
    writeln!(
        out,
        "{pad} {} {}{}",
        paint.dim("|"),
        " ".repeat(caret_col),
        paint.caret(&carets)
    )?;
    Ok(())
}

/// Writes why a model could not be loaded: its diagnostics, or the one IO problem.
pub fn load_error(error: &LoadError, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let paint = Paint { on: color };
    match error {
        LoadError::Invalid {
            file,
            diagnostics: found,
        } => {
            diagnostics(file, found, out, color)?;
            let n = found.len();
            let plural = if n == 1 { "" } else { "s" };
            let name = sanitize(&file.name);
            writeln!(out, "{}: {name}: {n} problem{plural}", paint.error())
        }
        LoadError::NotUtf8 { path, line, column } => {
            let path = sanitize(path);
            let message = "the file is not UTF-8 text; save it as UTF-8";
            writeln!(out, "{path}:{line}:{column}: {}: {message}", paint.error())
        }
        other => writeln!(out, "{}: {}", paint.error(), sanitize(&other.to_string())),
    }
}
