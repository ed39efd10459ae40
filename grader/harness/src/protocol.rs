//! The lines a test process prints for the grader, and how a message is kept on one line.

/// Starts the line printed after a test function returned; the secret read from standard input
/// follows it.
pub const PASS_PREFIX: &str = "@@threadlings:pass:";

/// Starts the line printed when a test failed; the escaped failure message follows it.
pub const FAIL_PREFIX: &str = "@@threadlings:fail:";

/// Starts a line a test process prints on standard output to tell the learner something that
/// is not a verdict, whatever the verdict: that a check ran weaker on this system than on Linux,
/// and why ([`crate::platform::note_if_weaker`]), or that a model test could not conclude. The
/// escaped note follows it. The grader shows each note once per exercise; it never judges by
/// them, and a learner's code printing one changes nothing.
pub const NOTE_PREFIX: &str = "@@threadlings:note:";

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
