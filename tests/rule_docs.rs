//! The web app carries only each rule's summary line; `scripts/rule_docs.py` gives the page the
//! full docs, read from the rules' doc comments. They must be the docs the rules carry natively
//! (`RuleMeta::doc`), for every rule.
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::rules::registry;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

#[test]
fn the_page_s_rule_docs_are_the_rules_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(root.join("scripts/rule_docs.py"))
        .arg(root.join("src/rules"))
        .arg("--json")
        .output()
        .expect("python3 runs scripts/rule_docs.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page: BTreeMap<String, String> =
        serde_json::from_slice(&out.stdout).expect("rule_docs.py prints a JSON object");
    let native: BTreeMap<String, String> = registry::ALL
        .iter()
        .map(|r| (r.code.to_string(), r.doc()))
        .collect();
    assert_eq!(page.len(), native.len(), "one doc per rule");
    for (code, doc) in &native {
        assert_eq!(page.get(code), Some(doc), "{code}");
        assert!(doc.contains("## 检查内容"), "{code}");
    }
}
