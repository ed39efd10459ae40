//! What ARCHITECTURE.md promises of the grader's code that the code itself can show: its modules
//! form no import cycle (a command calls down into services, a service never calls back up into
//! a command), and no command calls into another command.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repo_root;

/// Each of `grader/src`'s modules (a top-level module, or `commands/NAME` for a command) and
/// the modules its code names through `crate::`, test modules left out.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo_root().join("grader/src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let relative = file
            .strip_prefix(&src)
            .expect("below src")
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/");
        let mut parts = relative.split('/');
        let top = parts.next().expect("a name").to_owned();
        if top == "main" {
            continue;
        }
        let module = if top == "commands" {
            match parts.next() {
                Some(command) => format!("commands/{command}"),
                None => continue,
            }
        } else {
            top
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        // Code only: a doc comment may name another module without using it.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let uses = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let used = if name == "commands" {
                let command: String = rest["commands::".len().min(rest.len())..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                format!("commands/{command}")
            } else {
                name
            };
            if used != module && !used.is_empty() {
                uses.insert(used);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found
}

/// A path through `graph` from `module` back to itself, if there is one.
fn cycle_through(graph: &BTreeMap<String, BTreeSet<String>>, module: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![module.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("a path is never empty");
        for next in graph.get(last).into_iter().flatten() {
            if next == module {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn the_graders_modules_form_no_import_cycle() {
    let graph = module_graph();
    assert!(graph.contains_key("output") && graph.contains_key("commands/check"));
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|module| cycle_through(&graph, module))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(
        cycles.is_empty(),
        "import cycles among grader/src's modules:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn no_command_calls_into_another() {
    let graph = module_graph();
    let crossings: Vec<String> = graph
        .iter()
        .filter(|(module, _)| module.starts_with("commands/"))
        .flat_map(|(module, uses)| {
            uses.iter()
                .filter(|used| used.starts_with("commands/"))
                .map(move |used| format!("{module} uses {used}"))
        })
        .collect();
    assert!(crossings.is_empty(), "{}", crossings.join("\n"));
}
