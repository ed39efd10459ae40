//! `thread::Builder`: threads with names, which show inside the thread and in panic messages,
//! and a spawn whose failure is an `io::Error` to handle rather than a panic.
//!
//! Run it with `cargo run -p threads --example named_threads`.

use std::thread;

fn main() {
    println!(
        "main runs on the thread named {:?}",
        thread::current().name()
    );

    let names = ["downloader", "parser", "indexer"];
    let handles: Vec<_> = names
        .iter()
        .map(|name| {
            thread::Builder::new()
                .name((*name).to_owned())
                .spawn(|| {
                    let me = thread::current();
                    println!("hello from {:?} ({:?})", me.name().unwrap_or("?"), me.id());
                    if me.name() == Some("parser") {
                        panic!("the parser fails on purpose, to show its name in the message");
                    }
                })
                .expect("the operating system refused to start a thread")
        })
        .collect();
    for (name, handle) in names.iter().zip(handles) {
        match handle.join() {
            Ok(()) => println!("{name} finished"),
            Err(_) => println!("{name} panicked (see its message above, which names it)"),
        }
    }

    let unnamed = thread::spawn(|| thread::current().name().map(str::to_owned));
    println!(
        "a thread from thread::spawn is named {:?}",
        unnamed.join().unwrap()
    );
}
