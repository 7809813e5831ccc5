//! claimscope: a close reader's model of one opinion article, and the tools to explore it.
//!
//! [`model`] holds the curated data and its checks, with no terminal code; [`search`] is the
//! one fuzzy search shared by the explorer and the command line; [`cache`] keeps copies of
//! large models, and [`open`] loads a model file by way of it; [`tui`] is the explorer.

pub mod cache;
pub mod model;
pub mod open;
pub mod search;
pub mod tui;

#[doc(hidden)]
pub mod corpus;
