//! The mdtest harness: runs every Markdown test file under `tests/mdtest/` (the format is
//! described in `tests/mdtest/README.md`). One `check` helper; failures of all sections are
//! collected and reported together.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cinder_checker::{CheckerDb, LineIndex, SourceFile, check_file};

/// The import root every test project lives under.
const ROOT: &str = "/src";

#[derive(Debug, Clone, PartialEq)]
struct Block {
    file: String,
    text: String,
    /// 1-based line of the block's first line in the Markdown file.
    md_line: usize,
}

#[derive(Debug)]
struct Section {
    title: String,
    blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Error,
    Warning,
    Revealed,
}

#[derive(Debug, Clone, PartialEq)]
struct Expectation {
    line: u32,
    kind: Kind,
    column: Option<u32>,
    code: Option<String>,
    text: Option<String>,
}

/// Splits a Markdown file into sections of code blocks.
fn parse_markdown(md: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut headings: Vec<(usize, String)> = Vec::new();
    let mut current = Section {
        title: String::new(),
        blocks: Vec::new(),
    };
    let mut lines = md.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if let Some(fence) = line.strip_prefix("```") {
            let info = fence.trim();
            let mut body = String::new();
            let mut closed = false;
            for (_, inner) in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    closed = true;
                    break;
                }
                body.push_str(inner);
                body.push('\n');
            }
            assert!(closed, "unclosed code block at line {}", i + 1);
            let lang = info.split_whitespace().next().unwrap_or("");
            if !matches!(lang, "py" | "python" | "pyi") {
                continue;
            }
            let title = info
                .split_once("title=\"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(t, _)| t);
            let file = match title {
                Some(t) => t.to_string(),
                None if lang == "pyi" => "main.pyi".to_string(),
                None => "main.py".to_string(),
            };
            current.blocks.push(Block {
                file,
                text: body,
                md_line: i + 2,
            });
        } else if line.starts_with('#') {
            let level = line.chars().take_while(|c| *c == '#').count();
            let text = line[level..].trim().to_string();
            if !current.blocks.is_empty() {
                sections.push(std::mem::replace(
                    &mut current,
                    Section {
                        title: String::new(),
                        blocks: Vec::new(),
                    },
                ));
            }
            headings.retain(|(l, _)| *l < level);
            headings.push((level, text));
            current.title = headings
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" > ");
        }
    }
    if !current.blocks.is_empty() {
        sections.push(current);
    }
    sections
}

/// Reads the assertions written in the comments of one source text.
fn parse_expectations(text: &str) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = find_marker(rest) {
            let after = &rest[at + 1..];
            let (kind, body) = if let Some(b) = after.trim_start().strip_prefix("revealed:") {
                (Kind::Revealed, b)
            } else if let Some(b) = after.trim_start().strip_prefix("error") {
                (Kind::Error, b)
            } else if let Some(b) = after.trim_start().strip_prefix("warning") {
                (Kind::Warning, b)
            } else {
                rest = after;
                continue;
            };
            // Optional `+N` line offset, then `:` (revealed has consumed its colon).
            let (offset, body) = if kind == Kind::Revealed {
                (0, body)
            } else {
                let digits_start = body.strip_prefix('+');
                let (offset, body) = match digits_start {
                    Some(b) => {
                        let n: String = b.chars().take_while(char::is_ascii_digit).collect();
                        (
                            n.parse::<u32>()
                                .map_err(|_| format!("line {}: bad `+N`", i + 1))?,
                            &b[n.len()..],
                        )
                    }
                    None => (0, body),
                };
                let Some(body) = body.strip_prefix(':') else {
                    return Err(format!("line {}: expected `:` after error/warning", i + 1));
                };
                (offset, body)
            };
            // The assertion ends where the next one starts.
            let end = find_marker(body).unwrap_or(body.len());
            let (item, next) = body.split_at(end);
            let item = item.trim();
            let line_no = i as u32 + 1 + offset;
            let expectation = if kind == Kind::Revealed {
                Expectation {
                    line: line_no,
                    kind,
                    column: None,
                    code: None,
                    text: Some(item.to_string()),
                }
            } else {
                parse_item(item, line_no, kind).map_err(|e| format!("line {}: {e}", i + 1))?
            };
            out.push(expectation);
            rest = next;
        }
    }
    Ok(out)
}

/// Finds the next `# error`, `# warning` or `# revealed` marker.
fn find_marker(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = s[from..].find('#') {
        let at = from + pos;
        let tail = s[at + 1..].trim_start();
        if tail.starts_with("error") || tail.starts_with("warning") || tail.starts_with("revealed:")
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Parses `[COL] [code] ["text"]`.
fn parse_item(item: &str, line: u32, kind: Kind) -> Result<Expectation, String> {
    let mut rest = item.trim();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let column = if digits.is_empty() {
        None
    } else {
        rest = rest[digits.len()..].trim_start();
        Some(digits.parse::<u32>().map_err(|e| e.to_string())?)
    };
    let mut code = None;
    if let Some(r) = rest.strip_prefix('[') {
        let close = r.find(']').ok_or("unclosed `[code`")?;
        code = Some(r[..close].to_string());
        rest = r[close + 1..].trim_start();
    }
    let mut text = None;
    if let Some(r) = rest.strip_prefix('"') {
        let close = r.rfind('"').ok_or("unclosed `\"text`")?;
        text = Some(r[..close].to_string());
        rest = r[close + 1..].trim();
    }
    if !rest.is_empty() {
        return Err(format!("cannot read assertion text `{rest}`"));
    }
    if code.is_none() && text.is_none() {
        return Err("an assertion needs a `[code]` or a `\"message\"`".into());
    }
    Ok(Expectation {
        line,
        kind,
        column,
        code,
        text,
    })
}

struct Actual {
    line: u32,
    column: u32,
    severity: &'static str,
    code: &'static str,
    message: String,
}

fn matches(expected: &Expectation, actual: &Actual) -> bool {
    if expected.line != actual.line {
        return false;
    }
    if let Some(col) = expected.column
        && col != actual.column
    {
        return false;
    }
    match expected.kind {
        Kind::Revealed => {
            let ty = expected.text.as_deref().unwrap_or_default();
            actual.code == "revealed-type" && actual.message.contains(&format!("`{ty}`"))
        }
        Kind::Error | Kind::Warning => {
            let severity = if expected.kind == Kind::Error {
                "error"
            } else {
                "warning"
            };
            actual.severity == severity
                && expected.code.as_deref().is_none_or(|c| c == actual.code)
                && expected
                    .text
                    .as_deref()
                    .is_none_or(|t| actual.message.contains(t))
        }
    }
}

/// Runs one section on `db` (reused across sections so the bundled stubs are parsed
/// once per thread); returns a description of every mismatch.
fn check_section(db: &mut CheckerDb, section: &Section) -> Vec<String> {
    let files: Vec<SourceFile> = section
        .blocks
        .iter()
        .map(|b| SourceFile::new(&*db, format!("{ROOT}/{}", b.file), b.text.clone()))
        .collect();
    db.set_project_files(files.clone(), vec![ROOT.to_string()]);
    let mut failures = Vec::new();
    for (block, file) in section.blocks.iter().zip(&files) {
        let expectations = match parse_expectations(&block.text) {
            Ok(e) => e,
            Err(err) => {
                failures.push(format!("{}: {err}", block.file));
                continue;
            }
        };
        let index = LineIndex::new(&block.text);
        let mut actual: Vec<Actual> = check_file(&*db, *file)
            .iter()
            .map(|d| {
                let at = index.line_col(&block.text, d.span.start);
                Actual {
                    line: at.line,
                    column: at.column,
                    severity: d.severity.as_str(),
                    code: d.code.name(),
                    message: d.message.clone(),
                }
            })
            .collect();
        for expected in &expectations {
            match actual.iter().position(|a| matches(expected, a)) {
                Some(i) => {
                    actual.remove(i);
                }
                None => failures.push(format!(
                    "{}:{} (md line {}): expected {:?}{} {} {} was not reported",
                    block.file,
                    expected.line,
                    block.md_line + expected.line as usize - 1,
                    expected.kind,
                    expected
                        .column
                        .map(|c| format!(" at column {c}"))
                        .unwrap_or_default(),
                    expected
                        .code
                        .as_deref()
                        .map(|c| format!("[{c}]"))
                        .unwrap_or_default(),
                    expected
                        .text
                        .as_deref()
                        .map(|t| format!("\"{t}\""))
                        .unwrap_or_default(),
                )),
            }
        }
        for a in actual {
            failures.push(format!(
                "{}:{}:{} (md line {}): unexpected {}[{}]: {}",
                block.file,
                a.line,
                a.column,
                block.md_line + a.line as usize - 1,
                a.severity,
                a.code,
                a.message
            ));
        }
    }
    failures
}

fn collect_md(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_md(&path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
}

/// The one `check` helper: runs every section of every mdtest file, on a few threads
/// (each with its own database).
#[test]
fn mdtests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mdtest");
    let mut files = Vec::new();
    collect_md(&root, &mut files);
    files.sort();
    let filter = std::env::var("MDTEST_FILTER").ok();
    let mut sections = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let md = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for section in parse_markdown(&md) {
            let name = format!("{rel} > {}", section.title);
            if filter.as_deref().is_none_or(|f| name.contains(f)) {
                sections.push((name, section));
            }
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(256 * 1024 * 1024)
                    .spawn_scoped(s, || {
                        let mut db = CheckerDb::new();
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some((_, section)) = sections.get(i) else {
                                break;
                            };
                            let result =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    check_section(&mut db, section)
                                }));
                            let failures = result.unwrap_or_else(|_| {
                                db = CheckerDb::new();
                                vec!["the checker panicked".to_string()]
                            });
                            out.push((i, failures));
                        }
                        out
                    })
                    .unwrap_or_else(|e| panic!("cannot spawn a test thread: {e}"))
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut results = results;
    results.sort_by_key(|(i, _)| *i);
    let mut report = String::new();
    let mut failed = 0;
    for (i, failures) in &results {
        if failures.is_empty() {
            continue;
        }
        failed += 1;
        let _ = writeln!(report, "\n--- {}", sections[*i].0);
        for f in failures {
            let _ = writeln!(report, "    {f}");
        }
    }
    let run = sections.len();
    assert_eq!(results.len(), run, "every section must report");
    println!("mdtest: {run} sections, {failed} failed");
    assert!(
        failed == 0,
        "{failed} of {run} mdtest sections failed:{report}"
    );
}

#[test]
fn harness_reads_markdown_and_assertions() {
    let md = "# A\n\n```py\nx = 1  # error: 5 [bad] \"msg\" # revealed: int\n```\n\n## B\n\n```py title=\"m.py\"\n# error+1: [c]\ny\n```\n\n```text\nignored\n```\n";
    let sections = parse_markdown(md);
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0].title, "A");
    assert_eq!(sections[1].title, "A > B");
    assert_eq!(sections[1].blocks[0].file, "m.py");
    let e = parse_expectations(&sections[0].blocks[0].text).unwrap();
    assert_eq!(
        e,
        vec![
            Expectation {
                line: 1,
                kind: Kind::Error,
                column: Some(5),
                code: Some("bad".into()),
                text: Some("msg".into())
            },
            Expectation {
                line: 1,
                kind: Kind::Revealed,
                column: None,
                code: None,
                text: Some("int".into())
            },
        ]
    );
    let e = parse_expectations(&sections[1].blocks[0].text).unwrap();
    assert_eq!(
        e,
        vec![Expectation {
            line: 2,
            kind: Kind::Error,
            column: None,
            code: Some("c".into()),
            text: None
        }]
    );
}
