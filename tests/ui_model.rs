//! The web app's pure state, tested natively: the marker index (the marked-cell rule the browser
//! tests rely on), the reducer, the bundled examples, file sniffing and the UI texts.
use budgetlint::model::{Cell, ColKey, Column, Document, Row, RowRole, Table, TableKind, Unit};
use budgetlint::report::{CellRef, Finding, Location, Related, Report, Severity};
use budgetlint::text::Span;
use budgetlint::ui_model::examples::{self, EXAMPLES};
use budgetlint::ui_model::i18n::{self, Lang};
use budgetlint::ui_model::markers::{target_of, Target};
use budgetlint::ui_model::sniff::{self, Refusal, Sniff};
use budgetlint::ui_model::{reduce, Action, AppState, Markers, Notice, Origin, ROW};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::rc::Rc;

// ---------------------------------------------------------------------------------------------
// A small hand-made report: one table of 3 rows × 2 columns over a known text.

const SRC: &str = "合计 30.00 20.00\n甲 10.00 10.00\n乙 15.00 10.00\n说明：支出 30 万元。\n";

fn span_of(needle: &str, nth: usize) -> Span {
    let start = SRC.match_indices(needle).nth(nth).expect("needle in SRC").0;
    Span::new(start, start + needle.len())
}

fn cell(needle: &str, nth: usize) -> Option<Cell> {
    Some(Cell {
        value: needle.parse::<Decimal>().unwrap(),
        scale: 2,
        span: span_of(needle, nth),
        certain: true,
    })
}

fn row(name: &str, role: RowRole, cells: Vec<Option<Cell>>) -> Row {
    Row {
        span: span_of(name, 0),
        seq: None,
        code: None,
        name: name.to_string(),
        name_span: span_of(name, 0),
        role,
        group: 0,
        cells,
        ambiguous: false,
        category: None,
        econ_code: None,
    }
}

fn doc() -> Document {
    let col = |h: &str, key| Column {
        key,
        header: h.to_string(),
        group: 0,
    };
    let table = Table {
        id: 0,
        section: 0,
        kind: TableKind::ExpenditureSummary,
        number: Some("表3".into()),
        title: "支出总表".into(),
        title_span: Span::empty(0),
        span: Span::new(0, SRC.find("说明").unwrap()),
        unit: Unit::Wan,
        groups: vec![],
        columns: vec![col("合计", ColKey::Total), col("基本支出", ColKey::Basic)],
        rows: vec![
            row(
                "合计",
                RowRole::Total,
                vec![cell("30.00", 0), cell("20.00", 0)],
            ),
            row(
                "甲",
                RowRole::Item,
                vec![cell("10.00", 0), cell("10.00", 1)],
            ),
            row(
                "乙",
                RowRole::Item,
                vec![cell("15.00", 0), cell("10.00", 2)],
            ),
        ],
        empty: false,
        flow: false,
        positioned: false,
        unread: 0,
        notes: vec![],
    };
    Document {
        tables: vec![table],
        len: SRC.len() as u32,
        ..Document::default()
    }
}

fn at(row: usize, col: usize, span: Span) -> Location {
    Location {
        span,
        cell: Some(CellRef { table: 0, row, col }),
    }
}

fn finding(
    code: &'static str,
    severity: Severity,
    primary: Location,
    related: Vec<Location>,
) -> Finding {
    Finding {
        id: 0,
        code,
        name: "test-rule",
        severity,
        message: format!("{code} message"),
        primary,
        related: related
            .into_iter()
            .map(|loc| Related {
                loc,
                label: "分项".into(),
            })
            .collect(),
        expected: None,
        actual: None,
    }
}

/// Column sum of 合计: 30 ≠ 10 + 15 (error, primary 合计, related the parts); a warning on 乙's
/// 基本支出 that also touches 合计; a whole-row note; a narrative note; an out-of-range location.
fn report() -> Report {
    let findings = vec![
        finding(
            "S101",
            Severity::Error,
            at(0, 0, span_of("30.00", 0)),
            vec![at(1, 0, span_of("10.00", 0)), at(2, 0, span_of("15.00", 0))],
        ),
        finding(
            "S102",
            Severity::Warning,
            at(2, 1, span_of("10.00", 2)),
            vec![at(0, 0, span_of("30.00", 0))],
        ),
        finding("P002", Severity::Info, at(1, ROW, span_of("甲", 0)), vec![]),
        finding(
            "N101",
            Severity::Info,
            Location::text(span_of("30 万元", 0)),
            vec![at(0, 0, span_of("30.00", 0))],
        ),
        finding(
            "X999",
            Severity::Warning,
            at(7, 0, span_of("乙", 0)),
            vec![at(0, 9, span_of("合计", 0))],
        ),
    ];
    let mut r = Report {
        doc: doc(),
        findings,
        checks_run: 4,
        checks_skipped: vec![],
        checks: vec![],
    };
    r.normalize();
    r
}

fn id_of(r: &Report, code: &str) -> usize {
    r.findings.iter().find(|f| f.code == code).unwrap().id
}

#[test]
fn marked_cells_follow_the_rule() {
    let r = report();
    let m = Markers::build(&r);
    let t = m.table(0).unwrap();
    // Cells: (0,0) (1,0) (2,0) (2,1). Not the whole row (1, ROW), not (7,0) (no such row), not (0,9).
    let mut cells: Vec<_> = t.cells.keys().copied().collect();
    cells.sort();
    assert_eq!(cells, vec![(0, 0), (1, 0), (2, 0), (2, 1)]);
    assert_eq!(m.marked_cells(), 4);

    let total = t.cell(0, 0).unwrap();
    assert_eq!(
        total.severity,
        Severity::Error,
        "worst of error, warning, info"
    );
    assert!(total.primary);
    let mut ids = vec![id_of(&r, "S101"), id_of(&r, "S102"), id_of(&r, "N101")];
    ids.sort();
    assert_eq!(total.findings, ids);
    assert_eq!(
        total.codes(&r).split(' ').collect::<BTreeSet<_>>(),
        ["S101", "S102", "N101"].into_iter().collect()
    );
    assert!(total.messages(&r).contains("S101 S101 message"));

    let part = t.cell(1, 0).unwrap();
    assert_eq!(part.severity, Severity::Error);
    assert!(!part.primary, "only compared with");
    assert_eq!(t.cell(2, 1).unwrap().severity, Severity::Warning);

    // The whole-row location marks the row header.
    assert_eq!(t.row(1).unwrap().severity, Severity::Info);
    // An out-of-range column falls back to its row; an out-of-range row to its text.
    assert!(t.row(0).is_some());
    assert_eq!(t.rows.len(), 2);
}

/// The same rule as the browser test applies to the CLI's JSON, applied to the real seeds.
#[test]
fn marked_cells_of_every_seed_match_the_json_rule() {
    for e in EXAMPLES {
        let r = budgetlint::check(e.text);
        let m = Markers::build(&r);
        let mut expected = BTreeSet::new();
        for f in &r.findings {
            for loc in f.locations() {
                if let Some(c) = loc.cell {
                    let Some(t) = r.doc.tables.get(c.table) else {
                        continue;
                    };
                    if c.col != usize::MAX && c.row < t.rows.len() && c.col < t.columns.len() {
                        expected.insert((c.table, c.row, c.col));
                    }
                }
            }
        }
        assert_eq!(m.marked_cells(), expected.len(), "{}", e.stem);
        assert_eq!(m.tables.len(), r.doc.tables.len());
        segments_are_well_formed(&m, e.text);
        // Every finding with a location the page can show has a target.
        for f in &r.findings {
            if f.primary.cell.is_some() || !f.primary.span.is_empty() {
                assert!(
                    m.target(&r, f.id).is_some(),
                    "{}: finding {} {} has no target",
                    e.stem,
                    f.code,
                    f.id
                );
            }
        }
    }
}

fn segments_are_well_formed(m: &Markers, src: &str) {
    let mut last = 0;
    for s in &m.segments {
        assert!(s.start < s.end, "non-empty");
        assert!(s.start >= last, "sorted, non-overlapping");
        assert!((s.end as usize) <= src.len());
        assert!(src.is_char_boundary(s.start as usize) && src.is_char_boundary(s.end as usize));
        assert!(!s.mark.findings.is_empty());
        last = s.end;
    }
}

#[test]
fn source_segments_split_overlaps_and_merge_equal_neighbours() {
    let r = report();
    let m = Markers::build(&r);
    segments_are_well_formed(&m, SRC);
    // "30.00" is covered by S101 (primary), S102 and N101 (related): one segment, worst = error.
    let s = m.segment_at(span_of("30.00", 0).start).unwrap();
    assert_eq!(
        (s.start, s.end),
        (span_of("30.00", 0).start, span_of("30.00", 0).end)
    );
    assert_eq!(s.mark.severity, Severity::Error);
    assert_eq!(s.mark.findings.len(), 3);
    // The narrative mention is its own segment, the target of N101.
    let n = id_of(&r, "N101");
    assert_eq!(
        m.target(&r, n),
        Some(Target::Text(span_of("30 万元", 0).start))
    );
    assert_eq!(Target::Text(12).dom_id(), "s-12");
    // Unmarked text has no segment.
    assert!(m.segment_at(span_of("说明", 0).start).is_none());
}

#[test]
fn targets_and_related_targets() {
    let r = report();
    let m = Markers::build(&r);
    let s101 = id_of(&r, "S101");
    assert_eq!(
        m.target(&r, s101),
        Some(Target::Cell {
            table: 0,
            row: 0,
            col: 0
        })
    );
    assert_eq!(m.target(&r, s101).unwrap().dom_id(), "c-0-0-0");
    assert_eq!(
        m.related_targets(&r, s101),
        vec![
            Target::Cell {
                table: 0,
                row: 1,
                col: 0
            },
            Target::Cell {
                table: 0,
                row: 2,
                col: 0
            }
        ]
    );
    let p002 = id_of(&r, "P002");
    assert_eq!(m.target(&r, p002), Some(Target::Row { table: 0, row: 1 }));
    assert_eq!(m.target(&r, p002).unwrap().dom_id(), "r-0-1");
    // Row 7 does not exist: the finding is shown at its text.
    let x = id_of(&r, "X999");
    assert_eq!(m.target(&r, x), Some(Target::Text(span_of("乙", 0).start)));
    assert_eq!(target_of(&r.doc, &Location::text(Span::empty(3))), None);
    assert_eq!(m.target(&r, 99), None);
}

// ---------------------------------------------------------------------------------------------
// The reducer.

fn with_report() -> AppState {
    let analysis = budgetlint::ui_model::state::Analysis {
        markers: Markers::build(&report()),
        coverage: budgetlint::report::Coverage::of(&report()),
        report: report(),
        lines: budgetlint::text::LineIndex::new(SRC),
        places: Vec::new(),
    };
    AppState {
        analysis: Rc::new(analysis),
        input: Rc::from(SRC),
        ..AppState::default()
    }
}

#[test]
fn set_input_checks_the_text_and_clears_the_selection() {
    let s0 = AppState::default();
    assert_eq!(s0.origin, Origin::Empty);
    let ex = &EXAMPLES[1];
    let s1 = reduce(&s0, Action::SetInput(ex.text.to_string()));
    assert_eq!(s1.origin, Origin::Typed);
    assert_eq!(s1.revision, 1);
    assert!(!s1.analysis.report.doc.tables.is_empty());
    let s2 = reduce(&s1, Action::Select(Some(0)));
    let s3 = reduce(&s2, Action::SetInput(format!("{}\n", ex.text)));
    assert_eq!(s3.revision, 2);
    assert_eq!(s3.selected, None);
    // The same text again changes nothing.
    let s4 = reduce(&s3, Action::SetInput(s3.input.to_string()));
    assert_eq!(s4.revision, 2);
    assert!(Rc::ptr_eq(&s3.analysis, &s4.analysis));
    // Clearing.
    let s5 = reduce(&s4, Action::SetInput("  \n".into()));
    assert_eq!(s5.origin, Origin::Empty);
}

#[test]
fn examples_load_by_stem_and_unknown_stems_leave_the_text() {
    let s0 = reduce(&AppState::default(), Action::SetInput("我的文字".into()));
    let s1 = reduce(&s0, Action::LoadExample("nope".into()));
    assert_eq!(&*s1.input, "我的文字");
    assert_eq!(s1.notice, Some(Notice::UnknownExample("nope".into())));
    let e = &EXAMPLES[4];
    let s2 = reduce(&s1, Action::LoadExample(e.stem.into()));
    assert_eq!(s2.origin, Origin::Example(e.stem));
    assert_eq!(&*s2.input, e.text);
    assert_eq!(s2.notice, None);
    let s3 = reduce(&s2, Action::LoadExample(e.stem.into()));
    assert_eq!(
        s3.revision, s2.revision,
        "loading the shown example again is a no-op"
    );
}

#[test]
fn files_load_or_are_refused_without_losing_the_text() {
    let s0 = reduce(&AppState::default(), Action::SetInput("原有文字".into()));
    let s1 = reduce(
        &s0,
        Action::RefuseFile {
            name: "a.pdf".into(),
            why: Refusal::Pdf,
        },
    );
    assert_eq!(&*s1.input, "原有文字");
    assert_eq!(s1.revision, s0.revision);
    assert!(s1.notice.as_ref().unwrap().is_error());
    let s2 = reduce(
        &s1,
        Action::UndecodableFile {
            name: "b.txt".into(),
        },
    );
    assert_eq!(&*s2.input, "原有文字");
    let s3 = reduce(
        &s2,
        Action::LoadFile {
            name: "c.txt".into(),
            text: "新文字".into(),
            encoding: "GBK/GB18030",
        },
    );
    assert_eq!(&*s3.input, "新文字");
    assert_eq!(s3.origin, Origin::File("c.txt".into()));
    assert_eq!(
        s3.notice,
        Some(Notice::Loaded {
            name: "c.txt".into(),
            encoding: "GBK/GB18030"
        })
    );
    assert!(!s3.notice.as_ref().unwrap().is_error());
    let s4 = reduce(&s3, Action::DismissNotice);
    assert_eq!(s4.notice, None);
}

#[test]
fn files_read_by_a_reader_keep_their_places_and_failures_keep_the_text() {
    use budgetlint::files::{Extracted, FileError, FileKind, Origin as Place};
    let s0 = reduce(&AppState::default(), Action::SetInput("原有文字".into()));
    let s1 = reduce(
        &s0,
        Action::ReadingFile {
            name: "a.pdf".into(),
            kind: FileKind::Pdf,
        },
    );
    assert_eq!(&*s1.input, "原有文字");
    assert!(!s1.notice.as_ref().unwrap().is_error());
    assert!(i18n::notice(Lang::Zh, s1.notice.as_ref().unwrap()).contains("正在读取 a.pdf"));
    let s2 = reduce(
        &s1,
        Action::UnreadableFile {
            name: "a.pdf".into(),
            why: FileError::NoTextLayer,
        },
    );
    assert_eq!(&*s2.input, "原有文字");
    assert_eq!(s2.revision, s0.revision);
    let said = i18n::notice(Lang::Zh, s2.notice.as_ref().unwrap());
    assert!(
        said.contains("没有文字层") && said.contains("当前文字保持不变"),
        "{said}"
    );
    assert!(i18n::notice(Lang::En, s2.notice.as_ref().unwrap()).contains("no text layer"));
    // Two pages: the first line comes from page 1, the rest from page 2.
    let text = "合计 30.00 20.00\n甲 10.00 10.00\n乙 15.00 10.00\n".to_string();
    let split = text.find('甲').unwrap();
    let page = |page| Place::Page {
        page,
        bbox: [0.0, 0.0, 10.0, 10.0],
    };
    let extracted = Extracted {
        kind: FileKind::Pdf,
        text: text.clone(),
        origins: vec![
            (Span::new(0, split), page(1)),
            (Span::new(split, text.len()), page(2)),
        ],
        notes: vec!["第 3 页没有文字。".into()],
    };
    let s3 = reduce(
        &s2,
        Action::LoadExtracted {
            name: "a.pdf".into(),
            extracted,
        },
    );
    assert_eq!(&*s3.input, text.as_str());
    assert_eq!(s3.origin, Origin::File("a.pdf".into()));
    assert_eq!(s3.revision, s2.revision + 1);
    let a = &s3.analysis;
    assert_eq!(a.place_at(0), Some(&page(1)));
    assert_eq!(a.place_at(split as u32 + 3), Some(&page(2)));
    assert_eq!(i18n::place_label(Lang::Zh, &page(2)), "第 2 页");
    assert_eq!(i18n::place_label(Lang::En, &page(2)), "p. 2");
    let said = i18n::notice(Lang::Zh, s3.notice.as_ref().unwrap());
    assert!(
        said.contains("PDF 文字层") && said.contains("第 3 页没有文字"),
        "{said}"
    );
    // A typed text afterwards has no file places.
    let s4 = reduce(&s3, Action::SetInput("新文字".into()));
    assert!(s4.analysis.places.is_empty());
    assert_eq!(s4.analysis.place_at(0), None);
    let cell = Place::Cell {
        sheet: "表1".into(),
        cell: "C7".into(),
    };
    assert_eq!(i18n::place_label(Lang::En, &cell), "表1!C7");
}

#[test]
fn select_pick_and_step() {
    let s = with_report();
    let n = s.analysis.report.findings.len();
    let order = s.visible_order();
    assert_eq!(order.len(), n);
    let a = reduce(&s, Action::Select(Some(1)));
    assert_eq!((a.selected, a.jumps), (Some(1), 1));
    let b = reduce(&a, Action::Pick(2));
    assert_eq!(
        (b.selected, b.jumps),
        (Some(2), 1),
        "picking in place does not jump"
    );
    assert_eq!(reduce(&b, Action::Select(Some(99))).selected, None);
    assert_eq!(reduce(&b, Action::Select(None)).jumps, 1);

    let first = reduce(
        &s,
        Action::Step {
            by: 1,
            order: order.clone(),
        },
    );
    assert_eq!(first.selected, Some(order[0]));
    assert_eq!(first.jumps, 1);
    let last = reduce(
        &s,
        Action::Step {
            by: -1,
            order: order.clone(),
        },
    );
    assert_eq!(last.selected, Some(order[n - 1]));
    let second = reduce(
        &first,
        Action::Step {
            by: 1,
            order: order.clone(),
        },
    );
    assert_eq!(second.selected, Some(order[1]));
    let back = reduce(
        &second,
        Action::Step {
            by: -1,
            order: order.clone(),
        },
    );
    assert_eq!(back.selected, Some(order[0]));
    let clamp = reduce(
        &back,
        Action::Step {
            by: -1,
            order: order.clone(),
        },
    );
    assert_eq!(clamp.selected, Some(order[0]));
    let end = reduce(
        &last,
        Action::Step {
            by: 5,
            order: order.clone(),
        },
    );
    assert_eq!(end.selected, Some(order[n - 1]));
    assert_eq!(
        reduce(
            &s,
            Action::Step {
                by: 1,
                order: vec![]
            }
        )
        .selected,
        None
    );
}

#[test]
fn groups_are_by_rule_worst_first_and_follow_the_filter() {
    let s = with_report();
    let groups = s.groups();
    let codes: Vec<_> = groups.iter().map(|g| g.code).collect();
    assert_eq!(codes, vec!["S101", "S102", "X999", "N101", "P002"]);
    assert_eq!(
        groups.iter().map(|g| g.findings.len()).sum::<usize>(),
        s.analysis.report.findings.len()
    );
    assert_eq!(
        s.visible_order(),
        groups
            .iter()
            .flat_map(|g| g.findings.clone())
            .collect::<Vec<_>>()
    );

    let sel = reduce(&s, Action::Select(Some(id_of(&s.analysis.report, "N101"))));
    let no_info = reduce(&sel, Action::ToggleSeverity(Severity::Info));
    assert!(!no_info.filter.info);
    assert_eq!(no_info.selected, None, "a hidden finding is deselected");
    assert_eq!(
        no_info.groups().iter().map(|g| g.code).collect::<Vec<_>>(),
        vec!["S101", "S102", "X999"]
    );
    let again = reduce(&no_info, Action::ToggleSeverity(Severity::Info));
    assert_eq!(again.groups().len(), 5);
}

#[test]
fn toggle_group_and_language() {
    let s = AppState::default();
    let a = reduce(&s, Action::ToggleGroup("S101".into()));
    assert!(a.expanded.contains("S101"));
    let b = reduce(&a, Action::ToggleGroup("S101".into()));
    assert!(b.expanded.is_empty());
    assert_eq!(s.lang, Lang::Zh);
    let en = reduce(&s, Action::SetLang(Lang::En));
    assert_eq!(en.lang, Lang::En);
    assert_eq!(en.lang.other(), Lang::Zh);
}

// ---------------------------------------------------------------------------------------------
// Examples, sniffing, texts.

#[test]
fn every_seed_is_bundled_and_reachable_by_fragment() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    let bundled: Vec<String> = EXAMPLES.iter().map(|e| e.stem.to_string()).collect();
    assert_eq!(bundled, stems);
    for e in EXAMPLES {
        assert_eq!(
            e.text,
            std::fs::read_to_string(dir.join(format!("{}.txt", e.stem))).unwrap()
        );
        assert_eq!(
            examples::from_fragment(&examples::fragment(e.stem)).map(|x| x.stem),
            Some(e.stem)
        );
    }
    assert_eq!(
        examples::from_fragment("#x=1&example=001_c9c5d3a72905beca").map(|e| e.stem),
        Some("001_c9c5d3a72905beca")
    );
    assert!(examples::from_fragment("#example=").is_none());
    assert!(examples::from_fragment("").is_none());
}

#[test]
fn sniffing_recognises_encodings_and_refuses_non_text() {
    assert_eq!(sniff::sniff("部门预算 2023".as_bytes()), Sniff::Utf8);
    assert_eq!(sniff::sniff(b"\xEF\xBB\xBF\xE9\x83\xA8"), Sniff::Utf8Bom);
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("部门 budget".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(sniff::sniff(&le), Sniff::Utf16Le { bom: true });
    assert_eq!(
        sniff::strip_bom(sniff::decode_utf16(&le, true)),
        "部门 budget"
    );
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("部门 budget".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(sniff::sniff(&be), Sniff::Utf16Be { bom: true });
    assert_eq!(
        sniff::strip_bom(sniff::decode_utf16(&be, false)),
        "部门 budget"
    );
    let le_nobom: Vec<u8> = "预算表 2023 table"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(sniff::sniff(&le_nobom), Sniff::Utf16Le { bom: false });
    let be_nobom: Vec<u8> = "预算表 2023 table"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(sniff::sniff(&be_nobom), Sniff::Utf16Be { bom: false });
    // "部门预算核对" in GBK.
    let gbk = [
        0xB2, 0xBF, 0xC3, 0xC5, 0xD4, 0xA4, 0xCB, 0xE3, 0xBA, 0xCB, 0xB6, 0xD4, b'\n',
    ];
    assert_eq!(sniff::sniff(&gbk), Sniff::Legacy);
    assert_eq!(
        sniff::sniff(b"%PDF-1.7\n%\xE2\xE3"),
        Sniff::Refused(Refusal::Pdf)
    );
    assert_eq!(
        sniff::sniff(b"PK\x03\x04\x14\x00"),
        Sniff::Refused(Refusal::OfficeZip)
    );
    assert_eq!(
        sniff::sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
        Sniff::Refused(Refusal::OfficeLegacy)
    );
    assert_eq!(
        sniff::sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        Sniff::Refused(Refusal::Binary)
    );
    assert_eq!(sniff::sniff(b""), Sniff::Refused(Refusal::Empty));
}

#[test]
fn both_languages_say_everything() {
    for lang in [Lang::Zh, Lang::En] {
        let t = lang.texts();
        for s in [
            t.title,
            t.privacy,
            t.examples,
            t.open_file,
            t.placeholder,
            t.findings,
            t.unchecked,
            t.source,
            t.tables,
        ] {
            assert!(!s.is_empty());
        }
        for n in [
            Notice::Loaded {
                name: "a.txt".into(),
                encoding: "UTF-8",
            },
            Notice::Refused {
                name: "a.pdf".into(),
                why: Refusal::Pdf,
            },
            Notice::Undecodable { name: "b".into() },
            Notice::UnknownExample("x".into()),
        ] {
            assert!(!i18n::notice(lang, &n).is_empty());
        }
    }
    assert!(Lang::Zh.texts().privacy.contains("不会上传"));
    assert!(i18n::notice(
        Lang::Zh,
        &Notice::Refused {
            name: "a.pdf".into(),
            why: Refusal::Pdf
        }
    )
    .contains("当前文字保持不变"));
}
