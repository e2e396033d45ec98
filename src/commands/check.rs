//! `cinder check`: a first driver that reads the given files and reports syntax errors in
//! the concise format. The full driver (configuration, discovery, formats) replaces it.

use std::path::{Path, PathBuf};

use cinder_checker::{CheckerDb, LineIndex, Project, SourceFile, check_file};

use crate::cli::CheckArgs;
use crate::exit;

pub fn run(args: CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let mut files = Vec::new();
    for path in &paths {
        if let Err(err) = collect(path, &mut files) {
            eprintln!("error: {}: {err}", path.display());
            return exit::USAGE;
        }
    }
    let db = CheckerDb::new();
    let mut inputs = Vec::new();
    for path in &files {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                inputs.push(SourceFile::new(&db, path.display().to_string(), text));
            }
            Err(err) => {
                eprintln!("error: {}: {err}", path.display());
                return exit::USAGE;
            }
        }
    }
    let _project = Project::new(&db, inputs.clone(), Vec::new());
    let mut errors = 0;
    let mut files_with_errors = 0;
    for file in &inputs {
        let diags = check_file(&db, *file);
        if !diags.is_empty() {
            files_with_errors += 1;
        }
        let text = file.text(&db);
        let index = LineIndex::new(text);
        for d in diags {
            let at = index.line_col(text, d.span.start);
            println!(
                "{}:{}:{}: {}[{}]: {}",
                file.path(&db),
                at.line,
                at.column,
                d.severity.as_str(),
                d.code.name(),
                d.message
            );
            errors += 1;
        }
    }
    println!(
        "Found {errors} errors in {files_with_errors} files (checked {} files)",
        inputs.len()
    );
    if errors > 0 { exit::ERRORS } else { exit::OK }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let p = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect(&p, out)?;
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("py" | "pyi")) {
            out.push(p);
        }
    }
    Ok(())
}
