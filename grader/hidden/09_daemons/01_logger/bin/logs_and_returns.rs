//! A program whose `main` logs many lines and returns at once: the `Logger`'s `Drop`, at the
//! end of `main`, is all that stands between those lines and a process that ends.
//!
//! Usage: `logs_and_returns PATH COUNT`. Prints `logged` on standard error once every line has
//! been handed to the logger, just before `main` returns.

use exercise::Logger;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: logs_and_returns PATH COUNT");
        std::process::exit(2);
    };
    let logger = match Logger::new(&path) {
        Ok(logger) => logger,
        Err(error) => {
            eprintln!("Logger::new({path:?}) returned an error: {error}");
            std::process::exit(3);
        }
    };
    for number in 0..count {
        logger.log(&line(number));
    }
    eprintln!("logged");
    // `main` returns: `logger` is dropped here, and then the process ends.
}

/// Line `number` of the log, the same as the hidden tests expect.
fn line(number: usize) -> String {
    format!("line {number:06}: the quick brown fox jumps over the lazy dog")
}
