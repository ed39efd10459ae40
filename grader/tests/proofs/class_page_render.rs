//! The class page as a browser shows it: `grader class`'s `index.html` for 500 generated
//! learners, rendered by headless Chromium at a desktop's and a phone's width. Every cell must
//! show its learner's state and tooltip, the matrix must scroll inside its own box with its
//! headers held in place while the page never scrolls sideways, and sorting must sort. Then the
//! published folder, served over HTTP by another user, must show the matrix.
//!
//! Chromium (and for serving, python3) are required in CI (`.ci/run` installs Chromium): with
//! `CI` set, a missing one fails the test. Elsewhere the test says that it skipped.

use std::collections::HashMap;
#[cfg(unix)]
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::{Child, ChildStdin};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::class_reports::{base_report, build, expected_cell, generate, pseudonyms, write};
use crate::support::ScratchCourse;

/// A desktop's and a phone's viewport, in CSS pixels.
const DESKTOP: (u32, u32) = (1280, 800);
const PHONE: (u32, u32) = (390, 844);

/// How long Chromium may take for one page: it detects a hang, it does not measure speed.
const BROWSER_DEADLINE: Duration = Duration::from_secs(120);

/// A program on PATH (the first of `names`), or `None`; with `CI` set, its absence fails the
/// test.
fn tool(names: &[&str], install: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !in_ci,
            "{} is not installed, and CI is set: {install}",
            names[0]
        );
        eprintln!(
            "skipped: {} is not installed (CI would fail here)",
            names[0]
        );
    }
    found
}

fn chromium() -> Option<PathBuf> {
    tool(
        &["chromium", "chromium-browser"],
        ".ci/run installs it with apt-get (apt-get install --no-install-recommends chromium)",
    )
}

/// Runs headless Chromium on `url` with `args`, under a deadline, and returns its stdout.
fn run_chromium(browser: &Path, args: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
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

/// A page that shows `site/index.html` in a desktop-sized and a phone-sized frame and, once
/// both have loaded, writes into `<pre id="probe">` as JSON what the browser laid out in each:
/// the page's width and scroll width, the matrix box's place and sizes, where the header row and
/// the learners' column are after the box scrolled, how long the page took to load; for the
/// desktop frame also every row and cell, and the order of the rows after sorting by total and
/// by the first section.
fn probe_page() -> String {
    let ((dw, dh), (pw, ph)) = (DESKTOP, PHONE);
    format!(
        r#"<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="desktop" src="site/index.html" style="border:0;width:{dw}px;height:{dh}px"></iframe>
<iframe id="phone" src="site/index.html" style="border:0;width:{pw}px;height:{ph}px"></iframe>
<script>
function measure(frame, everything) {{
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  const box = doc.querySelector(".matrix");
  const table = doc.getElementById("m");
  const body = table.tBodies[0];
  const nav = win.performance.getEntriesByType("navigation")[0];
  const rect = box.getBoundingClientRect();
  const out = {{
    width: win.innerWidth,
    scrollWidth: doc.documentElement.scrollWidth,
    box: {{ left: rect.left, right: rect.right, clientWidth: box.clientWidth,
      scrollWidth: box.scrollWidth, clientHeight: box.clientHeight,
      scrollHeight: box.scrollHeight }},
    loadMs: nav.loadEventStart - nav.startTime,
    rows: body.rows.length,
  }};
  box.scrollTop = 3000;
  box.scrollLeft = 400;
  const boxNow = box.getBoundingClientRect();
  out.headerTop = table.tHead.getBoundingClientRect().top - boxNow.top;
  out.learnerLeft = body.rows[200].cells[0].getBoundingClientRect().left - boxNow.left;
  out.pageScrollWidth = doc.documentElement.scrollWidth;
  if (!everything) return out;
  out.sections = [...table.tHead.rows[0].querySelectorAll("button[data-k=s]")]
    .map((b) => [b.textContent, Number(b.dataset.a), Number(b.dataset.b)]);
  out.exercises = [...table.tHead.rows[1].cells].map((th) => [th.title, th.textContent]);
  out.rates = [...table.tHead.rows[2].querySelectorAll("td")].map((td) => td.textContent);
  out.polylines = doc.querySelectorAll("svg.chart polyline").length;
  out.table = [...body.rows].map((row) => [
    row.cells[0].textContent, Number(row.cells[1].textContent), row.cells[2].textContent,
    [...row.cells].slice(3).map((c) => c.textContent),
    [...row.cells].slice(3).map((c) => c.title),
  ]);
  const order = () => [...body.rows].map((row) => row.cells[0].textContent);
  doc.querySelector("button[data-k=t]").click();
  out.byTotal = order();
  const section = doc.querySelector("button[data-k=s]");
  section.click();
  out.bySection = order();
  out.sectionSort = section.parentElement.getAttribute("aria-sort");
  section.click();
  out.bySectionAgain = order();
  out.said = doc.getElementById("said").textContent;
  return out;
}}
window.addEventListener("load", () => {{
  const probe = {{
    desktop: measure(document.getElementById("desktop"), true),
    phone: measure(document.getElementById("phone"), false),
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

fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("a number: {value}"))
}

/// What a viewport must show of the matrix's layout: the page never wider than the viewport,
/// the matrix box inside it, the header row and the learners' column still in place after the
/// box scrolled down and sideways.
fn check_layout(name: &str, probe: &Value, width: u32) {
    assert_eq!(number(&probe["width"]), f64::from(width), "{name}: {probe}");
    for key in ["scrollWidth", "pageScrollWidth"] {
        assert!(
            number(&probe[key]) <= f64::from(width),
            "{name}: the page scrolls sideways ({key}): {probe}"
        );
    }
    let boxed = &probe["box"];
    assert!(
        number(&boxed["left"]) >= 0.0 && number(&boxed["right"]) <= f64::from(width),
        "{name}: the matrix's box is inside the page: {probe}"
    );
    assert!(
        number(&boxed["scrollHeight"]) > number(&boxed["clientHeight"]),
        "{name}: 500 rows scroll inside the box: {probe}"
    );
    assert!(
        number(&probe["headerTop"]).abs() <= 1.0,
        "{name}: the header row stays at the top of the box: {probe}"
    );
    assert!(
        number(&probe["learnerLeft"]).abs() <= 1.0,
        "{name}: the learners' column stays at the left of the box: {probe}"
    );
    assert_eq!(probe["rows"], 500, "{name}");
    // For BENCHMARKS.md, not an assertion.
    eprintln!("{name}: index.html loaded in {} ms", probe["loadMs"]);
}

#[test]
fn five_hundred_learners_render_at_desktop_and_phone_widths_with_every_cell_right() {
    let Some(browser) = chromium() else {
        return;
    };
    let course = ScratchCourse::new();
    let base = base_report(&course);
    let reports = generate(&base, 500);
    build(&course, &write(&course, &reports), Path::new("site"), &[]);
    std::fs::write(course.root().join("probe.html"), probe_page()).expect("the probe page");

    let dom = run_chromium(
        &browser,
        &["--dump-dom".to_owned()],
        &format!("file://{}", course.root().join("probe.html").display()),
    );
    let probe = probe_result(&dom);
    let desktop = &probe["desktop"];
    check_layout("desktop", desktop, DESKTOP.0);
    check_layout("phone", &probe["phone"], PHONE.0);
    let phone_box = &probe["phone"]["box"];
    assert!(
        number(&phone_box["scrollWidth"]) > number(&phone_box["clientWidth"]),
        "on a phone the matrix scrolls sideways inside its box: {phone_box}"
    );

    // The columns: each exercise of course.yaml, in order, under its section.
    let exercise_ids: Vec<String> = base["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect();
    let shown: Vec<&str> = desktop["exercises"]
        .as_array()
        .expect("exercise headers")
        .iter()
        .map(|e| e[0].as_str().expect("a title"))
        .collect();
    assert_eq!(shown, exercise_ids);
    let sections = desktop["sections"].as_array().expect("sections");
    assert_eq!(desktop["polylines"].as_u64(), Some(sections.len() as u64));

    // Every row: the learner's pseudonym, total, last pass, and each cell's state and tooltip.
    let by_pseudonym: HashMap<String, String> =
        pseudonyms(&course.read("site-private/progress.csv"))
            .into_iter()
            .map(|(name, pseudonym)| (pseudonym, name))
            .collect();
    let by_name: HashMap<&str, &Value> = reports
        .iter()
        .map(|r| (r["learner"].as_str().expect("a name"), r))
        .collect();
    let rows = desktop["table"].as_array().expect("rows");
    let mut passed = vec![0usize; exercise_ids.len()];
    for row in rows {
        let pseudonym = row[0].as_str().expect("a pseudonym");
        let report = by_name[by_pseudonym[pseudonym].as_str()];
        let exercises = report["exercises"].as_array().expect("exercises");
        let total: u64 = exercises
            .iter()
            .map(|e| e["points"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(row[1].as_u64(), Some(total), "{pseudonym}'s total");
        let last = exercises
            .iter()
            .filter_map(|e| e["first_passed_at"].as_str())
            .max()
            .map_or("—".to_owned(), |at| at[..10].to_owned());
        assert_eq!(
            row[2].as_str(),
            Some(last.as_str()),
            "{pseudonym}'s last pass"
        );
        for (column, exercise) in exercises.iter().enumerate() {
            let (state, tip) = expected_cell(exercise);
            assert_eq!(
                row[3][column].as_str(),
                Some(state),
                "{pseudonym}, {}",
                exercise["id"]
            );
            assert_eq!(
                row[4][column].as_str(),
                Some(tip.as_str()),
                "{pseudonym}, {}",
                exercise["id"]
            );
            if state.starts_with("passed") {
                passed[column] += 1;
            }
        }
    }
    let rates: Vec<String> = passed
        .iter()
        .map(|p| format!("{}%", p * 100 / 500))
        .collect();
    assert_eq!(desktop["rates"], serde_json::json!(rates));

    // Sorting: by total, highest first; by the first section's passes, most first, then fewest.
    let totals: HashMap<&str, u64> = rows
        .iter()
        .map(|r| {
            (
                r[0].as_str().expect("a pseudonym"),
                r[1].as_u64().expect("a total"),
            )
        })
        .collect();
    let order = |key: &str| -> Vec<&str> {
        desktop[key]
            .as_array()
            .expect("an order")
            .iter()
            .map(|p| p.as_str().expect("a pseudonym"))
            .collect()
    };
    let by_total: Vec<u64> = order("byTotal").iter().map(|p| totals[p]).collect();
    assert!(by_total.windows(2).all(|w| w[0] >= w[1]), "{by_total:?}");
    assert!(
        by_total.first() > by_total.last(),
        "the class's totals differ"
    );
    let (from, to) = (
        sections[0][1].as_u64().expect("a column") as usize - 3,
        sections[0][2].as_u64().expect("a column") as usize - 3,
    );
    let first_section: HashMap<&str, usize> = rows
        .iter()
        .map(|r| {
            let states = r[3].as_array().expect("cells");
            let passes = states[from..to]
                .iter()
                .filter(|s| s.as_str().is_some_and(|s| s.starts_with("passed")))
                .count();
            (r[0].as_str().expect("a pseudonym"), passes)
        })
        .collect();
    let by_section: Vec<usize> = order("bySection")
        .iter()
        .map(|p| first_section[p])
        .collect();
    assert!(
        by_section.windows(2).all(|w| w[0] >= w[1]),
        "{by_section:?}"
    );
    assert_eq!(desktop["sectionSort"], "descending");
    let again: Vec<usize> = order("bySectionAgain")
        .iter()
        .map(|p| first_section[p])
        .collect();
    assert!(again.windows(2).all(|w| w[0] <= w[1]), "{again:?}");
    assert_eq!(
        desktop["said"].as_str(),
        Some(
            format!(
                "Sorted by {}, lowest first.",
                sections[0][0].as_str().expect("a title")
            )
            .as_str()
        )
    );
}

/// Whether the tests run as root, who can serve files as another user.
#[cfg(unix)]
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// `python3`'s web server on a free port of 127.0.0.1, serving `folder`, as `nobody` when the
/// tests run as root, so that it reads the folder as a web server running as another user
/// would. It stops when its standard input closes, which dropping this does (also if the test
/// dies), so no server outlives the test.
#[cfg(unix)]
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    port: u16,
}

/// The server: `http.server`'s own handler, the port it got printed first.
#[cfg(unix)]
const SERVE: &str = "import functools, http.server, sys, threading
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
";

// Served as another user: the one test that uses it needs Unix's file modes.
#[cfg(unix)]
impl Server {
    fn start(python: &Path, folder: &Path, as_nobody: bool) -> Server {
        let mut command = if as_nobody {
            let mut command = Command::new("runuser");
            command.args(["-u", "nobody", "--"]).arg(python);
            command
        } else {
            Command::new(python)
        };
        let mut child = command
            .args(["-c", SERVE])
            .arg(folder)
            .current_dir(folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("piped");
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = send.send(line);
        });
        let line = receive
            .recv_timeout(Duration::from_secs(30))
            .expect("the server says its port within 30 s");
        let port = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the server printed its port, not `{line}`"));
        Server { child, stdin, port }
    }

    /// Status line and body of a GET of `path`.
    fn get(&self, path: &str) -> (String, String) {
        let mut stream =
            std::net::TcpStream::connect(("127.0.0.1", self.port)).expect("the server answers");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("a timeout");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").expect("a request");
        let answer = std::io::read_to_string(stream).expect("an answer");
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        (
            head.lines().next().unwrap_or_default().to_owned(),
            body.to_owned(),
        )
    }
}

// Served as another user: the one test that uses it needs Unix's file modes.
#[cfg(unix)]
impl Drop for Server {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
#[test]
fn the_published_folder_served_over_http_by_another_user_shows_the_matrix() {
    use std::os::unix::fs::PermissionsExt as _;

    let Some(browser) = chromium() else {
        return;
    };
    let as_nobody = running_as_root();
    // Root's own python (pyenv's, say) may sit where nobody cannot reach: the system's first.
    let system_python = Path::new("/usr/bin/python3");
    let python = if as_nobody && system_python.is_file() {
        system_python.to_path_buf()
    } else {
        let Some(python) = tool(&["python3"], "install python3 (apt-get install python3)") else {
            return;
        };
        python
    };
    if as_nobody {
        let Some(_) = tool(&["runuser"], "runuser comes with util-linux") else {
            return;
        };
    } else {
        eprintln!("not root: the server runs as this user, and file modes are not put to the test");
    }

    let course = ScratchCourse::new();
    let reports = generate(&base_report(&course), 40);
    let args = write(&course, &reports);
    // A folder anybody may enter, as a web server's document root is; the grader gives `site`
    // its own modes.
    let root = tempfile::tempdir().expect("a folder to serve from");
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755))
        .expect("open the folder to others");
    let site = root.path().join("site");
    build(&course, &args, &site, &[]);

    let server = Server::start(&python, &site, as_nobody);
    let (status, body) = server.get("/index.html");
    assert!(status.contains(" 200 "), "{status}\n{body}");
    let (status, _) = server.get("/exercises.csv");
    assert!(status.contains(" 200 "), "{status}");

    let dom = run_chromium(
        &browser,
        &["--dump-dom".to_owned()],
        &format!("http://127.0.0.1:{}/", server.port),
    );
    assert!(
        dom.contains("<table id=\"m\""),
        "the matrix is there:\n{dom}"
    );
    let shown: Vec<&str> = dom
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| row.split('<').next().unwrap_or_default())
        .collect();
    let mut expected: Vec<String> = pseudonyms(
        &std::fs::read_to_string(root.path().join("site-private/progress.csv"))
            .expect("the instructor's CSV"),
    )
    .into_values()
    .collect();
    expected.sort();
    assert_eq!(shown, expected, "every learner's row, by pseudonym");
    let exercises = reports[0]["exercises"].as_array().expect("exercises").len();
    assert_eq!(
        dom.matches("<td class=\"").count(),
        40 * exercises,
        "every cell"
    );
}
