use crate::text::fast::contains;
use serde::Serialize;
use std::borrow::Cow;

/// What a table is, recognised by what it contains rather than by one exact title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum TableKind {
    /// 收支总表
    IncomeExpenditureSummary,
    /// 收入总表
    IncomeSummary,
    /// 支出总表
    ExpenditureSummary,
    /// 财政拨款收支总表
    FiscalSummary,
    /// 一般公共预算(财政拨款)支出表
    GeneralBudgetExpenditure,
    /// 一般公共预算基本支出表
    BasicExpenditure,
    /// 支出经济分类汇总表
    EconomicSummary,
    /// “三公”经费表
    ThreePublic,
    /// 政府性基金支出表
    GovFundExpenditure,
    /// 国有资本经营支出表
    StateCapitalExpenditure,
    /// 项目支出表
    ProjectExpenditure,
    /// 机关运行经费表
    OperatingCost,
    /// 政府采购表
    Procurement,
    /// 固定资产表
    Assets,
    /// 绩效目标表
    Performance,
    /// 目录
    Contents,
    /// 机构设置 / 单位构成
    Organization,
    Other,
}

impl TableKind {
    pub fn label(self) -> &'static str {
        match self {
            TableKind::IncomeExpenditureSummary => "收支总表",
            TableKind::IncomeSummary => "收入总表",
            TableKind::ExpenditureSummary => "支出总表",
            TableKind::FiscalSummary => "财政拨款收支总表",
            TableKind::GeneralBudgetExpenditure => "一般公共预算支出表",
            TableKind::BasicExpenditure => "一般公共预算基本支出表",
            TableKind::EconomicSummary => "支出经济分类汇总表",
            TableKind::ThreePublic => "“三公”经费表",
            TableKind::GovFundExpenditure => "政府性基金支出表",
            TableKind::StateCapitalExpenditure => "国有资本经营支出表",
            TableKind::ProjectExpenditure => "项目支出表",
            TableKind::OperatingCost => "机关运行经费表",
            TableKind::Procurement => "政府采购表",
            TableKind::Assets => "固定资产表",
            TableKind::Performance => "绩效目标表",
            TableKind::Contents => "目录",
            TableKind::Organization => "机构设置",
            TableKind::Other => "其他表",
        }
    }

    /// Classify a printed title. Order matters: the most specific words first.
    pub fn from_title(title: &str) -> TableKind {
        let t = without_white_space(title);
        let has = |w: &str| contains(&t, w);
        if has("目录") && t.chars().count() <= 12 {
            TableKind::Contents
        } else if has("三公") {
            TableKind::ThreePublic
        } else if has("绩效目标") || has("绩效指标") || has("绩效自评") {
            TableKind::Performance
        } else if has("政府采购") {
            TableKind::Procurement
        } else if has("资产") {
            TableKind::Assets
        } else if has("运行经费") {
            TableKind::OperatingCost
        } else if has("政府性基金") || has("政府基金") {
            TableKind::GovFundExpenditure
        } else if has("国有资本经营") {
            TableKind::StateCapitalExpenditure
        } else if has("财政拨款收支") || has("财政拨款收入支出") {
            // (决算 templates name them 财政拨款收入支出决算总表 and 收入支出决算总表: corpus 11, 15)
            TableKind::FiscalSummary
        } else if has("收支总表")
            || has("收支预算表")
            || has("收支预算总表")
            || has("收入支出决算总表")
            || has("收入支出总表")
        {
            TableKind::IncomeExpenditureSummary
        } else if has("收入总表") || has("收入预算表") {
            TableKind::IncomeSummary
        } else if has("项目支出") || has("专项业务经费") || has("项目表") {
            TableKind::ProjectExpenditure
        } else if has("经济分类汇总") {
            TableKind::EconomicSummary
        } else if has("基本支出") {
            TableKind::BasicExpenditure
        } else if has("一般公共预算") && has("支出") {
            TableKind::GeneralBudgetExpenditure
        } else if has("支出总表") || has("支出预算表") {
            TableKind::ExpenditureSummary
        } else if has("机构设置") || has("单位构成") {
            TableKind::Organization
        } else {
            TableKind::Other
        }
    }

    /// Tables whose rows are classification codes (功能分类 or 经济分类).
    pub fn is_coded(self) -> bool {
        matches!(
            self,
            TableKind::IncomeSummary
                | TableKind::ExpenditureSummary
                | TableKind::GeneralBudgetExpenditure
                | TableKind::BasicExpenditure
                | TableKind::EconomicSummary
                | TableKind::GovFundExpenditure
                | TableKind::StateCapitalExpenditure
        )
    }

    /// Tables printed as several side-by-side (item, amount…) groups: 收入 | 支出.
    pub fn is_sided(self) -> bool {
        matches!(
            self,
            TableKind::IncomeExpenditureSummary | TableKind::FiscalSummary
        )
    }
}

/// The meaning of a value column, where we know it. The printed header text is kept beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ColKey {
    /// 合计 / 总计 (the row total)
    Total,
    /// 小计 inside a group (本年收入小计, 人员经费小计…)
    Subtotal,
    /// 预算数 / 金额 of a sided table
    Amount,
    Basic,
    Project,
    Personnel,
    Public,
    /// 上年结转(结余)
    CarryOver,
    /// 财政拨款(收入)
    Fiscal,
    GeneralBudget,
    GovFund,
    StateCapital,
    SpecialAccount,
    Business,
    BusinessOperating,
    Superior,
    Subsidiary,
    OtherIncome,
    /// 经营支出
    OperatingExpenditure,
    /// 上缴/上解上级支出
    RemitUpper,
    /// 对附属单位补助支出
    SubsidyToSubsidiary,
    LastYear,
    Change,
    ChangePercent,
    Quantity,
    UnitPrice,
    /// any other amount column
    Other,
}

impl ColKey {
    /// The sources of income (收入总表's 本年收入 columns): 小计 is their sum.
    pub const INCOME_SOURCES: [ColKey; 10] = [
        ColKey::Fiscal,
        ColKey::GeneralBudget,
        ColKey::GovFund,
        ColKey::StateCapital,
        ColKey::SpecialAccount,
        ColKey::Business,
        ColKey::BusinessOperating,
        ColKey::Superior,
        ColKey::Subsidiary,
        ColKey::OtherIncome,
    ];

    /// Recognise a column from its header path (all header texts above it, outermost first).
    pub fn from_header(path: &[&str]) -> ColKey {
        let leaf = without_white_space(path.last().copied().unwrap_or(""));
        let all = || -> String {
            path.iter()
                .flat_map(|s| s.chars())
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let l = |w: &str| contains(&leaf, w);
        let parents = &path[..path.len().saturating_sub(1)];
        let parent_has = |w: &str| parents.iter().any(|p| contains(&without_white_space(p), w));
        // "其中：财政拨款" is part of the column before it, not an item of its own
        if leaf.starts_with("其中") {
            return ColKey::Other;
        }
        if l("上年") && (l("结转") || l("结余") || l("余额")) && !l("财政拨款") {
            return ColKey::CarryOver;
        }
        // the total of a group of the 收入总表: 本年收入/合计, 上年结转结余/合计
        if l("合计") || l("小计") {
            let parent = parents.last().map(|p| without_white_space(p));
            let parent = parent.as_deref().unwrap_or("");
            if contains(parent, "本年收入") {
                return ColKey::Subtotal;
            }
            if contains(parent, "上年结转") || contains(parent, "上年结余") {
                return ColKey::CarryOver;
            }
        }
        // the funds a total or a carry-over is split into (合计/一般公共预算, 上年结转/政府性基金) are
        // not sources of this year's income
        let fund = l("一般公共预算")
            || l("公共预算拨款")
            || l("政府性基金")
            || l("国有资本经营")
            || l("财政专户")
            || l("财政拨款");
        if fund
            && (parent_has("上年结转")
                || parent_has("上年结余")
                || parents
                    .last()
                    .is_some_and(|p| matches!(&*without_white_space(p), "合计" | "总计")))
        {
            return ColKey::Other;
        }
        if l("上年") || l("上年预算") {
            return ColKey::LastYear;
        }
        if l("增减") && (l("%") || l("率") || l("幅")) {
            return ColKey::ChangePercent;
        }
        if l("增减") || l("变动") {
            return ColKey::Change;
        }
        if l("数量") {
            return ColKey::Quantity;
        }
        if l("单价") {
            return ColKey::UnitPrice;
        }
        if l("小计") {
            // 小计 under a named group means that group (一般公共预算/小计 = 一般公共预算)
            if let Some(parent) = path.len().checked_sub(2).map(|i| path[i]) {
                let k = ColKey::from_header(&[parent]);
                if matches!(
                    k,
                    ColKey::GeneralBudget
                        | ColKey::Basic
                        | ColKey::Project
                        | ColKey::Personnel
                        | ColKey::Public
                ) {
                    return k;
                }
            }
            return ColKey::Subtotal;
        }
        if l("合计") || l("总计") {
            if path.len() > 1
                && path[..path.len() - 1]
                    .iter()
                    .any(|p| p.contains("基本支出"))
                && !all().starts_with("总计")
            {
                return ColKey::Basic;
            }
            if path.len() > 1
                && path[..path.len() - 1]
                    .iter()
                    .any(|p| p.contains("项目支出"))
            {
                return ColKey::Project;
            }
            return ColKey::Total;
        }
        if l("基本支出") {
            return ColKey::Basic;
        }
        if l("项目支出") || l("专项业务经费") || l("专项经费") {
            return ColKey::Project;
        }
        if l("人员经费") {
            return ColKey::Personnel;
        }
        if l("公用经费") {
            return ColKey::Public;
        }
        if l("经营支出") {
            return ColKey::OperatingExpenditure;
        }
        if l("上解") || l("上缴上级") {
            return ColKey::RemitUpper;
        }
        // (before 对附属单位: "对附属单位上缴收入" is printed for 附属单位上缴收入)
        if l("附属单位上缴") {
            return ColKey::Subsidiary;
        }
        if l("对附属单位") {
            return ColKey::SubsidyToSubsidiary;
        }
        if l("上级补助") {
            return ColKey::Superior;
        }
        if l("财政专户") {
            return ColKey::SpecialAccount;
        }
        if l("事业单位经营") || l("经营收入") {
            return ColKey::BusinessOperating;
        }
        if l("事业收入") {
            return ColKey::Business;
        }
        if l("其他收入") {
            return ColKey::OtherIncome;
        }
        if l("政府性基金") {
            return ColKey::GovFund;
        }
        if l("国有资本经营") {
            return ColKey::StateCapital;
        }
        if l("一般公共预算") || l("公共预算拨款") {
            return ColKey::GeneralBudget;
        }
        if l("财政拨款") {
            return ColKey::Fiscal;
        }
        if l("预算数") || l("金额") || l("预算") {
            return ColKey::Amount;
        }
        ColKey::Other
    }

    pub fn label(self) -> &'static str {
        match self {
            ColKey::Total => "合计",
            ColKey::Subtotal => "小计",
            ColKey::Amount => "金额",
            ColKey::Basic => "基本支出",
            ColKey::Project => "项目支出",
            ColKey::Personnel => "人员经费",
            ColKey::Public => "公用经费",
            ColKey::CarryOver => "上年结转",
            ColKey::Fiscal => "财政拨款",
            ColKey::GeneralBudget => "一般公共预算",
            ColKey::GovFund => "政府性基金",
            ColKey::StateCapital => "国有资本经营",
            ColKey::SpecialAccount => "财政专户",
            ColKey::Business => "事业收入",
            ColKey::BusinessOperating => "经营收入",
            ColKey::Superior => "上级补助",
            ColKey::Subsidiary => "附属单位上缴",
            ColKey::OtherIncome => "其他收入",
            ColKey::OperatingExpenditure => "经营支出",
            ColKey::RemitUpper => "上缴上级支出",
            ColKey::SubsidyToSubsidiary => "对附属单位补助支出",
            ColKey::LastYear => "上年数",
            ColKey::Change => "增减",
            ColKey::ChangePercent => "增减率",
            ColKey::Quantity => "数量",
            ColKey::UnitPrice => "单价",
            ColKey::Other => "其他",
        }
    }

    /// Columns that are usually filled in a department's tables. Used only as an explicit,
    /// documented preference when vanished cells leave several placements (see parse::place).
    pub fn is_common(self) -> bool {
        matches!(
            self,
            ColKey::Total
                | ColKey::Subtotal
                | ColKey::Amount
                | ColKey::Basic
                | ColKey::Project
                | ColKey::Personnel
                | ColKey::Public
                | ColKey::CarryOver
                | ColKey::Fiscal
                | ColKey::GeneralBudget
        )
    }
}

/// Classification scheme of a row code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum CodeKind {
    /// 支出功能分类 (2xx, 5/7 digits)
    Function,
    /// 部门预算支出经济分类 (3xx / 3xxxx)
    Economic,
    /// 政府预算支出经济分类 (5xx / 5xxxx)
    GovEconomic,
    /// 单位/部门代码 (e.g. 614001)
    Organization,
}

/// The text without white space (borrowed when it has none).
fn without_white_space(t: &str) -> Cow<'_, str> {
    if crate::text::fast::has_white_space(t) {
        Cow::Owned(t.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(t)
    }
}
