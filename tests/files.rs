//! The file readers (issue #11): Excel, Word and saved web pages read into the same tables and
//! the same findings as the text they were made from; bad files give a message, never a panic;
//! the CLI over a directory.
#![cfg(all(feature = "excel", feature = "docx"))]
use budgetlint::files::{self, Extracted, FileError, FileKind, Origin};
use budgetlint::Report;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn office(name: &str) -> PathBuf {
    root().join("tests/fixtures/office").join(name)
}

fn seed(prefix: &str) -> String {
    let dir = root().join("tests/fixtures/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn extract(name: &str) -> Extracted {
    let bytes = std::fs::read(office(name)).unwrap();
    files::extract(&bytes).unwrap_or_else(|e| panic!("{name}: {}", e.message()))
}

/// Each table: its label, kind and rows (name and cell values; 6 and 6.00 are equal).
type Model = Vec<(String, String, Vec<(String, Vec<Option<Decimal>>)>)>;

fn model(r: &Report) -> Model {
    r.doc
        .tables
        .iter()
        .map(|t| {
            let rows = t
                .rows
                .iter()
                .map(|row| {
                    let cells = row.cells.iter().map(|c| c.as_ref().map(|c| c.value));
                    (row.name.clone(), cells.collect())
                })
                .collect();
            (t.label(), format!("{:?}", t.kind), rows)
        })
        .collect()
}

/// The findings by code and the numbers they involve, in report order.
fn findings(r: &Report) -> Vec<(&'static str, Option<Decimal>, Option<Decimal>)> {
    r.findings
        .iter()
        .map(|f| (f.code, f.expected, f.actual))
        .collect()
}

/// The file reads into the tables and findings of the text it was made from.
fn same_as_text(file: &str, text: &str) -> (Extracted, Report) {
    let e = extract(file);
    let from_file = budgetlint::check(&e.text);
    let from_text = budgetlint::check(text);
    assert!(
        !from_text.doc.tables.is_empty(),
        "{file}: the source has tables"
    );
    let (a, b) = (model(&from_file), model(&from_text));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x.0, &x.1), (&y.0, &y.1), "{file}: table");
        for (rx, ry) in x.2.iter().zip(&y.2) {
            assert_eq!(rx, ry, "{file}: {} row", x.0);
        }
        assert_eq!(x.2.len(), y.2.len(), "{file}: {} rows", x.0);
    }
    assert_eq!(a.len(), b.len(), "{file}: tables");
    assert_eq!(
        findings(&from_file),
        findings(&from_text),
        "{file}: findings"
    );
    (e, from_file)
}

#[test]
fn xlsx_all_tables_on_one_sheet_reads_like_the_seed() {
    let s = seed("002");
    let (e, _) = same_as_text("seed002-onesheet.xlsx", &s);
    assert_eq!(e.kind, FileKind::Xlsx);
    // the sheet holds seed line n in row n: the amount on the seed's line is in that row's B
    let (line, _) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("一、一般公共预算\t7,895.93"))
        .unwrap();
    let at = e.text.find("一、一般公共预算\t7895.93").unwrap() + "一、一般公共预算\t".len();
    let cell = Origin::Cell {
        sheet: "部门预算".into(),
        cell: format!("B{}", line + 1),
    };
    assert_eq!(e.origin_at(at as u32), Some(&cell));
    assert_eq!(cell.label(), format!("部门预算!B{}", line + 1));
}

#[test]
fn xls_reads_like_the_seed() {
    let (e, _) = same_as_text("seed002-onesheet.xls", &seed("002"));
    assert_eq!(e.kind, FileKind::Xls);
}

#[test]
fn xlsx_one_table_per_sheet_reads_like_its_text() {
    let source = std::fs::read_to_string(office("seed003-sheets.source.txt")).unwrap();
    let (e, r) = same_as_text("seed003-sheets.xlsx", &source);
    assert!(r.doc.tables.len() > 10, "{}", r.doc.tables.len());
    // the numbers print as in the seed, without thousands separators (#,##0.00 → 1234.50)
    assert_eq!(e.text.lines().count(), source.lines().count());
}

#[test]
fn docx_reads_like_the_seed() {
    let s = seed("003");
    let (e, _) = same_as_text("seed003.docx", &s);
    assert_eq!(e.kind, FileKind::Docx);
    // the origin of an amount: its table (counted over the seed's tab-line blocks), row and column
    let mut table = 0;
    let mut row = 0;
    let mut prev_tab = false;
    let mut want = None;
    for l in s.lines() {
        let tab = l.contains('\t');
        if tab && !prev_tab {
            table += 1;
            row = 0;
        }
        if tab {
            row += 1;
            if let Some(col) = l.split('\t').position(|c| c == "4981.72") {
                want = Some((table, row, col as u32 + 1));
                break;
            }
        }
        prev_tab = tab;
    }
    let (table, row, col) = want.unwrap();
    let at = e.text.find("4981.72").unwrap() as u32;
    assert_eq!(e.origin_at(at), Some(&Origin::Word { table, row, col }));
}

#[test]
fn word_paragraph_origin() {
    let e = extract("seed003.docx");
    let at = e.text.find("部门职责：").unwrap() as u32;
    assert!(matches!(
        e.origin_at(at),
        Some(Origin::Word { table: 0, .. })
    ));
}

/// A zip with these entries, the last one `big` bytes of one repeated byte.
fn zip_with(entries: &[(&str, &[u8])], big: (&str, u64)) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(big.1 > u32::MAX as u64);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.start_file(big.0, opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = big.1;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        w.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bombs_are_refused_quickly() {
    let size = files::MAX_EXPANDED + (1 << 20);
    let xlsx = zip_with(
        &[("xl/workbook.xml", b"<workbook/>")],
        ("xl/worksheets/sheet1.xml", size),
    );
    let docx = zip_with(&[("word/styles.xml", b"<w/>")], ("word/document.xml", size));
    assert!(
        xlsx.len() < 4 << 20 && docx.len() < 4 << 20,
        "{} {}",
        xlsx.len(),
        docx.len()
    );
    for (name, bytes) in [("xlsx", xlsx), ("docx", docx)] {
        let t = std::time::Instant::now();
        assert_eq!(
            files::extract(&bytes).unwrap_err(),
            FileError::TooLarge,
            "{name}"
        );
        assert!(t.elapsed().as_secs() < 20, "{name}: {:?}", t.elapsed());
    }
}

#[test]
fn damaged_files_give_a_message_never_a_panic() {
    for name in [
        "seed002-onesheet.xlsx",
        "seed002-onesheet.xls",
        "seed003.docx",
    ] {
        let good = std::fs::read(office(name)).unwrap();
        let step = (good.len() / 150).max(1);
        let mut errors = 0;
        for cut in (0..good.len()).step_by(step) {
            let r = files::extract(&good[..cut]);
            if let Err(e) = r {
                assert!(!e.message().is_empty());
                errors += 1;
            }
        }
        assert!(
            errors > 100,
            "{name}: truncated files are refused ({errors})"
        );
        // flipped bytes: a pseudo-random walk over the file, several bytes at a time
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..150 {
            let mut bad = good.clone();
            for _ in 0..4 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let at = (x % bad.len() as u64) as usize;
                bad[at] ^= (x >> 32) as u8 | 1;
            }
            let _ = files::extract(&bad).map_err(|e| e.message());
        }
    }
}

#[test]
fn wrong_and_locked_files() {
    let mut corrupt = b"PK\x03\x04".to_vec();
    corrupt.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let e = files::extract(&corrupt).unwrap_err();
    assert!(matches!(e, FileError::Corrupt { .. }), "{e:?}");
    assert!(e.message().contains("损坏"), "{}", e.message());

    // a password-protected .xlsx is an OLE file holding EncryptionInfo and EncryptedPackage
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        ole.extend(name.encode_utf16().flat_map(|u| u.to_le_bytes()));
        ole.resize(ole.len() + 64, 0);
    }
    assert_eq!(files::extract(&ole).unwrap_err(), FileError::Encrypted);

    // a legacy .doc: the message asks for .docx or PDF
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend("WordDocument".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let e = files::extract(&doc).unwrap_err();
    assert_eq!(
        e,
        FileError::Unsupported {
            kind: FileKind::Doc
        }
    );
    assert!(e.message().contains(".docx"));

    // a zip that is neither workbook nor document
    let other = zip_with(&[("xl/other.txt", b"x")], ("readme.txt", 10));
    assert!(matches!(
        files::extract(&other),
        Err(FileError::Corrupt { .. })
    ));
}

#[test]
fn gbk_web_page_with_merged_cells() {
    let page = concat!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
        "<title>预算</title></head><body><p>表1 部门收支总表</p><p>单位：万元</p>",
        "<table><tr><td colspan=\"2\">收入</td><td colspan=\"2\">支出</td></tr>",
        "<tr><td>项目</td><td>金额</td><td>项目</td><td>金额</td></tr>",
        "<tr><td>一般公共预算</td><td>100.00</td><td rowspan=\"2\">卫生健康支出</td><td rowspan=\"2\">120.00</td></tr>",
        "<tr><td>事业收入</td><td>20.00</td></tr>",
        "<tr><td>本年收入合计</td><td>120.00</td><td>本年支出合计</td><td>120.00</td></tr>",
        "</table></body></html>"
    );
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    assert_eq!(files::kind_of(&bytes), FileKind::Html);
    let e = files::extract(&bytes).unwrap();
    assert_eq!(
        e.text,
        "表1 部门收支总表\n单位：万元\n\n收入\t\t支出\t\n项目\t金额\t项目\t金额\n\
         一般公共预算\t100.00\t卫生健康支出\t120.00\n事业收入\t20.00\t\t\n\
         本年收入合计\t120.00\t本年支出合计\t120.00\n\n"
    );
    // every prefix of the page reads without a panic (cut tags, entities, characters)
    for cut in 0..bytes.len() {
        let _ = files::extract(&bytes[..cut]);
        let at = (0..=cut.min(page.len()))
            .rev()
            .find(|&i| page.is_char_boundary(i));
        let _ = files::html::html_to_text(&page[..at.unwrap_or(0)]);
    }
    let r = budgetlint::check(&e.text);
    assert_eq!(r.doc.tables.len(), 1);
    let t = &r.doc.tables[0];
    let total = t.rows.iter().find(|row| row.name.contains("本年收入合计"));
    assert!(
        total.is_some(),
        "{:?}",
        t.rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
}

#[test]
fn cli_over_a_directory() {
    let dir = std::env::temp_dir().join(format!("budgetlint-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let names = [
        "seed002-onesheet.xlsx",
        "seed003.docx",
        "seed002-onesheet.xls",
    ];
    for n in names {
        std::fs::copy(office(n), dir.join("sub").join(n)).unwrap();
    }
    std::fs::write(dir.join("a.txt"), seed("003")).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_budgetlint"))
            .args(args)
            .output()
            .unwrap()
    };
    let d = dir.to_str().unwrap();
    let out = run(&["check", "--format", "jsonl", d]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    // sorted: a.txt, then sub/ in name order
    let files: Vec<&str> = lines.iter().map(|v| v["file"].as_str().unwrap()).collect();
    assert!(
        files[0].ends_with("a.txt") && files[1].ends_with(".xls"),
        "{files:?}"
    );
    assert_eq!(lines[3]["kind"], "docx");
    let with_origin = lines[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["origin"]
                .as_str()
                .is_some_and(|o| o.starts_with("部门预算!"))
        })
        .count();
    assert!(with_origin > 0, "{}", lines[1]["findings"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("共 4 个文件"), "{stderr}");
    let any_errors = [seed("002"), seed("003")]
        .iter()
        .any(|s| budgetlint::check(s).has_errors());
    assert_eq!(out.status.code(), Some(i32::from(any_errors)));

    // an unreadable file is counted and makes the exit code 2; the others are still read
    std::fs::write(dir.join("b.xlsx"), b"PK\x03\x04broken").unwrap();
    let out = run(&["check", "--format", "jsonl", d]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 5);
    assert!(stdout.contains("损坏"), "{stdout}");

    // text: a header per file, findings with their cell
    let out = run(&["check", dir.join("sub").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("== ") && text.contains("（部门预算!"),
        "{text}"
    );
    assert!(text.contains("文件 file\t类型 kind"), "{text}");

    // one unreadable file alone: its message on stderr, exit code 2 as before
    let out = run(&["check", dir.join("b.xlsx").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("损坏"));

    // extract --format json: the text with its origins
    let out = run(&[
        "extract",
        "--format",
        "json",
        dir.join("sub/seed003.docx").to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "docx");
    assert!(v["origins"].as_array().unwrap().len() > 100);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook written by hand: the parts calamine needs, one sheet with these rows, merges and
/// these cell formats (cellXfs, after the default one).
fn tiny_xlsx(sheet: &str, merges: &str, formats: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let custom: String = formats
        .iter()
        .enumerate()
        .map(|(i, f)| format!(r#"<numFmt numFmtId="{}" formatCode="{f}"/>"#, 164 + i))
        .collect();
    let xfs: String = (0..formats.len())
        .map(|i| format!(r#"<xf numFmtId="{}" applyNumberFormat="1"/>"#, 164 + i))
        .collect();
    let parts = [
        ("[Content_Types].xml".to_string(), r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels".into(), format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml".into(), format!(r#"<workbook {ns}><sheets><sheet name="收支总表" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels".into(), format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>"#)),
        ("xl/styles.xml".into(), format!(r#"<styleSheet {ns}><numFmts count="{}">{custom}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="{}"><xf numFmtId="0"/>{xfs}</cellXfs></styleSheet>"#, formats.len(), formats.len() + 1)),
        ("xl/worksheets/sheet1.xml".into(), format!(r#"<worksheet {ns}><sheetData>{sheet}</sheetData>{merges}</worksheet>"#)),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        w.start_file(name, opts).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn xlsx_cells_as_printed() {
    let s = |r: &str, v: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#);
    let n = |r: &str, style: u32, v: &str| format!(r#"<c r="{r}" s="{style}"><v>{v}</v></c>"#);
    let sheet = [
        format!(r#"<row r="1">{}</row>"#, s("A1", "表1 收支总表")),
        format!(r#"<row r="2">{}{}</row>"#, s("A2", "项目"), s("B2", "金额")),
        format!(
            r#"<row r="3">{}{}{}</row>"#,
            s("A3", "一、一般公共预算"),
            n("B3", 1, "1234.5"),
            n("C3", 2, "3")
        ),
        // a formula gives its cached value; General prints what Excel shows, not binary noise
        format!(
            r#"<row r="4">{}<c r="B4"><f>B3*2</f><v>0.30000000000000004</v></c>{}</row>"#,
            s("A4", "合计"),
            n("C4", 3, "45292")
        ),
        format!(
            r#"<row r="5">{}{}</row>"#,
            s("A5", "比率"),
            n("B5", 4, "0.125")
        ),
        // empty trailing rows and columns are not printed
        format!(r#"<row r="9">{}</row>"#, s("D9", "")),
    ]
    .concat();
    let merges = r#"<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#;
    let bytes = tiny_xlsx(&sheet, merges, &["#,##0.00", "0.00", "yyyy-mm-dd", "0.0%"]);
    let e = files::extract(&bytes).unwrap();
    assert_eq!(
        e.text,
        "收支总表\n表1 收支总表\n项目\t金额\t\n一、一般公共预算\t1234.50\t3.00\n合计\t0.3\t2024-01-01\n比率\t12.5%\t\n"
    );
    let at = e.text.find("3.00").unwrap() as u32;
    assert_eq!(e.origin_at(at).unwrap().label(), "收支总表!C3");

    // a hostile reference makes calamine allocate the whole rectangle: refused first
    let far = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        s("A1", "x"),
        s("XFD1048576", "y")
    );
    let bytes = tiny_xlsx(&far, "", &[]);
    assert_eq!(files::extract(&bytes).unwrap_err(), FileError::TooLarge);
}
