// A guard cannot outlive its mutex.
fn main() {
    let guard;
    {
        let lock = std::sync::Mutex::new(1);
        guard = lock.lock().unwrap();
    }
    println!("{}", *guard);
}
