//! `std::thread` as the model checker sees it: loom's threads, named in the story of an
//! interleaving, and `scope` built on them.
//!
//! What a model cannot explore is left out, so that a file using it is judged by the stress
//! tests: `sleep`, `park_timeout`, `available_parallelism`, `JoinHandle::is_finished` (a loop
//! polling it would never let the checker switch threads).

use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, Location, catch_unwind, resume_unwind};
use std::sync::{Arc, Mutex, PoisonError};

pub use loom::thread::{Thread, ThreadId, current};
pub use std::thread::{Result, panicking};

use crate::story::{record, spawning, started, thread_name};

/// `std::thread::yield_now`.
#[track_caller]
pub fn yield_now() {
    record(Location::caller(), || "yield_now()".to_owned());
    loom::thread::yield_now();
}

/// `std::thread::park`.
#[track_caller]
pub fn park() {
    let at = Location::caller();
    record(at, || "park()".to_owned());
    loom::thread::park();
    record(at, || "… unparked".to_owned());
}

/// `std::thread::JoinHandle`.
pub struct JoinHandle<T> {
    inner: loom::thread::JoinHandle<T>,
    number: usize,
}

impl<T> JoinHandle<T> {
    /// `JoinHandle::join`.
    #[track_caller]
    pub fn join(self) -> Result<T> {
        let at = Location::caller();
        let name = thread_name(self.number);
        record(at, || format!("join {name}"));
        let result = self.inner.join();
        record(at, || format!("… {name} has ended"));
        result
    }

    /// `JoinHandle::thread`.
    pub fn thread(&self) -> &Thread {
        self.inner.thread()
    }
}

impl<T> std::fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JoinHandle { .. }")
    }
}

/// Starts `f` on a loom thread named `number` in the story.
fn spawn_numbered<F, T>(f: F, name: Option<String>, at: &'static Location<'static>) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let number = spawning(name.as_deref());
    let label = thread_name(number);
    record(at, || format!("spawn {label}"));
    let body = move || {
        started(number);
        f()
    };
    let inner = match name {
        Some(name) => loom::thread::Builder::new()
            .name(name)
            .spawn(body)
            .expect("the model checker always starts a thread"),
        None => loom::thread::spawn(body),
    };
    JoinHandle { inner, number }
}

/// `std::thread::spawn`.
#[track_caller]
pub fn spawn<F, T>(f: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    spawn_numbered(f, None, Location::caller())
}

/// `std::thread::Builder`.
#[derive(Debug, Default)]
pub struct Builder {
    name: Option<String>,
}

impl Builder {
    /// `Builder::new`.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// `Builder::name`.
    pub fn name(mut self, name: String) -> Builder {
        self.name = Some(name);
        self
    }

    /// `Builder::stack_size`: the model's threads have the checker's stacks.
    pub fn stack_size(self, _size: usize) -> Builder {
        self
    }

    /// `Builder::spawn`.
    #[track_caller]
    pub fn spawn<F, T>(self, f: F) -> std::io::Result<JoinHandle<T>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        Ok(spawn_numbered(f, self.name, Location::caller()))
    }

    /// `Builder::spawn_scoped`.
    #[track_caller]
    pub fn spawn_scoped<'scope, 'env, F, T>(
        self,
        scope: &'scope Scope<'scope, 'env>,
        f: F,
    ) -> std::io::Result<ScopedJoinHandle<'scope, T>>
    where
        F: FnOnce() -> T + Send + 'scope,
        T: Send + 'scope,
    {
        Ok(scope.spawn_named(f, self.name, Location::caller()))
    }
}

/// A scoped thread's loom handle, joined by whoever comes first: its `ScopedJoinHandle` or the
/// end of the scope.
type Pending = Arc<Mutex<Option<JoinHandle<()>>>>;

/// `std::thread::Scope`.
pub struct Scope<'scope, 'env: 'scope> {
    pending: Mutex<Vec<Pending>>,
    // Invariant in both lifetimes, as std's is.
    _scope: PhantomData<&'scope mut &'scope ()>,
    _env: PhantomData<&'env mut &'env ()>,
}

/// `std::thread::ScopedJoinHandle`.
pub struct ScopedJoinHandle<'scope, T> {
    pending: Pending,
    result: Arc<Mutex<Option<T>>>,
    _scope: PhantomData<&'scope ()>,
}

impl<'scope> Scope<'scope, '_> {
    /// `Scope::spawn`.
    #[track_caller]
    pub fn spawn<F, T>(&'scope self, f: F) -> ScopedJoinHandle<'scope, T>
    where
        F: FnOnce() -> T + Send + 'scope,
        T: Send + 'scope,
    {
        self.spawn_named(f, None, Location::caller())
    }

    fn spawn_named<F, T>(
        &'scope self,
        f: F,
        name: Option<String>,
        at: &'static Location<'static>,
    ) -> ScopedJoinHandle<'scope, T>
    where
        F: FnOnce() -> T + Send + 'scope,
        T: Send + 'scope,
    {
        let result = Arc::new(Mutex::new(None));
        let body: Box<dyn FnOnce() + Send + 'scope> = {
            let result = Arc::clone(&result);
            Box::new(move || {
                let value = f();
                *result.lock().unwrap_or_else(PoisonError::into_inner) = Some(value);
            })
        };
        // SAFETY: the thread is joined before `scope` returns (by its handle, or by `scope`
        // itself, even when the scope's closure panics), so nothing it borrows for 'scope is
        // gone while it runs. This is how std's own `scope` is built.
        let body: Box<dyn FnOnce() + Send + 'static> = unsafe { std::mem::transmute(body) };
        let handle = spawn_numbered(body, name, at);
        let pending = Arc::new(Mutex::new(Some(handle)));
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Arc::clone(&pending));
        ScopedJoinHandle {
            pending,
            result,
            _scope: PhantomData,
        }
    }
}

impl<T> ScopedJoinHandle<'_, T> {
    /// `ScopedJoinHandle::join`.
    #[track_caller]
    pub fn join(self) -> Result<T> {
        let handle = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(handle) = handle {
            handle.join()?;
        }
        let value = self
            .result
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        Ok(value.expect("a joined scoped thread has stored its result"))
    }
}

/// `std::thread::scope`.
#[track_caller]
pub fn scope<'env, F, T>(f: F) -> T
where
    F: for<'scope> FnOnce(&'scope Scope<'scope, 'env>) -> T,
{
    let scope = Scope {
        pending: Mutex::new(Vec::new()),
        _scope: PhantomData,
        _env: PhantomData,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| f(&scope)));
    let pending: Vec<Pending> =
        std::mem::take(&mut *scope.pending.lock().unwrap_or_else(PoisonError::into_inner));
    for handle in pending {
        let handle = handle.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
    match outcome {
        Ok(value) => value,
        Err(payload) => resume_unwind(payload),
    }
}
