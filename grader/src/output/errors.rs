//! What stops the grader, as people read it: an error, or an interruption by Ctrl-C.

/// The text for an error that stopped the grader.
pub fn error(message: &str) -> String {
    format!("error: {message}\n")
}

/// Said on standard error when Ctrl-C stopped a check.
pub fn interrupted() -> String {
    "\ninterrupted: stopped the running tests; nothing was recorded for this check\n".to_owned()
}
