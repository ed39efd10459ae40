//! Hidden tests for exercises/07_queues/03_batcher.rs: batches sent when full or `max_wait` after
//! their first item, never empty, the last one sent when the input ends, and a thread that
//! sleeps while it waits and stops when nobody reads its batches.

use crossbeam_channel::{Receiver, RecvTimeoutError, unbounded};
use exercise::batch;
use harness::awake;
use harness::time::within;
use std::panic;
use std::thread;
use std::time::{Duration, Instant};

/// How long the test watches for something that must not happen (a batch sent too early).
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// A `max_wait` so long that no test ever reaches it.
const FOREVER: Duration = Duration::from_secs(600);

/// Starts the batcher, failing if `batch` does not return at once.
fn start<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    within(
        HANG,
        "batch(input, size, max_wait), which should return at once and leave the work to its \
         thread,",
        move || batch(input, size, max_wait),
    )
}

/// Waits for the next batch; `what` says what the test was waiting for.
fn next_batch<T>(batches: &Receiver<Vec<T>>, what: &str) -> Vec<T> {
    match batches.recv_timeout(HANG) {
        Ok(batch) => batch,
        Err(RecvTimeoutError::Timeout) => panic!("{what}: no batch came within 5 s"),
        Err(RecvTimeoutError::Disconnected) => {
            panic!("{what}: the output ended (its sender was dropped) before that batch was sent")
        }
    }
}

/// Checks that the batches' output ends within the hang deadline, with no more batches.
fn expect_end<T: std::fmt::Debug>(batches: &Receiver<Vec<T>>, what: &str) {
    match batches.recv_timeout(HANG) {
        Err(RecvTimeoutError::Disconnected) => {}
        Ok(extra) => panic!("{what}, the batcher sent {extra:?}; it should have ended its output"),
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what}, the output did not end within 5 s: once the input has ended and the last \
             batch is sent, the thread should end and drop its sender"
        ),
    }
}

fn accepts_batches_of_one_and_panics_on_zero() {
    let (input, items) = unbounded();
    let batches = start(items, 1, FOREVER);
    input.send(7).expect("the batcher hung up its input");
    let got = next_batch(&batches, "7 was sent to a batcher of size 1");
    assert_eq!(
        got,
        vec![7],
        "a batcher of size 1 sent {got:?} for the item 7"
    );
    let (_input, items) = unbounded::<u32>();
    let outcome = within(HANG, "batch(input, 0, max_wait)", move || {
        panic::catch_unwind(move || drop(batch(items, 0, FOREVER))).is_err()
    });
    assert!(
        outcome,
        "batch(input, 0, max_wait) returned; it should panic, since a batch of at most 0 items \
         could never hold one"
    );
}

fn a_full_batch_goes_out_at_once() {
    let (input, items) = unbounded();
    let batches = start(items, 3, FOREVER);
    for n in 0..7 {
        input.send(n).expect("the batcher hung up its input");
    }
    for expected in [vec![0, 1, 2], vec![3, 4, 5]] {
        let got = next_batch(
            &batches,
            "7 items were sent to a batcher of size 3 (and a max_wait of 10 minutes)",
        );
        assert_eq!(
            got, expected,
            "after 7 items were sent to a batcher of size 3, it sent {got:?}; it should send \
             {expected:?} (a batch goes out as soon as it holds 3 items, and never holds more)"
        );
    }
    if let Ok(early) = batches.recv_timeout(BLOCKED) {
        panic!(
            "a batcher of size 3 with a max_wait of 10 minutes sent {early:?} while it held only \
             1 item; it should keep it until 2 more come, the max_wait passes or the input ends"
        );
    }
    drop(input);
    let last = next_batch(
        &batches,
        "the input of a batcher holding 1 item (of 3) ended",
    );
    assert_eq!(
        last,
        vec![6],
        "when the input ended, the batcher sent {last:?}; it should send what it held, [6]"
    );
    expect_end(&batches, "after the last batch");
}

fn a_lone_item_goes_out_once_max_wait_has_passed() {
    let max_wait = Duration::from_millis(300);
    let (input, items) = unbounded();
    let batches = start(items, 100, max_wait);
    let sent_at = Instant::now();
    input.send("lone").expect("the batcher hung up its input");
    let got = match batches.recv_timeout(max_wait + HANG) {
        Ok(got) => got,
        Err(RecvTimeoutError::Timeout) => panic!(
            "one item was sent to a batcher of size 100 with a max_wait of 300 ms, and no batch \
             came within 5.3 s; a batch that is not full must go out once its first item has \
             waited max_wait (wait for the next item *or* the deadline: select! with \
             crossbeam_channel::at, or recv_deadline)"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!(
            "one item was sent to a batcher of size 100 with a max_wait of 300 ms, and its output \
             ended (its sender was dropped) while the input was still open"
        ),
    };
    let waited = sent_at.elapsed();
    assert_eq!(
        got,
        vec!["lone"],
        "one item, \"lone\", was sent to a batcher of size 100, and it sent {got:?}"
    );
    assert!(
        waited >= max_wait,
        "a batcher of size 100 with a max_wait of 300 ms sent a batch of 1 item {} ms after the \
         item arrived; it should keep a batch that is not full until its first item has waited \
         300 ms",
        waited.as_millis()
    );
    drop(input);
    expect_end(&batches, "after the input ended with nothing left to send");
}

/// The `max_wait` of [`max_wait_counts_from_the_first_item_of_the_batch`], and the stall that
/// makes one of its periods count for nothing: a batcher whose clock starts again with every
/// item can only send a batch after going `max_wait` without taking an item, and that needs a
/// stall of the test's feeder or of the batcher itself of at least a third of `max_wait`, which
/// the test notices.
const TRICKLE_MAX_WAIT: Duration = Duration::from_millis(500);
const STALL: Duration = Duration::from_millis(140);
/// How long the test keeps the trickle going, looking for a batch sent while nothing stalled.
const TRICKLE: Duration = Duration::from_secs(6);

fn max_wait_counts_from_the_first_item_of_the_batch() {
    // Items keep coming, 5 ms apart. A correct batcher sends a batch every 500 ms or so; one
    // whose clock starts again with every item sends nothing, unless a thread stalls for long
    // enough that the clock runs out between two items. So a batch only counts when neither
    // the test's thread nor the batcher stalled since the last one; on a busy machine the test
    // waits for the next batch.
    let (input, items) = unbounded();
    let batches = start(items, 100_000, TRICKLE_MAX_WAIT);
    let started = Instant::now();
    let mut sent = 0u32;
    let mut received = 0u32;
    let mut previous_turn = Instant::now();
    // The last time the input was seen empty: the batcher had taken every item sent so far.
    let mut last_seen_empty = Instant::now();
    let mut stalled = false;
    let mut batches_seen = 0;
    loop {
        let now = Instant::now();
        stalled |= now.duration_since(previous_turn) >= STALL;
        previous_turn = now;
        if let Ok(batch) = batches.try_recv() {
            let expected: Vec<u32> = (received..received + batch.len() as u32).collect();
            assert!(
                !batch.is_empty() && batch == expected,
                "a batcher fed 0, 1, 2, ... sent the batch {batch:?} after {received} items; it \
                 should hold the next items in order, starting with {received}"
            );
            if batches_seen == 0 {
                let waited = started.elapsed();
                assert!(
                    waited >= TRICKLE_MAX_WAIT,
                    "a batcher with a max_wait of 500 ms sent its first batch {} ms after the \
                     first item arrived, before it was full",
                    waited.as_millis()
                );
            }
            received += batch.len() as u32;
            batches_seen += 1;
            if !stalled {
                break;
            }
            stalled = false;
        }
        assert!(
            started.elapsed() < TRICKLE,
            "items were sent to a batcher (size 100 000, max_wait 500 ms) every 5 ms for 6 s, \
             and {}; a batch must go out 500 ms after its *first* item arrived, even while more \
             items keep coming. Does the clock start again with every item (like \
             recv_timeout(max_wait) in a loop)?",
            if batches_seen == 0 {
                "it sent no batch at all".to_owned()
            } else {
                format!(
                    "it sent only {batches_seen} batch(es), each after its thread or the test's \
                     had stalled for over 140 ms"
                )
            }
        );
        if input.is_empty() {
            last_seen_empty = Instant::now();
        } else if last_seen_empty.elapsed() >= STALL {
            stalled = true;
        }
        input.send(sent).expect("the batcher hung up its input");
        sent += 1;
        thread::sleep(Duration::from_millis(5));
    }
    drop(input);
}

fn never_sends_an_empty_batch() {
    let (input, items) = unbounded();
    let batches = start(items, 5, Duration::from_millis(20));
    if let Ok(empty) = batches.recv_timeout(BLOCKED) {
        panic!(
            "a batcher with a max_wait of 20 ms, which had not received any item, sent {empty:?} \
             within 300 ms; with nothing to send it should just wait (the clock starts with the \
             first item of a batch)"
        );
    }
    input.send(1).expect("the batcher hung up its input");
    let got = next_batch(
        &batches,
        "one item was sent to a batcher with a max_wait of 20 ms",
    );
    assert_eq!(got, vec![1], "the batcher sent {got:?} for the one item 1");
    if let Ok(empty) = batches.recv_timeout(BLOCKED) {
        panic!(
            "a batcher with a max_wait of 20 ms, which had sent every item it got, sent \
             {empty:?} within 300 ms; it should never send an empty batch"
        );
    }
    drop(input);
    expect_end(&batches, "after the input ended with nothing left to send");
}

fn ending_the_input_sends_the_last_batch_and_ends_the_output() {
    let (input, items) = unbounded();
    let batches = start(items, 10, FOREVER);
    for n in 0..3 {
        input.send(n).expect("the batcher hung up its input");
    }
    drop(input);
    let got = next_batch(
        &batches,
        "3 items were sent to a batcher of size 10 (and a max_wait of 10 minutes), then its input \
         ended",
    );
    assert_eq!(
        got,
        vec![0, 1, 2],
        "when its input ended, a batcher holding 0, 1, 2 sent {got:?}; it should send [0, 1, 2]"
    );
    expect_end(&batches, "after the last batch");
}

fn every_item_arrives_once_in_order_in_batches_of_at_most_size() {
    let (input, items) = unbounded();
    let batches = start(items, 7, Duration::from_millis(1));
    let feeder = thread::spawn(move || {
        for n in 0..20_000u32 {
            input.send(n).expect("the batcher hung up its input");
            if n % 1000 == 0 {
                thread::sleep(Duration::from_millis(2));
            }
        }
    });
    let mut got = Vec::new();
    loop {
        match batches.recv_timeout(HANG) {
            Ok(batch) => {
                assert!(
                    !batch.is_empty() && batch.len() <= 7,
                    "a batcher of size 7 sent a batch of {} items; every batch should hold 1 to \
                     7",
                    batch.len()
                );
                got.extend(batch);
            }
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => panic!(
                "20 000 items were sent to a batcher of size 7, and after {} had come out, no \
                 batch (nor the end of the output) came within 5 s",
                got.len()
            ),
        }
    }
    feeder.join().expect("the test's feeder thread failed");
    assert_eq!(
        got.len(),
        20_000,
        "20 000 items were sent to a batcher, and its batches held {} in all",
        got.len()
    );
    if let Some(n) = (0..got.len()).find(|&n| got[n] != n as u32) {
        panic!(
            "the items 0, 1, 2, ... came out of a batcher with {} at position {n}; every item \
             should come out once, in order",
            got[n]
        );
    }
}

fn dropping_the_batches_receiver_stops_the_batcher() {
    let (input, items) = unbounded();
    let batches = start(items, 1, FOREVER);
    input.send(0).expect("the batcher hung up its input");
    assert_eq!(
        batches.recv_timeout(HANG),
        Ok(vec![0]),
        "a batcher of size 1 did not send [0] within 5 s of getting 0"
    );
    drop(batches);
    let deadline = Instant::now() + HANG;
    let mut sent = 1;
    while input.send(sent).is_ok() {
        sent += 1;
        assert!(
            Instant::now() < deadline,
            "5 s after the receiver of its batches was dropped, the batcher still took items \
             from its input ({sent} of them); when send() fails, nobody reads the batches any \
             more, and the thread should stop (dropping its input)"
        );
        thread::sleep(Duration::from_millis(1));
    }
}

fn a_waiting_batcher_sleeps_instead_of_spinning() {
    let (input, items) = unbounded();
    let batches = start(items, 10, FOREVER);
    for holding in [0, 1] {
        if holding == 1 {
            input.send(1).expect("the batcher hung up its input");
        }
        thread::sleep(Duration::from_millis(100));
        let activity = awake::watch(BLOCKED);
        assert!(
            !activity.busy(),
            "while a batcher holding {holding} item(s) waited for more, for {} ms, {}; a waiting \
             batcher should sleep in a blocking call (select!, recv, recv_deadline), not loop \
             around try_recv",
            BLOCKED.as_millis(),
            activity
        );
    }
    drop(input);
    let last = next_batch(&batches, "the input of a batcher holding 1 item ended");
    assert_eq!(
        last,
        vec![1],
        "the last batch was {last:?}; it should be [1]"
    );
}

harness::hidden_tests![
    accepts_batches_of_one_and_panics_on_zero,
    a_full_batch_goes_out_at_once,
    a_lone_item_goes_out_once_max_wait_has_passed,
    max_wait_counts_from_the_first_item_of_the_batch,
    never_sends_an_empty_batch,
    ending_the_input_sends_the_last_batch_and_ends_the_output,
    every_item_arrives_once_in_order_in_batches_of_at_most_size,
    dropping_the_batches_receiver_stops_the_batcher,
    a_waiting_batcher_sleeps_instead_of_spinning,
];
