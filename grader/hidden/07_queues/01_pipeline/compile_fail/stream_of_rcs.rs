//! A stream of `Rc`s cannot go through a pipeline, since each item moves to another thread.
use exercise::produce;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let items = vec![Rc::new(1), Rc::new(2)]; //~ MISUSE
    let items = vec![Arc::new(1), Arc::new(2)]; //~ CONTROL
    let output = produce(items, 1); //~ ERROR E0277 cannot be sent between threads safely
    let output = produce(items, 1); //~ CONTROL
    for item in output {
        println!("{item}");
    }
}
