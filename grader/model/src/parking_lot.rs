//! `parking_lot`'s locks as the model checker sees them: the same stand-ins as `sync`, with
//! parking_lot's API (no poisoning, a guard that a condition variable borrows).

use std::ops::{Deref, DerefMut};
use std::panic::Location;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// `parking_lot::Mutex`.
#[derive(Debug, Default)]
pub struct Mutex<T: ?Sized>(crate::sync::Mutex<T>);

/// `parking_lot::MutexGuard`.
pub struct MutexGuard<'a, T: ?Sized>(crate::sync::MutexGuard<'a, T>);

impl<T> Mutex<T> {
    /// `Mutex::new`.
    pub fn new(value: T) -> Self {
        Mutex(crate::sync::Mutex::new(value))
    }

    /// `Mutex::into_inner`.
    pub fn into_inner(self) -> T {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: ?Sized> Mutex<T> {
    /// `Mutex::lock`.
    #[track_caller]
    pub fn lock(&self) -> MutexGuard<'_, T> {
        MutexGuard(self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// `Mutex::try_lock`.
    #[track_caller]
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        match self.0.try_lock() {
            Ok(guard) => Some(MutexGuard(guard)),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                Some(MutexGuard(poisoned.into_inner()))
            }
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// `Mutex::get_mut`.
    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut().unwrap_or_else(PoisonError::into_inner)
    }
}

/// `parking_lot::const_mutex`.
pub fn const_mutex<T>(value: T) -> Mutex<T> {
    Mutex::new(value)
}

impl<T: ?Sized> MutexGuard<'_, T> {
    /// `MutexGuard::unlocked`: lets go of the lock while `f` runs, and takes it again after.
    #[track_caller]
    pub fn unlocked<F, U>(s: &mut Self, f: F) -> U
    where
        F: FnOnce() -> U,
    {
        s.0.unlocked(f, Location::caller())
    }
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// `parking_lot::WaitTimeoutResult`: in the model a wait never times out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    /// Whether the wait timed out: never, in the model.
    pub fn timed_out(&self) -> bool {
        self.0
    }
}

/// `parking_lot::Condvar`.
#[derive(Debug, Default)]
pub struct Condvar(crate::sync::Condvar);

impl Condvar {
    /// `Condvar::new`.
    pub fn new() -> Self {
        Condvar(crate::sync::Condvar::new())
    }

    /// `Condvar::wait`.
    #[track_caller]
    pub fn wait<T: ?Sized>(&self, guard: &mut MutexGuard<'_, T>) {
        self.0.wait_once(&mut guard.0, Location::caller());
    }

    /// `Condvar::wait_while`.
    #[track_caller]
    pub fn wait_while<T: ?Sized, F>(&self, guard: &mut MutexGuard<'_, T>, mut condition: F)
    where
        F: FnMut(&mut T) -> bool,
    {
        let at = Location::caller();
        while condition(&mut *guard.0) {
            self.0.wait_once(&mut guard.0, at);
        }
    }

    /// `Condvar::wait_for`: in the model, a wait that only a notify ends.
    #[track_caller]
    pub fn wait_for<T: ?Sized>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        _timeout: Duration,
    ) -> WaitTimeoutResult {
        self.0.wait_once(&mut guard.0, Location::caller());
        WaitTimeoutResult(false)
    }

    /// `Condvar::wait_until`: in the model, a wait that only a notify ends.
    #[track_caller]
    pub fn wait_until<T: ?Sized>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        _deadline: Instant,
    ) -> WaitTimeoutResult {
        self.0.wait_once(&mut guard.0, Location::caller());
        WaitTimeoutResult(false)
    }

    /// `Condvar::wait_while_for`: in the model, waits until the condition no longer holds.
    #[track_caller]
    pub fn wait_while_for<T: ?Sized, F>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        condition: F,
        _timeout: Duration,
    ) -> WaitTimeoutResult
    where
        F: FnMut(&mut T) -> bool,
    {
        self.wait_while(guard, condition);
        WaitTimeoutResult(false)
    }

    /// `Condvar::notify_one`. The model cannot tell whether a thread was waiting, so this
    /// returns `false` always; a file that depends on the answer is judged by the stress tests.
    #[track_caller]
    pub fn notify_one(&self) -> bool {
        self.0.notify_one();
        false
    }

    /// `Condvar::notify_all`; returns 0 (see [`Condvar::notify_one`]).
    #[track_caller]
    pub fn notify_all(&self) -> usize {
        self.0.notify_all();
        0
    }
}

/// `parking_lot::RwLock`.
#[derive(Debug, Default)]
pub struct RwLock<T: ?Sized>(crate::sync::RwLock<T>);

/// `parking_lot::RwLockReadGuard`.
pub type RwLockReadGuard<'a, T> = crate::sync::RwLockReadGuard<'a, T>;

/// `parking_lot::RwLockWriteGuard`.
pub type RwLockWriteGuard<'a, T> = crate::sync::RwLockWriteGuard<'a, T>;

impl<T> RwLock<T> {
    /// `RwLock::new`.
    pub fn new(value: T) -> Self {
        RwLock(crate::sync::RwLock::new(value))
    }

    /// `RwLock::into_inner`.
    pub fn into_inner(self) -> T {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: ?Sized> RwLock<T> {
    /// `RwLock::read`.
    #[track_caller]
    pub fn read(&self) -> RwLockReadGuard<'_, T> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// `RwLock::write`.
    #[track_caller]
    pub fn write(&self) -> RwLockWriteGuard<'_, T> {
        self.0.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// `RwLock::get_mut`.
    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut().unwrap_or_else(PoisonError::into_inner)
    }
}
