//! Hidden tests for exercises/02_gil/03_parallel_chunks.rs: exactly `threads` even, contiguous
//! chunks, all worked on at the same time on threads of their own, each changed in place
//! through its own `&mut`, results in chunk order.

use exercise::map_chunks;
use harness::sync::Rendezvous;
use harness::time::within;
use std::panic;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// A meeting point for the `work()` calls: all of them must be running at once. The first one
/// that waits in vain gives up for everyone, so that a solution that runs the chunks one at a
/// time fails after one wait, not after one wait per chunk.
struct WorkMeets {
    meeting: Rendezvous,
    parties: usize,
    /// How many had arrived when the first one gave up.
    gave_up: Mutex<Option<usize>>,
}

impl WorkMeets {
    fn new(parties: usize) -> Arc<Self> {
        Arc::new(Self {
            meeting: Rendezvous::new(parties),
            parties,
            gave_up: Mutex::new(None),
        })
    }

    /// Called inside `work()`: waits until every call is running, 2 s at most.
    fn meet(&self) {
        if self.gave_up.lock().unwrap().is_some() {
            return;
        }
        if let Err(arrived) = self.meeting.wait(Duration::from_secs(2)) {
            self.gave_up.lock().unwrap().get_or_insert(arrived);
        }
    }

    /// Panics if the calls did not all run at once.
    fn check(&self) {
        if let Some(arrived) = *self.gave_up.lock().unwrap() {
            panic!(
                "map_chunks(items, {n}, work): only {arrived} of the {n} work() calls were \
                 running at the same time after 2 s; they should all run at once, each on a \
                 thread of its own (start every thread before joining any, and hold no lock \
                 around work())",
                n = self.parties
            );
        }
    }
}

fn sums_of_the_chunks_add_up_to_the_sum_of_all_items() {
    let mut items: Vec<u64> = (1..=100_000).collect();
    let sums = within(HANG, "map_chunks(1..=100 000, 4, sum)", move || {
        map_chunks(&mut items, 4, |chunk: &mut [u64]| chunk.iter().sum::<u64>())
    });
    assert_eq!(
        sums.len(),
        4,
        "map_chunks(1..=100 000, 4, sum) returned {} results; it should return one per chunk: 4",
        sums.len()
    );
    let total: u64 = sums.iter().sum();
    assert_eq!(
        total, 5_000_050_000,
        "the sums of the 4 chunks of 1..=100 000 add up to {total}; they should add up to \
         5 000 050 000 (every item in exactly one chunk)"
    );
}

fn makes_exactly_threads_chunks_in_order_with_lengths_differing_by_at_most_one() {
    for (len, threads) in [
        (10, 4),
        (9, 4),
        (12, 3),
        (7, 1),
        (5, 5),
        (2, 3),
        (0, 2),
        (1000, 7),
    ] {
        let mut items: Vec<u32> = (0..len).collect();
        let chunks = within(
            HANG,
            &format!("map_chunks() of {len} items on {threads} threads"),
            move || map_chunks(&mut items, threads, |chunk: &mut [u32]| chunk.to_vec()),
        );
        assert_eq!(
            chunks.len(),
            threads,
            "map_chunks() of {len} items on {threads} threads called work() {} times (on \
             {chunks:?}); it should make exactly {threads} chunks",
            chunks.len()
        );
        let joined: Vec<u32> = chunks.concat();
        let items: Vec<u32> = (0..len).collect();
        assert_eq!(
            joined, items,
            "map_chunks() of the {len} items 0..{len} on {threads} threads gave work() the chunks \
             {chunks:?}; put one after the other, in the order of the results, they should be \
             the items themselves, each once, in order"
        );
        let lengths: Vec<usize> = chunks.iter().map(Vec::len).collect();
        let (shortest, longest) = (
            lengths.iter().min().copied().unwrap_or(0),
            lengths.iter().max().copied().unwrap_or(0),
        );
        assert!(
            longest - shortest <= 1,
            "map_chunks() of {len} items on {threads} threads made chunks of {lengths:?} items; \
             their lengths should differ by at most one"
        );
    }
}

fn every_chunk_is_worked_on_at_the_same_time() {
    for threads in [2, 4, 8] {
        let meets = WorkMeets::new(threads);
        let mut items: Vec<u64> = (0..800).collect();
        let sums = {
            let meets = Arc::clone(&meets);
            within(
                HANG,
                &format!("map_chunks() of 800 items on {threads} threads"),
                move || {
                    map_chunks(&mut items, threads, |chunk: &mut [u64]| {
                        meets.meet();
                        chunk.iter().sum::<u64>()
                    })
                },
            )
        };
        meets.check();
        let total: u64 = sums.iter().sum();
        assert_eq!(
            total, 319_600,
            "the sums of the {threads} chunks of 0..800 add up to {total}; they should add up to \
             319 600"
        );
    }
}

fn results_come_in_chunk_order_even_when_the_last_chunk_finishes_first() {
    // Each work() call waits until the call on the next chunk has finished.
    const THREADS: usize = 4;
    let mut items: Vec<usize> = (0..THREADS).collect();
    let done: Arc<Vec<AtomicBool>> =
        Arc::new((0..THREADS).map(|_| AtomicBool::new(false)).collect());
    let gave_up = Arc::new(AtomicBool::new(false));
    let got = {
        let (done, gave_up) = (Arc::clone(&done), Arc::clone(&gave_up));
        within(
            HANG,
            "map_chunks() of 4 items on 4 threads whose work finishes last chunk first",
            move || {
                map_chunks(&mut items, THREADS, |chunk: &mut [usize]| {
                    let Some(&i) = chunk.first() else {
                        return usize::MAX;
                    };
                    let started = Instant::now();
                    while i + 1 < THREADS
                        && !done[i + 1].load(Ordering::SeqCst)
                        && !gave_up.load(Ordering::SeqCst)
                    {
                        if started.elapsed() > Duration::from_secs(2) {
                            gave_up.store(true, Ordering::SeqCst);
                        }
                        thread::sleep(Duration::from_millis(1));
                    }
                    done[i].store(true, Ordering::SeqCst);
                    i * 10
                })
            },
        )
    };
    assert!(
        !gave_up.load(Ordering::SeqCst),
        "a work() call waited 2 s in vain for the work on another chunk to finish; the chunks \
         should all be worked on at the same time, each on a thread of its own"
    );
    assert_eq!(
        got,
        vec![0, 10, 20, 30],
        "when the last chunk finished first, map_chunks() returned {got:?}; it should return the \
         results in chunk order: [0, 10, 20, 30]"
    );
}

fn each_item_is_changed_in_place_by_exactly_one_work_call() {
    // Many rounds of many small chunks: every item must be changed once, whoever runs first,
    // and the changes must be in the caller's slice when map_chunks() returns.
    let mut items: Vec<u64> = (0..10_000).collect();
    for threads in [3, 6, 16] {
        items = within(
            HANG,
            &format!("map_chunks() of 10 000 items on {threads} threads"),
            move || {
                map_chunks(&mut items, threads, |chunk: &mut [u64]| {
                    for item in chunk.iter_mut() {
                        *item += 1_000_000;
                    }
                });
                items
            },
        );
    }
    for (index, &item) in items.iter().enumerate() {
        let times = (item - index as u64) / 1_000_000;
        assert_eq!(
            item,
            index as u64 + 3_000_000,
            "over 3 calls of map_chunks() on the items 0..10 000 (on 3, 6 and 16 threads), with \
             a work() that adds 1 000 000 to every item of its chunk, item {index} ended as \
             {item} (changed {times} times); it should be changed exactly once per call, in \
             the caller's slice: {}",
            index as u64 + 3_000_000
        );
    }
}

fn items_need_only_be_send_each_thread_has_its_own() {
    // `Cell` is `Send` but not `Sync`: fine here, since no item is ever seen by two threads.
    let mut cells: Vec<Cell<u32>> = (0..9).map(Cell::new).collect();
    let counts = within(HANG, "map_chunks() of 9 Cells on 4 threads", move || {
        let counts = map_chunks(&mut cells, 4, |chunk: &mut [Cell<u32>]| {
            for cell in chunk.iter() {
                cell.set(cell.get() * 10);
            }
            chunk.len()
        });
        (counts, cells)
    });
    let (counts, cells) = counts;
    let values: Vec<u32> = cells.iter().map(Cell::get).collect();
    assert_eq!(
        values,
        (0..9).map(|n| n * 10).collect::<Vec<u32>>(),
        "map_chunks() of the Cells 0..9 on 4 threads, with a work() that multiplies each by 10, \
         left {values:?}; every item should be multiplied once"
    );
    let mut sorted = counts.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        vec![2, 2, 2, 3],
        "map_chunks() of 9 items on 4 threads gave work() chunks of {counts:?} items; they \
         should be four chunks of 3, 2, 2 and 2 items"
    );
}

fn zero_threads_panics() {
    let outcome = within(HANG, "map_chunks(&mut [1, 2, 3], 0, work)", || {
        panic::catch_unwind(|| map_chunks(&mut [1, 2, 3], 0, |chunk: &mut [i32]| chunk.len()))
    });
    if let Ok(results) = outcome {
        panic!(
            "map_chunks(&mut [1, 2, 3], 0, work) returned {results:?}; with 0 threads there is no \
             one to do the work, so it should panic"
        );
    }
}

fn a_panic_in_work_reaches_the_caller() {
    // The chunk holding 5 panics, the second of three: whatever the threads' order, it has no
    // result, so map_chunks cannot return one for every chunk.
    let outcome = within(
        HANG,
        "map_chunks(&mut items, 3, work) with a panicking work",
        || {
            let mut items: Vec<i32> = (0..9).collect();
            panic::catch_unwind(panic::AssertUnwindSafe(|| {
                map_chunks(&mut items, 3, |chunk: &mut [i32]| {
                    if chunk.contains(&5) {
                        panic!("work fails on the chunk holding 5, on purpose");
                    }
                    chunk.len()
                })
            }))
        },
    );
    if let Ok(results) = outcome {
        panic!(
            "work panicked on one of the 3 chunks, yet map_chunks(&mut items, 3, work) returned \
             {results:?}; there is no result for that chunk, so map_chunks should panic too \
             (joining the thread that panicked gives Err: pass the panic on, or unwrap it)"
        );
    }
}

harness::hidden_tests![
    sums_of_the_chunks_add_up_to_the_sum_of_all_items,
    makes_exactly_threads_chunks_in_order_with_lengths_differing_by_at_most_one,
    every_chunk_is_worked_on_at_the_same_time,
    results_come_in_chunk_order_even_when_the_last_chunk_finishes_first,
    each_item_is_changed_in_place_by_exactly_one_work_call,
    items_need_only_be_send_each_thread_has_its_own,
    zero_threads_panics,
    a_panic_in_work_reaches_the_caller,
];
