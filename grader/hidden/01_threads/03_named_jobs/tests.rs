//! Hidden tests of threads/named_jobs: each job on a thread with its name, all at once, and a
//! panic turned into an `Err` with its message while the other jobs carry on.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use exercise::{Job, NO_MESSAGE, Outcome, run_jobs};
use harness::sync::Rendezvous;
use harness::time::within;

/// How long a job waits for the others before the test calls it "not at the same time".
const PATIENCE: Duration = Duration::from_secs(5);
/// A deadline for a whole call: only a hang takes this long.
const HANG: Duration = Duration::from_secs(8);

fn job<T, F: FnOnce() -> T + Send + 'static>(name: &str, f: F) -> (String, Job<T>) {
    (name.to_owned(), Box::new(f))
}

fn run<T: Send + std::fmt::Debug + 'static>(
    what: &str,
    jobs: Vec<(String, Job<T>)>,
) -> Vec<Outcome<T>> {
    within(HANG, what, move || run_jobs(jobs))
}

fn returns_every_value_in_the_order_of_the_jobs() {
    let jobs = (0..6)
        .map(|i| job(&format!("job-{i}"), move || i * 7))
        .collect();
    let outcomes = run("run_jobs with 6 jobs", jobs);
    let expected: Vec<Outcome<i32>> = (0..6).map(|i| Ok(i * 7)).collect();
    assert_eq!(
        outcomes, expected,
        "run_jobs with jobs returning 0, 7, 14, …, 35 returned {outcomes:?}; it should return {expected:?}"
    );
    let none = run::<i32>("run_jobs with no jobs", Vec::new());
    assert!(
        none.is_empty(),
        "run_jobs(vec![]) returned {none:?}; it should return an empty Vec"
    );
}

fn each_job_runs_on_a_thread_with_its_name() {
    let names = ["downloader", "parser", "indexer", "reporter"];
    let jobs = names
        .iter()
        .map(|name| job(name, || std::thread::current().name().map(str::to_owned)))
        .collect();
    let outcomes = run("run_jobs with 4 named jobs", jobs);
    for (name, outcome) in names.iter().zip(&outcomes) {
        match outcome {
            Ok(Some(seen)) if seen == name => {}
            Ok(Some(seen)) => panic!(
                "the job named {name:?} ran on a thread named {seen:?}; its thread should be \
                 named {name:?} (thread::Builder::new().name(…))"
            ),
            Ok(None) => panic!(
                "the job named {name:?} ran on a thread without a name; name it with \
                 thread::Builder::new().name(…)"
            ),
            Err(message) => panic!("the job named {name:?} did not run: {message}"),
        }
    }
}

fn all_jobs_run_at_the_same_time() {
    const N: usize = 5;
    let meeting = Arc::new(Rendezvous::new(N));
    let gave_up = Arc::new(AtomicBool::new(false));
    let trouble = Arc::new(Mutex::new(None::<String>));
    let jobs = (0..N)
        .map(|i| {
            let (meeting, gave_up, trouble) = (
                Arc::clone(&meeting),
                Arc::clone(&gave_up),
                Arc::clone(&trouble),
            );
            job(&format!("job-{i}"), move || {
                if gave_up.load(Ordering::SeqCst) {
                    return;
                }
                if let Err(arrived) = meeting.wait(PATIENCE) {
                    gave_up.store(true, Ordering::SeqCst);
                    trouble.lock().unwrap().get_or_insert(format!(
                        "job-{i} waited {} s for the other jobs, and only {arrived} of the {N} \
                         were running at once; start every job's thread before joining any",
                        PATIENCE.as_secs()
                    ));
                }
            })
        })
        .collect();
    let _ = within(
        HANG,
        "run_jobs with 5 jobs that wait for each other",
        move || run_jobs(jobs),
    );
    if let Some(what) = trouble.lock().unwrap().take() {
        panic!("{what}");
    }
}

fn a_panicking_job_becomes_an_err_with_its_message_and_the_others_still_run() {
    let jobs: Vec<(String, Job<u32>)> = vec![
        job("first", || 1),
        job("literal", || panic!("disk full")),
        job("middle", || 3),
        job("formatted", || {
            let code = 42;
            panic!("exit code {code}")
        }),
        job("last", || 5),
    ];
    let outcomes = run("run_jobs with two panicking jobs", jobs);
    let expected: Vec<Outcome<u32>> = vec![
        Ok(1),
        Err("disk full".to_owned()),
        Ok(3),
        Err("exit code 42".to_owned()),
        Ok(5),
    ];
    assert_eq!(
        outcomes, expected,
        "with jobs [returns 1, panic!(\"disk full\"), returns 3, panic!(\"exit code {{code}}\") \
         with code = 42, returns 5], run_jobs returned {outcomes:?}; it should return \
         {expected:?} (a panic! with a literal message carries a &str, a formatted one a String)"
    );
}

fn a_panic_without_a_string_message_is_reported_as_such() {
    let jobs: Vec<(String, Job<u32>)> = vec![
        job("odd", || std::panic::panic_any(404_u16)),
        job("fine", || 2),
    ];
    let outcomes = run("run_jobs with a job that panics with a number", jobs);
    let expected: Vec<Outcome<u32>> = vec![Err(NO_MESSAGE.to_owned()), Ok(2)];
    assert_eq!(
        outcomes, expected,
        "a job that called panic_any(404_u16) made run_jobs return {outcomes:?}; it should \
         return {expected:?}"
    );
}

harness::hidden_tests![
    returns_every_value_in_the_order_of_the_jobs,
    each_job_runs_on_a_thread_with_its_name,
    all_jobs_run_at_the_same_time,
    a_panicking_job_becomes_an_err_with_its_message_and_the_others_still_run,
    a_panic_without_a_string_message_is_reported_as_such,
];
