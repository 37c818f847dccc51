//! The five bundled seed documents. Each is reachable by `#example=<stem>`.
//!
//! Natively the texts are compiled in. The web app does not carry them in its wasm (they are a
//! fifth of the page's weight): `scripts/embed-wasm.sh` writes them to a script the page loads
//! only when an example is asked for, and the app hands them over with [`provide`].

/// A bundled example document.
#[derive(Debug)]
pub struct Example {
    /// The seed's file stem, used in `#example=<stem>`.
    pub stem: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub text: &'static str,
}

pub static EXAMPLES: &[Example] = &[
    Example {
        stem: "000_b74d73884716a2a0",
        title_zh: "丰润区医疗保障局 2023（Word 导出，含 2 个单位）",
        title_en: "Fengrun 2023 (Word export, 2 units)",
        #[cfg(not(target_arch = "wasm32"))]
        text: include_str!("../../tests/fixtures/seeds/000_b74d73884716a2a0.txt"),
    },
    Example {
        stem: "001_c9c5d3a72905beca",
        title_zh: "承德市医疗保障局 2022（PDF 复制文字）",
        title_en: "Chengde 2022 (text copied from PDF)",
        #[cfg(not(target_arch = "wasm32"))]
        text: include_str!("../../tests/fixtures/seeds/001_c9c5d3a72905beca.txt"),
    },
    Example {
        stem: "002_ae63254e50cfffaf",
        title_zh: "温县医疗保障局 2024（制表符分隔）",
        title_en: "Wenxian 2024 (tab-separated)",
        #[cfg(not(target_arch = "wasm32"))]
        text: include_str!("../../tests/fixtures/seeds/002_ae63254e50cfffaf.txt"),
    },
    Example {
        stem: "003_9d927ef525b240df",
        title_zh: "平乡县医疗保障局 2025（Markdown 样式）",
        title_en: "Pingxiang 2025 (markdown-like)",
        #[cfg(not(target_arch = "wasm32"))]
        text: include_str!("../../tests/fixtures/seeds/003_9d927ef525b240df.txt"),
    },
    Example {
        stem: "004_b38152ec093229da",
        title_zh: "汉中市医疗保障局 2023（金额以元计，含目录）",
        title_en: "Hanzhong 2023 (amounts in yuan, with contents)",
        #[cfg(not(target_arch = "wasm32"))]
        text: include_str!("../../tests/fixtures/seeds/004_b38152ec093229da.txt"),
    },
];

/// The example's text, when it is at hand (always natively; in the web app once loaded).
#[cfg(not(target_arch = "wasm32"))]
pub fn text(e: &Example) -> Option<&'static str> {
    Some(e.text)
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED: std::cell::RefCell<Vec<(&'static str, &'static str)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The example's text, when it is at hand (always natively; in the web app once loaded).
#[cfg(target_arch = "wasm32")]
pub fn text(e: &Example) -> Option<&'static str> {
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(s, _)| *s == e.stem)
            .map(|(_, t)| *t)
    })
}

/// Hand over a loaded example's text (kept for the page's lifetime).
#[cfg(target_arch = "wasm32")]
pub fn provide(stem: &str, loaded: String) {
    if let Some(e) = by_stem(stem) {
        if text(e).is_none() {
            let t: &'static str = Box::leak(loaded.into_boxed_str());
            LOADED.with(|l| l.borrow_mut().push((e.stem, t)));
        }
    }
}

pub fn by_stem(stem: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.stem == stem)
}

/// The example named by a URL fragment such as `#example=001_c9c5d3a72905beca` (leading `#`
/// optional; other `&`-separated keys ignored).
pub fn from_fragment(fragment: &str) -> Option<&'static Example> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.split('&')
        .filter_map(|kv| kv.strip_prefix("example="))
        .find_map(by_stem)
}

/// The fragment that shows an example.
pub fn fragment(stem: &str) -> String {
    format!("#example={stem}")
}
