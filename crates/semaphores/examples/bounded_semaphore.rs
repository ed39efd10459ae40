//! The tutorial's semaphore example, the Rust way: `Semaphore(2)` guarding a critical section
//! that 5 threads want to enter, with a permit released on drop. Then what Python's
//! `BoundedSemaphore` is for, and why a permit-based semaphore needs no such thing.
//!
//! Run it with `cargo run -p semaphores --example bounded_semaphore`.

use semaphores::channels::TokenSemaphore;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

fn main() {
    // semaphore = threading.Semaphore(2)  # Allow up to 2 threads to access
    let semaphore = TokenSemaphore::new(2);
    let inside = AtomicUsize::new(0);

    // def critical_section():
    //     with semaphore:
    //         ...
    let critical_section = |name: usize| {
        let _permit = semaphore.acquire();
        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
        println!("thread {name} entered ({now} inside)");
        thread::sleep(Duration::from_millis(200)); // the critical section's work
        inside.fetch_sub(1, Ordering::SeqCst);
        println!("thread {name} leaving");
        // `_permit` is dropped here: the permit goes back, and a waiting thread gets in.
    };

    // Example usage: five threads, at most two inside at a time.
    thread::scope(|s| {
        for name in 1..=5 {
            s.spawn(move || critical_section(name));
        }
    });
    println!("all done; {} permits free", semaphore.available());

    // A holder that panics still gives its permit back: the permit is dropped while the panic
    // unwinds, as Python's `with` releases when an exception leaves the block.
    // (The default panic message is silenced for this one planned panic.)
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let _permit = semaphore.acquire();
            panic!("something went wrong inside the critical section");
        })
        .join()
    });
    std::panic::set_hook(default_hook);
    println!(
        "a holder panicked ({}); {} permits free",
        if outcome.is_err() {
            "as planned"
        } else {
            "or not?"
        },
        semaphore.available()
    );

    // Python's plain Semaphore can be released once too often:
    //
    //     s = threading.Semaphore(2)
    //     s.acquire(); s.release(); s.release()   # now 3 threads can get in
    //
    // BoundedSemaphore raises ValueError on that second release, at run time. Here the release
    // is the drop of a permit, and a permit can be dropped once:
    let permit = semaphore.acquire();
    drop(permit);
    // drop(permit); // error[E0382]: use of moved value: `permit`
    println!(
        "after one acquire and one release: {} permits free, never more than 2",
        semaphore.available()
    );
}
