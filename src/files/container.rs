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
pub fn check_expansion(archive: &mut Archive<'_>) -> Result<(), FileError> {
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(zip_error)?;
        total += drain(entry, MAX_EXPANDED - total)?;
    }
    Ok(())
}

/// Read at most `limit` bytes from `r` into nothing; the count, or TooLarge past the limit.
fn drain(r: impl Read, limit: u64) -> Result<u64, FileError> {
    let n = std::io::copy(&mut r.take(limit + 1), &mut std::io::sink()).map_err(io_error)?;
    if n > limit {
        return Err(FileError::TooLarge);
    }
    Ok(n)
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
