//! Alternative: splits the slice by hand with `split_at` and has each thread write its results
//! into its own part of a pre-sized output.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads >= 1, "threads must be at least 1");
    let mut out: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let per_thread = items.len() / threads;
    let extra = items.len() % threads;
    thread::scope(|scope| {
        let (mut rest_in, mut rest_out) = (items, out.as_mut_slice());
        for k in 0..threads {
            let len = per_thread + usize::from(k < extra);
            if len == 0 {
                break;
            }
            let (chunk_in, tail_in) = rest_in.split_at(len);
            let (chunk_out, tail_out) = rest_out.split_at_mut(len);
            (rest_in, rest_out) = (tail_in, tail_out);
            let f = &f;
            scope.spawn(move || {
                for (item, slot) in chunk_in.iter().zip(chunk_out) {
                    *slot = Some(f(item));
                }
            });
        }
    });
    out.into_iter()
        .map(|slot| slot.expect("every item was mapped"))
        .collect()
}
