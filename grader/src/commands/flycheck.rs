//! `grader flycheck ID`: the check rust-analyzer runs when a learner saves an exercise file
//! (`grader lsp` names it in `rust-project.json`), printing the compiler's diagnostics as cargo's
//! JSON messages with the learner's own file in them.
//!
//! An exercise file belongs to no Cargo package, so rust-analyzer cannot run `cargo check` on
//! it: this command checks a copy in the build workspace ([`BuildWorkspace::prepare_flycheck`])
//! and rewrites the copy's path, relative to the build workspace, into the learner's file, so
//! that each error lands on the learner's own line. Standard output carries cargo's JSON lines
//! and nothing else: rust-analyzer reads every line as a message.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::course::Course;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::output;
use crate::workspace::BuildWorkspace;

/// Checks the learner's file of exercise `id` and prints cargo's messages about it.
///
/// Exit status: 0 when it compiles, 1 when the compiler refused it (its errors are on standard
/// output), 2 for an id the course does not have or a file that cannot be read, 3 when cargo
/// itself failed.
pub fn run(course: &Course, id: &str) -> Result<i32> {
    // Its own message: the usual one would not say that rust-project.json may be stale.
    let exercise = course
        .exercise(id)
        .map_err(|_| GraderError::Usage(output::flycheck_unknown_exercise(id)))?;
    let file = std::path::absolute(exercise.exercise_file(&course.root))
        .map_err(|e| GraderError::io("find the course's folder", e))?;
    let bytes = std::fs::read(&file).map_err(|e| {
        GraderError::Usage(output::flycheck_unreadable(&exercise.path, &e.to_string()))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        GraderError::Usage(output::flycheck_not_utf8(
            &exercise.path,
            e.utf8_error().valid_up_to(),
        ))
    })?;

    let workspace = BuildWorkspace::open(course)?;
    let krate = workspace.prepare_flycheck(exercise, &text)?;
    let copy = format!("{}/{}", krate.dir_name, exercise.path);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // A plain child, in the grader's own process group: rust-analyzer stops a check that a new
    // save made useless by killing the group it started, and cargo must go with it.
    let mut child = Command::new(&cargo)
        .args(["check", "--lib", "--message-format=json", "--quiet"])
        .arg("-p")
        .arg(&krate.package)
        .arg("--target-dir")
        .arg(workspace.target_dir())
        .current_dir(&workspace.dir)
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| GraderError::io("run cargo (is it installed and on PATH?)", e))?;
    let stderr = child.stderr.take().map(|mut stream| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stream.read_to_string(&mut text);
            text
        })
    });

    let mut refused = false;
    let stdout = std::io::stdout();
    if let Some(messages) = child.stdout.take() {
        for line in BufReader::new(messages).lines() {
            let Ok(line) = line else { break };
            // Only diagnostics name files; every other line goes out as cargo wrote it.
            let line = match serde_json::from_str::<Value>(&line) {
                Ok(mut message) if message["reason"] == "compiler-message" => {
                    refused |= message["message"]["level"] == "error";
                    to_learner_file(&mut message["message"], &copy, &file, &workspace.dir);
                    message.to_string()
                }
                _ => line,
            };
            // rust-analyzer may have gone (a newer save): cargo's last lines then go nowhere.
            let mut out = stdout.lock();
            let _ = writeln!(out, "{line}").and_then(|()| out.flush());
        }
    }
    let status = child
        .wait()
        .map_err(|e| GraderError::io("wait for cargo", e))?;
    let stderr = stderr
        .and_then(|reader| reader.join().ok())
        .unwrap_or_default();
    if status.success() {
        Ok(EXIT_PASSED)
    } else if refused {
        Ok(EXIT_NOT_PASSED)
    } else {
        Err(GraderError::Build(output::flycheck_cargo_failed(
            &exercise.id,
            stderr.trim(),
        )))
    }
}

/// Rewrites a rustc diagnostic (cargo's `message`) so that it names `learner_file` where it
/// named `copy` (its path relative to the build workspace), and any other relative path as a
/// path below `build_dir`: rust-analyzer joins a relative path to the course's root.
fn to_learner_file(diagnostic: &mut Value, copy: &str, learner_file: &Path, build_dir: &Path) {
    let mut renamed = Vec::new();
    rename_files(diagnostic, &mut |name| {
        let new = if Path::new(name) == Path::new(copy) {
            learner_file.to_path_buf()
        } else if Path::new(name).is_relative() && !name.starts_with('<') {
            build_dir.join(name)
        } else {
            return None;
        };
        let new = new.to_string_lossy().into_owned();
        // Once each: a path below `build_dir` contains the relative one it replaces.
        if !renamed.iter().any(|(old, _)| old == name) {
            renamed.push((name.to_owned(), new.clone()));
        }
        Some(new)
    });
    rename_in_rendered(diagnostic, &renamed);
}

/// Renames the file of every span in `value`: a diagnostic's own spans, its children's, and
/// those of the macro expansions they come from (every object with a `file_name`).
fn rename_files(value: &mut Value, rename: &mut dyn FnMut(&str) -> Option<String>) {
    match value {
        Value::Object(fields) => {
            if let Some(Value::String(name)) = fields.get_mut("file_name")
                && let Some(new) = rename(name)
            {
                *name = new;
            }
            for field in fields.values_mut() {
                rename_files(field, rename);
            }
        }
        Value::Array(items) => {
            for item in items {
                rename_files(item, rename);
            }
        }
        _ => {}
    }
}

/// Renames the files `renamed` lists in the text rustc rendered (`--> file:line:column`), in
/// the diagnostic and its children.
fn rename_in_rendered(value: &mut Value, renamed: &[(String, String)]) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                match field {
                    Value::String(text) if key == "rendered" => {
                        for (old, new) in renamed {
                            *text = text.replace(old.as_str(), new);
                        }
                    }
                    _ => rename_in_rendered(field, renamed),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rename_in_rendered(item, renamed);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::json;

    use super::to_learner_file;

    #[test]
    fn the_copy_becomes_the_learners_file_wherever_a_diagnostic_names_it() {
        let copy = "crates/locks-counter--flycheck/exercises/03_locks/01_counter.rs";
        let mut diagnostic = json!({
            "level": "error",
            "rendered": format!("error[E0382]: borrow of moved value\n  --> {copy}:43:5\n"),
            "spans": [{
                "file_name": copy,
                "line_start": 43,
                "expansion": {
                    "span": { "file_name": copy, "line_start": 40 },
                    "def_site_span": { "file_name": "/rustc/abc/library/alloc/src/macros.rs" },
                },
            }],
            "children": [{
                "rendered": null,
                "spans": [{ "file_name": "crates/other/src/lib.rs", "line_start": 1 }],
                "children": [],
            }],
        });
        to_learner_file(
            &mut diagnostic,
            copy,
            Path::new("/course/exercises/03_locks/01_counter.rs"),
            Path::new("/course/target/threadlings"),
        );
        let learner = "/course/exercises/03_locks/01_counter.rs";
        assert_eq!(diagnostic["spans"][0]["file_name"], learner);
        assert_eq!(diagnostic["spans"][0]["line_start"], 43);
        assert_eq!(
            diagnostic["spans"][0]["expansion"]["span"]["file_name"],
            learner
        );
        // Absolute paths (the standard library's, a registry's) stay.
        assert_eq!(
            diagnostic["spans"][0]["expansion"]["def_site_span"]["file_name"],
            "/rustc/abc/library/alloc/src/macros.rs"
        );
        // Another file of the build workspace is named below it, not below the course.
        assert_eq!(
            diagnostic["children"][0]["spans"][0]["file_name"],
            "/course/target/threadlings/crates/other/src/lib.rs"
        );
        assert_eq!(
            diagnostic["rendered"],
            format!("error[E0382]: borrow of moved value\n  --> {learner}:43:5\n")
        );
        assert!(diagnostic["children"][0]["rendered"].is_null());
    }
}
