//! The course's Cargo workspace never compiles an exercise file: a copy of the whole workspace,
//! with every exercise file broken and rust-project.json written, still checks, every target
//! `cargo test --workspace` builds. A check of the whole workspace takes minutes on a fresh
//! clone, so it is a proof for `.ci/run` rather than a test of the README's command.

use crate::support::{
    cargo, copy_tree, exercise_paths, grader_in, repo_root, shared_build_dir, text,
};

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
