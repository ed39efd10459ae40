//! The grader's heavy proofs: the tests that take ten seconds or more each on two idle cores,
//! too slow for the README's test command, which `.ci/run` runs on every change (`cargo test -p
//! grader --test proofs`): both autograders graded in a simulated container (half a CPU, 768
//! MB, the learner's code as another user), the hostile submissions, the time budget used up
//! by hanging exercises, `verify` on an exercise's every submission, the class page rendered in
//! Chromium, a real rust-analyzer showing the compiler's errors, and the whole workspace checked
//! with every exercise file broken. They wait out deadlines, compile a section's worth of
//! crates, or start a browser or a language server.
//!
//! `cargo test --workspace` leaves this binary out (`test = false` in grader/Cargo.toml); name it
//! to run it.

// The helpers the integration tests share; this binary uses only some of them.
#[allow(dead_code)]
#[path = "../integration/support.rs"]
mod support;

// The generated classes of the class page's tests.
#[allow(dead_code)]
#[path = "../integration/class_reports.rs"]
mod class_reports;

mod autograder_sim;
mod budget;
mod class_page_render;
mod editor;
mod hostile;
mod verify;
mod workspace;
