//! A program that logs many lines, calls `flush()` and then ends with `std::process::exit`,
//! which runs no destructor: only what `flush` waited for can be in the file.
//!
//! Usage: `flushes_and_exits PATH COUNT`. Prints `logged` on standard error once every line has
//! been handed to the logger, just before it calls `flush()`.

use exercise::Logger;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: flushes_and_exits PATH COUNT");
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
    logger.flush();
    std::process::exit(0);
}

/// Line `number` of the log, the same as the hidden tests expect.
fn line(number: usize) -> String {
    format!("line {number:06}: the quick brown fox jumps over the lazy dog")
}
