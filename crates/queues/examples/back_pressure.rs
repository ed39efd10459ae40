//! A producer twice as fast as its consumer, as in the tutorial, through an unbounded channel
//! (the queue keeps growing), a bounded one (the producer is held to the consumer's pace) and a
//! rendezvous (`bounded(0)`: every item is handed over directly).
//!
//! Run it with `cargo run -p queues --example back_pressure`.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use std::thread;
use std::time::{Duration, Instant};

const ITEMS: u32 = 10;

fn run(name: &str, channel: (Sender<u32>, Receiver<u32>)) {
    println!("-- {name}");
    let (sender, receiver) = channel;
    let started = Instant::now();
    let producer = {
        let sender = sender.clone();
        thread::spawn(move || {
            for item in 0..ITEMS {
                sender.send(item).unwrap(); // waits while a bounded channel is full
                thread::sleep(Duration::from_millis(10));
            }
            started.elapsed()
        })
    };
    // Keep a sender only to watch the queue's length; drop it so the stream can end.
    let watcher = sender;
    let consumer = thread::spawn(move || {
        for _item in receiver.iter() {
            thread::sleep(Duration::from_millis(20));
        }
    });
    let mut longest = 0;
    while !producer.is_finished() {
        longest = longest.max(watcher.len());
        thread::sleep(Duration::from_millis(2));
    }
    let producer_took = producer.join().unwrap();
    drop(watcher);
    consumer.join().unwrap();
    println!(
        "the producer finished after {} ms; the queue held up to {longest} items; all done after \
         {} ms",
        producer_took.as_millis(),
        started.elapsed().as_millis()
    );
}

fn main() {
    run(
        "unbounded: the producer never waits, the queue grows",
        unbounded(),
    );
    run("bounded(2): the producer waits for room", bounded(2));
    run(
        "bounded(0), the rendezvous: every send waits for a receiver",
        bounded(0),
    );
}
