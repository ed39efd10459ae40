//! Builds one exercise's crate with cargo and reads what cargo reports: the test binary, the
//! libraries compile-fail checks link against, or the compiler's errors.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::error::{GraderError, Result};
use crate::workspace::{BuildWorkspace, ExerciseCrate};

/// The crates a compile-fail case may name, besides the exercise and std.
pub const CASE_CRATES: [&str; 2] = ["parking_lot", "crossbeam_channel"];

/// What building an exercise's crate produced.
pub enum BuildOutcome {
    /// Everything compiled.
    Built(Artifacts),
    /// The compiler refused the crate.
    CompileError(CompileErrors),
}

/// The files a successful build produced.
pub struct Artifacts {
    /// The hidden-test binary.
    pub test_binary: PathBuf,
    /// The exercise's library.
    pub library: PathBuf,
    /// `--extern` libraries for compile-fail cases, by crate name.
    pub externs: HashMap<String, PathBuf>,
    /// cargo's `deps` folder, for `-L dependency=`.
    pub deps_dir: PathBuf,
}

/// The compiler's errors for a crate that did not build.
pub struct CompileErrors {
    /// Each error as rustc rendered it, paths relative to the build workspace.
    pub rendered: Vec<RenderedError>,
}

/// One compiler error.
pub struct RenderedError {
    /// rustc's full rendering.
    pub text: String,
    /// The first line, such as "error[E0599]: no method named `add` found …".
    pub headline: String,
    /// Whether its main span is in the grader's hidden files rather than the learner's file.
    pub in_hidden_code: bool,
}

#[derive(Deserialize)]
struct Message {
    reason: String,
    package_id: Option<String>,
    target: Option<Target>,
    filenames: Option<Vec<PathBuf>>,
    executable: Option<PathBuf>,
    message: Option<Diagnostic>,
    success: Option<bool>,
}

#[derive(Deserialize)]
struct Target {
    name: String,
    kind: Vec<String>,
}

#[derive(Deserialize)]
struct Diagnostic {
    level: String,
    rendered: Option<String>,
    spans: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    file_name: String,
    is_primary: bool,
}

/// Runs `cargo test --no-run` for one exercise's crate.
pub fn build(workspace: &BuildWorkspace, krate: &ExerciseCrate) -> Result<BuildOutcome> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["test", "--no-run", "--message-format=json", "--quiet", "-p"])
        .arg(&krate.package)
        .arg("--target-dir")
        .arg(workspace.target_dir())
        .current_dir(&workspace.dir)
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GraderError::io("run cargo (is it installed and on PATH?)", e))?;

    let mut artifacts_test = None;
    let mut library = None;
    let mut externs = HashMap::new();
    let mut errors = Vec::new();
    let mut success = false;
    let own_package = |id: &Option<String>| {
        id.as_deref().is_some_and(|id| {
            id.contains(&format!("/{}#", krate.dir_name))
                || id.contains(&format!("#{}@", krate.package))
        })
    };
    for line in output.stdout.split(|&b| b == b'\n') {
        let Ok(message) = serde_json::from_slice::<Message>(line) else {
            continue;
        };
        match message.reason.as_str() {
            "compiler-artifact" => {
                let Some(target) = &message.target else {
                    continue;
                };
                if own_package(&message.package_id) {
                    if target.kind.iter().any(|k| k == "test") && target.name == "hidden" {
                        artifacts_test = message.executable.clone();
                    } else if target.kind.iter().any(|k| k == "lib" || k == "rlib") {
                        library = rlib(&message.filenames);
                    }
                } else if CASE_CRATES.contains(&target.name.as_str())
                    && let Some(path) = rlib(&message.filenames)
                {
                    externs.insert(target.name.clone(), path);
                }
            }
            "compiler-message" if own_package(&message.package_id) => {
                let Some(diagnostic) = message.message else {
                    continue;
                };
                if diagnostic.level != "error" {
                    continue;
                }
                let text = diagnostic.rendered.unwrap_or_default();
                let in_hidden_code = diagnostic
                    .spans
                    .iter()
                    .find(|s| s.is_primary)
                    .is_some_and(|s| s.file_name.contains("/hidden/"));
                errors.push(RenderedError {
                    headline: text.lines().next().unwrap_or_default().to_owned(),
                    text,
                    in_hidden_code,
                });
            }
            "build-finished" => success = message.success.unwrap_or(false),
            _ => {}
        }
    }

    if !success {
        if errors.is_empty() {
            return Err(GraderError::Build(format!(
                "cargo could not build {}:\n{}",
                krate.package,
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        return Ok(BuildOutcome::CompileError(CompileErrors {
            rendered: errors,
        }));
    }
    match (artifacts_test, library) {
        (Some(test_binary), Some(library)) => Ok(BuildOutcome::Built(Artifacts {
            test_binary,
            deps_dir: workspace.target_dir().join("debug").join("deps"),
            library,
            externs,
        })),
        _ => Err(GraderError::Build(format!(
            "cargo built {} but did not report its test binary and library",
            krate.package
        ))),
    }
}

fn rlib(filenames: &Option<Vec<PathBuf>>) -> Option<PathBuf> {
    filenames
        .iter()
        .flatten()
        .find(|f| f.extension().is_some_and(|e| e == "rlib"))
        .cloned()
}
