//! A class's progress as `progress.csv` (one row per learner) and a self-contained
//! `index.html` (no network, no external assets; readable on a phone).

use std::fmt::Write as _;

use crate::course::Course;
use crate::formats::progress_report::ProgressReport;

/// The CSV: a header row, a row of maximum points, then one row per learner with a column per
/// exercise, per section, and the total.
pub fn csv(course: &Course, learners: &[ProgressReport]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["learner".to_owned()];
    header.extend(course.exercises().map(|e| e.id.clone()));
    header.extend(
        course
            .sections
            .iter()
            .map(|s| format!("{} (section)", s.id)),
    );
    header.push("total".to_owned());
    let _ = writer.write_record(&header);

    let mut max = vec!["max points".to_owned()];
    max.extend(course.exercises().map(|e| e.points.to_string()));
    max.extend(course.sections.iter().map(|s| {
        s.exercises
            .iter()
            .map(|e| e.points)
            .sum::<u32>()
            .to_string()
    }));
    max.push(
        course
            .exercises()
            .map(|e| e.points)
            .sum::<u32>()
            .to_string(),
    );
    let _ = writer.write_record(&max);

    for learner in learners {
        let mut row = vec![learner.learner.clone()];
        row.extend(learner.exercises.iter().map(|e| e.points.to_string()));
        row.extend(
            course
                .sections
                .iter()
                .map(|s| section_points(learner, &s.id).to_string()),
        );
        row.push(
            learner
                .exercises
                .iter()
                .map(|e| e.points)
                .sum::<u32>()
                .to_string(),
        );
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn section_points(learner: &ProgressReport, section: &str) -> u32 {
    learner
        .exercises
        .iter()
        .filter(|e| e.id.split('/').next() == Some(section))
        .map(|e| e.points)
        .sum()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;\
padding:1rem;line-height:1.4;color:#222}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}\
.bar{background:#eee;border-radius:4px;height:1rem;overflow:hidden}.fill{background:#2a7;height:100%}\
.syllabus li{margin:.5rem 0;list-style:none}.syllabus{padding:0}.table{overflow-x:auto}\
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #ddd;\
padding:.3rem .5rem;text-align:left}td.num{text-align:right}.passed{color:#176}\
.late{color:#a50}.none{color:#888}";

/// The page: the syllabus with the class's progress per section, then one table per learner.
pub fn html(course: &Course, learners: &[ProgressReport]) -> String {
    let mut page = String::new();
    let title = escape(&course.title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}: class progress</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}: class progress</h1>\n<p>{} learners.</p>\n<h2>Syllabus</h2>\n\
         <ul class=\"syllabus\">\n",
        learners.len()
    );
    for section in &course.sections {
        let max: u32 = section.exercises.iter().map(|e| e.points).sum();
        let earned: u32 = learners
            .iter()
            .map(|l| section_points(l, &section.id))
            .sum();
        let possible = max * learners.len() as u32;
        let percent = if possible == 0 {
            0
        } else {
            (u64::from(earned) * 100 / u64::from(possible)) as u32
        };
        let _ = writeln!(
            page,
            "<li><strong>{}</strong> ({} exercises) <span class=\"pct\" data-section=\"{}\">{percent}%</span>\
             <div class=\"bar\" role=\"progressbar\" aria-valuenow=\"{percent}\" aria-valuemin=\"0\" \
             aria-valuemax=\"100\"><div class=\"fill\" style=\"width:{percent}%\"></div></div></li>",
            escape(&section.title),
            section.exercises.len(),
            escape(&section.id)
        );
    }
    page.push_str("</ul>\n");
    for learner in learners {
        let total: u32 = learner.exercises.iter().map(|e| e.points).sum();
        let max: u32 = learner.exercises.iter().map(|e| e.max_points).sum();
        let _ = write!(
            page,
            "<h2 id=\"learner-{name}\">{name}: <span class=\"total\">{total}</span> of {max} points</h2>\n\
             <div class=\"table\"><table>\n<tr><th>exercise</th><th>status</th><th>points</th>\
             <th>first passed</th></tr>\n",
            name = escape(&learner.learner)
        );
        for exercise in &learner.exercises {
            let class = match (exercise.status.as_str(), exercise.on_time) {
                (_, Some(false)) => "late",
                ("passed", _) => "passed",
                _ => "none",
            };
            let when = match (&exercise.first_passed_at, exercise.on_time) {
                (Some(at), Some(false)) => format!("{} (late)", escape(at)),
                (Some(at), _) => escape(at),
                (None, _) => "—".to_owned(),
            };
            let _ = writeln!(
                page,
                "<tr class=\"{class}\"><td>{}</td><td>{}</td><td class=\"num\">{}/{}</td><td>{when}</td></tr>",
                escape(&exercise.id),
                escape(&exercise.status.replace('_', " ")),
                exercise.points,
                exercise.max_points
            );
        }
        page.push_str("</table></div>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}
