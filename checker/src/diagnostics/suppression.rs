//! `# type: ignore` and `# type: ignore[code, ...]` on a line suppress the diagnostics that
//! start on that line (all of them, or those with the named codes).

use crate::db::{Db, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::parse::parsed_module;

/// What one ignore comment suppresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignore {
    All,
    Codes(Vec<String>),
}

/// Parses the text of a comment; `None` when it is not an ignore comment.
pub fn parse_ignore(comment: &str) -> Option<Ignore> {
    // A comment may hold several `#` parts: `# noqa # type: ignore[x]`.
    for part in comment.split('#').skip(1) {
        let part = part.trim_start();
        let Some(rest) = part.strip_prefix("type:") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix("ignore") else {
            continue;
        };
        if let Some(inner) = rest.strip_prefix('[') {
            let Some(close) = inner.find(']') else {
                return Some(Ignore::All);
            };
            let codes = inner[..close]
                .split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>();
            return Some(if codes.is_empty() {
                Ignore::All
            } else {
                Ignore::Codes(codes)
            });
        }
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return Some(Ignore::All);
        }
    }
    None
}

/// Removes the diagnostics that an ignore comment on their first line suppresses.
/// Syntax errors are never suppressed.
pub fn apply(db: &dyn Db, file: SourceFile, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let parsed = parsed_module(db, file);
    if parsed.comments().is_empty() || diags.is_empty() {
        return diags;
    }
    let index = parsed.line_index();
    let ignores: Vec<(usize, Ignore)> = parsed
        .comments()
        .iter()
        .filter_map(|c| parse_ignore(&c.text).map(|i| (index.line_of(c.span.start), i)))
        .collect();
    if ignores.is_empty() {
        return diags;
    }
    diags
        .into_iter()
        .filter(|d| {
            if d.code == crate::diagnostics::codes::SYNTAX_ERROR {
                return true;
            }
            let line = index.line_of(d.span.start);
            !ignores.iter().any(|(l, ignore)| {
                *l == line
                    && match ignore {
                        Ignore::All => true,
                        Ignore::Codes(codes) => codes.iter().any(|c| c == d.code.name()),
                    }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_comment_forms() {
        assert_eq!(parse_ignore("# type: ignore"), Some(Ignore::All));
        assert_eq!(parse_ignore("#type:ignore"), Some(Ignore::All));
        assert_eq!(
            parse_ignore("# type: ignore[a, b]"),
            Some(Ignore::Codes(vec!["a".into(), "b".into()]))
        );
        assert_eq!(
            parse_ignore("# noqa # type: ignore[x]"),
            Some(Ignore::Codes(vec!["x".into()]))
        );
        assert_eq!(parse_ignore("# type: ignored"), None);
        assert_eq!(parse_ignore("# type: int"), None);
    }
}
