//! rust-analyzer support for exercise files: `grader lsp` lists every exercise file as a crate
//! of `rust-project.json` with the libraries it may use, and the course's Cargo workspace never
//! compiles an exercise file, so a broken one cannot break `cargo test --workspace` (the proof
//! that the whole workspace still checks with every exercise file broken is in
//! `tests/proofs/workspace.rs`: it takes minutes); a real
//! rust-analyzer, told by that file to run `grader flycheck` on save, shows the compiler's own
//! errors on the learner's lines.
//!
//! The rust-analyzer used is `$THREADLINGS_RUST_ANALYZER`, else the first of `rust-analyzer` on
//! PATH and Debian's `/usr/bin/rust-analyzer` (package `rust-web-analyzer`, which `.ci/run`
//! installs) that answers `--version`. Without one the test says it skipped, except when `CI`
//! is set: there that is a failure.

mod lsp_client;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, cargo, exercise_paths, redact, repo_root, text};
use lsp_client::{LspClient, file_uri};

/// How long rust-analyzer may take from its start to the compiler's error on the saved file:
/// a hang fails the test rather than hanging it.
const EDITOR_DEADLINE: Duration = Duration::from_secs(120);

#[test]
fn lsp_lists_every_exercise_file_as_a_crate_with_the_libraries_it_may_use() {
    let course = ScratchCourse::new();
    let output = course
        .grader()
        .arg("lsp")
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert_grader_snapshot!("lsp", redact(&stdout, &course));

    let written = course.read("rust-project.json");
    let project: Value = serde_json::from_str(&written).expect("rust-project.json is JSON");
    let crates = project["crates"].as_array().expect("crates");
    for (index, krate) in crates.iter().enumerate() {
        let root = krate["root_module"].as_str().expect("a root module");
        assert!(Path::new(root).is_absolute(), "{root}");
        assert!(Path::new(root).is_file(), "crate {index}: {root} exists");
        assert!(
            krate["edition"].as_str().is_some_and(|e| e.len() == 4),
            "{krate}"
        );
        for dep in krate["deps"].as_array().expect("deps") {
            let to = dep["crate"].as_u64().expect("an index") as usize;
            assert!(
                to < crates.len(),
                "crate {index} depends on a crate that is listed"
            );
        }
    }
    let exercises = exercise_paths(&course.read("course.yaml"));
    assert!(exercises.len() >= 4, "{exercises:?}");
    for path in &exercises {
        let root = course.root().join(path);
        let krate = crates
            .iter()
            .find(|c| c["root_module"].as_str() == Some(&*root.to_string_lossy()))
            .unwrap_or_else(|| panic!("{path} is no crate's root:\n{written}"));
        assert_eq!(krate["is_workspace_member"], true, "{path}");
        assert_eq!(krate["edition"], "2024", "{path}");
        let deps: HashSet<&str> = krate["deps"]
            .as_array()
            .expect("deps")
            .iter()
            .map(|dep| {
                let library = &crates[dep["crate"].as_u64().expect("an index") as usize];
                let name = dep["name"].as_str().expect("a name");
                // The dependency is the library's real source, not a stand-in.
                let root = library["root_module"].as_str().expect("a root");
                let package = name.replace('_', "-");
                assert!(
                    (root.contains(&format!("/{name}-")) || root.contains(&format!("/{package}-")))
                        && root.ends_with("/src/lib.rs"),
                    "{path}: `{name}` is {root}"
                );
                name
            })
            .collect();
        assert_eq!(
            deps,
            HashSet::from(["parking_lot", "crossbeam_channel"]),
            "{path}"
        );
    }
    // What the libraries need is listed too: parking_lot's lock_api, crossbeam's utilities.
    let names: HashSet<&str> = crates
        .iter()
        .filter_map(|c| c["display_name"].as_str())
        .collect();
    for needed in ["lock_api", "parking_lot_core", "crossbeam_utils"] {
        assert!(names.contains(needed), "{needed} is missing: {names:?}");
    }

    // Writing it again gives the same file.
    course.grader().arg("lsp").assert().success();
    assert_eq!(course.read("rust-project.json"), written);
}

#[test]
fn lsp_names_the_check_on_save_of_each_exercise_unless_told_not_to() {
    let course = ScratchCourse::new();
    course.grader().arg("lsp").assert().success();
    let project: Value =
        serde_json::from_str(&course.read("rust-project.json")).expect("rust-project.json is JSON");
    let runnables = project["runnables"].as_array().expect("runnables");
    let [runnable] = runnables.as_slice() else {
        panic!("one runnable expected: {project}");
    };
    assert_eq!(runnable["kind"], "flycheck");
    let program = Path::new(runnable["program"].as_str().expect("a program"));
    assert!(program.is_absolute() && program.is_file(), "{runnable}");
    assert_eq!(runnable["cwd"], course.root().to_string_lossy().as_ref());
    assert_eq!(
        runnable["args"],
        json!([
            "--course",
            course.root().join("course.yaml").to_string_lossy(),
            "flycheck",
            "{label}"
        ])
    );
    let course_yaml = course.read("course.yaml");
    let crates = project["crates"].as_array().expect("crates");
    for path in exercise_paths(&course_yaml) {
        let root = course.root().join(&path);
        let krate = crates
            .iter()
            .find(|c| c["root_module"].as_str() == Some(&*root.to_string_lossy()))
            .expect("a crate per exercise");
        assert_eq!(
            krate["build"],
            json!({
                "label": exercise_id(&course_yaml, &path),
                "build_file": course.root().join("course.yaml").to_string_lossy(),
                "target_kind": "lib",
            })
        );
    }
    // The lessons are Cargo packages: no label, so rust-analyzer runs nothing for them.
    let labelled = crates.iter().filter(|c| c.get("build").is_some()).count();
    assert_eq!(labelled, exercise_paths(&course_yaml).len());

    // For a rust-analyzer older than the runnable: neither.
    course
        .grader()
        .args(["lsp", "--no-check-on-save"])
        .assert()
        .success();
    let project: Value =
        serde_json::from_str(&course.read("rust-project.json")).expect("rust-project.json is JSON");
    assert!(project.get("runnables").is_none(), "{project}");
    assert!(
        project["crates"]
            .as_array()
            .expect("crates")
            .iter()
            .all(|c| c.get("build").is_none())
    );
}

#[test]
fn rust_project_json_is_ignored_by_git() {
    let output = Command::new("git")
        .args(["check-ignore", "--quiet", "rust-project.json"])
        .current_dir(repo_root())
        .output()
        .expect("git runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "rust-project.json must be in .gitignore: {:?}",
        text(&output)
    );
}

#[test]
fn no_workspace_target_is_an_exercise_or_solution_file() {
    let output = cargo()
        .args(["metadata", "--format-version", "1", "--no-deps", "--locked"])
        .current_dir(repo_root())
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{:?}", text(&output));
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let root = repo_root();
    let mut targets = 0;
    for package in metadata["packages"].as_array().expect("packages") {
        for target in package["targets"].as_array().expect("targets") {
            let source = PathBuf::from(target["src_path"].as_str().expect("a source"));
            for folder in ["exercises", "solutions"] {
                assert!(
                    !source.starts_with(root.join(folder)),
                    "{} compiles {}: a broken learner file would break cargo test",
                    package["name"],
                    source.display()
                );
            }
            targets += 1;
        }
    }
    assert!(targets > 5, "the workspace has targets: {targets}");
}

/// The build folder of the tests that run `grader flycheck`, kept between runs: the grader's
/// lock on the shared one may be held for minutes by a `verify` test, which rust-analyzer's
/// deadline would count.
fn editor_build_dir() -> PathBuf {
    repo_root().join("target").join("threadlings-tests-editor")
}

/// The stub of the course's first exercise with a use of a moved value at its end: a
/// borrow-checker error (E0382) that only rustc reports, never rust-analyzer's own diagnostics.
/// Returns the exercise's path, the stub, the broken file and the 0-based line of the error.
fn moved_value(course: &ScratchCourse) -> (String, String, String, usize) {
    let path = exercise_paths(&course.read("course.yaml"))
        .into_iter()
        .next()
        .expect("an exercise");
    let stub = course.read(&path);
    let broken = format!(
        "{stub}\npub fn moved_twice() -> usize {{\n    let words = vec![String::from(\"a\")];\n    \
         drop(words);\n    words.len()\n}}\n"
    );
    let error_line = stub.lines().count() + 4;
    assert_eq!(
        broken.lines().nth(error_line).map(str::trim),
        Some("words.len()")
    );
    (path, stub, broken, error_line)
}

/// The id of the exercise at `path`, from course.yaml.
fn exercise_id(course_yaml: &str, path: &str) -> String {
    let yaml: serde_yaml::Value = serde_yaml::from_str(course_yaml).expect("course.yaml is YAML");
    for section in yaml["sections"].as_sequence().expect("sections") {
        for exercise in section["exercises"].as_sequence().into_iter().flatten() {
            if exercise["path"].as_str() == Some(path) {
                return format!(
                    "{}/{}",
                    section["id"].as_str().expect("a section id"),
                    exercise["id"].as_str().expect("an exercise id")
                );
            }
        }
    }
    panic!("no exercise has the path {path}");
}

#[test]
fn flycheck_prints_the_compilers_json_naming_the_learners_file() {
    let course = ScratchCourse::new();
    let (path, stub, broken, error_line) = moved_value(&course);
    let id = exercise_id(&course.read("course.yaml"), &path);
    let learner_file = course.root().join(&path);
    let flycheck = || {
        course
            .grader()
            .args(["flycheck", &id])
            .env("THREADLINGS_BUILD_DIR", editor_build_dir())
            .output()
            .expect("the grader runs")
    };
    let messages = |stdout: &str| -> Vec<Value> {
        stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"))
            })
            .collect()
    };

    course.write(&path, &broken);
    let output = flycheck();
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    let errors: Vec<Value> = messages(&stdout)
        .into_iter()
        .filter(|m| m["reason"] == "compiler-message" && m["message"]["level"] == "error")
        .map(|m| m["message"].clone())
        .collect();
    let [error] = errors.as_slice() else {
        panic!("one error expected:\n{stdout}");
    };
    assert_eq!(error["code"]["code"], "E0382", "{error}");
    let primary = error["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .find(|span| span["is_primary"] == true)
        .expect("a primary span");
    assert_eq!(
        primary["file_name"],
        learner_file.to_string_lossy().as_ref(),
        "{error}"
    );
    assert_eq!(primary["line_start"], error_line + 1, "{error}");
    let rendered = error["rendered"].as_str().expect("rendered text");
    assert!(
        rendered.contains(&format!("{}:{}:", learner_file.display(), error_line + 1)),
        "{rendered}"
    );
    assert!(!rendered.contains("crates/"), "{rendered}");

    // The stub compiles: status 0, and the checked crate's artifact is not fresh, which is what
    // tells rust-analyzer to clear the errors it showed.
    course.write(&path, &stub);
    let output = flycheck();
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    let messages = messages(&stdout);
    assert!(
        messages
            .iter()
            .all(|m| m["reason"] != "compiler-message" || m["message"]["level"] != "error"),
        "{stdout}"
    );
    assert!(
        messages.iter().any(|m| m["reason"] == "compiler-artifact"
            && m["fresh"] == false
            && m["package_id"]
                .as_str()
                .is_some_and(|id| id.contains("--flycheck"))),
        "{stdout}"
    );
}

#[test]
fn flycheck_of_an_unknown_exercise_says_so_with_status_2() {
    let course = ScratchCourse::new();
    let output = course
        .grader()
        .args(["flycheck", "no_such/exercise"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("no exercise `no_such/exercise`") && stderr.contains("lsp"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Every distinct rust-analyzer that runs (see the module's docs), with its version; none
/// after saying that the test skipped, and with `CI` set, none is a failure.
fn rust_analyzers(folder: &Path) -> Vec<(PathBuf, String)> {
    let version = |program: &Path| {
        Command::new(program)
            .arg("--version")
            .current_dir(folder)
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    if let Some(chosen) = std::env::var_os("THREADLINGS_RUST_ANALYZER") {
        let chosen = PathBuf::from(chosen);
        let Some(answer) = version(&chosen) else {
            panic!(
                "THREADLINGS_RUST_ANALYZER={} does not answer --version",
                chosen.display()
            );
        };
        return vec![(chosen, answer)];
    }
    // rustup's `rust-analyzer` proxy is on PATH even where the toolchain lacks the component,
    // and then fails: only one that answers counts. Both are tried when both answer: the
    // course's toolchain's (what `rustup component add` gives a learner) and Debian's differ
    // in how they clear the errors of a file that was fixed.
    let mut found: Vec<(PathBuf, String)> = Vec::new();
    for candidate in ["rust-analyzer", "/usr/bin/rust-analyzer"] {
        if let Some(answer) = version(Path::new(candidate))
            && !found.iter().any(|(_, seen)| *seen == answer)
        {
            found.push((PathBuf::from(candidate), answer));
        }
    }
    if found.is_empty() {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !in_ci,
            "no rust-analyzer, and CI is set: .ci/run installs Debian's (apt-get install \
             rust-web-analyzer); `rustup component add rust-analyzer` or \
             THREADLINGS_RUST_ANALYZER=PATH do too"
        );
        eprintln!(
            "skipped: no rust-analyzer answers --version (neither on PATH nor \
             /usr/bin/rust-analyzer; set THREADLINGS_RUST_ANALYZER); CI would fail here"
        );
    }
    found
}

#[test]
fn rust_analyzer_shows_the_compilers_error_on_the_learners_line_when_the_file_is_saved() {
    let course = ScratchCourse::new();
    let analyzers = rust_analyzers(course.root());
    if analyzers.is_empty() {
        return;
    }
    let build_dir = editor_build_dir();
    let lsp = course
        .grader()
        .arg("lsp")
        .env("THREADLINGS_BUILD_DIR", &build_dir)
        .output()
        .expect("the grader runs");
    assert_eq!(lsp.status.code(), Some(0), "{:?}", text(&lsp));
    for (analyzer, version) in &analyzers {
        let took = errors_on_save(&course, analyzer, &build_dir);
        eprintln!(
            "{} ({version}) showed rustc's error {took:.1?} after it started, and cleared it \
             when the file was fixed",
            analyzer.display()
        );
    }
}

/// One editor's session with `analyzer` on `course`: the first exercise's stub with a moved
/// value ([`moved_value`]) is opened and saved, and must get rustc's error on its line; then the
/// stub, saved again, must lose it. Returns how long the error took to come.
fn errors_on_save(course: &ScratchCourse, analyzer: &Path, build_dir: &Path) -> Duration {
    let (path, stub, broken, error_line) = moved_value(course);
    let path = path.as_str();
    course.write(path, &broken);
    let file = course.root().join(path);
    let uri = file_uri(&file);

    let started = Instant::now();
    let mut command = Command::new(analyzer);
    command
        .current_dir(course.root())
        // What the grader it starts must see: this test's build folder, and no target folder
        // of the test run's own.
        .env("THREADLINGS_BUILD_DIR", build_dir)
        .env_remove("CARGO_TARGET_DIR");
    // Its log, outside the folder it watches.
    let log = tempfile::tempdir().expect("a temporary folder");
    let mut server = LspClient::start(
        command,
        &log.path().join("rust-analyzer.log"),
        started + EDITOR_DEADLINE,
    );
    let root_uri = file_uri(course.root());
    let initialize = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root_uri,
            "workspaceFolders": [{ "uri": root_uri, "name": "course" }],
            "capabilities": {
                "textDocument": {
                    "synchronization": { "didSave": true },
                    "publishDiagnostics": {},
                },
                "window": { "workDoneProgress": true },
                // So that it says when it has loaded the project (`experimental/serverStatus`).
                "experimental": { "serverStatusNotification": true },
            },
            // Indexing every crate up front only costs time here.
            "initializationOptions": { "cachePriming": { "enable": false } },
        }),
    );
    let answer = server.wait_for(|message| message["id"] == initialize);
    assert!(
        answer.is_some(),
        "rust-analyzer did not answer `initialize`:\n{}",
        server.log_tail()
    );
    server.notify("initialized", json!({}));
    let loaded = server.wait_for(|message| {
        message["method"] == "experimental/serverStatus" && message["params"]["quiescent"] == true
    });
    let Some(loaded) = loaded else {
        panic!(
            "rust-analyzer did not finish loading rust-project.json in {EDITOR_DEADLINE:?}:\n{}",
            server.log_tail()
        );
    };
    assert_ne!(
        loaded["params"]["health"],
        "error",
        "rust-analyzer could not load the project: {loaded}\n{}",
        server.log_tail()
    );

    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "rust", "version": 1, "text": broken } }),
    );
    server.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let mut seen: Vec<Value> = Vec::new();
    let from_rustc = server.wait_for(|message| {
        if message["method"] != "textDocument/publishDiagnostics" {
            return false;
        }
        seen.push(message["params"].clone());
        message["params"]["uri"] == uri.as_str()
            && message["params"]["diagnostics"]
                .as_array()
                .is_some_and(|diagnostics| {
                    diagnostics.iter().any(|d| {
                        d["source"] == "rustc"
                            && d["code"] == "E0382"
                            && d["range"]["start"]["line"] == error_line
                    })
                })
    });
    let elapsed = started.elapsed();
    let published = |seen: &[Value]| {
        seen.iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        from_rustc.is_some(),
        "no rustc error E0382 at line {} of {path} within {EDITOR_DEADLINE:?} of starting \
         rust-analyzer; it published:\n{}\nits log ends:\n{}",
        error_line + 1,
        published(&seen),
        server.log_tail()
    );

    // Fixed and saved again, the file loses the compiler's errors.
    course.write(path, &stub);
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "text": stub }],
        }),
    );
    server.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    seen.clear();
    let cleared = server.wait_for(|message| {
        if message["method"] != "textDocument/publishDiagnostics" {
            return false;
        }
        seen.push(message["params"].clone());
        message["params"]["uri"] == uri.as_str()
            && message["params"]["diagnostics"]
                .as_array()
                .is_some_and(|diagnostics| diagnostics.iter().all(|d| d["source"] != "rustc"))
    });
    let log_tail = server.log_tail();
    server.shut_down();
    assert!(
        cleared.is_some(),
        "rustc's error stayed on {path} after it was fixed and saved; rust-analyzer \
         published:\n{}\nits log ends:\n{log_tail}",
        published(&seen)
    );
    elapsed
}
