//! A job cannot hold an `Rc`: the job runs on another thread, and an `Rc` must stay on its own.
use exercise::ThreadPool;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let pool = ThreadPool::new(2);
    let shared = Rc::new(5); //~ MISUSE
    let shared = Arc::new(5); //~ CONTROL
    pool.execute(move || println!("{shared}")); //~ ERROR E0277 cannot be sent between threads safely
    pool.join();
}
