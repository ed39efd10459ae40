//! Alternative: the URLs' indices go into a crossbeam channel that `limit` workers drain; each
//! result comes back through a second channel with its index, and is put in place.

use crossbeam_channel::unbounded;
use std::thread;

/// Calls `fetch(url)` for every URL in `urls`, at most `limit` at a time, in the URLs' order.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "the limit must be at least 1");
    let (jobs, todo) = unbounded();
    for index in 0..urls.len() {
        jobs.send(index).unwrap();
    }
    drop(jobs);
    let (done, results) = unbounded();
    let fetch = &fetch;
    thread::scope(|s| {
        for _ in 0..limit {
            let (todo, done) = (todo.clone(), done.clone());
            s.spawn(move || {
                for index in todo {
                    let _ = done.send((index, fetch(urls[index])));
                }
            });
        }
    });
    drop(done);
    let mut slots: Vec<Option<R>> = urls.iter().map(|_| None).collect();
    for (index, result) in results {
        slots[index] = Some(result);
    }
    slots.into_iter().map(|slot| slot.unwrap()).collect()
}
