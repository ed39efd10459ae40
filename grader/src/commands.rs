//! One module per grader command.

pub mod check;
pub mod class;
pub mod flycheck;
pub mod hint;
pub mod import;
pub mod list;
pub mod lsp;
pub mod next;
pub mod report;
pub mod reset;
pub mod solution;
pub mod verify;
pub mod watch;
