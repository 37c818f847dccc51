//! What a column of a grid table is: its role (序号, code, name, value or skipped), the label of
//! its group (收入 / 支出), and the years its header names.
use crate::parse::records::Rec;

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum ColRole {
    Seq,
    Code,
    Name,
    Value,
    Skip,
}

pub(super) fn is_seq_column(data: &[&Rec], j: usize) -> bool {
    let mut prev = 0u32;
    let mut n = 0;
    for r in data {
        if let Some(v) = r.cells.get(j).and_then(|c| c.text.parse::<u32>().ok()) {
            if v != prev + 1 && v != 1 {
                return false;
            }
            prev = v;
            n += 1;
        }
    }
    n >= 2
}

pub(super) fn group_label(hrows: &[&Rec], roles: &[ColRole], group_of: &[u8], g: u8) -> String {
    for h in hrows {
        for (j, c) in h.cells.iter().enumerate() {
            if group_of.get(j) == Some(&g) && !c.is_empty() && roles.get(j).is_some() {
                let t: String = c.text.chars().filter(|c| !c.is_whitespace()).collect();
                if t == "收入" || t == "支出" || t.contains("分类") {
                    return t;
                }
            }
        }
    }
    match g {
        0 => "收入".into(),
        _ => "支出".into(),
    }
}

/// Years written as "2024年" in a text.
pub(super) fn years(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.match_indices('年').filter_map(move |(i, _)| {
        let d = text.get(i.checked_sub(4)?..i)?;
        d.parse::<i32>().ok().filter(|y| (1990..2100).contains(y))
    })
}
