use crate::declare_rule;
use crate::model::{ColKey, RowRole, Table, TableKind};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{amount_col, cell_loc, key_name, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};
use std::collections::BTreeMap;

declare_rule! {
    /// 同一数字在不同表中不一致
    ///
    /// ## 检查内容
    /// 同一部门（或同一单位）的表之间，同一个量印了两次就必须相等：
    /// 收入总表与支出总表中每个功能科目的合计；收支总表各支出功能类与支出总表对应的类；
    /// 财政拨款收支总表各类的一般公共预算数与一般公共预算支出表对应的类；一般公共预算支出表的基本支出合计与基本支出表合计；
    /// 全部收入都是一般公共预算拨款（无结转、无其他来源）时，收支总表各类与一般公共预算支出表对应的类。
    /// ## 为什么重要
    /// 表间不一致说明至少有一张表抄错，读者无法知道哪个数是真的。
    /// ## 示例
    /// ```text,expect(X201)
    /// 部门预算收入总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	本年收入小计	财政拨款收入	上年结转
    /// 	合计	80.00	80.00	80.00
    /// 210	卫生健康支出	80.00	80.00	80.00
    ///
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	90.00	70.00	20.00
    /// 210	卫生健康支出	90.00	70.00	20.00
    /// ```
    /// ```text
    /// 部门预算收入总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	本年收入小计	财政拨款收入	上年结转
    /// 	合计	90.00	90.00	90.00
    /// 210	卫生健康支出	90.00	90.00	90.00
    ///
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	90.00	70.00	20.00
    /// 210	卫生健康支出	90.00	70.00	20.00
    /// ```
    pub RULE = X201 "cross-table-mismatch", Category::Cross, Severity::Error;
}

type Series = BTreeMap<String, (Approx, Location)>;

/// Function-code amounts (Total column) of a coded table, keyed by code.
fn by_code(t: &Table, key: ColKey) -> Series {
    let mut m = Series::new();
    let Some(c) = t.col(key) else { return m };
    for (ri, r) in t.rows.iter().enumerate() {
        let Some(code) = &r.code else { continue };
        if code.kind != crate::model::CodeKind::Function
            || r.ambiguous
            || m.contains_key(&code.text)
        {
            continue;
        }
        if let Some(v) = val(r, c) {
            m.insert(
                code.text.clone(),
                (
                    v.convert(t.unit, crate::model::Unit::Wan),
                    cell_loc(t, ri, c),
                ),
            );
        }
    }
    if let Some(ri) = t
        .rows
        .iter()
        .position(|r| r.role == RowRole::Total && r.code.is_none())
    {
        if let Some(v) = val(&t.rows[ri], c) {
            m.insert(
                "合计".into(),
                (
                    v.convert(t.unit, crate::model::Unit::Wan),
                    cell_loc(t, ri, c),
                ),
            );
        }
    }
    m
}

/// Class amounts of a coded table keyed by class name (3-digit function codes).
fn classes_by_name(t: &Table, key: ColKey) -> Series {
    let mut m = Series::new();
    let Some(c) = t.col(key) else { return m };
    for (ri, r) in t.rows.iter().enumerate() {
        if r.code
            .as_ref()
            .is_some_and(|x| x.kind == crate::model::CodeKind::Function && x.text.len() == 3)
        {
            if let Some(v) = val(r, c) {
                m.entry(key_name(r)).or_insert((
                    v.convert(t.unit, crate::model::Unit::Wan),
                    cell_loc(t, ri, c),
                ));
            }
        }
    }
    m
}

/// Expenditure class amounts of a sided table (group 1, items ending in 支出 with a marker), by name.
fn sided_classes(t: &Table, key: Option<ColKey>) -> Series {
    let mut m = Series::new();
    let col = match key {
        Some(k) => t.col_in(1, k).or_else(|| amount_col(t, 1)),
        None => amount_col(t, 1),
    };
    let Some(c) = col else { return m };
    for (ri, r) in t.rows.iter().enumerate() {
        if r.group != 1 || crate::rules::sums::balance_mismatch::marker_style(&r.name) == 0 {
            continue;
        }
        let n = key_name(r);
        if n.contains("合计") || n.contains("总计") || n.contains("结转") {
            continue;
        }
        if let Some(v) = val(r, c) {
            m.entry(n).or_insert((
                v.convert(t.unit, crate::model::Unit::Wan),
                cell_loc(t, ri, c),
            ));
        }
    }
    m
}

/// Names match when one contains the other (卫生健康 / 卫生健康支出).
fn lookup<'a>(m: &'a Series, name: &str) -> Option<&'a (Approx, Location)> {
    m.get(name).or_else(|| {
        m.iter()
            .find(|(k, _)| {
                k.len() >= 6 && name.len() >= 6 && (k.contains(name) || name.contains(k.as_str()))
            })
            .map(|(_, v)| v)
    })
}

fn compare(
    out: &mut Sink,
    a_label: &str,
    a: &Series,
    b_label: &str,
    b: &Series,
    by_name: bool,
    what: &str,
) {
    for (k, (bv, bloc)) in b {
        let found = if by_name { lookup(a, k) } else { a.get(k) };
        let Some((av, aloc)) = found else { continue };
        if av.value.is_zero() && bv.value.is_zero() {
            continue;
        }
        let held = av.meets(*bv);
        out.checked(held, [*aloc, *bloc]);
        if !held {
            let f = out.report(
                *bloc,
                format!(
                    "{what}「{k}」：{b_label} {}万元 ≠ {a_label} {}万元（差 {}万元）",
                    amt(bv.value),
                    amt(av.value),
                    amt(bv.value - av.value)
                ),
            );
            f.amounts(av.value, bv.value)
                .related(*aloc, a_label.to_string());
        }
    }
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    for s in 0..doc.sections.len() {
        let first = |k: TableKind| tables(doc, s, k).next();
        let income = first(TableKind::IncomeSummary);
        let exp = first(TableKind::ExpenditureSummary);
        let gb = first(TableKind::GeneralBudgetExpenditure);
        let basic = first(TableKind::BasicExpenditure);
        let summary = first(TableKind::IncomeExpenditureSummary);
        let fiscal = first(TableKind::FiscalSummary);
        if let (Some(i), Some(e)) = (income, exp) {
            compare(
                out,
                &i.label(),
                &by_code(i, ColKey::Total),
                &e.label(),
                &by_code(e, ColKey::Total),
                false,
                "功能科目合计",
            );
        }
        if let (Some(sm), Some(e)) = (summary, exp) {
            compare(
                out,
                &sm.label(),
                &sided_classes(sm, None),
                &e.label(),
                &classes_by_name(e, ColKey::Total),
                true,
                "支出功能类",
            );
        }
        if let (Some(f), Some(g)) = (fiscal, gb) {
            compare(
                out,
                &f.label(),
                &sided_classes(f, Some(ColKey::GeneralBudget)),
                &g.label(),
                &classes_by_name(g, ColKey::Total),
                true,
                "一般公共预算支出类",
            );
        }
        // every 基本支出表 (there may be a detail table too) totals the general budget's 基本支出
        if let Some(g) = gb {
            if let Some(x) = by_code(g, ColKey::Basic).get("合计") {
                for b in tables(doc, s, TableKind::BasicExpenditure) {
                    if let Some(y) = total_of(b) {
                        let a = BTreeMap::from([("基本支出合计".to_string(), *x)]);
                        let b2 = BTreeMap::from([("基本支出合计".to_string(), y)]);
                        compare(out, &g.label(), &a, &b.label(), &b2, false, "基本支出");
                    }
                }
            }
        }
        let _ = basic;
        // income items printed in both 收支总表 and 财政拨款收支总表 (一般公共预算拨款, 其中：财政拨款 …)
        if let (Some(sm), Some(f)) = (summary, fiscal) {
            compare(
                out,
                &sm.label(),
                &income_items(sm),
                &f.label(),
                &income_items(f),
                false,
                "收入项目",
            );
        }
        // all income is general budget: the summary's classes equal the general budget table's
        if let (Some(sm), Some(g)) = (summary, gb) {
            if pure_general_budget(sm) {
                compare(
                    out,
                    &sm.label(),
                    &sided_classes(sm, None),
                    &g.label(),
                    &classes_by_name(g, ColKey::Total),
                    true,
                    "支出功能类",
                );
            } else {
                out.skip(
                    format!("{} 与 {}", sm.label(), g.label()),
                    "收入不全是一般公共预算拨款，两表口径不同",
                );
            }
        }
    }
}

/// Income side of a 收支总表: the general-budget item equals the grand total.
fn pure_general_budget(t: &Table) -> bool {
    let Some(c) = amount_col(t, 0) else {
        return false;
    };
    let gb = t
        .rows
        .iter()
        .find(|r| r.group == 0 && r.plain_name().contains("一般公共预算"))
        .and_then(|r| val(r, c));
    let total = t
        .rows
        .iter()
        .find(|r| r.group == 0 && r.plain_name().ends_with("总计"))
        .and_then(|r| val(r, c));
    matches!((gb, total), (Some(a), Some(b)) if !b.value.is_zero() && a.meets(b))
}

/// The 合计 row's total of a table (Total column, or its first column).
fn total_of(t: &Table) -> Option<(Approx, Location)> {
    let c = t.col(ColKey::Total).or_else(|| t.cols_in(0).next())?;
    let r = t.rows.iter().position(|r| r.role == RowRole::Total)?;
    val(&t.rows[r], c).map(|v| {
        (
            v.convert(t.unit, crate::model::Unit::Wan),
            cell_loc(t, r, c),
        )
    })
}

/// Income-side items of a sided table by normalised name (first occurrence; 上年结转 sub-items excluded).
fn income_items(t: &Table) -> Series {
    let mut m = Series::new();
    let Some(c) = amount_col(t, 0) else { return m };
    for (ri, r) in t.rows.iter().enumerate() {
        if r.group != 0 {
            continue;
        }
        let n = key_name(r);
        let n = n.strip_suffix("拨款").unwrap_or(&n).to_string();
        let n = n.strip_suffix("预算").unwrap_or(&n).to_string();
        if n.contains("合计") || n.contains("总计") || n.contains("结转") || n.contains("本年")
        {
            continue;
        }
        // only the first occurrence: 财政拨款收支总表 repeats fund names under 上年结转
        if let Some(v) = val(r, c) {
            m.entry(n).or_insert((
                v.convert(t.unit, crate::model::Unit::Wan),
                cell_loc(t, ri, c),
            ));
        }
    }
    m
}
