//! rust-analyzer support for exercise files: `grader lsp` lists every exercise file as a crate
//! of `rust-project.json` with the libraries it may use and the check to run on save, `grader
//! flycheck` prints the compiler's JSON naming the learner's own file, and the course's Cargo
//! workspace never compiles an exercise file, so a broken one cannot break `cargo test
//! --workspace`. Slower proofs of the same, in `tests/proofs/`: a real rust-analyzer showing
//! the compiler's error on the learner's line (`editor.rs`), and the whole workspace checked
//! with every exercise file broken (`workspace.rs`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::assert_grader_snapshot;
use crate::support::{
    ScratchCourse, cargo, editor_build_dir, exercise_id, exercise_paths, moved_value, redact,
    repo_root, text,
};

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
