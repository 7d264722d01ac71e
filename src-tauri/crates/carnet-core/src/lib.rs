//! Carnet's domain: the types every other crate speaks — the journal (company, platforms,
//! incidents, events, pieces, search, dashboard, trash), the dossier's draft and its report
//! model — their validation and their localised formatting; the category tree and the platform
//! list (data files embedded at build time); the deadline checks, the statement-of-reasons
//! checker and the route guide. No I/O, no Tauri, no SQL: time and ids are passed in, so all
//! of it is pure and tested in isolation.

#![warn(missing_docs)]

pub mod amount;
pub mod catalogue;
pub mod categories;
pub mod deadlines;
pub mod delivery;
pub mod dossier;
pub mod error;
pub mod format;
pub mod identifiers;
pub mod journal;
pub mod limits;
pub mod locale;
pub mod passphrase;
pub mod platforms;
pub mod reasons;
pub mod report;
pub mod routes;
pub mod settings;

pub use catalogue::{CatalogueError, Label};
pub use categories::Catalogue;
pub use error::{CoreError, Field};
pub use identifiers::{Naf, Siren, Siret};
pub use locale::Locale;
pub use platforms::Platforms;
pub use settings::Settings;
