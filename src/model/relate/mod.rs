//! What relates to what in a model: items by id (`ids`), the links between them both ways
//! (`index`, its tables laid out by `links`), which actors a text names (`names`), what a
//! chosen item stands for (`scope`), and the one timeline (`timeline`).

mod ids;
mod index;
mod links;
mod names;
mod paragraphs;
mod scope;
mod timeline;

pub use index::{Index, Tables};
pub(crate) use names::actor_names;
pub use names::{MAX_NAME_BYTES, NameFinder};
pub use paragraphs::body_number;
pub use scope::{Related, Scope};
pub use timeline::{INFERRED_MARK, RECORD_DATE_MARK, ShownDate, TimelineRow, placed_date};
