//! The native command line: `budgetlint parse|check [--format text|json] [FILE|-]`.
use budgetlint::{parse, render, rules};
use std::io::{Read, Write};

const USAGE: &str = "用法 usage:
  budgetlint check [--format text|json] [--only CODE,...] [FILE|-]   核对文件，有 error 时退出码 1
  budgetlint parse [--format text|json] [FILE|-]                     只解析，输出表格模型
  budgetlint rules                                                   列出全部规则
读取 FILE（省略或 - 时读标准输入）；UTF-8 / UTF-8 BOM / UTF-16 (BOM) 文本。退出码：0 无错误，1 有错误，2 无法读取或参数错误";

pub fn run(args: Vec<String>) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("budgetlint: {msg}");
            2
        }
    }
}

fn run_inner(args: Vec<String>) -> Result<i32, String> {
    let mut it = args.into_iter();
    let cmd = it.next().ok_or_else(|| format!("缺少子命令\n{USAGE}"))?;
    if cmd == "--help" || cmd == "-h" || cmd == "help" {
        println!("{USAGE}");
        return Ok(0);
    }
    let mut format = "text".to_string();
    let mut file: Option<String> = None;
    let mut only: Vec<String> = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => format = it.next().ok_or("--format 需要 text 或 json")?,
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
                return Ok(0);
            }
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            s if s.starts_with('-') && s != "-" => return Err(format!("未知参数 {s}\n{USAGE}")),
            s => {
                if file.is_some() {
                    return Err("只能给一个文件".into());
                }
                file = Some(s.to_string());
            }
        }
    }
    if format != "text" && format != "json" {
        return Err(format!("--format 只能是 text 或 json，而不是 {format}"));
    }
    if cmd == "rules" {
        let out = render::text::rules_list();
        print!("{out}");
        return Ok(0);
    }
    if cmd != "check" && cmd != "parse" {
        return Err(format!("未知子命令 {cmd}\n{USAGE}"));
    }
    let src = read_input(file.as_deref())?;
    let mut stdout = std::io::stdout().lock();
    if cmd == "parse" {
        let parsed = parse::parse(&src);
        let out = if format == "json" {
            render::json::parsed(&parsed)
        } else {
            render::text::parsed(&src, &parsed)
        };
        let _ = stdout.write_all(out.as_bytes());
        return Ok(0);
    }
    let config = rules::Config { only };
    let report = budgetlint::check_with(&src, &config);
    let out = if format == "json" {
        render::json::report(&report)
    } else {
        render::text::report(&src, &report)
    };
    let _ = stdout.write_all(out.as_bytes());
    Ok(if report.has_errors() { 1 } else { 0 })
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("无法读取标准输入: {e}"))?;
        }
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("无法读取 {path}: {e}"))?;
        }
    }
    budgetlint::text::decode(&bytes).map_err(|e| format!("{}: {e}", file.unwrap_or("stdin")))
}
