//! The model as a copy holds it: every field of every item, in an order of the cache's
//! own, whatever the model's serde attributes say. The model's own serialisation is for
//! people (the JSON export leaves out an empty list or a missing value); the copy's binary
//! form knows a field only by its place, so it must never leave one out. Writing
//! destructures each item and reading builds it field by field, both without `..`: a
//! field added to the model does not compile until the copy writes and reads it too.

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{
    ActorKind, ArgumentNode, ArgumentRole, Article, Basis, Claim, ClaimKind, Date, Event,
    EventStatus, Judged, LaterEvent, Model, Record, Relation, Review, Sentence, SentenceRole,
    Source, Stance, Trend, Verdict,
};

/// Writes `model` as a copy's model section.
pub(super) fn write(model: &Model, out: impl std::io::Write) -> postcard::Result<()> {
    postcard::to_io(&Whole(model), out).map(|_| ())
}

/// Reads a copy's model section back.
pub(super) fn read(bytes: &[u8]) -> Option<Model> {
    let rows: Rows = postcard::from_bytes(bytes).ok()?;
    Some(model(rows))
}

struct Whole<'a>(&'a Model);

/// A list written item by item as `fields` gives each.
struct Each<'a, T, F>(&'a [T], F);

impl<'a, T, R: Serialize, F: Fn(&'a T) -> R> Serialize for Each<'a, T, F> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        out.collect_seq(self.0.iter().map(&self.1))
    }
}

impl Serialize for Whole<'_> {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let Model {
            schema,
            article,
            sentences,
            actors,
            events,
            claims,
            relations,
            arguments,
            sources,
            later,
            reviews,
        } = self.0;
        (
            schema,
            article_row(article),
            Each(sentences, sentence_row),
            Each(actors, actor_row),
            Each(events, event_row),
            Each(claims, claim_row),
            Each(relations, relation_row),
            Each(arguments, argument_row),
            Each(sources, source_row),
            Each(later, later_row),
            Each(reviews, review_row),
        )
            .serialize(out)
    }
}

type Text = String;
type Maybe = Option<String>;
type Ids = Vec<String>;

type ArticleRow = (
    Text,
    Text,
    Text,
    Text,
    Text,
    Date,
    Basis,
    Maybe,
    Maybe,
    Maybe,
    Maybe,
);
type SentenceRow = (Text, u32, SentenceRole, Text);
type ActorRow = (Text, Text, ActorKind, Ids, Text, Maybe, Maybe, Maybe);
type RecordRow = (Option<Date>, Text, Ids);
type EventRow = (
    Text,
    Text,
    Date,
    Basis,
    Maybe,
    Maybe,
    EventStatus,
    Ids,
    Ids,
    Option<RecordRow>,
);
type ClaimRow = (Text, Text, ClaimKind, Text, Text, Ids, Maybe);
type RelationRow = (Text, Text, Trend, Text, Ids);
type ArgumentRow = (Text, ArgumentRole, Text, Maybe, Option<Stance>, Ids);
type SourceRow = (Text, Text, Text, Date, Text, Maybe);
type LaterRow = (Text, Text, Date, Ids, Text, Ids, Ids);
type ReviewRow = (Text, Ids, Verdict, Judged, Maybe, Text, Date, Ids, Ids);

#[derive(Deserialize)]
struct Rows(
    i64,
    ArticleRow,
    Vec<SentenceRow>,
    Vec<ActorRow>,
    Vec<EventRow>,
    Vec<ClaimRow>,
    Vec<RelationRow>,
    Vec<ArgumentRow>,
    Vec<SourceRow>,
    Vec<LaterRow>,
    Vec<ReviewRow>,
);

fn model(rows: Rows) -> Model {
    let Rows(
        schema,
        article,
        sentences,
        actors,
        events,
        claims,
        relations,
        arguments,
        sources,
        later,
        reviews,
    ) = rows;
    Model {
        schema,
        article: read_article(article),
        sentences: all(sentences, read_sentence),
        actors: all(actors, read_actor),
        events: all(events, read_event),
        claims: all(claims, read_claim),
        relations: all(relations, read_relation),
        arguments: all(arguments, read_argument),
        sources: all(sources, read_source),
        later: all(later, read_later),
        reviews: all(reviews, read_review),
    }
}

/// Every row of a list made into its item.
fn all<R, T>(rows: Vec<R>, item: fn(R) -> T) -> Vec<T> {
    rows.into_iter().map(item).collect()
}

fn article_row(article: &Article) -> impl Serialize + '_ {
    let Article {
        id,
        title,
        standfirst,
        author,
        author_note,
        published,
        published_basis,
        published_note,
        url,
        publisher,
        language,
    } = article;
    (
        id,
        title,
        standfirst,
        author,
        author_note,
        published,
        published_basis,
        published_note,
        url,
        publisher,
        language,
    )
}

fn read_article(row: ArticleRow) -> Article {
    let (
        id,
        title,
        standfirst,
        author,
        author_note,
        published,
        published_basis,
        published_note,
        url,
        publisher,
        language,
    ) = row;
    Article {
        id,
        title,
        standfirst,
        author,
        author_note,
        published,
        published_basis,
        published_note,
        url,
        publisher,
        language,
    }
}

fn sentence_row(sentence: &Sentence) -> impl Serialize + '_ {
    let Sentence {
        id,
        paragraph,
        role,
        text,
    } = sentence;
    (id, paragraph, role, text)
}

fn read_sentence((id, paragraph, role, text): SentenceRow) -> Sentence {
    Sentence {
        id,
        paragraph,
        role,
        text,
    }
}

fn actor_row(actor: &crate::model::Actor) -> impl Serialize + '_ {
    let crate::model::Actor {
        id,
        name,
        kind,
        aliases,
        summary,
        affiliation,
        role,
        wikidata,
    } = actor;
    (
        id,
        name,
        kind,
        aliases,
        summary,
        affiliation,
        role,
        wikidata,
    )
}

fn read_actor(row: ActorRow) -> crate::model::Actor {
    let (id, name, kind, aliases, summary, affiliation, role, wikidata) = row;
    crate::model::Actor {
        id,
        name,
        kind,
        aliases,
        summary,
        affiliation,
        role,
        wikidata,
    }
}

fn record_row(record: &Record) -> impl Serialize + '_ {
    let Record {
        date,
        note,
        sources,
    } = record;
    (date, note, sources)
}

fn read_record((date, note, sources): RecordRow) -> Record {
    Record {
        date,
        note,
        sources,
    }
}

fn event_row(event: &Event) -> impl Serialize + '_ {
    let Event {
        id,
        title,
        date,
        date_basis,
        date_note,
        when,
        status,
        actors,
        claims,
        record,
    } = event;
    let record = record.as_ref().map(record_row);
    (
        id, title, date, date_basis, date_note, when, status, actors, claims, record,
    )
}

fn read_event(row: EventRow) -> Event {
    let (id, title, date, date_basis, date_note, when, status, actors, claims, record) = row;
    Event {
        id,
        title,
        date,
        date_basis,
        date_note,
        when,
        status,
        actors,
        claims,
        record: record.map(read_record),
    }
}

fn claim_row(claim: &Claim) -> impl Serialize + '_ {
    let Claim {
        id,
        text,
        kind,
        sentence,
        quote,
        actors,
        note,
    } = claim;
    (id, text, kind, sentence, quote, actors, note)
}

fn read_claim((id, text, kind, sentence, quote, actors, note): ClaimRow) -> Claim {
    Claim {
        id,
        text,
        kind,
        sentence,
        quote,
        actors,
        note,
    }
}

fn relation_row(relation: &Relation) -> impl Serialize + '_ {
    let Relation {
        from,
        to,
        trend,
        summary,
        claims,
    } = relation;
    (from, to, trend, summary, claims)
}

fn read_relation((from, to, trend, summary, claims): RelationRow) -> Relation {
    Relation {
        from,
        to,
        trend,
        summary,
        claims,
    }
}

fn argument_row(node: &ArgumentNode) -> impl Serialize + '_ {
    let ArgumentNode {
        id,
        role,
        title,
        parent,
        stance,
        claims,
    } = node;
    (id, role, title, parent, stance, claims)
}

fn read_argument((id, role, title, parent, stance, claims): ArgumentRow) -> ArgumentNode {
    ArgumentNode {
        id,
        role,
        title,
        parent,
        stance,
        claims,
    }
}

fn source_row(source: &Source) -> impl Serialize + '_ {
    let Source {
        id,
        title,
        publisher,
        date,
        url,
        note,
    } = source;
    (id, title, publisher, date, url, note)
}

fn read_source((id, title, publisher, date, url, note): SourceRow) -> Source {
    Source {
        id,
        title,
        publisher,
        date,
        url,
        note,
    }
}

fn later_row(event: &LaterEvent) -> impl Serialize + '_ {
    let LaterEvent {
        id,
        title,
        date,
        actors,
        summary,
        sources,
        bears_on,
    } = event;
    (id, title, date, actors, summary, sources, bears_on)
}

fn read_later((id, title, date, actors, summary, sources, bears_on): LaterRow) -> LaterEvent {
    LaterEvent {
        id,
        title,
        date,
        actors,
        summary,
        sources,
        bears_on,
    }
}

fn review_row(review: &Review) -> impl Serialize + '_ {
    let Review {
        id,
        claims,
        verdict,
        judged,
        judged_note,
        summary,
        as_of,
        later,
        sources,
    } = review;
    (
        id,
        claims,
        verdict,
        judged,
        judged_note,
        summary,
        as_of,
        later,
        sources,
    )
}

fn read_review(row: ReviewRow) -> Review {
    let (id, claims, verdict, judged, judged_note, summary, as_of, later, sources) = row;
    Review {
        id,
        claims,
        verdict,
        judged,
        judged_note,
        summary,
        as_of,
        later,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(model: &Model) -> Option<Model> {
        let mut bytes = Vec::new();
        write(model, &mut bytes).ok()?;
        read(&bytes)
    }

    #[test]
    fn every_field_is_written_and_read_back_set_or_empty() {
        // The bundled model sets every kind of optional field (notes, the record's
        // dates, reviews, sources, later events).
        let model = Model::bundled().expect("the bundled model loads");
        assert!(model.events.iter().any(|e| e.record.is_some()));
        assert!(model.claims.iter().any(|c| c.note.is_some()));
        assert_eq!(round_trip(&model).as_ref(), Some(&model));
        // And with every optional field missing and every list empty, which the model's
        // own serialisation leaves out.
        let mut bare = model.clone();
        bare.article.url = None;
        bare.article.published_note = None;
        for actor in &mut bare.actors {
            (actor.affiliation, actor.role, actor.wikidata) = (None, None, None);
            actor.aliases.clear();
        }
        for event in &mut bare.events {
            (event.date_note, event.when, event.record) = (None, None, None);
        }
        for claim in &mut bare.claims {
            claim.note = None;
        }
        for node in &mut bare.arguments {
            (node.parent, node.stance) = (None, None);
        }
        (bare.sources, bare.later, bare.reviews) = (Vec::new(), Vec::new(), Vec::new());
        assert_eq!(round_trip(&bare).as_ref(), Some(&bare));
    }

    #[test]
    fn a_cut_section_does_not_read() {
        let model = Model::bundled().expect("the bundled model loads");
        let mut bytes = Vec::new();
        write(&model, &mut bytes).expect("writes");
        bytes.truncate(bytes.len() / 2);
        assert!(read(&bytes).is_none());
    }
}
