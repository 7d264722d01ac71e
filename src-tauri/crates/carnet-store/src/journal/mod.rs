//! The journal's queries: the company, its platforms, the incidents with their chronology and
//! pieces. Each write is one transaction on the vault's pool, with its `history` row and its
//! `search` rows (see [`history`]). Validation happens before, in `carnet-core`.

pub mod history;
