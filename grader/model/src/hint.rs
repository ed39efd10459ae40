//! `std::hint` as the model checker sees it: a spin-loop hint lets the other threads run.

use std::panic::Location;

pub use std::hint::{assert_unchecked, black_box, unreachable_unchecked};

/// `std::hint::spin_loop`: in the model, the spinning thread steps aside until another thread
/// has done something, so that a spin-wait ends as soon as what it waits for can happen.
#[track_caller]
pub fn spin_loop() {
    crate::story::record(Location::caller(), || "spin_loop()".to_owned());
    loom::thread::yield_now();
}
