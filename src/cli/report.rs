//! Compiler-style problem reports: `FILE:LINE:COL: error: message`, the offending line,
//! and a caret under the place. Nothing from the file reaches the terminal unescaped.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use claimscope::model::{
    Diagnostic, FileError, IN_NO_NODE, LoadError, Locator, ModelFile, NO_CLAIM, Severity, sanitize,
};

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
    fn note(&self) -> String {
        self.wrap("1;36", "note")
    }
    fn severity(&self, severity: Severity) -> String {
        match severity {
            Severity::Error => self.error(),
            Severity::Warning => self.wrap("1;33", "warning"),
            Severity::Note => self.note(),
        }
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    fn caret(&self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Error => self.wrap("1;31", text),
            Severity::Warning => self.wrap("1;33", text),
            Severity::Note => self.wrap("1;36", text),
        }
    }
}

/// What is said of a file that is not UTF-8, after where its first bad byte is.
pub const NOT_UTF8: &str = "the file is not UTF-8 text; save it as UTF-8";

/// The longest message shown, in characters; a longer one (quoting a huge value) is cut.
const MAX_MESSAGE: usize = 400;

/// A diagnostic's message as reports show it: cut when very long, and escaped.
fn shown_message(d: &Diagnostic) -> String {
    sanitize(&shown_message_raw(d)).into_owned()
}

/// The message cut to [`MAX_MESSAGE`] characters, not yet escaped.
fn shown_message_raw(d: &Diagnostic) -> String {
    let mut message: String = d.message.chars().take(MAX_MESSAGE).collect();
    if message.len() < d.message.len() {
        message.push('…');
    }
    message
}

/// Writes every diagnostic of a model file, each with its source line. The work is in
/// proportion to the file and the number of problems, not their product.
pub fn diagnostics(
    source: &ModelFile,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    let paint = Paint { on: color };
    let name = sanitize(&source.name);
    let mut locator = Locator::new(&source.text);
    for d in diagnostics {
        let offset = d.span.as_ref().map_or(0, |s| s.start);
        let at = locator.locate(offset);
        let message = shown_message(d);
        writeln!(
            out,
            "{name}:{}:{}: {}: {message}",
            at.line,
            at.column,
            paint.severity(d.severity)
        )?;
        if let Some(span) = &d.span {
            let line = locator.line_range(offset);
            snippet(source, span, line, at.line, d.severity, out, &paint)?;
        }
    }
    Ok(())
}

/// The source line around the span, cut to a window when the line is long, with a caret
/// under the span.
fn snippet(
    source: &ModelFile,
    span: &std::ops::Range<usize>,
    line: std::ops::Range<usize>,
    number: usize,
    severity: Severity,
    out: &mut dyn Write,
    paint: &Paint,
) -> io::Result<()> {
    let text = source.text.as_str();
    let floor = |mut i: usize| {
        i = i.clamp(line.start, line.end);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let at = floor(span.start);
    // A short line is shown whole; a long one from a little before the span (never more
    // than a few hundred bytes are looked at, however long the line).
    let short = line.end - line.start <= MAX_LINE_WIDTH;
    let before: Vec<char> = if short {
        text[line.start..at].chars().collect()
    } else {
        let from = floor(at.saturating_sub(4 * MAX_LINE_WIDTH));
        let chars: Vec<char> = text[from..at].chars().collect();
        chars[chars.len().saturating_sub(MAX_LINE_WIDTH / 3)..].to_vec()
    };
    let cut_before = !short && line.start + before.iter().map(|c| c.len_utf8()).sum::<usize>() < at;
    let after_end = floor(at.saturating_add(4 * MAX_LINE_WIDTH));
    let span_chars = text[at..floor(span.end.max(at))]
        .chars()
        .take(MAX_LINE_WIDTH)
        .count()
        .max(1);
    let mut shown = String::new();
    let mut width = 0;
    let mut caret_width = 0;
    if cut_before {
        shown.push('…');
        width += 1;
    }
    let visible = |c: char| sanitize(c.encode_utf8(&mut [0; 4])).into_owned();
    for c in before {
        let piece = visible(c);
        width += piece.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
        shown.push_str(&piece);
    }
    let caret_col = width;
    for (n, c) in text[at..after_end].chars().enumerate() {
        let piece = visible(c);
        let w: usize = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
        if width + w > MAX_LINE_WIDTH {
            shown.push('…');
            break;
        }
        if n < span_chars {
            caret_width += w.max(1);
        }
        shown.push_str(&piece);
        width += w;
    }
    if after_end < line.end && !shown.ends_with('…') {
        shown.push('…');
    }
    let carets = "^".repeat(caret_width.clamp(1, MAX_LINE_WIDTH));
    let gutter = number.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", paint.dim("|"))?;
    writeln!(out, "{} {} {shown}", paint.dim(&gutter), paint.dim("|"))?;
    writeln!(
        out,
        "{pad} {} {}{}",
        paint.dim("|"),
        " ".repeat(caret_col),
        paint.caret(severity, &carets)
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
            // Coverage is counted in one line: a block a sentence would bury the rest. What
            // was not checked yet is said after the problems that held it off.
            let (coverage, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
                found.iter().cloned().partition(is_coverage);
            let (notes, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
                rest.into_iter().partition(|d| d.severity == Severity::Note);
            diagnostics(file, &rest, out, color)?;
            let name_now = sanitize(&file.name);
            for note in &notes {
                writeln!(
                    out,
                    "{}: {name_now}: {}",
                    paint.note(),
                    sanitize(&note.message)
                )?;
            }
            let name = sanitize(&file.name);
            // Errors still (they are counted below), said once.
            if let Some(line) = coverage_line(&coverage, &name) {
                writeln!(out, "{}: {name}: {line}", paint.error())?;
            }
            writeln!(out, "{}: {name}: {}", paint.error(), tally(found))
        }
        LoadError::File(FileError::NotUtf8 { path, line, column }) => {
            let path = sanitize(path);
            writeln!(out, "{path}:{line}:{column}: {}: {NOT_UTF8}", paint.error())
        }
        other => writeln!(out, "{}: {}", paint.error(), sanitize(&other.to_string())),
    }
}

/// Whether a problem is a sentence with no claim yet or a claim in no node: work left,
/// which a report counts in one line.
pub fn is_coverage(problem: &Diagnostic) -> bool {
    problem.todo && (problem.message.ends_with(NO_CLAIM) || problem.message.ends_with(IN_NO_NODE))
}

/// "31 sentences have no claim yet, and 5 claims are in no argument node: ..." for the
/// coverage problems of the file `name`; nothing when there are none.
fn coverage_line(coverage: &[Diagnostic], name: &str) -> Option<String> {
    let sentences = coverage
        .iter()
        .filter(|d| d.message.ends_with(NO_CLAIM))
        .count();
    let claims = coverage.len() - sentences;
    let said = match (sentences, claims) {
        (0, 0) => return None,
        (1, 0) => "1 sentence has no claim yet".to_string(),
        (s, 0) => format!("{s} sentences have no claim yet"),
        (0, 1) => "1 claim is in no argument node yet".to_string(),
        (0, c) => format!("{c} claims are in no argument node yet"),
        (s, c) => format!(
            "{s} sentence{} no claim yet, and {c} claim{} in no argument node",
            if s == 1 { " has" } else { "s have" },
            if c == 1 { " is" } else { "s are" }
        ),
    };
    Some(format!("{said}: `claimscope progress {name}` lists them"))
}

/// "2 errors", "1 error and 3 warnings", "1 warning".
pub fn tally(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let is_warning = |d: &&Diagnostic| d.severity == Severity::Warning;
    let warnings = diagnostics.iter().filter(is_warning).count();
    let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (e, 0) => count(e, "error"),
        (0, w) => count(w, "warning"),
        (e, w) => format!("{} and {}", count(e, "error"), count(w, "warning")),
    }
}

/// One problem as a line of `check --format json`.
#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    severity: &'static str,
    message: &'a str,
    item: Option<&'a str>,
    key: Option<&'a str>,
}

impl JsonProblem<'_> {
    /// One line of JSON. The line and paragraph separators (U+2028, U+2029), which JSON
    /// allows raw but which end a line for JavaScript and many line readers, are escaped.
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let line = serde_json::to_string(self)?
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        writeln!(out, "{line}")
    }
}

/// A string from the file as the JSON report gives it: escaped as the text report does
/// (a control character as `\u{1b}`), with a backslash the text already holds written
/// twice, so that a model's literal `\u{1b}` is told apart from an escape character.
fn json_text(text: &str) -> String {
    sanitize(&text.replace('\\', "\\\\")).into_owned()
}

/// Writes every diagnostic of a model file as a JSON object on a line of its own: where
/// it starts and ends (1-based lines and columns, the end just past the place, as the
/// text report counts them), how bad it is, the message, and the item and key it
/// concerns. Strings from the file are escaped as in the text report, their own
/// backslashes doubled (see [`json_text`]).
pub fn json_lines(
    source: &ModelFile,
    diagnostics: &[Diagnostic],
    out: &mut dyn Write,
) -> io::Result<()> {
    let file = json_text(&source.name);
    // Starts come in order, and so nearly do ends: one locator for each keeps the work
    // in proportion to the file.
    let mut starts = Locator::new(&source.text);
    let mut ends = Locator::new(&source.text);
    for d in diagnostics {
        let at = starts.locate(d.span.as_ref().map_or(0, |s| s.start));
        let end = d.span.as_ref().map(|s| ends.locate(s.end));
        let item = d.item.as_deref().map(json_text);
        let key = d.key.as_deref().map(json_text);
        JsonProblem {
            file: &file,
            line: Some(at.line),
            column: Some(at.column),
            end_line: end.map(|e| e.line),
            end_column: end.map(|e| e.column),
            severity: d.severity.word(),
            message: &json_text(&shown_message_raw(d)),
            item: item.as_deref(),
            key: key.as_deref(),
        }
        .write(out)?;
    }
    Ok(())
}

/// Writes why a model could not be loaded as JSON lines: its diagnostics, or the one
/// problem with the file, placed where it has a place (not UTF-8) and else not.
pub fn load_error_json(error: &LoadError, out: &mut dyn Write) -> io::Result<()> {
    let (path, at): (&str, _) = match error {
        LoadError::Invalid {
            file,
            diagnostics: found,
        } => return json_lines(file, found, out),
        LoadError::File(FileError::NotUtf8 { path, line, column }) => {
            (path, Some((*line, *column)))
        }
        LoadError::File(file) => (file.path(), None),
        LoadError::OutOfMemory { path, .. } | LoadError::OverAddressLimit { path, .. } => {
            (path, None)
        }
    };
    // The message as the text report gives it, less the file name it starts with.
    let whole = error.to_string();
    let message = match at {
        Some(_) => NOT_UTF8,
        None => whole
            .strip_prefix(path)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&whole),
    };
    JsonProblem {
        file: &sanitize(path),
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        end_line: None,
        end_column: None,
        severity: Severity::Error.word(),
        message: &sanitize(message),
        item: None,
        key: None,
    }
    .write(out)
}
