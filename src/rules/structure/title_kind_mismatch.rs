use crate::declare_rule;
use crate::model::{ColKey, Table, TableKind};
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 表的标题与内容不符
    ///
    /// ## 检查内容
    /// 标题是“支出总表”，列却是收入来源（财政拨款、事业收入、其他收入、上年结转……），没有基本支出、项目支出；
    /// 或者标题是“收入总表”，列却是基本支出、项目支出。这通常说明把另一张表放错了位置，本该公开的表实际缺失。
    /// ## 为什么重要
    /// 读者按标题找数据，标题与内容不符等于这张表没有公开。
    /// ## 示例
    /// ```text,expect(P007)
    /// 部门预算支出总表
    /// 单位：万元
    /// 单位编码	单位名称	合计	财政拨款	事业收入	其他收入	上年结转
    /// 	合计	10.00	10.00
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	10.00
    /// ```
    pub RULE = P007 "title-kind-mismatch", Category::Structure, Severity::Warning;
}

const INCOME: [ColKey; 9] = [
    ColKey::Fiscal,
    ColKey::SpecialAccount,
    ColKey::Business,
    ColKey::BusinessOperating,
    ColKey::Superior,
    ColKey::Subsidiary,
    ColKey::OtherIncome,
    ColKey::CarryOver,
    ColKey::GovFund,
];
const SPENDING: [ColKey; 4] = [
    ColKey::Basic,
    ColKey::Project,
    ColKey::Personnel,
    ColKey::Public,
];

fn count(t: &Table, keys: &[ColKey]) -> usize {
    t.columns.iter().filter(|c| keys.contains(&c.key)).count()
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        let (inc, sp) = (count(t, &INCOME), count(t, &SPENDING));
        let msg = match t.kind {
            TableKind::ExpenditureSummary if inc >= 3 && sp == 0 => {
                "标题是支出总表，但各列是收入来源（像收入总表），没有基本支出、项目支出"
            }
            TableKind::IncomeSummary if sp >= 2 && inc == 0 => {
                "标题是收入总表，但各列是基本支出、项目支出（像支出总表），没有收入来源"
            }
            _ => continue,
        };
        out.report(
            Location::text(t.title_span),
            format!("「{}」{msg}", t.label()),
        );
    }
}
