//! The Source pane's text: the selected claim beside the whole sentence it comes from,
//! the quote highlighted, a sentence of context either side, and where the claim sits.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::labels::status_symbol;
use super::record::LATER_MARK;
use crate::model::Index;
use crate::tui::theme::Theme;
use crate::tui::wrap::{MAX_PIECE_CHARS, Piece, tail, wrap};

const MAIN: usize = 1;
/// The tag of the quoted words, so the app can scroll them into view.
const QUOTE: usize = 3;

/// The Source pane's text for a claim at a width: its lines, the first and last of those
/// that hold the quoted words (so the app can scroll them into view), and the addresses
/// of the record's sources it shows (for terminals that make them links).
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    pub lines: Vec<Line<'static>>,
    pub quote: Option<(usize, usize)>,
    pub links: Vec<Link>,
    /// The claim and width it was laid out for.
    pub laid_for: (Option<usize>, usize),
}

/// A source's address as shown on one line of the text: where it starts, what is shown
/// there (the address, or a piece of it when it is longer than the line), and the whole
/// address it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub url: String,
}

/// How far the record's source addresses are set in.
const LINK_INDENT: usize = 4;

/// Lays out the Source pane's text for `claim` at `width` columns.
pub fn source(index: &Index, theme: Theme, claim: Option<usize>, width: usize) -> SourceText {
    let (mut lines, quote) = layout(index, theme, claim, width);
    let mut links = Vec::new();
    if let Some(c) = claim {
        record(index, theme, c, width, &mut lines, &mut links);
    }
    SourceText {
        lines,
        quote,
        links,
        laid_for: (claim, width),
    }
}

fn layout(
    index: &Index,
    theme: Theme,
    claim: Option<usize>,
    width: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let model = index.model();
    let Some(c) = claim else {
        let none = Line::styled("Nothing to show: no claim is selected here.", theme.dim());
        return (vec![none], None);
    };
    let claim = &model.claims[c];
    let Some(s) = index.sentence_of_claim(c) else {
        return (vec![Line::from(claim.text.clone())], None);
    };
    let sentence = &model.sentences[s];

    let actors: Vec<&str> = index
        .actors_of_claim(c)
        .iter()
        .map(|a| model.actors[*a].name.as_str())
        .collect();
    // The claim first, so that it is on screen however long its sentence is.
    let head = vec![
        Piece::new(format!("Claim {} · ", claim.id), theme.dim(), None),
        Piece::new(claim.kind.as_str(), theme.claim_kind(claim.kind), None),
        Piece::new(format!(" · {}\n", actors.join(", ")), theme.dim(), None),
        Piece::new(claim.text.clone(), theme.bold(), None),
    ];
    let mut out: Vec<Line<'static>> = wrap(&head, width).into_iter().map(|w| w.line).collect();
    out.push(Line::default());

    // Then the sentence between its neighbours; a neighbour from another paragraph is set
    // off by a blank line.
    let gap = |other: &crate::model::Sentence| {
        if other.paragraph == sentence.paragraph {
            "\n"
        } else {
            "\n\n"
        }
    };
    let mut pieces = Vec::new();
    // What leads up to the quote is cut from its start, so that the quote is laid out
    // however far into a long sentence it is (the rest is cut by `wrap`). `wrap` cuts a
    // piece after MAX_PIECE_CHARS characters: a tail keeps one fewer, for its `…`, and
    // leaves room for what follows it, or `wrap` would cut that too and mark it `…`.
    if let Some(before) = s.checked_sub(1).and_then(|p| model.sentences.get(p)) {
        let gap = gap(before);
        pieces.push(Piece::new(
            format!(
                "{}{gap}",
                tail(&before.text, MAX_PIECE_CHARS - 1 - gap.len())
            ),
            theme.dim(),
            Some(0),
        ));
    }
    match sentence.text.find(&claim.quote) {
        Some(at) => {
            let end = at + claim.quote.len();
            pieces.push(Piece::new(
                tail(&sentence.text[..at], MAX_PIECE_CHARS - 1),
                Style::new(),
                Some(MAIN),
            ));
            pieces.push(Piece::new(
                &sentence.text[at..end],
                theme.quote(),
                Some(QUOTE),
            ));
            pieces.push(Piece::new(&sentence.text[end..], Style::new(), Some(MAIN)));
        }
        None => pieces.push(Piece::new(sentence.text.clone(), Style::new(), Some(MAIN))),
    }
    if let Some(after) = model.sentences.get(s + 1) {
        pieces.push(Piece::new(
            format!("{}{}", gap(after), after.text),
            theme.dim(),
            Some(2),
        ));
    }
    let sentence_from = out.len();
    let wrapped = wrap(&pieces, width.saturating_sub(2));
    let quote_rows: Vec<usize> = wrapped
        .iter()
        .enumerate()
        .filter(|(_, w)| w.tags.contains(&QUOTE))
        .map(|(n, _)| sentence_from + n)
        .collect();
    let quote = quote_rows
        .first()
        .zip(quote_rows.last())
        .map(|(a, b)| (*a, *b));
    out.extend(wrapped.into_iter().map(|w| {
        let gutter = if w.tags.contains(&MAIN) || w.tags.contains(&QUOTE) {
            Span::styled("┃ ", theme.claim_kind(claim.kind))
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![gutter];
        spans.extend(w.line.spans);
        Line::from(spans)
    }));

    out.push(Line::default());
    let mut info = Vec::new();
    if let Some(note) = &claim.note {
        info.push(Piece::new(format!("Note: {note}\n"), theme.dim(), None));
    }
    for n in index.arguments_of_claim(c) {
        let node = &model.arguments[*n];
        let symbol = node.stance.map_or("◆", |s| s.symbol());
        info.push(Piece::new("In argument ", theme.dim(), None));
        info.push(Piece::new(
            format!("{} {symbol} {}\n", index.path(*n), node.title),
            theme.stance(node.stance),
            None,
        ));
    }
    for e in index.events_of_claim(c) {
        let event = &model.events[*e];
        let shown = event.shown_date();
        let beside = shown.beside().map_or(String::new(), |b| format!(" · {b}"));
        let line = format!(
            "{} {} {}{beside}\n",
            shown.human(),
            status_symbol(event.status),
            event.title
        );
        info.push(Piece::new("Reports ", theme.dim(), None));
        info.push(Piece::new(line, theme.status(event.status), None));
    }
    out.extend(wrap(&info, width).into_iter().map(|w| w.line));
    while out.last().is_some_and(|l| l.spans.is_empty()) {
        out.pop();
    }
    (out, quote)
}

/// Under the claim, what the record says of it: each review's verdict, what it was judged
/// against and its summary, its sources as "publisher, date" with the address beneath,
/// then the record's events that bear on the claim (what followed a fact judged as known
/// then is among them). Headed so that it cannot be taken for the article.
fn record(
    index: &Index,
    theme: Theme,
    c: usize,
    width: usize,
    out: &mut Vec<Line<'static>>,
    links: &mut Vec<Link>,
) {
    let model = index.model();
    let reviews = index.reviews_of_claim(c);
    let later = index.later_of_claim(c);
    if reviews.is_empty() && later.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(
        "The record, not the article:".to_string(),
        theme.record(),
    ));
    for r in reviews {
        let review = &model.reviews[*r];
        let head = vec![
            Piece::new(
                format!("{} {}", review.verdict.badge(), review.verdict),
                theme.verdict(review.verdict),
                None,
            ),
            Piece::new(
                format!(
                    " · {} · {}\n",
                    review.judged_when(&model.article),
                    review.id
                ),
                theme.dim(),
                None,
            ),
            Piece::new(review.summary.clone(), Style::new(), None),
        ];
        out.extend(wrap(&head, width).into_iter().map(|w| w.line));
        for id in &review.sources {
            let Some(source) = index.source(id).map(|s| &model.sources[s]) else {
                continue;
            };
            let named = format!("  {}, {}", source.publisher, source.date.human());
            out.push(Line::styled(
                super::labels::clip(&named, width),
                theme.dim(),
            ));
            // Only an address that passes `check`'s rules is shown as one, and it is cut
            // into lines rather than clipped, so that all of it can be read.
            if !crate::model::is_https_url(&source.url) {
                continue;
            }
            let room = width.saturating_sub(LINK_INDENT).max(8);
            for text in address_lines(&source.url, room) {
                links.push(Link {
                    line: out.len(),
                    column: LINK_INDENT,
                    text: text.clone(),
                    url: source.url.clone(),
                });
                out.push(Line::from(vec![
                    Span::raw(" ".repeat(LINK_INDENT)),
                    Span::styled(text, theme.record()),
                ]));
            }
        }
    }
    if !later.is_empty() {
        out.push(Line::styled(
            "The record's events that bear on it:".to_string(),
            theme.dim(),
        ));
    }
    for l in later {
        let event = &model.later[*l];
        let line = format!("{LATER_MARK} {} {}", event.date.human(), event.title);
        out.extend(
            wrap(&[Piece::new(line, theme.record(), None)], width)
                .into_iter()
                .map(|w| w.line),
        );
    }
}

/// An address in lines of at most `room` columns, each broken just after a `/`, `-`, `?`,
/// `&` or `=` where the line has one, so that a line copied alone still reads as the
/// address up to there; cut where the room ends only where a stretch holds none of them.
/// Measured in columns, so that an address of wide characters is cut, never clipped.
fn address_lines(url: &str, room: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let room = room.max(2); // A wide character always fits.
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Where `line` may be cut: after its last separator, in bytes and columns.
    let mut cut: Option<(usize, usize)> = None;
    for c in url.chars() {
        let width = c.width().unwrap_or(0);
        while used + width > room && !line.is_empty() {
            let (at, columns) = cut.unwrap_or((line.len(), used));
            let rest = line.split_off(at);
            lines.push(std::mem::replace(&mut line, rest));
            used -= columns;
            cut = None;
        }
        line.push(c);
        used += width;
        if matches!(c, '/' | '-' | '?' | '&' | '=') {
            cut = Some((line.len(), used));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::address_lines;

    #[test]
    fn an_address_breaks_only_after_its_own_separators() {
        let url = "https://www.thehindu.com/news/international/russia-to-sort-out-ties-with-india-pakistan/article.ece?page=2&x=1";
        for room in [8, 20, 33, 50, 200] {
            let lines = address_lines(url, room);
            assert_eq!(lines.concat(), url, "nothing lost at {room}");
            for line in &lines[..lines.len() - 1] {
                assert!(line.chars().count() <= room, "{line} at {room}");
                let separator = |c: char| matches!(c, '/' | '-' | '?' | '&' | '=');
                let last = line.chars().last().expect("a character");
                // Cut elsewhere only where a whole line's stretch holds no separator.
                let cut_bare = line.chars().count() == room && !line.chars().any(separator);
                assert!(separator(last) || cut_bare, "{line:?} at {room}");
            }
        }
        // A stretch with no separator is cut where the line ends.
        assert_eq!(
            address_lines("https://abcdefghij", 5),
            ["https", "://", "abcde", "fghij"]
        );
    }

    #[test]
    fn an_address_of_wide_characters_is_cut_by_columns_and_kept_whole() {
        use unicode_width::UnicodeWidthStr;
        let url = format!(
            "https://例え.jp/{}/{}",
            "中文宽字符".repeat(9),
            "x".repeat(7)
        );
        for room in [2, 3, 7, 20, 41] {
            let lines = address_lines(&url, room);
            assert_eq!(lines.concat(), url, "nothing lost at {room}");
            for line in &lines {
                assert!(line.width() <= room, "{line:?} is wider than {room}");
            }
        }
        // Cut after its separator where the line has one.
        assert_eq!(
            address_lines("https://例え.jp/中文宽字符", 10),
            ["https://", "例え.jp/", "中文宽字符"]
        );
    }
}
