//! Helpers shared by the integration tests.
#![allow(dead_code)]

use carnet_interop::{
    Format, InteropError, Plan, PlanOptions, Proposal, Table, open, plan, propose,
};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn table(bytes: &[u8], format: Format) -> Result<Table, InteropError> {
    open(bytes, format)?.table(0)
}

/// Reads, proposes and plans with the proposed mapping (grouping as asked).
pub fn run(bytes: &[u8], format: Format, group: bool) -> Result<(Proposal, Plan), InteropError> {
    let t = table(bytes, format)?;
    let mut proposal = propose(&t);
    if group {
        proposal.mapping.group_by = proposal.group_candidate.as_ref().map(|g| g.column);
    }
    let p = plan(&t, &PlanOptions::new(proposal.mapping.clone(), today()));
    Ok((proposal, p))
}
