//! The journal's multi-row write of the fault tests (`crash_journal.rs`, `full_disk.rs`): one
//! incident, its 3 events and 2 pieces (their evidence files sealed first, then recorded in
//! the same transaction as the rows that use them), and the check that every incident is whole.

#![allow(dead_code)]

use carnet_core::deadlines::IncidentFacts;
use carnet_core::journal::incident::Status;
use carnet_store::journal::generate::{
    NewEvent, NewIncident, NewPiece, NewPlatform, insert_event, insert_incident, insert_piece,
    insert_platform,
};
use carnet_store::{StoreError, Vault, evidence, journal};
use chrono::NaiveDate;

pub const EVENTS: usize = 3;
pub const PIECES: usize = 2;
pub const AT: &str = "2026-11-26T10:00:00+01:00";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// The platform incidents hang on (made once).
pub async fn platform(vault: &Vault) -> Result<i64, StoreError> {
    if let Some(id) = sqlx::query_scalar("SELECT id FROM platform ORDER BY id LIMIT 1")
        .fetch_optional(vault.pool())
        .await?
    {
        return Ok(id);
    }
    let mut tx = journal::begin(vault).await?;
    let id = insert_platform(
        &mut tx,
        &NewPlatform {
            catalogue_id: None,
            name: "Place de marché",
            service: "marketplace",
            legal_entity: "Marketplace SARL",
            country: "FR",
            seller_accounts: &[],
            relationship_start: None,
            turnover_share_pct: None,
            complaint_channel: "",
            terms_version: "",
        },
        AT,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The bytes of piece `k` of incident `title` (checked back by [`check_whole`]).
pub fn piece_bytes(title: &str, k: usize, len: usize) -> Vec<u8> {
    format!("{title} pièce {k} ")
        .into_bytes()
        .into_iter()
        .cycle()
        .take(len.max(1))
        .collect()
}

/// Writes incident `title` with its events (each `text_len` characters of full text) and
/// pieces (each `piece_len` bytes), in one transaction. On failure the sealed files go.
pub async fn write(
    vault: &Vault,
    platform_id: i64,
    title: &str,
    text_len: usize,
    piece_len: usize,
) -> Result<i64, StoreError> {
    let mut sealed = Vec::new();
    for k in 0..PIECES {
        let bytes = piece_bytes(title, k, piece_len);
        match evidence::seal(vault, &bytes[..], Some(bytes.len() as u64)) {
            Ok(s) => sealed.push(s),
            Err(e) => {
                sealed.into_iter().for_each(evidence::Sealed::discard);
                return Err(e);
            }
        }
    }
    let written = async {
        let mut tx = journal::begin(vault).await?;
        let category = carnet_core::Catalogue::builtin().categories()[0]
            .code
            .clone();
        let id = insert_incident(
            &mut tx,
            &NewIncident {
                platform_id,
                category,
                title: title.to_owned(),
                status: Status::Open,
                occurred_on: Some(day()),
                facts: IncidentFacts::default(),
                funds_held_cents: None,
                sales_lost_cents: None,
                fees_cents: None,
                amounts_note: String::new(),
                decision_reference: String::new(),
                description: format!("{title} description"),
                wanted: String::new(),
                tags: Vec::new(),
            },
            AT,
            AT,
        )
        .await?;
        let words = [
            "compte",
            "suspendu",
            "réclamation",
            "vendeur",
            "délai",
            "motif",
        ];
        let mut events = Vec::new();
        for e in 0..EVENTS {
            let mut full_text = String::new();
            let mut w = e;
            while full_text.chars().count() < text_len {
                full_text.push_str(words[w % words.len()]);
                full_text.push_str(&format!("{w} "));
                w += 7;
            }
            events.push(
                insert_event(
                    &mut tx,
                    id,
                    &NewEvent {
                        happened_on: day(),
                        actor: "platform",
                        channel: "email",
                        summary: format!("{title} event {e}"),
                        full_text,
                    },
                    AT,
                )
                .await?,
            );
        }
        for (k, s) in sealed.iter().enumerate() {
            let name = format!("{title}-{k}.txt");
            let content = s.insert(&mut tx, &name, "text/plain", AT).await?;
            insert_piece(
                &mut tx,
                id,
                &NewPiece {
                    content_id: content.id,
                    original_name: name,
                    title: format!("{title} piece {k}"),
                    dated_on: None,
                    note: String::new(),
                },
                &events,
                AT,
            )
            .await?;
        }
        tx.commit().await?;
        Ok::<_, StoreError>(id)
    }
    .await;
    if written.is_err() {
        sealed.into_iter().for_each(evidence::Sealed::discard);
    }
    written
}

/// Every incident is whole: its events and pieces all there (checked for all of them at
/// once); for the incidents after id `read_after`, each piece's file readable and matching its
/// SHA-256 and its expected bytes. Answers the incidents' ids and titles.
pub async fn check_whole(
    vault: &Vault,
    piece_len: usize,
    read_after: i64,
) -> Result<Vec<(i64, String)>, String> {
    let err = |e: sqlx::Error| format!("{e}");
    let broken: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT i.title,
                (SELECT count(*) FROM event e WHERE e.incident_id = i.id),
                (SELECT count(*) FROM piece p JOIN evidence_content c ON c.id = p.content_id
                  WHERE p.incident_id = i.id)
         FROM incident i",
    )
    .fetch_all(vault.pool())
    .await
    .map_err(err)?
    .into_iter()
    .filter(|(_, e, p): &(String, i64, i64)| *e != EVENTS as i64 || *p != PIECES as i64)
    .collect();
    if !broken.is_empty() {
        return Err(format!(
            "half incidents (title, events, pieces): {broken:?}"
        ));
    }
    let incidents: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, title FROM incident ORDER BY id")
            .fetch_all(vault.pool())
            .await
            .map_err(err)?;
    for (id, title) in incidents.iter().filter(|(id, _)| *id > read_after) {
        let pieces: Vec<i64> = sqlx::query_scalar(
            "SELECT content_id FROM piece WHERE incident_id = ? ORDER BY number",
        )
        .bind(id)
        .fetch_all(vault.pool())
        .await
        .map_err(err)?;
        for (k, content_id) in pieces.iter().enumerate() {
            let bytes = evidence::read_verified(vault, *content_id)
                .await
                .map_err(|e| format!("{title}: piece {k} unreadable: {e:?}"))?;
            if bytes.as_slice() != piece_bytes(title, k, piece_len).as_slice() {
                return Err(format!("{title}: piece {k} holds other bytes"));
            }
        }
    }
    Ok(incidents)
}
