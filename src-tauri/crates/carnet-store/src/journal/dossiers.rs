//! Dossiers in the vault (migration 5): the drafts (numbered per year, `2026-0001`, never
//! reusing a number), the report a draft makes from the journal, the pieces' bytes read and
//! verified one at a time for the renderer ([`VaultPieces`]), the exports and submissions
//! recorded. Recording a submission also writes, in the same transaction, a chronology
//! event on each of the dossier's incidents and moves their status forward.

use std::collections::BTreeMap;
use std::path::PathBuf;

use carnet_core::Locale;
use carnet_core::dossier::{
    DossierDraft, DossierItem, DossierPreview, DossierView, ExportRecord, Missing, Parties,
    Submission, SubmissionRecord, add_steps, complete, missing, number, submission,
};
use carnet_core::journal::company::CompanyProfile;
use carnet_core::journal::event::{Actor, EventData};
use carnet_core::journal::incident::Status;
use carnet_core::report::{
    Destination, PieceSource, PieceUnavailable, Report, ReportIncident, ReportPiece,
    ReportPlatform, StampToken,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::evidence::decrypt_file;
use crate::journal::history::{fields, record};
use crate::journal::{begin, company, events, incidents, pieces, platforms, rows};
use crate::vault::Vault;

const ENTITY: &str = "dossier";

/// A dossier as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The dossier's id in the vault.
    pub id: i64,
    /// Its number, `YYYY-NNNN` (`2026-0007`).
    pub number: String,
    /// The draft as the owner last saved it.
    pub draft: DossierDraft,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When its draft was last saved (RFC 3339).
    pub updated_at: String,
    /// Newest first.
    pub exports: Vec<ExportRecord>,
    /// Newest first.
    pub submissions: Vec<SubmissionRecord>,
}

fn to_json(draft: &DossierDraft) -> Result<String, StoreError> {
    serde_json::to_string(draft).map_err(|_| StoreError::decode())
}

fn from_json(s: &str) -> Result<DossierDraft, StoreError> {
    serde_json::from_str(s).map_err(|_| StoreError::VaultCorrupted)
}

fn destination(s: &str) -> Result<Destination, StoreError> {
    Destination::parse(s).ok_or(StoreError::VaultCorrupted)
}

/// Creates a draft, numbered after the last one of `year` (deleted ones count too).
pub async fn create(
    vault: &Vault,
    draft: &DossierDraft,
    year: i32,
    now: &str,
) -> Result<i64, StoreError> {
    let mut tx = begin(vault).await?;
    let seq: i64 =
        sqlx::query_scalar("SELECT coalesce(max(seq), 0) + 1 FROM dossier WHERE year = ?")
            .bind(year)
            .fetch_one(&mut *tx)
            .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO dossier (year, seq, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(year)
    .bind(seq)
    .bind(to_json(draft)?)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    record(&mut tx, now, ENTITY, id, "created", fields(&["draft"])).await?;
    tx.commit().await?;
    Ok(id)
}

async fn check_live(conn: &mut SqliteConnection, id: i64) -> Result<(), StoreError> {
    let ok: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM dossier WHERE id = ? AND deleted_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    ok.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Replaces a draft (out of the trash); the same draft again writes nothing.
pub async fn save(
    vault: &Vault,
    id: i64,
    draft: &DossierDraft,
    now: &str,
) -> Result<(), StoreError> {
    let mut tx = begin(vault).await?;
    check_live(&mut tx, id).await?;
    let old: String = sqlx::query_scalar("SELECT draft FROM dossier WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    if from_json(&old)? == *draft {
        return Ok(());
    }
    sqlx::query("UPDATE dossier SET draft = ?, updated_at = ? WHERE id = ?")
        .bind(to_json(draft)?)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    record(&mut tx, now, ENTITY, id, "updated", fields(&["draft"])).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a dossier (`deleted_at`; its number stays taken, its exports stay recorded).
pub async fn delete(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = begin(vault).await?;
    check_live(&mut tx, id).await?;
    sqlx::query("UPDATE dossier SET deleted_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    record(&mut tx, now, ENTITY, id, "deleted", serde_json::json!({})).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a dossier out of the trash (not one purged).
pub async fn restore(vault: &Vault, id: i64, now: &str) -> Result<(), StoreError> {
    let mut tx = begin(vault).await?;
    let restored = sqlx::query(
        "UPDATE dossier SET deleted_at = NULL
         WHERE id = ? AND deleted_at IS NOT NULL AND purged_at IS NULL",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if restored.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    record(&mut tx, now, ENTITY, id, "restored", serde_json::json!({})).await?;
    tx.commit().await?;
    Ok(())
}

/// A dossier's newest `limit` rows of a history table, each read by `read`; `sql` takes the
/// dossier's id and the limit.
async fn newest<T>(
    conn: &mut SqliteConnection,
    sql: &'static str,
    id: i64,
    limit: i64,
    read: impl Fn(&SqliteRow) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let rows = sqlx::query(sql)
        .bind(id)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(read).collect()
}

async fn exports_of(
    conn: &mut SqliteConnection,
    id: i64,
    limit: i64,
) -> Result<Vec<ExportRecord>, StoreError> {
    let sql = "SELECT exported_at, destination, locale, pdf_sha256, pdf_size, pages, pieces
         FROM dossier_export WHERE dossier_id = ? ORDER BY id DESC LIMIT ?";
    newest(conn, sql, id, limit, |r| {
        let corrupt = |_| StoreError::VaultCorrupted;
        let locale: String = r.try_get("locale")?;
        let size: i64 = r.try_get("pdf_size")?;
        let pages: i64 = r.try_get("pages")?;
        let pieces: i64 = r.try_get("pieces")?;
        Ok(ExportRecord {
            exported_at: r.try_get("exported_at")?,
            destination: destination(&r.try_get::<String, _>("destination")?)?,
            locale: Locale::parse(&locale).map_err(|_| StoreError::VaultCorrupted)?,
            sha256: r.try_get("pdf_sha256")?,
            size: u64::try_from(size).map_err(corrupt)?,
            pages: u32::try_from(pages).map_err(corrupt)?,
            pieces: u32::try_from(pieces).map_err(corrupt)?,
        })
    })
    .await
}

async fn submissions_of(
    conn: &mut SqliteConnection,
    id: i64,
    limit: i64,
) -> Result<Vec<SubmissionRecord>, StoreError> {
    let sql = "SELECT destination, submitted_on, reference, recorded_at
         FROM dossier_submission WHERE dossier_id = ? ORDER BY id DESC LIMIT ?";
    newest(conn, sql, id, limit, |r| {
        Ok(SubmissionRecord {
            destination: destination(&r.try_get::<String, _>("destination")?)?,
            submitted_on: rows::date_col(r, "submitted_on")?.ok_or(StoreError::VaultCorrupted)?,
            reference: r.try_get("reference")?,
            recorded_at: r.try_get("recorded_at")?,
        })
    })
    .await
}

async fn get_on(conn: &mut SqliteConnection, id: i64) -> Result<Stored, StoreError> {
    let row = sqlx::query(
        "SELECT id, year, seq, draft, created_at, updated_at FROM dossier
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    let year: i64 = row.try_get("year")?;
    let seq: i64 = row.try_get("seq")?;
    let draft: String = row.try_get("draft")?;
    Ok(Stored {
        id,
        number: number(
            i32::try_from(year).map_err(|_| StoreError::VaultCorrupted)?,
            u32::try_from(seq).map_err(|_| StoreError::VaultCorrupted)?,
        ),
        draft: from_json(&draft)?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        exports: exports_of(conn, id, i64::MAX).await?,
        submissions: submissions_of(conn, id, i64::MAX).await?,
    })
}

/// One dossier out of the trash, with its exports and submissions.
pub async fn get(vault: &Vault, id: i64) -> Result<Stored, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    get_on(&mut conn, id).await
}

/// The dossiers out of the trash, the most recently changed first.
pub async fn list(vault: &Vault) -> Result<Vec<DossierItem>, StoreError> {
    let mut conn = vault.pool().acquire().await?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM dossier WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let s = get_on(&mut conn, id).await?;
        out.push(DossierItem {
            id,
            number: s.number,
            title: s.draft.title.clone(),
            destination: s.draft.destination,
            locale: s.draft.locale,
            incident_count: u32::try_from(s.draft.incident_ids.len()).unwrap_or(u32::MAX),
            created_at: s.created_at,
            updated_at: s.updated_at,
            last_export: s.exports.into_iter().next(),
            last_submission: s.submissions.into_iter().next(),
        });
    }
    Ok(out)
}

/// What the journal holds for a draft: the company, the incidents still out of the trash
/// (in the draft's order) with their events and checks for `today`, their platforms, and
/// their pieces numbered for the dossier (incident by incident, each by its own number).
pub struct Gathered {
    /// The company profile; `None` while none was saved.
    pub company: Option<CompanyProfile>,
    /// The platforms of the incidents, with what the catalogue says of them.
    pub platforms: Vec<ReportPlatform>,
    /// The draft's incidents out of the trash, with their events and checks.
    pub incidents: Vec<ReportIncident>,
    /// Their pieces, numbered for the dossier.
    pub pieces: Vec<ReportPiece>,
}

impl Gathered {
    /// The same, borrowed, as the dossier rules read it ([`carnet_core::dossier::missing`]).
    pub fn parties(&self) -> Parties<'_> {
        Parties {
            company: self.company.as_ref(),
            platforms: &self.platforms,
            incidents: &self.incidents,
            pieces: &self.pieces,
        }
    }

    /// What an export would hold now: counts and the pieces' bytes.
    pub fn preview(&self) -> DossierPreview {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        DossierPreview {
            incidents: n(self.incidents.len()),
            events: n(self.incidents.iter().map(|i| i.events.len()).sum()),
            pieces: n(self.pieces.len()),
            piece_bytes: self.pieces.iter().map(|p| p.size).sum(),
        }
    }
}

/// A platform as the dossier's card shows it: the owner's record with its address, and what
/// the catalogue says of its charter status, its DSA and DMA designations and the certified
/// out-of-court bodies covering it (their fee rule in the dossier's language).
fn report_platform(
    r: carnet_core::journal::platform::PlatformRecord,
    locale: Locale,
) -> ReportPlatform {
    use carnet_core::platforms::{CharterSignatory, Platforms};
    use carnet_core::report::{CharterStatus, OutOfCourtBodyRef};
    let charter = match r.charter {
        Some(CharterSignatory::Signed2019) => CharterStatus::Signed2019,
        Some(CharterSignatory::Joined2020) => CharterStatus::Joined2020,
        Some(CharterSignatory::No) => CharterStatus::No,
        Some(CharterSignatory::Unknown) | None => CharterStatus::Unknown,
    };
    let entry = r
        .details
        .catalogue_id
        .as_deref()
        .and_then(|id| Platforms::builtin().get(id));
    ReportPlatform {
        charter,
        vlop: entry.and_then(|p| p.vlop),
        gatekeeper: entry.and_then(|p| p.gatekeeper),
        out_of_court_bodies: entry
            .map(|p| {
                p.out_of_court_bodies
                    .iter()
                    .map(|b| OutOfCourtBodyRef {
                        name: b.name.clone(),
                        country: b.country.clone(),
                        fee_rule: b
                            .fee
                            .as_ref()
                            .map(|f| f.get(locale).to_owned())
                            .unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ..ReportPlatform::new(r.id, r.details)
    }
}

/// Reads what [`Gathered`] says, in one read transaction.
pub async fn gather(
    vault: &Vault,
    draft: &DossierDraft,
    today: NaiveDate,
) -> Result<Gathered, StoreError> {
    let company = company::get(vault).await?.map(|c| c.profile);
    let mut tx = vault.pool().begin().await?;
    let mut incidents_out = Vec::new();
    let mut pieces_all = Vec::new();
    for &id in &draft.incident_ids {
        let incident = match incidents::get_on(&mut tx, id, today).await {
            Ok(i) if i.deleted_at.is_none() => i,
            Ok(_) | Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        let evs = events::for_incident(&mut tx, id).await?;
        pieces_all.extend(pieces::for_incident(&mut tx, id).await?);
        incidents_out.push(ReportIncident::new(&incident, evs, today));
    }
    tx.commit().await?;
    let mut platforms_out: Vec<ReportPlatform> = Vec::new();
    for i in &incidents_out {
        let pid = i.data.platform_id;
        if platforms_out.iter().any(|p| p.id == pid) {
            continue;
        }
        let r = platforms::get(vault, pid).await?;
        platforms_out.push(report_platform(r, draft.locale));
    }
    Ok(Gathered {
        company,
        platforms: platforms_out,
        incidents: incidents_out,
        pieces: ReportPiece::numbered(&pieces_all),
    })
}

/// A dossier as its page shows it: the draft, what its destination still needs as of
/// `today`, what the export would hold, its exports and submissions.
pub async fn view(vault: &Vault, id: i64, today: NaiveDate) -> Result<DossierView, StoreError> {
    let stored = get(vault, id).await?;
    let gathered = gather(vault, &stored.draft, today).await?;
    let missing = missing(&stored.draft, &gathered.parties(), today);
    Ok(DossierView {
        id,
        number: stored.number,
        complete: complete(&missing),
        missing,
        preview: gathered.preview(),
        draft: stored.draft,
        exports: stored.exports,
        submissions: stored.submissions,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    })
}

/// The report of a dossier, generated at `generated_at` (its checks computed for that day),
/// or — when something blocking is missing for its destination — what is missing.
pub async fn report(
    vault: &Vault,
    id: i64,
    generated_at: DateTime<FixedOffset>,
) -> Result<Result<Report, Vec<Missing>>, StoreError> {
    let today = generated_at.date_naive();
    let stored = get(vault, id).await?;
    let gathered = gather(vault, &stored.draft, today).await?;
    let missing = missing(&stored.draft, &gathered.parties(), today);
    let company = match gathered.company {
        Some(c) if complete(&missing) => c,
        _ => return Ok(Err(missing)),
    };
    let mut report = stored.draft.report(
        &stored.number,
        generated_at,
        company,
        gathered.platforms,
        gathered.incidents,
        gathered.pieces,
    );
    let earlier = earlier_steps(vault, id, &stored.draft.incident_ids).await?;
    add_steps(&mut report, earlier);
    Ok(Ok(report))
}

/// The submissions of the other dossiers (out of the trash) on any of these incidents, as
/// steps already taken.
async fn earlier_steps(
    vault: &Vault,
    id: i64,
    incident_ids: &[i64],
) -> Result<Vec<carnet_core::report::Step>, StoreError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT s.destination, s.submitted_on, s.reference, d.draft
         FROM dossier_submission s JOIN dossier d ON d.id = s.dossier_id
         WHERE d.id != ? AND d.deleted_at IS NULL ORDER BY s.submitted_on, s.id",
    )
    .bind(id)
    .fetch_all(vault.pool())
    .await?;
    let mut out = Vec::new();
    for (dest, on, reference, draft) in rows {
        let other = from_json(&draft)?;
        if !other.incident_ids.iter().any(|i| incident_ids.contains(i)) {
            continue;
        }
        let on =
            NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|_| StoreError::VaultCorrupted)?;
        out.push(submission::step(destination(&dest)?, on, &reference));
    }
    Ok(out)
}

/// The pieces' bytes for the renderer (and the evidence bundle), read from the vault's
/// evidence files one at a time, decrypted and checked against their SHA-256. Holds only
/// each piece's file name and key (zeroed when dropped), never the bytes.
pub struct VaultPieces {
    dir: PathBuf,
    files: BTreeMap<i64, (String, Zeroizing<[u8; 32]>, String)>,
    /// The stored RFC 3161 token of each piece that has one (verified when it was stored).
    tokens: BTreeMap<i64, StampToken>,
}

impl VaultPieces {
    /// The files of `pieces` (pieces of the vault, out of the trash).
    pub async fn new(vault: &Vault, pieces: &[ReportPiece]) -> Result<Self, StoreError> {
        let mut conn = vault.pool().acquire().await?;
        let mut files = BTreeMap::new();
        for p in pieces {
            let row: Option<(String, Vec<u8>, String)> = sqlx::query_as(
                "SELECT c.file_id, c.file_key, c.sha256 FROM piece p
                 JOIN evidence_content c ON c.id = p.content_id WHERE p.id = ?",
            )
            .bind(p.id)
            .fetch_optional(&mut *conn)
            .await?;
            let (file_id, key, sha256) = row.ok_or(StoreError::NotFound)?;
            let key = Zeroizing::new(key);
            let key: [u8; 32] = key
                .as_slice()
                .try_into()
                .map_err(|_| StoreError::VaultCorrupted)?;
            files.insert(p.id, (file_id, Zeroizing::new(key), sha256));
        }
        let mut tokens = BTreeMap::new();
        for p in pieces {
            let row: Option<(Vec<u8>, String, String)> = sqlx::query_as(
                "SELECT t.token, t.tsa_name, t.chain_pem FROM piece p
                 JOIN content_timestamp t ON t.content_id = p.content_id WHERE p.id = ?",
            )
            .bind(p.id)
            .fetch_optional(&mut *conn)
            .await?;
            if let Some((der, tsa_name, chain_pem)) = row {
                tokens.insert(
                    p.id,
                    StampToken {
                        der,
                        tsa_name,
                        chain_pem,
                    },
                );
            }
        }
        Ok(VaultPieces {
            dir: vault.layout().evidence_dir(),
            files,
            tokens,
        })
    }
}

/// What [`PieceUnavailable`] says when the bytes are not those recorded (or cannot be
/// decrypted: an altered file fails authentication).
pub const ALTERED: &str = "altered";

impl PieceSource for VaultPieces {
    fn bytes(&self, piece: &ReportPiece) -> Result<Vec<u8>, PieceUnavailable> {
        let (file_id, key, sha256) = self
            .files
            .get(&piece.id)
            .ok_or_else(|| PieceUnavailable("not in this dossier".into()))?;
        let mut plain = decrypt_file(&self.dir.join(file_id), key).map_err(|e| match e {
            StoreError::VaultCorrupted => PieceUnavailable(ALTERED.into()),
            other => PieceUnavailable(other.to_string()),
        })?;
        if hex::encode(Sha256::digest(&*plain)) != *sha256 || *sha256 != piece.sha256 {
            return Err(PieceUnavailable(ALTERED.into()));
        }
        Ok(std::mem::take(&mut *plain))
    }

    fn timestamp(&self, piece: &ReportPiece) -> Option<StampToken> {
        self.tokens.get(&piece.id).cloned()
    }
}

/// Records an export of the dossier.
pub async fn record_export(
    vault: &Vault,
    id: i64,
    export: &ExportRecord,
) -> Result<(), StoreError> {
    let mut tx = begin(vault).await?;
    check_live(&mut tx, id).await?;
    sqlx::query(
        "INSERT INTO dossier_export (dossier_id, exported_at, destination, locale, pdf_sha256,
            pdf_size, pages, pieces) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(&export.exported_at)
    .bind(export.destination.code())
    .bind(export.locale.tag())
    .bind(&export.sha256)
    .bind(i64::try_from(export.size).map_err(|_| StoreError::decode())?)
    .bind(i64::from(export.pages))
    .bind(i64::from(export.pieces))
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        &export.exported_at,
        ENTITY,
        id,
        "updated",
        fields(&["export"]),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records that the dossier was sent, in one transaction: the submission; on each of its
/// incidents still out of the trash, a chronology event ("us", the destination's channel, a
/// summary naming the recipient, the number and the reference, dated the day it was sent)
/// and the status moved forward ([`submission::advance`]) with its status history. Returns
/// the incidents whose status changed.
pub async fn record_submission(
    vault: &Vault,
    id: i64,
    sent: &Submission,
    now: &str,
    today: NaiveDate,
) -> Result<Vec<(i64, Status)>, StoreError> {
    let mut tx = begin(vault).await?;
    let stored = get_on(&mut tx, id).await?;
    let dest = stored.draft.destination;
    sqlx::query(
        "INSERT INTO dossier_submission (dossier_id, destination, submitted_on, reference,
            recorded_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(dest.code())
    .bind(sent.submitted_on.format("%Y-%m-%d").to_string())
    .bind(&sent.reference)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    record(&mut tx, now, ENTITY, id, "updated", fields(&["submission"])).await?;
    let summary = submission::summary(dest, stored.draft.locale, &stored.number, &sent.reference);
    let mut moved = Vec::new();
    for &incident_id in &stored.draft.incident_ids {
        let incident = match incidents::get_on(&mut tx, incident_id, today).await {
            Ok(i) if i.deleted_at.is_none() => i,
            Ok(_) | Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        let event = EventData {
            incident_id,
            happened_on: sent.submitted_on,
            actor: Actor::Us,
            channel: submission::channel(dest),
            summary: summary.clone(),
            full_text: String::new(),
            piece_ids: Vec::new(),
            decision: None,
        };
        events::save_on(&mut tx, None, &event, now).await?;
        if let Some(status) = submission::advance(incident.status, dest) {
            sqlx::query("UPDATE incident SET status = ?, updated_at = ? WHERE id = ?")
                .bind(status.code())
                .bind(now)
                .bind(incident_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO incident_status (incident_id, status, changed_at) VALUES (?, ?, ?)",
            )
            .bind(incident_id)
            .bind(status.code())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            record(
                &mut tx,
                now,
                "incident",
                incident_id,
                "updated",
                fields(&["status"]),
            )
            .await?;
            moved.push((incident_id, status));
        }
    }
    tx.commit().await?;
    Ok(moved)
}
