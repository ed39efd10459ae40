//! # The GIL 3: CPU-bound work, without a GIL, on data changed in place
//!
//! In CPython, splitting a computation (brightening an image, normalising a million readings, in
//! pure Python) over four threads makes it no faster: only the thread holding the GIL computes.
//! That is why Python programs use processes (`multiprocessing`) for CPU-bound work, and pay for
//! copying the data to each process and the results back. Rust has no GIL: four threads on four
//! cores compute four times as much, and they can work on the caller's own buffer, in place,
//! with no copy and no lock, as long as no two threads ever touch the same item.
//!
//! The threads section's `parallel_map` only *read* a shared slice (`&[T]`, so `T: Sync`) and
//! built new values. Here each thread *changes* its own part of the slice: it gets a `&mut` to
//! its chunk, which is exclusive access, so the compiler needs only `T: Send` (the chunk is lent
//! to one thread, not shared by several). The borrow checker must see that the chunks do not
//! overlap, which indexing (`&mut items[a..b]` twice) cannot show it: cut them with
//! `split_at_mut` (or `chunks_mut`), which hands out two `&mut` halves that provably do not
//! overlap.
//!
//! Write `map_chunks(items, threads, work)`:
//!
//! - split `items` into exactly `threads` contiguous chunks, in order, whose lengths differ by
//!   at most one (10 items in 4 chunks: 3, 3, 2, 2; 2 items in 3 chunks: 1, 1, 0);
//! - call `work(chunk)` once per chunk with a `&mut` to it, every call on a thread of its own,
//!   all running at the same time (start every thread before joining any;
//!   `std::thread::scope` lets the threads borrow `items` and `work`); what `work` writes into
//!   its chunk is in `items` when `map_chunks` returns;
//! - return what each `work` call returned, in chunk order;
//! - panic if `threads` is 0, and if `work` panics (there is no result for that chunk).
//!
//! No `Mutex`, no `Arc` is needed, and none may be used around `work`: a lock would make the
//! threads take turns, as the GIL does. (`items.chunks_mut(n)` alone makes the wrong number of
//! chunks: 9 items with `chunks_mut(3)` is 3 chunks, not 4. With `base = len / threads` and
//! `extra = len % threads`, the first `extra` chunks get `base + 1` items and the others `base`.
//! A loop that cuts one chunk off the front at a time needs `std::mem::take(&mut rest)` to move
//! the `&mut` out of `rest` before splitting it, or `let (chunk, tail) = rest.split_at_mut(n);
//! rest = tail;`.)
//!
//! Check your work: `cargo run -p grader -- check gil/parallel_chunks`.

/// Splits `items` into `threads` contiguous chunks whose lengths differ by at most one, runs
/// `work` on every chunk at the same time, each on a thread of its own with exclusive access to
/// its chunk, and returns the results in chunk order.
///
/// # Panics
///
/// If `threads` is 0, or if `work` panics.
pub fn map_chunks<T, R, F>(items: &mut [T], threads: usize, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut [T]) -> R + Sync,
{
    // TODO: split into `threads` chunks, one scoped thread each, results in chunk order.
    let _ = (items, threads, work);
    todo!()
}
