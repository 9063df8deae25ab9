//! Until the engines are rebuilt, every path but the health checks answers
//! 503; the library's router, served in-process, with readiness held back.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kooperacja_core::project::Project;
use kooperacja_http::app::AppState;
use kooperacja_http::pseudonym::Secret;
use kooperacja_http::server::router;
use kooperacja_http::state::ProjectState;
use kooperacja_http::store::{self, Readers};
use kooperacja_http::writer::Writer;

async fn get(addr: String, path: &'static str) -> common::Response {
    tokio::task::spawn_blocking(move || common::raw(&addr, "GET", path, &[], None))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_path_but_the_health_checks_answers_503_until_ready() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let (writer, _thread) = Writer::start(store::open(&db).unwrap()).unwrap();
    let path = common::fixture("fixtures/projects/kooperacja-makroregion-ii.toml");
    let project = Arc::new(Project::parse(&std::fs::read_to_string(&path).unwrap()).unwrap());
    let state = Arc::new(AppState {
        projects: vec![Arc::new(ProjectState::new(
            project,
            kooperacja_core::territory::Register::embedded(),
            path.into(),
        ))],
        readers: Readers::new(&db),
        writer,
        secret: Secret::random().unwrap(),
        ready: AtomicBool::new(false),
        test_routes: false,
    });
    let app = router(state.clone(), Duration::from_secs(10));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move { axum::serve(listener, app).await });

    assert_eq!(get(addr.clone(), "/healthz").await.status, 200);
    get(addr.clone(), "/readyz").await.problem(503);
    let r = get(addr.clone(), "/v1/projects").await;
    r.problem(503);
    assert_eq!(r.header("retry-after"), Some("1"));
    get(addr.clone(), "/").await.problem(503);

    state.ready.store(true, Ordering::Release);
    assert_eq!(get(addr.clone(), "/readyz").await.status, 200);
    assert_eq!(get(addr.clone(), "/v1/projects").await.status, 200);
}
