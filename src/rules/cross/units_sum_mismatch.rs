use crate::declare_rule;
use crate::model::{Row, SectionKind, Table, TableKind};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};
use std::collections::HashMap;

declare_rule! {
    /// 部门数不等于所属各单位之和
    ///
    /// ## 检查内容
    /// 文件同时公开部门预算和各单位预算时，部门的每张表、每一行、每一列都应等于各单位同一张表同一行同一列之和
    /// （行按科目编码或项目名称对应）。
    /// ## 为什么重要
    /// 部门预算由所属单位汇总而来；对不上说明部门表或某个单位表有误。
    /// ## 示例
    /// ```text,expect(X202)
    /// 部门预算支出总表
    /// 450测试局
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	30.00	30.00
    /// 单位预算支出总表
    /// 450001测试局本级
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	10.00
    /// 单位预算支出总表
    /// 450002测试中心
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	10.00
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 450测试局
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	20.00	20.00
    /// 单位预算支出总表
    /// 450001测试局本级
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	10.00
    /// 单位预算支出总表
    /// 450002测试中心
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	10.00
    /// ```
    pub RULE = X202 "units-sum-mismatch", Category::Cross, Severity::Error;
}

fn key(r: &Row) -> (u8, String) {
    (
        r.group,
        r.code
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_else(|| r.plain_name()),
    )
}

/// Per key: how often it is printed and its first row.
fn key_index(keys: &[(u8, String)]) -> HashMap<&(u8, String), (usize, usize)> {
    let mut m: HashMap<&(u8, String), (usize, usize)> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        m.entry(k).or_insert((0, i)).0 += 1;
    }
    m
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    let units: Vec<usize> = (0..doc.sections.len())
        .filter(|&s| doc.sections[s].kind == SectionKind::Unit)
        .collect();
    if units.len() < 2 {
        return;
    }
    let Some(dept) =
        (0..doc.sections.len()).find(|&s| doc.sections[s].kind == SectionKind::Department)
    else {
        return;
    };
    // the first table of each (section, kind), found once
    let mut first: HashMap<(usize, TableKind), &Table> = HashMap::new();
    for x in &doc.tables {
        first.entry((x.section, x.kind)).or_insert(x);
    }
    for t in doc.tables.iter().filter(|t| {
        t.section == dept && (t.kind.is_coded() || t.kind.is_sided()) && !t.rows.is_empty()
    }) {
        let parts: Vec<&Table> = units
            .iter()
            .filter_map(|&u| first.get(&(u, t.kind)).copied())
            .collect();
        if parts.len() != units.len() {
            out.skip(
                format!("{} 部门 = Σ 单位", t.label()),
                "不是每个单位都公开了这张表",
            );
            continue;
        }
        if parts.iter().any(|p| p.columns.len() != t.columns.len()) {
            out.skip(
                format!("{} 部门 = Σ 单位", t.label()),
                "部门表与单位表的列不同",
            );
            continue;
        }
        // keys computed once per table (names are normalised, which allocates)
        let dept_keys: Vec<(u8, String)> = t.rows.iter().map(key).collect();
        let part_keys: Vec<Vec<(u8, String)>> = parts
            .iter()
            .map(|p| p.rows.iter().map(key).collect())
            .collect();
        let dept_index = key_index(&dept_keys);
        let part_index: Vec<_> = part_keys.iter().map(|ks| key_index(ks)).collect();
        for (ri, r) in t.rows.iter().enumerate() {
            if r.ambiguous {
                continue;
            }
            let k = &dept_keys[ri];
            // a key printed twice (e.g. repeated names) cannot be matched
            let count = |m: &HashMap<&(u8, String), (usize, usize)>| m.get(k).map_or(0, |e| e.0);
            if count(&dept_index) > 1 || part_index.iter().any(|m| count(m) > 1) {
                continue;
            }
            // (each part prints the key at most once)
            let matches: Vec<(&Table, usize)> = parts
                .iter()
                .zip(&part_index)
                .filter_map(|(p, m)| m.get(k).map(|&(_, i)| (*p, i)))
                .filter(|(p, i)| !p.rows[*i].ambiguous)
                .collect();
            for c in t.cols_in(r.group) {
                let Some(dv) = val(r, c) else { continue };
                let Some(sum) = matches
                    .iter()
                    .map(|(p, i)| val(&p.rows[*i], c))
                    .sum::<Option<Approx>>()
                else {
                    continue;
                };
                if r.cell(c).is_none() && matches.iter().all(|(p, i)| p.rows[*i].cell(c).is_none())
                {
                    continue;
                }
                if !dv.meets(sum) {
                    let f = out.report(
                        cell_loc(t, ri, c),
                        format!(
                            "{}「{}」列「{}」部门数 {} ≠ 各单位之和 {}（差 {}）",
                            t.label(),
                            r.plain_name(),
                            t.columns[c].key.label(),
                            amt(dv.value),
                            amt(sum.value),
                            amt(dv.value - sum.value)
                        ),
                    );
                    f.amounts(sum.value, dv.value);
                    for (p, i) in &matches {
                        if p.rows[*i].cell(c).is_some() {
                            f.related(cell_loc(p, *i, c), "单位数");
                        }
                    }
                }
            }
        }
    }
}
