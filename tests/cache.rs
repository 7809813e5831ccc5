//! The model cache: a copy is used only for the content it was made from, and a model read
//! from a copy answers every question as the model read from its file does.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use claimscope::cache::CACHED_FROM;
use claimscope::model::{ItemRef, LoadProgress};
use claimscope::open::{ForSearch, Opened, open_for_search_in, open_in};
use claimscope::search::{Query, Searcher};
use common::{Scratch, arg, stdout};

/// A synthetic model just over the size the cache starts at.
fn big_model() -> String {
    let text = claimscope::corpus::generate(4_000);
    assert!(text.len() >= CACHED_FROM, "{} bytes", text.len());
    text
}

fn open(dir: &Path, model: &Path) -> Opened {
    open_in(Some(dir.to_path_buf()), model, &LoadProgress::new()).expect("the model loads")
}

fn copies(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Everything a reader could ask of a model, written out: the model itself, every id with
/// its label and links, the orders, and the hits of a few searches with their scores.
fn answers(searcher: &Searcher) -> String {
    let index = searcher.index();
    let mut out = serde_json::to_string(index.model()).expect("json");
    let mut ids: Vec<&str> = index.ids().collect();
    ids.sort_unstable();
    for id in ids {
        let item = index.get(id).expect("an id names an item");
        out.push_str(&format!("\n{id} {item:?} {}", index.label(item)));
        let links = match item {
            ItemRef::Claim(c) => format!(
                "{:?} {:?} {:?} {:?} {:?} {}",
                index.sentence_of_claim(c),
                index.actors_of_claim(c),
                index.events_of_claim(c),
                index.arguments_of_claim(c),
                index.reviews_of_claim(c),
                index.reading_rank(c)
            ),
            ItemRef::Actor(a) => format!(
                "{:?} {:?} {:?} {:?}",
                index.claims_of_actor(a),
                index.events_of_actor(a),
                index.relations_of_actor(a),
                index.sentences_naming(a)
            ),
            ItemRef::Sentence(s) => format!("{:?}", index.claims_of_sentence(s)),
            ItemRef::Event(e) => format!(
                "{:?} {:?} {:?}",
                index.actors_of_event(e),
                index.claims_of_event(e),
                index.later_of_event(e)
            ),
            ItemRef::Argument(n) => format!(
                "{:?} {:?} {:?} {}",
                index.claims_of_node(n),
                index.parent_of(n),
                index.children(n),
                index.path(n)
            ),
            _ => String::new(),
        };
        out.push_str(&links);
    }
    out.push_str(&format!(
        "\n{:?}\n{:?}\n{:?}\n{:?}",
        index.timeline(),
        index.reading_order(),
        index.timeline_rows(),
        index.thesis()
    ));
    for query in [
        "arms",
        "pakistan arms",
        "actor:russia kind:forecast",
        "in:event talks",
        "zq",
    ] {
        let hits = searcher.search(&Query::parse(query), 50);
        out.push_str(&format!("\n{query}: {}", hits.len()));
        for hit in hits {
            out.push_str(&format!(
                " {:?}/{}/{:?}/{}/{}",
                hit.kind,
                hit.index,
                hit.field,
                hit.score,
                searcher.field_text(&hit)
            ));
        }
    }
    out
}

#[test]
fn a_copy_answers_as_the_file_does() {
    let scratch = Scratch::new("cache-same");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());

    let first = open(&cache, &model);
    assert!(!first.from_cache, "nothing was cached yet");
    assert_eq!(copies(&cache).len(), 1, "the first load saves one copy");
    let second = open(&cache, &model);
    assert!(second.from_cache, "the second load reads the copy");

    let fresh = answers(&first.searcher);
    assert!(fresh.contains("arms: 50"), "the searches find something");
    assert_eq!(answers(&second.searcher), fresh);
}

#[test]
fn an_edited_file_is_read_afresh_and_its_copy_replaced() {
    let scratch = Scratch::new("cache-edit");
    let cache = scratch.0.join("cache");
    let text = big_model();
    let model = scratch.file("big.toml", text.as_bytes());
    assert!(!open(&cache, &model).from_cache);

    // The first claim's text changed, its size kept: only the content tells the two apart.
    let claims = text.find("[[claims]]").expect("claims");
    let at = claims + text[claims..].find("text = \"").expect("a text") + "text = \"".len();
    let line = &text[at..at + text[at..].find('"').expect("the text ends")];
    let changed = line.replacen('a', "o", 1);
    assert_ne!(changed, line, "the text has an a to change");
    let edited = format!("{}{changed}{}", &text[..at], &text[at + line.len()..]);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&model, &edited).expect("write");

    let after = open(&cache, &model);
    assert!(!after.from_cache, "a copy of the old content is not used");
    let claims = &after.searcher.index().model().claims;
    assert!(claims.iter().any(|c| c.text == changed), "the edit is read");
    assert!(
        !claims.iter().any(|c| c.text == line),
        "and the old text is gone"
    );
    assert_eq!(copies(&cache).len(), 1, "one copy per model path, replaced");
    let again = open(&cache, &model);
    assert!(again.from_cache, "the new content's copy is used");
    assert_eq!(answers(&again.searcher), answers(&after.searcher));
}

#[test]
fn a_damaged_or_cut_copy_is_passed_over_and_made_again() {
    let scratch = Scratch::new("cache-damage");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let fresh = answers(&open(&cache, &model).searcher);
    let [copy] = copies(&cache).try_into().expect("one copy");
    let whole = std::fs::read(&copy).expect("read");

    let mut flipped = whole.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let damaged: [(&str, Vec<u8>); 4] = [
        ("a byte flipped", flipped),
        ("cut in half", whole[..whole.len() / 2].to_vec()),
        ("cut inside the header", whole[..20].to_vec()),
        ("empty", Vec::new()),
    ];
    for (how, bytes) in damaged {
        std::fs::write(&copy, bytes).expect("write");
        let opened = open(&cache, &model);
        assert!(!opened.from_cache, "{how}: the copy is not used");
        assert_eq!(answers(&opened.searcher), fresh, "{how}");
        assert_eq!(
            std::fs::read(&copy).expect("read").len(),
            whole.len(),
            "{how}: made again"
        );
        assert!(
            open(&cache, &model).from_cache,
            "{how}: the new copy is used"
        );
    }
}

#[test]
fn small_files_and_invalid_models_are_not_cached() {
    let scratch = Scratch::new("cache-small");
    let cache = scratch.0.join("cache");
    let small = scratch.file("small.toml", claimscope::corpus::generate(50).as_bytes());
    assert!(!open(&cache, &small).from_cache);
    assert!(!open(&cache, &small).from_cache);
    assert!(
        copies(&cache).is_empty(),
        "a small model loads faster than a copy reads"
    );

    let broken = big_model().replacen("sentence = \"s1\"", "sentence = \"s-none\"", 1);
    let broken = scratch.file("broken.toml", broken.as_bytes());
    for _ in 0..2 {
        // Shown as a draft, its problem beside it, and read afresh each time.
        let opened =
            open_in(Some(cache.clone()), &broken, &LoadProgress::new()).expect("a draft opens");
        assert!(!opened.from_cache);
        assert_eq!(opened.problems.len(), 1, "{:?}", opened.problems);
        assert!(opened.problems[0].message.contains("s-none"));
    }
    assert!(copies(&cache).is_empty(), "an invalid model leaves no copy");
}

#[test]
fn without_a_place_for_copies_the_model_still_loads() {
    let scratch = Scratch::new("cache-nowhere");
    let model = scratch.file("big.toml", big_model().as_bytes());
    // The cache's folder cannot be made: a file stands where it would be.
    let blocked = scratch.file("blocked", b"a file, not a folder");
    let fresh = answers(&open(&blocked.join("cache"), &model).searcher);
    assert!(!open(&blocked.join("cache"), &model).from_cache);
    let off = open_in(None, &model, &LoadProgress::new()).expect("loads");
    assert!(!off.from_cache);
    assert_eq!(answers(&off.searcher), fresh);
}

/// The binary, with the cache in `cache` (or off, when `None`).
fn run(cache: Option<&Path>, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimscope"));
    command.args(args).env("NO_COLOR", "1");
    match cache {
        Some(dir) => command
            .env("CLAIMSCOPE_CACHE_DIR", dir)
            .env_remove("CLAIMSCOPE_NO_CACHE"),
        None => command.env("CLAIMSCOPE_NO_CACHE", "1"),
    };
    command.output().expect("the binary runs")
}

#[test]
fn the_command_line_answers_the_same_from_a_copy() {
    let scratch = Scratch::new("cache-cli");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    for args in [
        ["search", "pakistan arms"].as_slice(),
        ["search", "--json", "--limit", "200", "pakistan arms"].as_slice(),
        // An alias matched: the line names it.
        ["search", "moscow"].as_slice(),
        ["search", "--json", "moscow"].as_slice(),
        ["search", "actor:russia kind:forecast talks"].as_slice(),
        ["search", "--kind", "event", "army chief"].as_slice(),
        ["show", "c2"].as_slice(),
        ["export", "--format", "json"].as_slice(),
    ] {
        let all: Vec<&str> = ["--data", arg(&model)]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        let plain = run(None, &all);
        assert!(plain.status.success(), "{args:?}");
        let first = run(Some(&cache), &all);
        let second = run(Some(&cache), &all);
        assert!(!stdout(&plain).is_empty(), "{args:?}");
        assert_eq!(first.status.code(), plain.status.code(), "{args:?}");
        assert_eq!(second.status.code(), plain.status.code(), "{args:?}");
        assert_eq!(
            stdout(&first),
            stdout(&plain),
            "{args:?}: the run that saves a copy"
        );
        assert_eq!(
            stdout(&second),
            stdout(&plain),
            "{args:?}: the run that reads it"
        );
    }
    assert_eq!(copies(&cache).len(), 1);

    // Off, with a folder named: nothing is saved there.
    let unused = scratch.0.join("unused");
    let off = Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(["--data", arg(&model), "search", "arms"])
        .env("CLAIMSCOPE_CACHE_DIR", &unused)
        .env("CLAIMSCOPE_NO_CACHE", "1")
        .output()
        .expect("the binary runs");
    assert!(off.status.success());
    assert!(!unused.exists(), "CLAIMSCOPE_NO_CACHE saves nothing");
}

#[test]
fn a_copy_of_a_model_with_empty_fields_reads_back_whole() {
    // The model's own serialisation leaves an empty list or a missing value out; the
    // copy's binary form must not, or every field after one left out would shift. A
    // large model whose claims have no notes and whose actors have no aliases, read back
    // from its copy, is the model loaded from its file.
    let scratch = Scratch::new("cache-empty-fields");
    let cache = scratch.0.join("cache");
    // The generator's claims have no notes and its model no record; its actors lose
    // their aliases here.
    let text: String = big_model()
        .lines()
        .map(|line| match line.starts_with("aliases = ") {
            true => "aliases = []\n".to_string(),
            false => format!("{line}\n"),
        })
        .collect();
    let model = scratch.file("bare.toml", text.as_bytes());
    let first = open(&cache, &model);
    assert!(!first.from_cache);
    let again = open(&cache, &model);
    assert!(again.from_cache, "the second load reads the copy");
    let from_file = first.searcher.index().model();
    assert!(from_file.claims.iter().all(|c| c.note.is_none()));
    assert!(from_file.actors.iter().all(|a| a.aliases.is_empty()));
    assert!(from_file.sources.is_empty() && from_file.reviews.is_empty());
    assert_eq!(again.searcher.index().model(), from_file);
    // Outside the cache, the JSON leaves empty fields out.
    let json = serde_json::to_string(from_file).expect("json");
    assert!(
        !json.contains("null"),
        "no missing value is written as null"
    );
}

#[test]
fn a_search_reads_a_copy_without_the_model_and_finds_the_same() {
    let scratch = Scratch::new("cache-quick");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let progress = LoadProgress::new();
    let whole = open(&cache, &model);
    assert!(!whole.from_cache);
    let quick = match open_for_search_in(Some(cache.clone()), &model, &progress)
        .expect("loads")
        .0
    {
        ForSearch::Copy(quick) => quick,
        ForSearch::Model(_) => panic!("a search reads the copy the first load saved"),
    };
    let names = quick.names();
    let index = whole.searcher.index();
    for query in [
        "arms",
        "pakistan arms",
        "moscow",
        "actor:russia kind:forecast",
        "in:source",
    ] {
        let expected = whole.searcher.search(&Query::parse(query), 100);
        assert_eq!(
            quick.engine().search(&Query::parse(query), 100),
            expected,
            "{query}"
        );
        for hit in &expected {
            assert_eq!(names.id(hit), index.id_of(hit.item()), "{query}");
            assert_eq!(names.label(hit), index.label(hit.item()), "{query}");
            if let claimscope::search::Field::Alias(_) = hit.field {
                assert_eq!(names.alias(hit), whole.searcher.field_text(hit), "{query}");
            }
        }
    }
    // A damaged names section is not read: the model is loaded instead.
    let [copy] = copies(&cache).try_into().expect("one copy");
    let mut bytes = std::fs::read(&copy).expect("read");
    let last = bytes.len() - 3;
    bytes[last] ^= 0x01;
    std::fs::write(&copy, bytes).expect("write");
    match open_for_search_in(Some(cache.clone()), &model, &progress)
        .expect("loads")
        .0
    {
        ForSearch::Model(searcher) => assert_eq!(answers(&searcher), answers(&whole.searcher)),
        ForSearch::Copy(_) => panic!("a copy whose names are damaged is not used"),
    }
}

#[test]
fn a_folder_others_can_write_to_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("cache-shared");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let shared = scratch.0.join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    assert!(!open(&shared, &model).from_cache);
    assert!(
        !open(&shared, &model).from_cache,
        "nothing saved there, nothing read"
    );
    assert!(copies(&shared).is_empty());
    // Made private, it is used; and the copies in it are readable by their owner alone.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(!open(&shared, &model).from_cache);
    assert!(open(&shared, &model).from_cache);
    let [copy] = copies(&shared).try_into().expect("one copy");
    let mode = std::fs::metadata(&copy).expect("stat").permissions().mode();
    assert_eq!(mode & 0o077, 0, "mode {mode:o}");
}

#[test]
fn a_fifo_in_a_copys_place_does_not_block() {
    let scratch = Scratch::new("cache-fifo");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    assert!(!open(&cache, &model).from_cache);
    let [copy] = copies(&cache).try_into().expect("one copy");
    std::fs::remove_file(&copy).expect("rm");
    let made = Command::new("mkfifo")
        .arg(&copy)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Read as no copy: loaded afresh (and the FIFO replaced by a copy), not waited on for
    // a writer that never comes.
    let (done, wait) = std::sync::mpsc::channel();
    let (dir, file) = (cache.clone(), model.clone());
    std::thread::spawn(move || done.send(open(&dir, &file).from_cache));
    let from_cache = wait
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the load does not block on the FIFO");
    assert!(!from_cache);
    assert!(std::fs::metadata(&copy).expect("stat").is_file());
}

#[test]
fn a_copy_answers_which_sentences_name_each_actor_as_the_file_does() {
    // Which sentences name each actor is worked out at the first asking, not at load.
    // Read back, the copy answers as the model loaded afresh does. (That the copy holds
    // it, rather than working it out again, is `cache::copy`'s own test.)
    let scratch = Scratch::new("cache-naming");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let first = open(&cache, &model);
    let tables = postcard::to_stdvec(first.searcher.index().tables()).expect("writes");
    let index = first.searcher.index();
    let again = open(&cache, &model);
    assert!(again.from_cache);
    let back = postcard::to_stdvec(again.searcher.index().tables()).expect("writes");
    assert_eq!(back, tables, "the copy's tables are the ones written");
    let named = (0..index.model().actors.len())
        .filter(|&a| !index.sentences_naming(a).is_empty())
        .count();
    assert!(named > 0, "some actor is named in some sentence");
    for a in 0..index.model().actors.len() {
        assert_eq!(
            again.searcher.index().sentences_naming(a),
            index.sentences_naming(a)
        );
    }
}

#[test]
fn a_file_size_limit_costs_the_copy_not_the_command() {
    // `ulimit -f` below a copy's size: the copy cannot be written, and the command still
    // runs, as it would without a cache; no part of a copy is left behind.
    let shell = Command::new("bash").arg("-c").arg("true").status();
    if !shell.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no bash to set a file-size limit with");
        return;
    }
    let scratch = Scratch::new("cache-fsize");
    let cache = scratch.0.join("cache");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let out = Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 200 && exec \"$0\" --data \"$1\" show c1")
        .arg(env!("CARGO_BIN_EXE_claimscope"))
        .arg(&model)
        .env("CLAIMSCOPE_CACHE_DIR", &cache)
        .env_remove("CLAIMSCOPE_NO_CACHE")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).starts_with("claim c1"), "{}", stdout(&out));
    assert!(copies(&cache).is_empty(), "no copy, whole or part");
    let left = std::fs::read_dir(&cache).map_or(0, |d| d.count());
    assert_eq!(left, 0, "nothing half-written is left");
}

#[test]
fn a_relative_cache_folder_is_not_used() {
    // It would name another folder from every folder a command runs in.
    let scratch = Scratch::new("cache-relative");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .args(["--data", arg(&model), "show", "c1"])
        .current_dir(&scratch.0)
        .env("CLAIMSCOPE_CACHE_DIR", "relative/cache")
        .env_remove("CLAIMSCOPE_NO_CACHE")
        .env("HOME", scratch.0.join("home"))
        .env_remove("XDG_CACHE_HOME")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert!(
        !scratch.0.join("relative").exists(),
        "no copy under a relative folder"
    );
    // Nor under the usual place instead: the variable says where, and says it wrongly.
    assert!(!scratch.0.join("home").exists());
}

#[test]
fn a_symbolic_link_in_the_folder_s_place_receives_no_copy() {
    // A link planted where the cache's folder is, to a folder of this user's: the copy is
    // not written through it.
    let scratch = Scratch::new("cache-symlink");
    let elsewhere = scratch.0.join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("a folder");
    let mut perms = std::fs::metadata(&elsewhere)
        .expect("its metadata")
        .permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o700);
    std::fs::set_permissions(&elsewhere, perms).expect("private");
    let cache = scratch.0.join("cache");
    std::os::unix::fs::symlink(&elsewhere, &cache).expect("a link");
    let model = scratch.file("big.toml", big_model().as_bytes());
    let opened = open(&cache, &model);
    assert!(!opened.from_cache);
    assert!(
        copies(&elsewhere).is_empty(),
        "a copy went through the link"
    );
    // The model loaded all the same.
    assert_eq!(
        answers(&opened.searcher),
        answers(&open(&cache, &model).searcher)
    );
}
