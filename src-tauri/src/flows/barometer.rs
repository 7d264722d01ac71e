//! The dashboard: incidents and amounts at stake by platform, category, charter axis, month
//! and status, and the open deadlines, computed for today.

use carnet_core::journal::barometer::{self, Barometer};
use carnet_store::journal::barometer as store;

use crate::clock::now;
use crate::error::IpcError;
use crate::state::{AppState, Local};

impl AppState {
    /// The dashboard over the last `months` months (1 to 36; absent: 12).
    pub async fn barometer(&self, months: Option<i64>) -> Result<Barometer, IpcError> {
        let vault = &*self.unlocked().await?;
        let months = barometer::months(months.unwrap_or(12)).local(self)?;
        let (_, today) = now();
        store::barometer(vault, months, today).await.local(self)
    }
}
