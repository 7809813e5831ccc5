//! Short labels the panes, the detail box and the search list share: an event's date and
//! status, what a scope is, the article's line.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::model::{Basis, EventStatus, Index, Scope, TimelineRow};
use crate::tui::theme::Theme;

/// A symbol for an event's status that reads without colour.
pub fn status_symbol(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Happened => " ",
        EventStatus::Cancelled => "⊘",
        EventStatus::Planned => "○",
        EventStatus::Expected => "◇",
        EventStatus::Ongoing => "⋯",
    }
}

/// A timeline row's date, as a column shows it: an article event's as
/// [`crate::model::ShownDate`] decides (the record's, marked `†`, where the record dates
/// it; else the article's, `~` where inferred); a later event's own.
pub fn timeline_date(index: &Index, row: TimelineRow) -> String {
    let model = index.model();
    match row {
        TimelineRow::Event(e) => model.events[e].shown_date().short(),
        TimelineRow::Later(l) => model.later[l].date.short(),
        TimelineRow::Article => String::new(),
    }
}

/// The widest date of the timeline, so the timeline's column never shifts.
pub fn date_width(index: &Index) -> usize {
    index
        .timeline_rows()
        .iter()
        .map(|row| timeline_date(index, *row).width())
        .max()
        .unwrap_or(0)
}

/// The record's verdict on a claim, as a one-cell badge and its style: the first review's,
/// or a blank where no review judges the claim.
pub fn verdict_badge(index: &Index, theme: Theme, claim: usize) -> Span<'static> {
    match index.reviews_of_claim(claim).first() {
        Some(r) => {
            let verdict = index.model().reviews[*r].verdict;
            Span::styled(verdict.badge(), theme.verdict(verdict))
        }
        None => Span::raw(" "),
    }
}

/// What a scope is, for the Claims list's title.
pub fn scope_label(index: &Index, scope: Scope) -> String {
    let model = index.model();
    match scope {
        Scope::All => "all".to_string(),
        Scope::Actor(a) => model
            .actors
            .get(a)
            .map_or_else(String::new, |a| a.name.clone()),
        Scope::Event(e) => model
            .events
            .get(e)
            .map_or_else(String::new, |e| e.title.clone()),
        Scope::Argument(n) => format!("argument {}", index.path(n)),
        Scope::Relation(r) => model.relations.get(r).map_or_else(String::new, |r| {
            let name = |id: &str| {
                index
                    .actor(id)
                    .map_or(id.to_string(), |a| model.actors[a].name.clone())
            };
            format!("{} – {}", name(&r.from), name(&r.to))
        }),
        Scope::Later(l) => model
            .later
            .get(l)
            .map_or_else(String::new, |l| format!("record: {}", l.title)),
        Scope::Review(r) => model
            .reviews
            .get(r)
            .map_or_else(String::new, |r| format!("review {}", r.id)),
    }
}

/// The article's title, author and date, for the top line; for a draft, first how many
/// problems it still has.
pub fn article_line(index: &Index, theme: Theme, width: usize, problems: usize) -> Line<'static> {
    let article = &index.model().article;
    let inferred = if article.published_basis == Basis::Inferred {
        " (inferred)"
    } else {
        ""
    };
    let author = match article.author.as_str() {
        "" => "no author yet",
        named => named,
    };
    let tail = format!(" · {author} · {}{inferred}", article.published.human());
    let draft = match problems {
        0 => String::new(),
        1 => "Draft: 1 problem (!) · ".to_string(),
        n => format!("Draft: {n} problems (!) · "),
    };
    let title_room = width.saturating_sub(tail.width() + draft.width() + 1);
    Line::from(vec![
        Span::raw(" "),
        Span::styled(draft, theme.key()),
        Span::styled(clip(&article.title, title_room), theme.bold()),
        Span::styled(tail, theme.dim()),
    ])
}

/// Cuts a string to at most `width` columns, ending in `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    // Only as far into the text as the width reaches (and a little past, for characters
    // of no width): a label may be a 30 MB sentence.
    let mut end = 0;
    let mut used = 0;
    for (n, (at, c)) in text.char_indices().enumerate() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width || n > 4 * width + 16 {
            end = at;
            break;
        }
        used += w;
        end = at + c.len_utf8();
    }
    if end == text.len() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text[..end].chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Sorted numbers as runs: "1–2, 4–8, 10".
pub fn ranges(numbers: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let runs: Vec<String> = runs
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    runs.join(", ")
}
