//! Many readers at once, one writer alone: a read-mostly configuration behind an `RwLock`. Four
//! readers hold read guards at the same time; a writer asks for the write guard while they are
//! all inside, and waits until the last of them has left.

use std::sync::{Barrier, RwLock};
use std::thread;
use std::time::{Duration, Instant};

const READERS: usize = 4;
const READING: Duration = Duration::from_millis(100);

fn main() {
    let config = RwLock::new(String::from("v1"));
    // The readers and the writer meet here once every reader holds its read guard.
    let all_inside = Barrier::new(READERS + 1);
    let started = Instant::now();
    thread::scope(|s| {
        for id in 0..READERS {
            let (config, all_inside) = (&config, &all_inside);
            s.spawn(move || {
                let value = config.read().unwrap();
                // Every reader holds a read guard at this point, at the same time: with a Mutex
                // this barrier would never open.
                all_inside.wait();
                println!("reader {id} sees {}", *value);
                thread::sleep(READING);
                // The read guard is dropped here.
            });
        }
        s.spawn(|| {
            all_inside.wait();
            let asked = Instant::now();
            let mut value = config.write().unwrap();
            println!(
                "the writer asked while {READERS} readers were inside, and got the lock {:?} \
                 later, once the last had left",
                asked.elapsed()
            );
            *value = String::from("v2");
        });
    });
    println!(
        "{READERS} readers holding the lock for {READING:?} each, and the writer after them, took \
         {:?} in all: the readers overlapped",
        started.elapsed()
    );
    println!("the configuration is now {}", config.read().unwrap());
}
