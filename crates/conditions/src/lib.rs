//! The conditions lesson of threadlings: not written yet.
