//! Incidents, their chronology and the trash: the bodies of the commands. Each validates its
//! input in `carnet-core` (dates at most a year after today, amounts typed the owner's way),
//! then lets the store write it in one transaction. "Now" and "today" are taken here, once
//! per command.

use carnet_core::journal::event::{Event, EventInput};
use carnet_core::journal::incident::{
    Incident, IncidentDetail, IncidentFilters, IncidentInput, IncidentPage, Status,
};
use carnet_core::journal::trash::{TrashEntity, TrashItem};
use carnet_store::journal::{events, incidents, trash};

use crate::clock::now;
use crate::error::IpcError;
use crate::state::{AppState, Local};

impl AppState {
    /// The first page (or the page asked) of the incidents out of the trash, most recent
    /// first, filtered by platform, category, status and period.
    pub async fn incidents_list(
        &self,
        filters: Option<IncidentFilters>,
    ) -> Result<IncidentPage, IpcError> {
        let (_, today) = now();
        let query = filters.unwrap_or_default().validate(today).local(self)?;
        let vault = &*self.unlocked().await?;
        incidents::list(vault, &query).await.local(self)
    }

    /// One incident with its events, pieces, status history, checks and checklist.
    pub async fn incident_get(&self, id: i64) -> Result<IncidentDetail, IpcError> {
        let (_, today) = now();
        let vault = &*self.unlocked().await?;
        incidents::detail(vault, id, today).await.local(self)
    }

    /// Creates (no id) or updates an incident; a refused form writes nothing.
    pub async fn incident_save(&self, input: IncidentInput) -> Result<Incident, IpcError> {
        let (now, today) = now();
        let (id, data) = input.validate(today, self.locale()).local(self)?;
        let vault = &*self.unlocked().await?;
        incidents::save(vault, id, &data, &now, today)
            .await
            .local(self)
    }

    pub async fn incident_set_status(&self, id: i64, status: String) -> Result<Incident, IpcError> {
        let (now, today) = now();
        let status = Status::parse(&status).local(self)?;
        let vault = &*self.unlocked().await?;
        incidents::set_status(vault, id, status, &now, today)
            .await
            .local(self)
    }

    /// Moves an incident, with its events and pieces, to the trash.
    pub async fn incident_delete(&self, id: i64) -> Result<(), IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        incidents::delete(vault, id, &now).await.local(self)
    }

    pub async fn incident_restore(&self, id: i64) -> Result<Incident, IpcError> {
        let (now, today) = now();
        let vault = &*self.unlocked().await?;
        incidents::restore(vault, id, &now, today).await.local(self)
    }

    /// Adds (no id) or changes an event of an incident's chronology.
    pub async fn event_save(&self, input: EventInput) -> Result<Event, IpcError> {
        let (now, today) = now();
        let (id, data) = input.validate(today).local(self)?;
        let vault = &*self.unlocked().await?;
        events::save(vault, id, &data, &now).await.local(self)
    }

    pub async fn event_delete(&self, id: i64) -> Result<(), IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        events::delete(vault, id, &now).await.local(self)
    }

    pub async fn event_restore(&self, id: i64) -> Result<Event, IpcError> {
        let (now, _) = now();
        let vault = &*self.unlocked().await?;
        events::restore(vault, id, &now).await.local(self)
    }

    /// What the trash holds, the most recently deleted first.
    pub async fn trash_list(&self) -> Result<Vec<TrashItem>, IpcError> {
        let vault = &*self.unlocked().await?;
        trash::list(vault).await.local(self)
    }

    /// Deletes for good an incident, event or piece that is in the trash.
    pub async fn trash_purge(&self, entity: String, id: i64) -> Result<(), IpcError> {
        let (now, today) = now();
        let entity = TrashEntity::parse(&entity).local(self)?;
        let vault = &*self.unlocked().await?;
        trash::purge(vault, entity, id, &now, today)
            .await
            .local(self)
    }
}
