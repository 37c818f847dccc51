use crate::declare_rule;
use crate::report::Severity;
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 单元格内容无法作为金额读取
    ///
    /// ## 检查内容
    /// 金额列里出现了不是数字的内容，或者一行的数比表头的列还多。这些值不参与核对。
    /// ## 为什么重要
    /// 这类值没有进入任何核对，读者需要知道哪些数没有被检查。
    /// ## 示例
    /// ```text,expect(P003)
    /// 部门预算一般公共预算支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	10.00	十元	0.00
    /// 208	社会保障和就业支出	10.00	10.00	0.00
    /// 210	卫生健康支出	0.00	0.00	0.00
    /// ```
    pub RULE = P003 "unreadable-value", Category::Structure, Severity::Info;
}

/// Reported by the parser (`parse::tables`), not here.
pub(crate) fn check(_ctx: &Ctx, _out: &mut Sink) {}
