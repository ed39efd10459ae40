//! The build workspace: a Cargo workspace the grader generates under `target/threadlings`, with
//! one crate per exercise, so that every exercise compiles alone while the dependencies compile
//! once for all of them.
//!
//! Layout:
//!
//! ```text
//! target/threadlings/
//!   lock                   held while a grader builds or runs here
//!   Cargo.toml, Cargo.lock the workspace; the lock file starts as a copy of the course's
//!   harness/               the grader's copy of the hidden-test runtime
//!   crates/locks-counter/  one crate per exercise graded (and, for `verify`, one per
//!                          solution, stub and mutant: `locks-counter--solution`, …; for
//!                          `flycheck`, the library alone: `locks-counter--flycheck`):
//!     exercises/03_locks/01_counter.rs   a copy of the graded file (the library)
//!     hidden/…                           the grader's copy of the hidden tests
//!   runs/                  the working folder of each test process
//!   target/                cargo's build output
//! ```

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::course::{Course, Exercise};
use crate::embedded;
use crate::error::{GraderError, Result};
use crate::files::{lock_exclusively, write_if_changed};
use crate::output;

/// The versions of the dependencies exercise files may use: the course's own.
pub const EXERCISE_DEPENDENCIES: &str = r#"parking_lot = "0.12"
crossbeam-channel = "0.5"
"#;

/// The generated workspace, locked for this grader's use.
pub struct BuildWorkspace {
    /// Its root folder.
    pub dir: PathBuf,
    /// Held open for the flock; dropping it lets another grader in.
    _lock: File,
}

/// One exercise's crate in the build workspace, with the graded file copied in.
#[derive(Clone)]
pub struct ExerciseCrate {
    /// The cargo package name, such as `locks-counter`.
    pub package: String,
    /// The crate's folder relative to the workspace root, such as `crates/locks-counter`: how
    /// paths appear in its diagnostics and panics.
    pub dir_name: String,
    /// The library's crate name, such as `ex_locks_counter`.
    pub lib: String,
    /// The library's source, the graded file, relative to the workspace root.
    pub source: String,
}

impl BuildWorkspace {
    /// Opens (creating it if need be) the build workspace of `course`, waiting for any other
    /// grader that is using it, and writes every exercise's crate skeleton.
    pub fn open(course: &Course) -> Result<BuildWorkspace> {
        let dir = match std::env::var_os("THREADLINGS_BUILD_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => course.root.join("target").join("threadlings"),
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| GraderError::io(format!("create {}", dir.display()), e))?;
        let lock = lock_exclusively(&dir.join("lock"))?;
        let workspace = BuildWorkspace { dir, _lock: lock };
        workspace.write_skeleton(course)?;
        if crate::platform::runs_as_learner() {
            // cargo runs as the learner user and writes only its target folder (which, when
            // it exists, must already be that user's, as the autograder makes it) and the lock
            // file, to which it adds the crates the grader writes.
            let lock_file = workspace.dir.join("Cargo.lock");
            if lock_file.exists() {
                crate::platform::give_to_learner(&lock_file).map_err(|e| {
                    GraderError::io(
                        format!("give {} to the learner user", lock_file.display()),
                        e,
                    )
                })?;
            }
            let target = workspace.target_dir();
            if !target.exists() {
                std::fs::create_dir(&target)
                    .map_err(|e| GraderError::io(format!("create {}", target.display()), e))?;
                crate::platform::give_to_learner(&target).map_err(|e| {
                    GraderError::io(format!("give {} to the learner user", target.display()), e)
                })?;
            }
        }
        Ok(workspace)
    }

    fn write(&self, relative: impl AsRef<Path>, contents: &str) -> Result<()> {
        let path = self.dir.join(relative);
        write_if_changed(&path, contents.as_bytes())
            .map(|_| ())
            .map_err(|e| GraderError::io(format!("write {}", path.display()), e))
    }

    fn write_skeleton(&self, course: &Course) -> Result<()> {
        self.write("Cargo.toml", &workspace_manifest())?;
        let lock_file = self.dir.join("Cargo.lock");
        if !lock_file.exists()
            && let Ok(lock) = std::fs::read_to_string(course.root.join("Cargo.lock"))
        {
            self.write("Cargo.lock", &lock)?;
        }
        if let Ok(toolchain) = std::fs::read_to_string(course.root.join("rust-toolchain.toml")) {
            self.write("rust-toolchain.toml", &toolchain)?;
        }
        self.write(
            "harness/Cargo.toml",
            "[package]\nname = \"threadlings-harness\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[lib]\nname = \"harness\"\ntest = false\ndoctest = false\n\n\
             [target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n\n\
             [target.'cfg(target_os = \"macos\")'.dependencies]\nmach2 = \"0.7\"\n\n\
             [target.'cfg(windows)'.dependencies]\nwindows-sys = { version = \"0.61\", features = [\
             \"Win32_Foundation\", \"Win32_System_Diagnostics_ToolHelp\", \
             \"Win32_System_Threading\", \"Win32_System_WindowsProgramming\"] }\n",
        )?;
        for (path, text) in embedded::HARNESS {
            self.write(format!("harness/src/{path}"), text)?;
        }
        self.write(
            "model/Cargo.toml",
            "[package]\nname = \"threadlings-model\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[lib]\nname = \"sim\"\ntest = false\ndoctest = false\n\n\
             [dependencies]\nloom = { version = \"0.7\", features = [\"checkpoint\"] }\n\
             threadlings-harness = { path = \"../harness\" }\n",
        )?;
        for (path, text) in embedded::MODEL {
            self.write(format!("model/src/{path}"), text)?;
        }
        Ok(())
    }

    /// Writes the crate that builds `graded` for the model checker, if the exercise has model
    /// tests: the file with its std paths pointing at the stand-ins of `grader/model`
    /// ([`crate::model_source`]), as the library of a crate whose `hidden` test is `model.rs`.
    /// `variant` is as for [`BuildWorkspace::prepare`].
    pub fn prepare_model(
        &self,
        exercise: &Exercise,
        variant: &str,
        graded: &str,
    ) -> Result<Option<ExerciseCrate>> {
        let Some((_, tests)) = embedded::hidden_files(exercise.stem())
            .into_iter()
            .find(|(path, _)| *path == "model.rs")
        else {
            return Ok(None);
        };
        let (base_package, base_lib) = names(exercise, variant);
        let package = format!("{base_package}--model");
        let lib = format!("{base_lib}__model");
        self.write(
            format!("crates/{package}/Cargo.toml"),
            &format!(
                "[package]\nname = {package:?}\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                 publish = false\nautobins = false\nautoexamples = false\nautotests = false\n\
                 autobenches = false\n\n[lib]\nname = {lib:?}\npath = {path:?}\ntest = false\n\
                 doctest = false\n\n[[test]]\nname = \"hidden\"\npath = \"hidden/model.rs\"\n\
                 harness = false\n\n[dependencies]\n\
                 sim = {{ package = \"threadlings-model\", path = \"../../model\" }}\n\
                 threadlings-harness = {{ path = \"../../harness\" }}\n\n\
                 [lints.rust]\nwarnings = \"allow\"\n",
                path = exercise.path,
            ),
        )?;
        self.write(
            format!("crates/{package}/{}", exercise.path),
            &crate::model_source::for_model(graded),
        )?;
        self.write(
            format!("crates/{package}/hidden/model.rs"),
            &format!("{tests}\nextern crate {lib} as exercise;\n"),
        )?;
        Ok(Some(ExerciseCrate {
            dir_name: format!("crates/{package}"),
            source: format!("crates/{package}/{}", exercise.path),
            package,
            lib,
        }))
    }

    fn write_exercise_manifest(&self, exercise: &Exercise, package: &str, lib: &str) -> Result<()> {
        let hidden = embedded::hidden_files(exercise.stem());
        let mut bins = String::new();
        for (path, _) in &hidden {
            if let Some(stem) = path
                .strip_prefix("bin/")
                .and_then(|p| p.strip_suffix(".rs"))
            {
                bins.push_str(&format!(
                    "\n[[bin]]\nname = {:?}\npath = \"hidden/{path}\"\ntest = false\n",
                    program_name(package, stem)
                ));
            }
        }
        self.write(
            format!("crates/{package}/Cargo.toml"),
            &format!(
                "[package]\nname = {package:?}\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                 publish = false\nautobins = false\nautoexamples = false\nautotests = false\n\
                 autobenches = false\n\n[lib]\nname = {lib:?}\npath = {path:?}\ntest = false\n\
                 doctest = false\n\n[[test]]\nname = \"hidden\"\npath = \"hidden/tests.rs\"\n\
                 harness = false\n{bins}\n[dependencies]\n{EXERCISE_DEPENDENCIES}\
                 threadlings-harness = {{ path = \"../../harness\" }}\n\n\
                 # Hidden tests that run a program built from the learner's file (bin/*.rs).\n\
                 [dev-dependencies]\nassert_cmd = \"2\"\n\n\
                 [lints.rust]\n# The learner's warnings are theirs to see in their editor.\n\
                 warnings = \"allow\"\n",
                path = exercise.path,
            ),
        )
    }

    /// Copies `graded` (the learner's file, a solution, a stub or a mutant) into a crate of
    /// its own for `exercise`, along with the grader's hidden files, and returns the crate.
    ///
    /// `variant` keeps the files `verify` grades apart, so that they build side by side: empty
    /// for the learner's file, `solution`, `stub` or `mutant-NAME` otherwise.
    pub fn prepare(
        &self,
        exercise: &Exercise,
        variant: &str,
        graded: &str,
    ) -> Result<ExerciseCrate> {
        let (package, lib) = names(exercise, variant);
        self.write_exercise_manifest(exercise, &package, &lib)?;
        self.write(format!("crates/{package}/{}", exercise.path), graded)?;
        let hidden = embedded::hidden_files(exercise.stem());
        let programs: Vec<&str> = hidden
            .iter()
            .filter_map(|(path, _)| path.strip_prefix("bin/")?.strip_suffix(".rs"))
            .collect();
        for (path, text) in &hidden {
            if *path == "tests.rs" || path.starts_with("bin/") {
                // The tests say `exercise::…`; the library's real name keeps artifacts of
                // different crates apart. Added at the end, after any inner doc comment.
                let mut text = format!("{text}\nextern crate {lib} as exercise;\n");
                // Programs are named after their package too, so that the builds `verify`
                // makes side by side do not overwrite each other's; the tests' names for them
                // are changed to match.
                for stem in &programs {
                    text = text.replace(
                        &format!("CARGO_BIN_EXE_{stem}\""),
                        &format!("CARGO_BIN_EXE_{}\"", program_name(&package, stem)),
                    );
                }
                self.write(format!("crates/{package}/hidden/{path}"), &text)?;
            }
        }
        Ok(ExerciseCrate {
            dir_name: format!("crates/{package}"),
            source: format!("crates/{package}/{}", exercise.path),
            package,
            lib,
        })
    }

    /// Copies the learner's file of `exercise` into the crate `grader flycheck` checks for
    /// rust-analyzer (`locks-counter--flycheck`): the library alone, with the libraries
    /// exercises may use and no hidden file, and the compiler's warnings left on, as the editor
    /// shows them.
    ///
    /// A crate apart from the one `check` builds: the copy is written on every save, so that
    /// cargo checks it again and reports either the errors or a fresh artifact (which tells
    /// rust-analyzer to clear the errors of the last save), without making `check` rebuild
    /// the hidden tests of a file that did not change.
    pub fn prepare_flycheck(&self, exercise: &Exercise, graded: &str) -> Result<ExerciseCrate> {
        let (package, lib) = names(exercise, "flycheck");
        // Its warnings are shown, and rustc warns of a crate name that is not snake case.
        let lib = lib.replace("__", "_");
        self.write(
            format!("crates/{package}/Cargo.toml"),
            &format!(
                "[package]\nname = {package:?}\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                 publish = false\nautobins = false\nautoexamples = false\nautotests = false\n\
                 autobenches = false\n\n[lib]\nname = {lib:?}\npath = {path:?}\ntest = false\n\
                 doctest = false\n\n[dependencies]\n{EXERCISE_DEPENDENCIES}",
                path = exercise.path,
            ),
        )?;
        let copy = self.dir.join(format!("crates/{package}/{}", exercise.path));
        if let Some(parent) = copy.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| GraderError::io(format!("create {}", parent.display()), e))?;
        }
        // Always written (not only when changed): a new modification time makes cargo check
        // it again, so that every save ends in diagnostics or in an artifact that is not fresh
        // (rust-analyzer ignores fresh ones).
        std::fs::write(&copy, graded)
            .map_err(|e| GraderError::io(format!("write {}", copy.display()), e))?;
        Ok(ExerciseCrate {
            dir_name: format!("crates/{package}"),
            source: format!("crates/{package}/{}", exercise.path),
            package,
            lib,
        })
    }

    /// cargo's build output folder.
    pub fn target_dir(&self) -> PathBuf {
        self.dir.join("target")
    }

    /// Where the failing interleavings of a model crate's tests are kept for `check --replay`.
    pub fn replay_dir(&self, package: &str) -> PathBuf {
        self.dir.join("replays").join(package)
    }

    /// A fresh, empty working folder for one test process (or the compiler of compile-fail
    /// checks), given to the learner user when there is one. The folders above it are the
    /// grader's, so that learner code can never put a link where the grader will write.
    pub fn run_dir(&self, package: &str, test: &str) -> Result<PathBuf> {
        // A name from a test binary's list is the learner's code speaking: one that is not a
        // plain identifier never names a folder.
        if test.is_empty() || !test.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(GraderError::Build(output::odd_test_name(package, test)));
        }
        let dir = self.dir.join("runs").join(package).join(test);
        if dir.symlink_metadata().is_ok() {
            let _ = std::fs::remove_dir_all(&dir);
            let _ = std::fs::remove_file(&dir);
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| GraderError::io(format!("create {}", dir.display()), e))?;
        crate::platform::give_to_learner(&dir).map_err(|e| {
            GraderError::io(format!("give {} to the learner user", dir.display()), e)
        })?;
        Ok(dir)
    }
}

/// The package and library names of `exercise`'s crate for `variant` (see
/// [`BuildWorkspace::prepare`]).
fn names(exercise: &Exercise, variant: &str) -> (String, String) {
    let package = exercise.id.replace('/', "-");
    let lib = format!("ex_{}", exercise.id.replace('/', "_"));
    if variant.is_empty() {
        (package, lib)
    } else {
        (
            format!("{package}--{variant}"),
            format!("{lib}__{}", variant.replace('-', "_")),
        )
    }
}

/// The name cargo gives the program `bin/STEM.rs` of `package`: unique to the package, so that
/// the programs of a solution, a stub and its mutants never share a file in the build folder.
fn program_name(package: &str, stem: &str) -> String {
    format!("{stem}--{package}")
}
/// Dependencies that run only while the others build (procedural macros, build scripts and
/// what they use), or only when a model checker's log is asked for (`regex`, behind loom's
/// `LOOM_LOG`): optimising them costs half of a cold build's critical path and speeds up no
/// test.
const QUICK_TO_BUILD: &[&str] = &[
    "cc",
    "find-msvc-tools",
    "proc-macro2",
    "quote",
    "regex-automata",
    "regex-syntax",
    "rustversion",
    "serde_derive",
    "shlex",
    "syn",
    "unicode-ident",
];

/// The build workspace's `Cargo.toml`.
fn workspace_manifest() -> String {
    let mut manifest = String::from(
        "# Generated by the threadlings grader; changes are overwritten.\n\
         [workspace]\nresolver = \"3\"\nmembers = [\"harness\", \"model\", \"crates/*\"]\n\n\
         [profile.dev]\n# Each graded file is compiled once and run once: unoptimised code without \
         debug info\n# compiles fastest, and hidden tests do not need speed to be thorough.\n\
         # Incremental compilation saves nothing on files of a few hundred lines, and its \
         caches\n# made a cold `grader verify` a third slower (and 3.5 GB larger).\n\
         opt-level = 0\ndebug = false\nincremental = false\n\n\
         # The dependencies compile once for every exercise, so they may as well be fast.\n\
         [profile.dev.package.\"*\"]\nopt-level = 2\n\n\
         # Except those that run only while building, or only for a model checker's log.\n",
    );
    for package in QUICK_TO_BUILD {
        manifest.push_str(&format!("[profile.dev.package.{package}]\nopt-level = 0\n"));
    }
    manifest
}
