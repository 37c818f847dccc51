//! The native command line: `budgetlint check|parse|extract [--format text|json|jsonl] FILE_OR_DIR…`.
mod load;
mod out;

use budgetlint::render;
use out::Format;
use std::io::Write;

const USAGE: &str = "用法 usage:
  budgetlint check [--format text|json|jsonl] [--only CODE,...] [FILE|DIR|-]...   核对文件，有 error 时退出码 1
  budgetlint parse [--format text|json|jsonl] [FILE|DIR|-]...                     只解析，输出表格模型
  budgetlint extract [--format text|json] FILE                                   输出从文件读出的文字（json：连同每段文字的来源）
  budgetlint rules                                                                列出全部规则
FILE 按内容识别 (kind by content)：UTF-8 / UTF-8 BOM / UTF-16 (BOM) 文本，Excel (.xlsx/.xls)，Word (.docx)，网页 (.html，UTF-8 或 GBK)。
DIR 读其下全部文件（递归，按名排序）；省略或 - 时读标准输入。多个文件时最后输出汇总表（json/jsonl 时汇总在标准错误）。
jsonl：每个文件一行 JSON (one compact JSON object per file per line)。
退出码 exit code：0 无错误，1 有错误，2 有文件无法读取或参数错误";

pub fn run(args: Vec<String>) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("budgetlint: {msg}");
            2
        }
    }
}

struct Args {
    cmd: String,
    format: Format,
    only: Vec<String>,
    inputs: Vec<String>,
}

fn parse_args(args: Vec<String>) -> Result<Option<Args>, String> {
    let mut it = args.into_iter();
    let cmd = it.next().ok_or_else(|| format!("缺少子命令\n{USAGE}"))?;
    if cmd == "--help" || cmd == "-h" || cmd == "help" {
        println!("{USAGE}");
        return Ok(None);
    }
    let mut format = "text".to_string();
    let mut inputs = Vec::new();
    let mut only: Vec<String> = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => format = it.next().ok_or("--format 需要 text、json 或 jsonl")?,
            "--only" => {
                only = it
                    .next()
                    .ok_or("--only 需要规则代码")?
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(None);
            }
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            s if s.starts_with('-') && s != "-" => return Err(format!("未知参数 {s}\n{USAGE}")),
            s => inputs.push(s.to_string()),
        }
    }
    let format = match format.as_str() {
        "text" => Format::Text,
        "json" => Format::Json,
        "jsonl" => Format::Jsonl,
        _ => {
            return Err(format!(
                "--format 只能是 text、json 或 jsonl，而不是 {format}"
            ))
        }
    };
    Ok(Some(Args {
        cmd,
        format,
        only,
        inputs,
    }))
}

fn run_inner(args: Vec<String>) -> Result<i32, String> {
    let Some(a) = parse_args(args)? else {
        return Ok(0);
    };
    match a.cmd.as_str() {
        "rules" => {
            print!("{}", render::text::rules_list());
            Ok(0)
        }
        "extract" => extract(&a),
        "check" | "parse" => batch(&a),
        other => Err(format!("未知子命令 {other}\n{USAGE}")),
    }
}

/// `extract FILE`: the text a file reads into (JSON: with its origin map and notes).
fn extract(a: &Args) -> Result<i32, String> {
    let [path] = a.inputs.as_slice() else {
        return Err("extract 需要一个文件".into());
    };
    let l = load::load(path)?;
    let out = match (&l.extracted, a.format) {
        (Some(e), Format::Json | Format::Jsonl) => {
            serde_json::to_string_pretty(e).unwrap_or_default() + "\n"
        }
        _ => l.text,
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(0)
}

/// `check` / `parse` over every input, in parallel, printed in input order.
fn batch(a: &Args) -> Result<i32, String> {
    let inputs = if a.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        a.inputs.clone()
    };
    let paths = load::expand(&inputs)?;
    if paths.is_empty() {
        return Err("目录中没有文件".into());
    }
    let check = a.cmd == "check";
    let single = paths.len() == 1;
    if single {
        // one input behaves as before: an unreadable one is an error message and exit code 2
        let l = load::load(&paths[0])?;
        let d = out::one(&paths[0], &l, check, &a.only, a.format);
        let _ = std::io::stdout().lock().write_all(d.output.as_bytes());
        return Ok(exit_code(std::slice::from_ref(&d)));
    }
    let done = load::parallel(&paths, |p| match load::load(p) {
        Ok(l) => out::one(p, &l, check, &a.only, a.format),
        Err(m) => out::unreadable(p, m, a.format),
    });
    let mut stdout = std::io::stdout().lock();
    for (p, d) in paths.iter().zip(&done) {
        if a.format == Format::Text {
            let _ = writeln!(stdout, "== {p} ==");
            if let out::Row::Unreadable(m) = &d.row {
                let _ = writeln!(stdout, "无法读取 unreadable: {m}\n");
                continue;
            }
        }
        let _ = stdout.write_all(d.output.as_bytes());
        if a.format == Format::Text {
            let _ = writeln!(stdout);
        }
    }
    let summary = out::summary(&paths, &done);
    if a.format == Format::Text {
        let _ = stdout.write_all(summary.as_bytes());
    } else {
        // stdout stays machine-readable
        eprint!("{summary}");
    }
    Ok(exit_code(&done))
}

/// 2 when an input could not be read, else 1 when one has errors, else 0.
fn exit_code(done: &[out::Done]) -> i32 {
    let mut code = 0;
    for d in done {
        match &d.row {
            out::Row::Unreadable(_) => return 2,
            out::Row::Read { errors, .. } if *errors > 0 => code = 1,
            _ => {}
        }
    }
    code
}
