//! Incremental parsing for the editor: the last good parse of each file is kept, and a new
//! version whose change lies inside one top-level statement reparses only that statement's
//! lines ("chunk") and reuses every other statement, shifted by the change in length.
//!
//! Input: a file's path and new text. Output: the same [`ParsedModule`] a full parse gives
//! (a test checks this on thousands of random edits); any case not proven safe below falls
//! back to the full parse.
//!
//! Why a chunk parses the same alone as in the file: a chunk starts at the start of a line
//! where a top-level statement started before, and the text before it is unchanged, so the
//! lexer starts it in the same (clean) state, provided its first line of code is not
//! indented (the start of a file is lenient there, the middle is not); it ends at the start of a line where the next
//! unchanged top-level statement starts, and a chunk that parses alone closed its brackets,
//! strings and blocks, so the rest of the file is lexed as before.
//!
//! A chunk with a syntax error: the parser met an unexpected token that the whole file
//! also has, after the same tokens, so the whole file fails there too, with the same
//! message. That holds for a parser error at a token before the chunk's last text (not at
//! the end, where the chunk alone sees its end and the file the next statement), and not
//! for a lexical error (an unterminated string may end further on in the file).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use rustpython_parser::ast::{self, Fold, Ranged};
use rustpython_parser::lexer::lex_starts_at;
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::{Mode, ParseErrorType, Tok, parse_tokens};

use super::{Comment, ParsedModule, parse_source, syntax_error};
use crate::diagnostics::Span;
use crate::line_index::LineIndex;

/// The last parse without syntax errors of one file.
struct Snapshot {
    text: Box<str>,
    suite: Arc<ast::Suite>,
    comments: Box<[Comment]>,
}

/// The last good parse of each file, by path. Shared by the clones of a database.
#[derive(Default)]
pub struct ParseCache {
    last: Mutex<HashMap<String, Arc<Snapshot>>>,
}

impl std::fmt::Debug for ParseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ParseCache")
    }
}

impl ParseCache {
    /// Parses `text`, reusing the previous parse of `path` where that is safe.
    pub fn parse(&self, text: &str, path: &str) -> ParsedModule {
        let previous = self.last.lock().ok().and_then(|m| m.get(path).cloned());
        let parsed = previous
            .and_then(|old| reparse(&old, text))
            .unwrap_or_else(|| parse_source(text, path));
        if !parsed.has_syntax_error()
            && let Ok(mut last) = self.last.lock()
        {
            let snapshot = Snapshot {
                text: text.into(),
                suite: parsed.suite.clone(),
                comments: parsed.comments.clone(),
            };
            last.insert(path.to_string(), Arc::new(snapshot));
        }
        parsed
    }
}

/// The bytes that differ: `old[..start] == new[..start]` and `old[old_end..] ==
/// new[new_end..]`.
fn changed_region(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, a.len() - suffix, b.len() - suffix)
}

fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .get(..offset)
        .and_then(|before| before.iter().rposition(|&b| b == b'\n'))
        .map_or(0, |i| i + 1)
}

/// Where a statement's text starts: its first decorator, if any.
fn stmt_start(stmt: &ast::Stmt) -> usize {
    let decorators = match stmt {
        ast::Stmt::FunctionDef(f) => &f.decorator_list,
        ast::Stmt::AsyncFunctionDef(f) => &f.decorator_list,
        ast::Stmt::ClassDef(c) => &c.decorator_list,
        _ => return usize::from(stmt.range().start()),
    };
    decorators
        .iter()
        .map(|d| usize::from(d.range().start()))
        .chain(std::iter::once(usize::from(stmt.range().start())))
        .min()
        .unwrap_or(0)
}

/// A run of top-level statements `stmts` starting at line start `start`.
struct Chunk {
    start: usize,
    stmts: std::ops::Range<usize>,
}

/// The chunks of a module: each starts at the start of the line of its first statement
/// and runs to the next chunk. Statements sharing lines (`a = 1; b = 2`, or a statement
/// starting on the last line of another) share a chunk.
fn chunks(text: &str, suite: &[ast::Stmt]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut previous_end = 0;
    for (i, stmt) in suite.iter().enumerate() {
        let start = line_start(text, stmt_start(stmt));
        match out.last_mut() {
            Some(chunk) if start < previous_end || start <= chunk.start => chunk.stmts.end = i + 1,
            _ => out.push(Chunk {
                start,
                stmts: i..i + 1,
            }),
        }
        previous_end = usize::from(stmt.range().end());
    }
    out
}

/// Moves every position in a node by a signed amount.
struct Shift(i64);

impl Fold<TextRange> for Shift {
    type TargetU = TextRange;
    type Error = Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Infallible> {
        let shift = |at: TextSize| TextSize::from((i64::from(u32::from(at)) + self.0) as u32);
        Ok(TextRange::new(shift(user.start()), shift(user.end())))
    }
}

fn shifted(stmt: &ast::Stmt, delta: i64) -> ast::Stmt {
    if delta == 0 {
        return stmt.clone();
    }
    match Shift(delta).fold_stmt(stmt.clone()) {
        Ok(stmt) => stmt,
        Err(never) => match never {},
    }
}

/// What parsing a chunk gave.
enum ChunkParse {
    Ok(Vec<ast::Stmt>, Vec<Comment>),
    /// A syntax error the whole file has too (see the module docs), and the comments
    /// seen before it.
    Error(rustpython_parser::ParseError, Vec<Comment>),
    /// Anything else: parse the whole file.
    Unknown,
}

/// Whether the first line of `chunk` that holds code starts at column 0.
fn code_starts_unindented(chunk: &str) -> bool {
    for line in chunk.lines() {
        let code = line.trim_start_matches([' ', '\t', '\x0c', '\r']);
        if !code.is_empty() && !code.starts_with('#') {
            return code.len() == line.len();
        }
    }
    true
}

/// Parses `chunk`, which starts at `offset` in the file.
fn parse_chunk(chunk: &str, offset: usize) -> ChunkParse {
    if !code_starts_unindented(chunk) {
        return ChunkParse::Unknown;
    }
    let mut comments = Vec::new();
    let tokens = lex_starts_at(chunk, Mode::Module, TextSize::from(offset as u32)).inspect(|t| {
        if let Ok((Tok::Comment(comment), range)) = t {
            comments.push(Comment {
                text: comment.clone(),
                span: Span::new(range.start().into(), range.end().into()),
            });
        }
    });
    match parse_tokens(tokens, Mode::Module, "") {
        Ok(ast::Mod::Module(module)) => ChunkParse::Ok(module.body, comments),
        Ok(_) => ChunkParse::Unknown,
        Err(error) => {
            let content_end = offset + chunk.trim_end().len();
            let at = usize::from(error.offset);
            let parser_error = matches!(
                error.error,
                ParseErrorType::UnrecognizedToken(..) | ParseErrorType::ExtraToken(_)
            );
            if parser_error && at < content_end {
                ChunkParse::Error(error, comments)
            } else {
                ChunkParse::Unknown
            }
        }
    }
}

/// The parse of `text` from the snapshot of an earlier version, when the change lies in
/// one chunk; `None` otherwise (or when that chunk no longer parses).
fn reparse(old: &Snapshot, text: &str) -> Option<ParsedModule> {
    let (start, old_end, new_end) = changed_region(&old.text, text);
    let delta = new_end as i64 - old_end as i64;
    let chunks = chunks(&old.text, &old.suite);
    let k = chunks
        .partition_point(|c| c.start <= start)
        .checked_sub(1)?;
    let chunk = chunks.get(k)?;
    let old_chunk_end = chunks.get(k + 1).map_or(old.text.len(), |c| c.start);
    if old_end > old_chunk_end || text.len() > u32::MAX as usize {
        return None;
    }
    let chunk_end = usize::try_from(old_chunk_end as i64 + delta).ok()?;
    // The next chunk must still start a line.
    if chunk_end < text.len() && text.as_bytes().get(chunk_end.checked_sub(1)?) != Some(&b'\n') {
        return None;
    }
    let (stmts, chunk_comments) = match parse_chunk(text.get(chunk.start..chunk_end)?, chunk.start)
    {
        ChunkParse::Ok(stmts, comments) => (stmts, comments),
        ChunkParse::Error(error, chunk_comments) => {
            let mut comments: Vec<Comment> = old
                .comments
                .iter()
                .filter(|c| (c.span.end as usize) <= chunk.start)
                .cloned()
                .collect();
            comments.extend(chunk_comments);
            return Some(ParsedModule {
                suite: Arc::new(Vec::new()),
                syntax_errors: Box::new([syntax_error(&error, text)]),
                comments: comments.into_boxed_slice(),
                line_index: LineIndex::new(text),
            });
        }
        ChunkParse::Unknown => return None,
    };

    let mut suite: Vec<ast::Stmt> = Vec::with_capacity(old.suite.len() + stmts.len());
    suite.extend(old.suite.get(..chunk.stmts.start)?.iter().cloned());
    suite.extend(stmts);
    suite.extend(
        old.suite
            .get(chunk.stmts.end..)?
            .iter()
            .map(|s| shifted(s, delta)),
    );
    let mut comments: Vec<Comment> = old
        .comments
        .iter()
        .filter(|c| (c.span.end as usize) <= chunk.start)
        .cloned()
        .collect();
    comments.extend(chunk_comments);
    comments.extend(
        old.comments
            .iter()
            .filter(|c| (c.span.start as usize) >= old_chunk_end)
            .map(|c| Comment {
                text: c.text.clone(),
                span: Span::new(
                    (i64::from(c.span.start) + delta) as u32,
                    (i64::from(c.span.end) + delta) as u32,
                ),
            }),
    );
    Some(ParsedModule {
        suite: Arc::new(suite),
        syntax_errors: Box::new([]),
        comments: comments.into_boxed_slice(),
        line_index: LineIndex::new(text),
    })
}

#[cfg(test)]
mod tests;
