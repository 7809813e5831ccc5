//! How far a model's loading has gone, for a caller on another thread to show while it
//! waits: which stage, and for parsing, how many bytes of how many. Only atomics, so
//! reading it never waits on the loader.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// A stage of loading a model, in the order they happen on a first load. A model read
/// from the cache goes from reading to reopening, and on to parsing only when its copy
/// does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadStage {
    Reading,
    Parsing,
    Checking,
    Indexing,
    /// Reading a saved copy of the model (see the cache).
    Reopening,
    /// Saving a copy of the model for next time.
    Saving,
}

impl LoadStage {
    const ALL: [LoadStage; 6] = [
        LoadStage::Reading,
        LoadStage::Parsing,
        LoadStage::Checking,
        LoadStage::Indexing,
        LoadStage::Reopening,
        LoadStage::Saving,
    ];

    /// What the stage does, as a reader would say it.
    pub fn doing(self) -> &'static str {
        match self {
            LoadStage::Reading => "reading",
            LoadStage::Parsing => "parsing",
            LoadStage::Checking => "checking",
            LoadStage::Indexing => "indexing",
            LoadStage::Reopening => "reading the saved index of",
            LoadStage::Saving => "saving the index of",
        }
    }
}

/// Where loading is. Written by the loader, read by anyone.
#[derive(Debug, Default)]
pub struct LoadProgress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl LoadProgress {
    pub fn new() -> LoadProgress {
        LoadProgress::default()
    }

    /// The stage now, and for parsing, the bytes done and in all.
    pub fn now(&self) -> (LoadStage, Option<(u64, u64)>) {
        let stage = LoadStage::ALL
            .get(usize::from(self.stage.load(Ordering::Relaxed)))
            .copied()
            .unwrap_or(LoadStage::Indexing);
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        let bytes = (stage == LoadStage::Parsing && total > 0).then_some((done, total));
        (stage, bytes)
    }

    pub fn enter(&self, stage: LoadStage) {
        let n = LoadStage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
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
        let progress = LoadProgress::new();
        assert_eq!(progress.now(), (LoadStage::Reading, None));
        progress.enter(LoadStage::Parsing);
        progress.parsing(250, 1000);
        assert_eq!(progress.now(), (LoadStage::Parsing, Some((250, 1000))));
        progress.parsing(2000, 1000);
        assert_eq!(progress.now().1, Some((1000, 1000)), "never past the whole");
        progress.enter(LoadStage::Checking);
        assert_eq!(progress.now(), (LoadStage::Checking, None));
    }
}
