//! Saves of one file, as an editor makes them: written in place, or written beside it and
//! renamed over it (as vim and many editors do), or removed. The file's folder is
//! watched, not the file, so that a rename does not leave the watch on a file that is no
//! longer there; the folder's other files are ignored. A save comes as a burst of
//! events; the caller hears of it once, when the burst has settled.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long a burst of events must have been quiet to count as one save.
const SETTLE: Duration = Duration::from_millis(80);

/// A watch on one file: saves are heard of until it is dropped.
pub struct Watch {
    _watcher: RecommendedWatcher,
}

/// Starts watching `path`: after each save has settled, `saved` is called on a thread of
/// the watch's own, until it returns false or the watch is dropped.
pub fn on_save(
    path: &Path,
    mut saved: impl FnMut() -> bool + Send + 'static,
) -> Result<Watch, String> {
    let name: OsString = path
        .file_name()
        .ok_or_else(|| format!("{} names no file to watch", path.display()))?
        .to_os_string();
    let folder: PathBuf = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (heard, events) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name() == Some(name.as_os_str()));
        if ours && !matches!(event.kind, EventKind::Access(_)) {
            let _ = heard.send(());
        }
    })
    .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    watcher
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            // Ends when the watcher, and the sender it holds, is dropped.
            while events.recv().is_ok() {
                while events.recv_timeout(SETTLE).is_ok() {}
                if !saved() {
                    break;
                }
            }
        })
        .map_err(|e| format!("cannot start a thread to watch with: {e}"))?;
    Ok(Watch { _watcher: watcher })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn a_save_in_place_and_a_save_by_rename_are_each_heard_once_and_others_not() {
        let dir = std::env::temp_dir().join(format!("claimscope-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let file = dir.join("model.toml");
        std::fs::write(&file, "one").expect("write");
        let (told, saves) = channel();
        let watch = on_save(&file, move || told.send(()).is_ok()).expect("watches");
        let heard = |what: &str| {
            saves
                .recv_timeout(Duration::from_secs(5))
                .unwrap_or_else(|_| panic!("{what} was not heard"));
            // One save, one call: nothing more comes once it has settled.
            assert!(
                saves.recv_timeout(SETTLE * 4).is_err(),
                "{what} heard twice"
            );
        };
        std::fs::write(&file, "two").expect("write in place");
        heard("a write in place");
        let beside = dir.join(".model.toml.swp");
        std::fs::write(&beside, "three").expect("write beside");
        std::fs::rename(&beside, &file).expect("rename over");
        heard("a rename over it");
        std::fs::write(dir.join("other.toml"), "x").expect("another file");
        assert!(
            saves.recv_timeout(SETTLE * 4).is_err(),
            "another file was heard"
        );
        drop(watch);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
