//! The route guide: what the owner can do now for one incident, by when, with what; and the
//! dashboard's routes whose clock closes within 30 days. The rules are carnet-core's.

use carnet_core::routes::{ClosingRoute, Route};
use carnet_store::journal::routes;

use crate::clock::now;
use crate::error::IpcError;
use crate::state::{AppState, Local};

/// The dashboard shows the routes closing within this many days.
pub const CLOSING_DAYS: i64 = 30;

impl AppState {
    /// Every route of incident `id` as of today, in the suggested order, each with what its
    /// dossier still lacks; `not_found` for an unknown incident or one in the trash.
    pub async fn incident_routes(&self, id: i64) -> Result<Vec<Route>, IpcError> {
        let vault = &*self.unlocked().await?;
        let (_, today) = now();
        routes::for_incident(vault, id, today).await.local(self)
    }

    /// The routes of open incidents whose clock closes within [`CLOSING_DAYS`], soonest first.
    pub async fn routes_closing(&self) -> Result<Vec<ClosingRoute>, IpcError> {
        let vault = &*self.unlocked().await?;
        let (_, today) = now();
        routes::closing(vault, today, CLOSING_DAYS)
            .await
            .local(self)
    }
}
