//! rust-analyzer support for exercise files: `grader lsp` lists every exercise file as a crate
//! of `rust-project.json` with the libraries it may use, and the course's Cargo workspace never
//! compiles an exercise file, so a broken one cannot break `cargo test --workspace`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::assert_grader_snapshot;
use crate::support::{
    ScratchCourse, copy_tree, grader_in, redact, repo_root, shared_build_dir, text,
};

/// The exercise paths course.yaml lists, in order.
fn exercise_paths(course_yaml: &str) -> Vec<String> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(course_yaml).expect("course.yaml is YAML");
    yaml["sections"]
        .as_sequence()
        .expect("sections")
        .iter()
        .flat_map(|s| s["exercises"].as_sequence().cloned().unwrap_or_default())
        .map(|e| e["path"].as_str().expect("a path").to_owned())
        .collect()
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

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
fn broken_exercise_files_and_rust_project_json_leave_the_workspace_building() {
    // A copy of the whole workspace, with every exercise file broken and rust-project.json
    // written, must still check: every target `cargo test --workspace` builds.
    let copy = tempfile::tempdir().expect("a temporary folder");
    let root = repo_root();
    for file in [
        "Cargo.toml",
        "Cargo.lock",
        "rust-toolchain.toml",
        "course.yaml",
    ] {
        std::fs::copy(root.join(file), copy.path().join(file)).expect("copy a file");
    }
    for folder in ["crates", "grader", "exercises", "solutions", ".cargo"] {
        if root.join(folder).is_dir() {
            copy_tree(&root.join(folder), &copy.path().join(folder));
        }
    }
    let course_yaml = std::fs::read_to_string(root.join("course.yaml")).expect("course.yaml");
    for path in exercise_paths(&course_yaml) {
        std::fs::write(copy.path().join(path), "this is not Rust {\n").expect("break a file");
    }
    grader_in(&copy.path().join("course.yaml"))
        .arg("lsp")
        .current_dir(copy.path())
        .assert()
        .success();
    assert!(copy.path().join("rust-project.json").is_file());

    let output = cargo()
        .args([
            "check",
            "--workspace",
            "--all-targets",
            "--locked",
            "--quiet",
        ])
        .current_dir(copy.path())
        // Its own build folder, kept between runs so that only the workspace is checked again.
        .env(
            "CARGO_TARGET_DIR",
            shared_build_dir().join("workspace-check"),
        )
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("cargo runs");
    let (_, stderr) = text(&output);
    assert!(
        output.status.success(),
        "the workspace no longer builds with broken exercise files:\n{stderr}"
    );
}
