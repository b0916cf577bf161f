//! The engine's boundaries, checked on its source: modules do not import each other in a loop
//! (a module and its own submodules aside), and nothing in the engine knows about the desktop
//! shell. README, "Architecture", describes the layers this keeps.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of the engine crate (`analytics::scan`, `workspace`…) with its source text.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&src, &src, &mut out);
    out
}

fn walk(src: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
    for path in entries.map(|e| e.path()) {
        if path.is_dir() {
            walk(src, &path, out);
        } else if let (Some("rs"), Ok(relative), Ok(text)) = (
            path.extension().and_then(|e| e.to_str()),
            path.strip_prefix(src),
            std::fs::read_to_string(&path),
        ) {
            let name = relative
                .with_extension("")
                .to_string_lossy()
                .replace('/', "::");
            out.insert(name, text);
        }
    }
}

/// The code of `text` without comments and without its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths written after `prefix` in `code`: `crate::analytics::scan::Facts` gives
/// `analytics::scan::Facts`.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .filter(|(at, _)| {
            !code[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        })
        .map(|(at, _)| {
            let rest = &code[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            rest[..end].trim_end_matches(':')
        })
        .collect()
}

/// The longest module named by the start of `path`, if any.
fn module_of(path: &str, modules: &BTreeMap<String, String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| modules.contains_key(m))
}

fn related(a: &str, b: &str) -> bool {
    a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

/// Which modules each module uses, leaving out its ancestors and descendants.
fn imports(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    modules
        .iter()
        .map(|(name, text)| {
            let code = code(text);
            let parent = name.rsplit_once("::").map(|(p, _)| p.to_owned());
            let mut used: BTreeSet<String> = paths_after(&code, "crate::")
                .into_iter()
                .filter_map(|p| module_of(p, modules))
                .collect();
            for p in paths_after(&code, "super::") {
                let full = match &parent {
                    Some(parent) => format!("{parent}::{p}"),
                    None => p.to_owned(),
                };
                used.extend(module_of(&full, modules));
            }
            used.retain(|m| m != name && !related(m, name));
            (name.clone(), used)
        })
        .collect()
}

/// A loop of imports through `from`, if there is one.
fn loop_through(from: &str, graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let Some(last) = path.last() else { continue };
        for next in graph.get(last).into_iter().flatten() {
            if next == from {
                return Some(path.iter().cloned().chain([next.clone()]).collect());
            }
            if seen.insert(next.clone()) {
                stack.push(path.iter().cloned().chain([next.clone()]).collect());
            }
        }
    }
    None
}

#[test]
fn engine_modules_import_each_other_without_loops() {
    let modules = modules();
    assert!(modules.contains_key("analytics::scan") && modules.contains_key("edit::apply"));
    let graph = imports(&modules);
    // The scan is below the report, which is assembled from it: the report uses the scan.
    assert!(graph["analytics::report"].contains("analytics::scan"));
    for name in modules.keys() {
        if let Some(found) = loop_through(name, &graph) {
            panic!("modules import each other in a loop: {}", found.join(" → "));
        }
    }
}

#[test]
fn the_loop_check_finds_a_loop() {
    let modules: BTreeMap<String, String> = [
        ("a".to_owned(), "use crate::b::Thing;".to_owned()),
        (
            "b".to_owned(),
            "use super::c::Other; // crate::a".to_owned(),
        ),
        ("c".to_owned(), "fn f() { crate::a::g() }".to_owned()),
        ("d".to_owned(), "use crate::a;".to_owned()),
    ]
    .into();
    let graph = imports(&modules);
    assert_eq!(
        loop_through("a", &graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(loop_through("d", &graph), None);
}

#[test]
fn the_engine_knows_nothing_of_the_desktop_shell() {
    for (name, text) in modules() {
        let code = code(&text);
        assert!(
            !code.contains("tauri") && !code.contains("clap::"),
            "src/{name}.rs mentions the shell or the CLI"
        );
    }
}
