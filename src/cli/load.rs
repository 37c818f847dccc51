//! The inputs of one run: files and directories expanded into a sorted list, each file read and
//! turned into text (text files decoded as before, other kinds through `files::extract`), on a
//! small pool of threads with the results kept in input order.
use budgetlint::files::{self, Extracted, FileKind};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One input, read: its text and, for a file that was not plain text, what its reader found.
pub struct Loaded {
    pub kind: FileKind,
    pub text: String,
    pub extracted: Option<Extracted>,
}

/// The files to read: each argument as is, a directory replaced by every file below it (sorted,
/// hidden files skipped). `-` stands for standard input.
pub fn expand(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a != "-" && p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| format!("无法读取目录 {a}: {e}"))?;
            found.sort();
            out.extend(found.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Read one input into text; the error is the message the user sees.
pub fn load(path: &str) -> Result<Loaded, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("无法读取 {path}: {e}"))?;
    }
    let kind = files::kind_of(&bytes);
    if kind == FileKind::Text {
        let text = budgetlint::text::decode(&bytes)?;
        return Ok(Loaded {
            kind,
            text,
            extracted: None,
        });
    }
    let e = files::extract(&bytes).map_err(|e| e.message())?;
    Ok(Loaded {
        kind,
        text: e.text.clone(),
        extracted: Some(e),
    })
}

/// Run `work` on every item on up to `available_parallelism` threads; the results in item order.
pub fn parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = work(item);
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}
