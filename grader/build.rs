//! Compiles the hidden tests, the harness, the model checker's stand-ins for std and the stubs'
//! digests into the grader, so that grading never reads test files a learner could have edited
//! in their workspace.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets this"));
    let mut source = String::new();
    for (constant, root) in [
        ("HIDDEN", manifest_dir.join("hidden")),
        ("HARNESS", manifest_dir.join("harness/src")),
        ("MODEL", manifest_dir.join("model/src")),
    ] {
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        collect(&root, &root, &mut files);
        files.sort();
        writeln!(source, "pub static {constant}: &[(&str, &str)] = &[").unwrap();
        for (relative, absolute) in files {
            writeln!(
                source,
                "    ({relative:?}, include_str!({:?})),",
                absolute.display().to_string()
            )
            .unwrap();
        }
        writeln!(source, "];").unwrap();
    }
    let stubs = manifest_dir.join("stubs.sha256");
    println!("cargo:rerun-if-changed={}", stubs.display());
    writeln!(
        source,
        "pub static STUB_DIGESTS: &str = include_str!({:?});",
        stubs.display().to_string()
    )
    .unwrap();
    fs::write(out_dir.join("embedded.rs"), source).expect("OUT_DIR is writable");
}

/// Every `.rs` file (and every exercise's `classes.yaml`) below `dir`, as (path relative to
/// `root` with `/` separators, absolute path).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs")
            || path.file_name().is_some_and(|name| name == "classes.yaml")
        {
            let relative = path.strip_prefix(root).expect("below root");
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((relative, path));
        }
    }
}
