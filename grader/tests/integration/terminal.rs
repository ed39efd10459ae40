//! Colour and the progress bar are for people at a terminal: never in a pipe or a file, never
//! with `NO_COLOR` set. The terminal cases run the grader in a pseudo-terminal with `script`
//! (util-linux, on every Debian system).

use crate::support::{ScratchCourse, new_to_the_build, run_in_terminal, text};

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

/// Runs `grader <args>` in a terminal with `NO_COLOR` as given; the grader must exit with
/// `status`. Returns what the terminal showed.
fn in_terminal(
    course: &ScratchCourse,
    args: &[&str],
    no_color: Option<&str>,
    status: i32,
) -> String {
    let (code, shown) = run_in_terminal(course, args, no_color, "");
    assert_eq!(code, status, "{shown}");
    shown
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

#[test]
fn a_terminal_sees_the_first_failure_before_the_verdict() {
    let course = ScratchCourse::new();
    let counter = "exercises/03_locks/01_counter.rs";
    // The stub, new to the shared build folder, so that it is graded and not taken from the
    // cache.
    course.write(counter, &new_to_the_build(&course.read(counter)));
    let shown = in_terminal(&course, &["check", "locks/counter"], Some("1"), 1);
    // The news line (`locks/counter: ✗ test … failed; the other checks go on…`), cut to the
    // terminal's width, is drawn before the verdict is printed.
    let news = shown
        .find("locks/counter: ✗ ")
        .unwrap_or_else(|| panic!("{shown:?}"));
    let verdict = shown
        .find("✗ locks/counter: failed")
        .unwrap_or_else(|| panic!("{shown:?}"));
    assert!(news < verdict, "{shown:?}");
}
