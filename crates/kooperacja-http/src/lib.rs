//! # kooperacja-http
//!
//! `kooperacja-server`: a partnership project's report and facts over HTTP,
//! with the facts in an embedded SQLite database.
//!
//! It is an adapter: every number it serves comes from `kooperacja-core`
//! (the incremental [`Engine`](kooperacja_core::engine::Engine) over the
//! stored facts), and this crate adds what HTTP needs: storage, durability,
//! idempotent writes, tokens and access rules, pseudonymisation, an audit
//! trail, problem documents, the OpenAPI document and the dashboard page.
//! `docs/http.md` describes the API and how to run it.
//!
//! Modules: [`server`] (start, router, layers), [`conn`] (connections:
//! the cap and the timeouts), [`api`] (handlers), [`apidoc`] (the types the
//! handlers' OpenAPI annotations name), [`app`] (what every handler is given),
//! [`writer`] (the single writer and its group commit), [`store`] (the
//! database), [`state`] (engines and the report cache), [`access`] (who may
//! write what), [`fact_schema`] (the JSON Schema of a project's declared
//! kinds of fact), [`pseudonym`] (keyed hashes of person keys), [`problem`]
//! (errors), [`openapi`] (the document, assembled from the handlers), [`limits`], [`dashboard`] (the page at `/`).

#![allow(
    clippy::result_large_err,
    reason = "`Problem` is every handler's error and becomes a response at once; boxing it buys nothing at HTTP scale"
)]

pub mod access;
pub mod api;
pub mod apidoc;
pub mod app;
pub mod conn;
pub mod dashboard;
pub mod fact_schema;
pub mod limits;
pub mod openapi;
pub mod problem;
pub mod pseudonym;
pub mod redact;
pub mod server;
pub mod state;
pub mod store;
pub mod upload;
pub mod writer;
