//! Mutant: maps the items one after the other on the calling thread.

/// Maps every item, one at a time.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    items.into_iter().map(f).collect()
}
