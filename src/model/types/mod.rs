//! The model's types: what a model file holds (the model, its items and their words),
//! with dates at the article's precision, the text a terminal may be shown, what an id
//! names, and the JSON Schema of a file. Nothing here reads, checks or looks through a
//! model.

mod date;
mod item;
mod model;
mod schema;
mod section;
mod text;
mod words;

pub use date::{Date, DateError, MONTHS_LONG, PartialDate};
pub use item::ItemRef;
pub(crate) use item::all_ids;
pub use model::{
    Actor, ArgumentNode, Article, Claim, Event, LaterEvent, MAX_DEPTH, Model, Record, Relation,
    Review, SCHEMA_VERSION, Sentence, Source,
};
pub use schema::{SCHEMA_PATH, date_pattern, json_schema, json_schema_text};
pub use section::Section;
pub(crate) use text::describe;
pub use text::{
    Name, Refused, STILL_TO_FILL, TO_FILL, closest, contains_words, edit_distance,
    is_forbidden_char, is_https_url, name_key, refused_in, sanitize,
};
pub use words::{
    ActorKind, ArgumentRole, Basis, ClaimKind, EventStatus, Judged, SentenceRole, Stance, Trend,
    Verdict, Word,
};
