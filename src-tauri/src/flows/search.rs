//! Finding incidents again: the search box's text with the list's filters, order and page.
//! Whatever the text holds is searched as text (see `carnet_store::journal::search`); only a
//! text too long, a filter naming what does not exist, an unknown order or a page out of
//! range are refused.

use carnet_core::journal::search::{SearchFilters, SearchRequest, SearchResults};
use carnet_store::journal::search;

use crate::error::IpcError;
use crate::state::{AppState, Local};

impl AppState {
    /// One page of the incidents out of the trash matching `query` and `filters`; `sort`
    /// blank is by relevance (the most recent first without text), `page` absent is the first.
    pub async fn incidents_search(
        &self,
        query: String,
        filters: Option<SearchFilters>,
        sort: Option<String>,
        page: Option<i64>,
    ) -> Result<SearchResults, IpcError> {
        let vault = &*self.unlocked().await?;
        let filters = filters.unwrap_or_default();
        let request = SearchRequest::check(
            &query,
            &filters,
            sort.as_deref().unwrap_or(""),
            page.unwrap_or(0),
        )
        .local(self)?;
        search::search(vault, &request).await.local(self)
    }
}
