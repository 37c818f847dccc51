//! `parse_once FILE N`: parse FILE N times (N = 1 if omitted) and print how many tables the last
//! parse found. `scripts/instructions.sh` counts its instructions under valgrind: the count with
//! N = 1 minus the count with N = 0 is the parse alone, without reading the file or starting up.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), n) = (args.next(), args.next()) else {
        eprintln!("usage: parse_once FILE [N]");
        std::process::exit(2);
    };
    let n: usize = n.and_then(|s| s.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("parse_once: {path}: {e}");
            std::process::exit(2);
        }
    };
    let mut tables = 0;
    for _ in 0..n {
        tables = budgetlint::parse::parse(std::hint::black_box(&text))
            .doc
            .tables
            .len();
    }
    println!("{tables}");
}
