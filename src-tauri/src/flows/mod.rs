//! The bodies of the commands, as methods of [`AppState`](crate::state::AppState): each takes
//! the raw input, lets the library crates validate and act, and answers a typed result or a
//! localised `IpcError`. No Tauri type here: the test host calls them directly.

pub mod backups;
pub mod barometer;
pub mod company;
pub mod dossiers;
pub mod evidence;
pub mod files;
pub mod incidents;
pub mod interop;
pub mod platforms;
pub mod proofs;
pub mod routes;
pub mod search;
pub mod vault;

#[cfg(test)]
mod journal_tests_company;
#[cfg(test)]
mod journal_tests_dossiers;
#[cfg(test)]
mod journal_tests_full_disk;
#[cfg(test)]
mod journal_tests_incidents;
#[cfg(test)]
mod journal_tests_interop;
#[cfg(test)]
mod journal_tests_proofs;
#[cfg(test)]
mod journal_tests_search;
#[cfg(test)]
mod tests;
