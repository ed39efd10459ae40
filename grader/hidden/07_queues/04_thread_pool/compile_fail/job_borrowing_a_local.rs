//! A job cannot borrow a local variable: it may run after the function that queued it returned.
use exercise::ThreadPool;

fn queue_greeting(pool: &ThreadPool) {
    let name = String::from("Ferris");
    pool.execute(|| println!("hello, {name}")); //~ ERROR E0373 may outlive
    pool.execute(move || println!("hello, {name}")); //~ CONTROL
}

fn main() {
    let pool = ThreadPool::new(2);
    queue_greeting(&pool);
    pool.join();
}
