//! claimscope: a close reader's model of one opinion article, and the tools to explore it.
//!
//! [`model`] holds the curated data and its checks, with no terminal code; [`search`] is the
//! one fuzzy search shared by the explorer and the command line; [`tui`] is the explorer.

pub mod cache;
pub mod model;
pub mod search;
pub mod tui;

#[doc(hidden)]
pub mod corpus;
