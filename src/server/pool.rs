//! A fixed pool of analysis threads.
//!
//! `spawn_blocking` would run successive analyses on whichever of many threads is free, and
//! each thread gets its own malloc arena that keeps the peak of the largest analysis it ran:
//! with a novel open that costs tens of megabytes per thread. Two long-lived threads keep
//! memory bounded, and two lanes let a novel's analysis run beside a short document's.
//! When the pool falls idle, freed memory is handed back to the system.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::oneshot;

type Task = Box<dyn FnOnce() + Send>;

/// Memory is handed back once the pool has been idle this long: not after every analysis,
/// which would make each keystroke's analysis fault its pages back in.
const IDLE_TRIM: Duration = Duration::from_millis(500);

fn serve(queue: &Mutex<mpsc::Receiver<Task>>, cpus: &[usize]) {
    crate::cpus::pin_current_thread(cpus);
    yield_to_requests();
    let mut used_memory = false;
    loop {
        let next = {
            let queue = queue.lock().unwrap_or_else(PoisonError::into_inner);
            if used_memory {
                queue.recv_timeout(IDLE_TRIM)
            } else {
                queue.recv().map_err(|_| RecvTimeoutError::Disconnected)
            }
        };
        match next {
            Ok(task) => {
                // A panicking analysis drops its result sender; the thread lives on.
                drop(catch_unwind(AssertUnwindSafe(task)));
                used_memory = true;
            }
            Err(RecvTimeoutError::Timeout) => {
                release_free_memory();
                used_memory = false;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
}

#[derive(Clone)]
pub struct Pool {
    tasks: mpsc::Sender<Task>,
}

impl Pool {
    /// `threads` analysis threads, each pinned to `cpus` (empty: anywhere).
    pub fn new(threads: usize, cpus: Vec<usize>) -> Pool {
        let (tasks, queue) = mpsc::channel::<Task>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..threads.max(1) {
            let queue = queue.clone();
            let cpus = cpus.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("whosaid-analysis-{i}"))
                .spawn(move || serve(&queue, &cpus));
            if let Err(e) = spawned {
                tracing::error!("cannot start analysis thread: {e}");
            }
        }
        Pool { tasks }
    }

    /// Run `f` on the pool; `None` if it panicked or the pool is gone.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = oneshot::channel();
        let task: Task = Box::new(move || {
            let _ = tx.send(f());
        });
        self.tasks.send(task).ok()?;
        rx.await.ok()
    }
}

/// Return freed heap pages to the system. glibc keeps an analysis's peak (tens of MB for a
/// novel) in the thread's arena otherwise; other allocators return memory on their own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_free_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: malloc_trim only releases free memory inside glibc's allocator; it takes no
    // pointers and is thread-safe.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_free_memory() {}

/// glibc gives threads arenas of their own, up to eight a core, and each keeps the peak of
/// the largest analysis it ran: with a novel open, both analysis threads would hold a
/// novel's peak. Two arenas for the whole process keep one such peak (measured through the
/// server with the seed, a 10,000-word article and a novel open: 63-69 MB -> 57 MB after
/// 200 edits), at the cost of a lock the analysis threads rarely contend for.
/// Call before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn share_malloc_arenas() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_ARENA_MAX: i32 = -8;
    // SAFETY: mallopt takes plain integers and only changes glibc's allocator settings;
    // called before the server's threads start.
    unsafe {
        mallopt(M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn share_malloc_arenas() {}

/// How much an analysis thread defers to other programs on its CPUs, the editor's among them
/// (Linux nice levels, -20..19). Not the idle scheduling class: the kernel counts a core that
/// runs only idle-class work as free and wakes other programs' threads there, to wait for a
/// tick (see `placement.rs`).
#[cfg(target_os = "linux")]
const ANALYSIS_NICENESS: i32 = 10;

/// Lower the calling analysis thread's priority: on Linux a nice value is per thread.
#[cfg(target_os = "linux")]
fn yield_to_requests() {
    extern "C" {
        fn setpriority(which: i32, who: u32, prio: i32) -> i32;
    }
    const PRIO_PROCESS: i32 = 0;
    // SAFETY: setpriority takes plain integers; `who` 0 is the calling thread on Linux.
    let failed = unsafe { setpriority(PRIO_PROCESS, 0, ANALYSIS_NICENESS) } != 0;
    if failed {
        tracing::debug!("could not lower the analysis thread's priority");
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_requests() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_tasks_and_survives_a_panic() {
        let pool = Pool::new(1, Vec::new());
        assert_eq!(pool.run(|| 2 + 2).await, Some(4));
        assert_eq!(pool.run(|| -> i32 { panic!("boom") }).await, None);
        assert_eq!(pool.run(|| 5).await, Some(5));
    }
}
