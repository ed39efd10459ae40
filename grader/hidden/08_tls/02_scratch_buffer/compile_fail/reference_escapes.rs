//! The buffer `with_scratch` lends to `f` cannot be kept after `f` returns: it is only borrowed.
use exercise::with_scratch;

fn main() {
    let mut kept: Option<&mut Vec<u8>> = None;
    let mut length: Option<usize> = None;
    with_scratch(|buffer| kept = Some(buffer)); //~ ERROR E0521 escapes
    with_scratch(|buffer| length = Some(buffer.len())); //~ CONTROL
    println!("{:?} {length:?}", kept.map(|buffer| buffer.len()));
}
