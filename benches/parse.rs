//! `cargo bench`: parse and parse+check time of each seed and of a 5 MB input.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut g = c.benchmark_group("parse");
    for (name, text) in &seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| budgetlint::parse::parse(std::hint::black_box(text)))
        });
    }
    let mut big = String::new();
    while big.len() < 5_000_000 {
        for (_, t) in &seeds {
            big.push_str(t);
            big.push('\n');
        }
    }
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("5MB", |b| {
        b.iter(|| budgetlint::parse::parse(std::hint::black_box(&big)))
    });
    g.finish();
    let mut g = c.benchmark_group("check");
    for (name, text) in &seeds {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| budgetlint::check(std::hint::black_box(text)))
        });
    }
    g.sample_size(10);
    g.bench_function("5MB", |b| {
        b.iter(|| budgetlint::check(std::hint::black_box(&big)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
