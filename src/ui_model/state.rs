//! Everything the page remembers, and the one function that changes it.
use super::examples;
use super::i18n::Lang;
use super::markers::Markers;
use super::sniff::Refusal;
use crate::files::{Extracted, FileError, FileKind, Origin as Place};
use crate::report::{Report, Severity};
use crate::text::{LineIndex, Span};
use std::collections::BTreeSet;
use std::rc::Rc;

/// The checked input: the report and its marker index, computed together once per input.
#[derive(Debug)]
pub struct Analysis {
    pub report: Report,
    pub markers: Markers,
    pub lines: LineIndex,
    /// Numbers read and numbers checked (the summary bar shows them).
    pub coverage: crate::report::Coverage,
    /// For a text read from a file: where each piece of it is in the file (page, sheet cell),
    /// sorted by span start. Empty for typed or pasted text.
    pub places: Vec<(Span, Place)>,
}

impl Analysis {
    pub fn of(src: &str) -> Analysis {
        Analysis::of_file(src, Vec::new())
    }

    /// The analysis of a text read from a file, with the file places of its pieces.
    pub fn of_file(src: &str, places: Vec<(Span, Place)>) -> Analysis {
        let report = crate::check(src);
        let markers = Markers::build(&report);
        Analysis {
            coverage: crate::report::Coverage::of(&report),
            report,
            markers,
            lines: LineIndex::new(src),
            places,
        }
    }

    /// The place in the file of the text at byte `at` (the piece containing it, or the nearest
    /// piece before it on the same page or sheet).
    pub fn place_at(&self, at: u32) -> Option<&Place> {
        let i = self.places.partition_point(|(s, _)| s.start <= at);
        i.checked_sub(1).map(|i| &self.places[i].1)
    }
}

impl Default for Analysis {
    fn default() -> Analysis {
        Analysis::of("")
    }
}

/// Where the current text came from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Empty,
    /// Typed or pasted by the user (never put in the URL).
    Typed,
    /// A bundled example, by stem.
    Example(&'static str),
    /// A file that was dropped or picked, by name.
    File(String),
}

/// A message about the last file or example load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file was read; `encoding` is what it was decoded from.
    Loaded {
        name: String,
        encoding: &'static str,
    },
    /// The file was not read; the current text is unchanged.
    Refused { name: String, why: Refusal },
    /// Text-like bytes in no encoding we know.
    Undecodable { name: String },
    /// `#example=` named no bundled example.
    UnknownExample(String),
    /// A PDF, workbook or Word file is being read (in a worker); the current text stays until the
    /// reading ends.
    Reading { name: String, kind: FileKind },
    /// A PDF, workbook, Word file or web page was read into text; `notes` are the reader's own
    /// remarks (a page without text, a sheet skipped).
    Extracted {
        name: String,
        kind: FileKind,
        notes: Vec<String>,
    },
    /// A PDF, workbook or Word file could not be read; the current text is unchanged.
    Unreadable { name: String, why: FileError },
}

impl Notice {
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            Notice::Loaded { .. } | Notice::Reading { .. } | Notice::Extracted { .. }
        )
    }
}

/// Which severities the findings panel lists (markers in the tables always show everything).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter {
    pub error: bool,
    pub warning: bool,
    pub info: bool,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            error: true,
            warning: true,
            info: true,
        }
    }
}

impl Filter {
    pub fn shows(&self, s: Severity) -> bool {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    fn toggle(mut self, s: Severity) -> Filter {
        match s {
            Severity::Error => self.error = !self.error,
            Severity::Warning => self.warning = !self.warning,
            Severity::Info => self.info = !self.info,
        }
        self
    }
}

/// Findings of one rule, as listed in the panel ("N × 名称").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub code: &'static str,
    pub name: &'static str,
    /// Worst severity in the group.
    pub severity: Severity,
    /// Finding ids in report (source) order.
    pub findings: Vec<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct AppState {
    pub input: Rc<str>,
    pub analysis: Rc<Analysis>,
    pub origin: Origin,
    /// Bumped on every change of the input (the page exposes it as `data-rev` for tests).
    pub revision: u64,
    /// The selected finding id.
    pub selected: Option<usize>,
    /// Bumped when the selection should also move the focus to the finding's cell or sentence
    /// (chosen in the list or by keyboard, not by clicking the cell itself).
    pub jumps: u64,
    pub filter: Filter,
    /// Rule codes whose documentation is open.
    pub expanded: BTreeSet<String>,
    pub lang: Lang,
    pub notice: Option<Notice>,
    /// The text area is open for editing. When closed, a loaded text is shown as a one-line
    /// summary (the source view shows it in full): laying out a large text area costs far more
    /// than checking its text, so it is only shown when asked for.
    pub editing: bool,
    /// The rules' full docs are at hand (in the web app they are loaded when one is first opened).
    pub rule_docs: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The text area changed (typed, pasted, cleared).
    SetInput(String),
    /// Load a bundled example by stem.
    LoadExample(String),
    /// A file was decoded.
    LoadFile {
        name: String,
        text: String,
        encoding: &'static str,
    },
    /// A file was refused; the current text stays.
    RefuseFile {
        name: String,
        why: Refusal,
    },
    UndecodableFile {
        name: String,
    },
    /// A file is handed to its reader (the notice says so until it ends).
    ReadingFile {
        name: String,
        kind: FileKind,
    },
    /// A file was read into text by its reader (PDF, Excel, Word, web page).
    LoadExtracted {
        name: String,
        extracted: Extracted,
    },
    /// A file's reader gave up with a reason; the current text stays.
    UnreadableFile {
        name: String,
        why: FileError,
    },
    /// Select a finding from the list (or clear the selection) and jump to it.
    Select(Option<usize>),
    /// Select a finding where the user already is (a clicked cell or source mark): no jump.
    Pick(usize),
    /// Move the selection by `by` through `order` (the visible findings in display order).
    Step {
        by: isize,
        order: Vec<usize>,
    },
    ToggleGroup(String),
    /// The rules' docs were wanted (the app loads them, then sends [`Action::RuleDocsLoaded`]).
    WantRuleDocs,
    /// The rules' docs script has run (or failed to load: the docs then say so).
    RuleDocsLoaded,
    ToggleSeverity(Severity),
    SetLang(Lang),
    DismissNotice,
    /// Open or close the text area.
    SetEditing(bool),
}

impl AppState {
    /// Group the findings the filter shows by rule: errors first, then warnings, then notes; by code
    /// within a severity.
    pub fn groups(&self) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for f in &self.analysis.report.findings {
            if !self.filter.shows(f.severity) {
                continue;
            }
            match groups.iter_mut().find(|g| g.code == f.code) {
                Some(g) => {
                    g.severity = g.severity.min(f.severity);
                    g.findings.push(f.id);
                }
                None => groups.push(Group {
                    code: f.code,
                    name: f.name,
                    severity: f.severity,
                    findings: vec![f.id],
                }),
            }
        }
        crate::text::sort::sort_by(&mut groups, |a, b| {
            (a.severity, a.code).cmp(&(b.severity, b.code))
        });
        groups
    }

    /// The visible findings in the order the panel lists them (keyboard navigation follows it).
    pub fn visible_order(&self) -> Vec<usize> {
        self.groups().into_iter().flat_map(|g| g.findings).collect()
    }

    fn with_input(&self, text: String, origin: Origin) -> AppState {
        self.with_analysis(Analysis::of(&text), text, origin)
    }

    fn with_analysis(&self, analysis: Analysis, text: String, origin: Origin) -> AppState {
        let analysis = Rc::new(analysis);
        // Typing goes on in the open text area; a new document (example, file) closes it.
        let editing = self.editing && origin == Origin::Typed;
        AppState {
            input: Rc::from(text),
            analysis,
            origin,
            revision: self.revision + 1,
            selected: None,
            notice: None,
            editing,
            ..self.clone()
        }
    }
}

/// The reducer: a new state from the old one and an action. Pure; the app adds `impl Reducible`.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    match action {
        Action::SetInput(text) => {
            if *state.input == *text {
                return state.clone();
            }
            let origin = if text.trim().is_empty() {
                Origin::Empty
            } else {
                Origin::Typed
            };
            state.with_input(text, origin)
        }
        Action::LoadExample(stem) => match examples::by_stem(&stem) {
            Some(e) => {
                // in the web app the text arrives first (the app loads it, then dispatches)
                let Some(text) = examples::text(e) else {
                    return state.clone();
                };
                if state.origin == Origin::Example(e.stem) && *state.input == *text {
                    return state.clone();
                }
                state.with_input(text.to_string(), Origin::Example(e.stem))
            }
            None => AppState {
                notice: Some(Notice::UnknownExample(stem)),
                ..state.clone()
            },
        },
        Action::LoadFile {
            name,
            text,
            encoding,
        } => {
            let mut next = state.with_input(text, Origin::File(name.clone()));
            next.notice = Some(Notice::Loaded { name, encoding });
            next
        }
        Action::ReadingFile { name, kind } => AppState {
            notice: Some(Notice::Reading { name, kind }),
            ..state.clone()
        },
        Action::LoadExtracted { name, extracted } => {
            let Extracted {
                kind,
                text,
                origins,
                notes,
            } = extracted;
            let analysis = Analysis::of_file(&text, origins);
            let mut next = state.with_analysis(analysis, text, Origin::File(name.clone()));
            next.notice = Some(Notice::Extracted { name, kind, notes });
            next
        }
        Action::UnreadableFile { name, why } => AppState {
            notice: Some(Notice::Unreadable { name, why }),
            ..state.clone()
        },
        Action::RefuseFile { name, why } => AppState {
            notice: Some(Notice::Refused { name, why }),
            ..state.clone()
        },
        Action::UndecodableFile { name } => AppState {
            notice: Some(Notice::Undecodable { name }),
            ..state.clone()
        },
        Action::Select(id) => {
            let selected = id.filter(|&i| i < state.analysis.report.findings.len());
            let jumps = state.jumps + u64::from(selected.is_some());
            AppState {
                selected,
                jumps,
                ..state.clone()
            }
        }
        Action::Pick(id) => {
            let selected = Some(id).filter(|&i| i < state.analysis.report.findings.len());
            AppState {
                selected,
                ..state.clone()
            }
        }
        Action::Step { by, order } => {
            if order.is_empty() {
                return AppState {
                    selected: None,
                    ..state.clone()
                };
            }
            let last = order.len() - 1;
            let at = state
                .selected
                .and_then(|s| order.iter().position(|&i| i == s));
            let next = match at {
                Some(i) => i.saturating_add_signed(by).min(last),
                None if by < 0 => last,
                None => 0,
            };
            AppState {
                selected: Some(order[next]),
                jumps: state.jumps + 1,
                ..state.clone()
            }
        }
        Action::ToggleGroup(code) => {
            let mut expanded = state.expanded.clone();
            if !expanded.remove(&code) {
                expanded.insert(code);
            }
            AppState {
                expanded,
                ..state.clone()
            }
        }
        Action::WantRuleDocs => state.clone(),
        Action::RuleDocsLoaded => AppState {
            rule_docs: true,
            ..state.clone()
        },
        Action::ToggleSeverity(s) => {
            let filter = state.filter.toggle(s);
            let mut next = AppState {
                filter,
                ..state.clone()
            };
            if let Some(sel) = next.selected {
                if next
                    .analysis
                    .report
                    .findings
                    .get(sel)
                    .is_some_and(|f| !filter.shows(f.severity))
                {
                    next.selected = None;
                }
            }
            next
        }
        Action::SetLang(lang) => AppState {
            lang,
            ..state.clone()
        },
        Action::SetEditing(editing) => AppState {
            editing,
            ..state.clone()
        },
        Action::DismissNotice => AppState {
            notice: None,
            ..state.clone()
        },
    }
}
