//! Request handlers. Each runs on a worker with a database clone (see `tasks`), takes
//! the file the main loop looked up and the request's parameters, and returns JSON.
//! Positions out of range and names with nothing to show answer `null`.

use cinder_checker::{CheckerDb, SourceFile, ide, parsed_module};
use lsp_types::{
    DocumentDiagnosticReport, DocumentDiagnosticReportResult, DocumentSymbolResponse,
    FullDocumentDiagnosticReport, GotoDefinitionResponse, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, Position, RelatedFullDocumentDiagnosticReport, Uri,
};
use serde_json::Value;

use super::convert::{self, Encoding, LineMap, file_uri};
use super::project::ProjectConfig;
use super::tasks::{HandlerResult, file_diagnostics};

fn json(value: impl serde::Serialize) -> HandlerResult {
    serde_json::to_value(value).map_err(|e| (lsp_server::ErrorCode::InternalError, e.to_string()))
}

/// The byte offset of `position` in `file`, if the position is inside the text.
fn offset_of(
    db: &CheckerDb,
    file: SourceFile,
    position: Position,
    encoding: Encoding,
) -> Option<u32> {
    let index = parsed_module(db, file).line_index();
    LineMap::new(file.text(db), index, encoding).offset(position)
}

pub fn hover(
    db: &CheckerDb,
    file: SourceFile,
    position: Position,
    encoding: Encoding,
) -> HandlerResult {
    let Some(offset) = offset_of(db, file, position, encoding) else {
        return Ok(Value::Null);
    };
    let Some(h) = ide::hover(db, file, offset) else {
        return Ok(Value::Null);
    };
    let mut markdown = format!("```python\n{}\n```", h.signature);
    if let Some(ty) = h
        .inferred_type
        .as_deref()
        .filter(|ty| !h.signature.contains(ty))
    {
        markdown.push_str(&format!("\n\nType: `{ty}`"));
    }
    if let Some(doc) = &h.docstring {
        markdown.push_str("\n\n---\n\n");
        markdown.push_str(doc);
    }
    let index = parsed_module(db, file).line_index();
    let map = LineMap::new(file.text(db), index, encoding);
    json(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(map.range(h.span)),
    })
}

pub fn definition(
    db: &CheckerDb,
    file: SourceFile,
    position: Position,
    encoding: Encoding,
) -> HandlerResult {
    let Some(offset) = offset_of(db, file, position, encoding) else {
        return Ok(Value::Null);
    };
    let locations: Vec<Location> = ide::goto_definition(db, file, offset)
        .into_iter()
        .filter_map(|target| {
            // Bundled stubs have no file the editor could open.
            let uri = file_uri(&target.path)?;
            let index = parsed_module(db, target.file).line_index();
            let map = LineMap::new(target.file.text(db), index, encoding);
            Some(Location {
                uri,
                range: map.range(target.focus_span),
            })
        })
        .collect();
    if locations.is_empty() {
        return Ok(Value::Null);
    }
    json(GotoDefinitionResponse::Array(locations))
}

pub fn document_symbols(db: &CheckerDb, file: SourceFile, encoding: Encoding) -> HandlerResult {
    let symbols = ide::document_symbols(db, file);
    let index = parsed_module(db, file).line_index();
    let map = LineMap::new(file.text(db), index, encoding);
    json(DocumentSymbolResponse::Nested(convert::document_symbols(
        &symbols, &map,
    )))
}

/// `textDocument/diagnostic` (pull): the same diagnostics as those pushed.
pub fn pull_diagnostics(
    db: &CheckerDb,
    file: Option<SourceFile>,
    uri: &Uri,
    encoding: Encoding,
    config: &ProjectConfig,
) -> HandlerResult {
    let items = match file {
        Some(file) => file_diagnostics(db, file, uri, encoding, config),
        None => Vec::new(),
    };
    json(DocumentDiagnosticReportResult::Report(
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        }),
    ))
}
