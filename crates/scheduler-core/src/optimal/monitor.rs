//! The event handler that watches SCIP while it solves: it stops it soon after the cancellation flag
//! is set, keeps the last proven bound, and reports each new incumbent and the bound to the progress
//! callback.
//!
//! russcip 0.11 has no safe `SCIPinterruptSolve`, and this workspace forbids `unsafe`; setting the time
//! limit to zero from inside the handler stops SCIP just as well (it checks the limit at every node,
//! LP, presolving round and inside presolvers and heuristics), and the flag tells a cancellation from a
//! real time limit afterwards. What the handler cannot cut short is one LP solve in progress (the
//! root LP: under a second on the volleyball season, a few seconds on seasons three times bigger).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russcip::prelude::*;
use russcip::{Event, SCIPEventhdlr, Variable};

use crate::strategy::{Progress, ProgressCallback};

/// What the handler shares with the solve: the x variables (to count placed matches) and the best
/// bound seen while solving. SCIP owns the handler and the variables own SCIP: [`Watch`] empties the
/// variables after the solve to break that cycle.
#[derive(Default)]
pub(super) struct Shared {
    pub x: RefCell<Vec<Variable>>,
    /// Best (lowest) upper bound on the objective seen during the solve; SCIP's final dual bound is not
    /// meaningful when it stops inside the root node.
    pub bound: Cell<Option<f64>>,
}

/// Empties the shared variables when dropped.
pub(super) struct Watch(pub Rc<Shared>);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.x.borrow_mut().clear();
    }
}

/// How often the bound alone is reported at most.
const BOUND_REPORT_INTERVAL: Duration = Duration::from_millis(500);

/// The handler.
pub(super) struct Monitor {
    cancel: Arc<AtomicBool>,
    progress: Option<ProgressCallback>,
    started: Instant,
    time_limit: Duration,
    shared: Rc<Shared>,
    stopped: bool,
    last_report: Option<Instant>,
    reported_bound: Option<f64>,
}

impl Monitor {
    pub fn new(
        cancel: Arc<AtomicBool>,
        progress: Option<ProgressCallback>,
        started: Instant,
        time_limit: Duration,
        shared: Rc<Shared>,
    ) -> Self {
        Self {
            cancel,
            progress,
            started,
            time_limit,
            shared,
            stopped: false,
            last_report: None,
            reported_bound: None,
        }
    }

    fn report(&mut self, model: &Model<Solving>) {
        let Some(callback) = &self.progress else { return };
        let (best_objective, placed) = match model.best_sol() {
            Some(sol) => {
                let placed = self.shared.x.borrow().iter().filter(|x| sol.val(x) > 0.5).count();
                (Some(sol.obj_val()), placed)
            }
            None => (None, 0),
        };
        let bound = self.shared.bound.get();
        let fraction = if self.time_limit.is_zero() {
            1.0
        } else {
            (self.started.elapsed().as_secs_f64() / self.time_limit.as_secs_f64()).min(1.0)
        };
        callback(Progress { fraction, best_objective, bound, placed });
        self.last_report = Some(Instant::now());
        self.reported_bound = bound;
    }
}

impl Eventhdlr for Monitor {
    fn get_type(&self) -> EventMask {
        EventMask::BEST_SOL_FOUND
            | EventMask::NODE_FOCUSED
            | EventMask::NODE_SOLVED
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
        let bound = model.best_bound();
        if bound.abs() < 1e19 && self.shared.bound.get().is_none_or(|b| bound < b) {
            self.shared.bound.set(Some(bound));
        }
        let due = self.last_report.is_none_or(|at| at.elapsed() >= BOUND_REPORT_INTERVAL);
        if event.event_type().matches(EventMask::BEST_SOL_FOUND)
            || (due && self.shared.bound.get() != self.reported_bound)
        {
            self.report(&model);
        }
    }
}
