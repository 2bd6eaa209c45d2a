//! Starts jobs, bounds how many solve at once, keeps the running one of each project.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use scheduler_core::strategy::{Progress, ProgressCallback};
use scheduler_core::{solve, SolveError, SolveOptions, SolveStatus, Strategy};
use scheduler_db::{Database, DbError, LoadedProblem, ProjectId, RunStatus, RunSummary};

use super::job::{Job, JobOutcome, JobState};
use crate::dto::evaluation::PenaltiesResponse;
use crate::dto::solve::SolveResponse;
use crate::error::ApiError;

/// Counting semaphore for solver slots (solves are CPU-bound threads, not async tasks).
#[derive(Debug)]
struct Slots {
    free: Mutex<usize>,
    released: Condvar,
}

impl Slots {
    /// Waits for a slot; gives up (returns false) when `cancelled` turns true.
    fn acquire(&self, cancelled: impl Fn() -> bool) -> bool {
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if cancelled() {
                return false;
            }
            if *free > 0 {
                *free -= 1;
                return true;
            }
            free = self
                .released
                .wait_timeout(free, Duration::from_millis(100))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    fn release(&self) {
        *self.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.released.notify_one();
    }
}

/// The running jobs.
#[derive(Debug)]
pub struct SolveManager {
    jobs: Mutex<HashMap<ProjectId, Arc<Job>>>,
    slots: Arc<Slots>,
}

impl SolveManager {
    /// At most `concurrent` solves at once.
    pub fn new(concurrent: usize) -> Self {
        SolveManager {
            jobs: Mutex::new(HashMap::new()),
            slots: Arc::new(Slots { free: Mutex::new(concurrent.max(1)), released: Condvar::new() }),
        }
    }

    fn jobs(&self) -> MutexGuard<'_, HashMap<ProjectId, Arc<Job>>> {
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The running job of `project`.
    pub fn current(&self, project: ProjectId) -> Option<Arc<Job>> {
        self.jobs().get(&project).cloned()
    }

    /// Registers and starts a solve of `loaded` (one per project at a time).
    pub fn start(
        self: &Arc<Self>,
        db: Database,
        loaded: LoadedProblem,
        strategy: Strategy,
        time_limit: Duration,
    ) -> Result<Arc<Job>, ApiError> {
        let project = loaded.project_id;
        let job = {
            let mut jobs = self.jobs();
            if jobs.contains_key(&project) {
                return Err(ApiError::Conflict {
                    detail: format!("a solve is already running for project {project}"),
                    code: "SOLVE_IN_PROGRESS",
                });
            }
            let run = db.create_run(project, strategy)?;
            let job = Arc::new(Job::new(project, run.id));
            jobs.insert(project, job.clone());
            job
        };
        tracing::info!(project = project.0, run = job.run.0, strategy = %strategy, time_limit_s = time_limit.as_secs(), "solve started");
        let manager = self.clone();
        let thread_job = job.clone();
        let spawned = std::thread::Builder::new().name(format!("solve-{project}")).spawn(move || {
            let outcome = manager.execute(&db, &thread_job, loaded, strategy, time_limit);
            manager.jobs().remove(&thread_job.project);
            let status = match &outcome {
                JobOutcome::Completed(_) => RunStatus::Completed,
                JobOutcome::Cancelled => RunStatus::Cancelled,
                JobOutcome::Failed { .. } => RunStatus::Failed,
            };
            thread_job.state.send_modify(|state| {
                state.status = status;
                if status == RunStatus::Completed {
                    state.progress = 1.0;
                }
                state.outcome = Some(outcome);
            });
        });
        if let Err(error) = spawned {
            self.jobs().remove(&project);
            return Err(ApiError::internal(error));
        }
        Ok(job)
    }

    fn execute(
        &self,
        db: &Database,
        job: &Arc<Job>,
        loaded: LoadedProblem,
        strategy: Strategy,
        time_limit: Duration,
    ) -> JobOutcome {
        let project = job.project;
        if !self.slots.acquire(|| job.is_cancelled()) {
            return finish_cancelled(db, job);
        }
        let outcome = self.solve_and_save(db, job, loaded, strategy, time_limit);
        self.slots.release();
        match &outcome {
            JobOutcome::Completed(response) => tracing::info!(
                project = project.0,
                status = response.statut_solveur,
                placed = response.nb_matchs_planifies,
                total = response.nb_matchs_modifiables,
                seconds = response.temps_execution_secondes,
                "solve finished"
            ),
            JobOutcome::Cancelled => tracing::info!(project = project.0, "solve cancelled"),
            JobOutcome::Failed { detail, code, .. } => {
                tracing::warn!(project = project.0, code, detail, "solve failed")
            }
        }
        outcome
    }

    fn solve_and_save(
        &self,
        db: &Database,
        job: &Arc<Job>,
        loaded: LoadedProblem,
        strategy: Strategy,
        time_limit: Duration,
    ) -> JobOutcome {
        let started = Instant::now();
        if let Err(error) = db.start_run(job.run, loaded.revision) {
            return fail(db, job, 500, "INTERNAL", error.to_string());
        }
        job.state.send_modify(|s| {
            s.status = RunStatus::Running;
            s.message = Some(format!("solving with the {strategy} strategy"));
        });
        let options = SolveOptions {
            time_limit,
            cancel: job.cancel.clone(),
            progress: Some(progress_callback(db.clone(), job.clone())),
            ..SolveOptions::default()
        };
        let outcome = match solve(&loaded.problem, strategy, &options) {
            Ok(outcome) => outcome,
            Err(SolveError::OptimalUnavailable) => {
                return fail(db, job, 400, "NO_SOLUTION", SolveError::OptimalUnavailable.to_string())
            }
            Err(error) => return fail(db, job, 400, "NO_SOLUTION", error.to_string()),
        };
        match outcome.status {
            SolveStatus::Cancelled => return finish_cancelled(db, job),
            SolveStatus::TimeLimit => {
                return fail(
                    db,
                    job,
                    400,
                    "SOLVER_TIMEOUT",
                    format!("no schedule found within {} s", time_limit.as_secs()),
                )
            }
            SolveStatus::NoSolution => {
                return fail(db, job, 400, "NO_SOLUTION", "the solver found no schedule".into())
            }
            SolveStatus::Optimal | SolveStatus::Feasible => {}
        }
        if job.is_cancelled() {
            return finish_cancelled(db, job);
        }
        let summary = RunSummary::from_outcome(&outcome);
        let report = match db.save_solve(
            loaded.project_id,
            loaded.revision,
            &loaded.problem,
            &outcome.schedule,
            Some((job.run, &summary)),
        ) {
            Ok(report) => report,
            Err(error @ DbError::Conflict { .. }) => {
                return fail(db, job, 409, "PROJECT_CHANGED", error.to_string())
            }
            Err(error) => return fail(db, job, 500, "INTERNAL", error.to_string()),
        };
        let e = &outcome.evaluation;
        let mut notes = outcome.notes.clone();
        notes.extend(loaded.warnings.iter().map(ToString::to_string));
        JobOutcome::Completed(Box::new(SolveResponse {
            project_id: loaded.project_id.0,
            run_id: job.run.0,
            strategie: strategy.name().to_string(),
            statut_solveur: serde_json::to_value(outcome.status)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
            nb_matchs_total: e.placed + e.unplaced + e.fixed,
            nb_matchs_fixes: e.fixed,
            nb_matchs_modifiables: e.placed + e.unplaced,
            nb_matchs_planifies: e.placed,
            nb_matchs_non_planifies: e.unplaced,
            nb_matchs_updated: report.updated,
            objectif: e.objective,
            borne: outcome.bound,
            gap: outcome.gap,
            penalites: PenaltiesResponse::from(&e.penalties),
            temps_execution_secondes: (started.elapsed().as_secs_f64() * 100.0).round() / 100.0,
            erreurs: Vec::new(),
            avertissements: notes,
        }))
    }
}

/// Publishes progress to the job and, at most twice a second, to the run record.
fn progress_callback(db: Database, job: Arc<Job>) -> ProgressCallback {
    let last_write = Mutex::new(Instant::now());
    Arc::new(move |progress: Progress| {
        job.state.send_modify(|state: &mut JobState| {
            state.progress = progress.fraction.clamp(0.0, 1.0);
            state.best_objective = progress.best_objective;
            state.placed = Some(progress.placed);
        });
        let mut last = last_write.lock().unwrap_or_else(PoisonError::into_inner);
        if last.elapsed() >= Duration::from_millis(500) {
            *last = Instant::now();
            if let Err(error) = db.update_run_progress(job.run, progress.fraction.clamp(0.0, 1.0)) {
                tracing::warn!(%error, "could not record solve progress");
            }
        }
    })
}

fn finish_cancelled(db: &Database, job: &Job) -> JobOutcome {
    if let Err(error) = db.finish_run(job.run, RunStatus::Cancelled, None, None) {
        tracing::warn!(%error, "could not record the cancelled run");
    }
    JobOutcome::Cancelled
}

fn fail(db: &Database, job: &Job, status: u16, code: &'static str, detail: String) -> JobOutcome {
    if let Err(error) = db.finish_run(job.run, RunStatus::Failed, None, Some(&detail)) {
        tracing::warn!(%error, "could not record the failed run");
    }
    JobOutcome::Failed { status, code, detail }
}
