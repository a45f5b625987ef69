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
        Placement::split(&crate::cpus::allowed())
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
}
