//! The queues lesson of threadlings: not written yet.
