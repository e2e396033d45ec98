//! The salsa database and its inputs.
//!
//! Inputs: one [`SourceFile`] per file the driver knows (project files and the bundled
//! stubs) and one [`Project`] that lists them. Everything else is a tracked query.

use std::sync::{Arc, Mutex};

/// The database trait that every query takes as `db`.
#[salsa::db]
pub trait Db: salsa::Database {
    /// The one project of this database: its files and import roots.
    fn project(&self) -> Project;

    /// The cache that makes reparsing an edited file incremental, when it is on.
    fn parse_cache(&self) -> Option<&crate::parse::ParseCache> {
        None
    }
}

/// A source file: its path as the driver names it (used in diagnostics and for module
/// resolution) and its text. Bytes that are not UTF-8 are turned into text by the driver
/// (and reported there); the checker only ever sees `str`.
#[salsa::input(debug)]
pub struct SourceFile {
    #[returns(ref)]
    pub path: String,
    #[returns(ref)]
    pub text: String,
}

/// The set of files being checked and the roots that imports resolve against. Bundled
/// stubs are files too, under the root [`crate::resolve::STUBS_ROOT`], searched last.
#[salsa::input(debug)]
pub struct Project {
    /// Every file known to the checker, project files and stubs alike.
    #[returns(ref)]
    pub files: Vec<SourceFile>,
    /// Import roots, in search order (the project roots, then `extra-paths`).
    #[returns(ref)]
    pub roots: Vec<String>,
}

/// The concrete database. Cheap to clone: clones share storage, so a clone can run
/// queries on another thread (files are checked in parallel this way).
#[salsa::db]
#[derive(Clone)]
pub struct CheckerDb {
    storage: salsa::Storage<Self>,
    project: Option<Project>,
    /// Names of the queries that executed, when logging is on (incremental tests).
    log: Option<Arc<Mutex<Vec<String>>>>,
    /// The last good parse of each file, when incremental parsing is on (the editor).
    parse_cache: Option<Arc<crate::parse::ParseCache>>,
}

impl Default for CheckerDb {
    fn default() -> Self {
        Self::new()
    }
}

impl CheckerDb {
    /// A database whose project holds the bundled stubs and nothing else yet.
    pub fn new() -> Self {
        Self::from_storage(salsa::Storage::default(), None)
    }

    fn from_storage(storage: salsa::Storage<Self>, log: Option<Arc<Mutex<Vec<String>>>>) -> Self {
        let mut db = Self {
            storage,
            project: None,
            log,
            parse_cache: None,
        };
        let stubs = crate::resolve::bundled_stub_files(&db);
        let project = Project::new(&db, stubs, vec![crate::resolve::STUBS_ROOT.to_string()]);
        db.project = Some(project);
        db
    }

    /// A database that records salsa's `WillExecute` events, for incremental tests.
    pub fn with_event_log() -> Self {
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = log.clone();
        let storage = salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
            if let salsa::EventKind::WillExecute { database_key } = event.kind
                && let Ok(mut log) = sink.lock()
            {
                log.push(format!("{database_key:?}"));
            }
        })));
        Self::from_storage(storage, Some(log))
    }

    /// Replaces the project's files (the bundled stubs are kept) and import roots (the
    /// stub root is kept last).
    pub fn set_project_files(&mut self, files: Vec<SourceFile>, roots: Vec<String>) {
        use salsa::Setter;
        let project = self.project();
        let stub_root = crate::resolve::STUBS_ROOT;
        let stubs: Vec<SourceFile> = project
            .files(self)
            .iter()
            .copied()
            .filter(|f| f.path(self).starts_with(stub_root))
            .collect();
        let mut all = files;
        all.extend(stubs);
        let mut all_roots = roots;
        all_roots.push(stub_root.to_string());
        project.set_files(self).to(all);
        project.set_roots(self).to(all_roots);
    }

    /// Turns on incremental parsing: a new version of a file reparses only the top-level
    /// statement its change is in (for the language server, where a file changes by one
    /// keystroke at a time). Results are the same as without it.
    pub fn enable_incremental_parsing(&mut self) {
        self.parse_cache = Some(Arc::default());
    }

    /// Takes the executed-query log (empty when logging is off).
    pub fn take_log(&self) -> Vec<String> {
        match &self.log {
            Some(log) => log
                .lock()
                .map(|mut l| std::mem::take(&mut *l))
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }
}

#[salsa::db]
impl salsa::Database for CheckerDb {}

#[salsa::db]
impl Db for CheckerDb {
    fn project(&self) -> Project {
        match self.project {
            Some(project) => project,
            None => unreachable!("CheckerDb is always built with a project"),
        }
    }

    fn parse_cache(&self) -> Option<&crate::parse::ParseCache> {
        self.parse_cache.as_deref()
    }
}
