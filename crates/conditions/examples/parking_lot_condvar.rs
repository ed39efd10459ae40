//! The tutorial's producer/consumer with `parking_lot`'s `Mutex` and `Condvar`: no poisoning, so
//! no `unwrap()`, and `wait_while` borrows the guard instead of taking it. Short sleeps; the stop
//! comes after 1.5 s.
//!
//! Run it with `cargo run -p conditions --example parking_lot_condvar`.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::thread;
use std::time::Duration;

const BUFFER_SIZE: usize = 5;

struct State {
    buffer: VecDeque<u32>,
    stop: bool,
}

fn main() {
    let state = Mutex::new(State {
        buffer: VecDeque::new(),
        stop: false,
    });
    let not_empty = Condvar::new();
    let not_full = Condvar::new();

    thread::scope(|s| {
        s.spawn(|| {
            for item in 1.. {
                let mut state = state.lock();
                not_full.wait_while(&mut state, |s| s.buffer.len() >= BUFFER_SIZE && !s.stop);
                if state.stop {
                    break;
                }
                state.buffer.push_back(item);
                println!("Produced {item}");
                drop(state);
                // parking_lot's notify_one says whether it woke anyone.
                if not_empty.notify_one() {
                    println!("  (woke the waiting consumer)");
                }
                thread::sleep(Duration::from_millis(50));
            }
            println!("Producer exiting");
        });
        s.spawn(|| {
            loop {
                let mut state = state.lock();
                not_empty.wait_while(&mut state, |s| s.buffer.is_empty() && !s.stop);
                let Some(item) = state.buffer.pop_front() else {
                    break;
                };
                println!("Consumed {item}");
                drop(state);
                not_full.notify_one();
                thread::sleep(Duration::from_millis(100));
            }
            println!("Consumer exiting");
        });
        thread::sleep(Duration::from_millis(1500));
        state.lock().stop = true;
        let woken = not_empty.notify_all() + not_full.notify_all();
        println!("Stop signalled; {woken} waiting thread(s) woken");
    });
    println!("Program finished");
}
