//! What a caller controls of a solve: limits, seed, threads, cancellation, progress.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// A snapshot sent to the progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Fraction of the work or time budget done, 0..=1.
    pub fraction: f64,
    /// Best objective so far (PyCalendar's, higher is better).
    pub best_objective: Option<f64>,
    /// Best bound so far, when an exact solver runs.
    pub bound: Option<f64>,
    /// Matches placed in the best schedule so far.
    pub placed: usize,
}

/// Callback receiving progress; called from solver threads.
pub type ProgressCallback = Arc<dyn Fn(Progress) + Send + Sync>;

/// How long, how hard and how reproducibly to solve.
#[derive(Clone)]
pub struct SolveOptions {
    /// Wall-time budget.
    pub time_limit: Duration,
    /// Relative gap at which the exact solver stops (0 = prove optimality).
    pub gap_limit: f64,
    /// Seed of the heuristic's random choices.
    pub seed: u64,
    /// Threads (0 = every core).
    pub threads: usize,
    /// Heuristic improvement rounds per restart; with a fixed budget the result depends only on
    /// the seed and the thread count (the time limit remains a safety stop).
    pub heuristic_rounds: usize,
    /// Set to `true` to stop; checked often.
    pub cancel: Arc<AtomicBool>,
    /// Receives progress.
    pub progress: Option<ProgressCallback>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(60),
            gap_limit: 0.0,
            seed: 0,
            threads: 0,
            heuristic_rounds: 200,
            cancel: Arc::new(AtomicBool::new(false)),
            progress: None,
        }
    }
}

impl fmt::Debug for SolveOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SolveOptions")
            .field("time_limit", &self.time_limit)
            .field("gap_limit", &self.gap_limit)
            .field("seed", &self.seed)
            .field("threads", &self.threads)
            .field("heuristic_rounds", &self.heuristic_rounds)
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl SolveOptions {
    /// Whether the cancellation flag is set.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Threads to use.
    pub fn thread_count(&self) -> usize {
        if self.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.threads
        }
    }

    pub(crate) fn report(&self, progress: Progress) {
        if let Some(callback) = &self.progress {
            callback(progress);
        }
    }
}
