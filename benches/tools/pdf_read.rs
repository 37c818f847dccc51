//! The PDF reader over a folder of PDFs: pages read per second, natively (issue #11), or one
//! file's extracted text.
//!
//! `cargo run --release --example pdf_read [DIR]` prints one line per file (pages, bytes of text,
//! milliseconds, pages per second) and the total; DIR defaults to `../shared/corpus/files`.
//! `cargo run --release --example pdf_read -- --text FILE` prints the text the checker reads;
//! `--check FILE` the errors and warnings the check reports on it.
use budgetlint::files::{extract, FileError};
use budgetlint::render::text::describe;
use budgetlint::report::Severity;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--text") {
        let path = args.get(1).expect("--text FILE");
        let bytes = std::fs::read(path).expect("read the file");
        match extract(&bytes) {
            Ok(e) => {
                print!("{}", e.text);
                for n in e.notes {
                    eprintln!("note: {n}");
                }
            }
            Err(e) => eprintln!("error: {}", e.message()),
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--cells") {
        // every cell read, as a `cell:` line of tests/fixtures/pdf/<stem>.md (to be checked by hand)
        let path = args.get(1).expect("--cells FILE");
        let bytes = std::fs::read(path).expect("read the file");
        let e = extract(&bytes).unwrap_or_else(|e| panic!("{}", e.message()));
        let doc = budgetlint::parse::parse(&e.text).doc;
        for t in &doc.tables {
            for r in &t.rows {
                for (k, c) in r.cells.iter().enumerate() {
                    let Some(c) = c else { continue };
                    let page = match e.origin_at(c.span.start) {
                        Some(budgetlint::files::Origin::Page { page, .. }) => *page,
                        _ => 0,
                    };
                    let code = r.code.as_ref().map_or("", |c| c.text.as_str());
                    println!(
                        "cell: 第{page}页 | {} | {}{} | {} | {}",
                        t.title,
                        if code.is_empty() {
                            String::new()
                        } else {
                            format!("{code} ")
                        },
                        r.plain_name(),
                        t.columns[k].header,
                        c.value
                    );
                }
            }
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--check") {
        // the errors and warnings the full check reports on the file's text
        let path = args.get(1).expect("--check FILE");
        let bytes = std::fs::read(path).expect("read the file");
        let e = extract(&bytes).unwrap_or_else(|e| panic!("{}", e.message()));
        let report = budgetlint::check(&e.text);
        let idx = budgetlint::text::LineIndex::new(&e.text);
        for f in &report.findings {
            if matches!(f.severity, Severity::Error | Severity::Warning) {
                let at = describe(&e.text, &idx, &report.doc, &f.primary);
                println!("{} {} {} | {at}", f.code, f.severity.as_str(), f.message);
            }
        }
        return;
    }
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/files")
    });
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read the folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    let (mut pages_all, mut secs_all) = (0usize, 0f64);
    for f in &files {
        let bytes = std::fs::read(f).expect("read the file");
        let t = Instant::now();
        let got = extract(&bytes);
        let secs = t.elapsed().as_secs_f64();
        let name = f.file_name().unwrap().to_string_lossy();
        match got {
            Ok(e) => {
                let pages = e.text.matches('\u{c}').count();
                pages_all += pages;
                secs_all += secs;
                println!(
                    "{name:55} {pages:4} pages {:8} bytes {:8.1} ms {:7.1} pages/s",
                    e.text.len(),
                    secs * 1e3,
                    pages as f64 / secs
                );
            }
            Err(FileError::NoTextLayer) => {
                println!("{name:55} no text layer ({:.1} ms)", secs * 1e3)
            }
            Err(e) => println!("{name:55} error: {}", e.message()),
        }
    }
    println!(
        "TOTAL {pages_all} pages in {:.1} ms: {:.1} pages/s",
        secs_all * 1e3,
        pages_all as f64 / secs_all
    );
}
