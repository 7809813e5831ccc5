//! The record's rules: sources that are real addresses and all cited, later events and
//! reviews whose references resolve, and, once a model has a record, a record that is
//! whole: every forecast reviewed, every inferred date checked.

use foldhash::{HashMap, HashMapExt};

use super::{Checker, site};
use crate::model::types::{
    Basis, ClaimKind, Date, EventStatus, ItemRef, Judged, Review, Section, Verdict, is_https_url,
};

impl Checker<'_> {
    pub(super) fn record(&mut self) {
        self.sources();
        self.event_records();
        self.later_events();
        self.reviews();
        self.record_coverage();
    }

    fn sources(&mut self) {
        let mut urls: HashMap<&str, usize> = HashMap::new();
        for (i, source) in self.model.sources.iter().enumerate() {
            if self.unread(Section::Sources, i, "url") {
                continue;
            }
            let at = site(Section::Sources, i).key("url");
            if !is_https_url(&source.url) {
                self.report(
                    at,
                    "`url` must be an https address (https://host/path) with no spaces",
                );
            }
            match urls.get(source.url.as_str()) {
                Some(&first) => {
                    let message = format!(
                        "source `{}` has the same url; one source, one id",
                        self.model.sources[first].id
                    );
                    self.report(at, message);
                }
                None => {
                    urls.insert(&source.url, i);
                }
            }
        }
    }

    fn event_records(&mut self) {
        for (i, event) in self.model.events.iter().enumerate() {
            let Some(record) = &event.record else {
                continue;
            };
            let at = site(Section::Events, i);
            self.references(at.key("record.sources"), &record.sources, Section::Sources);
            self.record_date_after_article(i);
            if record.date.is_some()
                && record.sources.is_empty()
                && !self.unread(Section::Events, i, "record.sources")
            {
                self.report(
                    at.key("record.sources"),
                    "a record with a date needs the sources that give it",
                );
            }
        }
    }

    /// An event the article reports as done (or called off) happened by the time it was
    /// written: a record that dates it after the article has found another event, which
    /// belongs in `[[later]]`, beside this one, not in its place.
    fn record_date_after_article(&mut self, i: usize) {
        let event = &self.model.events[i];
        let Some(date) = event.record.as_ref().and_then(|r| r.date) else {
            return;
        };
        let done = matches!(event.status, EventStatus::Happened | EventStatus::Cancelled);
        let article = &self.model.article.published;
        if done
            && date.bounds().0 > article.bounds().1
            && !self.unread(Section::Events, i, "record.date")
            && !self.unread(Section::Events, i, "status")
        {
            let message = format!(
                "the article ({}) reports it as {}, but the record dates it {}, after the article was written: what the record found then is a later event (`[[later]]`, bearing on this one); leave `record.date` out and say so in `record.note`",
                article.human(),
                event.status,
                date.human()
            );
            self.report(site(Section::Events, i).key("record.date"), message);
        }
    }

    fn later_events(&mut self) {
        for (i, later) in self.model.later.iter().enumerate() {
            let at = site(Section::Later, i);
            self.references(at.key("actors"), &later.actors, Section::Actors);
            self.references(at.key("sources"), &later.sources, Section::Sources);
            if later.sources.is_empty() && !self.unread(Section::Later, i, "sources") {
                self.report(at.key("sources"), "a later event needs at least one source");
            }
            if later.bears_on.is_empty() && !self.unread(Section::Later, i, "bears_on") {
                self.report(
                    at.key("bears_on"),
                    "a later event must bear on at least one of the article's claims or events",
                );
            }
            for (n, id) in later.bears_on.iter().enumerate() {
                let here = at.key("bears_on").element(n);
                match self.ids.get(id.as_str()) {
                    Some(ItemRef::Claim(_) | ItemRef::Event(_)) => {}
                    Some(other) => {
                        let message = format!(
                            "`{id}` is a {}; a later event bears on claims and events",
                            other.noun()
                        );
                        self.report(here, message);
                    }
                    // Reported as a missing claim, with the closest claim id suggested.
                    None => self.reference(here, id, Section::Claims),
                }
            }
        }
    }

    fn reviews(&mut self) {
        for (i, review) in self.model.reviews.iter().enumerate() {
            let at = site(Section::Reviews, i);
            if review.claims.is_empty() && !self.unread(Section::Reviews, i, "claims") {
                self.report(at.key("claims"), "a review needs the claims it judges");
            }
            self.references(at.key("claims"), &review.claims, Section::Claims);
            self.references(at.key("later"), &review.later, Section::Later);
            self.references(at.key("sources"), &review.sources, Section::Sources);
            let sourced = !review.sources.is_empty() || self.unread(Section::Reviews, i, "sources");
            let verdict_read = !self.unread(Section::Reviews, i, "verdict");
            if !sourced && verdict_read && review.verdict != Verdict::Unknown {
                let message = format!(
                    "a `{}` verdict needs at least one source; only `unknown` may have none, and its summary says what was searched",
                    review.verdict
                );
                self.report(at.key("sources"), message);
            }
            if !self.unread(Section::Reviews, i, "judged") {
                self.judged(i, review);
            }
        }
    }

    /// A review is judged against the time its claims' kinds call for: a fact or a
    /// position against what was known when the article was written, a forecast against
    /// what happened since; `judged_note` says why when it is not. A verdict on what was
    /// known then rests on something known then; one on what happened since, on evidence
    /// from after the article.
    fn judged(&mut self, i: usize, review: &Review) {
        let model = self.model;
        let at = site(Section::Reviews, i);
        let article = &model.article.published;
        if review.judged_note.is_none() {
            for id in &review.claims {
                let Some(ItemRef::Claim(c)) = self.ids.get(id.as_str()).copied() else {
                    continue;
                };
                let kind = model.claims[c].kind;
                match Judged::for_kind(kind) {
                    Some(want) if want != review.judged => {
                        let message = match want {
                            Judged::Then => format!(
                                "`{id}` is a {kind}, judged by what was known when the article was written: `judged = \"then\"` (or a `judged_note` saying why not)"
                            ),
                            Judged::Since => format!(
                                "`{id}` is a forecast, judged by what has happened since: `judged = \"since\"` (or a `judged_note` saying why not)"
                            ),
                        };
                        self.report(at.key("judged"), message);
                    }
                    _ => {}
                }
            }
        }
        let after = |date: &Date| date.bounds().0 > article.bounds().1;
        match review.judged {
            Judged::Then => {
                let dates: Vec<&Date> = review
                    .sources
                    .iter()
                    .filter_map(|id| match self.ids.get(id.as_str()) {
                        Some(ItemRef::Source(s)) => Some(&model.sources[*s].date),
                        _ => None,
                    })
                    .collect();
                if !dates.is_empty() && dates.iter().all(|d| after(d)) {
                    let message = format!(
                        "judged as known when the article was written ({}), yet every source it cites was published after; cite what was known then, with later sources beside it if they help",
                        article.human()
                    );
                    self.report(at.key("sources"), message);
                }
                for (n, id) in review.later.iter().enumerate() {
                    let Some(ItemRef::Later(l)) = self.ids.get(id.as_str()).copied() else {
                        continue;
                    };
                    let date = &model.later[l].date;
                    if after(date) {
                        let message = format!(
                            "judged as known when the article was written ({}), but the later event `{id}` ({}) came after it; it bears on the claim (`bears_on`), not on this verdict",
                            article.human(),
                            date.human()
                        );
                        self.report(at.key("later").element(n), message);
                    }
                }
            }
            Judged::Since => {
                if !self.unread(Section::Reviews, i, "as_of") && !after(&review.as_of) {
                    let message = format!(
                        "judged by what has happened since the article ({}), but its latest evidence (`as_of` {}) is no later than the article",
                        article.human(),
                        review.as_of.human()
                    );
                    self.report(at.key("as_of"), message);
                }
            }
        }
    }

    /// Once a model has a record, every forecast has a review, every event whose date was
    /// inferred has a `record`, and every source is cited. A model without a record (a
    /// made-up example, or one still being curated) is not held to this.
    fn record_coverage(&mut self) {
        let model = self.model;
        if !model.has_record() {
            return;
        }
        if self.unread.any {
            self.held_off("reviews", "the record's coverage (every forecast reviewed, every inferred date given the record's, every source cited); it is, once every value above can be read");
            return;
        }
        let reviewed: std::collections::HashSet<&str> = model
            .reviews
            .iter()
            .flat_map(|r| r.claims.iter().map(String::as_str))
            .collect();
        for (i, claim) in model.claims.iter().enumerate() {
            if claim.kind == ClaimKind::Forecast && !reviewed.contains(claim.id.as_str()) {
                self.report_todo(
                    site(Section::Claims, i).key("kind"),
                    "a forecast with no review; the record must judge every forecast (a review with verdict `unknown` says what was searched)",
                );
            }
        }
        for (i, event) in model.events.iter().enumerate() {
            if event.date_basis == Basis::Inferred && event.record.is_none() {
                self.report(
                    site(Section::Events, i).key("date_basis"),
                    "an inferred date with no `record`: say what the record shows, or in `record.note` what was searched and not found",
                );
            }
        }
        let cited: std::collections::HashSet<&str> = model
            .events
            .iter()
            .filter_map(|e| e.record.as_ref())
            .flat_map(|r| r.sources.iter())
            .chain(model.later.iter().flat_map(|l| l.sources.iter()))
            .chain(model.reviews.iter().flat_map(|r| r.sources.iter()))
            .map(String::as_str)
            .collect();
        for (i, source) in model.sources.iter().enumerate() {
            if !cited.contains(source.id.as_str()) {
                self.report(
                    site(Section::Sources, i).key("id"),
                    "a source nothing cites; cite it from a record, a later event or a review, or drop it",
                );
            }
        }
    }
}
