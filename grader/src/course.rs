//! course.yaml: the serde model of the course and the one way to load it.
//!
//! The model refuses unknown fields, so a misspelt key is an error with its line rather than a
//! setting silently ignored. Checks that span fields (unique ids, files that exist) live in
//! [`validate`].

mod locate;
mod validate;

pub use validate::Problem;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{CourseError, GraderError};

/// The one format of course.yaml this grader reads.
pub const FORMAT_VERSION: u32 = 1;

/// Seconds a hidden test may run when neither the exercise nor the course says.
const DEFAULT_TIMEOUT_SECS: u64 = 10;
/// Points of an exercise when neither the exercise nor the course says.
const DEFAULT_POINTS: u32 = 10;
/// Seconds a check of the whole course may take when course.yaml does not say: 8 minutes, under
/// Gradescope's default limit of 10 for a whole autograder run, with room for the build.
pub const DEFAULT_BUDGET_SECS: u64 = 8 * 60;

/// course.yaml as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    /// The version of this format; must be 1.
    pub format_version: u32,
    /// The course's title, shown in reports.
    pub title: String,
    /// Seconds one `check` may take in all, from its start to its last verdict (8 minutes
    /// unless set): the grader plans every exercise's tests to fit, and reports the tests it
    /// had no time left for as not run.
    pub budget: Option<u64>,
    /// Course-wide defaults for the exercises.
    #[serde(default)]
    pub defaults: Defaults,
    /// The sections, in the order a learner takes them.
    pub sections: Vec<Section>,
}

/// Course-wide defaults for every exercise that does not set its own.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Seconds one hidden test may run before it is stopped.
    pub timeout: Option<u64>,
    /// Points of an exercise.
    pub points: Option<u32>,
    /// When sections open, for sections that do not say.
    pub release: Option<CourseDate>,
    /// When sections are due, for sections that do not say.
    pub due: Option<CourseDate>,
    /// Who sees each hidden check's result on Gradescope, for exercises that do not say;
    /// `after_due_date` unless set.
    pub visibility: Option<Visibility>,
}

/// A date in course.yaml: `2026-12-01` (midnight UTC) or an RFC 3339 time such as
/// `2026-12-01T09:00:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CourseDate(pub SystemTime);

impl<'de> Deserialize<'de> for CourseDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CourseDate::parse(&text).ok_or_else(|| serde::de::Error::custom(Problem::NotADate(text)))
    }
}

impl CourseDate {
    /// Parses `2026-12-01` or an RFC 3339 time, in UTC (`Z`) or with an offset (`-08:00`, as
    /// Gradescope writes `created_at`), fractions of a second allowed.
    pub fn parse(text: &str) -> Option<CourseDate> {
        let text = text.trim();
        if text.len() == 10 {
            return humantime::parse_rfc3339_weak(&format!("{text}T00:00:00Z"))
                .ok()
                .map(CourseDate);
        }
        // An offset `±HH:MM` at the end: the time is read as UTC, then moved by it.
        let bytes = text.as_bytes();
        let n = bytes.len();
        if n > 16 && matches!(bytes[n - 6], b'+' | b'-') && bytes[n - 3] == b':' {
            let hours: u64 = text.get(n - 5..n - 3)?.parse().ok()?;
            let minutes: u64 = text.get(n - 2..)?.parse().ok()?;
            let offset = Duration::from_secs(hours * 3600 + minutes * 60);
            let local = humantime::parse_rfc3339_weak(&format!("{}Z", &text[..n - 6])).ok()?;
            // 10:00-08:00 is 18:00 UTC.
            let utc = if bytes[n - 6] == b'-' {
                local.checked_add(offset)?
            } else {
                local.checked_sub(offset)?
            };
            return Some(CourseDate(utc));
        }
        humantime::parse_rfc3339_weak(text).ok().map(CourseDate)
    }

    /// The date as RFC 3339, to the second.
    pub fn display(self) -> String {
        humantime::format_rfc3339_seconds(self.0).to_string()
    }
}

/// Who sees a check's result on Gradescope; the names are Gradescope's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Always shown to the learner.
    Visible,
    /// Never shown to the learner.
    Hidden,
    /// Shown once the due date has passed.
    AfterDueDate,
    /// Shown once the instructor publishes grades.
    AfterPublished,
}

/// One section: a lesson and its exercises.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What `grader check <id>` names: lowercase letters, digits and `_`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// The lesson crate, relative to the course root (`crates/locks`).
    pub lesson: PathBuf,
    /// When the section opens; before then `grader check` grades none of it.
    pub release: Option<CourseDate>,
    /// When the section is due; a first pass after it is reported as late.
    pub due: Option<CourseDate>,
    /// The exercises, in order.
    pub exercises: Vec<ExerciseEntry>,
}

/// One exercise as course.yaml lists it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseEntry {
    /// The exercise's id within its section: lowercase letters, digits and `_`.
    pub id: String,
    /// The file the learner edits, relative to the course root, under `exercises/`. Its solution
    /// is the same path under `solutions/`; its hidden tests are under `grader/hidden/`.
    pub path: String,
    /// Points for passing it.
    pub points: Option<u32>,
    /// Seconds one of its hidden tests may run.
    pub timeout: Option<u64>,
    /// Who sees each of its hidden checks' results on Gradescope.
    pub visibility: Option<Visibility>,
    /// About how many minutes a learner needs, from reading the stub to passing (INSTRUCTORS.md
    /// says how the course's estimates were made). Kept as YAML here so that anything but a
    /// positive whole number is refused by [`validate`] with the exercise's name, not by serde
    /// with a field path.
    pub minutes: Option<serde_yaml::Value>,
    /// A nudge for a learner who is stuck.
    pub hint: String,
}

/// The loaded, validated course with every default applied.
#[derive(Debug)]
pub struct Course {
    /// The folder holding course.yaml: every path is relative to it.
    pub root: PathBuf,
    /// The course's title.
    pub title: String,
    /// How long one `check` may take in all.
    pub budget: Duration,
    /// The sections in order.
    pub sections: Vec<SectionInfo>,
}

/// A section of the loaded course.
#[derive(Debug)]
pub struct SectionInfo {
    /// The section id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// When it opens, if the course says.
    pub release: Option<CourseDate>,
    /// When it is due, if the course says.
    pub due: Option<CourseDate>,
    /// Its exercises in order.
    pub exercises: Vec<Exercise>,
}

/// An exercise of the loaded course, with defaults applied.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// `section/exercise`.
    pub id: String,
    /// The section's id.
    pub section: String,
    /// The path of the learner's file relative to the root, with `/` separators.
    pub path: String,
    /// Points for passing.
    pub points: u32,
    /// How long one hidden test may run.
    pub timeout: Duration,
    /// Who sees its hidden checks' results on Gradescope.
    pub visibility: Visibility,
    /// About how many minutes a learner needs, if the course says.
    pub minutes: Option<u32>,
    /// The hint.
    pub hint: String,
}

impl Exercise {
    /// The path relative to `exercises/` without `.rs`: `03_locks/01_counter`. The solution and
    /// the hidden tests are found through it.
    pub fn stem(&self) -> &str {
        self.path
            .strip_prefix("exercises/")
            .and_then(|rest| rest.strip_suffix(".rs"))
            .expect("validated when the course was loaded")
    }

    /// The learner's file.
    pub fn exercise_file(&self, root: &Path) -> PathBuf {
        root.join(&self.path)
    }

    /// The reference solution.
    pub fn solution_file(&self, root: &Path) -> PathBuf {
        root.join("solutions").join(format!("{}.rs", self.stem()))
    }
}

impl Course {
    /// Finds course.yaml (given, or in `start` or the nearest folder above) and loads it.
    pub fn discover(given: Option<&Path>, start: &Path) -> Result<Course, CourseError> {
        let file = match given {
            Some(path) => path.to_path_buf(),
            None => start
                .ancestors()
                .map(|dir| dir.join("course.yaml"))
                .find(|candidate| candidate.is_file())
                .ok_or_else(|| CourseError::NotFound {
                    searched_from: start.to_path_buf(),
                })?,
        };
        Course::load(&file)
    }

    /// Reads, parses and validates a course file.
    pub fn load(file: &Path) -> Result<Course, CourseError> {
        let source = std::fs::read_to_string(file).map_err(|source| CourseError::Unreadable {
            path: file.to_path_buf(),
            source,
        })?;
        let root = file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        let parsed: CourseFile =
            serde_yaml::from_str(&source).map_err(|error| parse_error(file, &error))?;
        validate::validate(&parsed, &source, file, &root)?;
        Ok(Course::from_file(parsed, root))
    }

    fn from_file(parsed: CourseFile, root: PathBuf) -> Course {
        let default_timeout = parsed.defaults.timeout.unwrap_or(DEFAULT_TIMEOUT_SECS);
        let default_points = parsed.defaults.points.unwrap_or(DEFAULT_POINTS);
        let default_visibility = parsed
            .defaults
            .visibility
            .unwrap_or(Visibility::AfterDueDate);
        let (default_release, default_due) = (parsed.defaults.release, parsed.defaults.due);
        let sections = parsed
            .sections
            .into_iter()
            .map(|section| SectionInfo {
                exercises: section
                    .exercises
                    .into_iter()
                    .map(|entry| Exercise {
                        id: format!("{}/{}", section.id, entry.id),
                        section: section.id.clone(),
                        path: entry.path,
                        points: entry.points.unwrap_or(default_points),
                        timeout: Duration::from_secs(entry.timeout.unwrap_or(default_timeout)),
                        visibility: entry.visibility.unwrap_or(default_visibility),
                        minutes: entry.minutes.as_ref().and_then(validate::minutes),
                        hint: entry.hint.trim_end().to_owned(),
                    })
                    .collect(),
                id: section.id,
                title: section.title,
                release: section.release.or(default_release),
                due: section.due.or(default_due),
            })
            .collect();
        Course {
            root,
            title: parsed.title,
            budget: Duration::from_secs(parsed.budget.unwrap_or(DEFAULT_BUDGET_SECS)),
            sections,
        }
    }

    /// The section an exercise belongs to.
    pub fn section_of(&self, exercise: &Exercise) -> &SectionInfo {
        self.sections
            .iter()
            .find(|s| s.id == exercise.section)
            .expect("every exercise belongs to a section")
    }

    /// Every exercise in course order.
    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.sections.iter().flat_map(|s| s.exercises.iter())
    }

    /// The exercises a command's target names, in course order: every exercise when there is
    /// no target, a section's, or one exercise (`section/exercise`).
    pub fn selected(&self, target: Option<&str>) -> Result<Vec<&Exercise>, GraderError> {
        let Some(target) = target else {
            return Ok(self.exercises().collect());
        };
        let exercises = if let Some(section) = self.sections.iter().find(|s| s.id == target) {
            section.exercises.iter().collect()
        } else {
            let exercise = self.exercises().find(|e| e.id == target).ok_or_else(|| {
                GraderError::NoSuchTarget {
                    target: target.to_owned(),
                    sections: self
                        .sections
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })?;
            vec![exercise]
        };
        if exercises.is_empty() {
            return Err(GraderError::EmptySection(target.to_owned()));
        }
        Ok(exercises)
    }

    /// The exercise a command names by full id, or by its short id when only one section has
    /// it.
    pub fn exercise(&self, id: &str) -> Result<&Exercise, GraderError> {
        if let Some(exercise) = self.exercises().find(|e| e.id == id) {
            return Ok(exercise);
        }
        let mut by_short = self
            .exercises()
            .filter(|e| e.id.rsplit('/').next() == Some(id));
        match (by_short.next(), by_short.next()) {
            (Some(only), None) => Ok(only),
            _ => Err(GraderError::NoSuchExercise(id.to_owned())),
        }
    }
}

/// The submission's time, once an autograder's metadata gave it ([`judge_at`]).
static SUBMITTED_AT: std::sync::OnceLock<SystemTime> = std::sync::OnceLock::new();

/// From now on, releases and due dates are judged against `time`: when the submission was made,
/// so that a regrade next week does not make an on-time submission late.
pub fn judge_at(time: SystemTime) {
    let _ = SUBMITTED_AT.set(time);
}

/// The submission's time, if an autograder's metadata gave one.
pub fn submitted_at() -> Option<SystemTime> {
    SUBMITTED_AT.get().copied()
}

/// The time releases and due dates are compared with: the submission's ([`judge_at`]), or now,
/// or `THREADLINGS_NOW` (a date as course.yaml writes them) so that an instructor can preview
/// the course on another day.
pub fn now() -> SystemTime {
    if let Some(at) = SUBMITTED_AT.get() {
        return *at;
    }
    std::env::var("THREADLINGS_NOW")
        .ok()
        .and_then(|text| CourseDate::parse(&text))
        .map_or_else(SystemTime::now, |date| date.0)
}

/// Turns serde_yaml's message into "file:line: problem" without repeating the position.
fn parse_error(file: &Path, error: &serde_yaml::Error) -> CourseError {
    let line = error.location().map(|l| l.line());
    // serde_yaml ends its message with the position the line number already gives; a position
    // inside the message ("while scanning a quoted scalar at line 7") stays.
    let mut message = error.to_string();
    if let Some(location) = error.location() {
        let suffix = format!(" at line {} column {}", location.line(), location.column());
        if message.ends_with(&suffix) {
            message.truncate(message.len() - suffix.len());
        }
    }
    CourseError::Invalid {
        path: file.to_path_buf(),
        line,
        message,
    }
}
