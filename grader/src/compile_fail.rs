//! Compile-fail checks: a misuse of the learner's API that the compiler must refuse, each paired
//! with a control that must compile.
//!
//! A case is judged on the error code and a key phrase at its marked line, never on the whole
//! compiler output, so the learner's line numbers, comments and formatting cannot matter. The
//! case format is described in `grader/hidden/README.md`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde::Deserialize;

use crate::compile::{Artifacts, named_path};
use crate::error::{GraderError, Result};
use crate::output;
use crate::verdict::{CheckKind, CheckResult, Status};

/// A `//~ ERROR CODE phrase` marker: the compiler must report that error on this line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedError {
    /// 1-based line of the case.
    pub line: usize,
    /// The error code, such as `E0277`.
    pub code: String,
    /// A phrase the message must contain (may be empty).
    pub phrase: String,
}

/// A parsed compile-fail case.
#[derive(Debug)]
pub struct Case {
    /// The case's name: its file stem.
    pub name: String,
    /// Its first `//!` line: what it proves, in the learner's words.
    pub description: String,
    /// The file with `//~ CONTROL` lines blanked: must fail to compile.
    pub misuse: String,
    /// The file with `//~ ERROR` lines blanked: must compile.
    pub control: String,
    /// What the misuse must produce.
    pub expected: Vec<ExpectedError>,
}

/// Why a case file is malformed: a course author's mistake, worded by `output`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CaseError(String);

impl Case {
    /// Parses a case file.
    pub fn parse(name: &str, source: &str) -> Result<Case, CaseError> {
        let mut misuse = Vec::new();
        let mut control = Vec::new();
        let mut expected = Vec::new();
        let description = source
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("//!"))
            .map(|d| d.trim().trim_end_matches('.').to_owned())
            .unwrap_or_else(|| name.replace('_', " "));
        for (index, line) in source.lines().enumerate() {
            let number = index + 1;
            if let Some(at) = line.find("//~") {
                let code_part = &line[..at];
                let marker = line[at + 3..].trim();
                if let Some(rest) = marker.strip_prefix("ERROR") {
                    let rest = rest.trim();
                    let (code, phrase) = rest.split_once(' ').unwrap_or((rest, ""));
                    let valid_code = code.len() == 5
                        && code.starts_with('E')
                        && code[1..].chars().all(|c| c.is_ascii_digit());
                    if !valid_code {
                        return Err(CaseError(output::case_error_code(name, number, code)));
                    }
                    expected.push(ExpectedError {
                        line: number,
                        code: code.to_owned(),
                        phrase: phrase.trim().to_owned(),
                    });
                    misuse.push(code_part.to_owned());
                    control.push(String::new());
                } else if marker == "CONTROL" {
                    misuse.push(String::new());
                    control.push(code_part.to_owned());
                } else if marker == "MISUSE" {
                    misuse.push(code_part.to_owned());
                    control.push(String::new());
                } else {
                    return Err(CaseError(output::case_marker(name, number)));
                }
            } else {
                misuse.push(line.to_owned());
                control.push(line.to_owned());
            }
        }
        if expected.is_empty() {
            return Err(CaseError(output::case_without_error(name)));
        }
        Ok(Case {
            name: name.to_owned(),
            description,
            misuse: misuse.join("\n") + "\n",
            control: control.join("\n") + "\n",
            expected,
        })
    }
}

#[derive(Deserialize)]
struct RustcDiagnostic {
    #[serde(rename = "$message_type")]
    message_type: Option<String>,
    message: String,
    code: Option<RustcCode>,
    level: String,
    spans: Vec<RustcSpan>,
}

#[derive(Deserialize)]
struct RustcCode {
    code: String,
}

#[derive(Deserialize)]
struct RustcSpan {
    line_start: usize,
    line_end: usize,
    is_primary: bool,
}

/// An error rustc reported.
struct Reported {
    code: Option<String>,
    message: String,
    lines: Vec<(usize, usize)>,
}

impl Reported {
    fn headline(&self) -> String {
        match &self.code {
            Some(code) => format!("error[{code}]: {}", self.message),
            None => format!("error: {}", self.message),
        }
    }
}

/// Compiles a case's control and misuse against the built exercise and gives the verdict.
pub fn check(case: &Case, artifacts: &Artifacts, scratch: &Path) -> Result<CheckResult> {
    let started = Instant::now();
    let result = |status: Status, message: Option<String>| CheckResult {
        name: format!("compile_fail/{}", case.name),
        kind: CheckKind::CompileFail,
        status,
        message,
        output: String::new(),
        duration_ms: started.elapsed().as_millis() as u64,
        failure_kind: None,
    };

    let control_errors = rustc(
        artifacts,
        scratch,
        &format!("{}_control", case.name),
        &case.control,
    )?;
    if let Some(first) = control_errors.first() {
        return Ok(result(
            Status::Failed,
            Some(output::control_did_not_compile(
                &case.description,
                &first.headline(),
            )),
        ));
    }

    let misuse_errors = rustc(
        artifacts,
        scratch,
        &format!("{}_misuse", case.name),
        &case.misuse,
    )?;
    let missing: Vec<&ExpectedError> = case
        .expected
        .iter()
        .filter(|expected| {
            !misuse_errors
                .iter()
                .any(|reported| matches(expected, reported))
        })
        .collect();
    if missing.is_empty() {
        return Ok(result(Status::Passed, None));
    }
    let wanted: Vec<(&str, &str)> = missing
        .iter()
        .map(|e| (e.code.as_str(), e.phrase.as_str()))
        .collect();
    let message = if misuse_errors.is_empty() {
        output::misuse_accepted(&case.description, &wanted)
    } else {
        let got: Vec<String> = misuse_errors.iter().map(Reported::headline).collect();
        output::misuse_refused_otherwise(&case.description, &wanted, &got)
    };
    Ok(result(Status::Failed, Some(message)))
}

fn matches(expected: &ExpectedError, reported: &Reported) -> bool {
    reported.code.as_deref() == Some(expected.code.as_str())
        && reported
            .message
            .to_lowercase()
            .contains(&expected.phrase.to_lowercase())
        && reported
            .lines
            .iter()
            .any(|&(start, end)| start <= expected.line && expected.line <= end)
}

/// Compiles `source` as a binary crate against the exercise (metadata only: type and borrow
/// checking, no code generation) and returns its errors.
fn rustc(artifacts: &Artifacts, scratch: &Path, name: &str, source: &str) -> Result<Vec<Reported>> {
    std::fs::create_dir_all(scratch)
        .map_err(|e| GraderError::io(format!("create {}", scratch.display()), e))?;
    let file = scratch.join(format!("{name}.rs"));
    std::fs::write(&file, source)
        .map_err(|e| GraderError::io(format!("write {}", file.display()), e))?;
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut command = Command::new(rustc);
    // The learner's macros expand here: the compiler reads files as the learner user.
    crate::platform::as_learner(&mut command);
    command
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit=metadata",
        ])
        .args([
            "--error-format=json",
            "-A",
            "warnings",
            "--crate-name",
            "case",
        ])
        .arg("-L")
        .arg(named_path("dependency", &artifacts.deps_dir))
        .arg("--extern")
        .arg(named_path("exercise", &artifacts.library))
        .arg("--out-dir")
        .arg(scratch)
        .arg(&file)
        .current_dir(scratch)
        .stdin(Stdio::null());
    for (name, path) in &artifacts.externs {
        command.arg("--extern").arg(named_path(name, path));
    }
    let compiled = command
        .output()
        .map_err(|e| GraderError::io("run rustc for a compile-fail check", e))?;
    let mut errors = Vec::new();
    for line in compiled.stderr.split(|&b| b == b'\n') {
        let Ok(diagnostic) = serde_json::from_slice::<RustcDiagnostic>(line) else {
            continue;
        };
        if diagnostic
            .message_type
            .as_deref()
            .is_some_and(|t| t != "diagnostic")
            || diagnostic.level != "error"
            || diagnostic.message.starts_with("aborting due to")
        {
            continue;
        }
        errors.push(Reported {
            code: diagnostic.code.map(|c| c.code),
            message: diagnostic.message,
            lines: diagnostic
                .spans
                .iter()
                .filter(|s| s.is_primary)
                .map(|s| (s.line_start, s.line_end))
                .collect(),
        });
    }
    if errors.is_empty() && !compiled.status.success() {
        return Err(GraderError::Build(output::rustc_failed_on_case(
            name,
            String::from_utf8_lossy(&compiled.stderr).trim(),
        )));
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_split_a_case_into_misuse_and_control() {
        let source = "//! A permit cannot outlive its semaphore.\nlet a; //~ CONTROL\nx(); //~ ERROR E0597 does not live long enough\ny();\n";
        let case = Case::parse("outlives", source).unwrap();
        assert_eq!(case.description, "A permit cannot outlive its semaphore");
        assert_eq!(
            case.misuse,
            "//! A permit cannot outlive its semaphore.\n\nx(); \ny();\n"
        );
        assert_eq!(
            case.control,
            "//! A permit cannot outlive its semaphore.\nlet a; \n\ny();\n"
        );
        assert_eq!(
            case.expected,
            [ExpectedError {
                line: 3,
                code: "E0597".into(),
                phrase: "does not live long enough".into()
            }]
        );
    }

    #[test]
    fn a_case_without_a_valid_marker_is_refused() {
        assert!(Case::parse("none", "fn main() {}\n").is_err());
        assert!(Case::parse("bad", "x(); //~ ERROR cannot\n").is_err());
        assert!(Case::parse("odd", "x(); //~ WARN E0001\n").is_err());
    }
}
