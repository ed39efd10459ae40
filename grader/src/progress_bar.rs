//! The progress bar of a command that grades exercises (`check`, `verify`): drawn on standard
//! error only when it is a terminal, and cleared before results are printed, so that standard
//! output and anything that is not a terminal never see it. A check of one exercise gets the
//! line without the bar: what grading knows before the verdict ([`News`]), said in place.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::course::Exercise;
use crate::output;
use crate::verdict::News;

/// How often the spinner moves while nothing else changes (a long build, a slow test).
const TICK: Duration = Duration::from_millis(120);

/// A bar counting graded exercises; invisible when it must not be drawn.
pub struct GradingProgress {
    bar: ProgressBar,
}

impl GradingProgress {
    /// A bar for `exercises` exercises, drawn only when standard error is a terminal; for one
    /// exercise, a spinner and its news without the bar.
    pub fn new(exercises: usize) -> Self {
        let drawn = exercises > 0 && std::io::stderr().is_terminal();
        let target = if drawn {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(exercises as u64), target);
        let template = if exercises > 1 {
            "{spinner} [{bar:24}] {pos}/{len} {wide_msg}"
        } else {
            "{spinner} {wide_msg}"
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        if drawn {
            bar.enable_steady_tick(TICK);
        }
        GradingProgress { bar }
    }

    /// One never drawn: for a command that shows grading its own way (`watch`).
    pub fn hidden() -> Self {
        GradingProgress {
            bar: ProgressBar::hidden(),
        }
    }

    /// Says that cargo is building `count` exercises.
    pub fn building(&self, count: usize) {
        self.bar.set_message(output::progress_building(count));
    }

    /// Says which exercise's tests are running.
    pub fn grading(&self, id: &str) {
        self.bar.set_message(output::progress_grading(id));
    }

    /// Says what grading knows of `exercise` before its verdict.
    pub fn news(&self, exercise: &Exercise, news: &News) {
        self.bar
            .set_message(output::progress_news(&exercise.id, news));
    }

    /// Says that `count` stubs and mutants are running, to prove that each one fails.
    pub fn must_fail(&self, count: usize) {
        self.bar.set_message(output::progress_must_fail(count));
    }

    /// Counts one more exercise as done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Prints `text` on standard output with the bar out of its way.
    pub fn print(&self, text: &str) {
        self.bar.suspend(|| output::print_now(text));
    }

    /// Clears the bar for good.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for GradingProgress {
    /// An error ends a check early: the bar must not stay on the screen above its message.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
