//! The rules a model must keep: the errors that make it invalid (`validate`), and the
//! warnings a curator should look at again (`lint`).

pub(super) mod lint;
pub(super) mod validate;

pub use lint::QUALIFIERS;
pub(crate) use validate::is_id;
pub use validate::{HELD_OFF, IN_NO_NODE, NO_CLAIM, validate};
