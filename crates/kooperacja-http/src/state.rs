//! What the server holds in memory: the projects, one core [`Engine`] per
//! project (and one per version asked for by `?version=`), and a cache of
//! rendered reports that the next append empties. [`AppState`](crate::app::AppState)
//! holds them with the database handles.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::body::Bytes;
use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;

use crate::limits::REPORT_CACHE_ENTRIES;

/// An engine shared between the writer (which applies facts) and the readers.
pub type SharedEngine = Arc<RwLock<Engine<'static>>>;

/// Which part of the report a cached response holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole report.
    Report,
    /// Its indicators.
    Indicators,
    /// Its milestones.
    Milestones,
    /// The budget: plan and execution.
    Budget,
    /// The groups and their meetings.
    Groups,
}

type CacheKey = (Part, NaiveDate, Option<usize>);

/// One project being served.
#[derive(Debug)]
pub struct ProjectState {
    /// The project, for the life of the process.
    pub project: &'static Project,
    /// Its TERC register, if the project names one.
    pub register: Option<&'static Register>,
    /// The project file.
    pub path: PathBuf,
    /// The engine over every fact stored, in storage order.
    pub engine: SharedEngine,
    /// Engines pinned to one version (the report as if that version were in
    /// force), built by the writer on first use and kept up to date by it.
    pub pinned: Mutex<HashMap<usize, SharedEngine>>,
    /// Bumped after every append that changed the engines.
    pub generation: AtomicU64,
    cache: RwLock<(u64, HashMap<CacheKey, Bytes>)>,
}

impl ProjectState {
    /// A project with an empty engine.
    pub fn new(
        project: &'static Project,
        register: Option<&'static Register>,
        path: PathBuf,
    ) -> ProjectState {
        ProjectState {
            project,
            register,
            path,
            engine: Arc::new(RwLock::new(Engine::new(project, register))),
            pinned: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
            cache: RwLock::new((0, HashMap::new())),
        }
    }

    /// The project's id.
    pub fn id(&self) -> &str {
        &self.project.id
    }

    /// A cached response, if still current.
    pub fn cached(&self, part: Part, as_of: NaiveDate, version: Option<usize>) -> Option<Bytes> {
        let generation = self.generation.load(Ordering::Acquire);
        let cache = self.cache.read().ok()?;
        if cache.0 != generation {
            return None;
        }
        cache.1.get(&(part, as_of, version)).cloned()
    }

    /// Keeps a response computed at `generation`.
    pub fn keep(
        &self,
        generation: u64,
        part: Part,
        as_of: NaiveDate,
        version: Option<usize>,
        body: Bytes,
    ) {
        let Ok(mut cache) = self.cache.write() else {
            return;
        };
        if cache.0 != generation {
            if generation < self.generation.load(Ordering::Acquire) {
                return;
            }
            cache.0 = generation;
            cache.1.clear();
        }
        if cache.1.len() >= REPORT_CACHE_ENTRIES {
            cache.1.clear();
        }
        cache.1.insert((part, as_of, version), body);
    }

    /// The engine pinned to the version at `index`, if built.
    pub fn pinned_engine(&self, index: usize) -> Option<SharedEngine> {
        self.pinned.lock().ok()?.get(&index).cloned()
    }
}

/// A project reduced to one version (with its milestones resolved), so that
/// an engine over it reports as if that version were in force.
pub fn pinned_project(project: &Project, index: usize) -> Option<Project> {
    let mut version = project.versions.get(index)?.clone();
    version.milestones = Some(project.milestones_at(index).to_vec());
    let mut pinned = project.clone();
    pinned.versions = vec![version];
    Some(pinned)
}
