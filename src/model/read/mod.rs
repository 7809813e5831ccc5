//! Reading a model file into the model's types, with every problem found located at its
//! place in the file: the file's tables read one at a time (`build`, with the `reader` of
//! one table), where each item sits in the text (`spans`), problems and their places
//! (`diagnostic`, `problem`), how far a load has gone (`loading`), and the one way a text
//! file is opened and read (`file`).

mod build;
mod diagnostic;
mod file;
mod loading;
mod problem;
mod reader;
mod spans;

pub(crate) use build::{Unread, build};
pub use diagnostic::{Diagnostic, Located, Location, Locator, Severity, locate_all};
pub use file::{
    FileError, MAX_ARTICLE_BYTES, MAX_CONFIG_BYTES, MAX_MODEL_BYTES, TextKind, open_text,
    read_opened, read_text,
};
pub use loading::{LoadProgress, LoadStage};
pub(crate) use problem::{Place, Problem, Site, item_name, locate, site};
pub use reader::MAX_TEXT_BYTES;
pub use spans::SourceMap;
