//! One solve of one project and what it publishes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use scheduler_db::{ProjectId, RunStatus, SolveRunId};
use tokio::sync::watch;

use crate::dto::solve::{SolveResponse, SolveStatusResponse};
use crate::error::ApiError;

/// How a job ended.
#[derive(Debug, Clone)]
pub enum JobOutcome {
    /// Saved.
    Completed(Box<SolveResponse>),
    /// Stopped on request; nothing written.
    Cancelled,
    /// Failed; nothing written. `status` and `code` say how to answer.
    Failed {
        /// HTTP status to answer a waiting request with.
        status: u16,
        /// Stable code.
        code: &'static str,
        /// Message.
        detail: String,
    },
}

impl JobOutcome {
    /// The answer of a synchronous request.
    pub fn into_result(self) -> Result<SolveResponse, ApiError> {
        match self {
            JobOutcome::Completed(response) => Ok(*response),
            JobOutcome::Cancelled => {
                Err(ApiError::Conflict { detail: "the solve was cancelled".into(), code: "CANCELLED" })
            }
            JobOutcome::Failed { status: 409, code, detail } => Err(ApiError::Conflict { detail, code }),
            JobOutcome::Failed { status: 400, code, detail } => {
                Err(ApiError::BadRequestCode { detail, code })
            }
            JobOutcome::Failed { detail, .. } => Err(ApiError::internal(anyhow::anyhow!(detail))),
        }
    }
}

/// What a job publishes.
#[derive(Debug, Clone)]
pub struct JobState {
    /// Run status.
    pub status: RunStatus,
    /// Fraction done.
    pub progress: f64,
    /// What is happening.
    pub message: Option<String>,
    /// Best objective so far.
    pub best_objective: Option<f64>,
    /// Matches placed so far.
    pub placed: Option<usize>,
    /// Set once finished.
    pub outcome: Option<JobOutcome>,
}

impl JobState {
    /// The status answer.
    pub fn to_response(&self, project: ProjectId, run: Option<SolveRunId>) -> SolveStatusResponse {
        let (message, result) = match &self.outcome {
            Some(JobOutcome::Completed(response)) => (self.message.clone(), Some((**response).clone())),
            Some(JobOutcome::Failed { detail, .. }) => (Some(detail.clone()), None),
            Some(JobOutcome::Cancelled) => (Some("cancelled: nothing was written".into()), None),
            None => (self.message.clone(), None),
        };
        SolveStatusResponse {
            project_id: project.0,
            run_id: run.map(|r| r.0),
            status: self.status.as_str().to_string(),
            progress: self.progress,
            message,
            meilleur_objectif: self.best_objective,
            nb_matchs_planifies: self.placed,
            result,
        }
    }
}

/// A solve in progress.
#[derive(Debug)]
pub struct Job {
    /// Project.
    pub project: ProjectId,
    /// Run record.
    pub run: SolveRunId,
    /// Set to stop the solver.
    pub cancel: Arc<AtomicBool>,
    /// Published state.
    pub state: watch::Sender<JobState>,
}

impl Job {
    /// A pending job.
    pub fn new(project: ProjectId, run: SolveRunId) -> Self {
        let (state, _) = watch::channel(JobState {
            status: RunStatus::Pending,
            progress: 0.0,
            message: Some("waiting for a solver slot".into()),
            best_objective: None,
            placed: None,
            outcome: None,
        });
        Job { project, run, cancel: Arc::new(AtomicBool::new(false)), state }
    }

    /// Asks the solver to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether cancellation was asked.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Waits until the job ends and returns how.
    pub async fn finished(&self) -> JobOutcome {
        let mut receiver = self.state.subscribe();
        loop {
            if let Some(outcome) = receiver.borrow_and_update().outcome.clone() {
                return outcome;
            }
            if receiver.changed().await.is_err() {
                return JobOutcome::Failed {
                    status: 500,
                    code: "INTERNAL",
                    detail: "the solve thread ended without a result".into(),
                };
            }
        }
    }
}
