//! Markdown report, for attaching to a letter to the department.
use crate::report::{Report, Severity};
use crate::rules::registry;
use crate::text::LineIndex;
use std::fmt::Write;

pub fn report(src: &str, r: &Report) -> String {
    let idx = LineIndex::new(src);
    let m = &r.doc.meta;
    let mut s = String::new();
    let _ = writeln!(s, "# 预算公开核对报告\n");
    let _ = writeln!(
        s,
        "- 部门：{}\n- 年度：{}\n- 金额单位：{}\n- 识别表格：{} 张；执行检查：{} 项\n- 结果：{} 个错误，{} 个警告，{} 条提示\n",
        m.department.as_deref().unwrap_or("未识别"),
        m.year.map(|y| y.to_string()).unwrap_or_else(|| "未识别".into()),
        m.unit.map(|u| u.label()).unwrap_or("未识别"),
        r.doc.tables.len(),
        r.checks_run,
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Info)
    );
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let fs: Vec<_> = r.findings.iter().filter(|f| f.severity == sev).collect();
        if fs.is_empty() {
            continue;
        }
        let title = match sev {
            Severity::Error => "错误（已证实的矛盾）",
            Severity::Warning => "警告（很可能有误）",
            Severity::Info => "提示（无法核实）",
        };
        let _ = writeln!(s, "## {title}\n");
        for (i, f) in fs.iter().enumerate() {
            let rule = registry::by_code(f.code).map(|r| r.summary()).unwrap_or("");
            let _ = writeln!(s, "{}. **{} {}**：{}", i + 1, f.code, rule, f.message);
            let _ = writeln!(
                s,
                "   - 位置：{}",
                super::text::describe(src, &idx, &r.doc, &f.primary)
            );
            for rel in &f.related {
                let _ = writeln!(
                    s,
                    "   - 对照（{}）：{}",
                    rel.label,
                    super::text::describe(src, &idx, &r.doc, &rel.loc)
                );
            }
        }
        s.push('\n');
    }
    if !r.checks_skipped.is_empty() {
        let _ = writeln!(s, "## 未能核对\n");
        for k in &r.checks_skipped {
            let _ = writeln!(s, "- {}：{}", k.check, k.reason);
        }
    }
    let _ = writeln!(s, "\n*本报告由 budgetlint（预算公开核对器）在本机生成；金额按印刷精度的四舍五入区间核对，尾数误差不计为错误。*");
    s
}
