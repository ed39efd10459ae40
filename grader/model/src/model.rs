//! Runs one scenario under the model checker and turns what it found into a verdict a learner
//! can read: passed, failed with the interleaving that broke it, or inconclusive (the checker
//! gave up, which is never a failure: the stress tests decide then).
//!
//! A model test in `grader/hidden/…/model.rs` is an ordinary hidden test whose body calls
//! [`check`] with its bounds and a scenario of two or three threads:
//!
//! ```no_run
//! # struct Counter; impl Counter { fn new() -> Self { Counter } fn increment(&self) {} fn get(&self) -> u64 { 2 } }
//! use sim::model::{self, Bounds};
//! use std::sync::Arc;
//!
//! fn two_increments_are_never_lost() {
//!     model::check(Bounds::default(), || {
//!         let counter = Arc::new(Counter::new());
//!         let other = {
//!             let counter = Arc::clone(&counter);
//!             sim::thread::spawn(move || counter.increment())
//!         };
//!         counter.increment();
//!         other.join().unwrap();
//!         assert_eq!(counter.get(), 2, "two increments, one in each thread, gave {}", counter.get());
//!     });
//! }
//! ```
//!
//! Replaying: when a scenario fails, the checker's path through it (every scheduling decision)
//! is written to [`REPLAY_FILE`] in the working folder, which the grader keeps; when the grader
//! puts that file back in a test's working folder, the test explores that one interleaving, so
//! the same failure, with the same story, comes back at once.

use std::any::Any;
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How far the checker explores a scenario. Part of the course data: each model test states
/// its own, and a failure message repeats them.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The most times one execution may switch away from a thread that could have gone on:
    /// most concurrency bugs need two or three.
    pub preemptions: usize,
    /// The most scheduling decisions in one execution; past it the checker gives up on the
    /// scenario (a spin loop that never ends), which makes the test inconclusive, not failed.
    pub branches: usize,
    /// The most time spent exploring; past it the test is inconclusive.
    pub time: Duration,
}

impl Default for Bounds {
    /// Three preemptions, 2 000 scheduling decisions and 4 s: enough for the course's scenarios
    /// to be explored completely in well under a second.
    fn default() -> Self {
        Bounds {
            preemptions: 3,
            branches: 2_000,
            time: Duration::from_secs(4),
        }
    }
}

impl Bounds {
    /// The default bounds with another preemption bound.
    pub fn preemptions(preemptions: usize) -> Self {
        Bounds {
            preemptions,
            ..Bounds::default()
        }
    }
}

/// The file, in the test's working folder, that holds the checker's path through the failing
/// interleaving: written when a scenario fails, replayed when it is there as the test starts.
pub const REPLAY_FILE: &str = "model-replay.json";

/// The number of the execution being explored, counted from 1 in each [`check`]; 0 outside.
static EXECUTION: AtomicU64 = AtomicU64::new(0);

/// How many executions were explored by the running check.
static EXPLORED: AtomicUsize = AtomicUsize::new(0);

/// The verdict line the harness reads for a model test that could not conclude: the test
/// passes (a checker that gave up proves nothing against the learner), and the grader shows the
/// note once.
fn inconclusive(why: &str) {
    let mut out = std::io::stdout().lock();
    let _ = write!(
        out,
        "\n{}{}\n",
        harness::NOTE_PREFIX,
        harness::escape(&format!(
            "a model test was inconclusive: {why}; the stress tests alone judge this"
        ))
    );
    let _ = out.flush();
}

/// Explores every interleaving of `scenario` within `bounds`, and panics with the story of the
/// first one that fails: an assertion of the scenario, a panic of the learner's code, a data
/// race, or every thread blocked for ever.
pub fn check<F>(bounds: Bounds, scenario: F)
where
    F: Fn() + Sync + Send + 'static,
{
    let replay = Path::new(REPLAY_FILE)
        .exists()
        .then(|| PathBuf::from(REPLAY_FILE));
    let scenario = std::sync::Arc::new(scenario);
    let started = Instant::now();
    let outcome = explore(
        bounds,
        replay.clone(),
        None,
        std::sync::Arc::clone(&scenario),
    );
    let Err(payload) = outcome else {
        if replay.is_none() && started.elapsed() >= bounds.time {
            inconclusive(&format!(
                "the checker explored {} interleavings in {} s without finding a failure, but \
                 not all of them",
                EXPLORED.load(Ordering::Relaxed),
                bounds.time.as_secs()
            ));
        }
        return;
    };
    let found = Found::from_payload(payload.as_ref());
    if let Found::GaveUp = found {
        inconclusive(&format!(
            "the checker gave up after {} scheduling decisions in one interleaving (a thread \
             that spins until another acts can take that many)",
            bounds.branches
        ));
        return;
    }
    if let Found::NotReplayable = found {
        inconclusive(
            "the code did not make the same choices each time the checker ran the scenario \
             again from the start (it depends on something besides the order of the threads, \
             such as where in memory an object was made, the clock, or a random number), so \
             the checker could not explore it",
        );
        return;
    }
    let execution = EXECUTION.load(Ordering::Relaxed);
    let story = crate::story::told();
    if replay.is_none() {
        // Explore again up to the failing interleaving, this time writing the checker's path
        // to it; the exploration is deterministic, so it fails again at the same place. (Writing
        // the path of every interleaving as it is explored would slow every passing test.)
        let _ = harness::without_recording_panics(|| {
            explore(
                bounds,
                None,
                Some((PathBuf::from(REPLAY_FILE), execution)),
                scenario,
            )
        });
    }
    let message = found.explain(&payload_text(payload.as_ref()));
    let told = if story.is_empty() {
        String::new()
    } else {
        format!(
            "\n\nThe model checker explores every interleaving of these threads that needs at \
             most {} preemptions; interleaving {execution} fails, step by step:\n{story}",
            bounds.preemptions
        )
    };
    resume_unwind(Box::new(format!("{message}{told}")));
}

/// Runs the checker; `save` asks for the path of execution `n` to be written to a file.
fn explore<F>(
    bounds: Bounds,
    replay: Option<PathBuf>,
    save: Option<(PathBuf, u64)>,
    scenario: std::sync::Arc<F>,
) -> Result<(), Box<dyn Any + Send>>
where
    F: Fn() + Sync + Send + 'static,
{
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(bounds.preemptions);
    builder.max_branches = bounds.branches;
    builder.max_threads = loom::MAX_THREADS;
    builder.location = false;
    builder.log = false;
    builder.max_duration = Some(bounds.time);
    // How often loom looks at the clock (and writes its checkpoint, if asked).
    builder.checkpoint_interval = 64;
    builder.max_permutations = None;
    match (&replay, &save) {
        (Some(path), _) => {
            builder.checkpoint_file = Some(path.clone());
            // Check the interleaving read from the file, and nothing after it.
            builder.checkpoint_interval = 1;
            builder.max_permutations = Some(2);
        }
        (None, Some((path, execution))) => {
            let _ = std::fs::remove_file(path);
            builder.checkpoint_file = Some(path.clone());
            builder.checkpoint_interval = usize::try_from(*execution).unwrap_or(usize::MAX);
            builder.max_permutations = Some(builder.checkpoint_interval.saturating_add(1));
        }
        (None, None) => builder.checkpoint_file = None,
    }
    EXECUTION.store(0, Ordering::Relaxed);
    EXPLORED.store(0, Ordering::Relaxed);
    catch_unwind(AssertUnwindSafe(|| {
        builder.check(move || {
            EXECUTION.fetch_add(1, Ordering::Relaxed);
            EXPLORED.fetch_add(1, Ordering::Relaxed);
            crate::story::begin();
            scenario();
        })
    }))
}

/// What the checker's panic says it found.
enum Found {
    /// The branch limit: the scenario could not be explored to its end.
    GaveUp,
    /// The checker's own bookkeeping broke because an execution did not repeat the choices of
    /// the one it was replaying (loom requires a deterministic scenario): code that orders
    /// locks by heap addresses, which differ from one execution to the next, does this. Not
    /// the learner's fault, and not a verdict.
    NotReplayable,
    /// Two accesses to the same data, neither of which happens before the other.
    DataRace,
    /// Every thread blocked, none able to wake another.
    Deadlock,
    /// The scenario's assertion, or a panic of the learner's code: its own message says what.
    Failed,
}

impl Found {
    fn from_payload(payload: &(dyn Any + Send)) -> Found {
        let text = payload_text(payload);
        if text.contains("Model exceeded maximum number of branches") {
            Found::GaveUp
        } else if [
            "Is the model fully deterministic?",
            "expected to be able to acquire lock",
            "[loom internal bug]",
            "invalid internal loom state",
            "loom::RwLock state corrupt",
        ]
        .iter()
        .any(|symptom| text.contains(symptom))
        {
            Found::NotReplayable
        } else if text.contains("Causality violation") {
            Found::DataRace
        } else if text.starts_with("deadlock; threads") {
            Found::Deadlock
        } else {
            Found::Failed
        }
    }

    /// The verdict's first paragraph.
    fn explain(&self, checker_said: &str) -> String {
        match self {
            Found::GaveUp | Found::NotReplayable => checker_said.to_owned(),
            Found::DataRace => format!(
                "a data race: two threads used the same data, and nothing made one use happen \
                 before the other. The checker said: \"{}\". Whatever hands data to another \
                 thread (freeing a lock, a store that another thread's load will read) must be a \
                 `Release` (or stronger), and whatever takes it (taking the lock, that load) an \
                 `Acquire`: with `Relaxed`, the other thread may see the data as it was before, \
                 or half-written, on a real machine.",
                checker_said
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("Causality violation: ")
                    .trim_end_matches('.')
            ),
            Found::Deadlock => "every thread was blocked, waiting for something that no thread \
                 would ever do: a deadlock (each waits for a lock another holds) or a lost \
                 wake-up (a wait that began after the notify it needed)."
                .to_owned(),
            Found::Failed => checker_said.to_owned(),
        }
    }
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with a value that is not text".to_owned()
    }
}
