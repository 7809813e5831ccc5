//! The curator's tools: a draft model from an article's plain text (`draft`), and what is
//! left to do in a model (`progress`, with the names its text repeats that no actor lists).

pub mod draft;
pub mod progress;
