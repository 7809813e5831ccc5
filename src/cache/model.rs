//! The model as a copy holds it: every field of every item, in an order of the cache's
//! own, whatever the model's serde attributes say. The model's own serialisation is for
//! people (the JSON export leaves out an empty list or a missing value); the copy's binary
//! form knows a field only by its place, so it must never leave one out. Writing
//! destructures each item and reading builds it field by field, both without `..`: a
//! field added to the model does not compile until the copy writes and reads it too.

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{
    Actor, ActorKind, ArgumentNode, ArgumentRole, Article, Basis, Claim, ClaimKind, Date, Event,
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

/// For one item type: its row (its fields' types, in order), `$write` (the item as a
/// tuple of its fields, destructured without `..`) and `$read` (the item built from its
/// row, without `..`). Each field is named once, so a field added to the type breaks the
/// build until it is named here too.
macro_rules! by_place {
    ($Type:ident, $Row:ident, $write:ident, $read:ident { $($field:ident: $T:ty),+ $(,)? }) => {
        type $Row = ($($T,)+);

        fn $write(item: &$Type) -> impl Serialize + '_ {
            let $Type { $($field),+ } = item;
            ($($field,)+)
        }

        fn $read(row: $Row) -> $Type {
            let ($($field,)+) = row;
            $Type { $($field),+ }
        }
    };
}

by_place!(
    Article,
    ArticleRow,
    article_row,
    read_article {
        id: Text,
        title: Text,
        standfirst: Text,
        author: Text,
        author_note: Text,
        published: Date,
        published_basis: Basis,
        published_note: Maybe,
        url: Maybe,
        publisher: Maybe,
        language: Maybe,
    }
);
by_place!(
    Sentence,
    SentenceRow,
    sentence_row,
    read_sentence {
        id: Text,
        paragraph: u32,
        role: SentenceRole,
        text: Text,
    }
);
by_place!(
    Actor,
    ActorRow,
    actor_row,
    read_actor {
        id: Text,
        name: Text,
        kind: ActorKind,
        aliases: Ids,
        summary: Text,
        affiliation: Maybe,
        role: Maybe,
        wikidata: Maybe,
    }
);
by_place!(Record, RecordRow, record_row, read_record {
    date: Option<Date>,
    note: Text,
    sources: Ids,
});
by_place!(
    Claim,
    ClaimRow,
    claim_row,
    read_claim {
        id: Text,
        text: Text,
        kind: ClaimKind,
        sentence: Text,
        quote: Text,
        actors: Ids,
        note: Maybe,
    }
);
by_place!(
    Relation,
    RelationRow,
    relation_row,
    read_relation {
        from: Text,
        to: Text,
        trend: Trend,
        summary: Text,
        claims: Ids,
    }
);
by_place!(ArgumentNode, ArgumentRow, argument_row, read_argument {
    id: Text,
    role: ArgumentRole,
    title: Text,
    parent: Maybe,
    stance: Option<Stance>,
    claims: Ids,
});
by_place!(
    Source,
    SourceRow,
    source_row,
    read_source {
        id: Text,
        title: Text,
        publisher: Text,
        date: Date,
        url: Text,
        note: Maybe,
    }
);
by_place!(
    LaterEvent,
    LaterRow,
    later_row,
    read_later {
        id: Text,
        title: Text,
        date: Date,
        actors: Ids,
        summary: Text,
        sources: Ids,
        bears_on: Ids,
    }
);
by_place!(
    Review,
    ReviewRow,
    review_row,
    read_review {
        id: Text,
        claims: Ids,
        verdict: Verdict,
        judged: Judged,
        judged_note: Maybe,
        summary: Text,
        as_of: Date,
        later: Ids,
        sources: Ids,
    }
);

/// An event holds a record, which is written by its place too, not by its own serde
/// derive (which leaves out a missing date).
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
