//! A background thread that panics: detached, its panic is printed and then nobody hears of it
//! again; joined, the panic reaches the joining thread as `Err(payload)`, with its message.
//!
//! Run it with `cargo run -p daemons --example panics` (the "thread ... panicked" lines on
//! stderr are the panic hook's; they are part of the show).

use std::any::Any;
use std::thread;
use std::time::Duration;

fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic that is not text".to_owned()
    }
}

fn flaky_job(name: &str) -> u32 {
    thread::sleep(Duration::from_millis(50));
    panic!("{name}: the disk is full")
}

fn main() {
    // Detached: the panic is printed by the hook, the thread is gone, main goes on unaware.
    drop(
        thread::Builder::new()
            .name("detached-logger".to_owned())
            .spawn(|| flaky_job("detached-logger"))
            .expect("could not start the thread"),
    );
    thread::sleep(Duration::from_millis(200));
    println!("main: the detached thread has died, and main has no way to know\n");

    // Joined: the panic comes back through `join`.
    let worker = thread::Builder::new()
        .name("joined-worker".to_owned())
        .spawn(|| flaky_job("joined-worker"))
        .expect("could not start the thread");
    match worker.join() {
        Ok(result) => println!("main: the worker returned {result}"),
        Err(payload) => println!(
            "main: join() says the worker panicked: {:?}",
            message(payload.as_ref())
        ),
    }

    // Scoped: a helper's panic that nobody joined makes the scope itself panic, once every
    // helper has ended; catch it here only to show it.
    let scope = std::panic::catch_unwind(|| {
        thread::scope(|s| {
            s.spawn(|| flaky_job("scoped-helper"));
        });
    });
    println!(
        "main: the scope with a panicking helper {}",
        if scope.is_err() {
            "panicked in turn"
        } else {
            "returned normally"
        }
    );
}
