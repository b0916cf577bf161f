//! Where the numbers are computed, behind one interface: the local engine over the workspace's
//! own columns ([`Analysis`]), or an Apache Spark cluster over a table
//! ([`crate::spark::SparkEngine`], with the cargo feature `spark`). Both follow
//! `docs/metrics.md`; the CLI and the app ask either one the same three questions.

use crate::analytics::{Analysis, CustomerPage, CustomerPath, CustomerQuery, Params, Report};
use crate::error::Result;
use crate::journey::Journey;

pub trait Engine {
    /// The report of `metrics.md` on what `params` keep.
    fn report(&self, params: &Params) -> Result<Report>;
    /// A page of the customers behind a number, under `params`.
    fn customers(&self, params: &Params, query: &CustomerQuery) -> Result<CustomerPage>;
    /// One customer's whole path, unfiltered.
    fn customer_path(&self, customer: &str) -> Result<CustomerPath>;
    /// The journey the numbers are laid on.
    fn journey(&self) -> Journey;
}

impl Engine for Analysis {
    fn report(&self, params: &Params) -> Result<Report> {
        Analysis::report(self, params)
    }

    fn customers(&self, params: &Params, query: &CustomerQuery) -> Result<CustomerPage> {
        Analysis::customers(self, &self.evaluate(params)?, query)
    }

    fn customer_path(&self, customer: &str) -> Result<CustomerPath> {
        Analysis::customer_path(self, customer)
    }

    fn journey(&self) -> Journey {
        Analysis::journey(self).clone()
    }
}

#[cfg(feature = "spark")]
impl Engine for crate::spark::SparkEngine {
    fn report(&self, params: &Params) -> Result<Report> {
        crate::spark::SparkEngine::report(self, params, &mut |_, _| true)
    }

    fn customers(&self, params: &Params, query: &CustomerQuery) -> Result<CustomerPage> {
        crate::spark::SparkEngine::customers(self, params, query)
    }

    fn customer_path(&self, customer: &str) -> Result<CustomerPath> {
        crate::spark::SparkEngine::customer_path(self, customer)
    }

    fn journey(&self) -> Journey {
        crate::spark::SparkEngine::journey(self)
    }
}
