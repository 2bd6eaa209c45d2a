//! The event handler that watches SCIP while it solves: it stops it soon after the cancellation flag
//! is set, and reports each new incumbent and the bound to the progress callback.
//!
//! russcip 0.11 has no safe `SCIPinterruptSolve`, and this workspace forbids `unsafe`; setting the time
//! limit to zero from inside the handler stops SCIP just as well (it checks the limit at every node,
//! LP and presolving round), and the flag tells a cancellation from a real time limit afterwards.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russcip::prelude::*;
use russcip::{Event, SCIPEventhdlr, Variable};

use crate::strategy::{Progress, ProgressCallback};

/// Shared with the handler: the x variables to count placed matches. Emptied by [`Watch`] after the
/// solve, which breaks the reference cycle between SCIP (owning the handler) and the variables (owning
/// SCIP).
pub(super) type Watched = Rc<RefCell<Vec<Variable>>>;

/// Empties the watched variables when dropped.
pub(super) struct Watch(pub Watched);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.borrow_mut().clear();
    }
}

/// How often the bound alone is reported at most.
const BOUND_REPORT_INTERVAL: Duration = Duration::from_millis(500);

/// The handler.
pub(super) struct Monitor {
    pub cancel: Arc<AtomicBool>,
    pub progress: Option<ProgressCallback>,
    pub started: Instant,
    pub time_limit: Duration,
    pub watched: Watched,
    pub stopped: bool,
    pub last_report: Option<Instant>,
}

impl Monitor {
    fn report(&mut self, model: &Model<Solving>) {
        let Some(callback) = &self.progress else { return };
        let (best_objective, placed) = match model.best_sol() {
            Some(sol) => {
                let placed = self.watched.borrow().iter().filter(|x| sol.val(x) > 0.5).count();
                (Some(sol.obj_val()), placed)
            }
            None => (None, 0),
        };
        let bound = model.best_bound();
        let bound = (bound.abs() < 1e19).then_some(bound);
        let fraction = if self.time_limit.is_zero() {
            1.0
        } else {
            (self.started.elapsed().as_secs_f64() / self.time_limit.as_secs_f64()).min(1.0)
        };
        callback(Progress { fraction, best_objective, bound, placed });
        self.last_report = Some(Instant::now());
    }
}

impl Eventhdlr for Monitor {
    fn get_type(&self) -> EventMask {
        EventMask::BEST_SOL_FOUND
            | EventMask::NODE_FOCUSED
            | EventMask::LP_EVENT
            | EventMask::PRESOLVE_ROUND
            | EventMask::DUAL_BOUND_IMPROVED
    }

    fn execute(&mut self, model: Model<Solving>, _eventhdlr: SCIPEventhdlr, event: Event) {
        if self.stopped {
            return;
        }
        if self.cancel.load(Ordering::Relaxed) {
            self.stopped = true;
            // SCIP stops at its next limit check; the caller maps this to `Cancelled`.
            let _ = model.set_real_param("limits/time", 0.0);
            return;
        }
        let kind = event.event_type();
        let due = self.last_report.is_none_or(|at| at.elapsed() >= BOUND_REPORT_INTERVAL);
        if kind.matches(EventMask::BEST_SOL_FOUND) || (kind.matches(EventMask::DUAL_BOUND_IMPROVED) && due) {
            self.report(&model);
        }
    }
}
