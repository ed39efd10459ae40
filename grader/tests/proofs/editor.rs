//! A real rust-analyzer, told by `rust-project.json` to run `grader flycheck` on save, shows the
//! compiler's own error on the learner's line of a saved exercise file, and clears it once the
//! file is fixed. Starting a language server and letting it load the project takes tens of
//! seconds, so this is a proof for `.ci/run`.
//!
//! The rust-analyzer used is `$THREADLINGS_RUST_ANALYZER`, else every distinct one of
//! `rust-analyzer` on PATH and Debian's `/usr/bin/rust-analyzer` (package `rust-web-analyzer`,
//! which `.ci/run` installs) that answers `--version`. Without one the test says it skipped,
//! except when `CI` is set: there that is a failure.

mod lsp_client;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{ScratchCourse, editor_build_dir, moved_value, text};
use lsp_client::{LspClient, file_uri};

/// How long rust-analyzer may take from its start to the compiler's error on the saved file:
/// a hang fails the test rather than hanging it.
const EDITOR_DEADLINE: Duration = Duration::from_secs(120);

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
