//! The class page: the sections' progress, a chart of passes over time, and one matrix of every
//! learner and every exercise, sortable by a few lines of inline script.
//!
//! Size matters here: 500 learners × 40 exercises are 20 000 cells, and the page must stay under
//! 1 MB. A cell is a one-letter class and its state in words (`<td class=p><i>passed</i>`,
//! the words hidden from the eye but read by screen readers; the colour and a glyph come from
//! the style sheet), with end tags left out where HTML allows, and a tooltip only when there is
//! something to say.

use std::fmt::Write as _;

use super::{
    Audience, Learner, State, chart, date_of, day_of, escape, exercise_label, exercise_stats,
    how_it_failed, max_points,
};
use crate::course::Course;

/// The page's generator, which `grader class` looks for to tell a page it built before.
pub const GENERATOR: &str = "threadlings grader class";

/// Colours from Okabe and Ito's palette, told apart with every kind of colour blindness, and
/// each state also has its own glyph: a state never depends on colour alone.
const STYLE: &str = "\
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;line-height:1.4;color:#222;\
overflow-wrap:anywhere}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}\
.warn{background:#fff3cd;border:2px solid #7a5c00;padding:.5rem 1rem}\
.bar{background:#eee;border-radius:4px;height:1rem;overflow:hidden}\
.fill{background:#0072b2;height:100%}\
.syllabus,.legend,.kinds{padding:0}.syllabus li{margin:.5rem 0;list-style:none}\
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none}\
.legend b{display:inline-block;width:1.5em;text-align:center;margin-right:.3em;font-weight:normal}\
.kinds li{list-style:none;margin:.3rem 0}\
figure{margin:0}svg.chart{width:100%;max-width:40rem;height:auto}\
.matrix{position:relative;overflow:auto;max-height:80vh;max-width:100%;border:1px solid #999}\
#m{border-collapse:collapse;font-size:.75rem}\
#m thead{position:sticky;top:0;z-index:2;background:#fff}\
#m th{background:#fff;font-weight:normal;padding:.1rem .3rem}\
#m thead th{vertical-align:bottom}\
#m .h{position:sticky;left:0;z-index:1;text-align:left;white-space:nowrap}\
#m tbody th{position:sticky;left:0;z-index:1;text-align:left;white-space:nowrap;\
font-family:ui-monospace,monospace}\
#m td{min-width:1.5rem;height:1.3rem;padding:0 .2rem;text-align:center;border:1px solid #fff;\
white-space:nowrap}#m th[rowspan]{white-space:nowrap}\
#said{min-height:1.4em;margin:.3rem 0}\
#m td i{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);\
white-space:nowrap}\
#m colgroup.s{border-left:2px solid #555}\
#m .x span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}\
#m .r td{font-size:.65rem;border:0}\
#m button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;\
text-decoration:underline dotted;color:inherit;text-align:left}\
#m th[aria-sort] button::after{content:\" ▾\"}#m th[aria-sort=ascending] button::after{content:\" ▴\"}\
.p,.l,.f,.n{color:#000}.p{background:#0072b2;color:#fff}.l{background:#56b4e9}\
.f{background:#e69f00}.n{background:#eee}\
#m .p::before,.legend .p::before{content:\"✓\";content:\"✓\"/\"\"}\
#m .l::before,.legend .l::before{content:\"◷\";content:\"◷\"/\"\"}\
#m .f::before,.legend .f::before{content:\"✗\";content:\"✗\"/\"\"}\
.legend .n::before{content:\"·\";content:\"·\"/\"\"}";

/// Sorting: by learner (the page's own order), by total, or by the passes in one section; a
/// second click on the same button reverses the order. Ties keep the page's order.
const SCRIPT: &str = r#"(() => {
  const table = document.getElementById("m");
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const told = document.getElementById("said");
  const passes = (row, from, to) => {
    let n = 0;
    for (let c = from; c < to; c++) {
      const k = row.cells[c].className;
      if (k === "p" || k === "l") n++;
    }
    return n;
  };
  let last = null;
  let order = 1;
  table.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const kind = button.dataset.k;
    order = button === last ? -order : kind === "n" ? 1 : -1;
    last = button;
    const key = kind === "n" ? (row, i) => i
      : kind === "t" ? (row) => Number(row.cells[Number(button.dataset.a)].textContent)
      : (row) => passes(row, Number(button.dataset.a), Number(button.dataset.b));
    const keyed = rows.map((row, i) => [key(row, i), i, row]);
    keyed.sort((x, y) => (x[0] - y[0]) * order || x[1] - y[1]);
    body.append(...keyed.map((x) => x[2]));
    for (const th of table.tHead.querySelectorAll("[aria-sort]")) th.removeAttribute("aria-sort");
    button.parentElement.setAttribute("aria-sort", order > 0 ? "ascending" : "descending");
    told.textContent = "Sorted by " + button.textContent + (kind === "n" ? ""
      : order > 0 ? ", lowest first." : ", highest first.");
  });
  // A touch screen shows no tooltips: a tap on a cell says what its tooltip would.
  body.addEventListener("click", (event) => {
    const td = event.target.closest("td");
    if (!td || !td.className) return;
    const row = td.parentElement;
    const exercise = table.tHead.rows[1].cells[td.cellIndex - Number(table.dataset.lead)];
    told.textContent = row.cells[0].textContent + ", " + exercise.title + ": "
      + (td.title || td.textContent);
  });
})();"#;

/// The page for `audience`, its rows in the order of `learners`.
pub fn page(course: &Course, learners: &[Learner], audience: Audience) -> String {
    let mut page =
        String::with_capacity(64 * 1024 + learners.len() * course.exercises().count() * 32);
    let title = escape(&course.title);
    let heading = match audience {
        Audience::Public => format!("{title}: class progress"),
        Audience::Instructor => format!("{title}: class progress (instructor's copy)"),
    };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{GENERATOR}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{heading}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    if audience == Audience::Instructor {
        page.push_str(
            "<p class=\"warn\" role=\"note\"><strong>Do not publish this page.</strong> It names \
             learners, so it is written readable by you alone, in a folder apart from the one to \
             publish. Publish the <code>index.html</code> written into the folder given to \
             <code>--out</code> instead: it shows the same matrix, with learners under the \
             pseudonyms of this page's second column.</p>\n",
        );
    }
    let exercises = course.exercises().count();
    let _ = writeln!(
        page,
        "<h1>{heading}</h1>\n<p>{} learners, {exercises} exercises in {} sections.{}</p>",
        learners.len(),
        course.sections.len(),
        match audience {
            Audience::Public => " Learners appear under pseudonyms; ask your instructor for yours.",
            Audience::Instructor => "",
        }
    );
    // The matrix first: the class at a glance, who is stuck and on what.
    matrix(&mut page, course, learners, audience);
    failures(&mut page, course, learners);
    page.push_str("<h2>Progress over time</h2>\n");
    page.push_str(&chart::chart(course, learners));
    syllabus(&mut page, course, learners);
    let _ = write!(page, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    page
}

/// Each section with the share of its points the class has earned.
fn syllabus(page: &mut String, course: &Course, learners: &[Learner]) {
    page.push_str("<h2>Sections</h2>\n<ul class=\"syllabus\">\n");
    for section in &course.sections {
        let max: u32 = section.exercises.iter().map(|e| e.points).sum();
        let earned: u64 = learners
            .iter()
            .map(|l| u64::from(l.section_points(&section.id)))
            .sum();
        let possible = u64::from(max) * learners.len() as u64;
        let percent = (earned * 100).checked_div(possible).unwrap_or(0);
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
}

/// The matrix: a row per learner, a column per exercise under its section's title, the pass
/// rates as the last header row, all in a box of its own that scrolls both ways with its
/// headers and the learners' column held in place.
fn matrix(page: &mut String, course: &Course, learners: &[Learner], audience: Audience) {
    let stats = exercise_stats(course, learners);
    page.push_str(
        "<h2 id=\"matrix-title\">Every learner, every exercise</h2>\n<ul class=\"legend\">",
    );
    for state in [State::OnTime, State::Late, State::Failed, State::NotChecked] {
        let _ = write!(
            page,
            "<li><b class=\"{}\"></b>{}</li>",
            state.class(),
            state.words()
        );
    }
    page.push_str(
        "</ul>\n<p>Point at a cell, or tap it, to see how it failed. Sort by a column's \
         underlined title.</p>\n<p id=\"said\" aria-live=\"polite\"></p>\n\
         <div class=\"matrix\" role=\"region\" aria-labelledby=\"matrix-title\" tabindex=\"0\">\n",
    );
    // Leading columns: learner, (pseudonym,) total, last pass.
    let leading = match audience {
        Audience::Public => 3,
        Audience::Instructor => 4,
    };
    let _ = write!(
        page,
        "<table id=\"m\" data-lead=\"{leading}\">\n<colgroup span=\"{leading}\"></colgroup>"
    );
    for section in &course.sections {
        let _ = write!(
            page,
            "<colgroup class=\"s\" span=\"{}\"></colgroup>",
            section.exercises.len()
        );
    }
    page.push_str("\n<thead>\n<tr>");
    let _ = write!(
        page,
        "<th class=\"h\" rowspan=\"2\" scope=\"col\"><button data-k=\"n\">Learner</button></th>"
    );
    if audience == Audience::Instructor {
        page.push_str("<th rowspan=\"2\" scope=\"col\">Pseudonym</th>");
    }
    let _ = write!(
        page,
        "<th rowspan=\"2\" scope=\"col\"><button data-k=\"t\" data-a=\"{}\">Total</button>\
         <br>of {}</th><th rowspan=\"2\" scope=\"col\">Last pass</th>",
        leading - 2,
        max_points(course)
    );
    // The script counts from the row's first cell; the pseudonym column shifts the exercises.
    let mut column = leading;
    for section in &course.sections {
        let count = section.exercises.len();
        let _ = write!(
            page,
            "<th colspan=\"{count}\" scope=\"colgroup\"><button data-k=\"s\" data-a=\"{column}\" \
             data-b=\"{}\">{}</button></th>",
            column + count,
            escape(&section.title)
        );
        column += count;
    }
    page.push_str("</tr>\n<tr>");
    for exercise in course.exercises() {
        let _ = write!(
            page,
            "<th class=\"x\" scope=\"col\" title=\"{}\"><span>{}</span></th>",
            escape(&exercise.id),
            escape(&exercise_label(exercise))
        );
    }
    let _ = write!(
        page,
        "</tr>\n<tr class=\"r\"><th class=\"h\" scope=\"row\" colspan=\"{leading}\">Passed</th>"
    );
    for (exercise, stat) in course.exercises().zip(&stats) {
        let mut tip = format!(
            "{}: {} of {} passed ({} late)",
            exercise.id,
            stat.passed(),
            stat.learners(),
            stat.late
        );
        let kinds = stat.kinds_sentence();
        if !kinds.is_empty() {
            let _ = write!(tip, "; {kinds}");
        }
        let _ = write!(
            page,
            "<td title=\"{}\">{}%</td>",
            escape(&tip),
            stat.pass_rate()
        );
    }
    page.push_str("</tr>\n</thead>\n<tbody>\n");
    for learner in learners {
        row(page, course, learner, audience);
    }
    page.push_str("</tbody>\n</table>\n</div>\n");
}

/// One learner's row, with the cells' end tags left out, as HTML allows.
fn row(page: &mut String, course: &Course, learner: &Learner, audience: Audience) {
    let last_pass = learner
        .report
        .exercises
        .iter()
        .filter_map(|e| e.first_passed_at.as_deref().and_then(day_of))
        .max()
        .map_or_else(|| "—".to_owned(), date_of);
    match audience {
        Audience::Public => {
            let _ = write!(page, "<tr><th scope=\"row\">{}", escape(&learner.pseudonym));
        }
        Audience::Instructor => {
            let _ = write!(
                page,
                "<tr><th scope=\"row\">{}</th><td>{}",
                escape(learner.name),
                escape(&learner.pseudonym)
            );
        }
    }
    let _ = write!(page, "<td>{}<td>{last_pass}", learner.total());
    for (exercise, progress) in course.exercises().zip(&learner.report.exercises) {
        let state = State::of(progress);
        let mut tip = how_it_failed(progress);
        if audience == Audience::Instructor {
            // Only the instructor's copy, which has no size to keep, says when and which.
            let when = progress
                .first_passed_at
                .as_deref()
                .map(|at| format!("first passed {at}"));
            let parts: Vec<String> = [
                Some(exercise.id.clone()),
                Some(state.words().to_owned()),
                tip,
                when,
            ]
            .into_iter()
            .flatten()
            .collect();
            tip = Some(parts.join(": "));
        }
        match tip {
            Some(tip) => {
                let _ = write!(
                    page,
                    "<td class={} title=\"{}\"><i>{}</i>",
                    state.class(),
                    escape(&tip),
                    state.words()
                );
            }
            None => {
                let _ = write!(page, "<td class={}><i>{}</i>", state.class(), state.words());
            }
        }
    }
    // The end tag keeps the line break out of the last cell's text.
    page.push_str("</tr>\n");
}

/// The failure kinds the reports name, counted per exercise: what to teach again.
fn failures(page: &mut String, course: &Course, learners: &[Learner]) {
    page.push_str("<h2>How exercises failed</h2>\n");
    let stats = exercise_stats(course, learners);
    let lines: Vec<String> = course
        .exercises()
        .zip(&stats)
        .filter(|(_, stat)| !stat.kinds.is_empty())
        .map(|(exercise, stat)| {
            format!(
                "<li><strong>{}</strong>: {}</li>",
                escape(&exercise.id),
                escape(&stat.kinds_sentence())
            )
        })
        .collect();
    if lines.is_empty() {
        page.push_str("<p>No report says how an exercise failed.</p>\n");
    } else {
        let _ = writeln!(page, "<ul class=\"kinds\">\n{}\n</ul>", lines.join("\n"));
    }
}
