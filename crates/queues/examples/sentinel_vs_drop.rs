//! The tutorial's `None` sentinel with three consumers instead of one: the single `None` stops
//! one consumer and leaves the other two waiting. Then the same with the stream ended by
//! dropping the sender, which reaches every consumer.
//!
//! Run it with `cargo run -p queues --example sentinel_vs_drop`.

use crossbeam_channel::{RecvTimeoutError, unbounded};
use std::thread;
use std::time::Duration;

fn main() {
    println!("-- with a sentinel: one `None` for three consumers");
    let (sender, receiver) = unbounded::<Option<u32>>();
    let consumers: Vec<_> = (0..3)
        .map(|n| {
            let receiver = receiver.clone();
            thread::spawn(move || {
                loop {
                    // The tutorial waits forever here; we give up after 500 ms to show who is
                    // still waiting.
                    match receiver.recv_timeout(Duration::from_millis(500)) {
                        Ok(Some(item)) => println!("consumer {n} got {item}"),
                        Ok(None) => return format!("consumer {n} saw the sentinel and stopped"),
                        Err(RecvTimeoutError::Timeout) => {
                            return format!("consumer {n} was still waiting after 500 ms");
                        }
                        Err(RecvTimeoutError::Disconnected) => unreachable!(),
                    }
                }
            })
        })
        .collect();
    for item in 0..3 {
        sender.send(Some(item)).unwrap();
    }
    sender.send(None).unwrap(); // q.put(None), once
    for consumer in consumers {
        println!("{}", consumer.join().unwrap());
    }
    drop(sender);

    println!("-- by dropping the sender");
    let (sender, receiver) = unbounded::<u32>();
    let consumers: Vec<_> = (0..3)
        .map(|n| {
            let receiver = receiver.clone();
            thread::spawn(move || {
                for item in receiver {
                    println!("consumer {n} got {item}");
                }
                format!("consumer {n} saw the end of the stream")
            })
        })
        .collect();
    for item in 0..3 {
        sender.send(item).unwrap();
    }
    drop(sender); // every consumer's loop ends
    for consumer in consumers {
        println!("{}", consumer.join().unwrap());
    }
}
