//! The gil lesson of threadlings: not written yet.
