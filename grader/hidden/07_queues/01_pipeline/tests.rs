//! Hidden tests for exercises/07_queues/01_pipeline.rs: producer and stages that run on threads
//! of their own, stay at most `capacity` items ahead of their reader, end their stream by
//! dropping their sender, and stop when their reader hangs up.

use exercise::{produce, stage};
use harness::awake;
use harness::cpu::OtherThreads;
use harness::time::within;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// The least time the test watches for something that must not happen (an item taken too early).
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// Reads `output` until its stream ends, failing if an item or the end does not come within the
/// hang deadline.
fn read_to_end<T>(output: &Receiver<T>, what: &str) -> Vec<T> {
    let mut items = Vec::new();
    loop {
        match output.recv_timeout(HANG) {
            Ok(item) => items.push(item),
            Err(RecvTimeoutError::Disconnected) => return items,
            Err(RecvTimeoutError::Timeout) => panic!(
                "{what}: after {} items, recv() waited 5 s and neither got an item nor saw the \
                 stream end. Once its input runs out, a thread must end and drop its Sender \
                 (and keep no other clone of it), so that the reader's loop ends",
                items.len()
            ),
        }
    }
}

/// An endless iterator that takes a little time per item (so that one that is wrongly drained
/// does not eat the memory), and tells `dropped` when it is dropped.
fn endless(dropped: mpsc::Sender<()>) -> impl Iterator<Item = u64> + Send + 'static {
    struct OnDrop(mpsc::Sender<()>);
    impl Drop for OnDrop {
        fn drop(&mut self) {
            let _ = self.0.send(());
        }
    }
    let on_drop = OnDrop(dropped);
    (0u64..).inspect(move |_| {
        let _keep = &on_drop;
        thread::sleep(Duration::from_micros(200));
    })
}

fn a_pipeline_delivers_every_item_in_order_and_then_ends() {
    let numbers = within(HANG, "produce(0..1000, 3)", || produce(0..1_000u32, 3));
    let plus_one = within(HANG, "stage(.., 2, |n| n + 1)", move || {
        stage(numbers, 2, |n| n + 1)
    });
    let text = within(HANG, "stage(.., 0, |n| (n * 2).to_string())", move || {
        stage(plus_one, 0, |n| (n * 2).to_string())
    });
    let got = read_to_end(
        &text,
        "reading produce(0..1000, 3) → stage(n + 1) → stage((n * 2).to_string())",
    );
    let expected: Vec<String> = (0..1_000u32).map(|n| ((n + 1) * 2).to_string()).collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "the pipeline produce(0..1000) → stage(n + 1) → stage((n * 2).to_string()) delivered {} \
         items before it ended; it should deliver 1000",
        got.len()
    );
    if let Some(n) = (0..got.len()).find(|&n| got[n] != expected[n]) {
        panic!(
            "item {n} of the pipeline produce(0..1000) → stage(n + 1) → stage((n * 2).to_string()) \
             was {:?}; it should be {:?} (every item, in order)",
            got[n], expected[n]
        );
    }
}

fn an_empty_stream_ends_at_once() {
    let output = within(HANG, "produce(Vec::new(), 1)", || {
        produce(Vec::<u32>::new(), 1)
    });
    let output = within(HANG, "stage(.., 1, f)", move || {
        stage(output, 1, |n: u32| n)
    });
    let got = read_to_end(&output, "reading produce(no items) → stage");
    assert!(
        got.is_empty(),
        "produce() of no items, through a stage, delivered {got:?}; it should deliver nothing"
    );
}

fn produce_returns_at_once_even_for_an_endless_iterator() {
    let (dropped, _) = mpsc::channel();
    let output = within(
        HANG,
        "produce() of an endless iterator with capacity 2, which should return at once and leave the work to its thread,",
        move || produce(endless(dropped), 2),
    );
    for expected in 0..10 {
        let got = output.recv_timeout(HANG);
        assert_eq!(
            got,
            Ok(expected),
            "recv() number {} from produce(0.., 2) returned {got:?}; it should return \
             Ok({expected})",
            expected + 1
        );
    }
}

/// Waits until every other thread of this process has kept still (blocked, or gone: its CPU
/// time did not grow, and where the system says, it is not running or ready to run) for five
/// looks in a row, 10 ms apart, and at least `at_least` has passed; gives up after `HANG`. On a
/// busy machine a thread that wants to run is soon given a processor again, so this waits for
/// it rather than for a fixed time.
fn wait_until_the_other_threads_sleep(at_least: Duration) {
    let started = Instant::now();
    let mut others = OtherThreads::new();
    let mut quiet_looks = 0;
    while started.elapsed() < HANG {
        thread::sleep(Duration::from_millis(10));
        if !others.quiet_since_last_look() {
            quiet_looks = 0;
        } else {
            quiet_looks += 1;
        }
        if quiet_looks >= 5 && started.elapsed() >= at_least {
            return;
        }
    }
}

/// Checks that a sender of `capacity` whose reader reads nothing has taken between
/// `max(capacity, 1)` and `capacity + 1` items (reported on `taken`), then that one `recv()`
/// lets it take one more. `who` names the sender and what "taking an item" is.
fn check_back_pressure<T: std::fmt::Debug>(
    capacity: usize,
    taken: &Receiver<u32>,
    output: &Receiver<T>,
    who: &str,
) {
    let at_least = capacity.max(1);
    for n in 0..at_least {
        if taken.recv_timeout(HANG).is_err() {
            panic!(
                "{who} with capacity {capacity}, whose reader had not read anything yet, took only \
                 {n} items in 5 s; it should take items as they come (not wait for the input to \
                 end) until {capacity} wait in the channel (mpsc::sync_channel({capacity})) and \
                 one more waits to be sent"
            );
        }
    }
    // Wait until the sender has done all it will do while nobody reads: a correct one sleeps in
    // send(), one without back-pressure runs through all 100 items and ends.
    wait_until_the_other_threads_sleep(BLOCKED);
    let took = at_least + taken.try_iter().count();
    assert!(
        took <= capacity + 1,
        "{who} with capacity {capacity}, whose reader had not read anything yet, took {took} \
         items; it should stop at {}: {capacity} waiting in the channel and 1 waiting to be \
         sent. The channel must hold at most `capacity` items (mpsc::sync_channel({capacity}), \
         not mpsc::channel())",
        capacity + 1
    );
    let first = output.recv_timeout(HANG);
    assert!(
        first.is_ok(),
        "recv() on the output of {who} with capacity {capacity} returned {first:?}; it should \
         return the first item"
    );
    assert!(
        taken.recv_timeout(HANG).is_ok(),
        "{who} with capacity {capacity} took no further item within 5 s after its reader \
         read one; it should go on as soon as there is room"
    );
}

fn produce_stays_at_most_capacity_items_ahead_of_its_reader() {
    for capacity in [0, 3] {
        let (took, taken) = mpsc::channel();
        let items = (0..100u32).inspect(move |&n| {
            let _ = took.send(n);
        });
        let output = within(
            HANG,
            "produce(items, capacity), which should return at once and leave the work to its thread,",
            move || produce(items, capacity),
        );
        check_back_pressure(
            capacity,
            &taken,
            &output,
            "produce(), which took items from its iterator,",
        );
    }
}

fn stage_stays_at_most_capacity_items_ahead_of_its_reader() {
    for capacity in [0, 2] {
        let (input, queued) = mpsc::channel();
        for n in 0..100u32 {
            input.send(n).expect("the test could not fill a channel");
        }
        let (took, taken) = mpsc::channel();
        let output = within(
            HANG,
            "stage(input, capacity, f), which should return at once and leave the work to its thread,",
            move || {
                stage(queued, capacity, move |n: u32| {
                    let _ = took.send(n);
                    n
                })
            },
        );
        check_back_pressure(
            capacity,
            &taken,
            &output,
            "stage(), which called f on items of its input,",
        );
        drop(input);
    }
}

fn a_stage_runs_f_on_its_own_thread_as_each_item_arrives() {
    let (input, receiver) = mpsc::channel::<u32>();
    let output = within(
        HANG,
        "stage(input, 1, f), which should return at once and leave the work to its thread,",
        move || stage(receiver, 1, |n: u32| (n * 10, thread::current().id())),
    );
    let test_thread: ThreadId = thread::current().id();
    for n in 1..=3 {
        input.send(n).expect("the stage's input was hung up");
        let got = output.recv_timeout(HANG).unwrap_or_else(|_| {
            panic!(
                "item {n} was sent into a stage's input (which was still open), and no result \
                 came out within 5 s; a stage must send each result on as soon as it has it, not \
                 wait for the input to end"
            )
        });
        assert_eq!(
            got.0,
            n * 10,
            "a stage with f = |n| n * 10 sent {} for the input {n}",
            got.0
        );
        assert_ne!(
            got.1, test_thread,
            "f ran on the thread that called stage(); it should run on the stage's own thread"
        );
    }
    drop(input);
    let rest = read_to_end(&output, "reading a stage whose input ended after 3 items");
    assert!(
        rest.is_empty(),
        "a stage sent {} extra items after its 3 inputs",
        rest.len()
    );
}

fn a_stage_waiting_for_its_next_item_sleeps() {
    let (input, receiver) = mpsc::channel::<u32>();
    let output = within(
        HANG,
        "stage(input, 1, f), which should return at once and leave the work to its thread,",
        move || stage(receiver, 1, |n: u32| n + 1),
    );
    input.send(1).expect("the stage's input was hung up");
    let first = output
        .recv_timeout(HANG)
        .expect("a stage sent nothing on within 5 s of its first item");
    assert_eq!(
        first, 2,
        "a stage with f = |n| n + 1 sent {first} for the input 1"
    );
    // The stage's thread now waits for its next item, which does not come.
    thread::sleep(Duration::from_millis(100));
    let activity = awake::watch(BLOCKED);
    assert!(
        !activity.busy(),
        "while a stage waited for its next item, for {} ms, {}; a stage waiting for input \
         should sleep in a blocking recv() (or a `for` loop over the receiver), not loop \
         around try_recv",
        BLOCKED.as_millis(),
        activity
    );
    drop(input);
    let rest = read_to_end(&output, "reading a stage whose input ended after 1 item");
    assert!(
        rest.is_empty(),
        "a stage sent {} extra items after its 1 input",
        rest.len()
    );
}

fn dropping_the_receiver_stops_the_producer() {
    let (dropped, iterator_dropped) = mpsc::channel();
    let output = within(
        HANG,
        "produce() of an endless iterator, which should return at once and leave the work to its thread,",
        move || produce(endless(dropped), 1),
    );
    for _ in 0..3 {
        output
            .recv_timeout(HANG)
            .expect("produce() of an endless iterator sent nothing within 5 s");
    }
    drop(output);
    assert!(
        iterator_dropped.recv_timeout(HANG).is_ok(),
        "5 s after the receiver was dropped, produce() was still taking items from its endless \
         iterator; when send() fails, nobody is listening any more, and the thread should stop"
    );
}

fn dropping_the_output_stops_the_stage_and_hangs_up_its_input() {
    let (input, receiver) = mpsc::channel::<u32>();
    let output = within(
        HANG,
        "stage(input, 0, f), which should return at once and leave the work to its thread,",
        move || stage(receiver, 0, |n: u32| n),
    );
    input.send(1).expect("the stage's input was hung up");
    assert_eq!(
        output.recv_timeout(HANG),
        Ok(1),
        "a stage with f = |n| n did not pass on 1 within 5 s"
    );
    drop(output);
    let deadline = Instant::now() + HANG;
    let mut sent = 0;
    while input.send(sent).is_ok() {
        sent += 1;
        assert!(
            Instant::now() < deadline,
            "5 s after the stage's output was dropped, the stage still took items from its input \
             ({sent} of them); when send() fails, the stage should stop and drop its input, so \
             that whoever feeds it learns that nobody is listening"
        );
        thread::sleep(Duration::from_millis(1));
    }
}

harness::hidden_tests![
    a_pipeline_delivers_every_item_in_order_and_then_ends,
    an_empty_stream_ends_at_once,
    produce_returns_at_once_even_for_an_endless_iterator,
    produce_stays_at_most_capacity_items_ahead_of_its_reader,
    stage_stays_at_most_capacity_items_ahead_of_its_reader,
    a_stage_runs_f_on_its_own_thread_as_each_item_arrives,
    a_stage_waiting_for_its_next_item_sleeps,
    dropping_the_receiver_stops_the_producer,
    dropping_the_output_stops_the_stage_and_hangs_up_its_input,
];
