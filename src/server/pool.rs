//! A fixed pool of analysis threads.
//!
//! `spawn_blocking` would run successive analyses on whichever of many threads is free, and
//! each thread gets its own malloc arena that keeps the peak of the largest analysis it ran:
//! with a novel open that costs tens of megabytes per thread. Two long-lived threads keep
//! memory bounded, and two lanes let a novel's analysis run beside a short document's.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::oneshot;

type Task = Box<dyn FnOnce() + Send>;

#[derive(Clone)]
pub struct Pool {
    tasks: mpsc::Sender<Task>,
}

impl Pool {
    pub fn new(threads: usize) -> Pool {
        let (tasks, queue) = mpsc::channel::<Task>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..threads.max(1) {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("whosaid-analysis-{i}"))
                .spawn(move || loop {
                    let task = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    match task {
                        // A panicking analysis drops its result sender; the thread lives on.
                        Ok(task) => drop(catch_unwind(AssertUnwindSafe(task))),
                        Err(_) => break,
                    }
                });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_tasks_and_survives_a_panic() {
        let pool = Pool::new(1);
        assert_eq!(pool.run(|| 2 + 2).await, Some(4));
        assert_eq!(pool.run(|| -> i32 { panic!("boom") }).await, None);
        assert_eq!(pool.run(|| 5).await, Some(5));
    }
}
