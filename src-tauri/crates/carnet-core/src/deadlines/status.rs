//! What the deadline checks find, as the UI shows them: one [`Check`] per kind, each with
//! its own status, serialised as `{ kind, status: { state, … } }`.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// One check and what it found: `{ kind: "termsNotice", status: { state: "met", … } }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "status", rename_all = "camelCase")]
#[ts(export)]
pub enum Check {
    /// Notice before changed terms took effect (P2B 3(2)), for a terms change.
    TermsNotice(NoticeStatus),
    /// Notice before the termination took effect (P2B 4(2)).
    TerminationNotice(NoticeStatus),
    /// A statement of reasons for a decision on offers or account (P2B 4, DSA 17).
    StatementOfReasons(ReasonsStatus),
    /// The internal complaint window against that decision (DSA 20).
    ComplaintWindow(WindowStatus),
    /// The decision of a certified out-of-court body (DSA 21), once one was seized.
    OutOfCourtDecision(OutOfCourtStatus),
    /// The platform's answer, once the owner complained.
    Answer(AnswerStatus),
}

/// Days between notification and effect, against the notice required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum NoticeStatus {
    Unknown,
    Met {
        #[ts(type = "number")]
        days: i64,
        #[ts(type = "number")]
        required: i64,
    },
    /// Fewer days than required; negative when the effect came before the notice.
    ShortNotice {
        #[ts(type = "number")]
        days: i64,
        #[ts(type = "number")]
        required: i64,
    },
}

/// Whether the platform gave its reasons, as the owner said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
#[ts(export)]
pub enum ReasonsStatus {
    Unknown,
    Received,
    NotReceived,
}

/// The internal complaint window. Both dates are its last day, on which a complaint can
/// still be filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum WindowStatus {
    /// No decision date.
    Unknown,
    Open {
        #[ts(as = "String")]
        closes_on: NaiveDate,
        #[ts(type = "number")]
        days_left: i64,
        urgent: bool,
    },
    Closed {
        #[ts(as = "String")]
        closed_on: NaiveDate,
    },
}

/// The out-of-court body's decision, due [`OUT_OF_COURT_DAYS`](super::OUT_OF_COURT_DAYS) after
/// the referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum OutOfCourtStatus {
    Pending {
        #[ts(as = "String")]
        due_on: NaiveDate,
        #[ts(type = "number")]
        days_left: i64,
    },
    Overdue {
        #[ts(as = "String")]
        due_on: NaiveDate,
        #[ts(type = "number")]
        since_days: i64,
    },
    Decided {
        #[ts(type = "number")]
        days: i64,
    },
}

/// The platform's answer to the owner's complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum AnswerStatus {
    Awaiting {
        #[ts(type = "number")]
        days: i64,
    },
    Answered {
        #[ts(type = "number")]
        days: i64,
    },
}
