//! The threads lesson of threadlings: not written yet.
