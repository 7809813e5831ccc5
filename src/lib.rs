//! claimscope: a close reader's model of one opinion article, and the tools to explore it.
//!
//! [`model`] holds the curated data and its checks, with no terminal code.

pub mod model;
