//! Reading a table whose records are cells in columns (Word export, tab rows, the grid readers'
//! records): column roles from the data, header labels carried over merged cells, sides, then each
//! row's 序号, codes, name and amounts; header keys the table's identities contradict are re-keyed
//! (`templates.rs`).
use super::body::Builder;
use super::columns::{group_label, is_seq_column, years, ColRole};
use super::rows::{code_kind, role_of};
use super::templates::{apply_templates, rekey_by_identities};
use crate::model::*;
use crate::parse::lines::Tok;
use crate::parse::number::{is_dash, parse_amount};
use crate::parse::records::Rec;
use crate::parse::{Diags, P_UNALIGNED};
use crate::report::Location;
use crate::text::fast::contains;
use crate::text::Span;

impl<'a, 's> Builder<'a, 's> {
    pub(super) fn grid(&self, table: &mut Table, diags: &mut Diags) {
        let width = self
            .header
            .iter()
            .chain(self.data.iter())
            .map(|r| {
                r.cells
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .map(|p| p + 1)
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        // each column's header texts, top down
        let heads: Vec<Vec<&str>> = (0..width)
            .map(|j| {
                self.header
                    .iter()
                    .filter(|h| h.grid)
                    .filter_map(|h| h.cells.get(j))
                    .map(|c| c.text)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();
        // and run together, for the rows' code columns
        let head_plain: Vec<String> = heads.iter().map(|h| h.concat()).collect();
        // classify columns by their data
        let mut roles = Vec::with_capacity(width);
        for (j, head) in heads.iter().enumerate() {
            let (mut amt, mut code, mut text, mut ints) = (0, 0, 0, 0);
            for r in &self.data {
                let Some(c) = r.cells.get(j) else { continue };
                let t = c.text;
                if t.is_empty() {
                    continue;
                }
                if parse_amount(t, false).is_some() || is_dash(t) {
                    amt += 1;
                } else if t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 9 {
                    if t.len() <= 3 && !t.starts_with('0') {
                        ints += 1;
                    }
                    code += 1;
                } else if parse_amount(t, true).is_some() {
                    amt += 1;
                } else {
                    text += 1;
                }
            }
            let head = head.join("/");
            let role = if head.contains("序号")
                || (j == 0
                    && ints > 0
                    && ints == code
                    && text == 0
                    && amt == 0
                    && is_seq_column(&self.data, j))
            {
                ColRole::Seq
            } else if (head.contains("备注") || head.contains("说明")) && amt <= text {
                // (a column of amounts under a header cell that also holds 备注 is an amount
                // column whose header the layout glued to the empty 备注 column beside it:
                // corpus 26's 表6 "专项业务经费支出  备注")
                ColRole::Skip
            } else if (head.ends_with("数量") || head.contains("单价"))
                && amt + code > 0
                && text == 0
            {
                // small integers that are counts, not codes
                ColRole::Value
            } else if amt > 0 && amt >= text && amt >= code {
                ColRole::Value
            } else if code > 0 && code >= text {
                ColRole::Code
            } else if text > 0 {
                ColRole::Name
            } else {
                ColRole::Value // empty column: a value column nobody filled (decided below)
            };
            roles.push(role);
        }
        // empty leading columns before the first name/code are not values
        let first_label = roles
            .iter()
            .position(|r| matches!(r, ColRole::Name | ColRole::Code | ColRole::Seq));
        for (j, role) in roles.iter_mut().enumerate() {
            if *role == ColRole::Value
                && first_label.is_some_and(|f| j < f)
                && self
                    .data
                    .iter()
                    .all(|r| r.cells.get(j).is_none_or(|c| c.is_empty()))
            {
                *role = ColRole::Skip;
            }
        }
        // groups: a name column after value columns starts a new side
        let sided = table.kind.is_sided()
            || (table.kind == TableKind::Other
                && roles
                    .windows(2)
                    .filter(|w| w[0] == ColRole::Value && w[1] == ColRole::Name)
                    .count()
                    >= 1);
        let mut group_of = vec![0u8; width];
        let mut g = 0u8;
        let mut seen_value = false;
        for j in 0..width {
            if roles[j] == ColRole::Name && seen_value {
                if sided {
                    g += 1;
                    seen_value = false;
                } else {
                    roles[j] = ColRole::Skip;
                }
            }
            if roles[j] == ColRole::Value
                && (sided
                    || self
                        .data
                        .iter()
                        .any(|r| r.cells.get(j).is_some_and(|c| !c.is_empty())))
            {
                seen_value = true;
            }
            group_of[j] = g;
        }
        // header labels: carry group labels of upper header rows to the right over empty cells
        let hrows: Vec<&Rec> = self.header.iter().copied().filter(|h| h.grid).collect();
        let mut carried: Vec<Vec<&str>> = vec![Vec::new(); width];
        for (hi, h) in hrows.iter().enumerate() {
            let last = hi + 1 == hrows.len();
            let mut cur = "";
            for j in 0..width {
                let t = h.cells.get(j).map(|c| c.text).unwrap_or("");
                // a merged label ends where a label of an upper row starts (会议费 after
                // “三公”经费's 公务用车购置及运行维护费)
                if hrows[..hi]
                    .iter()
                    .any(|u| u.cells.get(j).is_some_and(|c| !c.is_empty()))
                {
                    cur = "";
                }
                if !t.is_empty() {
                    cur = t;
                    carried[j].push(cur);
                } else if !last
                    && !cur.is_empty()
                    && roles[j] == ColRole::Value
                    && j > 0
                    && roles[j - 1] == ColRole::Value
                {
                    carried[j].push(cur);
                }
            }
        }
        // every row printed one cell right of its header (“合计 | ” over “ | 19.20”): a column
        // headed in the last header row but empty in every row, then a column with data whose
        // only header is the group label carried over it. The data column is the headed one.
        let filled = |j: usize| {
            self.data
                .iter()
                .any(|r| r.cells.get(j).is_some_and(|c| !c.is_empty()))
        };
        let own_head = |j: usize| {
            hrows
                .last()
                .and_then(|h| h.cells.get(j))
                .is_some_and(|c| !c.is_empty())
        };
        for j in 0..width.saturating_sub(1) {
            if roles[j] == ColRole::Value
                && roles[j + 1] == ColRole::Value
                && own_head(j)
                && !own_head(j + 1)
                && !filled(j)
                && filled(j + 1)
                && carried[j + 1].len() < carried[j].len()
                && carried[j].starts_with(&carried[j + 1])
                && (j + 2..width).all(|k| roles[k] != ColRole::Value || !filled(k))
            {
                carried[j + 1] = std::mem::take(&mut carried[j]);
                roles[j] = ColRole::Skip;
            }
        }
        let mut col_index = vec![usize::MAX; width];
        for j in 0..width {
            if roles[j] != ColRole::Value {
                continue;
            }
            let path = &carried[j];
            let key = ColKey::from_header(path);
            col_index[j] = table.columns.len();
            table.columns.push(Column {
                key,
                header: path.join("/"),
                group: group_of[j],
            });
        }
        // a column headed with an earlier year ("2024年预算数" in a 2025 budget) is last year's
        if let Some(y) = self.year {
            for c in table.columns.iter_mut() {
                if years(&c.header).any(|x| x < y)
                    && !matches!(c.key, ColKey::Change | ColKey::ChangePercent)
                {
                    c.key = ColKey::LastYear;
                }
            }
        }
        apply_templates(table);
        // several text columns (项目单位 / 类型 / 项目名称): the one headed 名称 names the row, one
        // headed 类型 / 类别 gives its category
        let mut name_col = vec![None; g as usize + 1];
        let mut cat_col = vec![None; g as usize + 1];
        for gi in 0..=g {
            let names: Vec<usize> = (0..width)
                .filter(|&j| roles[j] == ColRole::Name && group_of[j] == gi)
                .collect();
            if names.len() > 1 {
                name_col[gi as usize] = names
                    .iter()
                    .copied()
                    .find(|&j| head_plain[j].contains("名称"));
                cat_col[gi as usize] = names.iter().copied().find(|&j| {
                    let h = &head_plain[j];
                    h.contains("类型") || h.contains("类别")
                });
            }
        }
        let mut last_category: Vec<Option<String>> = vec![None; g as usize + 1];
        table.groups = (0..=g)
            .map(|gi| group_label(&hrows, &roles, &group_of, gi))
            .collect();
        // rows
        for (ri, r) in self.data.iter().enumerate() {
            for gi in 0..=g {
                let mut row = Row {
                    span: r.span,
                    seq: None,
                    code: None,
                    name: String::new(),
                    name_span: Span::empty(r.span.start as usize),
                    role: RowRole::Item,
                    group: gi,
                    cells: vec![None; table.columns.len()],
                    ambiguous: false,
                    category: None,
                    econ_code: None,
                };
                let mut code_parts: Vec<Tok> = Vec::new();
                let mut org_code: Option<Tok> = None;
                let mut code_closed = false;
                let mut econ_parts: Vec<Tok> = Vec::new();
                let mut any = false;
                // text of another name column, for a row whose 名称 cell is blank (“合计”)
                let mut other_name: Option<Tok> = None;
                for j in 0..width {
                    if group_of[j] != gi && roles[j] != ColRole::Seq {
                        continue;
                    }
                    let Some(c) = r.cells.get(j) else { continue };
                    if c.is_empty() {
                        continue;
                    }
                    match roles[j] {
                        ColRole::Seq => row.seq = c.text.parse().ok(),
                        ColRole::Code => {
                            let head = &head_plain[j];
                            if contains(head, "单位")
                                || contains(head, "部门代码")
                                || (!code_parts.is_empty() && is_org(c.text))
                            {
                                org_code = Some(*c);
                            } else if !code_closed
                                && code_parts.len() < 3
                                && (code_parts.is_empty()
                                    || c.text.len() <= 2
                                    || code_parts.iter().all(|p| p.text.len() + c.text.len() <= 5))
                            {
                                code_parts.push(*c);
                            } else {
                                // a second code scheme (政府经济分类 beside 部门经济分类) is not joined on;
                                // a 部门经济分类 code printed after a function code (采购表) is kept apart
                                code_closed = true;
                                let head = &head_plain[j];
                                if econ_parts.len() == 1 && c.text.len() == 2 {
                                    // its 款 column
                                    econ_parts.push(*c);
                                } else if head.contains("经济")
                                    && !head.contains("政府")
                                    && econ_parts.len() < 2
                                    && !code_parts.is_empty()
                                    && code_kind(
                                        &code_parts.iter().map(|p| p.text).collect::<String>(),
                                        "",
                                    ) == CodeKind::Function
                                {
                                    econ_parts.push(*c);
                                }
                            }
                        }
                        ColRole::Name if name_col[gi as usize].is_some_and(|n| n != j) => {
                            if cat_col[gi as usize] == Some(j) {
                                if c.text.bytes().all(|b| b.is_ascii_digit()) {
                                    // a unit's code printed in the 类型 column of its row
                                    org_code = Some(*c);
                                } else {
                                    row.category = Some(c.text.to_string());
                                }
                            } else if other_name.is_none() {
                                other_name = Some(*c);
                            }
                        }
                        ColRole::Name
                            if name_col[gi as usize] == Some(j)
                                && c.text.bytes().all(|b| b.is_ascii_digit()) =>
                        {
                            // a unit's code printed in the 名称 column, its name in another
                            org_code = Some(*c);
                        }
                        ColRole::Name => {
                            if row.name.is_empty() {
                                row.name = c.text.to_string();
                                row.name_span = c.span;
                                any = true;
                            }
                        }
                        ColRole::Value => {
                            let ci = col_index[j];
                            match parse_amount(c.text, true) {
                                Some(a) => {
                                    row.cells[ci] = Some(Cell {
                                        value: a.value,
                                        scale: a.scale,
                                        span: c.span,
                                        certain: true,
                                    });
                                    any = true;
                                }
                                None if c.text == "**" || c.text == "*" => {}
                                None => diags.push_at(
                                    P_UNALIGNED,
                                    Location::cell(c.span, table.id, table.rows.len(), ci),
                                    format!("「{}」不是金额，未计入（{}）", c.text, table.title),
                                ),
                            }
                        }
                        ColRole::Skip => {}
                    }
                }
                if row.name.is_empty() {
                    if let Some(c) = other_name {
                        row.name = c.text.to_string();
                        row.name_span = c.span;
                        any = true;
                    }
                }
                // a unit's row in a list that repeats the function code on every row (采购表:
                // “210 15 04 506003 单位名称”) is the unit's subtotal
                if org_code.is_some() {
                    code_parts.clear();
                }
                if let [first, .., last] | [first @ last] = econ_parts[..] {
                    row.econ_code = Some(Code {
                        text: econ_parts.iter().map(|p| p.text).collect(),
                        kind: CodeKind::Economic,
                        span: first.span.cover(last.span),
                    });
                }
                if !code_parts.is_empty() {
                    let text: String = code_parts.iter().map(|p| p.text).collect();
                    let span = code_parts[0]
                        .span
                        .cover(code_parts[code_parts.len() - 1].span);
                    row.code = Some(Code {
                        kind: code_kind(&text, head_plain.first().map_or("", String::as_str)),
                        text,
                        span,
                    });
                    any = true;
                } else if let Some(o) = org_code {
                    row.code = Some(Code {
                        text: o.text.to_string(),
                        kind: CodeKind::Organization,
                        span: o.span,
                    });
                    any = true;
                }
                if !any {
                    continue;
                }
                // a name-only row right after a page break continues the previous row's name
                if gi == 0
                    && row.code.is_none()
                    && row.seq.is_none()
                    && row.cells.iter().all(Option::is_none)
                    && self.breaks.contains(&ri)
                {
                    if let Some(prev) = table.rows.iter_mut().rev().find(|p| p.group == 0) {
                        prev.name.push_str(&row.name);
                        prev.name_span = prev.name_span.cover(row.name_span);
                        prev.span = prev.span.cover(row.span);
                        continue;
                    }
                }
                row.role = role_of(&row.name);
                if row.role == RowRole::Total && row.code.is_none() && row.name.is_empty() {
                    continue;
                }
                if cat_col[gi as usize].is_some() {
                    if row.role != RowRole::Item || row.code.is_some() {
                        last_category[gi as usize] = None;
                    } else if row.category.is_some() {
                        last_category[gi as usize] = row.category.clone();
                    } else {
                        row.category = last_category[gi as usize].clone();
                    }
                }
                table.rows.push(row);
            }
        }
        if rekey_by_identities(table) {
            let span = self
                .header
                .first()
                .map(|h| h.span)
                .unwrap_or(table.title_span);
            let how = if table.kind == TableKind::ThreePublic {
                "各年度列组中的合计、“三公”经费、各分项、会议费、培训费按分项恒等式确定"
            } else {
                "合计、基本支出、项目支出等列按本表每一行都成立的恒等式确定"
            };
            diags.push_at(
                P_UNALIGNED,
                Location::text(span),
                format!(
                    "「{}」的表头与数据列对不上（合并单元格导出），{how}",
                    table.title
                ),
            );
        }
    }
}

fn is_org(t: &str) -> bool {
    t.len() >= 6
}
