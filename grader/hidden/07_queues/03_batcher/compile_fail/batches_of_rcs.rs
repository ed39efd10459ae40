//! A batcher cannot batch `Rc`s: its thread takes the items over, and an `Rc` must stay put.
use crossbeam_channel::unbounded;
use exercise::batch;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

fn main() {
    let (input, items) = unbounded::<Rc<u32>>(); //~ MISUSE
    let (input, items) = unbounded::<Arc<u32>>(); //~ CONTROL
    let batches = batch(items, 10, Duration::from_millis(100)); //~ ERROR E0277 cannot be sent between threads safely
    let batches = batch(items, 10, Duration::from_millis(100)); //~ CONTROL
    drop(input);
    for group in batches {
        println!("{}", group.len());
    }
}
