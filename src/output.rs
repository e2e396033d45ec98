//! Output of `cinder check`: the format and colour choice, the summary line and the
//! progress bar. The renderers themselves live in `cinder_checker::diagnostics::render`.
//!
//! Contract: `full`, `pretty` and `concise` print the diagnostics, then the summary line
//! `Found N errors in M files (checked K files)` on stdout (`and W warnings` is added after
//! the errors when there are warnings; counts use singular forms for 1). `json` and
//! `github` print only their document on stdout, so that tools can read it whole; their
//! summary line goes to stderr.

use std::io::{IsTerminal, Write};

use cinder_checker::diagnostics::render::{
    FileDiagnostics, Format, RenderOptions, Sources, render,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer files than this are checked without a progress bar.
const PROGRESS_THRESHOLD: usize = 200;

/// What the summary line counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    /// Files with at least one diagnostic (error or warning).
    pub files_with_diagnostics: usize,
    pub checked: usize,
}

/// The format to use: the configured one, else `pretty` on a terminal and `full` otherwise.
pub fn choose_format(configured: Option<Format>) -> Format {
    configured.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            Format::Pretty
        } else {
            Format::Full
        }
    })
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `1 error`, `2 errors`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The summary line (no newline).
pub fn summary(counts: Counts) -> String {
    let mut found = count(counts.errors, "error");
    if counts.warnings > 0 {
        found.push_str(" and ");
        found.push_str(&count(counts.warnings, "warning"));
    }
    format!(
        "Found {found} in {} (checked {})",
        count(counts.files_with_diagnostics, "file"),
        count(counts.checked, "file")
    )
}

/// Prints the rendered diagnostics and the summary (see the module docs). A closed stdout
/// (`cinder check | head`) is not an error.
pub fn print(format: Format, files: &[FileDiagnostics<'_>], sources: &dyn Sources, counts: Counts) {
    let options = RenderOptions {
        color: format == Format::Pretty && use_color(),
    };
    let mut text = render(format, files, sources, options);
    let line = summary(counts);
    match format {
        Format::Json | Format::Github => eprintln!("{line}"),
        Format::Full | Format::Pretty | Format::Concise => {
            text.push_str(&line);
            text.push('\n');
        }
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// A progress bar on stderr when it is a terminal and there are many files; hidden otherwise.
pub fn progress(total: usize, allowed: bool) -> ProgressBar {
    if !allowed || total < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_use_singular_for_one() {
        let counts = Counts {
            errors: 1,
            warnings: 0,
            files_with_diagnostics: 1,
            checked: 1,
        };
        assert_eq!(summary(counts), "Found 1 error in 1 file (checked 1 file)");
        let counts = Counts {
            errors: 0,
            warnings: 0,
            files_with_diagnostics: 0,
            checked: 3,
        };
        assert_eq!(
            summary(counts),
            "Found 0 errors in 0 files (checked 3 files)"
        );
        let counts = Counts {
            errors: 2,
            warnings: 1,
            files_with_diagnostics: 2,
            checked: 5,
        };
        assert_eq!(
            summary(counts),
            "Found 2 errors and 1 warning in 2 files (checked 5 files)"
        );
    }
}
