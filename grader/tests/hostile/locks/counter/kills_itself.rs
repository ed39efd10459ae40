//! expect: crashed: SIGKILL
//! Sends itself SIGKILL.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &std::process::id().to_string()])
            .status();
        std::thread::sleep(std::time::Duration::from_secs(60));
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
