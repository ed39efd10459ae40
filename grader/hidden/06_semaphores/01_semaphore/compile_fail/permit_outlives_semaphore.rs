//! A `Permit` cannot outlive the `Semaphore` it came from: it borrows the semaphore.
use exercise::Semaphore;

fn main() {
    let outer = Semaphore::new(1); //~ CONTROL
    let permit;
    {
        let semaphore = Semaphore::new(1);
        permit = semaphore.acquire(); //~ ERROR E0597 does not live long enough
        permit = outer.acquire(); //~ CONTROL
    }
    drop(permit);
}
