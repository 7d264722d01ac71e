//! Proofs that need the network (timestamps, DKIM look-ups): their status, the owner's
//! choice to turn them on and of the authority, and « Réessayer maintenant ».

use tauri::State;

use crate::error::IpcError;
use crate::flows::proofs::ProofStatus;
use crate::state::AppState;

#[tauri::command]
pub async fn proof_status(state: State<'_, AppState>) -> Result<ProofStatus, IpcError> {
    Ok(state.proof_status().await)
}

#[tauri::command]
pub async fn proof_set(
    state: State<'_, AppState>,
    enabled: bool,
    tsa_url: String,
) -> Result<ProofStatus, IpcError> {
    state.touch();
    state.proof_set(enabled, &tsa_url).await
}

#[tauri::command]
pub async fn proof_retry(state: State<'_, AppState>) -> Result<ProofStatus, IpcError> {
    state.touch();
    state.proof_retry().await
}
