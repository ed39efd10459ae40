//! Solution: scoped threads that borrow instead of cloning.

use std::thread;

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
    assert!(threads > 0, "parallel_map needs at least one thread");
    if items.is_empty() {
        return Vec::new();
    }
    let chunk_len = items.len().div_ceil(threads);
    let f = &f;
    thread::scope(|scope| {
        // Spawn every chunk's thread first, then join them in chunk order.
        let handles: Vec<_> = items
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(results) => results,
                Err(payload) => std::panic::resume_unwind(payload),
            })
            .collect()
    })
}
