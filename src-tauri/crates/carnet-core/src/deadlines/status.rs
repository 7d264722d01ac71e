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
    /// The notification date or the date it took effect is not recorded.
    Unknown,
    /// At least the notice required.
    Met {
        /// Days from notification to effect.
        #[ts(type = "number")]
        days: i64,
        /// Days of notice the law requires.
        #[ts(type = "number")]
        required: i64,
    },
    /// Fewer days than required; negative when the effect came before the notice.
    ShortNotice {
        /// Days from notification to effect.
        #[ts(type = "number")]
        days: i64,
        /// Days of notice the law requires.
        #[ts(type = "number")]
        required: i64,
    },
}

/// Whether the platform gave its reasons, as the owner said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
#[ts(export)]
pub enum ReasonsStatus {
    /// The owner has not said.
    Unknown,
    /// The platform gave its reasons.
    Received,
    /// The platform gave none.
    NotReceived,
}

/// The date the DSA 20 window is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CountedFrom {
    /// The day the owner was informed of the decision (DSA 20(1)).
    Informed,
    /// That day is unknown: counted from the decision's date, which the UI and the dossier say.
    Decision,
    /// The day the out-of-court body received the complete file (DSA 21(4)); used by the
    /// route guide only.
    Referral,
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
    /// Neither the day informed nor the decision's date is known.
    Unknown,
    /// Still open.
    Open {
        /// Its last day.
        #[ts(as = "String")]
        closes_on: NaiveDate,
        /// Days from today to that last day.
        #[ts(type = "number")]
        days_left: i64,
        /// At most [`URGENT_DAYS`](super::URGENT_DAYS) left.
        urgent: bool,
        /// Which recorded date the window runs from.
        counted_from: CountedFrom,
    },
    /// Past its last day.
    Closed {
        /// Its last day.
        #[ts(as = "String")]
        closed_on: NaiveDate,
        /// Which recorded date the window ran from.
        counted_from: CountedFrom,
    },
}

/// The out-of-court body's decision, due [`OUT_OF_COURT_DAYS`](super::OUT_OF_COURT_DAYS) after
/// the referral, extendable to
/// [`OUT_OF_COURT_EXTENDED_DAYS`](super::OUT_OF_COURT_EXTENDED_DAYS) for a highly complex
/// dispute (DSA 21(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum OutOfCourtStatus {
    /// Within the 90 days.
    Pending {
        /// Day 90 after the referral.
        #[ts(as = "String")]
        due_on: NaiveDate,
        /// Days from today to that day.
        #[ts(type = "number")]
        days_left: i64,
    },
    /// Between day 91 and day 180: the body may have extended the period.
    Extendable {
        /// Day 90.
        #[ts(as = "String")]
        due_on: NaiveDate,
        /// Day 180, the latest.
        #[ts(as = "String")]
        extended_due_on: NaiveDate,
        /// Days from today to day 180.
        #[ts(type = "number")]
        days_left: i64,
    },
    /// Past day 180.
    Overdue {
        /// Day 180, the latest the body could decide.
        #[ts(as = "String")]
        due_on: NaiveDate,
        /// Days since then.
        #[ts(type = "number")]
        since_days: i64,
    },
    /// The body has decided.
    Decided {
        /// Days from the referral to its decision.
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
    /// No answer yet.
    Awaiting {
        /// Days since the complaint was sent.
        #[ts(type = "number")]
        days: i64,
    },
    /// The platform answered.
    Answered {
        /// Days from the complaint to the answer.
        #[ts(type = "number")]
        days: i64,
    },
}
