//! The dashboard's figures: incidents and the amounts at stake by platform, by category, by
//! charter axis and by month, the count by status, and the deadlines that need the owner's
//! attention now. Incidents in the trash are not counted.
//!
//! An incident counts once in each breakdown, so each one adds up to the totals: under its
//! category's *main* charter axis (the first of the tree; none for `OTH-99`), and in the
//! month it occurred (undated incidents are in the totals, not in the months).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::categories::Axis;
use crate::deadlines::{
    AnswerStatus, Check, NoticeStatus, OutOfCourtStatus, URGENT_DAYS, WindowStatus,
};
use crate::error::{CoreError, Field};
use crate::journal::incident::Status;

/// The months the dashboard may cover, at most.
pub const MONTHS_MAX: i64 = 36;
/// The most deadline alerts sent (the total says how many there are).
pub const ALERTS_MAX: usize = 50;
/// An answer awaited this many days or more is an alert.
pub const ANSWER_LATE_DAYS: i64 = 30;

/// Checks the number of months asked for: 1 to [`MONTHS_MAX`].
pub fn months(n: i64) -> Result<u32, CoreError> {
    if (1..=MONTHS_MAX).contains(&n) {
        Ok(n as u32)
    } else {
        Err(CoreError::Invalid(Field::BarometerMonths))
    }
}

/// Whether a check of an open incident is an alert (see [`DeadlineAlert`]): `Some(the day it
/// is due)`, `Some(None)` for a finding without a day, `None` when it is not one.
pub fn alert(check: &Check) -> Option<Option<NaiveDate>> {
    match *check {
        Check::ComplaintWindow(WindowStatus::Open {
            closes_on,
            urgent: true,
            ..
        }) => Some(Some(closes_on)),
        // Past day 90 the body may have extended the period (to day 180 for a highly complex
        // dispute): still a date to follow, announced from day 90 on.
        Check::OutOfCourtDecision(
            OutOfCourtStatus::Overdue { due_on, .. } | OutOfCourtStatus::Extendable { due_on, .. },
        ) => Some(Some(due_on)),
        Check::OutOfCourtDecision(OutOfCourtStatus::Pending { due_on, days_left })
            if days_left <= URGENT_DAYS =>
        {
            Some(Some(due_on))
        }
        Check::TermsNotice(NoticeStatus::ShortNotice { .. })
        | Check::TerminationNotice(NoticeStatus::ShortNotice { .. }) => Some(None),
        Check::Answer(AnswerStatus::Awaiting { days }) if days >= ANSWER_LATE_DAYS => Some(None),
        _ => None,
    }
}

/// A number of incidents and the amount at stake over them (funds held + sales lost + fees).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Tally {
    /// How many incidents.
    pub count: u32,
    /// Their amounts at stake added up, in cents.
    #[ts(type = "number")]
    pub amount_cents: i64,
}

/// The incidents that occurred in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthTally {
    /// `YYYY-MM`.
    pub month: String,
    /// Their count and amount.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tally: Tally,
}

/// The incidents on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlatformTally {
    /// The platform's id in the vault.
    #[ts(type = "number")]
    pub platform_id: i64,
    /// The platform's name.
    pub name: String,
    /// Their count and amount.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tally: Tally,
}

/// The incidents of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryTally {
    /// The category code (`ACC-02`).
    pub category: String,
    /// Their count and amount.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tally: Tally,
}

/// The incidents under one charter axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AxisTally {
    /// The main charter axis; `null` for the categories outside the charter (`OTH-99`).
    pub axis: Option<Axis>,
    /// Their count and amount.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tally: Tally,
}

/// The incidents in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusTally {
    /// The status counted.
    pub status: Status,
    /// Their count and amount.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tally: Tally,
}

/// Everything at once, with the three kinds of amounts apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Totals {
    /// Every incident not in the trash.
    pub count: u32,
    /// Incidents neither resolved nor abandoned.
    pub open_count: u32,
    /// Incidents without the day they occurred (outside the months).
    pub undated_count: u32,
    /// The funds held, added up.
    #[ts(type = "number")]
    pub funds_held_cents: i64,
    /// The sales lost, added up.
    #[ts(type = "number")]
    pub sales_lost_cents: i64,
    /// The fees, added up.
    #[ts(type = "number")]
    pub fees_cents: i64,
    /// The three together.
    #[ts(type = "number")]
    pub amount_cents: i64,
}

/// A check of an open incident that needs attention now: a complaint window closing within
/// [`URGENT_DAYS`] days, an out-of-court decision overdue or due within those days, a notice
/// shorter than the law's, an answer awaited [`ANSWER_LATE_DAYS`] days or more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeadlineAlert {
    /// The incident concerned.
    #[ts(type = "number")]
    pub incident_id: i64,
    /// Its title.
    pub title: String,
    /// Its platform's name.
    pub platform_name: String,
    /// Where its case stands.
    pub status: Status,
    /// The check that raised the alert.
    pub check: Check,
    /// The day the deadline falls (passed when overdue); absent for a finding (a short
    /// notice, an answer awaited).
    #[ts(as = "Option<String>")]
    pub due_on: Option<NaiveDate>,
}

/// The dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Barometer {
    /// The day the figures and checks were computed for.
    #[ts(as = "String")]
    pub today: NaiveDate,
    /// The figures over every incident, undated ones included.
    pub totals: Totals,
    /// The months asked for, the oldest first, each present even with no incident; only
    /// incidents that occurred in them are counted.
    pub months: Vec<MonthTally>,
    /// The platforms with incidents, the most incidents first.
    pub platforms: Vec<PlatformTally>,
    /// The categories with incidents, the most incidents first.
    pub categories: Vec<CategoryTally>,
    /// Every axis (A1, A2, A3, then none), in that order, even with no incident.
    pub axes: Vec<AxisTally>,
    /// Every status, in the order of a dispute, even with no incident.
    pub statuses: Vec<StatusTally>,
    /// The most pressing alerts first (the earliest due, then the findings of the most recent
    /// incidents), at most 50 ([`ALERTS_MAX`]).
    pub deadlines: Vec<DeadlineAlert>,
    /// How many alerts there are in all.
    pub deadlines_total: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_bounded() {
        assert_eq!(months(12), Ok(12));
        assert_eq!(months(1), Ok(1));
        assert_eq!(months(MONTHS_MAX), Ok(MONTHS_MAX as u32));
        for bad in [0, -1, MONTHS_MAX + 1, i64::MAX, i64::MIN] {
            assert_eq!(months(bad), Err(CoreError::Invalid(Field::BarometerMonths)));
        }
    }

    #[test]
    fn tallies_flatten() {
        let t = MonthTally {
            month: "2026-03".into(),
            tally: Tally {
                count: 2,
                amount_cents: 150,
            },
        };
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::json!({"month": "2026-03", "count": 2, "amountCents": 150})
        );
    }
}
