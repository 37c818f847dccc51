//! A “三公” table printed in year blocks whose merged header cells an export shifted: the order of
//! the standard columns under which its identities hold best.
use super::columns::years;
use crate::model::ThreePublicItem as Tp;
use crate::model::*;

/// Does a header cell name this item? (Header words, not row names: a 公务用车 column with no
/// 购置 / 运行 parts beside it is the car 小计.)
fn in_header(it: Tp, h: &str, car_parts: bool) -> bool {
    match it {
        Tp::Car if !car_parts => h.contains("公务用车"),
        Tp::Grand => h.ends_with("合计"),
        Tp::Total => h.contains("三公"),
        Tp::Abroad => h.contains("出国"),
        Tp::Reception => h.contains("接待"),
        Tp::Car => h.contains("购置及运"),
        Tp::CarBuy => h.contains("购置费"),
        Tp::CarRun => h.contains("运行维护费") || h.ends_with("运行费"),
        Tp::Meeting => h.contains("会议费"),
        Tp::Training => h.contains("培训费"),
    }
}

/// Every plausible order of the columns of one year block: 合计 and the “三公” 小计 first, then
/// 因公出国 / 公务用车 (小计 before or after its two parts) / 公务接待 in any order, then 会议费 and
/// 培训费.
fn three_public_layouts(
    grand: bool,
    car_parts: bool,
    meeting: bool,
    training: bool,
) -> Vec<Vec<Tp>> {
    let cars: Vec<Vec<Tp>> = if car_parts {
        vec![
            vec![Tp::Car, Tp::CarBuy, Tp::CarRun],
            vec![Tp::CarBuy, Tp::CarRun, Tp::Car],
        ]
    } else {
        vec![vec![Tp::Car]]
    };
    let tails: Vec<Vec<Tp>> = match (meeting, training) {
        (true, true) => vec![
            vec![Tp::Meeting, Tp::Training],
            vec![Tp::Training, Tp::Meeting],
        ],
        (true, false) => vec![vec![Tp::Meeting]],
        (false, true) => vec![vec![Tp::Training]],
        (false, false) => vec![vec![]],
    };
    const ORDERS: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut out = Vec::new();
    for car in &cars {
        for order in ORDERS {
            for tail in &tails {
                let mut l = Vec::new();
                if grand {
                    l.push(Tp::Grand);
                }
                l.push(Tp::Total);
                for i in order {
                    match i {
                        0 => l.push(Tp::Abroad),
                        1 => l.extend(car.iter().copied()),
                        _ => l.push(Tp::Reception),
                    }
                }
                l.extend(tail.iter().copied());
                out.push(l);
            }
        }
    }
    out
}

/// A “三公” table printed in year blocks (上年 / 当年 / 增减) whose merged header cells were shifted
/// by the export: every block has the same columns, so find the one order of the standard columns
/// under which the table's own identities (合计 = 三公 + 会议费 + 培训费, 三公 = 出国 + 用车 + 接待,
/// 用车 = 购置 + 运行) hold in the most rows and blocks, the header's own order deciding ties.
pub(super) fn rekey_three_public(t: &mut Table) -> bool {
    let top = |h: &str| h.split('/').next().unwrap_or("").to_string();
    let mut blocks: Vec<(String, usize)> = Vec::new();
    for c in &t.columns {
        let g = top(&c.header);
        match blocks.last_mut() {
            Some((b, n)) if *b == g => *n += 1,
            _ => blocks.push((g, 1)),
        }
    }
    let w = blocks.first().map(|b| b.1).unwrap_or(0);
    let nb = blocks.len();
    if nb < 2
        || w < 4
        || !blocks
            .iter()
            .all(|b| !b.0.is_empty() && is_year_block(&b.0))
        || t.columns.len() < nb * w
        || t.columns.len() >= nb * w + w
    {
        return false;
    }
    let all: String = t
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect::<Vec<_>>()
        .join("|");
    let meeting = all.contains("会议费");
    let training = all.contains("培训费");
    let grand = meeting || training;
    let car_parts = all.contains("购置费") && all.contains("运行");
    let n_items =
        grand as usize + 4 + if car_parts { 2 } else { 0 } + meeting as usize + training as usize;
    if n_items != w {
        return false;
    }
    let v = |r: &Row, c: usize| {
        r.cell(c)
            .map(|x| Approx::printed(x.value, x.scale))
            .unwrap_or(Approx::ZERO)
    };
    let nonzero = |r: &Row, c: usize| r.cell(c).is_some_and(|x| !x.value.is_zero());
    // the header's first mention of each item, in the first block (looked up once)
    let firsts: Vec<(Tp, Option<usize>)> = Tp::ALL
        .into_iter()
        .map(|it| {
            let at = (0..w).find(|&c| in_header(it, &t.columns[c].header, car_parts));
            (it, at)
        })
        .collect();
    let first_at = |it: Tp| firsts.iter().find(|f| f.0 == it).and_then(|f| f.1);
    let mut best: Option<(usize, usize, usize, Vec<Tp>)> = None;
    for layout in three_public_layouts(grand, car_parts, meeting, training) {
        let (mut holds, mut fails) = (0, 0);
        for r in &t.rows {
            for b in 0..nb {
                let col = |it: Tp| layout.iter().position(|x| *x == it).map(|i| b * w + i);
                for (total, parts) in [
                    (Tp::Grand, &[Tp::Total, Tp::Meeting, Tp::Training][..]),
                    (Tp::Total, &[Tp::Abroad, Tp::Car, Tp::Reception][..]),
                    (Tp::Car, &[Tp::CarBuy, Tp::CarRun][..]),
                ] {
                    let Some(tc) = col(total) else { continue };
                    let pcs: Vec<usize> = parts.iter().filter_map(|p| col(*p)).collect();
                    if pcs.len() < 2 || (!nonzero(r, tc) && !pcs.iter().any(|p| nonzero(r, *p))) {
                        continue;
                    }
                    let sum: Approx = pcs.iter().map(|p| v(r, *p)).sum();
                    if v(r, tc).meets(sum) {
                        holds += 1;
                    } else {
                        fails += 1;
                    }
                }
            }
        }
        let agree = layout
            .iter()
            .enumerate()
            .flat_map(|(i, a)| layout[i + 1..].iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| matches!((first_at(*a), first_at(*b)), (Some(x), Some(y)) if x < y))
            .count();
        if best.as_ref().is_none_or(|b| (holds, agree) > (b.0, b.2)) {
            best = Some((holds, fails, agree, layout));
        }
    }
    let Some((holds, fails, _, layout)) = best else {
        return false;
    };
    if holds == 0 || holds < 2 * fails {
        return false;
    }
    let is_change = |b: &str| b.contains("增减") || b.contains("变化");
    let current = blocks
        .iter()
        .position(|b| b.0.contains("本年") || b.0.contains("当年"))
        .or_else(|| {
            (0..nb)
                .filter(|&i| !is_change(&blocks[i].0) && !blocks[i].0.contains("上年"))
                .max_by_key(|&i| years(&blocks[i].0).max())
        })
        .unwrap_or(0);
    let mut changed = false;
    for (ci, c) in t.columns.iter_mut().enumerate() {
        let (b, i) = (ci / w, ci % w);
        if b >= nb {
            if c.key != ColKey::Other {
                c.key = ColKey::Other;
                changed = true;
            }
            continue;
        }
        let block = &blocks[b].0;
        let key = if is_change(block) {
            ColKey::Change
        } else if b != current {
            ColKey::LastYear
        } else if i == 0 {
            ColKey::Total
        } else {
            ColKey::Other
        };
        let header = format!("{block}/{}", layout[i].header());
        if c.key != key || c.header != header {
            c.key = key;
            c.header = header;
            changed = true;
        }
    }
    changed
}
