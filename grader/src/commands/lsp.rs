//! `grader lsp`: write `rust-project.json` at the course's root, so that rust-analyzer in an
//! editor opened there analyses the exercise files, which belong to no Cargo package, and on
//! each save runs `grader flycheck` (this very program) for the compiler's errors.
//!
//! The libraries exercises may use are found with `cargo metadata` on a small package the
//! grader writes in its build folder (`target/threadlings/lsp/`), never in the course's Cargo
//! workspace, so that nothing here changes what `cargo test` builds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::files::{write_atomically, write_if_changed};
use crate::formats::rust_project::{self, Build, CourseCrate, Runnable};
use crate::output;
use crate::workspace::{BuildWorkspace, EXERCISE_DEPENDENCIES};

/// The file rust-analyzer looks for at the root of the folder an editor opens.
pub const RUST_PROJECT: &str = "rust-project.json";

/// The edition exercises are compiled with (as the build workspace does).
const EDITION: &str = "2024";

/// The crate names (`use` names) of the libraries exercises may use.
const LIBRARIES: [&str; 2] = ["parking_lot", "crossbeam_channel"];

/// Writes `rust-project.json` for the course, with the command rust-analyzer runs on save
/// when `check_on_save`.
pub fn run(course: &Course, check_on_save: bool) -> Result<i32> {
    let workspace = BuildWorkspace::open(course)?;
    let metadata = library_metadata(course, &workspace)?;
    let sysroot = tool_output(course, "RUSTC", "rustc", &["--print", "sysroot"])
        .ok()
        .map(|s| PathBuf::from(s.trim()));
    // rust-analyzer takes the runnable's folder as it is written: it must be absolute. Every
    // path below is made from this one, as `flycheck`'s diagnostics will be.
    let root = std::path::absolute(&course.root)
        .map_err(|e| GraderError::io("find the course's folder", e))?;
    let crates = course_crates(course, &root, check_on_save);
    let mut project = rust_project::build(&metadata, &crates, sysroot, EDITION)
        .map_err(|e| GraderError::Build(e.to_string()))?;
    if check_on_save {
        project.runnables.push(flycheck_runnable(&root)?);
    }
    let path = course.root.join(RUST_PROJECT);
    let text = serde_json::to_string_pretty(&project).expect("the project serialises") + "\n";
    write_atomically(&path, text.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", path.display()), e))?;
    print!("{}", output::lsp_written(RUST_PROJECT));
    Ok(EXIT_PASSED)
}

/// What rust-analyzer runs when a file of a crate with a build label is saved: this grader's
/// `flycheck` with the crate's label, the exercise id.
///
/// The program is the grader running now (`target/debug/grader` under `cargo run -p grader`):
/// started directly, a check costs no `cargo run` and never waits for the lock of the course's
/// own build folder. It is given the course by the path this file names the exercise files
/// under, not left to find it from its folder (which the system may give with links resolved),
/// so that the files its diagnostics name are the very ones rust-analyzer knows.
fn flycheck_runnable(root: &Path) -> Result<Runnable> {
    let program =
        std::env::current_exe().map_err(|e| GraderError::io("find the grader's own program", e))?;
    Ok(Runnable {
        kind: "flycheck",
        program,
        args: vec![
            "--course".to_owned(),
            root.join("course.yaml").to_string_lossy().into_owned(),
            "flycheck".to_owned(),
            "{label}".to_owned(),
        ],
        cwd: root.to_path_buf(),
    })
}

/// The exercise files, then each lesson's library and examples, as crates of the course at
/// `root`. With `check_on_save`, each exercise gets its id as build label, for the check on
/// save; the lessons get none: they are Cargo packages, which `cargo check` already judges, and
/// learners read them rather than write them.
fn course_crates(course: &Course, root: &Path, check_on_save: bool) -> Vec<CourseCrate> {
    let libraries = || LIBRARIES.map(str::to_owned).to_vec();
    let mut crates: Vec<CourseCrate> = course
        .exercises()
        .map(|exercise| CourseCrate {
            name: format!("ex_{}", exercise.id.replace(['/', '-'], "_")),
            root_module: exercise.exercise_file(root),
            deps: libraries(),
            build: check_on_save.then(|| Build {
                label: exercise.id.clone(),
                build_file: root.join("course.yaml"),
                target_kind: "lib",
            }),
        })
        .collect();
    // The lesson crates: every `crates/NAME` with a `src/lib.rs`.
    let mut lessons: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    lessons.sort();
    for lesson in lessons {
        let lib = lesson.join("src").join("lib.rs");
        let Some(name) = lesson
            .file_name()
            .map(|n| n.to_string_lossy().replace('-', "_"))
        else {
            continue;
        };
        if !lib.is_file() {
            continue;
        }
        crates.push(CourseCrate {
            name: name.clone(),
            root_module: lib,
            deps: libraries(),
            build: None,
        });
        let mut examples: Vec<PathBuf> = std::fs::read_dir(lesson.join("examples"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        examples.sort();
        for example in examples {
            let stem = example
                .file_stem()
                .map(|s| s.to_string_lossy().replace('-', "_"))
                .unwrap_or_default();
            let mut deps = libraries();
            deps.push(name.clone());
            crates.push(CourseCrate {
                name: format!("{name}_example_{stem}"),
                root_module: example,
                deps,
                build: None,
            });
        }
    }
    crates
}

/// `cargo metadata` of a package that depends on the libraries exercises may use, resolved
/// with the course's Cargo.lock for the host.
fn library_metadata(course: &Course, workspace: &BuildWorkspace) -> Result<serde_json::Value> {
    let dir = workspace.dir.join("lsp");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        write_if_changed(&path, text.as_bytes())
            .map_err(|e| GraderError::io(format!("write {}", path.display()), e))
    };
    write(
        "Cargo.toml",
        &format!(
            "# Generated by the threadlings grader for `grader lsp`; changes are overwritten.\n\
             [package]\nname = \"threadlings-lsp\"\nversion = \"0.0.0\"\nedition = \"{EDITION}\"\n\
             publish = false\n\n[lib]\npath = \"lib.rs\"\n\n[dependencies]\n\
             {EXERCISE_DEPENDENCIES}\n# Not a member of the build workspace above.\n[workspace]\n"
        ),
    )?;
    write(
        "lib.rs",
        "//! Only here so that cargo can resolve the libraries.\n",
    )?;
    if !dir.join("Cargo.lock").exists()
        && let Ok(lock) = std::fs::read_to_string(course.root.join("Cargo.lock"))
    {
        write("Cargo.lock", &lock)?;
    }
    let host = tool_output(course, "RUSTC", "rustc", &["-vV"])?
        .lines()
        .find_map(|line| line.strip_prefix("host: ").map(str::to_owned))
        .ok_or_else(|| GraderError::Build(output::lsp_no_host()))?;
    let manifest = dir.join("Cargo.toml");
    let metadata = tool_output(
        course,
        "CARGO",
        "cargo",
        &[
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            &host,
            "--manifest-path",
            &manifest.to_string_lossy(),
        ],
    )?;
    serde_json::from_str(&metadata)
        .map_err(|e| GraderError::Build(output::lsp_metadata_not_json(&e)))
}

/// Runs a toolchain program (from `$variable`, or `program` on PATH) in the course's root, so
/// that its rust-toolchain.toml applies, and returns its standard output.
fn tool_output(course: &Course, variable: &str, program: &str, args: &[&str]) -> Result<String> {
    let tool = std::env::var_os(variable).unwrap_or_else(|| program.into());
    let ran = Command::new(&tool)
        .args(args)
        .current_dir(&course.root)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GraderError::io(output::running_tool(program), e))?;
    if !ran.status.success() {
        return Err(GraderError::Build(output::tool_failed(
            program,
            args,
            String::from_utf8_lossy(&ran.stderr).trim(),
        )));
    }
    Ok(String::from_utf8_lossy(&ran.stdout).into_owned())
}
