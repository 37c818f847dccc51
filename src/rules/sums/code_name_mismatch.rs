use crate::declare_rule;
use crate::model::CodeKind;
use crate::report::Severity;
use crate::rules::util::row_loc;
use crate::rules::{Category, Ctx, Sink};
use std::collections::BTreeMap;

declare_rule! {
    /// 同一科目编码在文件中名称不同
    ///
    /// ## 检查内容
    /// 同一个功能分类或经济分类编码，在文件的各张表里应当是同一个科目名称。名称只差空格、全角半角括号，
    /// 或一处因列宽被截短（一个是另一个的开头）时不算不同。
    /// ## 为什么重要
    /// 编码相同名称不同，说明有一处编码或名称抄错，按编码或按名称核对的结果会互相矛盾。
    /// ## 示例
    /// ```text,expect(S105)
    /// 部门预算收入总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	本年收入小计	财政拨款收入	上年结转
    /// 210	卫生健康支出	80.00	80.00	80.00
    ///
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 210	社会保障和就业支出	80.00	60.00	20.00
    /// ```
    /// ```text
    /// 部门预算收入总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	本年收入小计	财政拨款收入	上年结转
    /// 2101202	财政对城乡居民基本医疗保险基金的补助	80.00	80.00	80.00
    ///
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 2101202	财政对城乡居民基本医疗保险基金的补 助	80.00		80.00
    /// ```
    pub RULE = S105 "code-name-mismatch", Category::Sum, Severity::Warning;
}

fn canon(name: &str) -> String {
    crate::parse::normalize_name(name)
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    // the first name printed for each code, and where
    let mut first: BTreeMap<(CodeKind, String), (String, crate::report::Location, String)> =
        BTreeMap::new();
    // tables arranged by classification code (in project or procurement lists the name column is not the code's name)
    for t in ctx.doc.tables.iter().filter(|t| t.kind.is_coded()) {
        for (ri, r) in t.rows.iter().enumerate() {
            let Some(code) = &r.code else { continue };
            if !matches!(
                code.kind,
                CodeKind::Function | CodeKind::Economic | CodeKind::GovEconomic
            ) || r.name.trim().is_empty()
            {
                continue;
            }
            let name = canon(&r.name);
            let key = (code.kind, code.text.clone());
            match first.get(&key) {
                None => {
                    first.insert(key, (name, row_loc(t, ri), t.label()));
                }
                Some((n0, loc0, table0)) => {
                    if *n0 != name
                        && !n0.starts_with(name.as_str())
                        && !name.starts_with(n0.as_str())
                    {
                        out.report(
                            row_loc(t, ri),
                            format!(
                                "编码 {} 在「{}」中叫「{}」，在「{}」中叫「{}」",
                                code.text,
                                t.label(),
                                r.plain_name(),
                                table0,
                                n0
                            ),
                        )
                        .related(*loc0, "首次出现");
                    }
                }
            }
        }
    }
}
