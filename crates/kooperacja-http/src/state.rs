//! What the server holds in memory: the projects, one core [`Engine`] per
//! project (which also reports against any other version, for `?version=`),
//! and a cache of rendered reports that the next append empties.
//! [`AppState`](crate::app::AppState) holds them with the database handles.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use chrono::NaiveDate;
use kooperacja_core::claim::ClaimBook;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::Fact;
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;

use crate::limits::REPORT_CACHE_ENTRIES;

/// An engine shared between the writer (which applies facts) and the readers.
pub type SharedEngine = Arc<RwLock<Engine>>;

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
    /// The project, shared with its engines.
    pub project: Arc<Project>,
    /// Its TERC register: the one the project pins, else the one core embeds.
    pub register: Arc<Register>,
    /// The project file.
    pub path: PathBuf,
    /// The engine over every fact stored, in storage order.
    pub engine: SharedEngine,
    /// Bumped after every append that changed the engines.
    pub generation: AtomicU64,
    cache: RwLock<(u64, HashMap<CacheKey, Bytes>)>,
    /// Core's claim book over the stored facts, with the generation it was
    /// built at.
    book: RwLock<Option<(u64, Arc<ClaimBook>)>>,
}

impl ProjectState {
    /// A project with an empty engine.
    pub fn new(project: Arc<Project>, register: Arc<Register>, path: PathBuf) -> ProjectState {
        let engine = Engine::new(Arc::clone(&project), Some(Arc::clone(&register)));
        ProjectState {
            project,
            register,
            path,
            engine: Arc::new(RwLock::new(engine)),
            generation: AtomicU64::new(0),
            cache: RwLock::new((0, HashMap::new())),
            book: RwLock::new(None),
        }
    }

    /// The project's id.
    pub fn id(&self) -> &str {
        &self.project.id
    }

    /// Core's claim book over every stored fact: the one kept if no fact was
    /// stored since, else one built over the facts `read` gives (in storage
    /// order) and kept.
    pub fn claim_book<E>(
        &self,
        read: impl FnOnce() -> Result<Vec<Fact>, E>,
    ) -> Result<Arc<ClaimBook>, E> {
        let generation = self.generation.load(Ordering::Acquire);
        if let Ok(kept) = self.book.read()
            && let Some((at, book)) = kept.as_ref()
            && *at == generation
        {
            return Ok(Arc::clone(book));
        }
        let facts = read()?;
        let book = Arc::new(ClaimBook::new(
            Arc::clone(&self.project),
            Some(Arc::clone(&self.register)),
            &facts,
        ));
        if let Ok(mut kept) = self.book.write()
            && kept.as_ref().is_none_or(|(at, _)| *at <= generation)
        {
            *kept = Some((generation, Arc::clone(&book)));
        }
        Ok(book)
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
}
