//! Word .docx: the body's paragraphs and tables in document order, read from word/document.xml.
//!
//! A body paragraph is a line (w:t text, w:tab a tab, w:br a line break). A table is a block of
//! tab-separated rows between blank lines, laid on the table grid: a cell spanning n grid columns
//! (w:gridSpan) is followed by n−1 empty cells, a cell continuing a vertical merge (w:vMerge
//! without "restart") is empty, and w:gridBefore puts empty cells before a row's first cell; so
//! every column keeps its position, as in a TSV export. Inside a cell, paragraphs, tabs and breaks
//! become spaces (a cell stays one cell), and a table nested in a cell is flattened into its text.
use super::build::TextBuilder;
use super::container;
use super::{Extracted, FileError, FileKind, Origin, MAX_EXPANDED};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

pub fn read(bytes: &[u8]) -> Result<Extracted, FileError> {
    let mut archive = container::open(bytes)?;
    let mut budget = MAX_EXPANDED;
    let xml = container::read_entry(&mut archive, "word/document.xml", &mut budget)?.ok_or(
        FileError::Corrupt {
            detail: "zip 中没有 Word 正文（word/document.xml）".into(),
        },
    )?;
    let xml = std::str::from_utf8(&xml).map_err(|_| FileError::Corrupt {
        detail: "word/document.xml 不是 UTF-8".into(),
    })?;
    body(xml)
}

/// A table being read: its rows of grid cells.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    span: usize,
    continues: bool,
}

/// Where the reader is.
#[derive(Default)]
struct State {
    out: TextBuilder,
    para: String,
    paras: u32,
    tables: u32,
    depth: usize,
    table: Table,
    in_run: bool,
    in_text: bool,
}

impl State {
    /// Text goes to the current cell inside a table, else to the body paragraph.
    fn text(&mut self, s: &str) {
        if self.depth > 0 {
            self.table.cell.push_str(s);
        } else {
            self.para.push_str(s);
        }
    }

    fn end_paragraph(&mut self) {
        if self.depth > 0 {
            self.table.cell.push(' ');
            return;
        }
        self.paras += 1;
        let text = std::mem::take(&mut self.para);
        let text = text.trim_end();
        if !text.trim().is_empty() {
            self.out.end_line();
            let origin = Origin::Word {
                table: 0,
                row: self.paras,
                col: 0,
            };
            self.out.piece(text, origin);
            self.out.push("\n");
        }
    }

    fn end_cell(&mut self) {
        let t = &mut self.table;
        let text = std::mem::take(&mut t.cell);
        let text = if t.continues {
            String::new()
        } else {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        t.row.push(text);
        for _ in 1..t.span.clamp(1, 1000) {
            t.row.push(String::new());
        }
    }

    fn end_table(&mut self) {
        self.tables += 1;
        let t = std::mem::take(&mut self.table);
        let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        self.out.blank_line();
        for (r, row) in t.rows.into_iter().enumerate() {
            let pad = width - row.len();
            let cells = row
                .into_iter()
                .chain(std::iter::repeat_n(String::new(), pad));
            let table = self.tables;
            self.out.row(cells.enumerate().map(|(c, text)| {
                let origin = Origin::Word {
                    table,
                    row: r as u32 + 1,
                    col: c as u32 + 1,
                };
                (text, origin)
            }));
        }
        self.out.blank_line();
    }

    /// An element start (or an empty element, then `empty`).
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let outer = self.depth == 1;
        match e.local_name().as_ref() {
            "tbl" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.table = Table::default();
                }
            }
            "tr" if outer && !empty => self.table.row.clear(),
            "gridBefore" if outer => {
                let n = val(e).and_then(|v| v.parse().ok()).unwrap_or(0usize);
                let row = &mut self.table.row;
                row.extend(std::iter::repeat_n(String::new(), n.min(1000)));
            }
            "tc" if outer && !empty => {
                self.table.cell.clear();
                self.table.span = 1;
                self.table.continues = false;
            }
            "gridSpan" if outer => {
                self.table.span = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
            }
            "vMerge" if outer => {
                self.table.continues = val(e).is_none_or(|v| v == "continue");
            }
            "tc" if self.depth > 1 && !empty => self.table.cell.push(' '),
            "r" if !empty => self.in_run = true,
            "t" if !empty => self.in_text = true,
            "tab" if self.in_run => {
                let sep = if self.depth > 0 { " " } else { "\t" };
                self.text(sep);
            }
            "br" | "cr" if self.in_run => {
                let sep = if self.depth > 0 { " " } else { "\n" };
                self.text(sep);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.end_table();
                }
            }
            "tr" if self.depth == 1 => {
                let row = std::mem::take(&mut self.table.row);
                self.table.rows.push(row);
            }
            "tc" if self.depth == 1 => self.end_cell(),
            "p" => self.end_paragraph(),
            "r" => self.in_run = false,
            "t" => self.in_text = false,
            _ => {}
        }
    }
}

/// The w:val attribute of an element.
fn val(e: &BytesStart) -> Option<String> {
    let a = e.try_get_attribute("w:val").ok()??;
    // values of w:val are plain ASCII (numbers, "restart"): no references to resolve
    Some(a.value.into_owned())
}

fn body(xml: &str) -> Result<Extracted, FileError> {
    let mut reader = Reader::from_str(xml);
    let mut st = State::default();
    loop {
        let ev = reader.read_event().map_err(|e| FileError::Corrupt {
            detail: format!("word/document.xml: {e}"),
        })?;
        match ev {
            Event::Start(e) => st.start(&e, false),
            Event::Empty(e) => st.start(&e, true),
            Event::End(e) => st.end(e.local_name().as_ref()),
            Event::Text(t) if st.in_text => st.text(&t),
            Event::GeneralRef(r) if st.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    st.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if st.depth > 0 {
        // a document cut inside a table: what was read is kept
        st.depth = 0;
        st.end_table();
    }
    Ok(st.out.finish(FileKind::Docx))
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> Extracted {
        body_of(&format!(
            "<w:document {W}><w:body>{body}</w:body></w:document>"
        ))
    }

    fn body_of(xml: &str) -> Extracted {
        super::body(xml).unwrap()
    }

    #[test]
    fn paragraphs_and_merged_table() {
        let e = doc(concat!(
            "<w:p><w:r><w:t>一、收入 &amp; 支出</w:t><w:tab/><w:t>说明</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>本年</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>基本</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>项目</w:t><w:br/><w:t>支出</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>1.00</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>2.00</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>",
            "<w:p><w:r><w:t xml:space=\"preserve\">注：&#x7A7A;表</w:t></w:r></w:p>",
        ));
        assert_eq!(
            e.text,
            "一、收入 & 支出\t说明\n\n项目\t本年\t\n\t基本\t项目 支出\n\t1.00\t2.00\n\n注：空表\n"
        );
        let at = e.text.find("项目 支出").unwrap() as u32;
        assert_eq!(e.origin_at(at).unwrap().label(), "表格 1 第 2 行第 3 列");
        let at = e.text.find("注").unwrap() as u32;
        assert_eq!(e.origin_at(at).unwrap().label(), "第 2 段");
    }

    #[test]
    fn bad_xml_is_corrupt() {
        let e = super::body("<w:document><w:body><w:p></w:x>").unwrap_err();
        assert!(matches!(e, FileError::Corrupt { .. }), "{e:?}");
    }
}
