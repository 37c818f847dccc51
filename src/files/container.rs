//! The zip container of .xlsx and .docx, read with limits: a file may say anything about its own
//! sizes, so nothing is allocated from a declared size and every inflated byte is counted.
use super::{FileError, MAX_EXPANDED, MAX_FILE};
use std::io::{Cursor, Read};

pub type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Open a zip file held in memory.
pub fn open(bytes: &[u8]) -> Result<Archive<'_>, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge);
    }
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)
}

/// A zip error as the user sees it.
pub fn zip_error(e: zip::result::ZipError) -> FileError {
    use zip::result::ZipError;
    match e {
        ZipError::UnsupportedArchive(m) if m.to_ascii_lowercase().contains("password") => {
            FileError::Encrypted
        }
        ZipError::InvalidPassword => FileError::Encrypted,
        other => FileError::Corrupt {
            detail: format!("zip: {other}"),
        },
    }
}

/// Inflate every entry once into nothing, stopping past [`MAX_EXPANDED`] bytes in total: a zip
/// bomb is refused before a reader that trusts the container (calamine) starts on it. Reading
/// stops at the limit, so a bomb costs at most the time to inflate the limit.
///
/// Worksheets are also scanned for their cell references (`<c r="C7"`): calamine allocates the
/// whole rectangle from the first to the last cell, so a damaged or hostile reference
/// (`XFD1048576`) would ask for gigabytes; a sheet spanning more than [`MAX_CELLS`] is refused.
pub fn check_expansion(archive: &mut Archive<'_>) -> Result<(), FileError> {
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(zip_error)?;
        let sheet = entry.name().is_ok_and(|n| n.starts_with("xl/worksheets/"));
        let mut area = Area::default();
        let mut buf = vec![0u8; 64 * 1024];
        // the last bytes of the previous chunk, so a reference cut between chunks is seen
        let mut carry: Vec<u8> = Vec::new();
        loop {
            let n = entry.read(&mut buf).map_err(io_error)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > MAX_EXPANDED {
                return Err(FileError::TooLarge);
            }
            if sheet {
                carry.extend_from_slice(&buf[..n]);
                area.scan(&carry);
                let keep = carry.len().min(24);
                carry.drain(..carry.len() - keep);
            }
        }
        if area.cells() > MAX_CELLS {
            return Err(FileError::TooLarge);
        }
    }
    Ok(())
}

/// The most cells a sheet may span (first to last used cell): far beyond any budget table.
pub const MAX_CELLS: u64 = 4_000_000;

/// The rectangle a sheet's cell references span.
#[derive(Default)]
pub struct Area {
    min: Option<(u32, u32)>,
    max: (u32, u32),
}

impl Area {
    pub fn add(&mut self, row: u32, col: u32) {
        let (r0, c0) = self.min.unwrap_or((row, col));
        self.min = Some((r0.min(row), c0.min(col)));
        self.max = (self.max.0.max(row), self.max.1.max(col));
    }

    pub fn cells(&self) -> u64 {
        self.min.map_or(0, |(r0, c0)| {
            (u64::from(self.max.0 - r0) + 1) * (u64::from(self.max.1 - c0) + 1)
        })
    }

    /// Every `<c r="A1"` in `xml` (a reference seen twice across chunks counts once in the area).
    fn scan(&mut self, xml: &[u8]) {
        let pat = b"<c r=\"";
        let mut k = 0;
        while let Some(p) = xml[k..].windows(pat.len()).position(|w| w == pat) {
            let at = k + p + pat.len();
            k = at;
            let mut col: u32 = 0;
            let mut j = at;
            while let Some(c) = xml.get(j).filter(|c| c.is_ascii_uppercase()) {
                col = col
                    .saturating_mul(26)
                    .saturating_add(u32::from(c - b'A') + 1);
                j += 1;
            }
            let mut row: u32 = 0;
            while let Some(c) = xml.get(j).filter(|c| c.is_ascii_digit()) {
                row = row.saturating_mul(10).saturating_add(u32::from(c - b'0'));
                j += 1;
            }
            if xml.get(j) == Some(&b'"') && col > 0 && row > 0 {
                self.add(row - 1, col - 1);
            }
        }
    }
}

fn io_error(e: std::io::Error) -> FileError {
    FileError::Corrupt {
        detail: format!("zip: {e}"),
    }
}

/// The bytes of entry `name` (None when there is none), at most `budget` of them; the budget
/// shrinks by what was read, so several entries together stay under one limit.
pub fn read_entry(
    archive: &mut Archive<'_>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, FileError> {
    let entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    let mut out = Vec::new();
    let n = entry
        .take(*budget + 1)
        .read_to_end(&mut out)
        .map_err(io_error)? as u64;
    if n > *budget {
        return Err(FileError::TooLarge);
    }
    *budget -= n;
    Ok(Some(out))
}

/// The A1 name of a zero-based cell: (6, 2) → "C7".
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a1_names() {
        assert_eq!(super::a1(6, 2), "C7");
        assert_eq!(super::a1(0, 25), "Z1");
        assert_eq!(super::a1(0, 26), "AA1");
        assert_eq!(super::a1(9, 701), "ZZ10");
    }
}
