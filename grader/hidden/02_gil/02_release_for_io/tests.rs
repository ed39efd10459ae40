//! Hidden tests for exercises/02_gil/02_release_for_io.rs: downloads on threads of their own
//! whose fetches overlap (they run without the GIL) and whose parses never do (they run with
//! it), with the results in the order of the urls.

use exercise::{Gil, download_all};
use harness::sync::Rendezvous;
use harness::time::within;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

fn urls(n: usize) -> Vec<String> {
    (1..=n)
        .map(|i| format!("https://example.com/page{i}"))
        .collect()
}

fn body_of(url: &str) -> String {
    format!("<html>{url}</html>")
}

/// Runs `download_all` on a thread of its own with a fresh `Gil` and the given urls, and
/// returns its result, or panics naming the hang.
fn run<T, F, P>(gil: Arc<Gil>, urls: Vec<String>, what: &str, fetch: F, parse: P) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(&str) -> String + Sync + Send + 'static,
    P: Fn(&str, String) -> T + Sync + Send + 'static,
{
    within(HANG, what, move || {
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        download_all(&gil, &urls, fetch, parse)
    })
}

/// A meeting point for the `fetch()` calls: all of them must be running at once. The first one
/// that waits in vain gives up for everyone, so that a solution that runs the fetches one at a
/// time fails after one wait, not after one wait per url.
struct FetchesMeet {
    meeting: Rendezvous,
    parties: usize,
    /// How many had arrived when the first one gave up.
    gave_up: Mutex<Option<usize>>,
}

impl FetchesMeet {
    fn new(parties: usize) -> Arc<Self> {
        Arc::new(Self {
            meeting: Rendezvous::new(parties),
            parties,
            gave_up: Mutex::new(None),
        })
    }

    /// Called inside `fetch()`: waits until every fetch is running, 2 s at most.
    fn meet(&self) {
        if self.gave_up.lock().unwrap().is_some() {
            return;
        }
        if let Err(arrived) = self.meeting.wait(Duration::from_secs(2)) {
            self.gave_up.lock().unwrap().get_or_insert(arrived);
        }
    }

    /// Panics if the fetches did not all run at once.
    fn check(&self) {
        if let Some(arrived) = *self.gave_up.lock().unwrap() {
            panic!(
                "only {arrived} of {} fetch() calls were running at the same time after 2 s; \
                 they should all run at once: each on its own thread, every thread started \
                 before any is joined, and fetch() called without holding the GIL",
                self.parties
            );
        }
    }
}

fn returns_what_parse_made_of_each_url_in_url_order() {
    let pages = urls(5);
    let fetched = Arc::new(Mutex::new(Vec::new()));
    let parsed = Arc::new(Mutex::new(Vec::new()));
    let got = {
        let (fetched, parsed) = (Arc::clone(&fetched), Arc::clone(&parsed));
        run(
            Arc::new(Gil::new()),
            pages.clone(),
            "download_all() of 5 urls",
            move |url| {
                fetched.lock().unwrap().push(url.to_owned());
                body_of(url)
            },
            move |url, body| {
                parsed.lock().unwrap().push(url.to_owned());
                (url.to_owned(), body)
            },
        )
    };
    let expected: Vec<(String, String)> = pages.iter().map(|u| (u.clone(), body_of(u))).collect();
    assert_eq!(
        got, expected,
        "download_all() of 5 urls returned {got:?}; it should return, for each url in order, \
         what parse(url, fetch(url)) returned"
    );
    let mut fetched = fetched.lock().unwrap().clone();
    fetched.sort();
    let mut parsed = parsed.lock().unwrap().clone();
    parsed.sort();
    let mut sorted = pages.clone();
    sorted.sort();
    assert_eq!(
        fetched, sorted,
        "fetch() was called for {fetched:?}; it should be called once for each of the 5 urls"
    );
    assert_eq!(
        parsed, sorted,
        "parse() was called for {parsed:?}; it should be called once for each of the 5 urls"
    );

    let none: Vec<String> = run(
        Arc::new(Gil::new()),
        Vec::new(),
        "download_all() of no urls at all",
        |url| panic!("fetch({url:?}) was called, but download_all() was given no urls"),
        |url, _| panic!("parse({url:?}) was called, but download_all() was given no urls"),
    );
    assert!(
        none.is_empty(),
        "download_all() of no urls returned {none:?}; it should return an empty Vec"
    );
}

fn results_come_in_url_order_even_when_the_last_download_finishes_first() {
    // The fetch of each url waits (300 ms at most) until the url after it has been parsed: the
    // downloads finish, and are parsed, last url first.
    const N: usize = 5;
    let pages = urls(N);
    let parsed: Arc<Vec<AtomicBool>> = Arc::new((0..N).map(|_| AtomicBool::new(false)).collect());
    let index_of = |url: &str| -> usize {
        url.trim_start_matches("https://example.com/page")
            .parse::<usize>()
            .unwrap()
            - 1
    };
    let got = {
        let (parsed_f, parsed_p) = (Arc::clone(&parsed), Arc::clone(&parsed));
        run(
            Arc::new(Gil::new()),
            pages.clone(),
            "download_all() of 5 urls whose downloads finish last url first",
            move |url| {
                let i = index_of(url);
                let started = Instant::now();
                while i + 1 < N
                    && !parsed_f[i + 1].load(Ordering::SeqCst)
                    && started.elapsed() < BLOCKED
                {
                    thread::sleep(Duration::from_millis(1));
                }
                body_of(url)
            },
            move |url, body| {
                parsed_p[index_of(url)].store(true, Ordering::SeqCst);
                format!("parsed {url}: {} bytes", body.len())
            },
        )
    };
    let expected: Vec<String> = pages
        .iter()
        .map(|u| format!("parsed {u}: {} bytes", body_of(u).len()))
        .collect();
    assert_eq!(
        got, expected,
        "when the downloads finished last url first, download_all() returned {got:?}; it should \
         return the results in the order of the urls: {expected:?}"
    );
}

fn every_fetch_runs_at_the_same_time() {
    const N: usize = 6;
    let meeting = FetchesMeet::new(N);
    let got = {
        let meeting = Arc::clone(&meeting);
        run(
            Arc::new(Gil::new()),
            urls(N),
            "download_all() of 6 urls",
            move |url| {
                meeting.meet();
                body_of(url)
            },
            |_, body| body.len(),
        )
    };
    meeting.check();
    assert_eq!(
        got.len(),
        N,
        "download_all() of 6 urls returned {} results; it should return 6",
        got.len()
    );
}

fn fetches_run_while_another_thread_holds_the_gil_and_parses_wait_for_it() {
    const N: usize = 4;
    let gil = Arc::new(Gil::new());
    let fetched = Arc::new(AtomicUsize::new(0));
    let parsed = Arc::new(AtomicUsize::new(0));
    let held = gil.acquire();
    let (done_tx, done) = mpsc::channel();
    let downloader = {
        let (gil, fetched, parsed) = (Arc::clone(&gil), Arc::clone(&fetched), Arc::clone(&parsed));
        thread::spawn(move || {
            let pages = urls(N);
            let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
            let got = download_all(
                &gil,
                &pages,
                |url| {
                    fetched.fetch_add(1, Ordering::SeqCst);
                    body_of(url)
                },
                |_, body| {
                    parsed.fetch_add(1, Ordering::SeqCst);
                    body
                },
            );
            let _ = done_tx.send(got.len());
        })
    };
    let started = Instant::now();
    while fetched.load(Ordering::SeqCst) < N && started.elapsed() < Duration::from_secs(3) {
        thread::sleep(Duration::from_millis(1));
    }
    let fetches = fetched.load(Ordering::SeqCst);
    assert_eq!(
        fetches, N,
        "while another thread held the GIL, only {fetches} of 4 fetches ran in 3 s; fetch() \
         should run without the GIL, so that downloads go on whoever holds it"
    );
    thread::sleep(BLOCKED);
    let parses = parsed.load(Ordering::SeqCst);
    assert_eq!(
        parses, 0,
        "parse() ran {parses} times while another thread held the GIL; parse() must run with the \
         GIL held (take the `gil` passed to download_all(), not a lock of your own)"
    );
    drop(held);
    let results = done
        .recv_timeout(HANG)
        .expect("download_all() did not return within 5 s after the other thread released the GIL");
    assert_eq!(
        results, N,
        "download_all() of 4 urls returned {results} results"
    );
    let _ = downloader.join();
}

fn no_two_parses_run_at_the_same_time() {
    // Every fetch returns at the same moment; then each parse takes 40 ms. With the GIL held
    // around parse, they run one after another.
    const N: usize = 6;
    let meeting = FetchesMeet::new(N);
    let inside = Arc::new(AtomicUsize::new(0));
    let most_inside = Arc::new(AtomicUsize::new(0));
    {
        let fetches = Arc::clone(&meeting);
        let (inside, most_inside) = (Arc::clone(&inside), Arc::clone(&most_inside));
        run(
            Arc::new(Gil::new()),
            urls(N),
            "download_all() of 6 urls",
            move |url| {
                fetches.meet();
                body_of(url)
            },
            move |_, body| {
                let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                most_inside.fetch_max(now, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(40));
                inside.fetch_sub(1, Ordering::SeqCst);
                body.len()
            },
        );
    }
    meeting.check();
    let most = most_inside.load(Ordering::SeqCst);
    assert!(
        most <= 1,
        "{most} parse() calls ran at the same time; parse() is \"Python code\" and must run \
         with the GIL held, one at a time"
    );
}

harness::hidden_tests![
    returns_what_parse_made_of_each_url_in_url_order,
    results_come_in_url_order_even_when_the_last_download_finishes_first,
    every_fetch_runs_at_the_same_time,
    fetches_run_while_another_thread_holds_the_gil_and_parses_wait_for_it,
    no_two_parses_run_at_the_same_time,
];
