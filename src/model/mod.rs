//! The article model: what the article says, who it names, when things happened, and how
//! the argument hangs together. No terminal code lives here; the explorer and the command
//! line read the model through [`Index`].
//!
//! This file is the model's door: what the rest of the crate uses is re-exported here, so
//! that nothing outside needs to know which room holds it.

// Its rooms, one for each job, from the ground up: a room uses only the rooms listed
// before it, and `read` and `relate`, side by side on `types`, do not use each other.
// Nothing in a room imports this door. tests/model_rooms.rs holds them to it.

// The types: what a model file holds.
mod types;
// Reading a file into the types, with every problem located.
mod read;
// What relates to what: items by id, links both ways, names, scopes, the timeline.
mod relate;
// The rules: the errors that make a model invalid, and the warnings.
mod rules;
// Loading: a file's size and encoding checked, then read, then held to the rules.
mod load;
// The curator's tools: a draft from an article's text, and what is left to do.
mod curate;

pub use curate::{draft, progress};
pub use load::{
    BUNDLED_ARTICLE, BUNDLED_MODEL, BUNDLED_NAME, Checked, LoadError, MAX_MODEL_BYTES, ModelFile,
    Survey, check_str, load_draft, load_file, load_str, load_str_with, survey_str,
};
pub use read::{
    Diagnostic, FileError, LoadProgress, LoadStage, Located, Location, Locator, MAX_CONFIG_BYTES,
    MAX_TEXT_BYTES, Severity, SourceMap, TextKind, locate_all, read_text,
};
pub use relate::{
    INFERRED_MARK, Index, MAX_NAME_BYTES, NameFinder, RECORD_DATE_MARK, Related, Scope, ShownDate,
    Tables, TimelineRow, body_number, placed_date,
};
pub use rules::{HELD_OFF, IN_NO_NODE, NO_CLAIM, QUALIFIERS, validate};
pub use types::{
    Actor, ActorKind, ArgumentNode, ArgumentRole, Article, Basis, Claim, ClaimKind, Date,
    DateError, Event, EventStatus, ItemRef, Judged, LaterEvent, MONTHS_LONG, Model, Name,
    PartialDate, Record, Relation, Review, SCHEMA_PATH, SCHEMA_VERSION, Section, Sentence,
    SentenceRole, Source, Stance, Trend, Verdict, Word, closest, contains_words, date_pattern,
    edit_distance, is_forbidden_char, is_https_url, json_schema, json_schema_text, sanitize,
};

/// The bundled model as JSON, converted from the TOML file at build time.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.json"));

impl Model {
    /// The model bundled into the binary.
    ///
    /// It is read from a JSON copy that the build makes of the TOML file, which parses
    /// several times faster; should that copy not read back (the TOML did not parse at
    /// build time), the TOML itself is loaded, so its problems are reported as usual.
    ///
    /// The copy is checked when it is built, not at every run: the tests load the TOML
    /// with every rule (`check --deny-warnings`) and compare it with the copy, so that a
    /// build whose bundled model breaks a rule fails its tests. Checking the same bytes
    /// again at each start would cost half of it, for an answer known before the build
    /// shipped. A debug build, which the tests use, checks it every time.
    pub fn bundled() -> Result<Model, LoadError> {
        let fast = serde_json::from_str::<Model>(BUNDLED_JSON)
            .ok()
            .filter(|model| !cfg!(debug_assertions) || validate(model).is_empty());
        match fast {
            Some(model) => Ok(model),
            None => load_str(&ModelFile::bundled()),
        }
    }
}
