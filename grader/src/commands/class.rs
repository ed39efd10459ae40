//! `grader class`: many learners' progress reports, added up into two folders. The one to
//! publish (`--out`) holds `index.html`, where learners appear as stable pseudonyms, and
//! `exercises.csv`, which names nobody; both readable by anybody (`0644`, the folder `0755`),
//! so that a web server running as another user can serve them. The private one (`--private-out`,
//! by default the published folder's name with `-private`) holds `instructor.html` and
//! `progress.csv`, which name learners, and the salt the pseudonyms come from: readable by the
//! instructor alone (`0600`, the folder `0700`) and kept out of git.
//!
//! Kept apart by folder, not only by mode: a host that ignores modes (GitHub Pages, which
//! serves what git holds; a bucket upload) would publish a `0600` file beside `index.html`.

mod pseudonym;

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::files::{create_folder_for, write_atomically_for};
use crate::formats::class_page::{self, Audience, GENERATOR, Learner};
use crate::formats::progress_report::{ProgressReport, REPORT_FORMAT};
use crate::output;
use crate::platform::Access;
use crate::progress::sha256_hex;

/// Files that name learners, which must never be in the published folder.
const PRIVATE_FILES: [&str; 3] = ["instructor.html", "progress.csv", "salt"];

/// What `grader class` was asked to do.
pub struct Request<'a> {
    /// The learners' reports.
    pub reports: &'a [PathBuf],
    /// The folder to publish.
    pub out: &'a Path,
    /// The instructor's folder, if not the default.
    pub private_out: Option<&'a Path>,
    /// The salt file, if not the default.
    pub salt_file: Option<&'a Path>,
}

/// Reads every report, checks that they belong together, and writes both folders.
pub fn run(course: &Course, request: &Request) -> Result<i32> {
    let course_sha = sha256_hex(
        &std::fs::read(course.root.join("course.yaml"))
            .map_err(|e| GraderError::io("read course.yaml", e))?,
    );
    let mut reports = Vec::new();
    let mut names = HashSet::new();
    for path in request.reports {
        let report = read_report(path, &course_sha, course)?;
        if !names.insert(report.learner.clone()) {
            return Err(GraderError::Usage(output::class_learner_twice(
                path,
                &report.learner,
            )));
        }
        reports.push(report);
    }
    if reports.is_empty() {
        return Err(GraderError::Usage(output::class_without_reports()));
    }

    let places = Places::new(request)?;
    let previous_page = places.out.join("index.html");
    let previous_page = built_by_us(&previous_page).then_some(previous_page.as_path());
    let (salt, salt_created) = match request.salt_file {
        Some(path) => (pseudonym::read_given(path)?, false),
        None => {
            create_folder_for(&places.private, Access::OwnerOnly)
                .map_err(|e| GraderError::io(format!("create {}", places.private.display()), e))?;
            pseudonym::read_or_create(&places.default_salt(), previous_page)?
        }
    };

    let names: Vec<&str> = reports.iter().map(|r| r.learner.as_str()).collect();
    let pseudonyms = pseudonym::pseudonyms(&salt, &names);
    let mut learners: Vec<Learner> = reports
        .iter()
        .zip(pseudonyms)
        .map(|(report, pseudonym)| Learner {
            name: &report.learner,
            pseudonym,
            report,
        })
        .collect();

    // The published page lists learners by pseudonym: in order of names, a list of the class
    // would tell who is who.
    learners.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
    create_folder_for(&places.out, Access::Everyone)
        .map_err(|e| GraderError::io(format!("create {}", places.out.display()), e))?;
    write(
        &places.out.join("index.html"),
        &class_page::page(course, &learners, Audience::Public),
        Access::Everyone,
    )?;
    write(
        &places.out.join("exercises.csv"),
        &class_page::exercises_csv(course, &learners),
        Access::Everyone,
    )?;

    learners.sort_by(|a, b| a.name.cmp(b.name));
    create_folder_for(&places.private, Access::OwnerOnly)
        .map_err(|e| GraderError::io(format!("create {}", places.private.display()), e))?;
    write(
        &places.private.join("instructor.html"),
        &class_page::page(course, &learners, Audience::Instructor),
        Access::OwnerOnly,
    )?;
    write(
        &places.private.join("progress.csv"),
        &class_page::progress_csv(course, &learners),
        Access::OwnerOnly,
    )?;
    write(
        &places.private.join("README.txt"),
        &output::class_private_readme(),
        Access::OwnerOnly,
    )?;
    // A `*` ignores the folder's every file, itself included: `git add .` never takes them,
    // even when the folder sits in the repository that GitHub Pages publishes.
    write(
        &places.private.join(".gitignore"),
        &output::class_private_gitignore(),
        Access::OwnerOnly,
    )?;

    print!(
        "{}",
        output::class_written(
            learners.len(),
            &places.out,
            &places.private,
            salt_created.then(|| places.default_salt()).as_deref()
        )
    );
    Ok(EXIT_PASSED)
}

fn write(path: &Path, contents: &str, access: Access) -> Result<()> {
    write_atomically_for(path, contents.as_bytes(), access)
        .map_err(|e| GraderError::io(format!("write {}", path.display()), e))
}

/// Whether `page` is a page `grader class` wrote (so its pseudonyms came from a salt).
fn built_by_us(page: &Path) -> bool {
    std::fs::read_to_string(page).is_ok_and(|text| text.contains(GENERATOR))
}

/// The two folders, as the instructor named them (relative to the current folder, as messages
/// show them); made absolute only to compare them.
struct Places {
    out: PathBuf,
    private: PathBuf,
}

impl Places {
    fn new(request: &Request) -> Result<Places> {
        let here =
            std::env::current_dir().map_err(|e| GraderError::io("find the current folder", e))?;
        let out = normalise(&here.join(request.out));
        let (private, shown_private) = match request.private_out {
            Some(path) => (normalise(&here.join(path)), path.to_path_buf()),
            None => {
                let Some(name) = out.file_name() else {
                    return Err(GraderError::Usage(output::class_out_without_name(
                        request.out,
                    )));
                };
                let mut private_name = name.to_os_string();
                private_name.push("-private");
                let private = out.with_file_name(&private_name);
                // Shown as the instructor wrote --out when that has a name of its own.
                let shown = match request.out.file_name() {
                    Some(_) => request.out.with_file_name(&private_name),
                    None => private.clone(),
                };
                (private, shown)
            }
        };
        if private.starts_with(&out) {
            return Err(GraderError::Usage(output::class_private_inside_out(
                &shown_private,
                request.out,
            )));
        }
        if out.starts_with(&private) {
            return Err(GraderError::Usage(output::class_out_inside_private(
                request.out,
                &shown_private,
            )));
        }
        if let Some(salt) = request.salt_file
            && normalise(&here.join(salt)).starts_with(&out)
        {
            return Err(GraderError::Usage(output::class_salt_inside_out(
                salt,
                request.out,
                &shown_private,
            )));
        }
        for file in PRIVATE_FILES {
            if out.join(file).exists() {
                return Err(GraderError::Usage(output::class_private_file_in_out(
                    &request.out.join(file),
                    request.out,
                    &shown_private,
                )));
            }
        }
        Ok(Places {
            out: request.out.to_path_buf(),
            private: shown_private,
        })
    }

    /// Where the salt is kept when the instructor names none.
    fn default_salt(&self) -> PathBuf {
        self.private.join("salt")
    }
}

/// `path` without `.` and `..`, read as written (a folder may not exist yet).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn read_report(path: &Path, course_sha: &str, course: &Course) -> Result<ProgressReport> {
    let bytes =
        std::fs::read(path).map_err(|e| GraderError::io(format!("read {}", path.display()), e))?;
    let report: ProgressReport = serde_json::from_slice(&bytes)
        .map_err(|e| GraderError::Usage(output::class_not_a_report(path, &e)))?;
    if report.format_version != REPORT_FORMAT {
        return Err(GraderError::Usage(output::class_report_format(
            path,
            report.format_version,
            REPORT_FORMAT,
        )));
    }
    if report.course.sha256 != course_sha {
        return Err(GraderError::Usage(output::class_report_of_another_course(
            path,
            &report.learner,
        )));
    }
    let ids: Vec<&str> = report.exercises.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<&str> = course.exercises().map(|e| e.id.as_str()).collect();
    if ids != expected {
        return Err(GraderError::Usage(output::class_report_of_other_exercises(
            path,
        )));
    }
    Ok(report)
}
