//! `parsed_module(db, file)`: the AST of a file plus its syntax errors and comments.
//!
//! Never fails: a rustpython-parser error becomes a `syntax-error` diagnostic and an
//! empty module. rustpython-parser stops at the first error, so a file has at most one.
//! A database with a [`ParseCache`] (the language server's) reparses only the top-level
//! statement an edit touched (see `incremental`).

mod incremental;

pub use incremental::ParseCache;

use std::sync::Arc;

use rustpython_parser::ast;
use rustpython_parser::lexer::lex;
use rustpython_parser::{Mode, Tok, parse_tokens};

use crate::db::{Db, SourceFile};
use crate::diagnostics::{Diagnostic, Span, codes};
use crate::line_index::LineIndex;

/// A comment found by the lexer: its text (with the `#`) and its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// The result of parsing one file. Compared by identity (`no_eq`): reparsing is cheap
/// next to a deep comparison, and smaller queries downstream stop re-execution.
#[derive(Debug)]
pub struct ParsedModule {
    suite: Arc<ast::Suite>,
    syntax_errors: Box<[Diagnostic]>,
    comments: Box<[Comment]>,
    line_index: LineIndex,
}

impl ParsedModule {
    /// The module's statements (empty when the file has a syntax error).
    pub fn suite(&self) -> &Arc<ast::Suite> {
        &self.suite
    }

    pub fn syntax_errors(&self) -> &[Diagnostic] {
        &self.syntax_errors
    }

    pub fn has_syntax_error(&self) -> bool {
        !self.syntax_errors.is_empty()
    }

    /// Every comment the lexer saw before the first syntax error, in order.
    pub fn comments(&self) -> &[Comment] {
        &self.comments
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.line_index
    }
}

impl PartialEq for ParsedModule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Parses `file`. See the module docs.
#[salsa::tracked(returns(ref), no_eq)]
pub fn parsed_module(db: &dyn Db, file: SourceFile) -> ParsedModule {
    let text = file.text(db);
    let path = file.path(db);
    match db.parse_cache() {
        Some(cache) => cache.parse(text, path),
        None => parse_source(text, path),
    }
}

/// Parses source text outside the database (the runtime's compile hook uses this path too).
pub fn parse_source(text: &str, path: &str) -> ParsedModule {
    let mut comments = Vec::new();
    let tokens = lex(text, Mode::Module).inspect(|token| {
        if let Ok((Tok::Comment(comment), range)) = token {
            comments.push(Comment {
                text: comment.clone(),
                span: Span::new(range.start().into(), range.end().into()),
            });
        }
    });
    let (suite, syntax_errors) = match parse_tokens(tokens, Mode::Module, path) {
        Ok(ast::Mod::Module(module)) => (module.body, Vec::new()),
        Ok(_) => (Vec::new(), Vec::new()),
        Err(error) => (Vec::new(), vec![syntax_error(&error, text)]),
    };
    ParsedModule {
        suite: Arc::new(suite),
        syntax_errors: syntax_errors.into_boxed_slice(),
        comments: comments.into_boxed_slice(),
        line_index: LineIndex::new(text),
    }
}

/// The `syntax-error` diagnostic of a parse error in `text`.
fn syntax_error(error: &rustpython_parser::ParseError, text: &str) -> Diagnostic {
    let offset: u32 = error.offset.into();
    let offset = offset.min(text.len() as u32);
    let message = syntax_message(&error.error.to_string());
    Diagnostic::new(codes::SYNTAX_ERROR, Span::new(offset, offset), message)
}

/// Drops rustpython's "at byte N" suffix: the location is in the span.
fn syntax_message(raw: &str) -> String {
    match raw.rfind(" at byte ") {
        Some(cut) => raw[..cut].to_string(),
        None => raw.to_string(),
    }
}
