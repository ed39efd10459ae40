//! The tls lesson of threadlings: not written yet.
