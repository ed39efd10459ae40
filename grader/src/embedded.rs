//! The grader's own copy of the hidden tests, of the harness they run on, of the model
//! checker's stand-ins for std (`grader/model`) and of `grader/stubs.sha256`, compiled in by
//! `build.rs`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The hidden files of one exercise, by path relative to its folder (`tests.rs`,
/// `compile_fail/guard_outlives_lock.rs`, …), in a stable order.
pub fn hidden_files(exercise_dir: &str) -> Vec<(&'static str, &'static str)> {
    let prefix = format!("{exercise_dir}/");
    HIDDEN
        .iter()
        .filter_map(|(path, text)| path.strip_prefix(prefix.as_str()).map(|rest| (rest, *text)))
        .collect()
}

/// Every folder of hidden files that holds a `tests.rs`, such as `03_locks/01_counter`.
pub fn hidden_exercise_dirs() -> Vec<&'static str> {
    HIDDEN
        .iter()
        .filter_map(|(path, _)| path.strip_suffix("/tests.rs"))
        .collect()
}
