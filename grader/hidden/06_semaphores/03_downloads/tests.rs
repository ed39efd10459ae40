//! Hidden tests for exercises/06_semaphores/03_downloads.rs: `download_all` fetches every URL
//! once, never more than `limit` at a time but really `limit` at a time, starts the next
//! download as soon as one finishes, keeps the URLs' order, and lets waiting threads sleep.

use exercise::download_all;
use harness::awake;
use harness::sync::Rendezvous;
use harness::time::{join, within};
use std::collections::HashMap;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// How long a whole `download_all` call may take before the test calls it hung.
const CALL: Duration = Duration::from_secs(8);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);

/// The URLs `https://example.com/0` to `…/{n-1}`.
fn urls(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("https://example.com/{i}")).collect()
}

/// Calls `download_all` on another thread, failing the test if it does not return within
/// [`CALL`], and passing on a panic as it was.
fn call<R, F>(urls: Vec<String>, limit: usize, fetch: F) -> Vec<R>
where
    R: Send + 'static,
    F: Fn(&str) -> R + Sync + Send + 'static,
{
    let what = format!("download_all() of {} URLs with limit {limit}", urls.len());
    within(CALL, &what, move || {
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        download_all(&urls, limit, fetch)
    })
}

/// What the fetches saw that was wrong; a fetch records it instead of panicking inside the
/// learner's threads.
#[derive(Clone, Default)]
struct Problems(Arc<Mutex<Vec<String>>>);

impl Problems {
    fn record(&self, problem: String) {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(problem);
    }

    fn any(&self) -> bool {
        !self.0.lock().unwrap_or_else(|p| p.into_inner()).is_empty()
    }

    /// Fails the test with the first problem recorded, if any.
    fn check(&self) {
        if let Some(first) = self.0.lock().unwrap_or_else(|p| p.into_inner()).first() {
            panic!("{first}");
        }
    }
}

/// Counts the fetches running right now and the most that ever ran at once.
#[derive(Clone, Default)]
struct InFlight {
    now: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl InFlight {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    fn now(&self) -> usize {
        self.now.load(Ordering::SeqCst)
    }

    fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }
}

/// A one-way gate that fetches can wait at.
#[derive(Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn open(&self) {
        *self.open.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.opened.notify_all();
    }

    /// Waits until the gate opens or `limit` passes; says whether it opened.
    fn wait(&self, limit: Duration) -> bool {
        let open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let (open, _) = self
            .opened
            .wait_timeout_while(open, limit, |open| !*open)
            .unwrap_or_else(|p| p.into_inner());
        *open
    }
}

fn returns_every_result_in_the_order_of_the_urls() {
    // The first download waits until the second has finished, so the results come in out of
    // order; download_all must still return them in the order of the URLs.
    let second_done = Arc::new(Gate::default());
    let problems = Problems::default();
    let fetch = {
        let (second_done, problems) = (Arc::clone(&second_done), problems.clone());
        move |url: &str| {
            if url.ends_with("/0") && !second_done.wait(HANG) {
                problems.record(
                    "fetch(\"https://example.com/0\") waited 5 s for the download of \
                     \"https://example.com/1\" to finish, with a limit of 3: download_all \
                     should run up to 3 downloads at once"
                        .to_owned(),
                );
            }
            let page = format!("page of {url}");
            if url.ends_with("/1") {
                second_done.open();
            }
            page
        }
    };
    let got = call(urls(10), 3, fetch);
    problems.check();
    let expected: Vec<String> = urls(10)
        .iter()
        .map(|url| format!("page of {url}"))
        .collect();
    assert_eq!(
        got, expected,
        "download_all() of https://example.com/0 to …/9 returned the pages in this order:\n{got:#?}\n\
         It should return them in the order of the URLs, whatever order the downloads finish in"
    );
    let none: Vec<u32> = call(Vec::new(), 3, |_| 1);
    assert!(
        none.is_empty(),
        "download_all() of no URLs returned {none:?}; it should return an empty Vec"
    );
}

fn never_more_fetches_at_once_than_the_limit_and_each_url_once() {
    for limit in [1, 2, 3, 5] {
        const URLS: usize = 40;
        let in_flight = InFlight::default();
        let calls = Arc::new(Mutex::new(HashMap::<String, usize>::new()));
        let fetch = {
            let (in_flight, calls) = (in_flight.clone(), Arc::clone(&calls));
            move |url: &str| {
                in_flight.enter();
                // A download waits for the network: long enough for others to start meanwhile.
                thread::sleep(Duration::from_millis(2));
                *calls
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .entry(url.to_owned())
                    .or_default() += 1;
                in_flight.leave();
                url.len()
            }
        };
        let got = call(urls(URLS), limit, fetch);
        let most = in_flight.most();
        assert!(
            most <= limit,
            "{most} downloads ran at the same time in download_all() of {URLS} URLs with limit \
             {limit}; at most {limit} may"
        );
        let calls = calls.lock().unwrap_or_else(|p| p.into_inner());
        for url in urls(URLS) {
            let times = calls.get(&url).copied().unwrap_or(0);
            assert_eq!(
                times, 1,
                "download_all() of {URLS} URLs with limit {limit} fetched {url} {times} times; \
                 it should fetch each URL once"
            );
        }
        assert_eq!(
            got.len(),
            URLS,
            "download_all() of {URLS} URLs returned {} results",
            got.len()
        );
    }
}

fn exactly_as_many_fetches_as_the_limit_run_at_once() {
    for (limit, count) in [(1, 3), (2, 6), (4, 12), (5, 3)] {
        // Every fetch waits until `limit` of them (or all, when there are fewer URLs) are
        // running together, then at a gate that the test opens once it has watched for a
        // while that no more than `limit` started.
        let together = limit.min(count);
        let meeting = Arc::new(Rendezvous::new(together));
        let gate = Arc::new(Gate::default());
        let in_flight = InFlight::default();
        let problems = Problems::default();
        let fetch = {
            let (meeting, gate, in_flight, problems) = (
                Arc::clone(&meeting),
                Arc::clone(&gate),
                in_flight.clone(),
                problems.clone(),
            );
            move |url: &str| {
                in_flight.enter();
                // Once one fetch has given up, the others need not wait 5 s each as well.
                if !problems.any() {
                    if let Err(arrived) = meeting.wait(HANG) {
                        problems.record(format!(
                            "download_all() of {count} URLs with limit {limit} never ran \
                             {together} downloads at the same time: after 5 s only {arrived} \
                             were running together. It should run up to {limit} at once (is it \
                             downloading one at a time, or fewer than the limit?)"
                        ));
                    }
                }
                let _ = gate.wait(HANG);
                in_flight.leave();
                url.len()
            }
        };
        let downloads = thread::spawn(move || call(urls(count), limit, fetch));
        let deadline = Instant::now() + HANG + Duration::from_secs(1);
        while in_flight.now() < together && !problems.any() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(5));
        }
        // Give a download that should not start the time to start anyway.
        thread::sleep(Duration::from_millis(200));
        let most = in_flight.most();
        gate.open();
        join(downloads, CALL, "download_all()");
        problems.check();
        assert!(
            most <= limit,
            "{most} downloads ran at the same time in download_all() of {count} URLs with limit \
             {limit}; at most {limit} may"
        );
    }
}

fn a_slow_download_does_not_hold_up_the_others() {
    // With a limit of 2, the first download is slow: it only finishes once the last URL has
    // been downloaded. Meanwhile the second slot must go on to the next URL each time a
    // download finishes. Batches of 2 (waiting for both before starting the next two) never
    // get to the last URL.
    const URLS: usize = 6;
    let last_done = Arc::new(Gate::default());
    let started = Arc::new(Mutex::new(Vec::new()));
    let problems = Problems::default();
    let fetch = {
        let (last_done, started, problems) = (
            Arc::clone(&last_done),
            Arc::clone(&started),
            problems.clone(),
        );
        move |url: &str| {
            started
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(url.to_owned());
            if url.ends_with("/0") {
                if !last_done.wait(HANG) {
                    let started = started.lock().unwrap_or_else(|p| p.into_inner()).clone();
                    problems.record(format!(
                        "with a limit of 2, a slow first download (https://example.com/0) held \
                         up the others: while it ran, only these downloads were started in 5 s: \
                         {started:?}. As soon as one download finishes, the next should start \
                         (running the URLs in batches of `limit` waits for the slowest of each \
                         batch)"
                    ));
                }
            } else if url.ends_with(&format!("/{}", URLS - 1)) {
                last_done.open();
            }
            url.len()
        }
    };
    call(urls(URLS), 2, fetch);
    problems.check();
}

fn a_limit_of_zero_panics_and_a_limit_of_one_works() {
    let one = call(urls(2), 1, |url: &str| url.len());
    assert_eq!(
        one,
        vec![21, 21],
        "download_all() of two URLs of 21 characters with limit 1 and fetch = url.len() \
         returned {one:?}"
    );
    let outcome = within(
        HANG,
        "download_all() with a limit of 0 (it should panic, not wait forever)",
        || {
            panic::catch_unwind(|| {
                download_all(&["https://example.com/0"], 0, |url: &str| url.len())
            })
            .is_err()
        },
    );
    assert!(
        outcome,
        "download_all() with a limit of 0 returned; it should panic, since no download could \
         ever run"
    );
}

fn threads_waiting_for_their_turn_sleep_instead_of_spinning() {
    // Limit 1 and 4 URLs: the first download waits at a gate while the test measures how busy
    // the process is; whatever waits for its turn meanwhile must be asleep.
    let gate = Arc::new(Gate::default());
    let in_flight = InFlight::default();
    let fetch = {
        let (gate, in_flight) = (Arc::clone(&gate), in_flight.clone());
        move |url: &str| {
            in_flight.enter();
            let _ = gate.wait(Duration::from_secs(30));
            in_flight.leave();
            url.len()
        }
    };
    let downloads = thread::spawn(move || call(urls(4), 1, fetch));
    thread::sleep(Duration::from_millis(100));
    let activity = awake::watch(BLOCKED);
    gate.open();
    assert!(
        !activity.busy(),
        "while one download (limit 1) waited for the network and 3 more waited for their turn, \
         {}; a thread waiting for its turn should sleep (on a condition variable or a channel), \
         not loop checking",
        activity
    );
    join(downloads, CALL, "download_all() of 4 URLs with limit 1");
    let most = in_flight.most();
    assert!(
        most <= 1,
        "{most} downloads ran at the same time with a limit of 1"
    );
}

harness::hidden_tests![
    returns_every_result_in_the_order_of_the_urls,
    never_more_fetches_at_once_than_the_limit_and_each_url_once,
    exactly_as_many_fetches_as_the_limit_run_at_once,
    a_slow_download_does_not_hold_up_the_others,
    a_limit_of_zero_panics_and_a_limit_of_one_works,
    threads_waiting_for_their_turn_sleep_instead_of_spinning,
];
