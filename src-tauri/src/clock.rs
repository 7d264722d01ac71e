//! The time of a command: "now" and "today" are taken once, here, in the computer's own zone.

use chrono::NaiveDate;

/// The instant (RFC 3339, local) and the day of a command.
pub(crate) fn now() -> (String, NaiveDate) {
    let now = chrono::Local::now();
    (now.to_rfc3339(), now.date_naive())
}
