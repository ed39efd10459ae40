//! Reads a test process's output without letting a flood of it fill the grader's memory, and
//! picks out the harness's verdict lines on the way.

use std::io::Read;

use harness::{FAIL_PREFIX, NOTE_PREFIX, PASS_PREFIX, unescape};

use crate::output;

/// How much of a stream is kept for showing to the learner.
pub const KEPT_BYTES: usize = 16 * 1024;
/// The most notes kept from one test: a few are useful, a loop printing them is not.
const MOST_NOTES: usize = 8;
/// The longest line examined for a verdict; longer lines are learner output by definition.
const LONGEST_VERDICT_LINE: usize = 64 * 1024;

/// What a test process printed on one stream, capped, with its verdict lines taken out.
#[derive(Debug, Default)]
pub struct Captured {
    /// The first [`KEPT_BYTES`] of output, as text.
    pub text: String,
    /// How many more bytes were printed and not kept.
    pub dropped: u64,
    /// The secret of every pass line seen.
    pub pass_secrets: Vec<String>,
    /// The message of the last fail line seen.
    pub failure: Option<String>,
    /// Every note line's note, in order.
    pub notes: Vec<String>,
}

impl Captured {
    /// The kept text with a note about what was cut, or an empty string.
    pub fn shown(&self) -> String {
        let text = self.text.trim_end();
        if self.dropped == 0 {
            text.to_owned()
        } else {
            output::cut_output(text, self.dropped, KEPT_BYTES)
        }
    }
}

/// Reads `stream` to its end, keeping what [`Captured`] describes.
pub fn capture(mut stream: impl Read) -> Captured {
    let mut captured = Captured::default();
    let mut kept = Vec::new();
    let mut line = Vec::new();
    let mut line_too_long = false;
    let mut buffer = [0u8; 8192];
    loop {
        let read = match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        for &byte in &buffer[..read] {
            if byte == b'\n' {
                if !line_too_long {
                    take_line(&line, &mut captured, &mut kept);
                } else {
                    keep(b"\n", &mut captured, &mut kept);
                }
                line.clear();
                line_too_long = false;
            } else if line_too_long {
                keep(&[byte], &mut captured, &mut kept);
            } else {
                line.push(byte);
                if line.len() > LONGEST_VERDICT_LINE {
                    line_too_long = true;
                    let pending = std::mem::take(&mut line);
                    keep(&pending, &mut captured, &mut kept);
                }
            }
        }
    }
    if !line.is_empty() && !line_too_long {
        take_line(&line, &mut captured, &mut kept);
    }
    captured.text = String::from_utf8_lossy(&kept).into_owned();
    captured
}

fn take_line(line: &[u8], captured: &mut Captured, kept: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(line);
    if let Some(secret) = text.strip_prefix(PASS_PREFIX) {
        captured.pass_secrets.push(secret.trim().to_owned());
    } else if let Some(message) = text.strip_prefix(FAIL_PREFIX) {
        captured.failure = Some(unescape(message));
    } else if let Some(note) = text.strip_prefix(NOTE_PREFIX) {
        if captured.notes.len() < MOST_NOTES {
            captured.notes.push(unescape(note));
        }
    } else {
        keep(line, captured, kept);
        keep(b"\n", captured, kept);
    }
}

fn keep(bytes: &[u8], captured: &mut Captured, kept: &mut Vec<u8>) {
    let room = KEPT_BYTES.saturating_sub(kept.len());
    let taken = room.min(bytes.len());
    kept.extend_from_slice(&bytes[..taken]);
    captured.dropped += (bytes.len() - taken) as u64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_lines_are_taken_out_of_the_output() {
        let captured = capture(&b"hello\n@@threadlings:pass:abc\nbye"[..]);
        assert_eq!(captured.text, "hello\nbye\n");
        assert_eq!(captured.pass_secrets, ["abc"]);
    }

    #[test]
    fn notes_are_taken_out_of_the_output_and_kept() {
        let captured = capture(&b"a\n@@threadlings:note:first\\nline\nb\n"[..]);
        assert_eq!(captured.text, "a\nb\n");
        assert_eq!(captured.notes, ["first\nline"]);
    }

    #[test]
    fn a_flood_is_cut_but_a_later_verdict_is_still_seen() {
        let mut flood = vec![b'x'; 10 * 1024 * 1024];
        flood.extend_from_slice(b"\n@@threadlings:fail:two\\nlines\n");
        let captured = capture(&flood[..]);
        assert_eq!(captured.text.len(), KEPT_BYTES);
        assert!(captured.dropped > 0);
        assert_eq!(captured.failure.as_deref(), Some("two\nlines"));
        assert!(captured.shown().contains("more bytes of output were cut"));
    }
}
