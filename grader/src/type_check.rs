//! A learner's file type-checked alone by rustc while cargo starts the build: a compile error in
//! the file is known in a fraction of a second, not after cargo's own start-up and the hidden
//! tests' build.
//!
//! Only a refusal that the build itself would give is used: errors that all lie in the learner's
//! file, none of which could come from checking the file apart from its crate (a library not
//! found, or built by another compiler; an environment variable cargo sets). The check runs the
//! same compiler, edition, crate name and libraries as cargo does for the exercise's library, so
//! such errors are the build's, word for word. Anything else, a file that passes included, leaves
//! the verdict to the cargo build.

use std::process::{Command, Stdio};

use crate::compile::{CompileErrors, Diagnostic, Libraries, named_path};
use crate::files::write_atomically;
use crate::workspace::{BuildWorkspace, ExerciseCrate};

/// Where the build workspace keeps the libraries of its last build, for the next check.
const LIBRARIES_FILE: &str = "type-check.json";

/// Errors that say the file could not be checked apart from its crate, not that it is wrong:
/// a library missing, unreadable or built by another compiler.
const CRATE_LOADING: [&str; 9] = [
    "E0460", "E0461", "E0462", "E0463", "E0464", "E0514", "E0519", "E0523", "E0786",
];

/// Keeps what a build reported for the next check. Best effort: without it, the next check
/// waits for cargo.
pub fn remember(workspace: &BuildWorkspace, libraries: &Libraries) {
    if !libraries.complete() || load(workspace).as_ref() == Some(libraries) {
        return;
    }
    if let Ok(json) = serde_json::to_vec_pretty(libraries) {
        let _ = write_atomically(&workspace.dir.join(LIBRARIES_FILE), &json);
    }
}

/// What the last build reported; `None` before the first build.
pub fn load(workspace: &BuildWorkspace) -> Option<Libraries> {
    let json = std::fs::read(workspace.dir.join(LIBRARIES_FILE)).ok()?;
    serde_json::from_slice(&json).ok()
}

/// The errors the build would give `krate`'s library, if type-checking its file alone finds any
/// that the build certainly would; `None` when the file passes, or when what the compiler said
/// may not be the build's.
pub fn refused(
    workspace: &BuildWorkspace,
    libraries: &Libraries,
    krate: &ExerciseCrate,
) -> Option<CompileErrors> {
    let out_dir = workspace.run_dir(&krate.package, "type_check").ok()?;
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut command = Command::new(rustc);
    // The learner's macros expand here: the compiler reads files as the learner user.
    crate::platform::as_learner(&mut command);
    command
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit=metadata",
        ])
        .args(["--error-format=json", "-A", "warnings", "--crate-name"])
        .arg(&krate.lib)
        .arg("-L")
        .arg(named_path("dependency", &libraries.deps_dir))
        .arg("--out-dir")
        .arg(&out_dir)
        .arg(&krate.source)
        // As cargo runs it: paths in the errors are relative to the workspace's root.
        .current_dir(&workspace.dir)
        .stdin(Stdio::null());
    for (name, path) in &libraries.externs {
        command.arg("--extern").arg(named_path(name, path));
    }
    let checked = command.output().ok()?;
    if checked.status.success() {
        return None;
    }
    let errors: Vec<Diagnostic> = checked
        .stderr
        .split(|&b| b == b'\n')
        .filter_map(|line| serde_json::from_slice::<Diagnostic>(line).ok())
        .filter(|d| d.level == "error" && !d.message.starts_with("aborting due to"))
        .collect();
    the_builds_own(&errors, &krate.source).then(|| CompileErrors {
        rendered: errors.into_iter().map(Diagnostic::into_rendered).collect(),
    })
}

/// Whether `errors`, found type-checking `source` alone, are certainly what the build would
/// say: there are some, each in `source`, and none could come from checking it apart from its
/// crate.
fn the_builds_own(errors: &[Diagnostic], source: &str) -> bool {
    !errors.is_empty()
        && errors.iter().all(|error| {
            error.primary_file() == Some(source)
                && !error
                    .code
                    .as_ref()
                    .is_some_and(|code| CRATE_LOADING.contains(&code.code.as_str()))
                && !error.message.contains("environment variable")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "crates/locks-counter/exercises/03_locks/01_counter.rs";

    fn error(code: Option<&str>, message: &str, file: &str) -> Diagnostic {
        let code = code.map_or("null".to_owned(), |code| format!(r#"{{"code":"{code}"}}"#));
        serde_json::from_str(&format!(
            r#"{{"$message_type":"diagnostic","level":"error","message":{message:?},
                "code":{code},"rendered":"error","spans":[
                {{"file_name":{file:?},"is_primary":true,"line_start":4}}]}}"#
        ))
        .expect("a diagnostic as rustc writes it")
    }

    #[test]
    fn a_type_error_in_the_file_is_the_builds() {
        let errors = [error(Some("E0308"), "mismatched types", SOURCE)];
        assert!(the_builds_own(&errors, SOURCE));
    }

    #[test]
    fn no_error_is_no_verdict() {
        assert!(!the_builds_own(&[], SOURCE));
    }

    #[test]
    fn a_library_not_found_or_from_another_compiler_is_not_the_builds() {
        for code in ["E0463", "E0514", "E0460"] {
            let errors = [
                error(Some("E0308"), "mismatched types", SOURCE),
                error(Some(code), "can't find crate for `parking_lot`", SOURCE),
            ];
            assert!(!the_builds_own(&errors, SOURCE), "{code}");
        }
    }

    #[test]
    fn an_environment_variable_cargo_sets_is_not_the_builds() {
        let errors = [error(
            None,
            "environment variable `CARGO_PKG_NAME` not defined at compile time",
            SOURCE,
        )];
        assert!(!the_builds_own(&errors, SOURCE));
    }

    #[test]
    fn an_error_outside_the_file_is_not_the_builds() {
        let errors = [error(
            Some("E0308"),
            "mismatched types",
            "crates/locks-counter/hidden/tests.rs",
        )];
        assert!(!the_builds_own(&errors, SOURCE));
    }
}
