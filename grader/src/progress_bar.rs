//! The progress bar of a command that grades several exercises (`check SECTION`, `check --all`,
//! `verify`): drawn on standard error only when it is a terminal, and cleared before results
//! are printed, so that standard output and anything that is not a terminal never see it.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output;

/// How often the spinner moves while nothing else changes (a long build, a slow test).
const TICK: Duration = Duration::from_millis(120);

/// A bar counting graded exercises; invisible when it must not be drawn.
pub struct GradingProgress {
    bar: ProgressBar,
}

impl GradingProgress {
    /// A bar for `exercises` exercises, drawn only when there are several of them and standard
    /// error is a terminal.
    pub fn new(exercises: usize) -> Self {
        let drawn = exercises > 1 && std::io::stderr().is_terminal();
        let target = if drawn {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(exercises as u64), target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {wide_msg}")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        if drawn {
            bar.enable_steady_tick(TICK);
        }
        GradingProgress { bar }
    }

    /// Says that cargo is building `count` exercises.
    pub fn building(&self, count: usize) {
        self.bar.set_message(output::progress_building(count));
    }

    /// Says which exercise's tests are running.
    pub fn grading(&self, id: &str) {
        self.bar.set_message(output::progress_grading(id));
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
