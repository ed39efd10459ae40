//! Alternative: a wrapper around std::sync::Once (call_once_force, so that a panicking f leaves the way open); the model checker cannot explore it, so the stress tests alone judge it.
pub struct InitOnce {
    once: std::sync::Once,
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce { once: std::sync::Once::new() }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        self.once.call_once_force(|_| f());
    }

    pub fn is_completed(&self) -> bool {
        self.once.is_completed()
    }
}
