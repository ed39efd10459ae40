//! Exercise: scoped threads that borrow instead of cloning.
//!
//! `thread::spawn` wants a `'static` closure: the new thread may outlive the function that
//! started it, so it may not borrow that function's local variables. That is why the first
//! exercise needed an `Arc`. When the threads are sure to end before the data does,
//! `std::thread::scope` lets them borrow it: every thread spawned on the scope is joined before
//! `scope` returns, so the compiler knows the borrow stays valid.
//!
//! Write `parallel_map(items, threads, f)`: it splits `items` into at most `threads` contiguous
//! chunks (`slice::chunks` does the splitting), maps each chunk on a scoped thread of its own,
//! all chunks at the same time, and returns `f` of every item in the order of `items`.
//!
//! - `items` is a borrowed slice of a type that need not be `Clone`: borrow it, do not copy it.
//! - With as many threads as items, every item gets a thread of its own and all `f` calls run
//!   at once; with fewer items than threads, fewer threads are started; with no items, none.
//! - `threads == 0` is a mistake of the caller: panic with a message saying so.
//! - If `f` panics, `parallel_map` panics too: it cannot return a result for that item.
//!
//! The chunk rule. `items.chunks(len)` cuts the slice into pieces of `len` items (the last may be
//! shorter). To get at most `threads` pieces, round the length *up*:
//! `len = items.len().div_ceil(threads)` (10 items on 4 threads: chunks of 3, so 3 + 3 + 3 + 1,
//! four chunks; 10 items on 20 threads: chunks of 1, ten chunks). Rounding down would make too
//! many chunks (10 / 4 = 2: five chunks). One case breaks the rule: for an empty slice `len` is
//! 0, and `chunks(0)` panics, so return an empty `Vec` before chunking.
//!
//! The shape: inside `thread::scope(|s| { … })`, spawn one thread per chunk (each maps its chunk
//! to a `Vec<R>`) and keep the handles in a `Vec`; only after every thread is started, join the
//! handles in chunk order and put their `Vec`s one after the other. Joining inside the spawning
//! loop would run the chunks one at a time. Each `move` closure needs `f` by reference: write
//! `let f = &f;` before the loop, and every closure copies the reference.
//!
//! The bounds say what sharing needs: `T: Sync` because several threads read the slice, `F: Sync`
//! because they all call the same `f` through a shared reference, `R: Send` because each result
//! travels back to the calling thread.
//!
//! Read the lesson: `cargo doc -p threads --open`.

/// Maps `f` over `items` on up to `threads` scoped threads running at once, each taking one
/// contiguous chunk, and returns the results in the order of `items`.
///
/// # Panics
///
/// If `threads` is 0, or if `f` panics.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    // TODO: chunk `items`, spawn one scoped thread per chunk, then join them in chunk order.
    let _ = (items, threads, f);
    todo!()
}
