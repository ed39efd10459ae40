//! Machine-readable results, in the formats instructors' tools already read. Human text lives
//! in `output.rs`; this is everything else `check --format` can print.

pub mod class_page;
pub mod gradescope;
pub mod junit;
pub mod progress_report;
