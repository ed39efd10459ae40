//! Hidden tests of atomics/one_shot: one message, sent once, received once, dropped once; a
//! second send or receive refused, even when two threads try at the same moment.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use exercise::OneShot;
use harness::race::{self, Length, StartLine};
use harness::time::within;
use harness::types::assert_send_sync;

/// How long a few calls on one thread may take before the test calls them hung.
const HANG: Duration = Duration::from_secs(5);

/// How many times each numbered message was dropped. Each test runs in a process of its own.
static DROPS: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];

/// A message that counts its drops, so that a message leaked or dropped twice shows.
#[derive(Debug)]
struct Counted(usize);

impl Drop for Counted {
    fn drop(&mut self) {
        DROPS[self.0].fetch_add(1, Ordering::SeqCst);
    }
}

fn drops(message: usize) -> usize {
    DROPS[message].load(Ordering::SeqCst)
}

/// Runs `f`, which should panic, without the panic being reported as one of the learner's
/// mistakes; returns whether it panicked.
fn panics(f: impl FnOnce()) -> bool {
    catch_unwind(AssertUnwindSafe(|| harness::without_recording_panics(f))).is_err()
}

fn a_message_goes_through_on_one_thread() {
    assert_send_sync::<OneShot<Vec<u8>>>();
    let (before, after_send, received, after_receive) = within(HANG, "send() then receive()", || {
        let channel = OneShot::new();
        let before = channel.is_ready();
        channel.send(Counted(1));
        let after_send = channel.is_ready();
        let received = channel.receive();
        (before, after_send, received.0, channel.is_ready())
    });
    assert!(!before, "a new OneShot said is_ready() == true; nothing was sent yet");
    assert!(after_send, "after send(), is_ready() was false; the message is waiting");
    assert_eq!(received, 1, "receive() returned message {received}; the one sent was 1");
    assert!(!after_receive, "after receive(), is_ready() was still true; the message was taken");
    assert_eq!(
        drops(1),
        1,
        "a message sent, received and then dropped by the receiver was dropped {} times in all; \
         it should be dropped exactly once",
        drops(1)
    );
}

fn a_second_send_panics_and_keeps_the_first_message() {
    let (refused, ready, received) = within(HANG, "send() twice", || {
        let channel = OneShot::new();
        channel.send(Counted(2));
        let refused = panics(|| channel.send(Counted(3)));
        let ready = channel.is_ready();
        let received = if ready { Some(channel.receive().0) } else { None };
        (refused, ready, received)
    });
    assert!(
        refused,
        "send() on a OneShot that already held a message returned normally; a second send() \
         must panic (one message, once)"
    );
    assert!(
        ready,
        "after a second send() was refused, is_ready() was false: the refused call must not \
         change the state (a `swap` changes it even when it refuses; `compare_exchange` does \
         not), and the first message must still be there to receive"
    );
    assert_eq!(
        received,
        Some(2),
        "after a refused second send(3), receive() returned message {received:?}; it should \
         return the first message, 2"
    );
    assert_eq!(
        (drops(2), drops(3)),
        (1, 1),
        "message 2 (received) was dropped {} times and message 3 (refused) {} times; each \
         should be dropped exactly once",
        drops(2),
        drops(3)
    );
}

fn a_send_after_the_message_was_received_panics() {
    let (refused, ready) = within(HANG, "send(), receive(), send()", || {
        let channel = OneShot::new();
        channel.send(Counted(4));
        drop(channel.receive());
        let refused = panics(|| channel.send(Counted(5)));
        (refused, channel.is_ready())
    });
    assert!(
        refused,
        "send() on a OneShot whose message had been sent and received returned normally; it \
         must panic: a OneShot carries one message, once"
    );
    assert!(!ready, "after a refused send(), is_ready() was true; nothing is waiting");
}

fn receive_panics_unless_a_message_is_ready() {
    let (on_empty, first, again) = within(HANG, "receive() with nothing ready", || {
        let channel = OneShot::new();
        let on_empty = panics(|| drop(channel.receive()));
        channel.send(Counted(6));
        let first = channel.receive();
        let again = panics(|| drop(channel.receive()));
        (on_empty, first.0, again)
    });
    assert!(
        on_empty,
        "receive() on a OneShot that was never sent a message returned normally; it must panic"
    );
    assert_eq!(first, 6, "receive() returned message {first}; the one sent was 6");
    assert!(
        again,
        "a second receive() on a OneShot whose message had been received returned normally; it \
         must panic (a message received twice is owned twice, and dropped twice)"
    );
    assert!(
        drops(6) <= 1,
        "a message received once was dropped {} times",
        drops(6)
    );
}

fn dropping_the_channel_drops_an_unreceived_message_once() {
    within(HANG, "dropping a OneShot", || {
        let channel = OneShot::new();
        channel.send(Counted(7));
        drop(channel);
        let empty: OneShot<Counted> = OneShot::new();
        drop(empty);
    });
    assert_eq!(
        drops(7),
        1,
        "a OneShot holding a message that was never received was dropped, and the message was \
         dropped {} times; it should be dropped exactly once (Drop must drop a READY message)",
        drops(7)
    );
}

fn dropping_a_channel_after_receive_drops_nothing_more() {
    let (while_kept, after) = within(HANG, "dropping a OneShot after receive()", || {
        let channel = OneShot::new();
        channel.send(Counted(8));
        let message = channel.receive();
        drop(channel);
        let while_kept = drops(8);
        drop(message);
        (while_kept, drops(8))
    });
    assert_eq!(
        while_kept, 0,
        "a OneShot whose message had been received was dropped, and that dropped the message, \
         which belongs to its receiver now: it is dropped twice. Drop may only drop a message \
         that is still waiting"
    );
    assert_eq!(after, 1, "a received message was dropped {after} times in all; expected once");
}

fn messages_cross_threads_intact() {
    // One thread sends into many channels, one after another; this one receives from each as
    // soon as it is ready. Every message arrives whole.
    const CHANNELS: usize = 50_000;
    let problem = within(Duration::from_secs(20), "messages sent from another thread", || {
        let channels: Arc<Vec<OneShot<Box<[u64; 4]>>>> =
            Arc::new((0..CHANNELS).map(|_| OneShot::new()).collect());
        let sender = {
            let channels = Arc::clone(&channels);
            thread::spawn(move || {
                for (i, channel) in channels.iter().enumerate() {
                    let i = i as u64;
                    channel.send(Box::new([i, i + 1, i + 2, i + 3]));
                }
            })
        };
        for (i, channel) in channels.iter().enumerate() {
            let started = Instant::now();
            while !channel.is_ready() {
                if started.elapsed() > HANG {
                    return Some(format!(
                        "is_ready() never became true for a message sent from another thread \
                         (message {i})"
                    ));
                }
                // Let the sender run, also when both threads share one processor.
                thread::yield_now();
            }
            let message = channel.receive();
            let i = i as u64;
            if *message != [i, i + 1, i + 2, i + 3] {
                return Some(format!(
                    "message {i} arrived as {message:?}; it was sent as {:?}",
                    [i, i + 1, i + 2, i + 3]
                ));
            }
        }
        sender.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        None
    });
    if let Some(problem) = problem {
        panic!("{problem}");
    }
}

/// How long to race two threads on fresh channels, round after round.
const RACE: Length = Length {
    parallel_rounds: 2_000,
    at_least: Duration::from_millis(200),
    at_most: Duration::from_secs(3),
};
const ROUNDS: usize = 200_000;

/// Races `act` on two threads, each round on a fresh channel prepared by `prepare`, and returns
/// how many of the two calls succeeded (returned `true` rather than panicking) in each round
/// played. The rounds go on until enough of them began with both threads running at once; on
/// one processor they never do, and the model tests prove the same race instead.
fn race_two(prepare: fn(&OneShot<u32>), act: fn(&OneShot<u32>, u32) -> bool) -> Vec<usize> {
    let channels: Arc<Vec<OneShot<u32>>> = Arc::new(
        (0..ROUNDS)
            .map(|_| {
                let channel = OneShot::new();
                prepare(&channel);
                channel
            })
            .collect(),
    );
    let line = Arc::new(StartLine::new(2));
    let succeeded: Arc<Vec<AtomicUsize>> =
        Arc::new((0..ROUNDS).map(|_| AtomicUsize::new(0)).collect());
    let played = Arc::new(AtomicUsize::new(0));
    let racers: Vec<_> = [0u32, 1]
        .into_iter()
        .map(|side| {
            let (channels, line, succeeded, played) = (
                Arc::clone(&channels),
                Arc::clone(&line),
                Arc::clone(&succeeded),
                Arc::clone(&played),
            );
            thread::spawn(move || {
                for round in 0..ROUNDS {
                    if !line.cross(round) {
                        break;
                    }
                    let (first, second) = race::shifts(round);
                    race::delay(if side == 0 { first } else { second });
                    let ok = catch_unwind(AssertUnwindSafe(|| act(&channels[round], side + 1)))
                        .unwrap_or(false);
                    if ok {
                        succeeded[round].fetch_add(1, Ordering::SeqCst);
                    }
                    if side == 0 {
                        played.store(round + 1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    harness::without_recording_panics(|| {
        race::play(&line, RACE, || played.load(Ordering::SeqCst) == ROUNDS);
        for racer in racers {
            racer.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        }
    });
    (0..played.load(Ordering::SeqCst))
        .map(|round| succeeded[round].load(Ordering::SeqCst))
        .collect()
}

fn two_senders_at_once_one_gets_in() {
    let rounds = within(Duration::from_secs(20), "two threads calling send() at once", || {
        race_two(|_| {}, |channel, message| {
            channel.send(message);
            true
        })
    });
    if let Some(round) = rounds.iter().position(|ok| *ok != 1) {
        panic!(
            "two threads called send() on a fresh OneShot at the same moment, and {} of the two \
             calls succeeded (round {round}); exactly one should, and the other panic. Claiming \
             the channel must be one atomic step that checks it is empty (compare_exchange), \
             not a load and then a store",
            rounds[round]
        );
    }
}

fn two_receivers_at_once_one_gets_the_message() {
    let rounds = within(Duration::from_secs(20), "two threads calling receive() at once", || {
        race_two(|channel| channel.send(7), |channel, _| channel.receive() == 7)
    });
    if let Some(round) = rounds.iter().position(|ok| *ok != 1) {
        panic!(
            "two threads called receive() at the same moment on a OneShot holding one message, \
             and {} of them got it (round {round}); exactly one should, and the other panic. \
             Taking the message must be one atomic step that checks it is ready \
             (compare_exchange from READY), not a load and then a store",
            rounds[round]
        );
    }
}

harness::hidden_tests![
    a_message_goes_through_on_one_thread,
    a_second_send_panics_and_keeps_the_first_message,
    a_send_after_the_message_was_received_panics,
    receive_panics_unless_a_message_is_ready,
    dropping_the_channel_drops_an_unreceived_message_once,
    dropping_a_channel_after_receive_drops_nothing_more,
    messages_cross_threads_intact,
    two_senders_at_once_one_gets_in,
    two_receivers_at_once_one_gets_the_message,
];
