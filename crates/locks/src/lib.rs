//! The locks lesson of threadlings: not written yet.
