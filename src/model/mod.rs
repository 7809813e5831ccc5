//! The article model: what the article says, who it names, when things happened, and how
//! the argument hangs together. No terminal code lives here; the explorer and the command
//! line read the model through [`Index`]. The types themselves are in `types`.

mod build;
mod date;
mod diagnostic;
pub mod draft;
mod ids;
mod index;
mod item;
mod links;
mod lint;
mod load;
mod loading;
mod names;
mod problem;
pub mod progress;
mod reader;
mod schema;
mod scope;
mod spans;
mod text;
mod timeline;
mod types;
mod validate;

pub use date::{Date, DateError, MONTHS_LONG, PartialDate};
pub use diagnostic::{Diagnostic, Location, Locator, Severity};
pub use index::{Index, ItemRef, Tables};
pub use lint::QUALIFIERS;
pub use load::{
    BUNDLED_ARTICLE, BUNDLED_MODEL, BUNDLED_NAME, Checked, LoadError, MAX_MODEL_BYTES, ModelFile,
    Survey, check_str, load_file, load_str, load_str_with, survey_str,
};
pub use loading::{LoadProgress, LoadStage};
pub use names::{MAX_NAME_BYTES, NameFinder};
pub use reader::MAX_TEXT_BYTES;
pub use schema::{SCHEMA_PATH, date_pattern, json_schema, json_schema_text};
pub use scope::{Related, Scope};
pub use spans::{Section, SourceMap};
pub use text::{Name, contains_words};
pub use text::{closest, edit_distance, is_forbidden_char, sanitize};
pub use timeline::{INFERRED_MARK, RECORD_DATE_MARK, ShownDate, TimelineRow, placed_date};
pub use types::{
    Actor, ActorKind, ArgumentNode, ArgumentRole, Article, Basis, Claim, ClaimKind, Event,
    EventStatus, Judged, LaterEvent, Model, Record, Relation, Review, SCHEMA_VERSION, Sentence,
    SentenceRole, Source, Stance, Trend, Verdict, Word,
};
pub use validate::is_https_url;
pub use validate::validate;

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
