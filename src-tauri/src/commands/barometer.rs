//! The dashboard.

use carnet_core::journal::barometer::Barometer;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The dashboard's figures over the last `months` months (12 when absent) and the deadlines.
#[tauri::command]
pub async fn barometer(
    state: State<'_, AppState>,
    months: Option<i64>,
) -> Result<Barometer, IpcError> {
    state.touch();
    state.barometer(months).await
}
