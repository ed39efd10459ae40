//! `std::sync` as the model checker sees it: locks and condition variables whose every
//! operation is a point where the checker may switch threads, and atomics whose orderings it
//! models.

use std::cell::UnsafeCell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::panic::Location;
use std::time::Duration;

pub use std::sync::{Arc, LockResult, PoisonError, TryLockError, TryLockResult, Weak};

use crate::story::record;

pub mod atomic;

/// Marks a guard as not `Send`, as std's are.
type NotSend = PhantomData<*const ()>;

/// `std::sync::Mutex`, explored by the checker.
pub struct Mutex<T: ?Sized> {
    lock: loom::sync::Mutex<()>,
    poisoned: std::sync::atomic::AtomicBool,
    data: UnsafeCell<T>,
}

// SAFETY: as std's `Mutex`: the lock lets one thread at a time reach the data.
unsafe impl<T: ?Sized + Send> Send for Mutex<T> {}
// SAFETY: as above.
unsafe impl<T: ?Sized + Send> Sync for Mutex<T> {}

/// `std::sync::MutexGuard`.
pub struct MutexGuard<'a, T: ?Sized + 'a> {
    mutex: &'a Mutex<T>,
    /// loom's guard; taken while the guard waits on a condition variable.
    held: Option<loom::sync::MutexGuard<'a, ()>>,
    locked_at: &'static Location<'static>,
    _not_send: NotSend,
}

// SAFETY: as std's `MutexGuard`: sharing the guard shares only `&T`.
unsafe impl<T: ?Sized + Sync> Sync for MutexGuard<'_, T> {}

impl<T> Mutex<T> {
    /// `Mutex::new`.
    pub fn new(value: T) -> Self {
        Mutex {
            lock: loom::sync::Mutex::new(()),
            poisoned: std::sync::atomic::AtomicBool::new(false),
            data: UnsafeCell::new(value),
        }
    }

    /// `Mutex::into_inner`.
    pub fn into_inner(self) -> LockResult<T> {
        let poisoned = self.is_poisoned();
        let value = self.data.into_inner();
        if poisoned {
            Err(PoisonError::new(value))
        } else {
            Ok(value)
        }
    }
}

impl<T: ?Sized> Mutex<T> {
    fn loom(&self) -> &loom::sync::Mutex<()> {
        &self.lock
    }

    fn guard<'a>(
        &'a self,
        held: loom::sync::MutexGuard<'a, ()>,
        at: &'static Location<'static>,
    ) -> MutexGuard<'a, T> {
        MutexGuard {
            mutex: self,
            held: Some(held),
            locked_at: at,
            _not_send: PhantomData,
        }
    }

    fn poison<G>(&self, guard: G) -> LockResult<G> {
        if self.is_poisoned() {
            Err(PoisonError::new(guard))
        } else {
            Ok(guard)
        }
    }

    /// `Mutex::lock`.
    #[track_caller]
    pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
        let at = Location::caller();
        record(at, || "lock()".to_owned());
        let held = self.loom().lock().unwrap_or_else(PoisonError::into_inner);
        record(at, || "… got the lock".to_owned());
        self.poison(self.guard(held, at))
    }

    /// `Mutex::try_lock`.
    #[track_caller]
    pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
        let at = Location::caller();
        match self.loom().try_lock() {
            Ok(held) => {
                record(at, || "try_lock() → got the lock".to_owned());
                match self.poison(self.guard(held, at)) {
                    Ok(guard) => Ok(guard),
                    Err(poisoned) => Err(TryLockError::Poisoned(poisoned)),
                }
            }
            Err(_) => {
                record(at, || "try_lock() → held by another thread".to_owned());
                Err(TryLockError::WouldBlock)
            }
        }
    }

    /// `Mutex::is_poisoned`.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// `Mutex::clear_poison`.
    pub fn clear_poison(&self) {
        self.poisoned
            .store(false, std::sync::atomic::Ordering::Relaxed);
    }

    /// `Mutex::get_mut`.
    pub fn get_mut(&mut self) -> LockResult<&mut T> {
        let poisoned = self.is_poisoned();
        let data = self.data.get_mut();
        if poisoned {
            Err(PoisonError::new(data))
        } else {
            Ok(data)
        }
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Mutex::new(T::default())
    }
}

impl<T> From<T> for Mutex<T> {
    fn from(value: T) -> Self {
        Mutex::new(value)
    }
}

impl<T: ?Sized> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Mutex { .. }")
    }
}

impl<T: ?Sized> MutexGuard<'_, T> {
    /// Lets go of the lock while `f` runs and takes it again after (parking_lot's
    /// `MutexGuard::unlocked`). If `f` panics, the lock is not taken again: the scenario has
    /// failed, and the guard, holding nothing, then releases nothing.
    pub(crate) fn unlocked<U>(
        &mut self,
        f: impl FnOnce() -> U,
        at: &'static Location<'static>,
    ) -> U {
        let line = self.locked_at.line();
        record(at, || {
            format!("unlock (the lock taken on line {line}) while a function runs")
        });
        self.held = None;
        let result = f();
        record(at, || "lock() again".to_owned());
        let held = self
            .mutex
            .loom()
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        record(at, || "… got the lock".to_owned());
        self.held = Some(held);
        self.locked_at = at;
        result
    }
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock.
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock, and `&mut self` makes this the only reference.
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T: ?Sized> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.mutex
                .poisoned
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if self.held.is_some() {
            let line = self.locked_at.line();
            record(self.locked_at, || {
                format!("unlock (the lock taken on line {line})")
            });
        }
        self.held = None;
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for MutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + fmt::Display> fmt::Display for MutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

/// `std::sync::WaitTimeoutResult`. In the model a wait never times out: only a notify ends it,
/// so a scenario never relies on a timeout, and code that waits for one that is never notified
/// is found blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    /// Whether the wait timed out: never, in the model.
    pub fn timed_out(&self) -> bool {
        self.0
    }
}

/// `std::sync::Condvar`, explored by the checker.
pub struct Condvar {
    condvar: loom::sync::Condvar,
}

impl Condvar {
    /// `Condvar::new`.
    pub fn new() -> Self {
        Condvar {
            condvar: loom::sync::Condvar::new(),
        }
    }

    fn loom(&self) -> &loom::sync::Condvar {
        &self.condvar
    }

    pub(crate) fn wait_once<T: ?Sized>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        at: &'static Location<'static>,
    ) {
        record(at, || {
            "wait (lets go of the lock until notified)".to_owned()
        });
        let held = guard.held.take().expect("a guard holds its lock");
        let held = self
            .loom()
            .wait(held)
            .unwrap_or_else(PoisonError::into_inner);
        guard.held = Some(held);
        record(at, || "… woken, and has the lock again".to_owned());
    }

    /// `Condvar::wait`.
    #[track_caller]
    pub fn wait<'a, T: ?Sized>(
        &self,
        mut guard: MutexGuard<'a, T>,
    ) -> LockResult<MutexGuard<'a, T>> {
        self.wait_once(&mut guard, Location::caller());
        let mutex = guard.mutex;
        mutex.poison(guard)
    }

    /// `Condvar::wait_while`.
    #[track_caller]
    pub fn wait_while<'a, T: ?Sized, F>(
        &self,
        mut guard: MutexGuard<'a, T>,
        mut condition: F,
    ) -> LockResult<MutexGuard<'a, T>>
    where
        F: FnMut(&mut T) -> bool,
    {
        let at = Location::caller();
        while condition(&mut *guard) {
            self.wait_once(&mut guard, at);
        }
        let mutex = guard.mutex;
        mutex.poison(guard)
    }

    /// `Condvar::wait_timeout`: in the model, a wait that only a notify ends.
    #[track_caller]
    pub fn wait_timeout<'a, T: ?Sized>(
        &self,
        mut guard: MutexGuard<'a, T>,
        _timeout: Duration,
    ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)> {
        self.wait_once(&mut guard, Location::caller());
        let mutex = guard.mutex;
        match mutex.poison(guard) {
            Ok(guard) => Ok((guard, WaitTimeoutResult(false))),
            Err(poisoned) => Err(PoisonError::new((
                poisoned.into_inner(),
                WaitTimeoutResult(false),
            ))),
        }
    }

    /// `Condvar::wait_timeout_while`: in the model, waits until the condition no longer holds.
    #[track_caller]
    pub fn wait_timeout_while<'a, T: ?Sized, F>(
        &self,
        mut guard: MutexGuard<'a, T>,
        _timeout: Duration,
        mut condition: F,
    ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)>
    where
        F: FnMut(&mut T) -> bool,
    {
        let at = Location::caller();
        while condition(&mut *guard) {
            self.wait_once(&mut guard, at);
        }
        let mutex = guard.mutex;
        match mutex.poison(guard) {
            Ok(guard) => Ok((guard, WaitTimeoutResult(false))),
            Err(poisoned) => Err(PoisonError::new((
                poisoned.into_inner(),
                WaitTimeoutResult(false),
            ))),
        }
    }

    /// `Condvar::notify_one`.
    #[track_caller]
    pub fn notify_one(&self) {
        record(Location::caller(), || "notify_one()".to_owned());
        self.loom().notify_one();
    }

    /// `Condvar::notify_all`.
    #[track_caller]
    pub fn notify_all(&self) {
        record(Location::caller(), || "notify_all()".to_owned());
        self.loom().notify_all();
    }
}

impl Default for Condvar {
    fn default() -> Self {
        Condvar::new()
    }
}

impl fmt::Debug for Condvar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Condvar { .. }")
    }
}

/// `std::sync::RwLock`, explored by the checker.
pub struct RwLock<T: ?Sized> {
    lock: loom::sync::RwLock<()>,
    poisoned: std::sync::atomic::AtomicBool,
    data: UnsafeCell<T>,
}

// SAFETY: as std's `RwLock`.
unsafe impl<T: ?Sized + Send> Send for RwLock<T> {}
// SAFETY: as std's `RwLock`: readers share `&T`, a writer has it alone.
unsafe impl<T: ?Sized + Send + Sync> Sync for RwLock<T> {}

/// `std::sync::RwLockReadGuard`.
pub struct RwLockReadGuard<'a, T: ?Sized + 'a> {
    lock: &'a RwLock<T>,
    _held: loom::sync::RwLockReadGuard<'a, ()>,
    _not_send: NotSend,
}

// SAFETY: as std's.
unsafe impl<T: ?Sized + Sync> Sync for RwLockReadGuard<'_, T> {}

/// `std::sync::RwLockWriteGuard`.
pub struct RwLockWriteGuard<'a, T: ?Sized + 'a> {
    lock: &'a RwLock<T>,
    _held: loom::sync::RwLockWriteGuard<'a, ()>,
    _not_send: NotSend,
}

// SAFETY: as std's.
unsafe impl<T: ?Sized + Sync> Sync for RwLockWriteGuard<'_, T> {}

impl<T> RwLock<T> {
    /// `RwLock::new`.
    pub fn new(value: T) -> Self {
        RwLock {
            lock: loom::sync::RwLock::new(()),
            poisoned: std::sync::atomic::AtomicBool::new(false),
            data: UnsafeCell::new(value),
        }
    }

    /// `RwLock::into_inner`.
    pub fn into_inner(self) -> LockResult<T> {
        let poisoned = self.is_poisoned();
        let value = self.data.into_inner();
        if poisoned {
            Err(PoisonError::new(value))
        } else {
            Ok(value)
        }
    }
}

impl<T: ?Sized> RwLock<T> {
    fn loom(&self) -> &loom::sync::RwLock<()> {
        &self.lock
    }

    fn poison<G>(&self, guard: G) -> LockResult<G> {
        if self.is_poisoned() {
            Err(PoisonError::new(guard))
        } else {
            Ok(guard)
        }
    }

    /// `RwLock::is_poisoned`.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// `RwLock::read`.
    #[track_caller]
    pub fn read(&self) -> LockResult<RwLockReadGuard<'_, T>> {
        let at = Location::caller();
        record(at, || "read()".to_owned());
        let held = self.loom().read().unwrap_or_else(PoisonError::into_inner);
        record(at, || "… reading".to_owned());
        self.poison(RwLockReadGuard {
            lock: self,
            _held: held,
            _not_send: PhantomData,
        })
    }

    /// `RwLock::write`.
    #[track_caller]
    pub fn write(&self) -> LockResult<RwLockWriteGuard<'_, T>> {
        let at = Location::caller();
        record(at, || "write()".to_owned());
        let held = self.loom().write().unwrap_or_else(PoisonError::into_inner);
        record(at, || "… writing".to_owned());
        self.poison(RwLockWriteGuard {
            lock: self,
            _held: held,
            _not_send: PhantomData,
        })
    }

    /// `RwLock::try_read`.
    #[track_caller]
    pub fn try_read(&self) -> TryLockResult<RwLockReadGuard<'_, T>> {
        let at = Location::caller();
        match self.loom().try_read() {
            Ok(held) => {
                record(at, || "try_read() → reading".to_owned());
                Ok(RwLockReadGuard {
                    lock: self,
                    _held: held,
                    _not_send: PhantomData,
                })
            }
            Err(_) => {
                record(at, || "try_read() → a writer holds it".to_owned());
                Err(TryLockError::WouldBlock)
            }
        }
    }

    /// `RwLock::try_write`.
    #[track_caller]
    pub fn try_write(&self) -> TryLockResult<RwLockWriteGuard<'_, T>> {
        let at = Location::caller();
        match self.loom().try_write() {
            Ok(held) => {
                record(at, || "try_write() → writing".to_owned());
                Ok(RwLockWriteGuard {
                    lock: self,
                    _held: held,
                    _not_send: PhantomData,
                })
            }
            Err(_) => {
                record(at, || "try_write() → held by another thread".to_owned());
                Err(TryLockError::WouldBlock)
            }
        }
    }

    /// `RwLock::get_mut`.
    pub fn get_mut(&mut self) -> LockResult<&mut T> {
        let poisoned = self.is_poisoned();
        let data = self.data.get_mut();
        if poisoned {
            Err(PoisonError::new(data))
        } else {
            Ok(data)
        }
    }
}

impl<T: Default> Default for RwLock<T> {
    fn default() -> Self {
        RwLock::new(T::default())
    }
}

impl<T: ?Sized> fmt::Debug for RwLock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RwLock { .. }")
    }
}

impl<T: ?Sized> Deref for RwLockReadGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock for reading.
        unsafe { &*self.lock.data.get() }
    }
}

impl<T: ?Sized> Drop for RwLockReadGuard<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.lock
                .poisoned
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

impl<T: ?Sized> Deref for RwLockWriteGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock for writing.
        unsafe { &*self.lock.data.get() }
    }
}

impl<T: ?Sized> DerefMut for RwLockWriteGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock for writing, and `&mut self` makes this the only
        // reference.
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T: ?Sized> Drop for RwLockWriteGuard<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.lock
                .poisoned
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}
