//! Colour and the progress bar are for people at a terminal: never in a pipe or a file, never
//! with `NO_COLOR` set. The terminal cases run the grader in a pseudo-terminal with `script`
//! (util-linux, on every Debian system).

use std::process::Command;

use crate::support::{ScratchCourse, shared_build_dir, text};

/// An SGR escape sequence (colour, bold, dim…): `ESC [ digits;… m`.
fn has_sgr(text: &str) -> bool {
    text.match_indices("\x1b[").any(|(at, _)| {
        text[at + 2..]
            .chars()
            .find(|c| !c.is_ascii_digit() && *c != ';')
            == Some('m')
    })
}

/// A course with the counter solved and the other locks exercises left as stubs.
fn one_solved() -> ScratchCourse {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    course
}

fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Runs `grader <args>` with its standard input, output and error on a pseudo-terminal and
/// returns everything the terminal showed; the grader must exit with `status`.
fn in_terminal(
    course: &ScratchCourse,
    args: &[&str],
    no_color: Option<&str>,
    status: i32,
) -> String {
    let grader = assert_cmd::cargo::cargo_bin("grader");
    let mut words = vec![
        grader.to_string_lossy().into_owned(),
        "--course".to_owned(),
        course
            .root()
            .join("course.yaml")
            .to_string_lossy()
            .into_owned(),
    ];
    words.extend(args.iter().map(|a| (*a).to_owned()));
    let line: Vec<String> = words.iter().map(|w| quote(w)).collect();
    let mut command = Command::new("script");
    command
        .args([
            "--quiet",
            "--return",
            "--command",
            &line.join(" "),
            "/dev/null",
        ])
        .env("THREADLINGS_BUILD_DIR", shared_build_dir())
        .env("TERM", "xterm-256color")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("NO_COLOR")
        .current_dir(course.root());
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let output = command.output().expect("script (util-linux) runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(status), "{stdout}\n{stderr}");
    stdout
}

#[test]
fn output_that_is_not_a_terminal_has_no_colour_and_no_progress_bar() {
    let course = one_solved();
    for args in [
        vec!["check", "locks"],
        vec!["check", "locks", "--format", "json"],
        vec!["list"],
    ] {
        // Even a terminal-looking environment does not turn them on for a pipe.
        let output = course
            .grader()
            .args(&args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .output()
            .expect("the grader runs");
        let (stdout, stderr) = text(&output);
        assert!(!stdout.is_empty(), "{args:?}");
        for (name, stream) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                !stream.contains('\x1b') && !stream.contains('\r'),
                "{args:?}: escape codes or a redrawn line on {name}:\n{stream:?}"
            );
        }
        assert!(
            stderr.is_empty(),
            "{args:?}: no progress on stderr: {stderr:?}"
        );
    }
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let course = one_solved();
    let coloured = in_terminal(&course, &["check", "locks"], None, 1);
    assert!(has_sgr(&coloured), "{coloured:?}");
    assert!(
        coloured.contains("\x1b[32m✓\x1b[0m"),
        "a green tick for the counter: {coloured:?}"
    );
    assert!(coloured.contains("1 of 4 exercises passed"), "{coloured:?}");

    // NO_COLOR set to anything but "" turns colour off, even on a terminal (the progress bar
    // may still move the cursor; that is not colour).
    let plain = in_terminal(&course, &["check", "locks"], Some("1"), 1);
    assert!(!has_sgr(&plain), "{plain:?}");
    assert!(plain.contains("✓ locks/counter: passed"), "{plain:?}");
    assert!(plain.contains("1 of 4 exercises passed"), "{plain:?}");

    // An empty NO_COLOR does not count as set.
    let empty = in_terminal(&course, &["check", "locks/counter"], Some(""), 0);
    assert!(has_sgr(&empty), "{empty:?}");
}

#[test]
fn a_file_written_from_a_terminal_has_no_colour() {
    let course = one_solved();
    in_terminal(
        &course,
        &["check", "locks", "--output", "check.txt"],
        None,
        1,
    );
    let written = course.read("check.txt");
    assert!(written.contains("✓ locks/counter: passed"), "{written}");
    assert!(!written.contains('\x1b'), "{written:?}");
}
