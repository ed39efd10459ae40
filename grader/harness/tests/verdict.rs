//! Runs `examples/verdict.rs` as the grader runs a hidden test binary, one test per process, and
//! checks the lines it prints: the verdict protocol end to end, on whatever system runs it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use harness::{FAIL_PREFIX, NOTE_PREFIX, PASS_PREFIX};

/// The example binary, which `cargo test` builds beside this test's own folder.
fn example() -> PathBuf {
    let me = std::env::current_exe().expect("the test knows its own path");
    let profile = me
        .parent()
        .and_then(|deps| deps.parent())
        .expect("tests run from target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(format!("verdict{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run `cargo test`, which builds the examples",
        path.display()
    );
    path
}

fn run(args: &[&str], secret: &str) -> Output {
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut stdin = child.stdin.take().expect("a piped stdin");
    // `--list` reads nothing and may have ended already.
    let _ = writeln!(stdin, "{secret}");
    drop(stdin);
    child.wait_with_output().expect("the example ends")
}

fn stdout_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_list_names_every_test() {
    let output = run(&["--list"], "");
    assert!(output.status.success());
    assert_eq!(
        stdout_lines(&output),
        [
            "returns",
            "fails_with_a_message",
            "a_blocked_thread_looks_asleep_to_every_check"
        ]
    );
}

#[test]
fn a_test_that_returns_prints_the_pass_line_with_the_secret() {
    let output = run(&["--run", "returns"], "s3cret");
    assert!(output.status.success(), "{output:?}");
    assert!(stdout_lines(&output).contains(&format!("{PASS_PREFIX}s3cret")));
}

#[test]
fn a_test_that_panics_prints_the_fail_line_with_its_message() {
    let output = run(&["--run", "fails_with_a_message"], "s3cret");
    assert_eq!(output.status.code(), Some(101));
    let lines = stdout_lines(&output);
    assert!(!lines.iter().any(|line| line.starts_with(PASS_PREFIX)));
    assert!(
        lines.contains(&format!("{FAIL_PREFIX}the answer was 41; it should be 42")),
        "{lines:?}"
    );
}

#[test]
fn a_blocked_thread_passes_every_check_and_notes_say_what_was_weaker() {
    let output = run(
        &["--run", "a_blocked_thread_looks_asleep_to_every_check"],
        "s3cret",
    );
    assert!(
        stdout_lines(&output).contains(&format!("{PASS_PREFIX}s3cret")),
        "{output:?}"
    );
    let lines = stdout_lines(&output);
    let notes: Vec<&str> = lines
        .iter()
        .filter_map(|line| line.strip_prefix(NOTE_PREFIX))
        .collect();
    // One note per weaker check, none where every probe is there.
    let weaker = harness::platform::weaker_checks();
    for check in ["cpu::OtherThreads", "awake::watch"] {
        let expected = usize::from(weaker.iter().any(|weaker| weaker.check == check));
        let found = notes.iter().filter(|note| note.contains(check)).count();
        assert_eq!(found, expected, "notes for {check}: {notes:?}");
    }
}
