//! The lines a test process prints for the grader, and how a message is kept on one line.

/// Starts the line printed after a test function returned; the secret read from standard input
/// follows it.
pub const PASS_PREFIX: &str = "@@threadlings:pass:";

/// Starts the line printed when a test failed; the escaped failure message follows it.
pub const FAIL_PREFIX: &str = "@@threadlings:fail:";

/// Starts a line a test process prints on standard error to tell the grader something that is
/// not a verdict: that a check ran weaker on this system than on Linux, and why
/// ([`crate::platform::note_if_weaker`]). One line per check and process, such as
/// `threadlings-note: cpu::watch_idle runs without thread states (…): it relies on …`. The
/// grader may show these lines beside the verdict; it must never judge by them, and a learner's
/// code printing one changes nothing.
pub const NOTE_PREFIX: &str = "threadlings-note: ";

/// Escapes a message so that it fits on one line: `\` becomes `\\` and a line break `\n`.
pub fn escape(message: &str) -> String {
    let mut escaped = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Reverses [`escape`].
pub fn unescape(line: &str) -> String {
    let mut message = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            message.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => message.push('\n'),
            Some(other) => message.push(other),
            None => message.push('\\'),
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_and_stays_on_one_line() {
        for message in ["plain", "two\nlines", "back\\slash\\n", "", "trailing\\"] {
            let escaped = escape(message);
            assert!(!escaped.contains('\n'), "{escaped:?} spans lines");
            assert_eq!(unescape(&escaped), message);
        }
    }
}
