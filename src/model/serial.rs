//! How a model's fields are written. For people (the JSON export) an empty list or a
//! missing value is left out; for the cache every field is written, since its binary form
//! has no field names and knows a field only by its place: one left out would shift every
//! field after it.

use std::cell::Cell;

thread_local! {
    static WHOLE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with every field written, empty or not (see the module's note).
pub fn writing_whole<R>(write: impl FnOnce() -> R) -> R {
    /// Puts the flag back however `write` ends.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            WHOLE.with(|w| w.set(self.0));
        }
    }
    let _restore = Restore(WHOLE.with(|w| w.replace(true)));
    write()
}

fn whole() -> bool {
    WHOLE.with(Cell::get)
}

/// Whether to leave out a missing value.
pub(crate) fn omit_none<T>(value: &Option<T>) -> bool {
    value.is_none() && !whole()
}

/// Whether to leave out an empty list.
pub(crate) fn omit_empty<T>(list: &[T]) -> bool {
    list.is_empty() && !whole()
}
