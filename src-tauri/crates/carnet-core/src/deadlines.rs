//! The time limits the law sets around a platform's measure, checked against an incident's
//! dates: the notice before new terms take effect (15 days, P2B 3(2)) or before a termination
//! (30 days, P2B 4(2)); whether a statement of reasons came (P2B 4, DSA 17); the DSA 20
//! internal complaint window (at least 6 months from the day the owner was informed of the
//! decision, DSA 20(1); from the decision itself when that day is unknown, and said so); the
//! DSA 21 out-of-court decision (90 days from the complete file, extendable to 180 for a highly
//! complex dispute, DSA 21(4)); how long an answer has been awaited. Each check states facts
//! for a badge (so many days, a closing date), never what the owner should conclude. Pure:
//! "today" is passed in, and every date may be missing.
//!
//! Periods in months end on the same day of the month, or on the month's last day when it has
//! no such day (31 August + 6 months = 28 or 29 February), as Regulation 1182/71 counts them;
//! no day is added for week-ends or holidays.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod status;
pub use status::{
    AnswerStatus, Check, CountedFrom, NoticeStatus, OutOfCourtStatus, ReasonsStatus, WindowStatus,
};

/// Notice before new terms take effect (P2B 3(2)).
pub const TERMS_NOTICE_DAYS: i64 = 15;
/// Notice before the whole service is terminated (P2B 4(2)).
pub const TERMINATION_NOTICE_DAYS: i64 = 30;
/// How long the internal complaint stays open, at least, after the day the owner was informed
/// of the decision (DSA 20(1)).
pub const COMPLAINT_WINDOW_MONTHS: u32 = 6;
/// The time an out-of-court body has to decide, from the complete file (DSA 21(4)).
pub const OUT_OF_COURT_DAYS: u64 = 90;
/// The longest it may take for a highly complex dispute (DSA 21(4)).
pub const OUT_OF_COURT_EXTENDED_DAYS: u64 = 180;
/// A window with this many days left, or fewer, is shown as urgent.
pub const URGENT_DAYS: i64 = 14;

/// What the platform did, among the measures the law puts a time on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Measure {
    /// The terms (fees included) were changed.
    TermsChange,
    /// Offers, visibility or payouts were restricted (delisting, demotion, funds held…).
    Restriction,
    /// The account or the service was suspended.
    Suspension,
    /// The whole service was terminated.
    Termination,
}

impl Measure {
    /// Every measure, in a fixed order.
    pub const ALL: [Measure; 4] = [
        Measure::TermsChange,
        Measure::Restriction,
        Measure::Suspension,
        Measure::Termination,
    ];

    /// The name used in data files and over IPC.
    pub fn code(self) -> &'static str {
        match self {
            Measure::TermsChange => "terms_change",
            Measure::Restriction => "restriction",
            Measure::Suspension => "suspension",
            Measure::Termination => "termination",
        }
    }

    /// A decision about the seller's offers or account (P2B 4, DSA 17 and 20).
    fn is_decision(self) -> bool {
        self != Measure::TermsChange
    }
}

/// The dates of an incident that the checks read, any of them possibly unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentFacts {
    /// What the platform did, if it is one of the timed measures.
    pub measure: Option<Measure>,
    /// Whether a statement of reasons came with the measure.
    pub reasons_received: Option<bool>,
    /// When the platform notified the change or the measure: for a decision, the day the
    /// owner was informed of it (the e-mail's date when it came by e-mail), from which the
    /// DSA 20 window runs.
    #[ts(as = "Option<String>")]
    pub notified: Option<NaiveDate>,
    /// When it took effect.
    #[ts(as = "Option<String>")]
    pub took_effect: Option<NaiveDate>,
    /// The date of the decision the internal complaint would contest.
    #[ts(as = "Option<String>")]
    pub decision: Option<NaiveDate>,
    /// When the owner complained or wrote to the platform.
    #[ts(as = "Option<String>")]
    pub complaint_sent: Option<NaiveDate>,
    /// When the platform answered.
    #[ts(as = "Option<String>")]
    pub answer_received: Option<NaiveDate>,
    /// When a certified out-of-court body received the dispute.
    #[ts(as = "Option<String>")]
    pub referral: Option<NaiveDate>,
    /// When that body decided.
    #[ts(as = "Option<String>")]
    pub referral_decided: Option<NaiveDate>,
}

/// The checks that apply to these facts, in a fixed order: the notice for a terms change or
/// a termination; the reasons and the complaint window for a decision on offers or account;
/// the answer once a complaint was sent; the out-of-court decision once a body was seized.
pub fn checks(facts: &IncidentFacts, today: NaiveDate) -> Vec<Check> {
    let f = facts;
    let mut out = Vec::new();
    match f.measure {
        Some(Measure::TermsChange) => out.push(Check::TermsNotice(notice(
            f.notified,
            f.took_effect,
            TERMS_NOTICE_DAYS,
        ))),
        Some(Measure::Termination) => out.push(Check::TerminationNotice(notice(
            f.notified,
            f.took_effect,
            TERMINATION_NOTICE_DAYS,
        ))),
        _ => {}
    }
    if f.measure.is_some_and(Measure::is_decision) {
        out.push(Check::StatementOfReasons(match f.reasons_received {
            None => ReasonsStatus::Unknown,
            Some(true) => ReasonsStatus::Received,
            Some(false) => ReasonsStatus::NotReceived,
        }));
        out.push(Check::ComplaintWindow(window(
            f.notified, f.decision, today,
        )));
    }
    if let Some(sent) = f.complaint_sent {
        out.push(Check::Answer(match f.answer_received {
            Some(answer) => AnswerStatus::Answered {
                days: days(sent, answer),
            },
            None => AnswerStatus::Awaiting {
                days: days(sent, today),
            },
        }));
    }
    if let Some(status) = f
        .referral
        .and_then(|r| out_of_court(r, f.referral_decided, today))
    {
        out.push(Check::OutOfCourtDecision(status));
    }
    out
}

/// Days from `from` to `to`, negative when `to` comes first.
fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

fn notice(
    notified: Option<NaiveDate>,
    took_effect: Option<NaiveDate>,
    required: i64,
) -> NoticeStatus {
    let (Some(notified), Some(took_effect)) = (notified, took_effect) else {
        return NoticeStatus::Unknown;
    };
    let days = days(notified, took_effect);
    if days >= required {
        NoticeStatus::Met { days, required }
    } else {
        NoticeStatus::ShortNotice { days, required }
    }
}

/// The DSA 20(1) window: from the day informed, else from the decision (flagged), else
/// unknown.
pub fn window(
    informed: Option<NaiveDate>,
    decision: Option<NaiveDate>,
    today: NaiveDate,
) -> WindowStatus {
    let (start, counted_from) = match (informed, decision) {
        (Some(i), _) => (i, CountedFrom::Informed),
        (None, Some(d)) => (d, CountedFrom::Decision),
        (None, None) => return WindowStatus::Unknown,
    };
    let Some(last) = start.checked_add_months(Months::new(COMPLAINT_WINDOW_MONTHS)) else {
        return WindowStatus::Unknown;
    };
    let days_left = days(today, last);
    if days_left < 0 {
        WindowStatus::Closed {
            closed_on: last,
            counted_from,
        }
    } else {
        WindowStatus::Open {
            closes_on: last,
            days_left,
            urgent: days_left <= URGENT_DAYS,
            counted_from,
        }
    }
}

/// The DSA 21(4) out-of-court decision: pending up to day 90 after the referral, extendable
/// from day 91 to day 180, overdue after.
pub fn out_of_court(
    referral: NaiveDate,
    decided: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<OutOfCourtStatus> {
    if let Some(decided) = decided {
        return Some(OutOfCourtStatus::Decided {
            days: days(referral, decided),
        });
    }
    let due_on = referral.checked_add_days(Days::new(OUT_OF_COURT_DAYS))?;
    let days_left = days(today, due_on);
    let extended_due_on = referral.checked_add_days(Days::new(OUT_OF_COURT_EXTENDED_DAYS))?;
    let extended_left = days(today, extended_due_on);
    Some(if extended_left < 0 {
        OutOfCourtStatus::Overdue {
            due_on: extended_due_on,
            since_days: -extended_left,
        }
    } else if days_left < 0 {
        OutOfCourtStatus::Extendable {
            due_on,
            extended_due_on,
            days_left: extended_left,
        }
    } else {
        OutOfCourtStatus::Pending { due_on, days_left }
    })
}

#[cfg(test)]
mod tests;
