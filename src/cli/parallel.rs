//! Batch work over every core, results in input order, memory bounded on a stream.
//!
//! The reading and writing stay on the calling thread: it reads an item only while fewer
//! than `window` are in flight (queued, being analysed, or finished but waiting for an
//! earlier one), so a slow document holds back at most `window` others, never the stream.
//! One thread, or one item, runs inline: a single article pays for no threads at all.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

/// Items in flight per worker: enough to keep every core busy behind one long document.
const WINDOW_PER_THREAD: usize = 4;

/// The number of workers: `requested`, or every core the process may use.
pub fn threads(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// What a worker hands back: its result, or the panic it caught, named by the caller.
pub type Outcome<R> = Result<R, String>;

/// Run `work` on each item over `threads` workers and give each outcome to `sink` in the
/// items' order. `sink` returning an error stops the reading; work already queued finishes.
pub fn ordered_map<T, R, E>(
    items: impl Iterator<Item = T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(Outcome<R>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let guarded = |item: T| catch_unwind(AssertUnwindSafe(|| work(item))).map_err(panic_text);
    let mut items = items.peekable();
    if threads <= 1 {
        for item in items {
            sink(guarded(item))?;
        }
        return Ok(());
    }
    let Some(first) = items.next() else {
        return Ok(());
    };
    if items.peek().is_none() {
        return sink(guarded(first));
    }
    let window = threads * WINDOW_PER_THREAD;
    let (job_tx, job_rx) = mpsc::channel::<(usize, T)>();
    let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome<R>)>();
    let job_rx = Mutex::new(job_rx);
    let mut pending = std::iter::once(first).chain(items);
    let (mut sent, mut written) = (0usize, 0usize);
    let mut reading = true;
    // Fill the queue before any worker starts, so none waits for this thread to be scheduled.
    // Owns the queue's sender: dropping it closes the queue.
    let mut fill = move |sent: &mut usize, written: usize, reading: &mut bool| {
        while *reading && *sent - written < window {
            match pending.next() {
                Some(item) => {
                    // The receiver outlives this closure, so the queue is open.
                    let _ = job_tx.send((*sent, item));
                    *sent += 1;
                }
                None => *reading = false,
            }
        }
    };
    fill(&mut sent, written, &mut reading);
    let cores = worker_cores(threads);
    std::thread::scope(|scope| {
        for i in 0..threads {
            let done_tx = done_tx.clone();
            let (job_rx, guarded) = (&job_rx, &guarded);
            // A thread starts on its parent's CPUs: spawned from here while this thread is
            // pinned to the worker's core, it is placed there from its first instruction.
            if let Some(core) = cores.get(i) {
                crate::cpus::pin_current_thread(&[*core]);
            }
            scope.spawn(move || loop {
                let next = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok((seq, item)) = next else { break };
                if done_tx.send((seq, guarded(item))).is_err() {
                    break;
                }
            });
        }
        crate::cpus::pin_current_thread(&cores);
        drop(done_tx);

        let mut waiting: BTreeMap<usize, Outcome<R>> = BTreeMap::new();
        let result = loop {
            fill(&mut sent, written, &mut reading);
            if written == sent {
                break Ok(());
            }
            let Ok((seq, outcome)) = done_rx.recv() else {
                break Ok(()); // unreachable: every worker holds a sender until the queue closes
            };
            waiting.insert(seq, outcome);
            let mut stop = None;
            while let Some(outcome) = waiting.remove(&written) {
                written += 1;
                if let Err(e) = sink(outcome) {
                    stop = Some(e);
                    break;
                }
            }
            if let Some(e) = stop {
                break Err(e);
            }
        };
        drop(fill);
        result
    })
}

/// A core for each worker when there are no more workers than cores, else none (the
/// system places them). Pinned, two workers can't be stacked on one core while another
/// idles: the kernel stacks threads that wake each other, and a core woken for a moment
/// at a time never looks idle enough to pull one over (seen here: a worker waiting 2 ms
/// behind the other with the second core free).
fn worker_cores(threads: usize) -> Vec<usize> {
    let allowed = crate::cpus::allowed();
    if threads > 1 && threads <= allowed.len() {
        allowed
    } else {
        Vec::new()
    }
}

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(n: usize, threads: usize) -> Vec<Outcome<usize>> {
        let mut out = Vec::new();
        let r: Result<(), ()> = ordered_map(
            0..n,
            threads,
            |i| {
                // Later items finish first, so order must come from the reordering.
                std::thread::sleep(std::time::Duration::from_micros(((n - i) % 7) as u64 * 50));
                assert!(i != 13, "item thirteen");
                i * i
            },
            |o| {
                out.push(o);
                Ok(())
            },
        );
        assert!(r.is_ok());
        out
    }

    #[test]
    fn results_come_in_input_order_on_any_number_of_threads() {
        let expected: Vec<Outcome<usize>> = (0..40)
            .map(|i| {
                if i == 13 {
                    Err("item thirteen".to_owned())
                } else {
                    Ok(i * i)
                }
            })
            .collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(run(40, threads), expected, "{threads} threads");
        }
        assert_eq!(run(1, 4), vec![Ok(0)]);
        assert_eq!(run(0, 4), vec![]);
    }

    #[test]
    fn each_worker_has_a_core_and_the_caller_keeps_its_own() {
        let before = crate::cpus::allowed();
        let threads = before.len().max(2);
        let mut seen = Vec::new();
        let r: Result<(), ()> = ordered_map(
            0..threads * 8,
            threads,
            |_| crate::cpus::allowed(),
            |o| {
                seen.push(o.expect("no panic"));
                Ok(())
            },
        );
        assert!(r.is_ok());
        if before.len() >= 2 {
            assert!(seen.iter().all(|cpus| cpus.len() == 1), "{seen:?}");
        }
        assert_eq!(crate::cpus::allowed(), before);
    }

    #[test]
    fn a_failing_sink_stops_the_reading() {
        let mut read = 0;
        let items = std::iter::from_fn(|| {
            read += 1;
            (read <= 1000).then_some(read)
        });
        let mut seen = 0;
        let r = ordered_map(
            items,
            2,
            |i| i,
            |_| {
                seen += 1;
                if seen == 3 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("closed"));
        assert_eq!(seen, 3);
        assert!(read <= 3 + 2 * WINDOW_PER_THREAD, "read {read} items");
    }
}
