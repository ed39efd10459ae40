//! Machine-readable files, in the formats other tools already read: what `check --format`
//! prints, progress reports and the class's page, and rust-analyzer's project file. Human text
//! lives in `output.rs`.

pub mod class_page;
pub mod gradescope;
pub mod junit;
pub mod prairielearn;
pub mod progress_report;
pub mod rust_project;
