//! The rules' docs (检查内容 / 为什么重要 / 示例) as the app shows them.
//!
//! Natively a rule carries its whole doc ([`RuleMeta::doc`]). In the web app it carries only its
//! summary line (see `rules::__rule_explain`): `scripts/embed-wasm.sh` writes every doc to a
//! script that the page loads the first time a doc is opened, and the app hands them over with
//! [`provide`].
use crate::rules::RuleMeta;

/// The rule's full doc, when it is at hand (always natively; in the web app once loaded).
#[cfg(not(target_arch = "wasm32"))]
pub fn doc(rule: &RuleMeta) -> Option<String> {
    Some(rule.doc())
}

/// Whether the docs are at hand (always natively).
#[cfg(not(target_arch = "wasm32"))]
pub fn loaded() -> bool {
    true
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED: std::cell::RefCell<Vec<(&'static str, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
pub fn doc(rule: &RuleMeta) -> Option<String> {
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(c, _)| *c == rule.code)
            .map(|(_, d)| d.clone())
    })
}

#[cfg(target_arch = "wasm32")]
pub fn loaded() -> bool {
    LOADED.with(|l| !l.borrow().is_empty())
}

/// Keep the loaded doc of the rule with this code (unknown codes are ignored).
#[cfg(target_arch = "wasm32")]
pub fn provide(code: &str, doc: String) {
    if let Some(rule) = crate::rules::registry::by_code(code) {
        LOADED.with(|l| {
            let mut l = l.borrow_mut();
            if !l.iter().any(|(c, _)| *c == rule.code) {
                l.push((rule.code, doc));
            }
        });
    }
}
