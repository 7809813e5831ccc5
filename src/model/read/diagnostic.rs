//! Problems found in a model file, each tied to the place in the file that causes it.

use std::ops::Range;

/// One problem with a model, located by byte span in its source text when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the source text; `None` for problems of the whole file.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub severity: Severity,
    /// The id of the item the problem belongs to, when it has one (a relation's is
    /// `from/to`, as `show` and search name it).
    pub item: Option<String>,
    /// The key the problem is about, as the file writes it (`quote`, `record.date`, a
    /// misspelt key), when it is about one.
    pub key: Option<String>,
    /// Whether the problem is work left to do rather than a mistake: a placeholder still
    /// to be filled, a sentence with no claim, a claim in no node, a missing note or
    /// review. `claimscope progress` counts these apart from the rest.
    pub todo: bool,
}

/// How bad a problem is: an error makes a model invalid; a warning points at something a
/// curator should look at again (`check --deny-warnings` treats it as an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// What the checker did not check yet, and why: neither a mistake nor counted.
    Note,
    Warning,
    Error,
}

impl Severity {
    /// "error" or "warning", as reports print it.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem as the explorer lists it beside a draft: where it is, what it says, and the
/// item it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Where it starts; line 1, column 1 for a problem of the whole file.
    pub at: Location,
    pub message: String,
    pub severity: Severity,
    /// The id of the item it is about, when it is about one.
    pub item: Option<String>,
    /// Whether it is work left to do rather than a mistake (see [`Diagnostic::todo`]).
    pub todo: bool,
}

/// Each of `diagnostics` located in `text`, by one [`Locator`]: diagnostics come sorted,
/// so the cost is the text's length, not the problems' number times it.
pub fn locate_all(diagnostics: &[Diagnostic], text: &str) -> Vec<Located> {
    let mut locator = Locator::new(text);
    diagnostics
        .iter()
        .map(|d| Located {
            at: locator.locate(d.span.as_ref().map_or(0, |s| s.start)),
            message: d.message.clone(),
            severity: d.severity,
            item: d.item.clone(),
            todo: d.todo,
        })
        .collect()
}

/// A 1-based line and column (in characters) in a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The line and column of byte `offset` in `text`. An offset past the end, or inside a
    /// character, is clamped to the nearest character boundary before it.
    pub fn of(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// Lines and columns for many offsets in one text. Offsets asked for in increasing order
/// (as sorted diagnostics are) cost time in proportion to the text, not to the number of
/// offsets times the text: a file with thousands of problems reports as fast as one.
pub struct Locator<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    /// The last offset located, and where it was.
    last: Option<(usize, Location)>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Locator<'t> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Locator {
            text,
            line_starts,
            last: None,
        }
    }

    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The line (0-based) holding `offset`, and where it starts.
    fn line(&self, offset: usize) -> (usize, usize) {
        let n = self
            .line_starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        (n, self.line_starts[n])
    }

    pub fn locate(&mut self, offset: usize) -> Location {
        let offset = self.boundary(offset);
        let (n, start) = self.line(offset);
        let column = match self.last {
            Some((last, at)) if last >= start && last <= offset && at.line == n + 1 => {
                at.column + self.text[last..offset].chars().count()
            }
            _ => self.text[start..offset].chars().count() + 1,
        };
        let at = Location {
            line: n + 1,
            column,
        };
        self.last = Some((offset, at));
        at
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_range(&self, offset: usize) -> std::ops::Range<usize> {
        let offset = self.boundary(offset);
        let (n, start) = self.line(offset);
        let end = self
            .line_starts
            .get(n + 1)
            .map_or(self.text.len(), |next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

impl Diagnostic {
    /// An error.
    pub fn new(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
            severity: Severity::Error,
            item: None,
            key: None,
            todo: false,
        }
    }

    /// The same problem, as work left to do (see [`Diagnostic::todo`]).
    pub fn as_todo(self, todo: bool) -> Self {
        Self { todo, ..self }
    }

    /// The same problem, said to belong to the item with this id (none if it is empty).
    pub fn in_item(self, id: Option<&str>) -> Self {
        Self {
            item: id.filter(|id| !id.is_empty()).map(str::to_string),
            ..self
        }
    }

    /// The same problem, said to be about this key.
    pub fn at_key(self, key: Option<&str>) -> Self {
        Self {
            key: key.map(str::to_string),
            ..self
        }
    }

    /// A warning.
    pub fn warning(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::new(span, message)
        }
    }

    pub fn note(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::new(span, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether it says two items share an id (as the checker words it).
    pub fn is_duplicate_id(&self) -> bool {
        self.message.contains("duplicate id `")
    }

    /// Whether it says the text is not TOML there (every such message starts so).
    pub fn is_syntax(&self) -> bool {
        self.message.starts_with("invalid TOML")
    }

    /// Where the problem starts in `text`; the start of the file for whole-file problems.
    pub fn location(&self, text: &str) -> Location {
        Location::of(text, self.span.as_ref().map_or(0, |s| s.start))
    }

    /// The full line of `text` on which the problem starts, without its line break.
    pub fn source_line<'t>(&self, text: &'t str) -> &'t str {
        let start = self.span.as_ref().map_or(0, |s| s.start).min(text.len());
        let mut start = start;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        text[line_start..line_end].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_agrees_with_location_of() {
        let text = "ab\ncé d\nx\r\n\nlast";
        let mut locator = Locator::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                locator.locate(offset),
                Location::of(text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(&text[locator.line_range(4)], "cé d");
        assert_eq!(&text[locator.line_range(10)], "x");
    }

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "ab\ncé d\nx";
        assert_eq!(Location::of(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of(text, 3), Location { line: 2, column: 1 });
        // 'é' is two bytes: byte 6 is the space after it, the third character.
        assert_eq!(Location::of(text, 6), Location { line: 2, column: 3 });
        assert_eq!(Location::of(text, 5), Location { line: 2, column: 2 });
        assert_eq!(Location::of(text, 99), Location { line: 3, column: 2 });
        let d = Diagnostic::new(Some(4..5), "m");
        assert_eq!(d.source_line(text), "cé d");
    }
}
