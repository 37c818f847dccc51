//! Excel workbooks (.xlsx, .xls) through calamine: every sheet in order, its name on a line and
//! then its rows as tab-separated cells, a merged cell's value in its top-left cell and the cells
//! it covers left empty (what a TSV export of the sheet gives, and what the tab reader expects:
//! seed 002 with its merged headers repeated across their columns instead reads the same tables
//! but with 8 header/column notices (P003) where the empty cells give 2).
//!
//! Numbers: calamine gives an f64; it becomes a decimal through its string at 15 significant
//! digits, the precision Excel itself shows (so a sum stored as 0.30000000000000004 is 0.3), and
//! the cell's number format decides the printed decimals (`#,##0.00` on 1234.5 → "1234.50").
//! calamine does not expose the formats of .xls files: `xls_formats` reads them from the BIFF
//! records; where that fails, a column's decimals are the most any number in that column shows.
use super::build::TextBuilder;
use super::container::{self, a1};
use super::xls_formats::Scan;
use super::{Extracted, FileError, FileKind, Origin};
use calamine::{Data, Dimensions, Reader, Sheets};
use rust_decimal::{Decimal, RoundingStrategy};
use std::io::Cursor;
use std::str::FromStr;

/// Read a workbook; `kind` is Xlsx or Xls (from [`super::kind_of`]).
pub fn read(bytes: &[u8], kind: FileKind) -> Result<Extracted, FileError> {
    if kind == FileKind::Xlsx {
        let mut archive = container::open(bytes)?;
        container::check_expansion(&mut archive)?;
        if archive.by_name("xl/workbook.xml").is_err() {
            return Err(FileError::Corrupt {
                detail: "zip 中没有 Excel 工作簿（xl/workbook.xml）".into(),
            });
        }
    }
    // read before calamine opens the workbook: the check of the cell area guards its allocation
    let xls_formats = match kind {
        FileKind::Xls => match super::xls_formats::read(bytes) {
            Some(Scan::Formats(f)) => Some(f),
            Some(Scan::TooLarge) => return Err(FileError::TooLarge),
            Some(Scan::Encrypted) => return Err(FileError::Encrypted),
            // calamine must not see a workbook whose records were not checked
            None => {
                return Err(FileError::Corrupt {
                    detail: "无法读取 .xls 的工作簿数据流".into(),
                })
            }
        },
        _ => None,
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(book_error)?;
    let mut out = TextBuilder::default();
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                out.notes
                    .push(format!("工作表「{name}」无法读取，已跳过（{e}）"));
                continue;
            }
        };
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let styles = match &mut book {
            Sheets::Xlsx(x) => x.worksheet_style(&name).ok(),
            _ => None,
        };
        let format = |r: u32, c: u32| -> Option<String> {
            match (&styles, &xls_formats) {
                (Some(s), _) => Some(s.get((r, c))?.number_format.as_ref()?.format_code.clone()),
                (None, Some(f)) => f.get(&(name.clone(), r, c)).cloned(),
                (None, None) => None,
            }
        };
        let known = styles.is_some() || xls_formats.is_some();
        sheet(&mut out, &name, &range, &merges, &format, known);
    }
    Ok(out.finish(kind))
}

fn book_error(e: calamine::Error) -> FileError {
    use calamine::{Error, XlsError, XlsxError};
    match e {
        Error::Xlsx(XlsxError::Password) | Error::Xls(XlsError::Password) => FileError::Encrypted,
        Error::Xlsx(XlsxError::Zip(z)) => container::zip_error(z),
        other => FileError::Corrupt {
            detail: other.to_string(),
        },
    }
}

/// One sheet: its name, then its rows from the first used row and column to the last cell with
/// text (empty trailing rows and columns dropped), empty rows as blank lines.
fn sheet(
    out: &mut TextBuilder,
    name: &str,
    range: &calamine::Range<Data>,
    merges: &[Dimensions],
    format: &dyn Fn(u32, u32) -> Option<String>,
    formats_known: bool,
) {
    let Some((r0, c0)) = range.start() else {
        return;
    };
    let covered = |r: u32, c: u32| merges.iter().any(|m| m.contains(r, c) && (r, c) != m.start);
    // every cell as printed, covered cells of merges emptied
    let rows: Vec<Vec<String>> = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, v)| {
                    let (r, c) = (r0 + i as u32, c0 + j as u32);
                    if covered(r, c) {
                        return String::new();
                    }
                    cell_text(v, format(r, c).as_deref())
                })
                .collect()
        })
        .collect();
    let rows = if !formats_known {
        column_decimals(range, rows)
    } else {
        rows
    };
    let height = rows
        .iter()
        .rposition(|r| r.iter().any(|t| !t.is_empty()))
        .map_or(0, |h| h + 1);
    if height == 0 {
        return;
    }
    out.blank_line();
    out.piece(
        name,
        Origin::Cell {
            sheet: name.into(),
            cell: a1(r0, c0),
        },
    );
    out.end_line();
    let widths = block_widths(&rows[..height], |i| {
        merges
            .iter()
            .find(|m| m.start == (r0 + i as u32, c0))
            .map_or(1, |m| m.end.1 - m.start.1 + 1)
    });
    for (i, (row, width)) in rows.into_iter().zip(widths).enumerate() {
        if row.iter().all(String::is_empty) {
            out.blank_line();
            continue;
        }
        let r = r0 + i as u32;
        out.row(row.into_iter().take(width).enumerate().map(|(j, t)| {
            let cell = a1(r, c0 + j as u32);
            (
                t,
                Origin::Cell {
                    sheet: name.into(),
                    cell,
                },
            )
        }));
    }
}

/// How many cells each row prints. Rows between empty rows form a block, printed to the width of
/// its widest row of several cells (trailing empty cells kept, as in a TSV export, so columns stay
/// put). A row holding only its first cell is a line of text (a title, 单位：万元, a note) when its
/// block has no wider row or that cell is merged across at least half the block (a title over the
/// table); otherwise it is a table row with empty amounts and is padded. `merged_width(i)` is how
/// many columns row i's first cell spans.
fn block_widths(rows: &[Vec<String>], merged_width: impl Fn(usize) -> u32) -> Vec<usize> {
    let used = |r: &Vec<String>| r.iter().filter(|t| !t.is_empty()).count();
    let last = |r: &Vec<String>| r.iter().rposition(|t| !t.is_empty()).map_or(0, |p| p + 1);
    let mut out = vec![0; rows.len()];
    let mut i = 0;
    while i < rows.len() {
        let end = (i..rows.len())
            .find(|&k| used(&rows[k]) == 0)
            .unwrap_or(rows.len());
        let width = rows[i..end]
            .iter()
            .filter(|r| used(r) > 1)
            .map(last)
            .max()
            .unwrap_or(0);
        for k in i..end {
            let line = used(&rows[k]) == 1 && !rows[k][0].is_empty();
            out[k] = if line && (width <= 1 || merged_width(k) as usize * 2 >= width) {
                1
            } else {
                width.max(last(&rows[k]))
            };
        }
        i = end + 1;
    }
    out
}

/// A cell as printed: text as is (trimmed, inner line breaks as spaces so a row stays one line),
/// numbers by their format, dates as yyyy-mm-dd, errors as their code.
fn cell_text(v: &Data, format: Option<&str>) -> String {
    match v {
        Data::Empty => String::new(),
        Data::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Data::Float(f) => number(*f, format),
        Data::Int(i) => number(*i as f64, format),
        Data::DateTime(d) if d.is_datetime() => date(d.as_f64()),
        Data::DateTime(d) => number(d.as_f64(), None),
        other => other.to_string(),
    }
}

/// A number through its shortest round-trip string, then the format's decimals and percent.
fn number(f: f64, format: Option<&str>) -> String {
    let Some(d) = shortest(f) else {
        return f.to_string();
    };
    let Some((decimals, percent)) = format.and_then(format_decimals) else {
        return d.normalize().to_string();
    };
    let d = if percent { d * Decimal::from(100) } else { d };
    let mut d = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(decimals);
    if percent {
        format!("{d}%")
    } else {
        d.to_string()
    }
}

/// The decimal an f64 stands for, at the 15 significant digits Excel shows (never 0.1+0.2
/// noise); the string goes through the shortest exponent form, so no binary digits leak in.
fn shortest(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    let fifteen: f64 = format!("{f:.14e}").parse().ok()?;
    Decimal::from_str(&fifteen.to_string())
        .or_else(|_| Decimal::from_scientific(&format!("{fifteen:e}")))
        .ok()
}

/// The decimals a number format prints and whether it is a percentage; None for General (and
/// for text formats), which print the shortest form. Only the first (positive) section counts;
/// quoted text, escapes and [..] blocks are skipped.
fn format_decimals(code: &str) -> Option<(u32, bool)> {
    let mut zeros = None::<u32>;
    let mut percent = false;
    let mut digits = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '.' if zeros.is_none() => zeros = Some(0),
            '0' | '#' | '?' => {
                digits = true;
                if let Some(z) = zeros.as_mut() {
                    if c == '0' {
                        *z += 1;
                    }
                }
            }
            '%' => percent = true,
            _ => {}
        }
    }
    digits.then_some((zeros.unwrap_or(0), percent))
}

/// Without formats (.xls), a numeric cell prints as many decimals as the most any number in its
/// column shows, so a column of amounts keeps its 2 decimals when some are whole.
fn column_decimals(range: &calamine::Range<Data>, mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let width = range.width();
    let mut most = vec![0u32; width];
    let numeric = |v: &Data| matches!(v, Data::Float(_) | Data::Int(_));
    for (i, row) in range.rows().enumerate() {
        for (j, v) in row.iter().enumerate() {
            if numeric(v) {
                if let Ok(d) = Decimal::from_str(&rows[i][j]) {
                    most[j] = most[j].max(d.scale()).min(6);
                }
            }
        }
    }
    for (i, row) in range.rows().enumerate() {
        for (j, v) in row.iter().enumerate() {
            if numeric(v) && most[j] > 0 {
                if let Ok(mut d) = Decimal::from_str(&rows[i][j]) {
                    d.rescale(most[j]);
                    rows[i][j] = d.to_string();
                }
            }
        }
    }
    rows
}

/// An Excel serial date (1900 system) as yyyy-mm-dd, with the time when it has one.
fn date(serial: f64) -> String {
    if !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    let days = serial.floor() as i64;
    // serial 60 is the 1900-02-29 Excel invents; days after it are one too many
    let days = if days > 60 { days - 1 } else { days };
    // days since 1899-12-31 → civil date (Howard Hinnant's algorithm from 1970-01-01)
    let z = days - 25_568 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let secs = ((serial - serial.floor()) * 86_400.0).round() as i64;
    if secs == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_format() {
        assert_eq!(number(1234.5, Some("#,##0.00")), "1234.50");
        assert_eq!(number(3.0, Some("0.00")), "3.00");
        assert_eq!(number(0.1 + 0.2, None), "0.3");
        assert_eq!(number(7856.45 + 39.48, None), "7895.93");
        assert_eq!(number(0.3, Some("General")), "0.3");
        assert_eq!(number(2.0, Some("General")), "2");
        assert_eq!(number(0.125, Some("0.0%")), "12.5%");
        assert_eq!(
            number(-1234.567, Some("#,##0.00;[Red]-#,##0.00")),
            "-1234.57"
        );
        assert_eq!(number(5.0, Some("\"¥\"#,##0.00_);(\"¥\"#,##0.00)")), "5.00");
        assert_eq!(number(7.25, Some("0")), "7");
        assert_eq!(number(1e21, None), "1000000000000000000000");
    }

    #[test]
    fn dates() {
        assert_eq!(date(45292.0), "2024-01-01");
        assert_eq!(date(1.0), "1900-01-01");
        assert_eq!(date(45292.5), "2024-01-01 12:00:00");
    }
}
