//! The modes over and beside the panes: the help, the search box and reading mode, each
//! with what its keys do.

use super::{Action, App, Mode};
use crate::search::{Hit, MAX_QUERY_CHARS, Query};
use crate::tui::layout;

impl App {
    pub(super) fn open(&mut self, mode: Mode) {
        if matches!(self.mode, Mode::Panes | Mode::Reading) {
            self.base = self.mode;
        }
        self.mode = mode;
        self.help.scroll = 0;
        self.help.editing = false;
        if mode == Mode::Search && self.search.open() {
            self.search.run(&self.searcher, self.search_rows());
        }
    }

    pub(super) fn close_overlay(&mut self) {
        self.mode = self.base;
    }

    pub(super) fn help_action(&mut self, action: Action) {
        let page = layout::help_text(self.screen.main).1.max(1);
        let help = &mut self.help;
        let scroll = &mut help.scroll;
        match action {
            // Typing into the filter.
            Action::Type(c) if help.editing => {
                if help.filter.chars().count() < MAX_QUERY_CHARS {
                    help.filter.push(c);
                }
                help.scroll = 0;
            }
            Action::Paste(text) if help.editing => {
                let room = MAX_QUERY_CHARS.saturating_sub(help.filter.chars().count());
                help.filter
                    .extend(text.chars().filter(|c| !c.is_control()).take(room.min(80)));
                help.scroll = 0;
            }
            Action::DeleteChar if help.editing => {
                help.filter.pop();
            }
            Action::ClearQuery if help.editing => help.filter.clear(),
            Action::Accept => help.editing = false,
            Action::Escape if help.editing => {
                help.editing = false;
                help.filter.clear();
            }
            // `/` in the help filters it.
            Action::OpenSearch => {
                help.editing = true;
                help.scroll = 0;
            }
            Action::Escape if !help.filter.is_empty() => help.filter.clear(),
            Action::Escape => self.close_overlay(),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
            Action::HalfPageDown => *scroll = scroll.saturating_add(page / 2),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(3),
            Action::ScrollDown { .. } => *scroll = scroll.saturating_add(3),
            _ => {}
        }
    }

    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::Escape => self.close_overlay(),
            Action::Accept => {
                if let Some(hit) = self.search.selected_hit().cloned() {
                    self.search.accept(&self.searcher);
                    let said = self
                        .search
                        .accepted()
                        .map(|a| (a.at, a.hits.len(), a.query.clone()));
                    let from_reading = self.base == Mode::Reading;
                    self.close_overlay();
                    let why_not = self.land(&hit, from_reading);
                    let said = said.filter(|(_, of, _)| *of > 1).map(|(at, of, query)| {
                        format!(
                            "Hit {} of {of} for “{query}”; n and N go on through them.",
                            at + 1
                        )
                    });
                    self.status = match (said, why_not) {
                        (Some(said), Some(why)) => Some(format!("{why} {said}")),
                        (said, why) => why.or(said),
                    };
                } else if !self.search.query.trim().is_empty() && !self.search.pending() {
                    self.status = Some("No hit to go to: change the query, or Esc.".to_string());
                }
            }
            Action::Click { column, row } => {
                if let Some(i) = self.hit_at(column, row) {
                    self.search.cursor.selected = i;
                    self.update(Action::Accept);
                }
            }
            Action::Found(answer) => self.search.found(answer),
            other => {
                if self.search.edit(other) {
                    self.search.run(&self.searcher, self.search_rows());
                }
            }
        }
    }

    /// How many hits the search list shows.
    pub(super) fn search_rows(&self) -> usize {
        usize::from(layout::search_list(self.screen.main).height).max(1)
    }

    /// The search hit under a clicked cell.
    fn hit_at(&self, column: u16, row: u16) -> Option<usize> {
        let rect = layout::search_list(self.screen.main);
        if !rect.contains((column, row).into()) {
            return None;
        }
        // Problem lines and the note on the spelling, if any, come before the hits.
        let notes = self.search.notes_len(usize::from(rect.width));
        let line = usize::from(row - rect.y).checked_sub(notes)?;
        let i = self.search.cursor.offset + line;
        (i < self.search.hits.len()).then_some(i)
    }

    pub(super) fn reading_action(&mut self, action: Action) {
        let height = layout::reading_text(self.screen.main).1.max(1);
        match action {
            // Back to where a search from reading mode jumped from, if it was here.
            Action::Back if self.history_base() == Some(Mode::Reading) => {
                self.back();
            }
            Action::Escape | Action::Back => {
                self.mode = Mode::Panes;
                self.base = Mode::Panes;
                if let Some(claim) = self.reading.claim
                    && self.selected_claim() != Some(claim)
                {
                    self.show_claim(claim);
                }
            }
            // The guard moves the highlight; the arm runs only when there was nowhere to go.
            Action::NextClaim
                if !self
                    .reading
                    .next_claim(&self.index, &self.laid.reading.tags, 1, height) =>
            {
                self.status = Some("That is the last claim of the article.".to_string());
            }
            Action::PrevClaim
                if !self
                    .reading
                    .next_claim(&self.index, &self.laid.reading.tags, -1, height) =>
            {
                self.status = Some("That is the first claim of the article.".to_string());
            }
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            Action::Click { column, row } => self.click_reading(column, row),
            Action::Up | Action::ScrollUp { .. } => self.reading.scroll_by(-1),
            Action::Down | Action::ScrollDown { .. } => self.reading.scroll_by(1),
            Action::PageUp => self.reading.scroll_by(-(height as isize)),
            Action::PageDown => self.reading.scroll_by(height as isize),
            Action::HalfPageUp => self.reading.scroll_by(-((height / 2) as isize)),
            Action::HalfPageDown => self.reading.scroll_by((height / 2) as isize),
            // The top and the end of the article, with its first and last claim.
            Action::Top => {
                self.reading.scroll_by(isize::MIN / 2);
                self.reading.claim = self.index.reading_order().first().copied();
            }
            Action::Bottom => {
                self.reading.scroll_by(isize::MAX / 2);
                self.reading.claim = self.index.reading_order().last().copied();
            }
            _ => {}
        }
    }

    pub(super) fn toggle_reading(&mut self) {
        match self.mode {
            Mode::Reading => self.reading_action(Action::Escape),
            Mode::Panes => {
                self.mode = Mode::Reading;
                self.base = Mode::Reading;
                self.reading.claim = self.selected_claim();
                self.reading.marked = None;
                self.reading.follow = true;
            }
            // Over the search box or help, `r` is a letter of the query or means nothing.
            Mode::Search | Mode::Help | Mode::Problems => {}
        }
    }

    /// Goes to `hit`: in the panes, or, from reading mode, to the sentence of the claim
    /// it leads to, in reading mode. Returns why the sentence shown may not hold what was
    /// matched: the hit is the record's and this is the claim it bears on, or the sentence
    /// puts the claim in other words; or, with no claim to go to, why the reader is in
    /// the panes.
    pub(super) fn land(&mut self, hit: &Hit, in_reading: bool) -> Option<String> {
        self.jump(hit);
        if !in_reading {
            return None;
        }
        let Some(claim) = self.selected_claim() else {
            return Some("No claim of the article is tied to it: shown in the panes.".to_string());
        };
        self.mode = Mode::Reading;
        self.base = Mode::Reading;
        self.reading.claim = Some(claim);
        self.reading.marked = None;
        self.reading.follow = true;
        let model = self.index.model();
        let id = &model.claims[claim].id;
        if hit.kind.is_record() {
            let what = self.index.id_of(hit.item());
            return Some(format!(
                "{what} is the record's; {id} is the claim it bears on."
            ));
        }
        let query = self.search.accepted().map(|a| a.query.clone())?;
        let sentence = self.index.sentence_of_claim(claim)?;
        let sentence = &model.sentences.get(sentence)?.text;
        let missing: Vec<String> = Query::parse(&query)
            .terms
            .into_iter()
            .filter(|t| !crate::search::reads_in(sentence, t))
            .collect();
        (!missing.is_empty() && !hit.spelled).then(|| {
            format!(
                "No “{}” in {id}'s sentence: the claim says it in other words.",
                missing.join(" ")
            )
        })
    }

    /// Goes to the next (`1`) or previous (`-1`) hit of the last search gone to, saying
    /// which it is, or that there is no further one.
    pub(super) fn step_hit(&mut self, direction: isize) {
        let Some(query) = self.search.accepted().map(|a| a.query.clone()) else {
            self.status = Some("No search yet: / searches.".to_string());
            return;
        };
        let in_reading = self.mode == Mode::Reading;
        match self.search.step_accepted(direction) {
            Some((hit, at, of)) => {
                let why_not = self.land(&hit, in_reading);
                let said = format!("Hit {} of {of} for “{query}”.", at + 1);
                self.status = Some(match why_not {
                    Some(why) => format!("{said} {why}"),
                    None => said,
                });
            }
            None => {
                let end = if direction > 0 { "last" } else { "first" };
                self.status = Some(format!("That was the {end} hit for “{query}”."));
            }
        }
    }

    /// Copies the claim in view (the selected one, or reading mode's highlighted one):
    /// its quote in quotation marks, and where it comes from.
    pub(super) fn copy(&mut self) {
        let claim = match self.mode {
            Mode::Reading => self.reading.claim,
            _ => self.selected_claim(),
        };
        let Some(c) = claim else {
            self.status = Some("No claim is selected to copy.".to_string());
            return;
        };
        let model = self.index.model();
        let claim = &model.claims[c];
        let article = &model.article;
        // The paragraph as the reader counts it: the body's, from its first.
        let place = self
            .index
            .sentence_of_claim(c)
            .map_or_else(String::new, |s| {
                let id = &model.sentences[s].id;
                format!(", {}, sentence {id}", self.index.place_of_sentence(s))
            });
        self.clipboard = Some(format!(
            "“{}” ({}, “{}”, {}{place}; claim {})",
            claim.quote,
            article.author,
            article.title,
            article.published.human(),
            claim.id
        ));
        self.status = Some(format!(
            "Sent the quote of {} and its citation to the clipboard (terminals that allow it take it; in tmux, set-clipboard on).",
            claim.id
        ));
    }

    /// A click on a sentence in reading mode highlights its first claim.
    fn click_reading(&mut self, column: u16, row: u16) {
        let main = self.screen.main;
        // The header takes the first row; the text starts under it.
        if !main.contains((column, row).into()) || row <= main.y {
            return;
        }
        let line = self.reading.scroll + usize::from(row - main.y - 1);
        let Some(sentences) = self.laid.reading.tags.get(line) else {
            return;
        };
        let first = sentences
            .clone()
            .flat_map(|s| self.index.claims_of_sentence(s).iter().copied())
            .min_by_key(|c| self.index.reading_rank(*c));
        if let Some(claim) = first {
            self.reading.claim = Some(claim);
        }
    }
}
