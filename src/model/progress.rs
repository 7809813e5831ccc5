//! How far a model's loading has gone, for a caller on another thread to show while it
//! waits: which stage, and for parsing, how many bytes of how many. Only atomics, so
//! reading it never waits on the loader.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// A stage of loading a model, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    Checking,
    Indexing,
}

impl Stage {
    const ALL: [Stage; 4] = [
        Stage::Reading,
        Stage::Parsing,
        Stage::Checking,
        Stage::Indexing,
    ];

    /// What the stage does, as a reader would say it.
    pub fn doing(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Checking => "checking",
            Stage::Indexing => "indexing",
        }
    }
}

/// Where loading is. Written by the loader, read by anyone.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// The stage now, and for parsing, the bytes done and in all.
    pub fn now(&self) -> (Stage, Option<(u64, u64)>) {
        let stage = Stage::ALL
            .get(usize::from(self.stage.load(Ordering::Relaxed)))
            .copied()
            .unwrap_or(Stage::Indexing);
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        let bytes = (stage == Stage::Parsing && total > 0).then_some((done, total));
        (stage, bytes)
    }

    pub fn enter(&self, stage: Stage) {
        let n = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage
            .store(u8::try_from(n).unwrap_or(0), Ordering::Relaxed);
    }

    pub(crate) fn parsing(&self, done: usize, total: usize) {
        self.done.store(done as u64, Ordering::Relaxed);
        self.total.store(total as u64, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_and_bytes_are_read_back_as_written() {
        let progress = Progress::new();
        assert_eq!(progress.now(), (Stage::Reading, None));
        progress.enter(Stage::Parsing);
        progress.parsing(250, 1000);
        assert_eq!(progress.now(), (Stage::Parsing, Some((250, 1000))));
        progress.parsing(2000, 1000);
        assert_eq!(progress.now().1, Some((1000, 1000)), "never past the whole");
        progress.enter(Stage::Checking);
        assert_eq!(progress.now(), (Stage::Checking, None));
    }
}
