//! A heartbeat's `beat` runs on the heartbeat's own thread, so it cannot hold an `Rc`.
use exercise::Heartbeat;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

fn main() {
    let rc = Rc::new(());
    let arc = Arc::new(());
    let heartbeat = Heartbeat::start(Duration::from_secs(1), move || drop(rc.clone())); //~ ERROR E0277 cannot be sent between threads safely
    let heartbeat = Heartbeat::start(Duration::from_secs(1), move || drop(arc.clone())); //~ CONTROL
    heartbeat.stop();
}
