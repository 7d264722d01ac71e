//! An e-mail imported into an incident: the original `.eml` and each attachment become
//! pieces, and the message an event linked to all of them, in one transaction — or nothing.
//! The files are sealed side by side on the machine's cores, as a batch of pieces is.

use carnet_core::journal::event::email::Email;
use carnet_core::journal::event::{Actor, Event};
use carnet_core::journal::piece::{self, Piece};
use chrono::NaiveDate;

use crate::error::StoreError;
use crate::evidence;
use crate::journal::pieces::{self, Prepared};
use crate::vault::Vault;

/// What an import added.
pub struct Imported {
    /// The event made from the e-mail.
    pub event: Event,
    /// The `.eml` first, then the attachments.
    pub pieces: Vec<Piece>,
}

/// Imports the e-mail `raw` (read as `email`, under the file name `name`, already checked).
#[allow(clippy::too_many_arguments)]
pub async fn import(
    vault: &Vault,
    incident_id: i64,
    raw: &[u8],
    email: &Email,
    name: &str,
    actor: Actor,
    now: &str,
    today: NaiveDate,
) -> Result<Imported, StoreError> {
    pieces::refuse_missing(vault, incident_id).await?;
    // The `.eml` first, then each attachment: (bytes, name, declared type).
    let mut files = vec![(raw, name.to_owned(), Some("message/rfc822".to_owned()))];
    for a in &email.attachments {
        let name = piece::file_name(&a.name).unwrap_or_else(|_| "attachment".to_owned());
        let declared = piece::declared_type(a.declared_type.as_deref())
            .ok()
            .flatten();
        files.push((&a.bytes[..], name, declared));
    }
    let prepared = evidence::seal_many(
        vault,
        files.len(),
        |i, sealer| {
            let (bytes, name, declared) = &files[i];
            pieces::prepare_in(
                sealer,
                *bytes,
                bytes.len() as u64,
                name,
                declared.as_deref(),
            )
        },
        Prepared::discard,
    )?;
    let written = write(vault, incident_id, &prepared, email, actor, now, today).await;
    if written.is_err() {
        prepared.into_iter().for_each(Prepared::discard);
    }
    written
}

async fn write(
    vault: &Vault,
    incident_id: i64,
    prepared: &[Prepared],
    email: &Email,
    actor: Actor,
    now: &str,
    today: NaiveDate,
) -> Result<Imported, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let mut ids = Vec::new();
    for p in prepared {
        ids.push(pieces::insert_on(&mut tx, incident_id, p, None, now).await?);
    }
    let mut data = email.event(incident_id, actor, today);
    data.piece_ids = ids.clone();
    let event_id = super::save_on(&mut tx, None, &data, now).await?;
    tx.commit().await?;
    let mut conn = vault.pool().acquire().await?;
    let event = super::get_on(&mut conn, event_id).await?;
    let mut pieces = Vec::new();
    for id in ids {
        pieces.push(pieces::get(vault, id).await?);
    }
    Ok(Imported { event, pieces })
}
