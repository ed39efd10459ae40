//! The daemons lesson of threadlings: not written yet.
