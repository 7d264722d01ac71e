// Generated from carnet-core's limits (src/limits.rs) by `make bindings`. Do not edit.

/** Characters of a dossier's summary (the DGE form's description). */
export const DOSSIER_SUMMARY_MAX = 400;

/** Seller accounts of one platform. */
export const SELLER_ACCOUNTS_MAX = 20;

/** Mediators, and out-of-court bodies, named for one platform. */
export const MEDIATORS_MAX = 10;

/** Fewest minutes of inactivity before the vault locks. */
export const AUTO_LOCK_MIN = 1;

/** Most minutes of inactivity before the vault locks. */
export const AUTO_LOCK_MAX = 240;

/** Characters of a timestamping authority's address. */
export const TSA_URL_MAX = 300;

/** Incidents Rust gives in one page. */
export const INCIDENTS_PAGE_MAX = 200;

/** Days after which an unanswered complaint counts as late. */
export const ANSWER_LATE_DAYS = 30;

/** Months the dashboard looks back at most. */
export const DASHBOARD_MONTHS_MAX = 36;
