// A `Cell` is not `Sync`: two threads calling `set` at once would race.
fn main() {
    let count = std::cell::Cell::new(0);
    std::thread::scope(|s| {
        s.spawn(|| count.set(count.get() + 1));
    });
}
