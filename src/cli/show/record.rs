//! The record as `show` prints it: what happened after the article, always labelled as
//! the record's and printed apart from what the article says.

use std::io::{self, Write};

use claimscope::model::{Event, Index, ItemRef, Judged, RECORD_DATE_MARK, sanitize};

use super::{claim_line, names};

/// The heading under which the record's part of an item is printed.
pub const RECORD: &str = "The record (not the article):";

/// An event's dates, as every view gives them (`ShownDate`): the record's date first
/// where the record dates the event, then the model's reading of the article's words,
/// and what the record says of it.
pub fn event_dates(index: &Index, event: &Event, out: &mut dyn Write) -> io::Result<()> {
    let shown = event.shown_date();
    let reading = format!(
        "{} ({}; {}, {})",
        event.date.long(),
        event.date,
        event.date.precision_name(),
        event.date_basis
    );
    if let Some(when) = &event.when {
        say!(out, "The article says: “{when}”")?;
    }
    if shown.by_record() {
        let date = shown.date();
        say!(
            out,
            "Date, by the record: {RECORD_DATE_MARK}{} ({}; {})",
            date.long(),
            date,
            date.precision_name()
        )?;
        let fit = if event.record_contradicts() {
            ", which the record's date does not fit"
        } else {
            ", which the record's date falls within"
        };
        say!(out, "The model's reading of the article: {reading}{fit}")?;
    } else {
        say!(out, "Date: {reading}")?;
    }
    if let Some(note) = &event.date_note {
        say!(out, "  {note}")?;
    }
    if let Some(record) = &event.record {
        if shown.by_record() {
            say!(out, "{RECORD}")?;
        } else {
            say!(out, "{RECORD} no date for it")?;
        }
        say!(out, "  {}", record.note)?;
        sources(index, &record.sources, out)?;
    }
    Ok(())
}

/// The sources with these ids, numbered: publisher, date and title, then the address.
pub fn sources(index: &Index, ids: &[String], out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let found: Vec<usize> = index.sources(ids).collect();
    if found.is_empty() {
        return Ok(());
    }
    writeln!(out, "  Sources:")?;
    for (n, s) in found.into_iter().enumerate() {
        let source = &model.sources[s];
        say!(
            out,
            "    [{}] {}, {}: {} ({})",
            n + 1,
            source.publisher,
            source.date.human(),
            source.title,
            source.id
        )?;
        say!(out, "        {}", source.url)?;
    }
    Ok(())
}

/// The record's reviews of a claim, and the later events that bear on it.
pub fn claim_reviews(index: &Index, c: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let reviews = index.reviews_of_claim(c);
    let later = index.later_of_claim(c);
    if reviews.is_empty() && later.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{RECORD}")?;
    for r in reviews {
        let review = &model.reviews[*r];
        say!(
            out,
            "  Verdict: {} {}, {} ({})",
            review.verdict.badge(),
            review.verdict,
            review.judged_when(&model.article),
            review.id
        )?;
        say!(out, "  {}", review.summary)?;
        for l in review.later.iter().filter_map(|id| index.later(id)) {
            later_line(index, l, out)?;
        }
        sources(index, &review.sources, out)?;
    }
    for l in later {
        let later = &model.later[*l];
        let reviewed = reviews
            .iter()
            .any(|r| model.reviews[*r].later.contains(&later.id));
        if !reviewed {
            later_line(index, *l, out)?;
        }
    }
    Ok(())
}

pub fn source(index: &Index, s: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let source = &model.sources[s];
    say!(
        out,
        "source {} · {} · {}",
        source.id,
        source.publisher,
        source.date.human()
    )?;
    say!(out, "{}", source.title)?;
    say!(out, "{}", source.url)?;
    if let Some(note) = &source.note {
        say!(out, "Note: {note}")?;
    }
    writeln!(out, "\nCited by (the record):")?;
    let cites = |ids: &[String]| ids.contains(&source.id);
    for review in model.reviews.iter().filter(|r| cites(&r.sources)) {
        say!(
            out,
            "  review {} · {} on {}",
            review.id,
            review.verdict,
            review.claims.join(", ")
        )?;
    }
    for later in model.later.iter().filter(|l| cites(&l.sources)) {
        say!(out, "  later event {} · {}", later.id, later.title)?;
    }
    for event in model
        .events
        .iter()
        .filter(|e| e.record.as_ref().is_some_and(|r| cites(&r.sources)))
    {
        say!(out, "  the record of event {} · {}", event.id, event.title)?;
    }
    Ok(())
}

pub fn later(index: &Index, l: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let later = &model.later[l];
    say!(
        out,
        "later event {} · {} · from the record, not the article",
        later.id,
        later.date.human()
    )?;
    say!(out, "{}", later.title)?;
    say!(out, "Date: {} ({})", later.date.long(), later.date)?;
    if !later.actors.is_empty() {
        say!(out, "Actors: {}", names(index, &later.actors))?;
    }
    say!(out, "{}", later.summary)?;
    sources(index, &later.sources, out)?;
    writeln!(out, "\nBears on (the article):")?;
    for id in &later.bears_on {
        match index.get(id) {
            Some(ItemRef::Claim(c)) => claim_line(index, c, out)?,
            Some(ItemRef::Event(e)) => {
                let event = &model.events[e];
                say!(out, "  {:<6} event      {}", event.id, event.title)?;
            }
            _ => {}
        }
    }
    Ok(())
}

pub fn review(index: &Index, r: usize, out: &mut dyn Write) -> io::Result<()> {
    let model = index.model();
    let review = &model.reviews[r];
    say!(
        out,
        "review {} · {} {} · {} · the record's verdict, not the article's",
        review.id,
        review.verdict.badge(),
        review.verdict,
        review.judged_when(&model.article)
    )?;
    writeln!(out, "\nOn the article's claims:")?;
    for id in &review.claims {
        if let Some(c) = index.claim(id) {
            claim_line(index, c, out)?;
            say!(out, "         “{}”", model.claims[c].quote)?;
        }
    }
    match review.judged {
        Judged::Then => writeln!(out, "\nAs known when the article was written:")?,
        Judged::Since => writeln!(out, "\nWhat has happened since:")?,
    }
    say!(out, "  {}", review.summary)?;
    for l in review.later.iter().filter_map(|id| index.later(id)) {
        later_line(index, l, out)?;
    }
    sources(index, &review.sources, out)
}

/// One later event of the record, as a line under what it bears on.
pub(super) fn later_line(index: &Index, l: usize, out: &mut dyn Write) -> io::Result<()> {
    let later = &index.model().later[l];
    say!(
        out,
        "  Later: {} {} ({})",
        later.date.human(),
        later.title,
        later.id
    )
}
