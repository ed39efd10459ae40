//! The semaphores lesson of threadlings: not written yet.
