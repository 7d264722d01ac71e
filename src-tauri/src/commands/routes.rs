//! The route guide « Que faire maintenant ? » and the dashboard's routes closing soon.

use carnet_core::reasons::{self, DecisionReasons};
use carnet_core::routes::{ClosingRoute, Route};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Every route of one incident, as of today.
#[tauri::command]
pub async fn incident_routes(state: State<'_, AppState>, id: i64) -> Result<Vec<Route>, IpcError> {
    state.touch();
    state.incident_routes(id).await
}

/// The routes of open incidents closing within 30 days.
#[tauri::command]
pub async fn routes_closing(state: State<'_, AppState>) -> Result<Vec<ClosingRoute>, IpcError> {
    state.routes_closing().await
}

/// The statement-of-reasons checker's form: each decision with the elements the law asks of it.
#[tauri::command]
pub fn reasons_catalogue() -> Vec<DecisionReasons> {
    reasons::catalogue()
}
