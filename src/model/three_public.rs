//! The items of a “三公” table, shared by the parser (which re-identifies shifted columns) and the
//! rules (which check the items' sums and compare them with the narrative).
/// A “三公” item, or the 会议费 / 培训费 printed beside them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ThreePublicItem {
    /// 合计 of 三公 + 会议费 + 培训费
    Grand,
    /// “三公”经费 合计 / 小计
    Total,
    Abroad,
    Car,
    CarBuy,
    CarRun,
    Reception,
    Meeting,
    Training,
}

impl ThreePublicItem {
    pub const ALL: [ThreePublicItem; 9] = [
        ThreePublicItem::Grand,
        ThreePublicItem::Total,
        ThreePublicItem::Abroad,
        ThreePublicItem::Car,
        ThreePublicItem::CarBuy,
        ThreePublicItem::CarRun,
        ThreePublicItem::Reception,
        ThreePublicItem::Meeting,
        ThreePublicItem::Training,
    ];

    /// The item's name in messages.
    pub fn label(self) -> &'static str {
        match self {
            ThreePublicItem::Grand => "合计",
            ThreePublicItem::Total => "“三公”经费",
            ThreePublicItem::Abroad => "因公出国（境）费",
            ThreePublicItem::Car => "公务用车购置及运行费",
            ThreePublicItem::CarBuy => "公务用车购置费",
            ThreePublicItem::CarRun => "公务用车运行维护费",
            ThreePublicItem::Reception => "公务接待费",
            ThreePublicItem::Meeting => "会议费",
            ThreePublicItem::Training => "培训费",
        }
    }

    /// The column header the parser writes for a re-identified column (a 小计 leaf under its
    /// parent, which is how [`ThreePublicItem::of_name`] reads headers back).
    pub fn header(self) -> &'static str {
        match self {
            ThreePublicItem::Grand => "合计",
            ThreePublicItem::Total => "“三公”经费/小计",
            ThreePublicItem::Abroad => "因公出国（境）费",
            ThreePublicItem::Car => "公务用车购置及运行维护费/小计",
            ThreePublicItem::CarBuy => "公务用车购置费",
            ThreePublicItem::CarRun => "公务用车运行维护费",
            ThreePublicItem::Reception => "公务接待费",
            ThreePublicItem::Meeting => "会议费",
            ThreePublicItem::Training => "培训费",
        }
    }

    /// The item a row name or a header cell names, if any.
    pub fn of_name(name: &str) -> Option<ThreePublicItem> {
        let n = crate::parse::normalize_name(name);
        if n.contains("教学科研") || n.contains("其他因公出国") {
            None
        } else if n.contains("因公出国") {
            Some(ThreePublicItem::Abroad)
        } else if n.contains("购置及运") {
            Some(ThreePublicItem::Car)
        } else if n.contains("公务用车购置") {
            Some(ThreePublicItem::CarBuy)
        } else if n.contains("公务用车运行") || n.contains("运行维护") {
            Some(ThreePublicItem::CarRun)
        } else if n.contains("公务接待") {
            Some(ThreePublicItem::Reception)
        } else if n.contains("会议费") {
            Some(ThreePublicItem::Meeting)
        } else if n.contains("培训费") {
            Some(ThreePublicItem::Training)
        } else if n.contains("三公") {
            Some(ThreePublicItem::Total)
        } else if n == "合计" || n == "总计" {
            Some(ThreePublicItem::Grand)
        } else {
            None
        }
    }
}

/// A top header that names a year block of columns: 上年 / 本年 / 当年 / 增减变化情况 / 2023年.
pub fn is_year_block(label: &str) -> bool {
    ["上年", "本年", "当年", "增减", "变化", "年"]
        .iter()
        .any(|w| label.contains(w))
}
