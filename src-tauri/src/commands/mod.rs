//! The Tauri commands, one file per domain. Each is a few lines: take the state, call the
//! body in `flows/` (or `state.rs`), return its typed result.

pub mod about;
pub mod backups;
pub mod barometer;
pub mod company;
pub mod dossiers;
pub mod evidence;
pub mod incidents;
pub mod interop;
pub mod platforms;
pub mod proofs;
pub mod routes;
pub mod search;
pub mod settings;
pub mod vault;
