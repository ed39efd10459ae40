//! Alternative: two atomic flags, `claimed` (taken by the one sender, with swap) and `ready` (taken by the one receiver, with swap), instead of one four-state atomic.
use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct OneShot<T> {
    message: UnsafeCell<MaybeUninit<T>>,
    claimed: AtomicBool,
    ready: AtomicBool,
}

unsafe impl<T: Send> Sync for OneShot<T> {}

impl<T> OneShot<T> {
    pub const fn new() -> Self {
        OneShot {
            message: UnsafeCell::new(MaybeUninit::uninit()),
            claimed: AtomicBool::new(false),
            ready: AtomicBool::new(false),
        }
    }

    pub fn send(&self, message: T) {
        // A swap is right here: `claimed` never goes back to false, so setting it again
        // changes nothing.
        if self.claimed.swap(true, Ordering::Relaxed) {
            panic!("send() on a OneShot that already had a message sent");
        }
        unsafe { (*self.message.get()).write(message) };
        self.ready.store(true, Ordering::Release);
    }

    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }

    pub fn receive(&self) -> T {
        if !self.ready.swap(false, Ordering::Acquire) {
            panic!("receive() on a OneShot with no message ready");
        }
        unsafe { (*self.message.get()).assume_init_read() }
    }
}

impl<T> Drop for OneShot<T> {
    fn drop(&mut self) {
        if *self.ready.get_mut() {
            unsafe { self.message.get_mut().assume_init_drop() }
        }
    }
}
