//! Model tests of conditions/event: every interleaving of waiters and a setter, explored by the
//! model checker. A waiter that checks the flag, misses a `set()` that comes right then, and
//! goes to sleep for ever (a lost wake-up) is one interleaving among many: the checker finds it
//! on any machine. In the model a wait never times out, so `wait_timeout` returns only once the
//! event is set.

use std::sync::Arc;
use std::time::Duration;

use exercise::Event;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicU64, Ordering};
use sim::thread;

fn a_waiter_never_misses_the_set_and_sees_what_came_before_it() {
    model::check(Bounds::default(), || {
        let event = Arc::new(Event::new());
        // What the setting thread prepared before calling set(), such as a loaded configuration.
        let prepared = Arc::new(AtomicU64::new(0));
        let waiter = {
            let (event, prepared) = (Arc::clone(&event), Arc::clone(&prepared));
            thread::spawn(move || {
                event.wait();
                let set = event.is_set();
                let seen = prepared.load(Ordering::Relaxed);
                (set, seen)
            })
        };
        prepared.store(1, Ordering::Relaxed);
        event.set();
        let (set, seen) = waiter.join().unwrap();
        assert!(
            set,
            "wait() returned while is_set() still returned false; it should return only once \
             the event is set"
        );
        assert_eq!(
            seen, 1,
            "a thread wrote 1 to a variable and then called set(); another thread's wait() \
             returned, and it then read {seen} from that variable. Everything done before set() \
             must be seen after wait() returns: if the flag is an atomic, set() must store it \
             with `Release` (or stronger) and wait() and is_set() load it with `Acquire`"
        );
    });
}

fn set_wakes_every_waiter() {
    model::check(Bounds::default(), || {
        let event = Arc::new(Event::new());
        let waiter = {
            let event = Arc::clone(&event);
            thread::spawn(move || event.wait())
        };
        let timed = {
            let event = Arc::clone(&event);
            thread::spawn(move || event.wait_timeout(Duration::from_secs(60)))
        };
        event.set();
        waiter.join().unwrap();
        let got = timed.join().unwrap();
        assert!(
            got,
            "a thread called wait_timeout(60 s) and another set the event; wait_timeout \
             returned false, but the event was set (and in the model checker a timeout never \
             runs out), so it should return true"
        );
    });
}

harness::hidden_tests![
    a_waiter_never_misses_the_set_and_sees_what_came_before_it,
    set_wakes_every_waiter,
];
