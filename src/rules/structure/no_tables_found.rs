use crate::declare_rule;
use crate::report::Severity;
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 未识别到任何预算表
    ///
    /// ## 检查内容
    /// 输入为空、不是文本，或者文字中找不到任何带数据的预算附表（收支总表、收入总表、支出总表……）。
    /// ## 为什么重要
    /// 没有表格就无法核对；这通常说明粘贴的不是预算公开文件，或者复制时丢失了附表。
    /// ## 示例
    /// ```text,expect(P001)
    /// 今天天气很好。
    /// ```
    pub RULE = P001 "no-tables-found", Category::Structure, Severity::Warning;
}

/// Reported by the parser (`parse::parse`), not here.
pub(crate) fn check(_ctx: &Ctx, _out: &mut Sink) {}
