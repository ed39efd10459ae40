//! Hidden tests of atomics/id_allocator: every id of the range handed out exactly once, however
//! many threads ask at once, and nothing after the last, not even after `u32::MAX`.

use std::collections::HashSet;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercise::IdAllocator;
use harness::chaos::Chaos;
use harness::time::within;
use harness::types::assert_send_sync;

/// How long a few calls on one thread may take before the test calls them hung.
const HANG: Duration = Duration::from_secs(5);

fn hands_out_first_to_last_then_none() {
    assert_send_sync::<IdAllocator>();
    let ids = within(HANG, "allocate() on one thread", || {
        let ids = IdAllocator::new(3, 5);
        (0..6).map(|_| ids.allocate()).collect::<Vec<_>>()
    });
    let expected = vec![Some(3), Some(4), Some(5), None, None, None];
    assert_eq!(
        ids, expected,
        "IdAllocator::new(3, 5) answered six allocate() calls with {ids:?}; it should answer \
         {expected:?}: every id from first to last, in order on one thread, then None"
    );
}

fn a_range_of_one_id_or_none_is_handled() {
    let (one, none) = within(HANG, "allocate() on tiny ranges", || {
        let one = IdAllocator::new(7, 7);
        let none = IdAllocator::new(5, 4);
        (
            [one.allocate(), one.allocate()],
            [none.allocate(), none.allocate()],
        )
    });
    assert_eq!(
        one,
        [Some(7), None],
        "IdAllocator::new(7, 7) answered two allocate() calls with {one:?}; it should answer \
         [Some(7), None]"
    );
    assert_eq!(
        none,
        [None, None],
        "IdAllocator::new(5, 4) answered two allocate() calls with {none:?}; with first > last \
         there are no ids, so [None, None]"
    );
}

fn never_wraps_past_u32_max() {
    const ASKED: usize = 1_000;
    let ids = within(HANG, "allocate() at the top of the u32 range", || {
        let ids = IdAllocator::new(u32::MAX - 2, u32::MAX);
        (0..3 + ASKED).map(|_| ids.allocate()).collect::<Vec<_>>()
    });
    let top = [Some(u32::MAX - 2), Some(u32::MAX - 1), Some(u32::MAX)];
    assert_eq!(
        ids[..3],
        top,
        "IdAllocator::new(u32::MAX - 2, u32::MAX) began with {:?}; it should begin with {top:?}",
        &ids[..3]
    );
    if let Some((n, id)) = ids[3..].iter().enumerate().find(|(_, id)| id.is_some()) {
        panic!(
            "IdAllocator::new(u32::MAX - 2, u32::MAX) handed out its three ids, and then call \
             number {} after them returned {id:?} instead of None: the counter wrapped round \
             past u32::MAX. An allocator that is out of ids must not change its counter at all \
             (and a u32 counter cannot hold \"one past u32::MAX\")",
            n + 1
        );
    }
}

/// Threads asking at once for more ids than there are. On two idle cores they collide all the
/// time; on a busy machine they may take turns, so forced preemption stops them half-way
/// through `allocate()`, and the round is repeated. The model tests prove the same for two
/// threads on any machine.
const THREADS: usize = 4;
const PER_THREAD: usize = 60_000;
const LAST: u32 = 199_999;
const ROUNDS: usize = 3;

fn never_hands_out_an_id_twice_from_many_threads() {
    let available = LAST as usize + 1;
    for _ in 0..ROUNDS {
        let ids = Arc::new(IdAllocator::new(0, LAST));
        let start = Arc::new(Barrier::new(THREADS));
        let _chaos = Chaos::start(Duration::from_micros(50));
        let got: Vec<Vec<Option<u32>>> = within(
            Duration::from_secs(10),
            "4 threads calling allocate() at once",
            move || {
                let handles: Vec<_> = (0..THREADS)
                    .map(|_| {
                        let (ids, start) = (Arc::clone(&ids), Arc::clone(&start));
                        thread::spawn(move || {
                            harness::chaos::join();
                            start.wait();
                            (0..PER_THREAD).map(|_| ids.allocate()).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| handle.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                    .collect()
            },
        );
        let mut seen = HashSet::new();
        let mut handed_out = 0;
        for id in got.iter().flatten().flatten() {
            handed_out += 1;
            assert!(
                *id <= LAST,
                "IdAllocator::new(0, {LAST}) handed out {id}, past its last id, while {THREADS} \
                 threads called allocate() at once: two threads saw an id left and both took \
                 one. Deciding that an id is left and taking it must be one atomic step \
                 (compare_exchange, or try_update)"
            );
            assert!(
                seen.insert(*id),
                "IdAllocator::new(0, {LAST}) handed out id {id} twice while {THREADS} threads \
                 called allocate() at once: reading the counter and moving it on must be one \
                 atomic step, not a load and then a store"
            );
        }
        assert_eq!(
            handed_out, available,
            "{THREADS} threads called allocate() {PER_THREAD} times each on an \
             IdAllocator::new(0, {LAST}), which has {available} ids, and got {handed_out} ids; \
             they should get every one of them, and None for the other calls"
        );
    }
}

harness::hidden_tests![
    hands_out_first_to_last_then_none,
    a_range_of_one_id_or_none_is_handled,
    never_wraps_past_u32_max,
    never_hands_out_an_id_twice_from_many_threads,
];
