//! The learner's file as the model checker reads it: the same text, with the standard library's
//! paths pointing at the course's stand-ins (the `sim` crate, `grader/model/`), and nothing
//! moved from its line.
//!
//! Rewritten, where they begin a path: `std::` and `core::` become `sim::` (the stand-ins for
//! what the checker explores, std itself for the rest), `parking_lot::` becomes
//! `sim::parking_lot::`, and `thread_local!` becomes `sim::thread_local!` (which refuses to
//! compile: thread-locals are not modelled). `const fn` becomes `      fn` (the same width), since
//! the checker's objects can only be made at run time. Crates the checker does not know
//! (`crossbeam_channel`) are left alone: the model crate does not depend on them, so a file that
//! uses them does not compile there, and the stress tests alone judge it.

/// The learner's file with its paths pointing at the model checker's stand-ins.
pub fn for_model(source: &str) -> String {
    let mut text = source.to_owned();
    for (from, to) in [
        ("std::", "sim::"),
        ("core::", "sim::"),
        ("parking_lot::", "sim::parking_lot::"),
        ("thread_local!", "sim::thread_local!"),
    ] {
        text = replace_path_starts(&text, from, to);
    }
    replace_words(&text, "const fn", "      fn")
}

/// Whether `c` can be part of an identifier.
fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Replaces `from` where it begins a path: after something that is not part of an identifier or
/// of another path (`x::std::` is someone else's `std`), or after a leading `::`.
fn replace_path_starts(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = &rest[..at];
        let starts_a_path = match before.chars().next_back() {
            None => out
                .chars()
                .next_back()
                .is_none_or(|c| !is_ident(c) && c != ':'),
            Some(':') => {
                // `::std::` is the crate; `a::std::` a module of someone else's.
                let whole = format!("{out}{before}");
                whole.strip_suffix("::").is_some_and(|head| {
                    head.chars()
                        .next_back()
                        .is_none_or(|c| !is_ident(c) && c != '>')
                })
            }
            Some(c) => !is_ident(c),
        };
        out.push_str(before);
        out.push_str(if starts_a_path { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Replaces `from` where it stands as words of its own.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back())
            .is_none_or(|c| !is_ident(c));
        let after_ok = rest[at + from.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_ident(c));
        out.push_str(&rest[..at]);
        out.push_str(if before_ok && after_ok { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_std_path_points_at_the_stand_ins() {
        let source = "use std::sync::{Arc, Mutex};\n\
                      use std::{cell::UnsafeCell, thread};\n\
                      let a = ::std::sync::atomic::AtomicBool::new(false);\n\
                      core::hint::spin_loop();\n\
                      let m = parking_lot::Mutex::new(0);\n\
                      thread_local! { static X: u8 = 0; }\n";
        let model = for_model(source);
        assert_eq!(
            model,
            "use sim::sync::{Arc, Mutex};\n\
             use sim::{cell::UnsafeCell, thread};\n\
             let a = ::sim::sync::atomic::AtomicBool::new(false);\n\
             sim::hint::spin_loop();\n\
             let m = sim::parking_lot::Mutex::new(0);\n\
             sim::thread_local! { static X: u8 = 0; }\n"
        );
    }

    #[test]
    fn other_paths_that_merely_contain_the_names_are_left_alone() {
        let source = "mystd::x(); a::std::y(); my_parking_lot::z(); not_core::w();\n";
        assert_eq!(for_model(source), source);
    }

    #[test]
    fn a_const_fn_keeps_its_width_and_its_lines() {
        let source = "pub const fn new() -> Self {\n    Self { x: 0 }\n}\nconst fnord: u8 = 0;\n";
        let model = for_model(source);
        assert_eq!(
            model,
            "pub       fn new() -> Self {\n    Self { x: 0 }\n}\nconst fnord: u8 = 0;\n"
        );
        assert_eq!(model.lines().count(), source.lines().count());
    }

    #[test]
    fn std_paths_keep_their_columns() {
        let source = "    let x = std::sync::Mutex::new(0); // at column 13\n";
        let model = for_model(source);
        assert_eq!(model.find("sim::"), source.find("std::"));
        assert_eq!(model.len(), source.len());
    }
}
