//! The server's view of the world on the main loop thread: the one `CheckerDb` whose
//! inputs are set here and nowhere else, the project files (read from disk or open in
//! the editor) and the open documents with their versions.
//!
//! Every setter compares first: an input is only set when its text really changed, so an
//! edit that changes nothing (a save, a reopened file) does not cancel running work.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use cinder_checker::{CheckerDb, SourceFile};
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use salsa::Setter;

use super::convert::{Encoding, apply_change, uri_to_path};

/// Files larger than this are kept (for edits) but analysed as empty: parsing tens of
/// megabytes on every keystroke helps nobody.
pub const MAX_ANALYSED_BYTES: usize = 8 * 1024 * 1024;

/// At most this many files are read from disk when the workspace is scanned.
const MAX_SCANNED_FILES: usize = 20_000;

/// A document open in the editor.
pub struct OpenDoc {
    pub uri: Uri,
    pub file: SourceFile,
    pub version: i32,
    /// The editor's text (the input holds the same, unless the file is too large).
    pub text: String,
}

pub struct Workspace {
    pub db: CheckerDb,
    pub encoding: Encoding,
    roots: Vec<String>,
    /// Every project file, by the path the checker knows it by.
    files: BTreeMap<String, SourceFile>,
    /// Open documents by URI.
    open: HashMap<String, OpenDoc>,
    /// Set when files were added or removed since the project input was last set.
    project_dirty: bool,
}

/// The path the checker uses for a document: its file path, or the URI itself for
/// documents that are not files (unsaved buffers).
pub fn path_key(uri: &Uri) -> String {
    match uri_to_path(uri) {
        Some(path) => path.display().to_string(),
        None => uri.as_str().to_string(),
    }
}

fn analysed(text: &str) -> &str {
    if text.len() > MAX_ANALYSED_BYTES {
        ""
    } else {
        text
    }
}

impl Workspace {
    pub fn new(encoding: Encoding, roots: Vec<PathBuf>) -> Self {
        let roots = roots
            .iter()
            .map(|r| r.display().to_string().trim_end_matches('/').to_string())
            .collect();
        let mut db = CheckerDb::new();
        db.enable_incremental_parsing();
        Self {
            db,
            encoding,
            roots,
            files: BTreeMap::new(),
            open: HashMap::new(),
            project_dirty: true,
        }
    }

    /// Replaces the import roots (a configuration change).
    pub fn set_roots(&mut self, roots: Vec<PathBuf>) {
        let roots: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
        if roots != self.roots {
            self.roots = roots;
            self.project_dirty = true;
        }
    }

    /// Reads `files` from disk (the project's files, see `project`), then sets the
    /// project. Open documents keep the editor's text; unreadable files are skipped;
    /// files read before that are no longer among `files` (a folder was removed, or the
    /// configuration changed) leave the project unless they are open.
    pub fn scan(&mut self, files: &[PathBuf]) {
        if files.len() > MAX_SCANNED_FILES {
            eprintln!(
                "cinder lsp: {} Python files; only the first {MAX_SCANNED_FILES} are read",
                files.len()
            );
        }
        let open: HashSet<String> = self.open.values().map(|d| path_key(&d.uri)).collect();
        let mut wanted: HashSet<String> = HashSet::new();
        for path in files.iter().take(MAX_SCANNED_FILES) {
            let key = path.display().to_string();
            if open.contains(&key) {
                continue;
            }
            if let Some(text) = read_text(path) {
                self.set_file_text(&key, text);
                wanted.insert(key);
            }
        }
        let gone: Vec<String> = self
            .files
            .keys()
            .filter(|key| !wanted.contains(*key) && !open.contains(*key))
            .cloned()
            .collect();
        for key in gone {
            self.remove_file(&key);
        }
        self.sync_project();
    }

    /// Sets the text of the file at `path` (creating it when new). Returns the file and
    /// whether its input changed.
    pub fn set_file_text(&mut self, path: &str, text: String) -> (SourceFile, bool) {
        let text = if text.len() > MAX_ANALYSED_BYTES {
            String::new()
        } else {
            text
        };
        match self.files.get(path) {
            Some(&file) => {
                if file.text(&self.db).as_str() == text {
                    return (file, false);
                }
                file.set_text(&mut self.db).to(text);
                (file, true)
            }
            None => {
                let file = SourceFile::new(&self.db, path.to_string(), text);
                self.files.insert(path.to_string(), file);
                self.project_dirty = true;
                (file, true)
            }
        }
    }

    /// Forgets the file at `path` (deleted on disk and not open).
    pub fn remove_file(&mut self, path: &str) -> Option<SourceFile> {
        let file = self.files.remove(path)?;
        self.project_dirty = true;
        Some(file)
    }

    /// Sets the project input when files were added or removed.
    pub fn sync_project(&mut self) {
        if self.project_dirty {
            let files: Vec<SourceFile> = self.files.values().copied().collect();
            self.db.set_project_files(files, self.roots.clone());
            self.project_dirty = false;
        }
    }

    pub fn file(&self, uri: &Uri) -> Option<SourceFile> {
        self.files.get(&path_key(uri)).copied()
    }

    pub fn open_doc(&self, uri: &Uri) -> Option<&OpenDoc> {
        self.open.get(uri.as_str())
    }

    pub fn open_docs(&self) -> impl Iterator<Item = &OpenDoc> {
        self.open.values()
    }

    /// `didOpen`: the editor's text wins over the disk's. Returns the file and whether its
    /// input changed.
    pub fn open(&mut self, uri: Uri, version: i32, text: String) -> (SourceFile, bool) {
        let (file, changed) = self.set_file_text(&path_key(&uri), text.clone());
        self.sync_project();
        self.open.insert(
            uri.as_str().to_string(),
            OpenDoc {
                uri,
                file,
                version,
                text,
            },
        );
        (file, changed)
    }

    /// `didChange`: applies the changes in order. Returns the file and whether its input
    /// changed, or `None` for a document that is not open (the change is dropped).
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
    ) -> Option<(SourceFile, bool)> {
        let encoding = self.encoding;
        let doc = self.open.get_mut(uri.as_str())?;
        for change in changes {
            apply_change(&mut doc.text, change, encoding);
        }
        doc.version = version;
        let file = doc.file;
        if file.text(&self.db).as_str() == analysed(&doc.text) {
            return Some((file, false));
        }
        let text = analysed(&doc.text).to_string();
        file.set_text(&mut self.db).to(text);
        Some((file, true))
    }

    /// `didClose`: the file goes back to its text on disk, or leaves the project when it
    /// has none. Returns the file when its input changed (or it was removed).
    pub fn close(&mut self, uri: &Uri) -> Option<SourceFile> {
        self.open.remove(uri.as_str())?;
        let key = path_key(uri);
        let on_disk = uri_to_path(uri).and_then(|p| read_text(&p));
        let changed = match on_disk {
            Some(text) => {
                let (file, changed) = self.set_file_text(&key, text);
                changed.then_some(file)
            }
            None => self.remove_file(&key),
        };
        self.sync_project();
        changed
    }

    /// A watched file changed on disk. Open documents are the editor's business and are
    /// left alone. Returns the file when its input changed.
    pub fn disk_changed(&mut self, path: &Path, deleted: bool) -> Option<SourceFile> {
        let key = path.display().to_string();
        if self.open.values().any(|d| path_key(&d.uri) == key) {
            return None;
        }
        let is_python = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("py" | "pyi")
        );
        if !is_python {
            return None;
        }
        match (deleted, read_text(path)) {
            (false, Some(text)) => {
                let (file, changed) = self.set_file_text(&key, text);
                changed.then_some(file)
            }
            _ => self.remove_file(&key),
        }
    }
}

/// The text of a file on disk (bytes that are not UTF-8 are replaced), or `None`.
fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cinder_checker::Db;

    use super::*;

    fn uri(path: &str) -> Uri {
        Uri::from_str(&format!("file://{path}")).unwrap_or_else(|_| unreachable!("valid test URI"))
    }

    #[test]
    fn equal_text_does_not_touch_the_input() {
        let mut ws = Workspace::new(Encoding::Utf16, vec![PathBuf::from("/w")]);
        let doc = uri("/w/m.py");
        let (file, changed) = ws.open(doc.clone(), 1, "x = 1\n".into());
        assert!(changed);
        let change = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "x = 1\n".into(),
        };
        assert_eq!(
            ws.change(&doc, 2, std::slice::from_ref(&change)),
            Some((file, false))
        );
        let change = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "x = 2\n".into(),
        };
        assert_eq!(ws.change(&doc, 3, &[change]), Some((file, true)));
        assert_eq!(file.text(&ws.db), "x = 2\n");
        assert_eq!(ws.open_doc(&doc).map(|d| d.version), Some(3));
        // A change to a document that is not open is dropped.
        assert_eq!(ws.change(&uri("/w/other.py"), 1, &[]), None);
    }

    #[test]
    fn huge_documents_are_kept_but_not_analysed() {
        let mut ws = Workspace::new(Encoding::Utf16, vec![PathBuf::from("/w")]);
        let doc = uri("/w/big.py");
        let big = "x = 1\n".repeat(MAX_ANALYSED_BYTES / 6 + 1);
        let (file, _) = ws.open(doc.clone(), 1, big.clone());
        assert_eq!(file.text(&ws.db), "");
        assert_eq!(ws.open_doc(&doc).map(|d| d.text.len()), Some(big.len()));
    }

    #[test]
    fn closing_an_unsaved_file_removes_it() {
        let mut ws = Workspace::new(Encoding::Utf16, vec![PathBuf::from("/nonexistent-root")]);
        let doc = uri("/nonexistent-root/m.py");
        let (file, _) = ws.open(doc.clone(), 1, "x = 1\n".into());
        assert_eq!(ws.file(&doc), Some(file));
        assert_eq!(ws.close(&doc), Some(file));
        assert_eq!(ws.file(&doc), None);
    }

    #[test]
    fn a_rescan_forgets_files_that_left_the_project_but_keeps_open_ones() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("temp dir: {e}"));
        let root = dir.path();
        let a = root.join("a.py");
        let b = root.join("b.py");
        let _ = std::fs::write(&a, "x = 1\n");
        let _ = std::fs::write(&b, "y = 2\n");
        let mut ws = Workspace::new(Encoding::Utf16, vec![root.to_path_buf()]);
        ws.scan(&[a.clone(), b.clone()]);
        let b_uri = uri(&b.display().to_string());
        ws.open(b_uri.clone(), 1, "y = 3\n".into());
        ws.scan(&[]);
        assert_eq!(ws.file(&uri(&a.display().to_string())), None);
        let b_file = ws.file(&b_uri);
        assert_eq!(b_file.map(|f| f.text(&ws.db).as_str()), Some("y = 3\n"));
        assert_eq!(
            ws.db
                .project()
                .files(&ws.db)
                .iter()
                .filter(|f| Some(**f) == b_file)
                .count(),
            1
        );
    }
}
