//! A thin layer over russcip's problem stage: binaries, linear rows and the product of two sums, with
//! counts of what was added.

use russcip::prelude::*;
use russcip::{ProblemCreated, Variable};

/// The model under construction.
pub(super) struct Builder {
    pub model: Model<ProblemCreated>,
    pub variables: usize,
    pub constraints: usize,
}

impl Builder {
    pub fn new(model: Model<ProblemCreated>) -> Self {
        Self { model, variables: 0, constraints: 0 }
    }

    /// A binary with objective coefficient `objective` (the model maximises).
    pub fn binary(&mut self, objective: f64, name: &str) -> Variable {
        self.variables += 1;
        self.model.add_var(0.0, 1.0, objective, name, VarType::Binary)
    }

    /// `lhs ≤ Σ coef·var ≤ rhs`.
    pub fn linear(&mut self, terms: &[(&Variable, f64)], lhs: f64, rhs: f64, name: &str) {
        self.constraints += 1;
        let (vars, coefs): (Vec<&Variable>, Vec<f64>) = terms.iter().copied().unzip();
        self.model.add_cons(vars, &coefs, lhs, rhs, name);
    }

    /// `Σ vars ≤ limit`.
    pub fn at_most(&mut self, vars: &[&Variable], limit: f64, name: &str) {
        let terms: Vec<(&Variable, f64)> = vars.iter().map(|v| (*v, 1.0)).collect();
        self.linear(&terms, f64::NEG_INFINITY, limit, name);
    }

    /// A binary equal to `(Σ a) · (Σ b)` when each sum is 0 or 1, costing `cost` when 1:
    /// `v ≥ Σa + Σb − 1`, `v ≤ Σa`, `v ≤ Σb`.
    pub fn product(&mut self, a: &[&Variable], b: &[&Variable], cost: f64, name: &str) -> Variable {
        let v = self.binary(-cost, name);
        let mut both: Vec<(&Variable, f64)> = vec![(&v, 1.0)];
        both.extend(a.iter().chain(b).map(|x| (*x, -1.0)));
        self.linear(&both, -1.0, f64::INFINITY, name);
        for side in [a, b] {
            let mut row: Vec<(&Variable, f64)> = vec![(&v, 1.0)];
            row.extend(side.iter().map(|x| (*x, -1.0)));
            self.linear(&row, f64::NEG_INFINITY, 0.0, name);
        }
        v
    }
}
