//! The journal's domain: the input types the commands receive (strings as the owner typed
//! them), their validation into checked values, and the output types the UI shows.

pub mod barometer;
pub mod company;
pub mod contact;
pub mod event;
pub mod incident;
pub mod piece;
pub mod platform;
pub mod proof;
pub mod search;
pub mod text;
pub mod trash;
