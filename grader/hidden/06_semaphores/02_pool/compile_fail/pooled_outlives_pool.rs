//! A borrowed connection (`Pooled`) cannot outlive the `Pool` it came from.
use exercise::Pool;

fn main() {
    let outer = Pool::new(vec![1u32]); //~ CONTROL
    let connection;
    {
        let pool = Pool::new(vec![1u32]);
        connection = pool.get(); //~ ERROR E0597 does not live long enough
        connection = outer.get(); //~ CONTROL
    }
    drop(connection);
}
