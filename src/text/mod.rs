//! Byte spans into the original input, conversions for rendering, and the normalisation of the
//! input before reading.
pub mod fast;
mod line_index;
pub mod normalize;
pub mod sort;
mod span;

pub use line_index::{utf16_offset, LineIndex};
pub use span::Span;

/// A character one em wide (two columns of monospaced text): CJK ideographs and punctuation,
/// kana, hangul, full-width forms. Shared by the positioned text reader and the PDF layout.
pub fn is_wide(c: char) -> bool {
    let u = c as u32;
    (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
}

/// Decode input bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else is refused
/// with a message (GBK is decoded in the web app with encoding_rs; the CLI asks for UTF-8).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).map_err(|_| "不是有效的 UTF-8 文本".to_string());
    }
    let utf16 = |le: bool| -> Result<String, String> {
        let body = &bytes[2..];
        if !body.len().is_multiple_of(2) {
            return Err("UTF-16 文本长度不完整".into());
        }
        let units: Vec<u16> = body
            .chunks(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "不是有效的 UTF-16 文本".to_string())
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(true);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(false);
    }
    if bytes.starts_with(b"%PDF") {
        return Err("这是 PDF 文件：请在 PDF 阅读器中全选复制文字后粘贴，或另存为 .txt".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| "不是 UTF-8 文本（如果是 GBK/GB18030 编码，请先转换为 UTF-8，或使用网页版，它会自动识别）".to_string())
}
