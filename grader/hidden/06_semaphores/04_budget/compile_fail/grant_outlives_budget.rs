//! A `Grant` cannot outlive the `Budget` it came from: it borrows the budget.
use exercise::Budget;

fn main() {
    let outer = Budget::new(4); //~ CONTROL
    let grant;
    {
        let budget = Budget::new(4);
        grant = budget.acquire(2); //~ ERROR E0597 does not live long enough
        grant = outer.acquire(2); //~ CONTROL
    }
    drop(grant);
}
