//! A scratch copy of the course for each test, and the grader command pointed at it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the grader lives in the repository")
        .to_path_buf()
}

/// Held by the tests that must not share the machine with each other: the hostile cases (a
/// 200 MB flood must pass through its pipes within a test's deadline) and the autograder's
/// simulation (containers, and copies of a build folder). Without it, on two busy cores, a
/// flood could outlast its deadline because a simulation was copying its build folder.
#[allow(dead_code, reason = "used by the proofs binary only")]
pub fn one_heavy_test_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    HEAVY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Held by the tests that remove the libraries the type check reads from the shared build
/// folder (`type-check.json`, written by every build) and by those that need them there: a test
/// of what the type check says must not run while another has them removed.
#[allow(dead_code, reason = "used by the integration binary only")]
pub fn type_check_libraries() -> std::sync::MutexGuard<'static, ()> {
    static LIBRARIES: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LIBRARIES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `text` made new to the shared build folder (a comment with the time appended): graded and
/// built, not taken from the cache of verdicts.
#[allow(dead_code, reason = "used by the integration binary only")]
pub fn new_to_the_build(text: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_nanos();
    format!("{text}\n// saved at {now}\n")
}

/// Where every test's grader builds exercises. Shared, so that the exercises' dependencies
/// compile once for the whole test run; the grader's own lock keeps concurrent tests apart.
pub fn shared_build_dir() -> PathBuf {
    repo_root().join("target").join("threadlings-tests")
}

/// The grader binary, run with a shared build folder.
pub fn grader_in(course_file: &Path) -> Command {
    let mut command = Command::cargo_bin("grader").expect("cargo builds the grader for its tests");
    command
        .arg("--course")
        .arg(course_file)
        .env("THREADLINGS_BUILD_DIR", shared_build_dir())
        .env_remove("CARGO_TARGET_DIR");
    command
}

/// A copy of the course in a temporary folder: course.yaml, exercises, solutions, and the
/// lesson folders course.yaml names.
pub struct ScratchCourse {
    dir: tempfile::TempDir,
}

impl ScratchCourse {
    /// Copies the repository's course.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = repo_root();
        for file in ["course.yaml", "Cargo.lock", "rust-toolchain.toml"] {
            std::fs::copy(root.join(file), dir.path().join(file)).expect("copy a course file");
        }
        for folder in ["exercises", "solutions"] {
            copy_tree(&root.join(folder), &dir.path().join(folder));
        }
        for lesson in std::fs::read_dir(root.join("crates"))
            .expect("crates/")
            .flatten()
        {
            std::fs::create_dir_all(dir.path().join("crates").join(lesson.file_name()))
                .expect("a lesson folder");
        }
        ScratchCourse { dir }
    }

    /// A copy of the course committed to a git repository of its own, as a learner's clone is
    /// (`reset` finds stubs in that history).
    pub fn committed() -> Self {
        let course = ScratchCourse::new();
        course.git(&["init", "--quiet"]);
        course.git(&["add", "."]);
        course.git(&["commit", "--quiet", "-m", "The course"]);
        course
    }

    /// Runs git in the course's folder, as an author whose settings are the test's own.
    pub fn git(&self, args: &[&str]) {
        let output = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=Course Author",
                "-c",
                "user.email=author@example.org",
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {:?}", text(&output));
    }

    /// A course with the given course.yaml and only the exercises (and solutions) of the given
    /// stems, such as `03_locks/01_counter`.
    pub fn with_course(course_yaml: &str, stems: &[&str]) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = repo_root();
        for file in ["Cargo.lock", "rust-toolchain.toml"] {
            std::fs::copy(root.join(file), dir.path().join(file)).expect("copy a course file");
        }
        std::fs::write(dir.path().join("course.yaml"), course_yaml).expect("write course.yaml");
        for stem in stems {
            for folder in ["exercises", "solutions"] {
                let to = dir.path().join(folder).join(format!("{stem}.rs"));
                std::fs::create_dir_all(to.parent().expect("a parent")).expect("a folder");
                std::fs::copy(root.join(folder).join(format!("{stem}.rs")), to)
                    .expect("copy an exercise file");
            }
        }
        for lesson in std::fs::read_dir(root.join("crates"))
            .expect("crates/")
            .flatten()
        {
            std::fs::create_dir_all(dir.path().join("crates").join(lesson.file_name()))
                .expect("a lesson folder");
        }
        ScratchCourse { dir }
    }

    /// The copy's root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The grader, pointed at this copy.
    pub fn grader(&self) -> Command {
        let mut command = grader_in(&self.root().join("course.yaml"));
        command.current_dir(self.root());
        command
    }

    /// The grader as a plain `std::process::Command`, for tests that need the child process
    /// (and may [`processes::interrupt`] it).
    pub fn std_grader(&self) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("grader"));
        command
            .arg("--course")
            .arg(self.root().join("course.yaml"))
            .env("THREADLINGS_BUILD_DIR", shared_build_dir())
            .env_remove("CARGO_TARGET_DIR")
            .current_dir(self.root());
        processes::may_be_interrupted(&mut command);
        command
    }

    /// Replaces a file of the copy.
    pub fn write(&self, relative: &str, contents: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(path, contents).expect("write a course file");
    }

    /// Reads a file of the copy.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root().join(relative)).expect("read a course file")
    }

    /// Copies the reference solution of every exercise whose path starts with `prefix` over
    /// the exercise.
    pub fn solve(&self, prefix: &str) {
        let solutions = self.root().join("solutions");
        for file in files_below(&solutions) {
            let relative = file.strip_prefix(&solutions).expect("below solutions");
            let relative = relative.to_string_lossy();
            if relative.starts_with(prefix) {
                std::fs::copy(&file, self.root().join("exercises").join(&*relative))
                    .expect("copy a solution");
            }
        }
    }

    /// Makes every exercise whose path starts with `prefix` hang: each `todo!(…)` of its stub
    /// becomes an endless sleep, the worst submission there is for the time a check takes
    /// (every test runs until its deadline, asleep, and never fails by itself). A sleep, not a
    /// `park()`: a thread parked for good with nothing left to wake it is a deadlock, which the
    /// grader reports at once.
    #[allow(dead_code, reason = "used by the proofs binary only")]
    pub fn hang(&self, prefix: &str) {
        let exercises = self.root().join("exercises");
        for file in files_below(&exercises) {
            let relative = file.strip_prefix(&exercises).expect("below exercises");
            if !relative.to_string_lossy().starts_with(prefix)
                || file.extension().is_none_or(|ext| ext != "rs")
            {
                continue;
            }
            let stub = std::fs::read_to_string(&file).expect("read a stub");
            std::fs::write(&file, hanging(&stub)).expect("write a hanging file");
        }
    }

    /// Replaces the text `from` with `to` in course.yaml.
    pub fn edit_course(&self, from: &str, to: &str) {
        let course = self.read("course.yaml");
        assert!(course.contains(from), "course.yaml has no `{from}`");
        self.write("course.yaml", &course.replacen(from, to, 1));
    }
}

/// `stub` with every `todo!(…)` replaced by an endless sleep.
#[allow(dead_code, reason = "used by the proofs binary only")]
pub fn hanging(stub: &str) -> String {
    let mut out = String::new();
    let mut rest = stub;
    while let Some(at) = rest.find("todo!(") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "todo!(".len()..];
        let close = after.find(')').expect("a todo! closes on its line");
        out.push_str("loop { std::thread::sleep(std::time::Duration::from_secs(3600)) }");
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    assert_ne!(out, stub, "the stub has a todo!()");
    out
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_below(&path));
        } else {
            found.push(path);
        }
    }
    found
}

pub fn copy_tree(from: &Path, to: &Path) {
    for file in files_below(from) {
        let target = to.join(file.strip_prefix(from).expect("below from"));
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("a folder");
        std::fs::copy(&file, &target).expect("copy a file");
    }
}

/// Standard output and error of a finished command, as text.
pub fn text(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Replaces the scratch folder's path, which changes from run to run, in grader output.
/// Durations are redacted by the snapshot macros' filters.
pub fn redact(text: &str, course: &ScratchCourse) -> String {
    text.replace(&*course.root().to_string_lossy(), "[COURSE]")
}

/// Pins `text` as a snapshot, with durations redacted.
#[macro_export]
macro_rules! assert_grader_snapshot {
    ($name:expr, $text:expr) => {
        insta::with_settings!({
            filters => vec![
                (r#""duration_ms": \d+"#, r#""duration_ms": "[DURATION]""#),
                // How many threads had panicked when a test failed depends on timing.
                (r"panicked in (\d+ threads|an unnamed thread)", "panicked in [THREADS]"),
            ],
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}

fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Runs `grader <args>` with its standard input, output and error on a pseudo-terminal (made by
/// `script`, from util-linux, on every Debian system), with `NO_COLOR` set as given and `input`
/// typed at the keyboard. Returns the exit status and everything the terminal showed.
pub fn run_in_terminal(
    course: &ScratchCourse,
    args: &[&str],
    no_color: Option<&str>,
    input: &str,
) -> (i32, String) {
    use std::io::Write as _;

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
    let line: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
    let mut command = std::process::Command::new("script");
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
        .current_dir(course.root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let mut child = command.spawn().expect("script (util-linux) runs");
    let mut stdin = child.stdin.take().expect("piped");
    stdin.write_all(input.as_bytes()).expect("type the input");
    drop(stdin);
    let output = child.wait_with_output().expect("script ends");
    let (stdout, stderr) = text(&output);
    assert!(stderr.is_empty(), "script complained: {stderr}");
    (output.status.code().unwrap_or(-1), stdout)
}

/// The machine's processes, seen and signalled through the system's own commands, so that no
/// test calls into the operating system itself: `ps` and `kill` on Linux and macOS. Windows has
/// neither: there, PowerShell lists processes, and Ctrl-C is a console event that only the
/// system call `GenerateConsoleCtrlEvent` sends, which is the one call into the OS of these
/// tests, here and only on Windows.
pub mod processes {
    use std::process::{Child, Command};

    /// A live process.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Process {
        /// Its id.
        pub pid: u32,
        /// Its parent's id.
        pub parent: u32,
        /// Its command line.
        pub command: String,
    }

    /// Every live process (a zombie's command line is not its own; it is not listed).
    #[cfg(unix)]
    pub fn list() -> Vec<Process> {
        let listed = Command::new("ps")
            .args(["-A", "-o", "pid=", "-o", "ppid=", "-o", "args="])
            .output()
            .expect("ps lists processes");
        parse(&String::from_utf8_lossy(&listed.stdout))
    }

    /// Every live process.
    #[cfg(windows)]
    pub fn list() -> Vec<Process> {
        let listed = Command::new("powershell")
            .args([
                "-NoProfile",
                "-Command",
                "Get-CimInstance Win32_Process | ForEach-Object { \"$($_.ProcessId) $($_.ParentProcessId) $($_.CommandLine)\" }",
            ])
            .output()
            .expect("PowerShell lists processes");
        parse(&String::from_utf8_lossy(&listed.stdout))
    }

    fn parse(listing: &str) -> Vec<Process> {
        listing
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let pid = words.next()?.parse().ok()?;
                let parent = words.next()?.parse().ok()?;
                let command = words.collect::<Vec<_>>().join(" ");
                Some(Process {
                    pid,
                    parent,
                    command,
                })
            })
            .filter(|process| !process.command.ends_with("<defunct>"))
            .collect()
    }

    /// Prepares `command` so that [`interrupt`] can reach it: nothing on unix; on Windows a
    /// console process group of its own, the only target a console event can have apart from
    /// every process of the console (the test runner too).
    pub fn may_be_interrupted(command: &mut Command) {
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt as _;
            /// `CREATE_NEW_PROCESS_GROUP`.
            const NEW_PROCESS_GROUP: u32 = 0x200;
            command.creation_flags(NEW_PROCESS_GROUP);
        }
        #[cfg(unix)]
        let _ = command;
    }

    /// Presses Ctrl-C for `child`: SIGINT on unix, Ctrl-Break on Windows (a process group
    /// started by [`may_be_interrupted`] ignores Ctrl-C itself; the grader treats both alike).
    pub fn interrupt(child: &Child) {
        #[cfg(unix)]
        {
            let sent = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .expect("kill runs");
            assert!(sent.success(), "kill -INT {} failed", child.id());
        }
        #[cfg(windows)]
        {
            use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, GenerateConsoleCtrlEvent};
            // SAFETY: GenerateConsoleCtrlEvent takes plain values; the group is the child's own.
            let sent = unsafe { GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, child.id()) };
            assert!(sent != 0, "Ctrl-Break could not be sent to {}", child.id());
        }
    }
}

/// The fields Gradescope reads, with their types.
pub fn check_schema(results: &serde_json::Value) {
    assert!(results["score"].is_u64(), "{results}");
    assert!(results["execution_time"].is_u64(), "{results}");
    assert!(results["output"].is_string(), "{results}");
    for test in results["tests"].as_array().expect("tests") {
        assert!(test["name"].is_string(), "{test}");
        assert!(
            test["score"].is_u64() && test["max_score"].is_u64(),
            "{test}"
        );
        assert!(["passed", "failed"].contains(&test["status"].as_str().expect("status")));
        assert!(test["output"].is_string(), "{test}");
        assert!(
            ["visible", "hidden", "after_due_date", "after_published"]
                .contains(&test["visibility"].as_str().expect("visibility")),
            "{test}"
        );
    }
}

/// cargo, as the test run's own (`$CARGO`) when there is one.
pub fn cargo() -> std::process::Command {
    std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The exercise paths course.yaml lists, in order.
pub fn exercise_paths(course_yaml: &str) -> Vec<String> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(course_yaml).expect("course.yaml is YAML");
    yaml["sections"]
        .as_sequence()
        .expect("sections")
        .iter()
        .flat_map(|s| s["exercises"].as_sequence().cloned().unwrap_or_default())
        .map(|e| e["path"].as_str().expect("a path").to_owned())
        .collect()
}

/// The build folder of the tests that run `grader flycheck`, kept between runs: the grader's
/// lock on the shared one may be held for minutes by a `verify` test, which rust-analyzer's
/// deadline would count.
pub fn editor_build_dir() -> PathBuf {
    repo_root().join("target").join("threadlings-tests-editor")
}

/// The stub of the course's first exercise with a use of a moved value at its end: a
/// borrow-checker error (E0382) that only rustc reports, never rust-analyzer's own diagnostics.
/// Returns the exercise's path, the stub, the broken file and the 0-based line of the error.
pub fn moved_value(course: &ScratchCourse) -> (String, String, String, usize) {
    let path = exercise_paths(&course.read("course.yaml"))
        .into_iter()
        .next()
        .expect("an exercise");
    let stub = course.read(&path);
    let broken = format!(
        "{stub}\npub fn moved_twice() -> usize {{\n    let words = vec![String::from(\"a\")];\n    \
         drop(words);\n    words.len()\n}}\n"
    );
    let error_line = stub.lines().count() + 4;
    assert_eq!(
        broken.lines().nth(error_line).map(str::trim),
        Some("words.len()")
    );
    (path, stub, broken, error_line)
}

/// The id of the exercise at `path`, from course.yaml.
pub fn exercise_id(course_yaml: &str, path: &str) -> String {
    let yaml: serde_yaml::Value = serde_yaml::from_str(course_yaml).expect("course.yaml is YAML");
    for section in yaml["sections"].as_sequence().expect("sections") {
        for exercise in section["exercises"].as_sequence().into_iter().flatten() {
            if exercise["path"].as_str() == Some(path) {
                return format!(
                    "{}/{}",
                    section["id"].as_str().expect("a section id"),
                    exercise["id"].as_str().expect("an exercise id")
                );
            }
        }
    }
    panic!("no exercise has the path {path}");
}
