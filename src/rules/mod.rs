//! The rule catalogue. Each rule is one file declaring `RULE` (code, name, doc) and `fn check`.
//! `registry::ALL` is the one list; the engine runs them in that order.

pub mod confirm;
pub mod registry;
pub mod util;

pub mod cross;
pub mod narrative;
pub mod structure;
pub mod sums;

use crate::model::Document;
use crate::report::{CheckRecord, Finding, Location, Related, Report, Severity, Skipped};
use rust_decimal::Decimal;
use serde::Serialize;

/// Interval arithmetic lives in the model (the parser uses it too); its old paths stay valid.
pub use crate::model::approx::{self, Approx};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Category {
    /// P: parse, structure and completeness
    Structure,
    /// S: sums and code hierarchy inside one table
    Sum,
    /// X: consistency across tables
    Cross,
    /// N: narrative text against tables and itself
    Narrative,
}

impl Category {
    pub fn letter(self) -> char {
        match self {
            Category::Structure => 'P',
            Category::Sum => 'S',
            Category::Cross => 'X',
            Category::Narrative => 'N',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Structure => "结构与完整性",
            Category::Sum => "表内计算",
            Category::Cross => "表间核对",
            Category::Narrative => "文字与表格",
        }
    }
}

/// Static description of a rule; produced by `declare_rule!` from the rule's doc comment.
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// The doc comment: a summary line, then ## 检查内容 / ## 为什么重要 / ## 示例.
    pub explain: &'static str,
    pub file: &'static str,
    pub line: u32,
    pub check: fn(&Ctx, &mut Sink),
}

impl RuleMeta {
    /// The first line of the doc.
    pub fn summary(&self) -> &'static str {
        self.explain
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }

    /// The doc with the one leading space of each doc-comment line removed.
    pub fn doc(&self) -> String {
        self.explain
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

/// Declare a rule from its doc comment (clippy style: plain macro_rules, no global constructors).
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub RULE = $code:ident $name:literal, $cat:expr, $sev:expr;) => {
        pub static RULE: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: stringify!($code),
            name: $name,
            category: $cat,
            severity: $sev,
            explain: $crate::__rule_explain!($($doc)*),
            file: file!(),
            line: line!(),
            check,
        };
    };
}

/// The text a rule keeps of its doc comment: all of it natively; in the web app (wasm32) only the
/// first line, the summary. The full docs are 35 KB (10 KB gzipped) of the page's first load, so
/// `scripts/embed-wasm.sh` writes them to a script the page loads when a doc is opened
/// (`ui_model::rule_docs`).
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __rule_explain {
    ($($doc:literal)*) => { concat!($($doc, "\n"),*) };
}

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
#[macro_export]
macro_rules! __rule_explain {
    ($first:literal $($doc:literal)*) => {
        concat!($first, "\n")
    };
}

/// Settings that rules read.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Run only these codes (empty = all).
    pub only: Vec<String>,
}

/// What a rule sees.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub src: &'a str,
    pub config: &'a Config,
}

/// Where a rule puts its findings and its skipped checks.
pub struct Sink {
    rule: &'static RuleMeta,
    pub findings: Vec<Finding>,
    pub skipped: Vec<Skipped>,
    /// Every identity the rule evaluated, held or not (coverage, and the confirmation of tables).
    pub checks: Vec<CheckRecord>,
}

impl Sink {
    pub fn new(rule: &'static RuleMeta) -> Sink {
        Sink {
            rule,
            findings: Vec::new(),
            skipped: Vec::new(),
            checks: Vec::new(),
        }
    }

    /// Record that an identity was evaluated over these numbers (`held`: it held). A failed one
    /// is also reported as a finding; this ledger is what says how much was checked at all.
    pub fn checked(&mut self, held: bool, locs: impl IntoIterator<Item = Location>) {
        let locs: Vec<Location> = locs.into_iter().collect();
        if locs.is_empty() {
            return;
        }
        self.checks.push(CheckRecord {
            code: self.rule.code,
            held,
            locs,
        });
    }

    /// Report a finding with the rule's default severity.
    pub fn report(&mut self, primary: Location, message: String) -> &mut Finding {
        self.report_as(self.rule.severity, primary, message)
    }

    pub fn report_as(
        &mut self,
        severity: Severity,
        primary: Location,
        message: String,
    ) -> &mut Finding {
        self.findings.push(Finding {
            id: 0,
            code: self.rule.code,
            name: self.rule.name,
            severity,
            message,
            primary,
            related: Vec::new(),
            expected: None,
            actual: None,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// Record that a check could not run.
    pub fn skip(&mut self, what: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            check: format!("{} {}", self.rule.code, what.into()),
            reason: reason.into(),
        });
    }
}

impl Finding {
    pub fn related(&mut self, loc: Location, label: impl Into<String>) -> &mut Finding {
        if loc != self.primary && !self.related.iter().any(|r| r.loc == loc) {
            self.related.push(Related {
                loc,
                label: label.into(),
            });
        }
        self
    }

    pub fn amounts(&mut self, expected: Decimal, actual: Decimal) -> &mut Finding {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
}

/// Run every enabled rule over a parsed document and return the report
/// (parse findings included, sorted by position).
pub fn run(
    doc: crate::model::Document,
    parse_findings: Vec<Finding>,
    src: &str,
    config: &Config,
) -> Report {
    let mut report = Report {
        findings: parse_findings,
        ..Report::default()
    };
    {
        let ctx = Ctx {
            doc: &doc,
            src,
            config,
        };
        let wanted = |code: &str, name: &str| {
            config.only.is_empty() || config.only.iter().any(|c| c == code || c == name)
        };
        for rule in registry::ALL {
            // every table-sum rule runs even when not asked for: their identities decide which
            // tables are confirmed (`confirm`), and a rule's findings must not depend on --only
            let asked = wanted(rule.code, rule.name);
            if !asked && rule.category != Category::Sum {
                continue;
            }
            let mut sink = Sink::new(rule);
            (rule.check)(&ctx, &mut sink);
            if asked {
                report.checks_run += 1;
                report.checks_skipped.extend(sink.skipped);
            }
            report.findings.extend(sink.findings);
            report.checks.extend(sink.checks);
        }
        report.doc = doc;
        confirm::apply(&mut report);
        // the parser's own findings stay whatever was asked
        report.findings.retain(|f| {
            wanted(f.code, f.name)
                || [
                    crate::parse::P_NO_TABLES,
                    crate::parse::P_AMBIGUOUS,
                    crate::parse::P_UNALIGNED,
                ]
                .contains(&f.code)
        });
    }
    report.normalize();
    report
}
