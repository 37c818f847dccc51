//! The page's own words, Chinese first with an English toggle. Finding messages and rule docs come
//! from the core and stay in Chinese.
use super::sniff::Refusal;
use super::state::Notice;
use crate::files::{FileError, FileKind, Origin as Place};
use crate::report::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

pub struct Texts {
    pub title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub switch_lang: &'static str,
    pub examples: &'static str,
    pub open_file: &'static str,
    pub clear: &'static str,
    pub input_label: &'static str,
    pub placeholder: &'static str,
    pub drop_here: &'static str,
    pub export_md: &'static str,
    pub export_json: &'static str,
    pub print: &'static str,
    pub department: &'static str,
    pub year: &'static str,
    pub unit: &'static str,
    pub tables_found: &'static str,
    pub checks_run: &'static str,
    pub numbers_checked: &'static str,
    pub thin_coverage: &'static str,
    pub unknown: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub filter_hint: &'static str,
    pub rule_doc: &'static str,
    /// The rules' docs are being loaded / could not be loaded.
    pub rule_doc_loading: &'static str,
    pub rule_doc_missing: &'static str,
    pub keys_hint: &'static str,
    pub chinese_only: &'static str,
    pub tables: &'static str,
    pub no_tables: &'static str,
    pub empty_table: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub uncertain: &'static str,
    pub ambiguous_row: &'static str,
    pub source: &'static str,
    pub unchecked: &'static str,
    pub nothing_unchecked: &'static str,
    /// The catalogue of every check, with its doc.
    pub all_checks: &'static str,
    pub welcome: &'static str,
    pub dismiss: &'static str,
    pub related: &'static str,
    pub table_unit: &'static str,
    pub edit: &'static str,
    pub done_editing: &'static str,
}

static ZH: Texts = Texts {
    title: "预算公开核对器",
    tagline: "粘贴部门预算/决算公开文件的文字，逐表逐数核对：表内加总、表间一致、文字与表格、完整性。",
    privacy: "隐私：文字只在您的浏览器内处理，不会上传、也不会发送到任何地方。本页面禁止一切网络连接，断网后也能使用。",
    switch_lang: "English",
    examples: "载入示例",
    open_file: "打开文件",
    clear: "清空",
    input_label: "公开文件的文字",
    placeholder: "在此粘贴部门预算公开文件的全部文字（含情况说明和各张附表），或把 .txt 文件拖到页面任意位置。",
    drop_here: "松开即可读取文件（只在本机读取）",
    export_md: "导出 Markdown",
    export_json: "导出 JSON",
    print: "打印 / 存为 PDF",
    department: "部门",
    year: "年度",
    unit: "金额单位",
    tables_found: "识别表格",
    checks_run: "执行检查",
    numbers_checked: "核对的数字",
    thin_coverage: "只有很少的数字得到核对：没有发现问题不等于没有问题",
    unknown: "未识别",
    findings: "发现的问题",
    no_findings: "没有发现问题。",
    filter_hint: "点击可筛选",
    rule_doc: "规则说明",
    rule_doc_loading: "正在载入规则说明…",
    rule_doc_missing: "规则说明未能载入（页面的 rules 脚本缺失）。",
    keys_hint: "键盘：j / k（或在列表中用 ↓ / ↑）逐条浏览，Enter 定位到表格中的数字。",
    chinese_only: "",
    tables: "表格",
    no_tables: "尚未识别到表格。",
    empty_table: "空表",
    col_code: "科目编码",
    col_name: "项目",
    uncertain: "所在列不确定（原文空单元格消失）",
    ambiguous_row: "此行数字的列位置不唯一，未参与核对",
    source: "原文",
    unchecked: "未能核对的内容",
    nothing_unchecked: "所有检查均已执行。",
    all_checks: "全部检查项目",
    welcome: "粘贴文字、拖入文件，或从“载入示例”中选一份真实的公开文件试试。",
    dismiss: "关闭",
    related: "对照",
    table_unit: "单位",
    edit: "编辑文字",
    done_editing: "收起",
};

static EN: Texts = Texts {
    title: "Budget Disclosure Checker (预算公开核对器)",
    tagline: "Paste the text of a Chinese department budget disclosure: every table sum, cross-table identity, narrative claim and promised table is checked.",
    privacy: "Privacy: your text is processed only inside this browser. It is never uploaded or sent anywhere. This page forbids all network connections and works offline.",
    switch_lang: "中文",
    examples: "Load example",
    open_file: "Open file",
    clear: "Clear",
    input_label: "Disclosure text",
    placeholder: "Paste the full text of a budget disclosure here (narrative and all tables), or drop a .txt file anywhere on the page.",
    drop_here: "Drop to read the file (read locally only)",
    export_md: "Export Markdown",
    export_json: "Export JSON",
    print: "Print / save as PDF",
    department: "Department",
    year: "Year",
    unit: "Unit",
    tables_found: "Tables recognised",
    checks_run: "Checks run",
    numbers_checked: "Numbers checked",
    thin_coverage: "Few numbers could be checked: no findings does not mean no problems",
    unknown: "not recognised",
    findings: "Findings",
    no_findings: "No problems found.",
    filter_hint: "click to filter",
    rule_doc: "About this rule",
    rule_doc_loading: "Loading the rule's doc…",
    rule_doc_missing: "The rule's doc could not be loaded (the page's rules script is missing).",
    keys_hint: "Keys: j / k (or ↓ / ↑ in the list) move through findings; Enter jumps to the number in its table.",
    chinese_only: "Finding messages and rule documentation are in Chinese.",
    tables: "Tables",
    no_tables: "No tables recognised yet.",
    empty_table: "empty table",
    col_code: "Code",
    col_name: "Item",
    uncertain: "column uncertain (empty cells vanished in the source)",
    ambiguous_row: "this row's values fit more than one column layout; not checked",
    source: "Original text",
    unchecked: "What could not be checked",
    nothing_unchecked: "Every check ran.",
    all_checks: "Every check",
    welcome: "Paste text, drop a file, or pick a real disclosure from “Load example”.",
    dismiss: "Dismiss",
    related: "compared with",
    table_unit: "Unit",
    edit: "Edit text",
    done_editing: "Done",
};

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match (lang, s) {
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::Zh, Severity::Info) => "提示",
        (Lang::En, Severity::Error) => "errors",
        (Lang::En, Severity::Warning) => "warnings",
        (Lang::En, Severity::Info) => "notes",
    }
}

/// "已载入 81.4 KB，共 2,345 行" — the one-line summary of a loaded text.
pub fn loaded(lang: Lang, bytes: usize, lines: usize) -> String {
    // tenths of a KB, rounded, in integers (float formatting would add ~10 KB to the page's wasm)
    let tenths = (bytes * 10 + 512) / 1024;
    let kb = format!("{}.{}", tenths / 10, tenths % 10);
    match lang {
        Lang::Zh => format!("已载入 {kb} KB，共 {lines} 行"),
        Lang::En => format!("{kb} KB loaded, {lines} lines"),
    }
}

/// The sentence shown for a notice.
pub fn notice(lang: Lang, n: &Notice) -> String {
    match (lang, n) {
        (Lang::Zh, Notice::Loaded { name, encoding }) => {
            format!("已读取 {name}（{encoding} 编码）。")
        }
        (Lang::En, Notice::Loaded { name, encoding }) => format!("Read {name} ({encoding})."),
        (Lang::Zh, Notice::Refused { name, why }) => {
            format!("未读取 {name}：{}当前文字保持不变。", refusal(lang, *why))
        }
        (Lang::En, Notice::Refused { name, why }) => format!(
            "{name} was not read: {} Your current text is unchanged.",
            refusal(lang, *why)
        ),
        (Lang::Zh, Notice::Undecodable { name }) => {
            format!("未读取 {name}：无法识别文字编码（支持 UTF-8、UTF-16、GBK/GB18030）。请另存为 UTF-8 文本后再试，当前文字保持不变。")
        }
        (Lang::En, Notice::Undecodable { name }) => {
            format!("{name} was not read: its text encoding is not UTF-8, UTF-16 or GBK/GB18030. Save it as UTF-8 text and try again; your current text is unchanged.")
        }
        (Lang::Zh, Notice::UnknownExample(stem)) => format!("没有名为 {stem} 的示例。"),
        (Lang::En, Notice::UnknownExample(stem)) => format!("There is no example named {stem}."),
        (Lang::Zh, Notice::Reading { name, kind }) => {
            format!("正在读取 {name}（{}）……", kind_label(lang, *kind))
        }
        (Lang::En, Notice::Reading { name, kind }) => {
            format!("Reading {name} ({})…", kind_label(lang, *kind))
        }
        (_, Notice::Extracted { name, kind, notes }) => {
            let mut s = match lang {
                Lang::Zh => format!(
                    "已读取 {name}（{}），下面核对的是从文件中读出的文字；每条结果注明它在文件中的位置。",
                    kind_label(lang, *kind)
                ),
                Lang::En => format!(
                    "Read {name} ({}); the text checked below was read from the file, and every finding names its place in the file.",
                    kind_label(lang, *kind)
                ),
            };
            for n in notes {
                s.push(' ');
                s.push_str(n);
            }
            s
        }
        (Lang::Zh, Notice::Unreadable { name, why }) => {
            format!("未读取 {name}：{}。当前文字保持不变。", why.message())
        }
        (Lang::En, Notice::Unreadable { name, why }) => format!(
            "{name} was not read: {} Your current text is unchanged.",
            file_error_en(why)
        ),
    }
}

/// How a file kind is named in the notices.
pub fn kind_label(lang: Lang, kind: FileKind) -> &'static str {
    match (lang, kind) {
        (Lang::Zh, FileKind::Pdf) => "PDF 文字层",
        (Lang::Zh, FileKind::Xlsx) => "Excel 工作簿",
        (Lang::Zh, FileKind::Xls) => "旧版 Excel 工作簿",
        (Lang::Zh, FileKind::Docx) => "Word 文档",
        (Lang::Zh, FileKind::Doc) => "旧版 Word/WPS 文档",
        (Lang::Zh, FileKind::Html) => "网页",
        (Lang::Zh, FileKind::Text) => "文本",
        (Lang::En, FileKind::Pdf) => "PDF text layer",
        (Lang::En, FileKind::Xlsx) => "Excel workbook",
        (Lang::En, FileKind::Xls) => "legacy Excel workbook",
        (Lang::En, FileKind::Docx) => "Word document",
        (Lang::En, FileKind::Doc) => "legacy Word/WPS document",
        (Lang::En, FileKind::Html) => "web page",
        (Lang::En, FileKind::Text) => "text",
    }
}

/// Where a finding is in the file: "第 3 页" / "p. 3", "Sheet1!C7", "表格 2 第 3 行第 4 列".
pub fn place_label(lang: Lang, place: &Place) -> String {
    match (lang, place) {
        (Lang::Zh, p) => p.label(),
        (Lang::En, Place::Page { page, .. }) => format!("p. {page}"),
        (Lang::En, Place::Cell { .. }) => place.label(),
        (Lang::En, Place::Word { table: 0, row, .. }) => format!("paragraph {row}"),
        (Lang::En, Place::Word { table, row, col }) => {
            format!("Word table {table}, row {row}, column {col}")
        }
    }
}

fn file_error_en(why: &FileError) -> String {
    match why {
        FileError::NoTextLayer => "this PDF has no text layer (a scan?), so its numbers cannot be read. Look for a text PDF, an Excel file or the web version on the department's site, or run OCR first and paste the text.".into(),
        FileError::Encrypted => "the file needs a password to open. Remove the password in the program that made it and save again, or copy and paste the text.".into(),
        FileError::Corrupt { detail } => format!("the file is damaged or not what it seems ({detail})."),
        FileError::TooLarge => "the file is too large (or expands too much) to read safely in the browser.".into(),
        FileError::Unsupported { kind: FileKind::Doc } => "it is a legacy binary Word/WPS file (.doc/.wps). Save it as .docx or PDF and drop that.".into(),
        FileError::Unsupported { kind } => format!("this kind of file ({}) cannot be read here; copy its text and paste it.", kind_label(Lang::En, *kind)),
    }
}

fn refusal(lang: Lang, r: Refusal) -> &'static str {
    match (lang, r) {
        (Lang::Zh, Refusal::Pdf) => "这是 PDF 文件，暂不能直接读取。请在 PDF 阅读器中全选（Ctrl+A）、复制，再粘贴到输入框；或另存为 .txt 文本后拖入。",
        (Lang::En, Refusal::Pdf) => "it is a PDF, which cannot be read directly yet. Open it in a PDF reader, select all (Ctrl+A), copy and paste here, or save it as .txt and drop that.",
        (Lang::Zh, Refusal::OfficeZip) => "这是 Word/Excel（.docx/.xlsx）或压缩文件。请在 Word/WPS 中全选复制后粘贴，或“另存为 → 纯文本 (.txt)”后拖入。",
        (Lang::En, Refusal::OfficeZip) => "it is a Word/Excel (.docx/.xlsx) or zip file. Copy all text from Word/WPS and paste it here, or save as plain text (.txt) and drop that.",
        (Lang::Zh, Refusal::OfficeLegacy) => "这是旧版 Word/Excel（.doc/.xls）文件。请全选复制后粘贴，或另存为纯文本 (.txt) 后拖入。",
        (Lang::En, Refusal::OfficeLegacy) => "it is an old Word/Excel (.doc/.xls) file. Copy all text and paste it here, or save as plain text (.txt).",
        (Lang::Zh, Refusal::Binary) => "这不是文本文件（可能是图片或其他二进制文件）。请粘贴文字，或拖入 .txt 文本文件。",
        (Lang::En, Refusal::Binary) => "it is not a text file (an image or other binary file?). Paste the text, or drop a .txt file.",
        (Lang::Zh, Refusal::Empty) => "文件是空的。",
        (Lang::En, Refusal::Empty) => "the file is empty.",
        (Lang::Zh, Refusal::TooLarge) => "文件超过 20 MB，不像是一份预算公开文件的文字。",
        (Lang::En, Refusal::TooLarge) => "the file is larger than 20 MB, too large for the text of one disclosure.",
    }
}

/// How an encoding is named in the "read" notice.
pub fn encoding_label(sniffed: super::sniff::Sniff) -> &'static str {
    use super::sniff::Sniff;
    match sniffed {
        Sniff::Utf8 => "UTF-8",
        Sniff::Utf8Bom => "UTF-8 BOM",
        Sniff::Utf16Le { .. } => "UTF-16LE",
        Sniff::Utf16Be { .. } => "UTF-16BE",
        Sniff::Legacy => "GBK/GB18030",
        Sniff::Refused(_) => "",
    }
}
