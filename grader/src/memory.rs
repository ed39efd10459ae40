//! How much memory one test process may have on this machine: a fixed cap, lowered to what a
//! container leaves once the grader has its share. The runner enforces it; `output` words it.

/// The most memory one test process may have: address space it reserves on Linux, memory it
/// commits on Windows, resident memory of its process group on macOS (see
/// [`crate::platform::MemoryCap`]). Every thread reserves its stack, so this is far above what
/// the runner's most threads (`MAX_THREADS`) need, yet stops an allocation without limit long
/// before the machine runs out of memory.
const MAX_MEMORY: u64 = 4 << 30;

/// What a container's memory limit keeps back for the grader itself (and the tests beside the
/// one capped) before the rest is a test's cap.
const GRADER_ROOM: u64 = 128 << 20;

/// The memory cap of one test process, and the container limit that lowered it, if one did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryAllowance {
    /// The cap.
    pub bytes: u64,
    /// The container's limit, when it made the cap smaller than [`MAX_MEMORY`].
    pub container: Option<u64>,
}

/// The cap for a container that allows `container` bytes: [`MAX_MEMORY`], or what the container
/// leaves once [`GRADER_ROOM`] is kept back, whichever is smaller, so that a test's message
/// never promises memory the container does not have.
pub fn allowance_in(container: Option<u64>) -> MemoryAllowance {
    match container {
        Some(limit) if limit.saturating_sub(GRADER_ROOM) < MAX_MEMORY => MemoryAllowance {
            // A container too small even for the room still lets a test have half of it.
            bytes: limit.saturating_sub(GRADER_ROOM).max(limit / 2),
            container: Some(limit),
        },
        _ => MemoryAllowance {
            bytes: MAX_MEMORY,
            container: None,
        },
    }
}

/// This machine's cap, read once.
pub fn memory_allowance() -> MemoryAllowance {
    static ALLOWANCE: std::sync::OnceLock<MemoryAllowance> = std::sync::OnceLock::new();
    *ALLOWANCE.get_or_init(|| allowance_in(crate::platform::container_memory_limit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_is_the_smaller_of_four_gib_and_what_the_container_leaves() {
        assert_eq!(allowance_in(None).bytes, 4 << 30);
        assert_eq!(allowance_in(Some(64 << 30)).bytes, 4 << 30);
        assert_eq!(allowance_in(Some(64 << 30)).container, None);
        assert_eq!(allowance_in(Some(768 << 20)).bytes, 640 << 20);
        assert_eq!(allowance_in(Some(100 << 20)).bytes, 50 << 20);
    }
}
