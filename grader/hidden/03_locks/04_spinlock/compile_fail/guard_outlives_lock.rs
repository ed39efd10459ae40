//! A guard cannot outlive its lock: the lock it would release would be gone.
use exercise::SpinLock;

fn main() {
    let outer = SpinLock::new(1); //~ CONTROL
    let guard;
    {
        let lock = SpinLock::new(1);
        guard = lock.lock(); //~ ERROR E0597 does not live long enough
        guard = outer.lock(); //~ CONTROL
        drop(lock.try_lock());
    }
    assert_eq!(*guard, 1);
}
