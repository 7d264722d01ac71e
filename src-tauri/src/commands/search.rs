//! Finding incidents again: full-text search with the list's filters.

use carnet_core::journal::search::{SearchFilters, SearchResults};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// A page of the incidents matching the text and filters (see `SearchFilters`, `SearchSort`).
#[tauri::command]
pub async fn incidents_search(
    state: State<'_, AppState>,
    query: String,
    filters: Option<SearchFilters>,
    sort: Option<String>,
    page: Option<i64>,
) -> Result<SearchResults, IpcError> {
    state.touch();
    state.incidents_search(query, filters, sort, page).await
}
