//! expect: timed_out: did not finish
//! Starts a long-lived child process (marked so the test can look for it), then hangs.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        let _ = std::process::Command::new("sh")
            .args(["-c", "sleep 3600; echo threadlings-orphan-marker"])
            .spawn();
        std::thread::sleep(std::time::Duration::from_secs(3600));
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
