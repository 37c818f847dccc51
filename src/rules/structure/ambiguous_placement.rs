use crate::declare_rule;
use crate::report::Severity;
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 数值所在列无法唯一确定
    ///
    /// ## 检查内容
    /// 从 PDF 复制的文字里空单元格会消失，一行只剩几个数。解析器用本表的行恒等式（合计 = 基本支出 + 项目支出……）
    /// 和上下级科目之和去推断每个数在哪一列；仍有多种放法时，该行标为“无法确定”，涉及它的核对全部跳过。
    /// ## 为什么重要
    /// 猜错列会制造假错误；宁可说明“未能核对”，也不凭猜测下结论。
    /// ## 示例
    /// ```text,expect(P002)
    /// 部门预算支出总表
    /// 单位：万元
    /// 序号 功能分类科目 合计 基本支出 项目支出 经营支出 上解上级支出 对附属单位补助支出
    /// 栏次 1 2 3 4 5 6 7 8
    /// 1 合计 20.00 20.00
    /// 2 2101501 行政运行 20.00 20.00
    /// ```
    pub RULE = P002 "ambiguous-placement", Category::Structure, Severity::Info;
}

/// Reported by the parser (`parse::tables`), not here.
pub(crate) fn check(_ctx: &Ctx, _out: &mut Sink) {}
