//! The model's types: what a model file holds, with no knowledge of how a file is read,
//! checked or looked through.

mod model;
mod words;

pub use model::{
    Actor, ArgumentNode, Article, Claim, Event, LaterEvent, Model, Record, Relation, Review,
    SCHEMA_VERSION, Sentence, Source,
};
pub use words::{
    ActorKind, ArgumentRole, Basis, ClaimKind, EventStatus, Judged, SentenceRole, Stance, Trend,
    Verdict, Word,
};
