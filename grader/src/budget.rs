//! The time budget of one `check`: how long it may take in all (course.yaml's `budget`, 8
//! minutes unless set), and how that time is shared among the exercises, so that the worst
//! submission (every test of every exercise hangs) still ends inside it with every exercise
//! reported.
//!
//! The plan, made again at the start of each exercise from the time actually left:
//!
//! - What is left of the budget (less a reserve for writing the results) is shared among the
//!   exercises still to grade in proportion to their weight, roughly how many processes their
//!   checks start ([`weight`]). Time an exercise does not use flows to those after it; an
//!   exercise that hangs uses its share and no more, so it never takes the time of the ones
//!   after it.
//! - An exercise also never takes more than six of its per-test timeouts in all, budget or not.
//! - A test started near the end of its exercise's share gets only what is left of it (its
//!   deadline shrinks to fit, and a timeout says so); a test with less than a second left is not
//!   started, and is reported as not run, with the reason. Nothing is skipped silently.
//!
//! A correct submission is not affected: its tests end long before their deadlines, and every
//! exercise's share is far above what its correct tests need (see BENCHMARKS.md).

use std::time::{Duration, Instant};

use crate::course::Exercise;
use crate::embedded;

/// Kept back from the budget for what follows the last verdict: writing the results.
const RESERVE: Duration = Duration::from_secs(5);

/// A test is not started with less than this left: no test can show anything in less.
pub const MIN_TEST_TIME: Duration = Duration::from_secs(1);

/// An exercise may take at most this many of its per-test timeouts in all, whatever the
/// budget: a file whose every test hangs costs a bounded time.
const EXERCISE_DEADLINE_IN_TIMEOUTS: u32 = 6;

/// The time one check may take, from its start.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// When it is spent; `None` for commands without one (`verify`, `--replay`).
    end: Option<Instant>,
    /// How long it is in all, for messages.
    total: Duration,
}

/// What bounds the time of an exercise's tests, for the message of a test that could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The exercise's own limit: this many seconds, six of its per-test timeouts.
    Exercise(Duration),
    /// The check's budget, of this length, shared among the exercises.
    Budget(Duration),
}

/// When one exercise's checks must be done, and why then.
#[derive(Debug, Clone, Copy)]
pub struct ExerciseDeadline {
    at: Instant,
    limit: Limit,
}

impl Budget {
    /// A budget of `total` for a check that started at `started`.
    pub fn starting(started: Instant, total: Duration) -> Budget {
        Budget {
            end: Some(started + total),
            total,
        }
    }

    /// No budget: each exercise is bound by its own limit alone.
    pub fn unlimited() -> Budget {
        Budget {
            end: None,
            total: Duration::MAX,
        }
    }

    /// The deadline of `exercise`, starting now, given its weight and the total weight of the
    /// exercises still to grade after it.
    pub fn share(&self, exercise: &Exercise, weight: u32, weight_after: u32) -> ExerciseDeadline {
        let now = Instant::now();
        let own = ExerciseDeadline {
            at: now + exercise.timeout * EXERCISE_DEADLINE_IN_TIMEOUTS,
            limit: Limit::Exercise(exercise.timeout * EXERCISE_DEADLINE_IN_TIMEOUTS),
        };
        let Some(end) = self.end else {
            return own;
        };
        let left = end.saturating_duration_since(now).saturating_sub(RESERVE);
        let weight = weight.max(1);
        let share = left.mul_f64(f64::from(weight) / f64::from(weight + weight_after));
        if now + share < own.at {
            ExerciseDeadline {
                at: now + share,
                limit: Limit::Budget(self.total),
            }
        } else {
            own
        }
    }

    /// When the build must stop: when the budget is spent, keeping the reserve.
    pub fn build_deadline(&self) -> Option<Instant> {
        self.end.map(|end| end.checked_sub(RESERVE).unwrap_or(end))
    }

    /// Whether nothing more can start: less than [`MIN_TEST_TIME`] is left.
    pub fn spent(&self) -> bool {
        self.end.is_some_and(|end| {
            end.saturating_duration_since(Instant::now())
                .saturating_sub(RESERVE)
                < MIN_TEST_TIME
        })
    }

    /// How long the budget is in all.
    pub fn total(&self) -> Duration {
        self.total
    }
}

impl ExerciseDeadline {
    /// The deadline of an exercise graded without a budget (`verify`, `--replay`).
    pub fn without_budget(exercise: &Exercise) -> ExerciseDeadline {
        Budget::unlimited().share(exercise, 1, 0)
    }

    /// How long a test started now may run: its `timeout`, or less when the exercise's time
    /// ends sooner; or, when less than [`MIN_TEST_TIME`] is left, what stops it from running.
    pub fn test_time(&self, timeout: Duration) -> Result<Duration, Limit> {
        let left = self.at.saturating_duration_since(Instant::now());
        if left < MIN_TEST_TIME.min(timeout) {
            return Err(self.limit);
        }
        Ok(timeout.min(left))
    }

    /// Whether `needed` is left for a check that cannot be stopped half-way (a compile-fail
    /// case); if not, what stops it from starting.
    pub fn has_left(&self, needed: Duration) -> Result<(), Limit> {
        if self.at.saturating_duration_since(Instant::now()) < needed {
            return Err(self.limit);
        }
        Ok(())
    }
}

/// How much of the budget an exercise should get: roughly how many processes its checks
/// start, counted from its hidden files (each test and model test one; each compile-fail case
/// two, the case and its control). Every exercise weighs at least 1.
pub fn weight(exercise: &Exercise) -> u32 {
    let mut weight = 0;
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        if path == "tests.rs" || path == "model.rs" {
            weight += listed_tests(source);
        } else if path.starts_with("compile_fail/") {
            weight += 2;
        }
    }
    weight.max(1)
}

/// How many tests a hidden test file lists in its `harness::hidden_tests![…]`.
fn listed_tests(source: &str) -> u32 {
    let Some((_, after)) = source.split_once("hidden_tests![") else {
        return 0;
    };
    let list = after.split(']').next().unwrap_or_default();
    list.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .flat_map(|line| line.split(','))
        .filter(|name| !name.trim().is_empty())
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Visibility;

    fn exercise(timeout: u64) -> Exercise {
        Exercise {
            id: "locks/counter".to_owned(),
            section: "locks".to_owned(),
            path: "exercises/03_locks/01_counter.rs".to_owned(),
            points: 10,
            timeout: Duration::from_secs(timeout),
            visibility: Visibility::AfterDueDate,
            minutes: None,
            hint: String::new(),
        }
    }

    #[test]
    fn tests_are_counted_from_the_list() {
        let source = "fn a() {}\nharness::hidden_tests![\n    a,\n    // b is gone\n    c, d\n];\n";
        assert_eq!(listed_tests(source), 3);
        assert_eq!(listed_tests("fn main() {}"), 0);
        // The course's own exercise has tests and compile-fail cases.
        assert!(weight(&exercise(10)) >= 5);
    }

    #[test]
    fn an_exercise_gets_its_share_of_what_is_left() {
        let budget = Budget::starting(Instant::now(), Duration::from_secs(105));
        // 100 s are left after the reserve; a quarter of the weight gets a quarter of them.
        let deadline = budget.share(&exercise(100), 1, 3);
        assert_eq!(deadline.limit, Limit::Budget(Duration::from_secs(105)));
        let time = deadline.test_time(Duration::from_secs(100)).expect("time");
        assert!(time <= Duration::from_secs(25), "{time:?}");
        assert!(time > Duration::from_secs(20), "{time:?}");
        // A short timeout is kept as it is.
        assert_eq!(
            deadline.test_time(Duration::from_secs(2)),
            Ok(Duration::from_secs(2))
        );
    }

    #[test]
    fn an_exercise_never_takes_more_than_six_timeouts() {
        let budget = Budget::starting(Instant::now(), Duration::from_secs(3600));
        let deadline = budget.share(&exercise(10), 1, 0);
        assert_eq!(deadline.limit, Limit::Exercise(Duration::from_secs(60)));
        let deadline = ExerciseDeadline::without_budget(&exercise(10));
        assert_eq!(deadline.limit, Limit::Exercise(Duration::from_secs(60)));
    }

    #[test]
    fn a_spent_budget_runs_nothing_more() {
        let budget = Budget::starting(Instant::now(), RESERVE);
        assert!(budget.spent());
        let deadline = budget.share(&exercise(10), 1, 0);
        assert_eq!(
            deadline.test_time(Duration::from_secs(10)),
            Err(Limit::Budget(RESERVE))
        );
        assert!(!Budget::unlimited().spent());
    }
}
