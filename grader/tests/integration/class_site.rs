//! `grader class` as an instructor publishes with it: which file lands in which folder with
//! which mode, pseudonyms that stay put from build to build, the salt that is never silently
//! replaced, failure kinds and estimates on the page and in the CSV, and the size of the page
//! for a large class.

use std::path::Path;

use serde_json::Value;

use crate::assert_grader_snapshot;
use crate::class_reports::{
    AWKWARD_NAME, KINDS, base_report, build, digest, generate, name_of, pseudonyms, write,
};
use crate::support::{ScratchCourse, text};

/// The pseudonyms the page shows, in its order: each row's first cell.
fn shown_pseudonyms(page: &str) -> Vec<String> {
    page.split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| row.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

/// Runs `grader class` expecting a refusal, and returns its standard error.
fn refused(course: &ScratchCourse, args: &[String], more: &[&str]) -> String {
    let output = course
        .grader()
        .args(args)
        .args(more)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{more:?} must be refused with exit status 2:\n{stdout}\n{stderr}"
    );
    stderr
}

#[cfg(unix)]
#[test]
fn published_files_are_readable_by_anybody_and_private_ones_by_their_owner_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt as _;

    let course = ScratchCourse::new();
    let reports = write(&course, &generate(&base_report(&course), 3));
    let mode = |relative: &str| {
        std::fs::metadata(course.root().join(relative))
            .unwrap_or_else(|e| panic!("{relative}: {e}"))
            .permissions()
            .mode()
            & 0o777
    };
    // The umask a careful instructor has (077), then the loosest (000): the modes are the same.
    for umask in ["077", "000"] {
        let mut line = format!("umask {umask} && exec \"$0\" \"$@\"");
        line.push_str(" --out site");
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(&line)
            .arg(assert_cmd::cargo::cargo_bin("grader"))
            .arg("--course")
            .arg(course.root().join("course.yaml"))
            .args(&reports)
            .current_dir(course.root())
            .output()
            .expect("sh runs the grader");
        assert!(
            output.status.success(),
            "umask {umask}: {}",
            text(&output).1
        );
        for (file, expected) in [
            ("site", 0o755),
            ("site/index.html", 0o644),
            ("site/exercises.csv", 0o644),
            ("site-private", 0o700),
            ("site-private/instructor.html", 0o600),
            ("site-private/progress.csv", 0o600),
            ("site-private/salt", 0o600),
            ("site-private/README.txt", 0o600),
            ("site-private/.gitignore", 0o600),
        ] {
            assert_eq!(
                mode(file),
                expected,
                "umask {umask}: {file} is {:o}",
                mode(file)
            );
        }
    }
    let mut published: Vec<String> = std::fs::read_dir(course.root().join("site"))
        .expect("site/")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    published.sort();
    assert_eq!(
        published,
        ["exercises.csv", "index.html"],
        "nothing else is published"
    );
}

#[test]
fn the_published_page_names_no_learner_and_no_digest_and_the_instructors_copy_does() {
    let course = ScratchCourse::new();
    let generated = generate(&base_report(&course), 30);
    let reports = write(&course, &generated);
    let stdout = build(&course, &reports, Path::new("site"), &[]);
    assert_grader_snapshot!("class_first_build", stdout);

    let page = course.read("site/index.html");
    let summary = course.read("site/exercises.csv");
    let escaped = AWKWARD_NAME
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    for (index, report) in generated.iter().enumerate() {
        let name = name_of(index);
        for published in [&page, &summary] {
            assert!(!published.contains(&name), "{name} is published");
        }
        let exercises = report["exercises"].as_array().expect("exercises").len();
        for number in 0..exercises {
            assert!(
                !page.contains(&digest(index, number)),
                "a file digest is published"
            );
        }
    }
    assert!(!page.contains(&escaped) && !page.contains("O'Brien"));
    assert!(!page.contains("sha256"), "no digest is published");
    let salt = course.read("site-private/salt");
    assert!(!page.contains(salt.trim()), "the salt is not published");

    // The instructor's copy names everybody, says not to publish it, and maps names to the
    // pseudonyms of the published page.
    let copy = course.read("site-private/instructor.html");
    assert!(copy.contains("Do not publish this page."), "{copy}");
    assert!(
        copy.contains(&escaped),
        "the instructor's copy escapes names"
    );
    let progress = course.read("site-private/progress.csv");
    let mapping = pseudonyms(&progress);
    assert_eq!(mapping.len(), 30, "{progress}");
    let mut shown = shown_pseudonyms(&page);
    assert_eq!(shown.len(), 30);
    let sorted = {
        let mut s = shown.clone();
        s.sort();
        s
    };
    assert_eq!(
        shown, sorted,
        "rows are in pseudonym order, which says nothing of names"
    );
    shown.sort();
    let mut mapped: Vec<String> = mapping.values().cloned().collect();
    mapped.sort();
    assert_eq!(shown, mapped);
    for (name, pseudonym) in &mapping {
        assert!(copy.contains(pseudonym.as_str()), "{name}'s pseudonym");
        assert!(
            pseudonym.len() == 9
                && pseudonym.as_bytes()[4] == b'-'
                && pseudonym
                    .chars()
                    .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_lowercase()),
            "{pseudonym}"
        );
    }
    // The private folder says what it is, and git ignores all of it.
    assert!(
        course
            .read("site-private/README.txt")
            .contains("Do not publish them.")
    );
    assert!(
        course
            .read("site-private/.gitignore")
            .lines()
            .any(|l| l == "*")
    );
}

#[test]
fn pseudonyms_stay_the_same_from_build_to_build_and_come_from_the_salt() {
    let course = ScratchCourse::new();
    let generated = generate(&base_report(&course), 12);
    let reports = write(&course, &generated);
    build(&course, &reports, Path::new("site"), &[]);
    let first = pseudonyms(&course.read("site-private/progress.csv"));

    // Again: the kept salt gives the same pseudonyms, and no new salt is made.
    let again = build(&course, &reports, Path::new("site"), &[]);
    assert!(!again.contains("new salt"), "{again}");
    assert_eq!(pseudonyms(&course.read("site-private/progress.csv")), first);

    // A learner fewer: everybody else keeps theirs.
    let fewer = build(
        &course,
        &reports[..reports.len() - 1],
        Path::new("site"),
        &[],
    );
    assert!(!fewer.contains("new salt"), "{fewer}");
    let kept = pseudonyms(&course.read("site-private/progress.csv"));
    assert_eq!(kept.len(), 11);
    for (name, pseudonym) in &kept {
        assert_eq!(&first[name], pseudonym, "{name}");
    }

    // Another salt, another set; the same salt file, the same set.
    course.write(
        "elsewhere/salt.txt",
        "a salt the instructor keeps elsewhere\n",
    );
    let with_salt = ["--salt-file", "elsewhere/salt.txt"];
    build(&course, &reports, Path::new("other"), &with_salt);
    let other = pseudonyms(&course.read("other-private/progress.csv"));
    assert!(
        other.iter().all(|(name, p)| &first[name] != p),
        "{first:?}\n{other:?}"
    );
    assert!(
        !course.root().join("other-private/salt").exists(),
        "a given salt is not copied"
    );
    build(&course, &reports, Path::new("other"), &with_salt);
    assert_eq!(
        pseudonyms(&course.read("other-private/progress.csv")),
        other
    );
}

#[test]
fn a_salt_that_is_missing_unreadable_or_short_is_refused_and_never_replaced() {
    let course = ScratchCourse::new();
    let reports = write(&course, &generate(&base_report(&course), 2));
    let mut args = reports.clone();
    args.extend(["--out".to_owned(), "site".to_owned()]);

    let missing = refused(&course, &args, &["--salt-file", "kept/salt"]);
    assert!(
        missing.contains("salt file kept/salt does not exist"),
        "{missing}"
    );
    assert!(!course.root().join("kept/salt").exists(), "never made up");
    assert!(!course.root().join("site").exists(), "nothing built");

    std::fs::create_dir_all(course.root().join("a-folder")).expect("a folder");
    let unreadable = refused(&course, &args, &["--salt-file", "a-folder"]);
    assert!(
        unreadable.contains("cannot read salt file a-folder"),
        "{unreadable}"
    );

    course.write("short", "secret\n");
    let short = refused(&course, &args, &["--salt-file", "short"]);
    assert!(
        short.contains("holds 6 bytes; a salt needs at least 16"),
        "{short}"
    );

    // The kept salt, deleted after a build: refused, since the published page's pseudonyms
    // came from it.
    build(&course, &reports, Path::new("site"), &[]);
    let page = course.read("site/index.html");
    std::fs::remove_file(course.root().join("site-private/salt")).expect("delete the salt");
    let gone = refused(&course, &args, &[]);
    assert_grader_snapshot!("class_salt_gone", gone);
    assert!(
        !course.root().join("site-private/salt").exists(),
        "never replaced"
    );
    assert_eq!(
        course.read("site/index.html"),
        page,
        "the page is untouched"
    );
    // Starting again is a decision: delete the page, and a new salt is made.
    std::fs::remove_file(course.root().join("site/index.html")).expect("delete the page");
    let again = build(&course, &reports, Path::new("site"), &[]);
    assert!(
        again.contains("Made a new salt, site-private/salt"),
        "{again}"
    );
}

#[test]
fn nothing_private_is_ever_written_into_or_read_from_the_published_folder() {
    let course = ScratchCourse::new();
    let reports = write(&course, &generate(&base_report(&course), 2));
    let mut args = reports.clone();
    args.extend(["--out".to_owned(), "site".to_owned()]);

    let inside = refused(&course, &args, &["--private-out", "site/private"]);
    assert!(
        inside.contains("is inside site, the folder to publish"),
        "{inside}"
    );
    let same = refused(&course, &args, &["--private-out", "site"]);
    assert!(
        same.contains("is inside site, the folder to publish"),
        "{same}"
    );

    course.write("site/salt.txt", "a salt of more than sixteen bytes\n");
    let salt_inside = refused(&course, &args, &["--salt-file", "site/salt.txt"]);
    assert!(
        salt_inside.contains("is inside site, the folder to publish"),
        "{salt_inside}"
    );
    std::fs::remove_file(course.root().join("site/salt.txt")).expect("remove it");

    // What an older grader left in the published folder: a CSV with names.
    course.write("site/progress.csv", "learner,total\nada,10\n");
    let legacy = refused(&course, &args, &[]);
    assert!(
        legacy
            .contains("site/progress.csv is in site, the folder to publish, and may name learners"),
        "{legacy}"
    );
    std::fs::remove_file(course.root().join("site/progress.csv")).expect("remove it");

    // A private folder of the instructor's choosing.
    build(
        &course,
        &reports,
        Path::new("site"),
        &["--private-out", "keep/class"],
    );
    assert!(course.root().join("keep/class/instructor.html").is_file());
    assert!(course.root().join("keep/class/salt").is_file());
    assert!(!course.root().join("site-private").exists());
}

#[test]
fn failure_kinds_are_counted_per_exercise_in_the_csv_and_on_the_page() {
    let course = ScratchCourse::new();
    let base = base_report(&course);
    // Thirty learners: twelve deadlocked on locks/transfer, three lost an update, one had a
    // data race (a kind the page lists after the six it lists first), the rest passed it.
    let mut reports = Vec::new();
    for index in 0..30 {
        let mut report = base.clone();
        report["learner"] = Value::from(name_of(index));
        let transfer = report["exercises"]
            .as_array_mut()
            .expect("exercises")
            .iter_mut()
            .find(|e| e["id"] == "locks/transfer")
            .expect("locks/transfer");
        let kind = match index {
            0..12 => Some("deadlock"),
            12..15 => Some("lost_update"),
            15 => Some(KINDS[6]),
            _ => None,
        };
        if let Some(kind) = kind {
            transfer["status"] = Value::from("failed");
            transfer["failure_kind"] = Value::from(kind);
        } else {
            transfer["status"] = Value::from("passed");
            transfer["points"] = transfer["max_points"].clone();
            transfer["first_passed_at"] = Value::from("2026-11-20T10:00:00Z");
        }
        reports.push(report);
    }
    let args = write(&course, &reports);
    build(&course, &args, Path::new("site"), &[]);

    let csv = course.read("site/exercises.csv");
    assert_grader_snapshot!("class_exercises_csv", csv);
    let page = course.read("site/index.html");
    assert!(
        page.contains(
            "<strong>locks/transfer</strong>: 12 of 30 deadlocked, 3 of 30 lost an update, \
             1 of 30: data race"
        ),
        "{page}"
    );
    assert_eq!(
        page.matches("<td class=f title=\"deadlock\"><i>failed</i>")
            .count(),
        12,
        "each deadlocked cell's tooltip says so"
    );
    assert!(page.contains("title=\"locks/transfer: 14 of 30 passed (0 late); 12 of 30 deadlocked"));
}

#[test]
fn estimated_minutes_from_course_yaml_are_shown_beside_their_exercises() {
    let course = ScratchCourse::new();
    // The course estimates every exercise: keep one estimate only, to see the others absent.
    let without_minutes: String = course
        .read("course.yaml")
        .lines()
        .filter(|line| !line.trim_start().starts_with("minutes:"))
        .map(|line| format!("{line}\n"))
        .collect();
    course.write("course.yaml", &without_minutes);
    course.edit_course(
        "      - id: counter\n",
        "      - id: counter\n        minutes: 25\n",
    );
    let reports = write(&course, &generate(&base_report(&course), 2));
    build(&course, &reports, Path::new("site"), &[]);
    let page = course.read("site/index.html");
    assert!(page.contains("<span>counter · 25 min</span>"), "{page}");
    assert_eq!(
        page.matches(" min</span>").count(),
        1,
        "no estimate where none is given"
    );
    let csv = course.read("site/exercises.csv");
    assert!(csv.contains("locks/counter,locks,25,"), "{csv}");
    assert!(csv.contains("locks/transfer,locks,,"), "{csv}");

    course.edit_course("minutes: 25", "minutes: 0");
    let output = course
        .grader()
        .arg("list")
        .output()
        .expect("the grader runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).1.contains("has minutes `0`"),
        "{}",
        text(&output).1
    );
}

#[test]
fn five_hundred_learners_make_a_published_page_under_a_megabyte() {
    let course = ScratchCourse::new();
    let base = base_report(&course);
    let exercises = base["exercises"].as_array().expect("exercises").len();
    let generated = generate(&base, 500);
    let reports = write(&course, &generated);
    let started = std::time::Instant::now();
    build(&course, &reports, Path::new("site"), &[]);
    // For BENCHMARKS.md, not an assertion.
    eprintln!(
        "grader class, 500 learners × {exercises} exercises: {:?}",
        started.elapsed()
    );
    let size = std::fs::metadata(course.root().join("site/index.html"))
        .expect("the page")
        .len();
    // The course may have fewer than 40 exercises: the cells, nearly all of the page, grow with
    // their number, so the page of 40 is at most this one's size scaled up.
    let for_forty = size * 40 / exercises.min(40) as u64;
    assert!(
        for_forty < 1_000_000,
        "index.html is {size} bytes for {exercises} exercises, about {for_forty} for 40"
    );
    eprintln!("index.html: {size} bytes for {exercises} exercises, about {for_forty} for 40");
    assert_eq!(shown_pseudonyms(&course.read("site/index.html")).len(), 500);
}
