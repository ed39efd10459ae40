//! Rate-limited downloads: 12 pretend downloads, at most 3 at a time, done three ways. A thread
//! per URL with a semaphore, and 3 workers taking the next URL, both start the next download as
//! soon as one finishes; batches of 3 wait for the slowest download of each batch.
//!
//! Run it with `cargo run -p semaphores --example downloads`.

use semaphores::channels::TokenSemaphore;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const LIMIT: usize = 3;

/// A pretend download: every fourth one is slow.
fn fetch(url: &str, in_flight: &AtomicUsize) -> usize {
    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    assert!(now <= LIMIT, "{now} downloads at once");
    let n: u64 = url.rsplit('/').next().unwrap().parse().unwrap();
    let millis = if n.is_multiple_of(4) { 300 } else { 50 };
    thread::sleep(Duration::from_millis(millis));
    in_flight.fetch_sub(1, Ordering::SeqCst);
    url.len()
}

/// A thread per URL, each holding a permit of a semaphore of `LIMIT` while it downloads.
fn with_a_semaphore(urls: &[String], in_flight: &AtomicUsize) -> Vec<usize> {
    let limit = TokenSemaphore::new(LIMIT);
    thread::scope(|s| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| {
                let limit = &limit;
                s.spawn(move || {
                    let _permit = limit.acquire();
                    fetch(url, in_flight)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// `LIMIT` worker threads, each taking the index of the next URL until none is left.
fn with_workers(urls: &[String], in_flight: &AtomicUsize) -> Vec<usize> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<usize>>> = urls.iter().map(|_| Mutex::new(None)).collect();
    thread::scope(|s| {
        for _ in 0..LIMIT {
            s.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(index) else { break };
                    *results[index].lock().unwrap() = Some(fetch(url, in_flight));
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| slot.into_inner().unwrap().unwrap())
        .collect()
}

/// The mistake: batches of `LIMIT`, each joined before the next starts.
fn in_batches(urls: &[String], in_flight: &AtomicUsize) -> Vec<usize> {
    let mut results = Vec::new();
    for batch in urls.chunks(LIMIT) {
        thread::scope(|s| {
            let handles: Vec<_> = batch
                .iter()
                .map(|url| s.spawn(move || fetch(url, in_flight)))
                .collect();
            results.extend(handles.into_iter().map(|h| h.join().unwrap()));
        });
    }
    results
}

fn main() {
    let urls: Vec<String> = (1..=12)
        .map(|n| format!("https://example.com/file/{n}"))
        .collect();
    let in_flight = AtomicUsize::new(0);
    type Way = fn(&[String], &AtomicUsize) -> Vec<usize>;
    let ways: [(&str, Way); 3] = [
        ("a thread per URL and a semaphore", with_a_semaphore),
        ("3 workers", with_workers),
        ("batches of 3 (the mistake)", in_batches),
    ];
    for (name, way) in ways {
        let started = Instant::now();
        let sizes = way(&urls, &in_flight);
        assert_eq!(sizes.len(), urls.len());
        println!(
            "{name}: {} downloads, at most {LIMIT} at a time, in {} ms",
            sizes.len(),
            started.elapsed().as_millis()
        );
    }
}
