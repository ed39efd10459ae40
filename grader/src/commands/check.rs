//! `grader check`: grade the learner's files and explain every failure.

use std::io::Write as _;

use crate::budget::{self, Budget};
use crate::cache::CacheEntry;
use crate::cli::Format;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::course::{self, Course, Exercise};
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::files::write_atomically;
use crate::formats;
use crate::grade::{self, Submission, Thoroughness};
use crate::output;
use crate::platform;
use crate::progress::{Progress, sha256_hex};
use crate::progress_bar::GradingProgress;
use crate::verdict::{ExerciseResult, NotReleased, Report};
use crate::workspace::BuildWorkspace;

/// Reads the submission's time from an autograder's metadata (`created_at`), and judges
/// releases and due dates against it from now on. Metadata without a time is said on standard
/// error and changes nothing: grading goes on.
pub fn submission_time(metadata: &Path) -> Option<String> {
    let found = std::fs::read(metadata)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            serde_json::from_slice::<serde_json::Value>(&bytes).map_err(|e| e.to_string())
        })
        .and_then(|json| {
            json["created_at"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| "no `created_at`".to_owned())
        })
        .and_then(|text| {
            let date = course::CourseDate::parse(&text)
                .ok_or_else(|| format!("`created_at` is not a time: {text}"))?;
            Ok((text, date))
        });
    match found {
        Ok((text, date)) => {
            course::judge_at(date.0);
            Some(text)
        }
        Err(problem) => {
            eprint!("{}", output::unreadable_metadata(metadata, &problem));
            None
        }
    }
}

/// Grades `target` (or every exercise), prints the verdicts and returns the exit status.
/// `submitted_at` is the submission's time as the platform wrote it, for the results.
pub fn run(
    course: &Course,
    target: Option<&str>,
    format: Format,
    output_file: Option<&Path>,
    submitted_at: Option<String>,
) -> Result<i32> {
    let started = Instant::now();
    let selected = select(course, target)?;
    let now = course::now();
    let (exercises, closed): (Vec<&Exercise>, Vec<&Exercise>) = selected
        .into_iter()
        .partition(|e| course.section_of(e).release.is_none_or(|r| r.0 <= now));
    let mut not_released: Vec<NotReleased> = Vec::new();
    for exercise in &closed {
        let section = course.section_of(exercise);
        if !not_released.iter().any(|n| n.section == section.id) {
            not_released.push(NotReleased {
                section: section.id.clone(),
                opens: section.release.map(|r| r.display()).unwrap_or_default(),
            });
        }
    }
    let notes: Vec<String> = not_released
        .iter()
        .map(|n| output::not_released(course, n))
        .collect();
    let streaming = format == Format::Human && output_file.is_none();
    if streaming {
        for note in &notes {
            print_now(&format!("{note}\n"));
        }
    }
    if exercises.is_empty() && format == Format::Human {
        if !streaming {
            emit(&format!("{}\n", notes.join("\n")), output_file)?;
        }
        return Ok(EXIT_PASSED);
    }
    let budget = Budget::starting(started, course.budget);
    let rendering = Rendering {
        course,
        format,
        not_released: &not_released,
        started,
        submitted_at: submitted_at.as_deref(),
    };
    // A machine-readable file is rewritten after every exercise, so that a grader stopped by the
    // platform (Gradescope's own time limit) still leaves what it had graded.
    let mut write_partial = |graded: &[ExerciseResult]| {
        let Some(path) = output_file.filter(|_| format != Format::Human) else {
            return;
        };
        let mut so_far = graded.to_vec();
        for exercise in &exercises[graded.len().min(exercises.len())..] {
            so_far.push(ExerciseResult::not_run(
                exercise.id.clone(),
                exercise.path.clone(),
                exercise.points,
                output::not_graded_yet(),
            ));
        }
        if let Some(text) = rendering.render(&so_far) {
            let _ = write_atomically(path, text.as_bytes());
        }
    };
    let results = if exercises.is_empty() {
        Vec::new()
    } else {
        write_partial(&[]);
        grade_and_record(course, &exercises, streaming, &budget, &mut write_partial)?
    };
    let text = if streaming {
        print_now(&output::check_summary(course, &results));
        None
    } else {
        rendering.render(&results)
    };
    if let Some(text) = text {
        emit(&text, output_file)?;
    }
    Ok(if results.iter().all(ExerciseResult::passed) {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

/// How a check's results are written, whatever they are.
struct Rendering<'a> {
    course: &'a Course,
    format: Format,
    /// The sections named but not open yet.
    not_released: &'a [NotReleased],
    started: Instant,
    /// The submission's time, as the autograder's metadata wrote it.
    submitted_at: Option<&'a str>,
}

impl Rendering<'_> {
    /// The results in the format, not streamed.
    fn render(&self, results: &[ExerciseResult]) -> Option<String> {
        let Rendering {
            course,
            format,
            not_released,
            started,
            submitted_at,
        } = *self;
        let notes: Vec<String> = not_released
            .iter()
            .map(|n| output::not_released(course, n))
            .collect();
        Some(match format {
            Format::Human => {
                let mut text = notes.iter().map(|n| format!("{n}\n")).collect::<String>();
                let mut section = "";
                for result in results {
                    let this_section = result.id.split('/').next().unwrap_or_default();
                    if this_section != section {
                        section = this_section;
                        text.push_str(&output::section_heading(course, section));
                    }
                    text.push_str(&output::exercise_report(result));
                }
                text.push_str(&output::check_summary(course, results));
                text
            }
            Format::Json => {
                let report = Report {
                    course: &course.title,
                    points: results.iter().map(|r| r.points).sum(),
                    max_points: results.iter().map(|r| r.max_points).sum(),
                    exercises: results,
                    not_released,
                };
                serde_json::to_string_pretty(&report).expect("the report serialises") + "\n"
            }
            Format::Gradescope => {
                let context = formats::gradescope::Context {
                    course,
                    seconds: started.elapsed().as_secs(),
                    notes: &notes,
                    course_sha256: std::fs::read(course.root.join("course.yaml"))
                        .map(|bytes| sha256_hex(&bytes))
                        .unwrap_or_default(),
                    submitted_at: submitted_at.map(str::to_owned),
                };
                let results = formats::gradescope::results(&context, results);
                serde_json::to_string_pretty(&results).expect("results serialise") + "\n"
            }
            Format::Prairielearn => {
                let results = formats::prairielearn::results(course, results, &notes);
                serde_json::to_string_pretty(&results).expect("results serialise") + "\n"
            }
            Format::Junit => formats::junit::render(&course.title, results),
        })
    }
}

/// `check ID --replay`: runs again the interleavings in which the exercise's model tests last
/// failed, and prints their verdicts.
pub fn replay(course: &Course, target: &str) -> Result<i32> {
    let selected = select(course, Some(target))?;
    let [exercise] = selected.as_slice() else {
        return Err(GraderError::Usage(output::replay_needs_one_exercise(
            target,
        )));
    };
    let workspace = BuildWorkspace::open(course)?;
    let file = exercise.exercise_file(&course.root);
    let bytes = std::fs::read(&file)
        .map_err(|e| GraderError::Usage(format!("cannot read {}: {e}", exercise.path)))?;
    let submissions = [Submission {
        exercise,
        variant: String::new(),
        bytes,
    }];
    let built = grade::build(&workspace, &submissions, None)?;
    let built = built.first().expect("one build per submission");
    match grade::replay(&workspace, built)? {
        grade::Replayed::Nothing => {
            print_now(&output::nothing_to_replay(exercise));
            Ok(EXIT_NOT_PASSED)
        }
        grade::Replayed::FileChanged => {
            print_now(&output::replay_file_changed(exercise));
            Ok(EXIT_NOT_PASSED)
        }
        grade::Replayed::Done(result) => {
            print_now(&output::exercise_report(&result));
            Ok(if result.passed() {
                EXIT_PASSED
            } else {
                EXIT_NOT_PASSED
            })
        }
    }
}

/// Grades the exercises (from the cache where their files have not changed) within `budget`,
/// printing each verdict as it comes when `streaming` and handing the verdicts so far to
/// `graded_so_far` after each exercise, and records the learner's progress.
pub fn grade_and_record(
    course: &Course,
    exercises: &[&Exercise],
    streaming: bool,
    budget: &Budget,
    graded_so_far: &mut dyn FnMut(&[ExerciseResult]),
) -> Result<Vec<ExerciseResult>> {
    let workspace = BuildWorkspace::open(course)?;
    // Verdicts of unchanged files come from the cache; the rest are built together.
    let mut submissions = Vec::new();
    let mut cache_entries = Vec::new();
    let mut cached = Vec::new();
    for exercise in exercises {
        let file = exercise.exercise_file(&course.root);
        let bytes = std::fs::read(&file)
            .map_err(|e| GraderError::Usage(format!("cannot read {}: {e}", exercise.path)))?;
        let entry = CacheEntry::new(&workspace, exercise, &bytes);
        cached.push(entry.load());
        cache_entries.push(entry);
        submissions.push(Submission {
            exercise,
            variant: String::new(),
            bytes,
        });
    }
    let to_build: Vec<Submission> = submissions
        .iter()
        .zip(&cached)
        .filter(|(_, cached)| cached.is_none())
        .map(|(submission, _)| Submission {
            exercise: submission.exercise,
            variant: String::new(),
            bytes: submission.bytes.clone(),
        })
        .collect();
    // Only a check of several exercises shows a bar, and only on a terminal.
    let bar = GradingProgress::new(exercises.len());
    if !to_build.is_empty() {
        bar.building(to_build.len());
    }
    let stopped_note = output::build_not_finished(budget.total());
    let built = grade::build(
        &workspace,
        &to_build,
        budget
            .build_deadline()
            .map(|at| (at, stopped_note.as_str())),
    )?;
    let mut built = built.iter();
    // What the exercises still to grade weigh, for sharing the budget among them.
    let mut weight_left: u32 = to_build
        .iter()
        .map(|submission| budget::weight(submission.exercise))
        .sum();

    let mut results = Vec::new();
    let mut graded = Vec::new();
    let mut section = "";
    for ((submission, cached), entry) in submissions.iter().zip(cached).zip(&cache_entries) {
        let exercise = submission.exercise;
        let result = match cached {
            Some(result) => result,
            None => {
                bar.grading(&exercise.id);
                let built = built.next().expect("one build per uncached exercise");
                let weight = budget::weight(exercise);
                weight_left -= weight;
                if budget.spent() {
                    ExerciseResult::not_run(
                        exercise.id.clone(),
                        exercise.path.clone(),
                        exercise.points,
                        output::exercise_not_run(budget.total()),
                    )
                } else {
                    let deadline = budget.share(exercise, weight, weight_left);
                    let result =
                        grade::run(&workspace, built, Thoroughness::Everything, &deadline)?;
                    entry.store(&result);
                    result
                }
            }
        };
        if streaming {
            let mut text = String::new();
            if exercise.section != section {
                section = &exercise.section;
                if !results.is_empty() {
                    text.push('\n');
                }
                text.push_str(&output::section_heading(course, section));
            }
            text.push_str(&output::exercise_report(&result));
            bar.print(&text);
        }
        bar.advance();
        // No process of this exercise's tests may outlive its grading: not one that left its
        // group (given back to the grader, its subreaper), nor any of the learner user's.
        platform::end_learner_processes();
        platform::end_strays();
        let mut result = result;
        result.file_sha256 = Some(sha256_hex(&submission.bytes));
        graded.push((result.clone(), sha256_hex(&submission.bytes)));
        results.push(result);
        graded_so_far(&results);
    }
    // Cleared before the results (or the summary) are printed.
    bar.finish();
    // Once per run, and on standard error, so that machine-readable output stays whole.
    eprint!("{}", output::weaker_machine(&platform::new_weaknesses()));
    Progress::record(course, &graded)?;
    Ok(results)
}

/// Writes `text` to the output file, or to standard output.
fn emit(text: &str, output_file: Option<&Path>) -> Result<()> {
    match output_file {
        Some(path) => write_atomically(path, text.as_bytes())
            .map_err(|e| GraderError::io(format!("write {}", path.display()), e)),
        None => {
            print_now(text);
            Ok(())
        }
    }
}

/// Writes the results of a check that could not finish, for an autograder's format.
pub fn write_failure(format: Format, output_file: Option<&Path>, problem: &str, elapsed: Duration) {
    let text = if format == Format::Prairielearn {
        serde_json::to_string_pretty(&formats::prairielearn::failure(problem))
    } else {
        serde_json::to_string_pretty(&formats::gradescope::failure(problem, elapsed.as_secs()))
    };
    let _ = emit(&(text.expect("results serialise") + "\n"), output_file);
}

/// The exercises a target names, in course order.
pub fn select<'a>(course: &'a Course, target: Option<&str>) -> Result<Vec<&'a Exercise>> {
    let Some(target) = target else {
        return Ok(course.exercises().collect());
    };
    let exercises = course.select(target).ok_or_else(|| {
        let sections: Vec<&str> = course.sections.iter().map(|s| s.id.as_str()).collect();
        GraderError::Usage(format!(
            "course.yaml has no section or exercise `{target}`; sections are: {} (an exercise \
             is named section/exercise, as `{} list` shows)",
            sections.join(", "),
            output::GRADER
        ))
    })?;
    if exercises.is_empty() {
        return Err(GraderError::Usage(format!(
            "section `{target}` has no exercises yet"
        )));
    }
    Ok(exercises)
}

/// Prints and flushes, so that a learner sees each verdict as soon as it is known.
pub fn print_now(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
