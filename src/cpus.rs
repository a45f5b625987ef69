//! Which CPUs this process may use, and pinning a thread to some of them.
//!
//! Shared by the shells: the language server keeps the editor's thread apart from the
//! analysis, and batch runs give each worker a core of its own (see `cli/parallel.rs`).

/// Pin the calling thread to `cpus` (no-op when empty or off Linux). Failure only costs latency.
pub fn pin_current_thread(cpus: &[usize]) {
    if cpus.is_empty() {
        return;
    }
    if !set_affinity(cpus) {
        tracing::debug!("could not pin a thread to CPUs {cpus:?}");
    }
}

#[cfg(target_os = "linux")]
mod sys {
    /// glibc's `cpu_set_t`: 1024 bits.
    pub type CpuSet = [u64; 16];
    extern "C" {
        pub fn sched_getaffinity(pid: i32, size: usize, set: *mut CpuSet) -> i32;
        pub fn sched_setaffinity(pid: i32, size: usize, set: *const CpuSet) -> i32;
    }
}

/// The CPUs this thread may run on (its affinity, so `taskset` and cgroups hold); empty
/// when unknown.
#[cfg(target_os = "linux")]
pub fn allowed() -> Vec<usize> {
    let mut set: sys::CpuSet = [0; 16];
    // SAFETY: `set` is a writable buffer of the size passed; pid 0 is the calling thread.
    let ok = unsafe { sys::sched_getaffinity(0, std::mem::size_of_val(&set), &mut set) } == 0;
    if !ok {
        return Vec::new();
    }
    (0..set.len() * 64)
        .filter(|&cpu| set[cpu / 64] & (1 << (cpu % 64)) != 0)
        .collect()
}

#[cfg(target_os = "linux")]
fn set_affinity(cpus: &[usize]) -> bool {
    let mut set: sys::CpuSet = [0; 16];
    for &cpu in cpus.iter().filter(|&&c| c < 1024) {
        set[cpu / 64] |= 1 << (cpu % 64);
    }
    // SAFETY: `set` lives across the call, which only reads it; pid 0 is the calling thread.
    unsafe { sys::sched_setaffinity(0, std::mem::size_of_val(&set), &set) == 0 }
}

#[cfg(not(target_os = "linux"))]
pub fn allowed() -> Vec<usize> {
    Vec::new()
}

#[cfg(not(target_os = "linux"))]
fn set_affinity(_: &[usize]) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_pinned_thread_runs_only_where_it_was_pinned() {
        let before = allowed();
        assert!(!before.is_empty(), "this process may run somewhere");
        let last = *before.last().unwrap();
        let seen = std::thread::spawn(move || {
            pin_current_thread(&[last]);
            allowed()
        })
        .join()
        .unwrap();
        assert_eq!(seen, vec![last]);
        assert_eq!(allowed(), before, "other threads keep theirs");
    }
}
