//! `rust-project.json`: rust-analyzer's description of a project that Cargo does not build.
//!
//! Exercise files belong to no Cargo package (a file that does not compile must never break
//! `cargo test` of the course), so rust-analyzer would not analyse them. This file lists each
//! one as a crate of its own, with the libraries an exercise may use (and what those need) as
//! found by `cargo metadata`, and the lesson crates, so that an editor opened at the
//! repository root completes, checks and navigates the learner's code.
//!
//! With a `rust-project.json`, rust-analyzer runs no `cargo check` on save, so the compiler's
//! own errors (types, borrows) would never show: each exercise crate has a `build` label (its
//! id) and the `flycheck` runnable runs `grader flycheck {label}`. rust-analyzer reads both since
//! its release of 2026-01-12 (Rust 1.95's has them); older ones refuse a runnable of that kind.
//! Format: <https://rust-analyzer.github.io/book/non_cargo_based_projects.html>.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

/// The whole file.
#[derive(Debug, Serialize)]
pub struct RustProject {
    /// The toolchain's sysroot; rust-analyzer reads the standard library's source below it
    /// (when the `rust-src` component is installed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sysroot: Option<PathBuf>,
    /// Every crate, dependencies included; deps refer to crates by index in this list.
    pub crates: Vec<Crate>,
    /// Commands rust-analyzer runs: here only its check on save (`flycheck`), run for a crate
    /// with a [`Crate::build`] label.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub runnables: Vec<Runnable>,
}

/// One crate.
#[derive(Debug, Serialize)]
pub struct Crate {
    /// The name shown in the editor.
    pub display_name: String,
    /// The crate's root file.
    pub root_module: PathBuf,
    /// The Rust edition, such as `2024`.
    pub edition: String,
    /// Its dependencies.
    pub deps: Vec<Dep>,
    /// Whether it is the learner's (or the course's) code rather than a library's.
    pub is_workspace_member: bool,
    /// `cfg` options set for it: a library's enabled features.
    pub cfg: Vec<String>,
    /// Environment variables `env!` may read, as Cargo would set them.
    pub env: BTreeMap<String, String>,
    /// Always false: an exercise may use no procedural macro.
    pub is_proc_macro: bool,
    /// How the course builds it, for the crates rust-analyzer checks on save (the exercises).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub build: Option<Build>,
}

/// What rust-analyzer knows of how a crate is built: its label goes into a runnable's
/// `{label}`.
#[derive(Debug, Clone, Serialize)]
pub struct Build {
    /// The name the build knows the crate by: the exercise id (`locks/counter`).
    pub label: String,
    /// The file that defines the crate: course.yaml.
    pub build_file: PathBuf,
    /// `lib`: an exercise file is a library.
    pub target_kind: &'static str,
}

/// A command rust-analyzer runs.
#[derive(Debug, Serialize)]
pub struct Runnable {
    /// What it runs: `flycheck` is the check on save, whose standard output must be rustc's or
    /// cargo's JSON diagnostics.
    pub kind: &'static str,
    /// The program.
    pub program: PathBuf,
    /// Its arguments; `{label}` stands for the saved file's crate's [`Build::label`].
    pub args: Vec<String>,
    /// The folder it runs in (absolute: rust-analyzer does not resolve it).
    pub cwd: PathBuf,
}

/// A dependency of a crate.
#[derive(Debug, Serialize)]
pub struct Dep {
    /// Its index in [`RustProject::crates`].
    #[serde(rename = "crate")]
    pub krate: usize,
    /// The name it is used by (`crossbeam_channel`).
    pub name: String,
}

/// A crate of the course itself: an exercise file, a lesson or a lesson's example.
#[derive(Debug)]
pub struct CourseCrate {
    /// Its crate name (an identifier).
    pub name: String,
    /// Its root file.
    pub root_module: PathBuf,
    /// The names of what it uses: the libraries exercises may use, or course crates listed
    /// before it.
    pub deps: Vec<String>,
    /// Its label for rust-analyzer's check on save, if it has one.
    pub build: Option<Build>,
}

/// A problem with cargo's metadata: not what `cargo metadata --format-version 1` prints.
#[derive(Debug, thiserror::Error)]
#[error("unexpected `cargo metadata` output: {0}")]
pub struct MetadataError(String);

/// Builds the project from `metadata` (of a package whose dependencies are the libraries
/// exercises may use, resolved for the host) and the course's own crates.
pub fn build(
    metadata: &Value,
    course_crates: &[CourseCrate],
    sysroot: Option<PathBuf>,
    edition: &str,
) -> Result<RustProject, MetadataError> {
    let missing = |what: &str| MetadataError(format!("no {what}"));
    let packages: HashMap<&str, &Value> = metadata["packages"]
        .as_array()
        .ok_or_else(|| missing("packages"))?
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .ok_or_else(|| missing("resolve graph"))?
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let root = metadata["resolve"]["root"]
        .as_str()
        .ok_or_else(|| missing("root package"))?;

    // The libraries: every package the root needs at run time, each once.
    let normal_deps = |id: &str| -> Vec<(String, String)> {
        nodes
            .get(id)
            .and_then(|n| n["deps"].as_array())
            .into_iter()
            .flatten()
            .filter(|d| {
                d["dep_kinds"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k["kind"].is_null()))
            })
            .filter_map(|d| {
                Some((
                    d["name"].as_str()?.to_owned(),
                    d["pkg"].as_str()?.to_owned(),
                ))
            })
            .collect()
    };
    let mut order: Vec<String> = Vec::new();
    let mut queue: Vec<String> = normal_deps(root).into_iter().map(|(_, id)| id).collect();
    while let Some(id) = queue.pop() {
        if order.contains(&id) {
            continue;
        }
        queue.extend(normal_deps(&id).into_iter().map(|(_, id)| id));
        order.push(id);
    }
    order.sort();
    let index: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();

    let mut crates = Vec::new();
    for id in &order {
        let package = packages
            .get(id.as_str())
            .ok_or_else(|| MetadataError(format!("package {id} is not described")))?;
        let lib = package["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| {
                t["kind"]
                    .as_array()
                    .is_some_and(|k| k.iter().any(|k| k == "lib" || k == "rlib"))
            })
            .ok_or_else(|| MetadataError(format!("package {id} has no library")))?;
        let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
        let manifest = PathBuf::from(text(&package["manifest_path"]));
        let mut env = BTreeMap::new();
        env.insert("CARGO_PKG_NAME".to_owned(), text(&package["name"]));
        env.insert("CARGO_PKG_VERSION".to_owned(), text(&package["version"]));
        env.insert(
            "CARGO_MANIFEST_DIR".to_owned(),
            manifest
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        );
        env.insert(
            "CARGO_CRATE_NAME".to_owned(),
            text(&lib["name"]).replace('-', "_"),
        );
        let cfg = nodes
            .get(id.as_str())
            .and_then(|n| n["features"].as_array())
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|feature| format!("feature=\"{feature}\""))
            .collect();
        let deps = normal_deps(id)
            .into_iter()
            .filter_map(|(name, dep)| {
                Some(Dep {
                    krate: *index.get(dep.as_str())?,
                    name,
                })
            })
            .collect();
        crates.push(Crate {
            display_name: text(&lib["name"]),
            root_module: PathBuf::from(text(&lib["src_path"])),
            edition: text(&lib["edition"]),
            deps,
            is_workspace_member: false,
            cfg,
            env,
            is_proc_macro: false,
            build: None,
        });
    }

    // The course's crates, which may use the root's direct dependencies and each other.
    let mut by_name: HashMap<String, usize> = normal_deps(root)
        .into_iter()
        .filter_map(|(name, id)| Some((name, *index.get(id.as_str())?)))
        .collect();
    for course_crate in course_crates {
        let deps = course_crate
            .deps
            .iter()
            .map(|name| {
                by_name
                    .get(name)
                    .map(|&krate| Dep {
                        krate,
                        name: name.clone(),
                    })
                    .ok_or_else(|| MetadataError(format!("no crate `{name}` to depend on")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        by_name.insert(course_crate.name.clone(), crates.len());
        crates.push(Crate {
            display_name: course_crate.name.clone(),
            root_module: course_crate.root_module.clone(),
            edition: edition.to_owned(),
            deps,
            is_workspace_member: true,
            cfg: Vec::new(),
            env: BTreeMap::new(),
            is_proc_macro: false,
            build: course_crate.build.clone(),
        });
    }
    Ok(RustProject {
        sysroot,
        crates,
        runnables: Vec::new(),
    })
}
