//! The machine-readable formats of `check`, pinned: Gradescope's results.json and JUnit XML
//! snapshotted (durations redacted), and the JUnit XML parsed and checked against the shape CI
//! dashboards read. Only the locks section is used: the others are still being written.

use quick_xml::events::{BytesStart, Event};
use serde_json::Value;

use crate::support::check_schema;
use crate::support::{ScratchCourse, redact, text};

/// The locks section with two exercises solved (counter, cache) and two left as stubs.
fn half_solved_locks() -> ScratchCourse {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    course.solve("03_locks/03_cache");
    course
}

/// Runs `check locks --format FORMAT` and returns its redacted standard output.
fn check_locks(course: &ScratchCourse, format: &str) -> String {
    let output = course
        .grader()
        .args(["check", "locks", "--format", format])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    redact(&stdout, course)
}

/// Pins `text` as a snapshot, with durations and timing-dependent thread counts redacted.
fn assert_machine_snapshot(name: &str, text: &str) {
    insta::with_settings!({
        filters => vec![
            (r#""execution_time": \d+"#, r#""execution_time": "[SECONDS]""#),
            // Checked against the files themselves below; pinned, they would change with every
            // edit of course.yaml, a stub or the grader's version.
            (r#""[0-9a-f]{64}""#, r#""[SHA-256]""#),
            (r#""grader_version": "[^"]*""#, r#""grader_version": "[VERSION]""#),
            (r#"time="[0-9.]+""#, r#"time="[SECONDS]""#),
            (r#"timestamp="[^"]*""#, r#"timestamp="[TIMESTAMP]""#),
            (r"panicked in (\d+ threads|an unnamed thread)", "panicked in [THREADS]"),
        ],
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn gradescope_results_of_a_half_solved_section_are_pinned() {
    let course = half_solved_locks();
    let stdout = check_locks(&course, "gradescope");
    let results: Value = serde_json::from_str(&stdout).expect("results.json is JSON");
    check_schema(&results);
    assert_eq!(results["score"], 20, "{results}");
    let summaries: Vec<(&str, u64)> = results["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .filter(|t| t["max_score"] != 0)
        .map(|t| {
            (
                t["name"].as_str().expect("a name"),
                t["score"].as_u64().expect("a score"),
            )
        })
        .collect();
    assert_eq!(
        summaries,
        [
            ("locks/counter", 10),
            ("locks/transfer", 0),
            ("locks/cache", 10),
            ("locks/spinlock", 0)
        ]
    );
    // Markdown, numbered by section and exercise, tagged with the section and the kind of
    // mistake, and traceable to the grader, course.yaml and each file graded.
    assert_eq!(results["output_format"], "md");
    assert_eq!(results["test_output_format"], "md");
    let tests = results["tests"].as_array().expect("tests");
    let counter = &tests[0];
    assert_eq!(counter["name"], "locks/counter");
    assert_eq!(counter["number"], "3.1");
    assert_eq!(counter["tags"], serde_json::json!(["locks"]));
    assert_eq!(tests[1]["number"], "3.1.1");
    let transfer = tests
        .iter()
        .find(|t| t["name"] == "locks/transfer")
        .expect("the transfer");
    assert_eq!(transfer["number"], "3.2");
    assert_eq!(transfer["tags"], serde_json::json!(["locks", "unfinished"]));
    let extra = &results["extra_data"];
    assert_eq!(extra["grader_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        extra["course_sha256"],
        sha256_of(&course.root().join("course.yaml"))
    );
    let files = extra["files"].as_object().expect("files");
    assert_eq!(files.len(), 4, "{extra}");
    for (path, digest) in files {
        assert_eq!(digest, &sha256_of(&course.root().join(path)), "{path}");
    }
    assert_machine_snapshot("gradescope_locks_half_solved", &stdout);
}

/// SHA-256 of a file, in hex.
fn sha256_of(path: &std::path::Path) -> Value {
    use sha2::{Digest as _, Sha256};
    let bytes = std::fs::read(path).expect("read a file");
    Value::from(
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
    )
}

#[test]
fn gradescope_markdown_keeps_angle_brackets_and_lines() {
    // A file that does not compile: the compiler's message names `Mutex<u64>` and spans lines.
    let course = ScratchCourse::new();
    course.write(
        "exercises/03_locks/01_counter.rs",
        "use std::sync::Mutex;\npub struct Counter(Mutex<u64>);\nimpl Counter {\n    pub fn new() -> Self { Counter(Mutex::new(\"zero\")) }\n}\n",
    );
    let output = course
        .grader()
        .args(["check", "locks/counter", "--format", "gradescope"])
        .output()
        .expect("the grader runs");
    let results: Value = serde_json::from_str(&text(&output).0).expect("JSON");
    let summary = results["tests"][0]["output"].as_str().expect("an output");
    let (before, block) = summary.split_once("```text\n").expect("a code block");
    assert!(before.contains("does not compile"), "{summary}");
    assert!(
        block.contains("Mutex<u64>") || block.contains("&str"),
        "{summary}"
    );
    assert!(block.trim_end().ends_with("```"), "{summary}");
    assert!(
        block.lines().count() > 3,
        "the compiler's lines are kept: {summary}"
    );
    assert_eq!(
        results["tests"][0]["tags"],
        serde_json::json!(["locks", "compile error"])
    );
}

#[test]
fn prairielearn_results_of_a_half_solved_section_are_pinned() {
    let course = half_solved_locks();
    let stdout = check_locks(&course, "prairielearn");
    let results: Value = serde_json::from_str(&stdout).expect("results.json is JSON");
    // What PrairieLearn reads: gradable, a score from 0 to 1, and per test its points.
    assert_eq!(results["gradable"], true);
    assert_eq!(results["score"], 0.5, "{results}");
    assert!(results["message"].is_string());
    let tests = results["tests"].as_array().expect("tests");
    let points: Vec<(&str, u64, u64)> = tests
        .iter()
        .map(|t| {
            assert!(t["message"].is_string() && t["output"].is_string(), "{t}");
            (
                t["name"].as_str().expect("a name"),
                t["points"].as_u64().expect("points"),
                t["max_points"].as_u64().expect("max points"),
            )
        })
        .collect();
    assert_eq!(
        points,
        [
            ("locks/counter", 10, 10),
            ("locks/transfer", 0, 10),
            ("locks/cache", 10, 10),
            ("locks/spinlock", 0, 10)
        ]
    );
    // The checks of exercises whose details are hidden until the due date are not named.
    assert!(
        !stdout.contains("transfers_both_ways_at_once_never_deadlock"),
        "{stdout}"
    );
    assert_machine_snapshot("prairielearn_locks_half_solved", &stdout);
}

#[test]
fn junit_of_a_half_solved_section_is_pinned_and_well_formed() {
    let course = half_solved_locks();
    let xml = check_locks(&course, "junit");
    check_junit_shape(&xml);
    assert_machine_snapshot("junit_locks_half_solved", &xml);
}

/// An XML element: its name, attributes and child elements (text is not needed here).
#[derive(Debug)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Element>,
}

impl Element {
    fn from_start(start: &BytesStart<'_>) -> Self {
        let name = String::from_utf8(start.name().as_ref().to_vec()).expect("a UTF-8 name");
        let attributes = start
            .attributes()
            .map(|attribute| {
                let attribute = attribute.expect("a well-formed attribute");
                (
                    String::from_utf8(attribute.key.as_ref().to_vec()).expect("a UTF-8 key"),
                    attribute
                        .unescape_value()
                        .expect("a well-formed value")
                        .into_owned(),
                )
            })
            .collect();
        Element {
            name,
            attributes,
            children: Vec::new(),
        }
    }

    fn attribute(&self, name: &str) -> &str {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("<{}> has no `{name}` attribute: {self:?}", self.name))
    }

    fn number(&self, name: &str) -> u64 {
        self.attribute(name)
            .parse()
            .unwrap_or_else(|_| panic!("<{}> {name} is not a count: {self:?}", self.name))
    }

    fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Parses the whole document into its root element, failing on anything malformed.
fn parse(xml: &str) -> Element {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => stack.push(Element::from_start(&start)),
            Event::Empty(start) => {
                let element = Element::from_start(&start);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let element = stack.pop().expect("an end tag closes an open element");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => {
                        assert!(root.is_none(), "one root element");
                        root = Some(element);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "every element is closed");
    root.expect("a root element")
}

/// The JUnit shape CI dashboards read: `testsuites` › `testsuite` (one per exercise, its points
/// as properties) › `testcase` (at most one `failure` or `error` each), with counts that agree.
fn check_junit_shape(xml: &str) {
    assert!(xml.starts_with("<?xml"), "{xml}");
    let root = parse(xml);
    assert_eq!(root.name, "testsuites");
    assert!(!root.attribute("name").is_empty());
    let suites: Vec<&Element> = root.children_named("testsuite").collect();
    assert_eq!(
        suites.len(),
        root.children.len(),
        "only test suites in <testsuites>"
    );
    let ids: Vec<&str> = suites.iter().map(|s| s.attribute("name")).collect();
    assert_eq!(
        ids,
        [
            "locks/counter",
            "locks/transfer",
            "locks/cache",
            "locks/spinlock"
        ]
    );
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for suite in &suites {
        let id = suite.attribute("name");
        let properties: Vec<&Element> = suite.children_named("properties").collect();
        assert_eq!(properties.len(), 1, "{id}: one <properties>");
        let property = |name: &str| -> String {
            properties[0]
                .children_named("property")
                .find(|p| p.attribute("name") == name)
                .unwrap_or_else(|| panic!("{id}: no property `{name}`"))
                .attribute("value")
                .to_owned()
        };
        let points: u32 = property("points").parse().expect("points are a number");
        let max_points: u32 = property("max_points").parse().expect("a number");
        let status = property("status");
        assert!(property("path").starts_with("exercises/03_locks/"), "{id}");
        assert_eq!(max_points, 10, "{id}");

        let cases: Vec<&Element> = suite.children_named("testcase").collect();
        assert_eq!(
            cases.len() + 1,
            suite.children.len(),
            "{id}: only <properties> and <testcase> in a suite"
        );
        assert!(!cases.is_empty(), "{id} has test cases");
        let (mut suite_failures, mut suite_errors) = (0, 0);
        for case in &cases {
            assert!(!case.attribute("name").is_empty(), "{id}: a named case");
            assert_eq!(case.attribute("classname"), id);
            let time: f64 = case.attribute("time").parse().expect("time in seconds");
            assert!(time >= 0.0);
            let outcomes: Vec<&Element> = case
                .children
                .iter()
                .filter(|c| ["failure", "error", "skipped"].contains(&c.name.as_str()))
                .collect();
            assert!(outcomes.len() <= 1, "{id}: one outcome per case: {case:?}");
            for child in &case.children {
                assert!(
                    ["failure", "error", "system-out"].contains(&child.name.as_str()),
                    "{id}: unexpected <{}> in a test case",
                    child.name
                );
            }
            if let Some(outcome) = outcomes.first() {
                assert!(!outcome.attribute("message").is_empty(), "{outcome:?}");
                assert!(
                    ["failed", "timed_out", "crashed", "compile_error"]
                        .contains(&outcome.attribute("type")),
                    "{outcome:?}"
                );
                if outcome.name == "failure" {
                    suite_failures += 1;
                } else {
                    suite_errors += 1;
                }
            }
        }
        assert_eq!(suite.number("tests"), cases.len() as u64, "{id}");
        assert_eq!(suite.number("failures"), suite_failures, "{id}");
        assert_eq!(suite.number("errors"), suite_errors, "{id}");
        let passed = suite_failures + suite_errors == 0;
        assert_eq!(status == "passed", passed, "{id}: status {status}");
        assert_eq!(points == max_points, passed, "{id}: {points} points");
        tests += cases.len() as u64;
        failures += suite_failures;
        errors += suite_errors;
    }
    assert_eq!(root.number("tests"), tests);
    assert_eq!(root.number("failures"), failures);
    assert_eq!(root.number("errors"), errors);
    // Two solved, two stubs.
    let passed: Vec<&str> = suites
        .iter()
        .filter(|s| s.attribute("failures") == "0" && s.attribute("errors") == "0")
        .map(|s| s.attribute("name"))
        .collect();
    assert_eq!(passed, ["locks/counter", "locks/cache"]);
}
