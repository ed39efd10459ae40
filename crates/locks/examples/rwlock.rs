//! Many readers at once, one writer alone: a read-mostly configuration behind an `RwLock`.

use std::sync::{Barrier, RwLock};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let config = RwLock::new(String::from("v1"));
    let readers = 4;
    let all_inside = Barrier::new(readers);
    let started = Instant::now();
    thread::scope(|s| {
        for id in 0..readers {
            let (config, all_inside) = (&config, &all_inside);
            s.spawn(move || {
                let value = config.read().unwrap();
                // Every reader holds a read guard at this point, at the same time: with a Mutex
                // this barrier would never open.
                all_inside.wait();
                println!("reader {id} sees {}", *value);
                thread::sleep(Duration::from_millis(100));
            });
        }
    });
    println!(
        "4 readers holding the lock for 100 ms each took {:?} in all: they overlapped",
        started.elapsed()
    );
    *config.write().unwrap() = String::from("v2");
    println!(
        "the writer waited for them, then changed it to {}",
        config.read().unwrap()
    );
}
