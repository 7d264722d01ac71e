//! The company profile: read it, save it.

use carnet_core::journal::company::{Company, CompanyInput};
use carnet_store::journal::company;

use crate::error::IpcError;
use crate::state::{AppState, Local};

impl AppState {
    /// The profile, or `None` before the first save.
    pub async fn company_get(&self) -> Result<Option<Company>, IpcError> {
        let vault = &*self.unlocked().await?;
        company::get(vault).await.local(self)
    }

    /// Checks the form, then writes it with its history row; a refused form changes nothing.
    pub async fn company_save(&self, input: CompanyInput) -> Result<Company, IpcError> {
        let vault = &*self.unlocked().await?;
        let profile = input.check().local(self)?;
        let now = chrono::Local::now().to_rfc3339();
        company::save(vault, &profile, &now).await.local(self)
    }
}
