//! Checks, made by the compiler, that the learner's types can go to or be shared with threads.
//!
//! A hidden test calls one of these with the exercise's type, usually in a constant that is
//! never run (`const _: fn() = || assert_send_sync::<Counter>();`) or at the start of its first
//! test. The call does nothing at run time: it only compiles when the type is `Send` (or `Sync`,
//! or both). A type that is not, say a counter built on an `Rc` or a `Cell`, makes the hidden
//! tests fail to compile, and the grader shows the compiler's reason ("`Rc<…>` cannot be sent
//! between threads safely"), before any test runs and whatever the threads would have done.
//!
//! The opposite, that a type must *not* be `Send` or `Sync` (a guard, a `SpinLock` of a
//! `Cell`), is a `compile_fail` case, not a call here.

/// Compiles only when `T` is `Send`: its values may be moved to another thread.
pub fn assert_send<T: Send>() {}

/// Compiles only when `T` is `Sync`: a `&T` may be shared with other threads.
pub fn assert_sync<T: Sync>() {}

/// Compiles only when `T` is both `Send` and `Sync`, as a value shared through an `Arc` by
/// several threads must be.
pub fn assert_send_sync<T: Send + Sync>() {}
