//! # Atomics and memory ordering
