//! The chart of the class's progress over time: for each section, how many exercises the class
//! had passed by each day (from each exercise's `first_passed_at`), drawn as inline SVG steps.
//!
//! Lines differ by colour (Okabe and Ito's palette, without its yellow, which is faint on white)
//! and by dash, so that no two sections depend on telling colours apart; the legend repeats the
//! numbers in text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Learner, date_of, day_of, escape};
use crate::course::Course;

/// The drawing's size in its own units; it scales to the page's width.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 240.0;
/// Room for the axes' labels.
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

const COLOURS: [&str; 7] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#000000",
];
const DASHES: [&str; 3] = ["", "6 3", "2 2"];

/// The chart, its legend and a caption, or a sentence saying that nothing has passed yet.
pub fn chart(course: &Course, learners: &[Learner]) -> String {
    // Per section: how many first passes happened on each day.
    let per_section: Vec<BTreeMap<u64, u64>> = course
        .sections
        .iter()
        .map(|section| {
            let mut days = BTreeMap::new();
            for learner in learners {
                for exercise in &learner.report.exercises {
                    if exercise.id.split('/').next() != Some(section.id.as_str()) {
                        continue;
                    }
                    if let Some(day) = exercise.first_passed_at.as_deref().and_then(day_of) {
                        *days.entry(day).or_insert(0) += 1;
                    }
                }
            }
            days
        })
        .collect();
    let (Some(first), Some(last)) = (
        per_section.iter().filter_map(|d| d.keys().next()).min(),
        per_section
            .iter()
            .filter_map(|d| d.keys().next_back())
            .max(),
    ) else {
        return "<p>No exercise has passed yet.</p>\n".to_owned();
    };
    let (first, last) = (*first, *last.max(&(first + 1)));
    let totals: Vec<u64> = per_section.iter().map(|d| d.values().sum()).collect();
    let top = nice_ceiling(totals.iter().copied().max().unwrap_or(1).max(1));
    let x = |day: u64| LEFT + (day - first) as f64 / (last - first) as f64 * (WIDTH - LEFT - RIGHT);
    let y = |count: u64| TOP + (1.0 - count as f64 / top as f64) * (HEIGHT - TOP - BOTTOM);

    let description = course
        .sections
        .iter()
        .zip(&totals)
        .map(|(s, n)| format!("{} {n}", s.title))
        .collect::<Vec<_>>()
        .join(", ");
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<figure>\n<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-title chart-desc\" font-size=\"11\">\
         <title id=\"chart-title\">Exercises passed so far, per section, by day</title>\
         <desc id=\"chart-desc\">From {} to {}. By the last day: {}.</desc>",
        date_of(first),
        date_of(last),
        escape(&description)
    );
    // Four gridlines with their counts.
    for step in 0..=4 {
        let count = top * step / 4;
        let at = y(count);
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{count}</text>",
            WIDTH - RIGHT,
            LEFT - 4.0,
            at + 4.0
        );
    }
    let baseline = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        "<text x=\"{LEFT}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        baseline + 18.0,
        date_of(first),
        WIDTH - RIGHT,
        baseline + 18.0,
        date_of(last)
    );
    for (index, days) in per_section.iter().enumerate() {
        let mut points = format!("{:.1},{:.1}", x(first), y(0));
        let mut count = 0;
        for (&day, &passes) in days {
            let _ = write!(points, " {:.1},{:.1}", x(day), y(count));
            count += passes;
            let _ = write!(points, " {:.1},{:.1}", x(day), y(count));
        }
        let _ = write!(points, " {:.1},{:.1}", x(last), y(count));
        let _ = write!(
            svg,
            "<polyline fill=\"none\" stroke-width=\"2\" {} points=\"{points}\"/>",
            stroke(index)
        );
    }
    svg.push_str("</svg>\n<figcaption>Exercises passed so far (each learner's first pass), per section, by day.</figcaption>\n</figure>\n<ul class=\"legend\">");
    for (index, (section, total)) in course.sections.iter().zip(&totals).enumerate() {
        let _ = write!(
            svg,
            "<li><svg width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" x2=\"28\" \
             y1=\"5\" y2=\"5\" stroke-width=\"3\" {}/></svg> {}: {total}</li>",
            stroke(index),
            escape(&section.title)
        );
    }
    svg.push_str("</ul>\n");
    svg
}

/// The stroke of the `index`th section's line: colour and dash vary together, so that the
/// first 21 sections each have their own.
fn stroke(index: usize) -> String {
    let colour = COLOURS[index % COLOURS.len()];
    match DASHES[index % DASHES.len()] {
        "" => format!("stroke=\"{colour}\""),
        dash => format!("stroke=\"{colour}\" stroke-dasharray=\"{dash}\""),
    }
}

/// The chart's top: four gridline steps, each the smallest of 1, 2, 3, 4, 5, 6 or 8 times a
/// power of ten that makes room for `value`, so that the gridlines fall on round numbers.
fn nice_ceiling(value: u64) -> u64 {
    let needed = value.div_ceil(4);
    let mut power = 1;
    loop {
        for digit in [1, 2, 3, 4, 5, 6, 8] {
            if digit * power >= needed {
                return digit * power * 4;
            }
        }
        power *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::nice_ceiling;

    #[test]
    fn the_top_of_the_chart_is_a_round_number_at_or_above_the_highest_count() {
        for (value, top) in [(1, 4), (4, 4), (5, 8), (120, 120), (121, 160), (950, 1200)] {
            assert_eq!(nice_ceiling(value), top, "{value}");
        }
    }
}
