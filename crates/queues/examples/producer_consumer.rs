//! The tutorial's producer/consumer with `queue.Queue`, done the Rust way: a channel whose
//! sender moves into the producer and whose receiver moves into the consumer, and no `None`
//! sentinel: the consumer's loop ends when the producer's thread ends and drops its sender.
//! The tutorial's sleeps of 1 s and 2 s become 100 ms and 200 ms.
//!
//! Run it with `cargo run -p queues --example producer_consumer`.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    // `q = queue.Queue()`, but as two ends, each owned by one thread.
    let (sender, receiver) = mpsc::channel();

    let producer = thread::spawn(move || {
        for i in 0..5 {
            println!("Producing {i}");
            sender.send(i).expect("the consumer hung up");
            thread::sleep(Duration::from_millis(100)); // simulate a time-consuming task
        }
        println!("Producer done; dropping its sender ends the stream");
        // `sender` is dropped here.
    });

    let consumer = thread::spawn(move || {
        // `while True: item = q.get(); if item is None: break`: the loop ends by itself once
        // every sender is gone and the queue is empty.
        for item in receiver {
            println!("Consuming {item}");
            thread::sleep(Duration::from_millis(200)); // simulate a time-consuming task
        }
        println!("Consumer saw the end of the stream");
    });

    producer.join().expect("the producer panicked");
    // No `q.put(None)` here: there is nothing to forget.
    consumer.join().expect("the consumer panicked");
    println!("Program finished");
}
