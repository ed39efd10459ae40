//! The grader's heavy proofs: tests too slow for the README's test command, which `.ci/run`
//! runs on every change (`cargo test -p grader --test proofs`). Today: both autograders graded
//! in a simulated container (half a CPU, 768 MB, the learner's code as another user), which
//! takes minutes, most of them the hanging submission using up its budget.
//!
//! `cargo test --workspace` leaves this binary out (`test = false` in grader/Cargo.toml); name it
//! to run it.

// The helpers the integration tests share; this binary uses only some of them.
#[allow(dead_code)]
#[path = "../integration/support.rs"]
mod support;

mod autograder_sim;
