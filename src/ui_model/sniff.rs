//! What a dropped or picked file is, decided from its bytes before decoding. The app decodes the
//! legacy encoding (GBK/GB18030) with the browser's WHATWG decoder; everything here is pure and
//! tested natively.

/// The verdict on a file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniff {
    /// UTF-8 with a byte-order mark (3 bytes to skip).
    Utf8Bom,
    Utf8,
    /// UTF-16 little / big endian; `bom` when the file starts with one.
    Utf16Le {
        bom: bool,
    },
    Utf16Be {
        bom: bool,
    },
    /// Not UTF-8 but text-like: try GB18030 (a superset of GBK and GB2312).
    Legacy,
    /// Refused, with the reason.
    Refused(Refusal),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Pdf,
    /// .docx / .xlsx / .zip
    OfficeZip,
    /// .doc / .xls (OLE compound file)
    OfficeLegacy,
    Binary,
    Empty,
    /// Larger than [`MAX_FILE`].
    TooLarge,
}

/// Files larger than this are refused before reading (the biggest real disclosures are < 1 MB).
pub const MAX_FILE: u64 = 20 * 1024 * 1024;

pub fn sniff(bytes: &[u8]) -> Sniff {
    if bytes.is_empty() {
        return Sniff::Refused(Refusal::Empty);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Sniff::Utf8Bom;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Sniff::Utf16Le { bom: true };
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Sniff::Utf16Be { bom: true };
    }
    if bytes.starts_with(b"%PDF") {
        return Sniff::Refused(Refusal::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Sniff::Refused(Refusal::OfficeZip);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniff::Refused(Refusal::OfficeLegacy);
    }
    // UTF-16 without a BOM: NUL bytes in every other position of mostly-ASCII text.
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if pairs >= 2 {
        let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        if odd_nul * 10 >= pairs * 3 && even_nul * 20 < pairs && bytes.len().is_multiple_of(2) {
            return Sniff::Utf16Le { bom: false };
        }
        if even_nul * 10 >= pairs * 3 && odd_nul * 20 < pairs && bytes.len().is_multiple_of(2) {
            return Sniff::Utf16Be { bom: false };
        }
    }
    if looks_binary(head) {
        return Sniff::Refused(Refusal::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() {
        Sniff::Utf8
    } else {
        Sniff::Legacy
    }
}

/// NUL bytes or many control characters other than tab, newline, carriage return and form feed.
fn looks_binary(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// Decode UTF-16 code units (used for the BOM-less case too; lone surrogates become U+FFFD).
pub fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Drop a leading U+FEFF. Nothing else is changed (not even line endings), so spans index exactly
/// the text the user sees.
pub fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}
