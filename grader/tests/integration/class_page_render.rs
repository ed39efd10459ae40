//! The class page as a browser shows it: `grader class`'s `index.html` for thirty learners,
//! rendered by headless Chromium at a phone's width, must show every learner's total and each
//! section's class progress that the reports add up to, without scrolling sideways.
//!
//! Chromium is required in CI (`.ci/run` installs it): with `CI` set, a missing browser fails
//! the test. Elsewhere the test says that it skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::reports::a_class_of_thirty;
use crate::support::ScratchCourse;

/// A phone's viewport, in CSS pixels.
const PHONE: (u32, u32) = (390, 844);

/// How long Chromium may take for one page.
const BROWSER_DEADLINE: Duration = Duration::from_secs(90);

/// Chromium on PATH, or `None`; with `CI` set, its absence fails the test.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !in_ci,
            "chromium is not installed, and CI is set: .ci/run installs it with apt-get \
             (apt-get install --no-install-recommends chromium)"
        );
        eprintln!("skipped: chromium is not installed (CI would fail here)");
    }
    found
}

/// Runs headless Chromium on `url` with `args`, under a deadline, and returns its stdout.
fn run_chromium(browser: &Path, profile: &Path, args: &[String], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    let read_out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let read_err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > BROWSER_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {url} in {BROWSER_DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = read_out.join().expect("reader");
    let err = read_err.join().expect("reader");
    assert!(
        status.success(),
        "chromium failed on {url}: {status}\n{err}"
    );
    out
}

/// A page that shows `index.html` in a phone-sized frame and, once it has loaded, writes what
/// the browser laid out into `<pre id="probe">` as JSON: the frame's width and scroll width,
/// the rendered text of the page, each syllabus entry's text and the width of its progress bar
/// and fill.
fn probe_page() -> String {
    let (width, height) = PHONE;
    format!(
        r#"<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="page" src="index.html" style="border:0;width:{width}px;height:{height}px"></iframe>
<script>
window.addEventListener("load", () => {{
  const frame = document.getElementById("page");
  const doc = frame.contentDocument;
  const probe = {{
    width: frame.contentWindow.innerWidth,
    scrollWidth: doc.documentElement.scrollWidth,
    text: doc.body.innerText,
    sections: [...doc.querySelectorAll(".syllabus li")].map((li) => ({{
      text: li.innerText,
      bar: li.querySelector(".bar").getBoundingClientRect().width,
      fill: li.querySelector(".fill").getBoundingClientRect().width,
    }})),
  }};
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(probe);
  document.body.appendChild(pre);
}});
</script>
</body></html>
"#
    )
}

/// The JSON the probe page wrote, from Chromium's dump of the DOM.
fn probe_result(dom: &str) -> Value {
    let start = dom
        .find("<pre id=\"probe\">")
        .unwrap_or_else(|| panic!("the probe ran: no <pre id=\"probe\"> in\n{dom}"))
        + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").expect("the probe's end");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    serde_json::from_str(&json).expect("the probe wrote JSON")
}

/// Each section's id, title and number of exercises, in course order, from course.yaml.
fn sections(course: &ScratchCourse) -> Vec<(String, String, usize)> {
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&course.read("course.yaml")).expect("course.yaml is YAML");
    yaml["sections"]
        .as_sequence()
        .expect("sections")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().expect("an id").to_owned(),
                s["title"].as_str().expect("a title").to_owned(),
                s["exercises"].as_sequence().map_or(0, Vec::len),
            )
        })
        .collect()
}

fn points(exercise: &Value, field: &str) -> u64 {
    exercise[field].as_u64().expect("points are a number")
}

#[test]
fn the_class_page_shows_every_total_and_section_in_a_browser_at_phone_width() {
    let Some(browser) = chromium() else {
        return;
    };
    let course = ScratchCourse::new();
    let reports = a_class_of_thirty(&course);
    let site = course.root().join("site");
    std::fs::write(site.join("probe.html"), probe_page()).expect("write the probe page");
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let (width, height) = PHONE;

    let dom = run_chromium(
        &browser,
        profile.path(),
        &["--dump-dom".to_owned()],
        &format!("file://{}", site.join("probe.html").display()),
    );
    let probe = probe_result(&dom);
    assert_eq!(probe["width"], width, "the frame is a phone's width");
    assert!(
        probe["scrollWidth"].as_u64().expect("a width") <= u64::from(width),
        "the page scrolls sideways on a phone: {probe}"
    );
    let text = probe["text"].as_str().expect("the page's text");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();

    // Every learner's total, as their report adds it up.
    assert!(text.contains("30 learners."), "{text}");
    let mut totals = Vec::new();
    for report in &reports {
        let exercises = report["exercises"].as_array().expect("exercises");
        let total: u64 = exercises.iter().map(|e| points(e, "points")).sum();
        let max: u64 = exercises.iter().map(|e| points(e, "max_points")).sum();
        let name = report["learner"].as_str().expect("a learner");
        let heading = format!("{name}: {total} of {max} points");
        assert!(
            lines.contains(&heading.as_str()),
            "no `{heading}` in\n{text}"
        );
        totals.push(total);
    }
    assert!(
        totals.windows(2).any(|w| w[0] != w[1]),
        "the class has learners with different totals: {totals:?}"
    );

    // Each section's class progress: the points everybody earned in it, of all they could have.
    let shown = probe["sections"].as_array().expect("syllabus entries");
    let sections = sections(&course);
    assert_eq!(shown.len(), sections.len(), "{probe}");
    let mut percents = Vec::new();
    for ((id, title, count), entry) in sections.iter().zip(shown) {
        let in_section = |e: &&Value| {
            e["id"]
                .as_str()
                .is_some_and(|x| x.split('/').next() == Some(id.as_str()))
        };
        let (mut earned, mut possible) = (0, 0);
        for report in &reports {
            for exercise in report["exercises"]
                .as_array()
                .expect("exercises")
                .iter()
                .filter(in_section)
            {
                earned += points(exercise, "points");
                possible += points(exercise, "max_points");
            }
        }
        let percent = (earned * 100).checked_div(possible).unwrap_or(0);
        let shown_text = entry["text"].as_str().expect("text");
        let expected = format!("{title} ({count} exercises) {percent}%");
        assert_eq!(
            shown_text.split_whitespace().collect::<Vec<_>>().join(" "),
            expected,
            "section {id}"
        );
        let bar = entry["bar"].as_f64().expect("a width");
        let fill = entry["fill"].as_f64().expect("a width");
        assert!(bar > 100.0, "section {id}: the bar is visible ({bar}px)");
        assert!(
            (fill - bar * percent as f64 / 100.0).abs() <= 1.0,
            "section {id}: the bar is {fill}px of {bar}px filled, for {percent}%"
        );
        percents.push(percent);
    }
    assert!(
        percents.iter().any(|&p| p > 0 && p < 100),
        "some section is partly done: {percents:?}"
    );

    // And the page itself renders at a phone's size.
    let screenshot = site.join("phone.png");
    run_chromium(
        &browser,
        profile.path(),
        &[
            format!("--window-size={width},{height}"),
            format!("--screenshot={}", screenshot.display()),
        ],
        &format!("file://{}", site.join("index.html").display()),
    );
    let png = std::fs::read(&screenshot).expect("chromium wrote the screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let png_width = u32::from_be_bytes(png[16..20].try_into().expect("four bytes"));
    let png_height = u32::from_be_bytes(png[20..24].try_into().expect("four bytes"));
    assert_eq!((png_width, png_height), PHONE);
}
