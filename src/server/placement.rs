//! Which CPUs answer the editor and which analyse.
//!
//! On a machine with few cores a novel's analysis holds a whole core for tens of
//! milliseconds. Measured on this project's 2-core machine (Linux 6.18, 250 Hz): a thread that
//! answers the editor and wakes on the analysis's core waits for the scheduler's next tick,
//! up to 4 ms, whatever the analysis thread's nice value or scheduling class (the idle class
//! is worse: the kernel counts its core as free and sends every wake-up there). Keeping the
//! two apart is what holds a hover under a millisecond while a novel re-analyses: the first
//! allowed CPU answers the editor (every thread the runtime starts inherits it), the others
//! analyse. With one CPU nothing is pinned.

/// The CPUs for each side; empty means "leave as the system places it".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placement {
    pub editor: Vec<usize>,
    pub analysis: Vec<usize>,
}

impl Placement {
    /// Split the CPUs this process may use (its affinity, so `taskset` and cgroups hold).
    pub fn of_this_process() -> Placement {
        Placement::split(&allowed_cpus())
    }

    /// The first CPU answers the editor, the rest analyse; fewer than two: no pinning.
    pub fn split(cpus: &[usize]) -> Placement {
        match cpus {
            [first, rest @ ..] if !rest.is_empty() => Placement {
                editor: vec![*first],
                analysis: rest.to_vec(),
            },
            _ => Placement::default(),
        }
    }
}

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

#[cfg(target_os = "linux")]
fn allowed_cpus() -> Vec<usize> {
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
fn allowed_cpus() -> Vec<usize> {
    Vec::new()
}

#[cfg(not(target_os = "linux"))]
fn set_affinity(_: &[usize]) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_cpu_answers_and_the_rest_analyse() {
        assert_eq!(Placement::split(&[]), Placement::default());
        assert_eq!(Placement::split(&[3]), Placement::default());
        assert_eq!(
            Placement::split(&[2, 5, 7]),
            Placement {
                editor: vec![2],
                analysis: vec![5, 7]
            }
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_pinned_thread_runs_only_where_it_was_pinned() {
        let allowed = allowed_cpus();
        assert!(!allowed.is_empty(), "this process may run somewhere");
        let last = *allowed.last().unwrap();
        let seen = std::thread::spawn(move || {
            pin_current_thread(&[last]);
            allowed_cpus()
        })
        .join()
        .unwrap();
        assert_eq!(seen, vec![last]);
        assert_eq!(allowed_cpus(), allowed, "other threads keep theirs");
    }
}
