//! The crate's modules form no circle: each file's `crate::…` and `super::…`
//! paths (outside comments and test modules) point only "down", so that a
//! module can be read, and changed, knowing only what it uses.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module path of each source file (`api::facts` for `src/api/facts.rs`)
/// and its code without comments and `#[cfg(test)]` modules.
fn sources() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(parts.join("::"), code);
        }
    }
    out
}

/// The modules each module names.
fn edges(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges = BTreeMap::new();
    for (module, code) in sources {
        let mut to = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            // The longest prefix that is a module of this crate.
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| sources.contains_key(m));
            if let Some(target) = target {
                to.insert(target);
            }
        }
        if code.contains("super::") {
            if let Some((parent, _)) = module.rsplit_once("::") {
                to.insert(parent.to_owned());
            }
        }
        to.remove(module);
        // A parent declares its children; a child naming its parent is the
        // one edge between them that counts.
        to.retain(|t| !t.starts_with(&format!("{module}::")));
        edges.insert(module.clone(), to);
    }
    edges
}

#[test]
fn the_modules_form_no_circle() {
    let edges = edges(&sources());
    assert!(edges.contains_key("openapi") && edges.contains_key("api::facts"));
    // Depth-first search: a module met again while on the path is a circle.
    fn visit<'e>(
        m: &'e str,
        edges: &'e BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'e str>,
        done: &mut BTreeSet<&'e str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut circle: Vec<String> = path[at..].iter().map(|s| (*s).to_owned()).collect();
            circle.push(m.to_owned());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m);
        for next in edges.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m);
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        let circle = visit(m, &edges, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "a circle of modules: {}",
            circle.unwrap_or_default().join(" → ")
        );
    }
}

#[test]
fn only_the_router_uses_the_openapi_document() {
    let edges = edges(&sources());
    let users: Vec<&String> = edges
        .iter()
        .filter(|(_, to)| to.contains("openapi"))
        .map(|(m, _)| m)
        .collect();
    assert_eq!(users, ["server"]);
}
