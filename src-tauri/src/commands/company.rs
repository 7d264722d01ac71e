//! The company profile.

use carnet_core::journal::company::{Company, CompanyInput};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn company_get(state: State<'_, AppState>) -> Result<Option<Company>, IpcError> {
    state.touch();
    state.company_get().await
}

#[tauri::command]
pub async fn company_save(
    state: State<'_, AppState>,
    input: CompanyInput,
) -> Result<Company, IpcError> {
    state.touch();
    state.company_save(input).await
}
