//! Fact-layer snapshot (issue #10): the claims the parser reads from the prose of every seed and
//! every corpus document, one line per claim with the printed numbers it is made of. A change in
//! what the sentences are read to say shows up here as a snapshot diff to review.
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::model::{Claims, Labeled, Quantity};
use std::fmt::Write;

mod common;
use common::documents;

fn num(src: &str, q: &Quantity) -> String {
    q.span.slice(src).split_whitespace().collect()
}

fn lab(src: &str, l: &Labeled) -> String {
    let label: String = l.label.chars().take(16).collect();
    format!("{label}={}", num(src, &l.q))
}

fn render(src: &str, c: &Claims) -> String {
    let mut s = String::new();
    for ch in &c.changes {
        let _ = writeln!(
            s,
            "change {} | current {} ({:?}) | vs {} prior {} | {:?} Δ {} rate {}",
            ch.subject.chars().take(16).collect::<String>(),
            ch.current.as_ref().map_or("-".into(), |l| num(src, &l.q)),
            ch.current_from,
            ch.period,
            ch.prior.as_ref().map_or("-".into(), |q| num(src, q)),
            ch.direction.as_ref().map(|d| d.value),
            ch.delta.as_ref().map_or("-".into(), |q| num(src, q)),
            ch.rate.as_ref().map_or("-".into(), |q| num(src, q)),
        );
    }
    for l in &c.lists {
        let parts: Vec<String> = l.parts.iter().map(|p| lab(src, p)).collect();
        let _ = writeln!(
            s,
            "list {} {} = {}{}",
            l.keyword.value,
            lab(src, &l.whole),
            parts.join(" + "),
            if l.complete { " (complete)" } else { "" }
        );
    }
    for sh in &c.shares {
        let _ = writeln!(
            s,
            "{} {} of {:?} → {} = {}%",
            if sh.completion { "completion" } else { "share" },
            lab(src, &sh.part),
            sh.whole_name,
            sh.whole.as_ref().map_or("-".into(), |w| lab(src, w)),
            num(src, &sh.share)
        );
    }
    for l in &c.leftovers {
        let _ = writeln!(s, "leftover {:?} {:?}", l.kind, l.span.slice(src));
    }
    s
}

#[test]
fn claims_of_every_document() {
    let mut out = String::new();
    for f in documents() {
        let src = std::fs::read_to_string(&f).unwrap();
        let doc = budgetlint::parse::parse(&src).doc;
        let c = &doc.claims;
        let _ = writeln!(
            out,
            "## {} — {} changes, {} lists, {} shares, {} leftovers",
            f.file_stem().unwrap().to_string_lossy(),
            c.changes.len(),
            c.lists.len(),
            c.shares.len(),
            c.leftovers.len()
        );
        out.push_str(&render(&src, c));
        // every span of a claim slices the original text on char boundaries
        for q in c
            .changes
            .iter()
            .flat_map(|x| {
                x.current
                    .iter()
                    .map(|l| &l.q)
                    .chain(&x.prior)
                    .chain(&x.delta)
                    .chain(&x.rate)
            })
            .chain(c.shares.iter().map(|x| &x.share))
            .chain(c.lists.iter().flat_map(|l| l.parts.iter().map(|p| &p.q)))
        {
            let t = src
                .get(q.span.range())
                .expect("claim span on char boundaries");
            assert!(
                t.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-'),
                "{}: claim number span {:?} is {t:?}",
                f.display(),
                q.span
            );
        }
    }
    insta::assert_snapshot!("claims", out);
}
