//! What a data row is from its own text: its role (合计 / 总计, 小计 or item), the kind of its code
//! (功能 / 经济 / 政府经济分类, or a unit), the side of a 收支总表 item.
use crate::model::*;
use crate::text::fast::{self, contains};

pub(super) fn code_kind(text: &str, head: &str) -> CodeKind {
    if contains(head, "单位") || contains(head, "部门代码") {
        return CodeKind::Organization;
    }
    let first = text.as_bytes().first().copied().unwrap_or(b'0');
    let three: u32 = text.get(..3).and_then(|s| s.parse().ok()).unwrap_or(0);
    match (first, text.len()) {
        (b'2', 3 | 5 | 7) if (201..=235).contains(&three) => CodeKind::Function,
        (b'3', 3 | 5) if (301..=399).contains(&three) => CodeKind::Economic,
        (b'5', 3 | 5) if (501..=599).contains(&three) => CodeKind::GovEconomic,
        _ => CodeKind::Organization,
    }
}

pub fn role_of(name: &str) -> RowRole {
    // cheap test first: both roles are named by a 计
    if !contains(name, "计") {
        return RowRole::Item;
    }
    // The name without white space, in one pass; normalize_name also strips leading list markers
    // and 其中, which hold neither 小 nor 计, so they cannot hide or make a 小计 or a final 合计 / 总计.
    let (mut before_last, mut last) = (' ', ' ');
    let mut subtotal = false;
    for c in name.chars().filter(|c| !fast::is_white_space(*c)) {
        subtotal |= last == '小' && c == '计';
        (before_last, last) = (last, c);
    }
    if last == '计'
        && matches!(before_last, '合' | '总')
        && matches!(&*crate::parse::normalized_name(name), "合计" | "总计")
    {
        RowRole::Total
    } else if subtotal {
        RowRole::Subtotal
    } else {
        RowRole::Item
    }
}

/// Income side (0) or expenditure side (1) of a 收支总表 item name when only one side is printed.
pub(super) fn side_of_name(name: &str) -> usize {
    let n = crate::parse::normalize_name(name);
    if n.contains("年末") || n.contains("年终") || n.contains("结转下年") {
        return 1;
    }
    if n.contains("收入")
        || n.contains("上年结转")
        || n.contains("年初")
        || (n.contains("拨款") && !n.contains("支出"))
    {
        0
    } else {
        1
    }
}
