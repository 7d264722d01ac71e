//! The Tauri commands, one file per domain. Each is a few lines: take the state, call the
//! body in `state.rs` (or a library crate), return its typed result.

pub mod settings;
