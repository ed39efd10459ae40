//! What the lesson says Rust refuses, checked against the compiler's exact words (the toolchain
//! is pinned by rust-toolchain.toml, so the expected output is stable).

#[test]
fn the_compiler_refuses_what_the_lesson_says() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
