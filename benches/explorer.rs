//! Benchmarks for the targets in BENCHMARKS.md: loading the bundled model, a keystroke in
//! the search box (on the article and on a synthetic model of 100,000 claims), and a full
//! frame of the main screen. Run with `cargo bench --bench explorer`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use claimscope::model::{Index, Model, ModelFile, load_str};
use claimscope::search::Searcher;
use claimscope::tui::{Action, App, Theme, view};

/// What the keystroke benchmarks type, one character at a time.
const TYPED: &str = "pakistan arms";

fn app_for(source: &ModelFile) -> App {
    let model = load_str(source).expect("a valid model");
    let mut app = App::new(Index::new(model), Theme { color: true });
    app.update(Action::Resize(120, 40));
    app
}

fn load(c: &mut Criterion) {
    // What every run does: the bundled model (from its JSON copy), validated and indexed.
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

/// Types `TYPED` into an empty search box, the hits updated and a 120x40 frame drawn
/// after every character; reports the time of one keystroke.
fn keystrokes(c: &mut Criterion, id: &str, source: &ModelFile, samples: usize) {
    let mut app = app_for(source);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let keys = TYPED.chars().count() as u32;
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
                    terminal.draw(|f| view::render(&app, f)).expect("draw");
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
    let source = ModelFile {
        name: "synthetic".to_string(),
        text: claimscope::corpus::generate(100_000),
    };
    keystrokes(c, "synthetic_100k", &source, 10);
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

criterion_group!(
    benches,
    load,
    keystroke_article,
    keystroke_synthetic,
    render
);
criterion_main!(benches);
