//! Everything a handler needs: the projects being served, the database's
//! readers and its single writer, and the pseudonymisation secret.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::pseudonym::Secret;
use crate::state::ProjectState;
use crate::store::Readers;
use crate::writer::Writer;

/// Everything a handler needs.
#[derive(Debug)]
pub struct AppState {
    /// The projects, in the order given on the command line.
    pub projects: Vec<Arc<ProjectState>>,
    /// Read connections.
    pub readers: Readers,
    /// The single writer.
    pub writer: Writer,
    /// The pseudonymisation secret.
    pub secret: Secret,
    /// Whether the engines are rebuilt and the start-up import done.
    pub ready: AtomicBool,
    /// Whether the test-only routes are on.
    pub test_routes: bool,
}

impl AppState {
    /// The project with this id.
    pub fn project(&self, id: &str) -> Option<&Arc<ProjectState>> {
        self.projects.iter().find(|p| p.id() == id)
    }

    /// Whether the server is ready.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}
