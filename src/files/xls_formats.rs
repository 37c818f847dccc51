//! The number format of every numeric cell of an .xls (BIFF8) workbook, which calamine reads but
//! does not expose: the Workbook stream's FORMAT and XF records, and the XF index of each NUMBER,
//! RK, MULRK and FORMULA record, by sheet. Only what deciding printed decimals needs.
use super::container::{Area, MAX_CELLS};
use super::MAX_EXPANDED;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// (sheet name, zero-based row, column) → the cell's format code.
pub type Formats = HashMap<(String, u32, u32), String>;

/// What the scan of a workbook found.
#[derive(Debug, PartialEq)]
pub enum Scan {
    Formats(Formats),
    /// A sheet's cells span more than [`MAX_CELLS`]: calamine allocates the rectangle from the
    /// first to the last cell, so a damaged cell record at row 65535 would ask for gigabytes.
    TooLarge,
    /// A FILEPASS record: the rest of the stream is encrypted (or XOR-obfuscated, which calamine
    /// would read as garbage cells).
    Encrypted,
}

/// The formats of a workbook after the checks above; None when the stream cannot be read.
pub fn read(bytes: &[u8]) -> Option<Scan> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"].into_iter().find(|n| cf.exists(n))?;
    let mut stream = Vec::new();
    cf.open_stream(name)
        .ok()?
        .take(MAX_EXPANDED)
        .read_to_end(&mut stream)
        .ok()?;
    Some(records(&stream))
}

/// The built-in format codes a file may use without a FORMAT record.
fn builtin(id: u16) -> &'static str {
    match id {
        1 | 3 | 37 | 38 | 41 | 42 => "0",
        2 | 4 | 7 | 8 | 39 | 40 | 43 | 44 => "0.00",
        5 | 6 => "#,##0",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        _ => "General",
    }
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// A BIFF8 XLUnicodeString at `at`: a u16 length, a flags byte, then Latin-1 or UTF-16 chars.
fn unicode_string(d: &[u8], at: usize) -> Option<String> {
    let n = u16_at(d, at)? as usize;
    let wide = d.get(at + 2)? & 1 == 1;
    let body = d.get(at + 3..)?;
    Some(if wide {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .take(n)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        body.iter().take(n).map(|&b| b as char).collect()
    })
}

fn records(s: &[u8]) -> Scan {
    let mut formats: HashMap<u16, String> = HashMap::new();
    let mut xfs: Vec<u16> = Vec::new();
    let mut sheets: HashMap<u32, String> = HashMap::new();
    let mut cells: Vec<(String, u32, u32, u16)> = Vec::new();
    let mut sheet: Option<String> = None;
    let mut areas: HashMap<String, Area> = HashMap::new();
    let mut dims_sane = true;
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(s, at), u16_at(s, at + 2)) {
        let start = at;
        let Some(d) = s.get(at + 4..at + 4 + len as usize) else {
            break;
        };
        at += 4 + len as usize;
        if kind == 0x002F {
            return Scan::Encrypted;
        }
        let cell = |d: &[u8]| Some((u16_at(d, 0)? as u32, u16_at(d, 2)? as u32, u16_at(d, 4)?));
        match kind {
            0x041E => {
                if let (Some(id), Some(code)) = (u16_at(d, 0), unicode_string(d, 2)) {
                    formats.insert(id, code);
                }
            }
            0x00E0 => xfs.push(u16_at(d, 2).unwrap_or(0)),
            0x0085 => {
                if let (Some(pos), Some(n)) = (u32_at(d, 0), d.get(6)) {
                    // ShortXLUnicodeString: a u8 length, flags, chars
                    let mut name = vec![0, 0];
                    name[0] = *n;
                    name.extend_from_slice(d.get(7..).unwrap_or(&[]));
                    if let Some(name) = unicode_string(&name, 0) {
                        sheets.insert(pos, name);
                    }
                }
            }
            0x0809 => sheet = sheets.get(&(start as u32)).cloned(),
            0x0203 | 0x027E | 0x0006 => {
                if let (Some(name), Some((r, c, xf))) = (&sheet, cell(d)) {
                    cells.push((name.clone(), r, c, xf));
                }
            }
            _ => {}
        }
        if let (Some(name), true) = (&sheet, is_cell(kind)) {
            if let (Some(r), Some(c)) = (u16_at(d, 0), u16_at(d, 2)) {
                let area = areas.entry(name.clone()).or_default();
                area.add(u32::from(r), u32::from(c));
                if kind == 0x00BD || kind == 0x00BE {
                    // MULRK / MULBLANK: the last column is the record's last u16
                    if let Some(last) = u16_at(d, d.len().saturating_sub(2)) {
                        area.add(u32::from(r), u32::from(last));
                    }
                }
            }
        }
        match kind {
            // DIMENSIONS: calamine reserves rows × columns from it before reading the cells
            0x0200 if sheet.is_some() => {
                let (rf, rl, cf, cl) = match d.len() {
                    10 => (
                        u16_at(d, 0).map(u32::from),
                        u16_at(d, 2).map(u32::from),
                        u16_at(d, 4),
                        u16_at(d, 6),
                    ),
                    14 | 16 => (u32_at(d, 0), u32_at(d, 4), u16_at(d, 8), u16_at(d, 10)),
                    _ => (Some(0), Some(0), Some(0), Some(0)),
                };
                if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) {
                    // as calamine reads it: ends exclusive, a first column past 255 taken as 0,
                    // and end − start + 1 computed without a check (so rl ≤ rf wraps around)
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    if rl >= 1 && cl >= 1 {
                        let rows = u64::from(rl) - u64::from(rf.min(rl));
                        let cols = u64::from(cl - cf);
                        if rl <= rf || rows * cols > MAX_CELLS {
                            dims_sane = false;
                        }
                    }
                }
            }
            0x00BD => {
                if let (Some(name), Some(r), Some(c0)) = (&sheet, u16_at(d, 0), u16_at(d, 2)) {
                    // (xf u16, rk u32) pairs, then the last column
                    let pairs = d.len().saturating_sub(6) / 6;
                    for k in 0..pairs {
                        if let Some(xf) = u16_at(d, 4 + 6 * k) {
                            cells.push((name.clone(), r as u32, c0 as u32 + k as u32, xf));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let sane = dims_sane && areas.values().all(|a| a.cells() <= MAX_CELLS);
    let formats = cells
        .into_iter()
        .map(|(name, r, c, xf)| {
            let id = xfs.get(xf as usize).copied().unwrap_or(0);
            let code = formats
                .get(&id)
                .cloned()
                .unwrap_or_else(|| builtin(id).to_string());
            ((name, r, c), code)
        })
        .collect();
    if sane {
        Scan::Formats(formats)
    } else {
        Scan::TooLarge
    }
}

/// Records that place a cell (row and column in their first four bytes): the numbers and
/// formulas above, and LABELSST, LABEL, BOOLERR, RSTRING, BLANK, MULBLANK.
fn is_cell(kind: u16) -> bool {
    matches!(
        kind,
        0x0203 | 0x027E | 0x0006 | 0x00BD | 0x00BE | 0x00FD | 0x0204 | 0x0205 | 0x00D6 | 0x0201
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIFF records: (type, data) each as type u16, length u16, data.
    fn stream(recs: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut s = Vec::new();
        for (kind, d) in recs {
            s.extend(kind.to_le_bytes());
            s.extend((d.len() as u16).to_le_bytes());
            s.extend(d);
        }
        s
    }

    fn le(v: &[u16]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn formats_by_cell_and_checks() {
        // globals: a custom format 164, XF 0 General and XF 1 with format 164, a sheet "S" whose BOF is
        // right after the globals' EOF
        let mut fmt = le(&[164, 8]);
        fmt.push(0);
        fmt.extend(b"#,##0.00");
        let xf = |id: u16| [le(&[0, id]), vec![0; 16]].concat();
        let globals = |pos: u32| {
            let mut sheet = pos.to_le_bytes().to_vec();
            sheet.extend([0, 0, 1, 0]);
            sheet.push(b'S');
            vec![
                (0x0809, vec![0; 16]),
                (0x041E, fmt.clone()),
                (0x00E0, xf(0)),
                (0x00E0, xf(164)),
                (0x0085, sheet),
                (0x000A, vec![]),
            ]
        };
        let pos = stream(&globals(0)).len() as u32;
        let number = |r: u16, c: u16, x: u16| (0x0203, [le(&[r, c, x]), vec![0; 8]].concat());
        let mut recs = globals(pos);
        recs.extend([
            (0x0809, vec![0; 16]),
            number(2, 1, 1),
            number(3, 0, 0),
            (0x000A, vec![]),
        ]);
        let Scan::Formats(f) = records(&stream(&recs)) else {
            panic!("formats")
        };
        assert_eq!(f[&("S".to_string(), 2, 1)], "#,##0.00");
        assert_eq!(f[&("S".to_string(), 3, 0)], "General");

        // a cell at row 65535 with one at column 255 spans 16 M cells
        let mut far = globals(pos);
        far.extend([
            (0x0809, vec![0; 16]),
            number(0, 255, 0),
            number(65535, 0, 0),
        ]);
        assert_eq!(records(&stream(&far)), Scan::TooLarge);

        let mut locked = globals(pos);
        locked.insert(1, (0x002F, le(&[1])));
        assert_eq!(records(&stream(&locked)), Scan::Encrypted);
    }
}
