//! The platforms the company works with: the catalogue to choose from, the owner's list,
//! adding and changing one, the trash.

use carnet_core::Platforms;
use carnet_core::journal::platform::{PlatformInput, PlatformRecord};
use carnet_store::journal::platforms;

use crate::error::IpcError;
use crate::state::{AppState, Local};

impl AppState {
    /// The built-in catalogue (brands, service types, charter status), vault open or not.
    pub fn platform_catalogue(&self) -> Platforms {
        Platforms::builtin().clone()
    }

    /// The platforms out of the trash, by name.
    pub async fn platforms_list(&self) -> Result<Vec<PlatformRecord>, IpcError> {
        let vault = &*self.unlocked().await?;
        platforms::list(vault).await.local(self)
    }

    /// Adds a platform (no id) or changes one; a refused form changes nothing.
    pub async fn platform_save(&self, input: PlatformInput) -> Result<PlatformRecord, IpcError> {
        let vault = &*self.unlocked().await?;
        let now = chrono::Local::now();
        let details = input
            .check(Platforms::builtin(), now.date_naive())
            .local(self)?;
        platforms::save(vault, input.id, &details, &now.to_rfc3339())
            .await
            .local(self)
    }

    /// Moves a platform to the trash; refused while incidents out of the trash concern it.
    pub async fn platform_delete(&self, id: i64) -> Result<(), IpcError> {
        let vault = &*self.unlocked().await?;
        let now = chrono::Local::now().to_rfc3339();
        platforms::delete(vault, id, &now).await.local(self)
    }

    /// Takes a platform out of the trash.
    pub async fn platform_restore(&self, id: i64) -> Result<PlatformRecord, IpcError> {
        let vault = &*self.unlocked().await?;
        let now = chrono::Local::now().to_rfc3339();
        platforms::restore(vault, id, &now).await.local(self)
    }
}
