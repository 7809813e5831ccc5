//! The help's text, drawn from the keymap itself: the keys first, then the mouse, the
//! symbols, the search filters and where the article comes from; filtered on request.

use ratatui::text::{Line, Span};

use crate::model::Index;
use crate::search::FILTERS;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;
use crate::tui::wrap::{Piece, wrap};

const SYMBOLS: &[(&str, &str)] = &[
    ("▶", "the selected row"),
    ("◆", "the thesis, the root of the argument map"),
    (
        "▾ ▸",
        "an argument node, or an actor's relations, open or closed (h and l, or ← and →)",
    ),
    (
        "•",
        "related to the selection (its events, actors, argument nodes)",
    ),
    (
        "~",
        "a date inferred, at least in part: the article names no year (its phrase, such as “on October 2”, shows what it does state)",
    ),
    ("⊘ ○ ◇ ⋯", "cancelled, planned, expected, ongoing event"),
    ("+ − ±", "supports, attacks, qualifies its parent argument"),
    (
        "■ □ ▣",
        "in the timeline chart (p): an event that happened, at a date the article states, the model infers, or the record gives",
    ),
    (
        "● ◁┄ ┄▷",
        "in the timeline chart: an event of the record; a start or an end the date leaves open",
    ),
    ("║", "in the timeline chart: the article's date"),
    (
        "+N",
        "in the timeline chart: that many more events where the lanes have no room left (step to them with ← and →)",
    ),
    (
        "┌─┐ ╔═╗ ┌┄┐",
        "in the argument map (p): a point that supports, attacks, qualifies the one above it",
    ),
    ("↑ ↓ → ↕", "relations warming, cooling, steady, mixed"),
    ("┃", "the sentence, and the words, a claim comes from"),
    (
        "✓ ◐ ✗ ◌ ?",
        "the record's verdict on a claim: held, partly held, failed, still open, unknown",
    ),
    (
        "≈",
        "a search hit found by reading a misspelt word as the closest word of the text",
    ),
    (
        "+1",
        "in the Record pane: the review judges that many more claims than the one shown",
    ),
    (
        "…",
        "text cut short: the detail box, the Source pane and `claimscope show` give it whole",
    ),
    (
        "»",
        "an event of the public record, outside the article (timeline, search)",
    ),
    (
        "†",
        "an article event placed at the date the record gives it; the article's own phrase stands beside it",
    ),
    (
        "── the article ──",
        "where the article stands in the timeline: above it, what it could know of",
    ),
];

/// The help in sections, each a heading and entries (an entry is the lines of one key or
/// symbol), so that a filter can keep whole entries under their headings.
#[derive(Debug, Clone, Default)]
pub struct HelpText {
    sections: Vec<(Line<'static>, Vec<Vec<Line<'static>>>)>,
    /// The width it was laid out for.
    pub width: usize,
}

impl HelpText {
    /// The lines to show: everything, or with a filter, the entries whose text holds it
    /// (in any case) under their headings, and a line saying when nothing does.
    pub fn lines(&self, filter: &str) -> Vec<Line<'static>> {
        let filter = filter.trim().to_lowercase();
        let text = |line: &Line<'_>| -> String {
            line.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                .to_lowercase()
        };
        let mut out = Vec::new();
        for (heading, entries) in &self.sections {
            // A filter a section's heading holds keeps the whole section ("symbol").
            let whole = text(heading).contains(&filter);
            let kept: Vec<&Vec<Line<'static>>> = entries
                .iter()
                .filter(|entry| {
                    whole || filter.is_empty() || entry.iter().any(|l| text(l).contains(&filter))
                })
                .collect();
            if kept.is_empty() {
                continue;
            }
            out.push(heading.clone());
            for entry in kept {
                out.extend(entry.iter().cloned());
            }
            out.push(Line::default());
        }
        if out.is_empty() {
            out.push(Line::raw(format!(
                "Nothing in the help mentions “{filter}”."
            )));
        }
        out
    }
}

fn about(index: &Index, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let article = &index.model().article;
    let mut text = vec![
        Piece::new(
            format!("{}\n", article.title),
            ratatui::style::Style::new(),
            None,
        ),
        Piece::new(format!("{}\n", article.standfirst), theme.dim(), None),
        Piece::new(
            if article.author_note.contains(&article.author) {
                format!("{}\n", article.author_note)
            } else {
                format!("{}. {}\n", article.author, article.author_note)
            },
            ratatui::style::Style::new(),
            None,
        ),
        Piece::new(
            format!(
                "Published {} ({}).",
                article.published.long(),
                article.published_basis
            ),
            ratatui::style::Style::new(),
            None,
        ),
    ];
    if let Some(note) = &article.published_note {
        text.push(Piece::new(format!(" {note}"), theme.dim(), None));
    }
    for s in index
        .model()
        .sentences
        .iter()
        .filter(|s| s.role == crate::model::SentenceRole::Boilerplate)
    {
        let line = format!(
            "\n“{}” is the line of the site that carried the text, not the author's, and makes no claim.",
            s.text
        );
        text.push(Piece::new(line, theme.dim(), None));
    }
    wrap(&text, width.saturating_sub(2))
        .into_iter()
        .map(|line| {
            let mut spans = vec![Span::raw("  ")];
            spans.extend(line.line.spans);
            Line::from(spans)
        })
        .collect()
}

/// A two-column entry: a key or symbol, and what it means, wrapped under itself; on a
/// narrow screen, the meaning on the lines under the key instead, so that it keeps room.
fn row(left: String, right: &str, theme: Theme, width: usize) -> Vec<Line<'static>> {
    const LEFT: usize = 22;
    let narrow = width < LEFT + 24;
    let indent = if narrow { 4 } else { LEFT + 2 };
    let pieces = [Piece::new(right, ratatui::style::Style::new(), None)];
    let wrapped = wrap(&pieces, width.saturating_sub(indent).max(10));
    let mut out = Vec::new();
    if narrow {
        out.push(Line::styled(format!("  {left}"), theme.key()));
    }
    for (n, line) in wrapped.into_iter().enumerate() {
        let first = if n == 0 && !narrow {
            format!("  {left:<LEFT$}")
        } else {
            " ".repeat(indent)
        };
        let mut spans = vec![Span::styled(first, theme.key())];
        spans.extend(line.line.spans);
        out.push(Line::from(spans));
    }
    out
}

/// The help at `width` columns: every key from the explorer's keymap, the mouse, the
/// symbols, the search filters, and the article's provenance last.
pub fn help(index: &Index, keymap: &Keymap, theme: Theme, width: usize) -> HelpText {
    let heading = |text: String| Line::styled(text, theme.bold());
    let mut sections = Vec::new();
    for context in [
        Context::Panes,
        Context::Folding,
        Context::Picture,
        Context::Moving,
        Context::Reading,
        Context::Search,
        Context::Help,
        Context::HelpFilter,
        Context::Problems,
    ] {
        let entries = keymap
            .in_context(context)
            .map(|binding| {
                let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
                let keys = keys.join(" ");
                let keys = if theme.ascii {
                    crate::tui::keymap::arrows_in_words(&keys)
                } else {
                    keys
                };
                row(keys, &binding.help, theme, width)
            })
            .collect();
        sections.push((
            heading(format!("Keys: {}", context.title().to_lowercase())),
            entries,
        ));
    }
    sections.push((
        heading("Mouse".to_string()),
        vec![
            row(
                "click".to_string(),
                "focuses a pane and selects the row under the pointer; in reading mode, highlights the sentence's first claim",
                theme,
                width,
            ),
            row(
                "wheel".to_string(),
                "moves the selection in the pane under the pointer (the text in reading mode and help)",
                theme,
                width,
            ),
        ],
    ));
    let symbols = SYMBOLS
        .iter()
        .map(|(symbol, meaning)| {
            let meaning = if theme.ascii {
                crate::tui::keymap::arrows_in_words(meaning)
            } else {
                meaning.to_string()
            };
            row(symbol.to_string(), &meaning, theme, width)
        })
        .collect();
    sections.push((heading("Symbols".to_string()), symbols));
    let filters = FILTERS
        .iter()
        .map(|(key, help)| row(key.to_string(), help, theme, width))
        .collect();
    sections.push((heading("Search filters".to_string()), filters));
    sections.push((
        heading("About the article".to_string()),
        vec![about(index, theme, width)],
    ));
    HelpText { sections, width }
}
