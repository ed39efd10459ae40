//! Mutant: joins each chunk's thread before spawning the next, so chunks run one at a time.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0);
    if items.is_empty() {
        return Vec::new();
    }
    let f = &f;
    thread::scope(|scope| {
        items
            .chunks(items.len().div_ceil(threads))
            .flat_map(|chunk| {
                scope
                    .spawn(move || chunk.iter().map(f).collect::<Vec<R>>())
                    .join()
                    .unwrap()
            })
            .collect()
    })
}
