//! Finds the line of course.yaml that a problem is about.
//!
//! serde_yaml keeps no positions for values that parsed fine, so a duplicate id or a missing file
//! is located by looking for the `key: value` line it came from.

/// The 1-based line of the `nth` (0-based) occurrence of `key: value`, quoted or not, as a plain
/// mapping entry or the first entry of a list item.
pub fn line_of(source: &str, key: &str, value: &str, nth: usize) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| entry_matches(line, key, value))
        .nth(nth)
        .map(|(index, _)| index + 1)
}

/// The 1-based line where `key:` first appears.
pub fn line_of_key(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| strip_item(line).starts_with(&format!("{key}:")))
        .map(|index| index + 1)
}

/// The 1-based line of the first `key:` at or after line `from` (an exercise's `id:` line, so
/// that the key found is that exercise's), or `from` itself when there is none.
pub fn line_of_key_after(source: &str, key: &str, from: Option<usize>) -> Option<usize> {
    let start = from?;
    source
        .lines()
        .enumerate()
        .skip(start.saturating_sub(1))
        .find(|(_, line)| strip_item(line).starts_with(&format!("{key}:")))
        .map(|(index, _)| index + 1)
        .or(from)
}

fn strip_item(line: &str) -> &str {
    let line = line.trim_start();
    line.strip_prefix("- ").map(str::trim_start).unwrap_or(line)
}

fn entry_matches(line: &str, key: &str, value: &str) -> bool {
    let Some(rest) = strip_item(line).strip_prefix(key) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let rest = match rest.find(" #") {
        Some(comment) => &rest[..comment],
        None => rest,
    };
    let written = rest.trim();
    let unquoted = written
        .strip_prefix('"')
        .and_then(|w| w.strip_suffix('"'))
        .or_else(|| {
            written
                .strip_prefix('\'')
                .and_then(|w| w.strip_suffix('\''))
        })
        .unwrap_or(written);
    unquoted == value
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "sections:\n  - id: locks\n    exercises:\n      - id: counter # first\n        path: \"exercises/a.rs\"\n      - id: counter\n";

    #[test]
    fn finds_plain_quoted_and_commented_entries() {
        assert_eq!(line_of(SOURCE, "id", "locks", 0), Some(2));
        assert_eq!(line_of(SOURCE, "id", "counter", 0), Some(4));
        assert_eq!(line_of(SOURCE, "id", "counter", 1), Some(6));
        assert_eq!(line_of(SOURCE, "path", "exercises/a.rs", 0), Some(5));
        assert_eq!(line_of(SOURCE, "id", "missing", 0), None);
        assert_eq!(line_of_key(SOURCE, "exercises"), Some(3));
    }
}
