//! The grader's heavy proofs: tests too slow for the README's test command, which `.ci/run`
//! runs on every change (`cargo test -p grader --test proofs`): both autograders graded in a
//! simulated container (half a CPU, 768 MB, the learner's code as another user), the hostile
//! submissions, the time budget used up by hanging exercises, and the whole workspace checked
//! with every exercise file broken. Each takes a minute or more, mostly waiting out deadlines
//! or compiling.
//!
//! `cargo test --workspace` leaves this binary out (`test = false` in grader/Cargo.toml); name it
//! to run it.

// The helpers the integration tests share; this binary uses only some of them.
#[allow(dead_code)]
#[path = "../integration/support.rs"]
mod support;

mod autograder_sim;
mod budget;
mod hostile;
mod workspace;
