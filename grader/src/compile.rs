//! Builds exercise crates with cargo and reads what cargo reports: the test binary, the
//! libraries compile-fail checks link against, or the compiler's errors.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{GraderError, Result};
use crate::output;
use crate::platform::{Limits, ProcessTree};
use crate::workspace::{BuildWorkspace, ExerciseCrate};

/// The crates a compile-fail case may name, besides the exercise and std.
pub const CASE_CRATES: [&str; 2] = ["parking_lot", "crossbeam_channel"];

/// The crates an exercise's library may name (its `[dependencies]`), for type-checking a
/// learner's file alone ([`crate::type_check`]).
pub const LIBRARY_CRATES: [&str; 3] = ["parking_lot", "crossbeam_channel", "harness"];

/// What building an exercise's crate produced.
pub enum BuildOutcome {
    /// Everything compiled.
    Built(Artifacts),
    /// The compiler refused the crate.
    CompileError(CompileErrors),
    /// The build was stopped at its deadline before this crate was done.
    Stopped,
}

/// The libraries an exercise's library is built against, as cargo reported them: what
/// [`crate::type_check`] needs to check a file alone.
#[derive(Serialize, Deserialize, PartialEq, Default)]
pub struct Libraries {
    /// cargo's `deps` folder, for `-L dependency=`.
    pub deps_dir: PathBuf,
    /// `--extern` libraries, by crate name ([`LIBRARY_CRATES`]).
    pub externs: std::collections::BTreeMap<String, PathBuf>,
}

impl Libraries {
    /// Whether cargo reported every one of them.
    pub fn complete(&self) -> bool {
        self.externs.len() == LIBRARY_CRATES.len()
    }
}

/// `NAME=PATH`, as rustc's `--extern` and `-L` take it, the path as the system gives it.
pub fn named_path(name: &str, path: &std::path::Path) -> std::ffi::OsString {
    let mut arg = std::ffi::OsString::from(format!("{name}="));
    arg.push(path);
    arg
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
    /// The first line, such as `error[E0599]: no method named add found …`.
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
}

#[derive(Deserialize)]
struct Target {
    name: String,
    kind: Vec<String>,
}

/// A diagnostic of rustc's, as `--error-format=json` (or cargo's messages) give it.
#[derive(Deserialize)]
pub(crate) struct Diagnostic {
    pub(crate) level: String,
    pub(crate) message: String,
    pub(crate) code: Option<DiagnosticCode>,
    pub(crate) rendered: Option<String>,
    pub(crate) spans: Vec<Span>,
}

#[derive(Deserialize)]
pub(crate) struct DiagnosticCode {
    pub(crate) code: String,
}

#[derive(Deserialize)]
pub(crate) struct Span {
    pub(crate) file_name: String,
    pub(crate) is_primary: bool,
}

impl Diagnostic {
    /// The file of its main span, if it has one.
    pub(crate) fn primary_file(&self) -> Option<&str> {
        self.spans
            .iter()
            .find(|s| s.is_primary)
            .map(|s| s.file_name.as_str())
    }

    /// The error as the learner is shown it.
    pub(crate) fn into_rendered(self) -> RenderedError {
        let in_hidden_code = self
            .primary_file()
            .is_some_and(|file| file.contains("/hidden/"));
        let text = self.rendered.unwrap_or_default();
        RenderedError {
            headline: text.lines().next().unwrap_or_default().to_owned(),
            text,
            in_hidden_code,
        }
    }
}

/// What cargo reported for one crate while building.
#[derive(Default)]
struct Reported {
    test_binary: Option<PathBuf>,
    library: Option<PathBuf>,
    errors: Vec<RenderedError>,
}

/// Builds the hidden-test binaries of several exercise crates in one cargo run, so that they
/// compile in parallel and a crate that does not compile stops none of the others. A build
/// still going at `deadline` is stopped: the crates it finished are ready, the others
/// [`BuildOutcome::Stopped`]; so is one still going when `stop` is set (the caller needs its
/// results no longer). Also says which libraries the crates were built against.
pub fn build_all(
    workspace: &BuildWorkspace,
    crates: &[ExerciseCrate],
    deadline: Option<Instant>,
    stop: &AtomicBool,
) -> Result<(Vec<BuildOutcome>, Libraries)> {
    if crates.is_empty() {
        return Ok((Vec::new(), Libraries::default()));
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(&cargo);
    command
        .args(["build", "--keep-going", "--test", "hidden"])
        .args(["--message-format=json", "--quiet"])
        .arg("--target-dir")
        .arg(workspace.target_dir())
        .current_dir(&workspace.dir)
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for krate in crates {
        command.arg("-p").arg(&krate.package);
    }
    let cargo = run_until(&mut command, deadline, stop)?;

    let mut reported: HashMap<&str, Reported> = HashMap::new();
    let mut externs = HashMap::new();
    let mut libraries = Libraries {
        deps_dir: workspace.target_dir().join("debug").join("deps"),
        externs: std::collections::BTreeMap::new(),
    };
    let package_of = |id: &Option<String>| -> Option<&str> {
        let id = id.as_deref()?;
        crates
            .iter()
            .find(|k| id.contains(&format!("/{}#", k.dir_name)))
            .map(|k| k.package.as_str())
    };
    for line in cargo.stdout.split(|&b| b == b'\n') {
        let Ok(message) = serde_json::from_slice::<Message>(line) else {
            continue;
        };
        let package = package_of(&message.package_id);
        match (message.reason.as_str(), package) {
            ("compiler-artifact", Some(package)) => {
                let Some(target) = &message.target else {
                    continue;
                };
                let entry = reported.entry(package).or_default();
                if target.kind.iter().any(|k| k == "test") && target.name == "hidden" {
                    entry.test_binary = message.executable.clone();
                } else if target.kind.iter().any(|k| k == "lib" || k == "rlib") {
                    entry.library = rlib(&message.filenames);
                }
            }
            ("compiler-artifact", None) => {
                if let Some(target) = &message.target
                    && LIBRARY_CRATES.contains(&target.name.as_str())
                    && let Some(path) = rlib(&message.filenames)
                {
                    if CASE_CRATES.contains(&target.name.as_str()) {
                        externs.insert(target.name.clone(), path.clone());
                    }
                    libraries.externs.insert(target.name.clone(), path);
                }
            }
            ("compiler-message", Some(package)) => {
                let Some(diagnostic) = message.message else {
                    continue;
                };
                if diagnostic.level != "error" {
                    continue;
                }
                reported
                    .entry(package)
                    .or_default()
                    .errors
                    .push(diagnostic.into_rendered());
            }
            _ => {}
        }
    }
    let outcomes = crates
        .iter()
        .map(|krate| {
            let found = reported.remove(krate.package.as_str()).unwrap_or_default();
            match found {
                Reported {
                    test_binary: Some(test_binary),
                    library: Some(library),
                    ..
                } => Ok(BuildOutcome::Built(Artifacts {
                    test_binary,
                    library,
                    externs: externs.clone(),
                    deps_dir: libraries.deps_dir.clone(),
                })),
                Reported { errors, .. } if !errors.is_empty() => {
                    Ok(BuildOutcome::CompileError(CompileErrors {
                        rendered: errors,
                    }))
                }
                _ if cargo.stopped => Ok(BuildOutcome::Stopped),
                _ => Err(GraderError::Build(output::cargo_could_not_build(
                    &krate.package,
                    String::from_utf8_lossy(&cargo.stderr).trim(),
                ))),
            }
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((outcomes, libraries))
}

/// What a cargo run printed, and whether it was stopped at its deadline.
struct CargoOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    stopped: bool,
}

/// Runs cargo in a process tree of its own (so that the compilers it started end with it when it
/// is stopped), until it ends, `deadline` passes or `stop` is set.
fn run_until(
    command: &mut Command,
    deadline: Option<Instant>,
    stop: &AtomicBool,
) -> Result<CargoOutput> {
    let limits = Limits { memory_bytes: None };
    let mut tree = ProcessTree::spawn(command, limits)
        .map_err(|e| GraderError::io(output::running_tool("cargo"), e))?;
    let read = |stream: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut stream) = stream {
                let _ = stream.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    // In a tree of its own, cargo no longer gets the terminal's Ctrl-C: the handler kills it.
    let id = tree.id();
    crate::interrupt::remember(id, tree.killer());
    let stdout = read(tree.child().stdout.take().map(|s| Box::new(s) as _));
    let stderr = read(tree.child().stderr.take().map(|s| Box::new(s) as _));
    let mut stopped = false;
    loop {
        match tree.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) => {}
            Err(error) => return Err(GraderError::io("wait for cargo", error)),
        }
        if deadline.is_some_and(|deadline| Instant::now() >= deadline)
            || stop.load(Ordering::Relaxed)
        {
            stopped = true;
            break;
        }
        // The learner waits for the build's end: look often.
        std::thread::sleep(Duration::from_millis(5));
    }
    tree.kill_tree();
    crate::interrupt::forget(id);
    Ok(CargoOutput {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        stopped,
    })
}

fn rlib(filenames: &Option<Vec<PathBuf>>) -> Option<PathBuf> {
    filenames
        .iter()
        .flatten()
        .find(|f| f.extension().is_some_and(|e| e == "rlib"))
        .cloned()
}
