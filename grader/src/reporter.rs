//! The reporters of `grader check`: one per output format (human text, JSON, Gradescope,
//! PrairieLearn, JUnit), each fed the same events as grading goes (it started, an exercise was
//! graded, it finished, it failed), the way nextest's reporters are.
//!
//! A reporter decides everything about its output: whether it streams verdicts as they come
//! (human text on a terminal or a pipe) or writes once at the end, whether it rewrites its file
//! after each exercise (the machine formats, so that a grader stopped by the platform's own time
//! limit still leaves what it had graded), and what it writes when grading fails (Gradescope and
//! PrairieLearn: results that say why, never "no results"). How each line reads is
//! [`crate::output`]'s and [`crate::formats`]'s business.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cli::Format;
use crate::course::{Course, Exercise};
use crate::error::{GraderError, Result};
use crate::files::write_atomically;
use crate::formats;
use crate::output;
use crate::progress::sha256_hex;
use crate::progress_bar::GradingProgress;
use crate::verdict::{ExerciseResult, NotReleased, Report};

/// What every event of a check's run can see.
pub struct Run<'a> {
    /// The course graded.
    pub course: &'a Course,
    /// The exercises to grade (released ones only), in course order.
    pub exercises: &'a [&'a Exercise],
    /// The sections named but not open yet.
    pub not_released: &'a [NotReleased],
    /// When the run started.
    pub started: Instant,
    /// The submission's time, as the autograder's metadata wrote it.
    pub submitted_at: Option<&'a str>,
    /// The progress bar, which text printed while grading must go around.
    pub bar: &'a GradingProgress,
}

impl Run<'_> {
    /// The notes on sections not open yet, one line each.
    fn notes(&self) -> Vec<String> {
        self.not_released
            .iter()
            .map(|n| output::not_released(self.course, n))
            .collect()
    }
}

/// One output format of `check`, fed the events of a run.
pub trait Reporter {
    /// Grading is about to start (it may have nothing to grade).
    fn started(&mut self, run: &Run) -> Result<()>;
    /// One more exercise is graded; `graded` holds every verdict so far, in course order.
    fn graded(&mut self, run: &Run, graded: &[ExerciseResult]) -> Result<()>;
    /// Every exercise is graded.
    fn finished(&mut self, run: &Run, results: &[ExerciseResult]) -> Result<()>;
    /// The run could not finish (or start): `problem` says why, `elapsed` after how long. The
    /// error itself is printed on standard error by `main`.
    fn failed(&mut self, problem: &str, elapsed: Duration);
}

/// The reporter of `format`, writing to `file`, or to standard output when there is none.
pub fn new(format: Format, file: Option<&Path>) -> Box<dyn Reporter> {
    let file = file.map(Path::to_path_buf);
    match format {
        Format::Human => Box::new(Human { file }),
        Format::Json => Box::new(Json { file }),
        Format::Gradescope => Box::new(Gradescope { file }),
        Format::Prairielearn => Box::new(Prairielearn { file }),
        Format::Junit => Box::new(Junit { file }),
    }
}

/// Writes `text` to `file`, or to standard output.
fn emit(text: &str, file: Option<&Path>) -> Result<()> {
    match file {
        Some(path) => write_atomically(path, text.as_bytes())
            .map_err(|e| GraderError::io(format!("write {}", path.display()), e)),
        None => {
            output::print_now(text);
            Ok(())
        }
    }
}

/// The verdicts so far, and the exercises still to grade as not graded yet: what a machine
/// format's file holds while grading goes on.
fn so_far(run: &Run, graded: &[ExerciseResult]) -> Vec<ExerciseResult> {
    let mut results = graded.to_vec();
    for exercise in &run.exercises[graded.len().min(run.exercises.len())..] {
        results.push(ExerciseResult::not_run(
            exercise.id.clone(),
            exercise.path.clone(),
            exercise.points,
            output::not_graded_yet(),
        ));
    }
    results
}

/// Rewrites a machine format's file (never standard output) with the verdicts so far.
fn write_partial(file: Option<&Path>, text: impl FnOnce() -> String) {
    if let Some(path) = file {
        // Best effort: the final write reports a failure to write.
        let _ = write_atomically(path, text().as_bytes());
    }
}

/// Text for people: verdicts streamed to standard output as each exercise is graded, or, with
/// `--output`, the whole report written to the file at the end.
struct Human {
    file: Option<PathBuf>,
}

impl Reporter for Human {
    fn started(&mut self, run: &Run) -> Result<()> {
        if self.file.is_none() {
            for note in run.notes() {
                output::print_now(&format!("{note}\n"));
            }
        }
        Ok(())
    }

    fn graded(&mut self, run: &Run, graded: &[ExerciseResult]) -> Result<()> {
        if self.file.is_some() {
            return Ok(());
        }
        let Some((result, before)) = graded.split_last() else {
            return Ok(());
        };
        let section = section_of(result);
        let mut text = String::new();
        if before.last().map(section_of) != Some(section) {
            if !before.is_empty() {
                text.push('\n');
            }
            text.push_str(&output::section_heading(run.course, section));
        }
        text.push_str(&output::exercise_report(result));
        run.bar.print(&text);
        Ok(())
    }

    fn finished(&mut self, run: &Run, results: &[ExerciseResult]) -> Result<()> {
        match &self.file {
            None if results.is_empty() => Ok(()),
            None => {
                output::print_now(&output::check_summary(run.course, results));
                Ok(())
            }
            Some(file) => {
                let mut text: String = run.notes().iter().map(|n| format!("{n}\n")).collect();
                if !results.is_empty() {
                    let mut section = "";
                    for result in results {
                        if section_of(result) != section {
                            section = section_of(result);
                            text.push_str(&output::section_heading(run.course, section));
                        }
                        text.push_str(&output::exercise_report(result));
                    }
                    text.push_str(&output::check_summary(run.course, results));
                }
                emit(&text, Some(file))
            }
        }
    }

    fn failed(&mut self, _problem: &str, _elapsed: Duration) {}
}

/// The section id of a verdict's exercise.
fn section_of(result: &ExerciseResult) -> &str {
    result.id.split('/').next().unwrap_or_default()
}

/// A machine-readable format: rendered whole from the verdicts so far, and rewritten into its
/// file after every exercise, so that a grader stopped by the platform's own time limit still
/// leaves what it had graded. Each one is a [`Reporter`] through the implementation below.
trait ResultsFormat {
    /// The file it writes, or `None` for standard output (written once, at the end).
    fn file(&self) -> Option<&Path>;
    /// The whole output for `results`.
    fn render(run: &Run, results: &[ExerciseResult]) -> String;
    /// The output written when grading fails, if the format has one.
    fn failure(_problem: &str, _elapsed: Duration) -> Option<String> {
        None
    }
}

impl<F: ResultsFormat> Reporter for F {
    fn started(&mut self, run: &Run) -> Result<()> {
        self.graded(run, &[])
    }

    fn graded(&mut self, run: &Run, graded: &[ExerciseResult]) -> Result<()> {
        write_partial(self.file(), || F::render(run, &so_far(run, graded)));
        Ok(())
    }

    fn finished(&mut self, run: &Run, results: &[ExerciseResult]) -> Result<()> {
        emit(&F::render(run, results), self.file())
    }

    fn failed(&mut self, problem: &str, elapsed: Duration) {
        if let Some(text) = F::failure(problem, elapsed) {
            let _ = emit(&text, self.file());
        }
    }
}

/// A value as pretty JSON, ending its last line.
fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("results serialise") + "\n"
}

/// The grader's own JSON (`verdict::Report`).
struct Json {
    file: Option<PathBuf>,
}

impl ResultsFormat for Json {
    fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn render(run: &Run, results: &[ExerciseResult]) -> String {
        json(&Report {
            course: &run.course.title,
            points: results.iter().map(|r| r.points).sum(),
            max_points: results.iter().map(|r| r.max_points).sum(),
            exercises: results,
            not_released: run.not_released,
        })
    }
}

/// Gradescope's `results.json`.
struct Gradescope {
    file: Option<PathBuf>,
}

impl ResultsFormat for Gradescope {
    fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn render(run: &Run, results: &[ExerciseResult]) -> String {
        let context = formats::gradescope::Context {
            course: run.course,
            seconds: run.started.elapsed().as_secs(),
            notes: &run.notes(),
            course_sha256: std::fs::read(run.course.root.join("course.yaml"))
                .map(|bytes| sha256_hex(&bytes))
                .unwrap_or_default(),
            submitted_at: run.submitted_at.map(str::to_owned),
        };
        json(&formats::gradescope::results(&context, results))
    }

    fn failure(problem: &str, elapsed: Duration) -> Option<String> {
        Some(json(&formats::gradescope::failure(
            problem,
            elapsed.as_secs(),
        )))
    }
}

/// A PrairieLearn external grader's `results.json`.
struct Prairielearn {
    file: Option<PathBuf>,
}

impl ResultsFormat for Prairielearn {
    fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn render(run: &Run, results: &[ExerciseResult]) -> String {
        json(&formats::prairielearn::results(
            run.course,
            results,
            &run.notes(),
        ))
    }

    fn failure(problem: &str, _elapsed: Duration) -> Option<String> {
        Some(json(&formats::prairielearn::failure(problem)))
    }
}

/// JUnit XML, for CI systems.
struct Junit {
    file: Option<PathBuf>,
}

impl ResultsFormat for Junit {
    fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn render(run: &Run, results: &[ExerciseResult]) -> String {
        formats::junit::render(&run.course.title, results)
    }
}
