//! The pieces of evidence of an incident: the encrypted file (see [`crate::evidence`]) and
//! the piece that numbers it in its incident (P1, P2…), written together — the file is
//! sealed first, then its `evidence_content` row, the piece, its history row and its search
//! text go in one transaction; if that fails the file is removed, and a crash in between
//! leaves a file without a row, which the next opening's sweep removes.

use std::io::{Chain, Cursor, Read};

use carnet_core::journal::piece::{self, Piece, PieceEdit, PreviewKind};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::evidence::{self, Sealed};
use crate::journal::history::{fields, record, search_replace};
use crate::journal::rows::{Child, check_live, date_col, iso, trash, untrash};
use crate::vault::Vault;

const SELECT: &str = "SELECT p.id, p.incident_id, p.number, p.title, p.dated_on, p.note,
    p.created_at, p.content_id, c.original_name, c.media_type, c.size, c.sha256,
    (SELECT group_concat(ep.event_id) FROM event_piece ep JOIN event e ON e.id = ep.event_id
      WHERE ep.piece_id = p.id AND e.deleted_at IS NULL) AS event_ids,
    ts.tsa_name AS ts_name, ts.gen_time AS ts_time,
    EXISTS (SELECT 1 FROM proof_queue q WHERE q.content_id = c.id AND q.kind = 'timestamp')
      AS ts_waiting,
    ec.result AS email_result, ec.token IS NOT NULL AS email_stamped
    FROM piece p JOIN evidence_content c ON c.id = p.content_id
    LEFT JOIN content_timestamp ts ON ts.content_id = c.id
    LEFT JOIN content_email_check ec ON ec.content_id = c.id";

fn read(row: &SqliteRow) -> Result<Piece, StoreError> {
    let events: Option<String> = row.try_get("event_ids")?;
    let mut event_ids = events
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<i64>().map_err(|_| StoreError::VaultCorrupted))
        .collect::<Result<Vec<_>, _>>()?;
    event_ids.sort_unstable();
    let media_type: String = row.try_get("media_type")?;
    let size: i64 = row.try_get("size")?;
    Ok(Piece {
        id: row.try_get("id")?,
        incident_id: row.try_get("incident_id")?,
        number: row.try_get("number")?,
        title: row.try_get("title")?,
        dated_on: date_col(row, "dated_on")?,
        note: row.try_get("note")?,
        original_name: row.try_get("original_name")?,
        preview: PreviewKind::of(&media_type),
        media_type,
        size: u64::try_from(size).map_err(|_| StoreError::VaultCorrupted)?,
        sha256: row.try_get("sha256")?,
        created_at: row.try_get("created_at")?,
        event_ids,
        proof: crate::journal::proofs::summary(row)?,
    })
}

/// The pieces of an incident not deleted on their own, by number.
pub(crate) async fn for_incident(
    conn: &mut SqliteConnection,
    incident_id: i64,
) -> Result<Vec<Piece>, StoreError> {
    let sql =
        format!("{SELECT} WHERE p.incident_id = ? AND p.deleted_at IS NULL ORDER BY p.number");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(incident_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(read).collect()
}

async fn get_on(conn: &mut SqliteConnection, id: i64) -> Result<Piece, StoreError> {
    let sql = format!("{SELECT} WHERE p.id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    read(&row)
}

/// A piece that may be shown or written to: it and its incident are out of the trash.
async fn live(conn: &mut SqliteConnection, id: i64) -> Result<(Piece, i64), StoreError> {
    let content: Option<i64> = sqlx::query_scalar(
        "SELECT p.content_id FROM piece p JOIN incident i ON i.id = p.incident_id
         WHERE p.id = ? AND p.deleted_at IS NULL AND i.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let content = content.ok_or(StoreError::NotFound)?;
    Ok((get_on(conn, id).await?, content))
}

/// One piece (out of the trash).
pub async fn get(vault: &Vault, id: i64) -> Result<Piece, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    Ok(live(&mut conn, id).await?.0)
}

/// A piece and its original bytes, decrypted (authenticated) for a preview or to open it.
pub async fn content(vault: &Vault, id: i64) -> Result<(Piece, Zeroizing<Vec<u8>>), StoreError> {
    let (piece, content_id) = {
        let mut conn = vault.pool().acquire().await?;
        live(&mut conn, id).await?
    };
    let bytes = evidence::read(vault, content_id).await?;
    Ok((piece, bytes))
}

/// An evidence file sealed and ready to become a piece: see [`prepare`].
pub struct Prepared {
    sealed: Sealed,
    /// The file's name, as given to [`prepare`] (already checked).
    pub name: String,
    /// The media type [`prepare`] decided.
    pub media_type: String,
}

impl Prepared {
    /// Removes the sealed file, for a piece that will not be recorded after all.
    pub fn discard(self) {
        self.sealed.discard();
    }
}

/// Encrypts a file into the evidence folder, its media type decided from its first bytes,
/// its (already checked) name and the type its sender declared.
pub fn prepare(
    vault: &Vault,
    source: impl Read,
    len_hint: Option<u64>,
    name: &str,
    declared_type: Option<&str>,
) -> Result<Prepared, StoreError> {
    prepare_with(
        |source| evidence::seal(vault, source, len_hint),
        source,
        len_hint,
        name,
        declared_type,
    )
}

/// [`prepare`] for one of many files sealed together (see [`evidence::seal_many`]).
pub(crate) fn prepare_in(
    sealer: &evidence::Sealer,
    source: impl Read,
    len: u64,
    name: &str,
    declared_type: Option<&str>,
) -> Result<Prepared, StoreError> {
    prepare_with(
        |source| sealer.seal(source, Some(len)),
        source,
        Some(len),
        name,
        declared_type,
    )
}

/// [`prepare`], sealing through `seal` (one file alone, or one of many).
fn prepare_with<S: Read>(
    seal: impl FnOnce(Chain<Cursor<Vec<u8>>, S>) -> Result<Sealed, StoreError>,
    mut source: S,
    len_hint: Option<u64>,
    name: &str,
    declared_type: Option<&str>,
) -> Result<Prepared, StoreError> {
    if len_hint.is_some_and(|n| n > evidence::MAX_SIZE) {
        return Err(StoreError::TooLarge);
    }
    let mut head = Vec::with_capacity(piece::SNIFF_LEN);
    (&mut source)
        .take(piece::SNIFF_LEN as u64)
        .read_to_end(&mut head)?;
    let media_type = piece::media_type(&head, name, declared_type);
    let sealed = seal(Cursor::new(head).chain(source))?;
    Ok(Prepared {
        sealed,
        name: name.to_owned(),
        media_type,
    })
}

/// Records a prepared file as the next piece of `incident_id`, in the caller's transaction.
/// The title defaults to the file name without its extension.
pub(crate) async fn insert_on(
    tx: &mut SqliteConnection,
    incident_id: i64,
    prepared: &Prepared,
    title: Option<&str>,
    now: &str,
) -> Result<i64, StoreError> {
    check_live(tx, incident_id).await?;
    let content = prepared
        .sealed
        .insert(tx, &prepared.name, &prepared.media_type, now)
        .await?;
    let title = title
        .map(str::to_owned)
        .unwrap_or_else(|| piece::default_title(&prepared.name));
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO piece (incident_id, content_id, number, title, created_at)
         VALUES (?1, ?2, (SELECT coalesce(max(number), 0) + 1 FROM piece WHERE incident_id = ?1), ?3, ?4)
         RETURNING id",
    )
    .bind(incident_id)
    .bind(content.id)
    .bind(&title)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    search_replace(
        tx,
        "piece",
        id,
        Some(incident_id),
        &Piece::search_text(&title, &prepared.name, ""),
    )
    .await?;
    record(
        tx,
        now,
        "piece",
        id,
        "created",
        fields(&["title", "original_name", "media_type", "size", "sha256"]),
    )
    .await?;
    Ok(id)
}

/// Adds one file as the next piece of an incident (see the module's note on atomicity).
pub async fn add(
    vault: &Vault,
    incident_id: i64,
    source: impl Read,
    len_hint: Option<u64>,
    name: &str,
    declared_type: Option<&str>,
    now: &str,
) -> Result<Piece, StoreError> {
    refuse_missing(vault, incident_id).await?;
    let prepared = prepare(vault, source, len_hint, name, declared_type)?;
    let mut pieces = record_sealed(vault, incident_id, vec![prepared], now).await?;
    Ok(pieces.remove(0))
}

/// Refuses before anything is sealed when the incident is not there (or is in the trash).
pub(crate) async fn refuse_missing(vault: &Vault, incident_id: i64) -> Result<(), StoreError> {
    let mut conn = vault.pool().acquire().await?;
    check_live(&mut conn, incident_id).await
}

/// Records sealed files as the next pieces of `incident_id`, in order, in one transaction;
/// if it fails, the files are removed.
async fn record_sealed(
    vault: &Vault,
    incident_id: i64,
    prepared: Vec<Prepared>,
    now: &str,
) -> Result<Vec<Piece>, StoreError> {
    let written = async {
        let mut tx = crate::journal::begin(vault).await?;
        let mut pieces = Vec::with_capacity(prepared.len());
        for p in &prepared {
            let id = insert_on(&mut tx, incident_id, p, None, now).await?;
            pieces.push(get_on(&mut tx, id).await?);
        }
        tx.commit().await?;
        Ok::<_, StoreError>(pieces)
    }
    .await;
    if written.is_err() {
        prepared.into_iter().for_each(Prepared::discard);
    }
    written
}

/// A file to add with others ([`add_many`]): its content, its announced size and its
/// (already checked) name.
pub type NewFile<S> = (S, u64, String);

/// Adds `count` files as the next pieces of an incident, in order, in one transaction: all
/// or none. `open(i)` gives the i-th file; the files are sealed side by side on the
/// machine's cores ([`evidence::seal_many`]), which is what makes adding a hundred
/// screenshots at once cost about what hashing them does.
pub async fn add_many<S: Read>(
    vault: &Vault,
    incident_id: i64,
    count: usize,
    open: impl Fn(usize) -> Result<NewFile<S>, StoreError> + Sync,
    now: &str,
) -> Result<Vec<Piece>, StoreError> {
    refuse_missing(vault, incident_id).await?;
    let prepared = evidence::seal_many(
        vault,
        count,
        |i, sealer| {
            let (source, len, name) = open(i)?;
            prepare_in(sealer, source, len, &name, None)
        },
        Prepared::discard,
    )?;
    record_sealed(vault, incident_id, prepared, now).await
}

/// Changes a piece's title, date and note.
pub async fn update(vault: &Vault, edit: &PieceEdit, now: &str) -> Result<Piece, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let (old, _) = live(&mut tx, edit.id).await?;
    let changed: Vec<&str> = [
        ("title", old.title != edit.title),
        ("dated_on", old.dated_on != edit.dated_on),
        ("note", old.note != edit.note),
    ]
    .into_iter()
    .filter(|(_, c)| *c)
    .map(|(n, _)| n)
    .collect();
    if changed.is_empty() {
        return Ok(old);
    }
    sqlx::query("UPDATE piece SET title = ?, dated_on = ?, note = ? WHERE id = ?")
        .bind(&edit.title)
        .bind(iso(edit.dated_on))
        .bind(&edit.note)
        .bind(edit.id)
        .execute(&mut *tx)
        .await?;
    search_replace(
        &mut tx,
        "piece",
        edit.id,
        Some(old.incident_id),
        &Piece::search_text(&edit.title, &old.original_name, &edit.note),
    )
    .await?;
    record(&mut tx, now, "piece", edit.id, "updated", fields(&changed)).await?;
    let piece = get_on(&mut tx, edit.id).await?;
    tx.commit().await?;
    Ok(piece)
}

/// Puts a piece in the trash (it keeps its number; its links to events are kept).
pub async fn delete(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    live(&mut tx, id).await?;
    trash(&mut tx, Child::Piece, id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a piece out of the trash (its incident must be out of it).
pub async fn restore(vault: &Vault, id: i64, now: &str) -> Result<Piece, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    untrash(&mut tx, Child::Piece, id, now).await?;
    let piece = get_on(&mut tx, id).await?;
    index(&mut tx, &piece).await?;
    tx.commit().await?;
    Ok(piece)
}

/// Writes again the search text of an incident's pieces (when the incident is restored).
pub(crate) async fn reindex(
    conn: &mut SqliteConnection,
    incident_id: i64,
) -> Result<(), StoreError> {
    for piece in for_incident(conn, incident_id).await? {
        index(conn, &piece).await?;
    }
    Ok(())
}

/// Writes again a piece's search text.
async fn index(conn: &mut SqliteConnection, p: &Piece) -> Result<(), StoreError> {
    let text = Piece::search_text(&p.title, &p.original_name, &p.note);
    search_replace(conn, "piece", p.id, Some(p.incident_id), &text).await
}
