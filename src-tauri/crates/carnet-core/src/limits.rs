//! The limits Rust enforces that the UI shows too (a field's maximum, a counter, a page size),
//! written as a TypeScript module beside the generated bindings so the UI reads the numbers
//! Rust checks instead of repeating them.

use std::fmt::Write as _;

/// Each limit: its TypeScript name, its value, and what it bounds.
pub fn all() -> Vec<(&'static str, i64, &'static str)> {
    use crate::journal::{barometer, incident, platform};
    vec![
        (
            "DOSSIER_SUMMARY_MAX",
            crate::report::SUMMARY_MAX as i64,
            "Characters of a dossier's summary (the DGE form's description).",
        ),
        (
            "SELLER_ACCOUNTS_MAX",
            platform::SELLER_ACCOUNTS_MAX as i64,
            "Seller accounts of one platform.",
        ),
        (
            "MEDIATORS_MAX",
            platform::MEDIATORS_MAX as i64,
            "Mediators, and out-of-court bodies, named for one platform.",
        ),
        (
            "AUTO_LOCK_MIN",
            i64::from(*crate::settings::AUTO_LOCK_RANGE.start()),
            "Fewest minutes of inactivity before the vault locks.",
        ),
        (
            "AUTO_LOCK_MAX",
            i64::from(*crate::settings::AUTO_LOCK_RANGE.end()),
            "Most minutes of inactivity before the vault locks.",
        ),
        (
            "TSA_URL_MAX",
            crate::settings::TSA_URL_MAX as i64,
            "Characters of a timestamping authority's address.",
        ),
        (
            "INCIDENTS_PAGE_MAX",
            i64::from(incident::PAGE_MAX),
            "Incidents Rust gives in one page.",
        ),
        (
            "ANSWER_LATE_DAYS",
            barometer::ANSWER_LATE_DAYS,
            "Days after which an unanswered complaint counts as late.",
        ),
        (
            "DASHBOARD_MONTHS_MAX",
            barometer::MONTHS_MAX,
            "Months the dashboard looks back at most.",
        ),
    ]
}

/// The TypeScript module (`limits.ts`): one documented `export const` per limit.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from carnet-core's limits (src/limits.rs) by `make bindings`. Do not edit.\n",
    );
    for (name, value, what) in all() {
        let _ = write!(out, "\n/** {what} */\nexport const {name} = {value};\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Run by `make bindings` (and compared by `make bindings-check`), like ts-rs's exports.
    #[test]
    fn export_bindings_limits() {
        let dir = std::env::var_os("TS_RS_EXPORT_DIR").expect("set by .cargo/config.toml");
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("limits.ts"), typescript()).unwrap();
    }

    #[test]
    fn every_limit_is_named_once_and_positive() {
        let limits = all();
        let mut names: Vec<_> = limits.iter().map(|l| l.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), limits.len());
        assert!(limits.iter().all(|l| l.1 > 0));
        assert!(typescript().contains("export const DOSSIER_SUMMARY_MAX = 400;"));
    }
}
