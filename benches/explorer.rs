//! Benchmarks for the targets in BENCHMARKS.md: loading the bundled model and synthetic
//! ones of 10,000 and 100,000 claims (from TOML and from the cache), a keystroke in the search box (on the article and
//! on 100,000 claims, the mean and the slowest), the same keystrokes through a plain
//! nucleo-matcher harness over the same texts, and a full frame of the main screen. Run
//! with `cargo bench --bench explorer`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use claimscope::model::{Index, Model, ModelFile, load_str};
use claimscope::open::open_in;
use claimscope::search::Searcher;
use claimscope::tui::picture::{chart::Chart, map::Map, network::Network};
use claimscope::tui::{Action, App, Theme, view};

/// What the keystroke benchmarks type, one character at a time.
const TYPED: &str = "pakistan arms";
/// The same with a slip, as readers type it: from its seventh key on no word of the texts
/// begins with the first term, so each keystroke also looks for the word meant.
const MISTYPED: &str = "pakistna arms";

fn app_for(source: &ModelFile) -> App {
    let model = load_str(source).expect("a valid model");
    let mut app = App::new(Index::new(model), Theme::new(true));
    app.update(Action::Resize(120, 40));
    app
}

fn load(c: &mut Criterion) {
    // What every run does: the bundled model (from its JSON copy, checked by the tests
    // when built) and its index; the searcher's engine is built at its first search.
    c.bench_function("load/article", |b| {
        b.iter(|| {
            let model = Model::bundled().expect("valid");
            let index = std::sync::Arc::new(Index::new(model));
            black_box(Searcher::new(index))
        })
    });
    // What a curator's file costs: the same model parsed from TOML.
    let source = ModelFile::bundled();
    c.bench_function("load/article_toml", |b| {
        b.iter(|| {
            let model = load_str(black_box(&source)).expect("valid");
            let index = std::sync::Arc::new(Index::new(model));
            black_box(Searcher::new(index))
        })
    });
}

fn synthetic(claims: usize) -> ModelFile {
    ModelFile {
        name: format!("synthetic-{claims}"),
        text: claimscope::corpus::generate(claims),
    }
}

/// A model file of one's own, whole: parsed from TOML, validated, indexed, and the
/// searcher built. The figures grow with the model: linear means ten times the claims
/// costs ten times the time.
fn load_synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (id, claims) in [("synthetic_10k", 10_000), ("synthetic_100k", 100_000)] {
        let source = synthetic(claims);
        group.bench_function(id, |b| {
            b.iter(|| {
                let model = load_str(black_box(&source)).expect("valid");
                let index = std::sync::Arc::new(Index::new(model));
                black_box(Searcher::new(index))
            })
        });
        // The same model on later runs: read back from the cache's copy (the file's
        // content hashed, the copy mapped and decoded). Freeing it is left out, as a
        // process that exits does not free it.
        let dir = std::env::temp_dir().join(format!("claimscope-bench-{}", std::process::id()));
        let file = dir.join(format!("{id}.toml"));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        std::fs::write(&file, &source.text).expect("write the model");
        let cache = Some(dir.join("cache"));
        let progress = claimscope::model::LoadProgress::new();
        let first = open_in(cache.clone(), &file, &progress).expect("valid");
        assert!(!first.from_cache);
        group.bench_function(format!("{id}_cached"), |b| {
            b.iter_with_large_drop(|| {
                let opened = open_in(cache.clone(), &file, &progress).expect("valid");
                assert!(opened.from_cache, "read from the copy");
                opened
            })
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    group.finish();
}

/// Types `TYPED` into an empty search box, the hits updated and a 120x40 frame drawn
/// after every character; reports the time of one keystroke.
fn keystrokes(c: &mut Criterion, id: &str, source: &ModelFile, samples: usize) {
    let mut app = app_for(source);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let keys = TYPED.chars().count() as u32;
    // Drawn as the explorer draws: the panes under the search box kept from the frame
    // before, as they do not change while it is open.
    let mut backdrop = view::Backdrop::default();
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(samples);
    group.bench_function(id, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                app.update(Action::OpenSearch);
                let start = Instant::now();
                for ch in TYPED.chars() {
                    app.update(Action::Type(ch));
                    terminal
                        .draw(|f| view::render_with(&app, f, &mut backdrop))
                        .expect("draw");
                }
                total += start.elapsed();
                assert!(!app.search.hits.is_empty(), "the search found nothing");
                app.update(Action::Escape);
            }
            total / keys
        })
    });
    group.finish();
}

fn keystroke_article(c: &mut Criterion) {
    keystrokes(c, "article", &ModelFile::bundled(), 100);
}

fn keystroke_synthetic(c: &mut Criterion) {
    let source = synthetic(100_000);
    keystrokes(c, "synthetic_100k", &source, 10);
    slowest(c, "synthetic_100k_slowest", &source, TYPED);
    slowest(c, "synthetic_100k_mistyped_slowest", &source, MISTYPED);
}

/// The slowest of the thirteen keystrokes typing `typed`, each pass: the one a reader
/// waits on.
fn slowest(c: &mut Criterion, id: &str, source: &ModelFile, typed: &str) {
    let mut app = app_for(source);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut backdrop = view::Backdrop::default();
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    group.bench_function(id, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                app.update(Action::OpenSearch);
                let mut slowest = Duration::ZERO;
                for ch in typed.chars() {
                    let start = Instant::now();
                    app.update(Action::Type(ch));
                    terminal
                        .draw(|f| view::render_with(&app, f, &mut backdrop))
                        .expect("draw");
                    slowest = slowest.max(start.elapsed());
                }
                total += slowest;
                app.update(Action::Escape);
            }
            total
        })
    });
    group.finish();
}

/// The same thirteen keystrokes through a plain nucleo-matcher harness over the texts
/// claimscope's searcher scores: each keystroke matches every text afresh and sorts the
/// matches, as a simple fuzzy finder would (no frame is drawn). The mean time of one.
fn nucleo_synthetic(c: &mut Criterion) {
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher};
    let model = load_str(&synthetic(100_000)).expect("valid");
    let searcher = Searcher::new(std::sync::Arc::new(Index::new(model)));
    let texts: Vec<&str> = searcher.texts().collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let prefixes: Vec<&str> = TYPED
        .char_indices()
        .map(|(i, ch)| &TYPED[..i + ch.len_utf8()])
        .collect();
    let mut group = c.benchmark_group("nucleo");
    group.sample_size(10);
    group.bench_function("synthetic_100k", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                for prefix in &prefixes {
                    let pattern =
                        Pattern::parse(prefix, CaseMatching::Ignore, Normalization::Smart);
                    let hits = pattern.match_list(texts.iter(), &mut matcher);
                    black_box(hits.len());
                }
                total += start.elapsed();
            }
            total / prefixes.len() as u32
        })
    });
    group.finish();
}

/// The slip typed through frizbee, the typo-tolerant matcher blink.cmp uses, one typo
/// allowed, over the texts claimscope's searcher scores: each keystroke matches every text
/// afresh and sorts the matches (no frame is drawn). The mean time of one.
fn frizbee_synthetic(c: &mut Criterion) {
    let model = load_str(&synthetic(100_000)).expect("valid");
    let searcher = Searcher::new(std::sync::Arc::new(Index::new(model)));
    let texts: Vec<&str> = searcher.texts().collect();
    let config = frizbee::Config {
        max_typos: Some(1),
        ..frizbee::Config::default()
    };
    let prefixes: Vec<&str> = MISTYPED
        .char_indices()
        .map(|(i, ch)| &MISTYPED[..i + ch.len_utf8()])
        .collect();
    let mut group = c.benchmark_group("frizbee");
    group.sample_size(10);
    group.bench_function("synthetic_100k_mistyped", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                for prefix in &prefixes {
                    let mut matcher = frizbee::Matcher::new(*prefix, &config);
                    black_box(matcher.match_list(&texts).len());
                }
                total += start.elapsed();
            }
            total / prefixes.len() as u32
        })
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let mut app = app_for(&ModelFile::bundled());
    app.update(Action::Resize(200, 60));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("render/200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::render(black_box(&app), f))
                .map(|_| ())
                .expect("draw")
        })
    });
}

/// One frame at 200x60 with each picture in use: on the article, and on a synthetic model
/// of 100,000 claims, whose pictures draw as many events, nodes and relations as its
/// model has, whatever its claims.
fn render_pictures(c: &mut Criterion) {
    let models = [
        ("", ModelFile::bundled()),
        ("_synthetic_100k", synthetic(100_000)),
    ];
    for (suffix, source) in models {
        let model = load_str(&source).expect("a valid model");
        for (pane, name) in [
            (claimscope::tui::Pane::Timeline, "timeline_chart"),
            (claimscope::tui::Pane::Arguments, "argument_map"),
            (claimscope::tui::Pane::Actors, "relations"),
        ] {
            let mut app = App::new(Index::new(model.clone()), Theme::new(true));
            for action in [
                Action::Resize(200, 60),
                Action::Focus(pane),
                Action::Picture,
                Action::Down,
            ] {
                app.update(action);
            }
            assert!(app.shows_picture(pane));
            // The layout, made once per size, model and fold (and zoom), not per frame.
            let index = app.index();
            let rows = app.argument_rows().to_vec();
            c.bench_function(&format!("layout/{name}{suffix}"), |b| {
                b.iter(|| match pane {
                    claimscope::tui::Pane::Timeline => {
                        black_box(Chart::new(index, 198, 58, 0));
                    }
                    claimscope::tui::Pane::Arguments => {
                        black_box(Map::new(&rows));
                    }
                    _ => {
                        black_box(Network::new(index, 198, 58));
                    }
                })
            });
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
            c.bench_function(&format!("render/{name}{suffix}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| view::render(black_box(&app), f))
                        .map(|_| ())
                        .expect("draw")
                })
            });
        }
    }
}

criterion_group!(
    benches,
    load,
    load_synthetic,
    keystroke_article,
    keystroke_synthetic,
    nucleo_synthetic,
    frizbee_synthetic,
    render,
    render_pictures
);
criterion_main!(benches);
