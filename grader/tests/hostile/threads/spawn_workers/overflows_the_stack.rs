//! expect: crashed: stack overflow
//! Recurses without end.
#[allow(unconditional_recursion)]
fn deeper(depth: u64) -> u64 {
    let padding = [depth; 64];
    deeper(depth + 1) + std::hint::black_box(padding)[0]
}

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    deeper(0);
    unreachable!()
}
