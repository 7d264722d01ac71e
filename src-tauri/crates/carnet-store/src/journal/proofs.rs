//! The proofs of the evidence kept in the vault (see migration 0012): RFC 3161 tokens of
//! each content's SHA-256, DKIM checks of imported e-mails and the timestamps of those
//! checks, and the queue of requests waiting for the network.
//!
//! Nothing reaches a table unchecked: a token is verified against the SHA-256 recorded for
//! the content when it was sealed (imprint, signature, certificate) and an e-mail check must
//! carry that same SHA-256, so no proof is ever attached to other bytes than the piece's.
//! The network itself is the shell's: it asks [`due`], talks to the authority or the DNS,
//! and answers with [`attach_timestamp`], [`attach_email_check`], [`attach_email_stamp`] or
//! [`failed`].

use carnet_core::journal::proof::{DkimVerdict, EmailCheck, PieceProof, Stamp};
use carnet_proof::dkim::{EmailVerification, Verdict};
use carnet_proof::{ProofError, queue};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::vault::Vault;

/// What a queued request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A timestamp of the content's SHA-256.
    Timestamp,
    /// The DKIM/ARC check of an e-mail (needs its key records from the DNS).
    Email,
    /// A timestamp of the stored check's result.
    EmailStamp,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Timestamp => "timestamp",
            Kind::Email => "email",
            Kind::EmailStamp => "email_stamp",
        }
    }

    fn parse(s: &str) -> Result<Kind, StoreError> {
        match s {
            "timestamp" => Ok(Kind::Timestamp),
            "email" => Ok(Kind::Email),
            "email_stamp" => Ok(Kind::EmailStamp),
            _ => Err(StoreError::VaultCorrupted),
        }
    }
}

/// A request due now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// What to ask.
    pub kind: Kind,
    /// The evidence content it is for.
    pub content_id: i64,
    /// The SHA-256 to timestamp: the content's, or the stored e-mail check's.
    pub digest: [u8; 32],
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::VaultCorrupted)
}

fn digest_of_hex(text: &str) -> Result<[u8; 32], StoreError> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(text, &mut out).map_err(|_| StoreError::VaultCorrupted)?;
    Ok(out)
}

/// Adds a request for `content_id`, due at once; one already waiting stays as it is.
pub(crate) async fn enqueue(
    conn: &mut SqliteConnection,
    kind: Kind,
    content_id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT OR IGNORE INTO proof_queue (kind, content_id, next_try) VALUES (?, ?, ?)")
        .bind(kind.as_str())
        .bind(content_id)
        .bind(rfc3339(now))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Queues what a newly added content needs: its timestamp and, for an e-mail, its check.
pub(crate) async fn enqueue_new(
    conn: &mut SqliteConnection,
    content_id: i64,
    media_type: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    enqueue(conn, Kind::Timestamp, content_id, now).await?;
    if media_type == "message/rfc822" {
        enqueue(conn, Kind::Email, content_id, now).await?;
    }
    Ok(())
}

/// How many requests wait (what the UI shows).
pub async fn waiting(vault: &Vault) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM proof_queue")
        .fetch_one(vault.pool())
        .await?)
}

/// The requests due at `now`, oldest first, with the digest each one timestamps.
pub async fn due(vault: &Vault, now: DateTime<Utc>, limit: i64) -> Result<Vec<Due>, StoreError> {
    let rows: Vec<(String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT q.kind, q.content_id, c.sha256, e.result FROM proof_queue q
         JOIN evidence_content c ON c.id = q.content_id
         LEFT JOIN content_email_check e ON e.content_id = q.content_id
         WHERE q.next_try <= ? AND c.released_at IS NULL ORDER BY q.next_try, q.rowid LIMIT ?",
    )
    .bind(rfc3339(now))
    .bind(limit)
    .fetch_all(vault.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (kind, content_id, sha256, result) in rows {
        let kind = Kind::parse(&kind)?;
        let digest = match kind {
            Kind::EmailStamp => match result {
                Some(json) => Sha256::digest(json.as_bytes()).into(),
                // The check is not stored yet: asked again after it.
                None => continue,
            },
            _ => digest_of_hex(&sha256)?,
        };
        out.push(Due {
            kind,
            content_id,
            digest,
        });
    }
    Ok(out)
}

/// The earliest time a request is due, if any waits.
pub async fn next_wake(vault: &Vault) -> Result<Option<DateTime<Utc>>, StoreError> {
    let next: Option<String> = sqlx::query_scalar("SELECT min(next_try) FROM proof_queue")
        .fetch_one(vault.pool())
        .await?;
    next.as_deref().map(parse_time).transpose()
}

/// A try failed (`code`: the [`ProofError`]'s, for the log and the piece's view): the request
/// waits longer, [`queue::backoff`] of its attempts.
pub async fn failed(
    vault: &Vault,
    kind: Kind,
    content_id: i64,
    error: ProofError,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let attempts: Option<i64> =
        sqlx::query_scalar("SELECT attempts FROM proof_queue WHERE kind = ? AND content_id = ?")
            .bind(kind.as_str())
            .bind(content_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(attempts) = attempts else {
        return Ok(());
    };
    let attempts = u32::try_from(attempts)
        .unwrap_or(u32::MAX)
        .saturating_add(1);
    sqlx::query(
        "UPDATE proof_queue SET attempts = ?, next_try = ?, last_error = ?
         WHERE kind = ? AND content_id = ?",
    )
    .bind(i64::from(attempts))
    .bind(rfc3339(now + queue::backoff(attempts)))
    .bind(error.code())
    .bind(kind.as_str())
    .bind(content_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The network is back (or the owner asked): every request is due now.
pub async fn wake_all(vault: &Vault, now: DateTime<Utc>) -> Result<(), StoreError> {
    sqlx::query("UPDATE proof_queue SET next_try = ?")
        .bind(rfc3339(now))
        .execute(vault.pool())
        .await?;
    Ok(())
}

async fn dequeue(
    conn: &mut SqliteConnection,
    kind: Kind,
    content_id: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM proof_queue WHERE kind = ? AND content_id = ?")
        .bind(kind.as_str())
        .bind(content_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn content_digest(
    conn: &mut SqliteConnection,
    content_id: i64,
) -> Result<[u8; 32], StoreError> {
    let sha: Option<String> =
        sqlx::query_scalar("SELECT sha256 FROM evidence_content WHERE id = ?")
            .bind(content_id)
            .fetch_optional(&mut *conn)
            .await?;
    digest_of_hex(&sha.ok_or(StoreError::NotFound)?)
}

/// Stores a content's timestamp token after verifying it covers the content's recorded
/// SHA-256 (a token for other bytes, or whose signature fails, is refused and nothing is
/// written), and takes its request out of the queue.
pub async fn attach_timestamp(
    vault: &Vault,
    content_id: i64,
    token_der: &[u8],
    now: DateTime<Utc>,
) -> Result<Stamp, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let digest = content_digest(&mut tx, content_id).await?;
    let info = carnet_proof::tsp::verify_token(token_der, &digest).map_err(StoreError::Proof)?;
    sqlx::query(
        "INSERT OR REPLACE INTO content_timestamp
         (content_id, token, tsa_name, gen_time, chain_pem, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(content_id)
    .bind(token_der)
    .bind(&info.tsa_name)
    .bind(rfc3339(info.gen_time))
    .bind(&info.chain_pem)
    .bind(rfc3339(now))
    .execute(&mut *tx)
    .await?;
    dequeue(&mut tx, Kind::Timestamp, content_id).await?;
    tx.commit().await?;
    Ok(Stamp {
        tsa_name: info.tsa_name,
        gen_time: info.gen_time,
    })
}

/// Stores an e-mail's DKIM check, made from bytes whose SHA-256 must be the content's. A
/// check that could not look its keys up ("not checked") stays queued for a later try; any
/// other verdict takes the request out and queues the timestamp of the result.
pub async fn attach_email_check(
    vault: &Vault,
    content_id: i64,
    check: &EmailVerification,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let digest = content_digest(&mut tx, content_id).await?;
    if check.sha256 != digest {
        return Err(StoreError::Proof(ProofError::ImprintMismatch));
    }
    let json = serde_json::to_string(check).map_err(|_| StoreError::decode())?;
    let verdict = serde_json::to_value(check.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .ok_or(StoreError::decode())?;
    sqlx::query(
        "INSERT OR REPLACE INTO content_email_check (content_id, result, verdict, checked_at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(content_id)
    .bind(&json)
    .bind(&verdict)
    .bind(rfc3339(check.checked_at))
    .execute(&mut *tx)
    .await?;
    if check.verdict != Verdict::NotChecked {
        dequeue(&mut tx, Kind::Email, content_id).await?;
        enqueue(&mut tx, Kind::EmailStamp, content_id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stores the timestamp of an e-mail's stored check, verified against that check's bytes.
pub async fn attach_email_stamp(
    vault: &Vault,
    content_id: i64,
    token_der: &[u8],
) -> Result<Stamp, StoreError> {
    let mut tx = crate::journal::begin(vault).await?;
    let result: Option<String> =
        sqlx::query_scalar("SELECT result FROM content_email_check WHERE content_id = ?")
            .bind(content_id)
            .fetch_optional(&mut *tx)
            .await?;
    let result = result.ok_or(StoreError::NotFound)?;
    let digest: [u8; 32] = Sha256::digest(result.as_bytes()).into();
    let info = carnet_proof::tsp::verify_token(token_der, &digest).map_err(StoreError::Proof)?;
    sqlx::query(
        "UPDATE content_email_check SET token = ?, tsa_name = ?, gen_time = ? WHERE content_id = ?",
    )
    .bind(token_der)
    .bind(&info.tsa_name)
    .bind(rfc3339(info.gen_time))
    .bind(content_id)
    .execute(&mut *tx)
    .await?;
    dequeue(&mut tx, Kind::EmailStamp, content_id).await?;
    tx.commit().await?;
    Ok(Stamp {
        tsa_name: info.tsa_name,
        gen_time: info.gen_time,
    })
}

/// A stored timestamp: the token as the authority sent it and its certificate chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// The DER TimeStampResp (`P3.jpg.tsr`).
    pub der: Vec<u8>,
    /// The authority's name.
    pub tsa_name: String,
    /// Its certificates, signer first (`tsa/<name>.pem`).
    pub chain_pem: String,
}

/// The stored token of a content, if it has one.
pub async fn token(vault: &Vault, content_id: i64) -> Result<Option<StoredToken>, StoreError> {
    let row: Option<(Vec<u8>, String, String)> = sqlx::query_as(
        "SELECT token, tsa_name, chain_pem FROM content_timestamp WHERE content_id = ?",
    )
    .bind(content_id)
    .fetch_optional(vault.pool())
    .await?;
    Ok(row.map(|(der, tsa_name, chain_pem)| StoredToken {
        der,
        tsa_name,
        chain_pem,
    }))
}

/// The stored e-mail check of a content (the full result, as `carnet-proof` made it).
pub async fn email_check(
    vault: &Vault,
    content_id: i64,
) -> Result<Option<EmailVerification>, StoreError> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT result FROM content_email_check WHERE content_id = ?")
            .bind(content_id)
            .fetch_optional(vault.pool())
            .await?;
    json.map(|j| serde_json::from_str(&j).map_err(|_| StoreError::VaultCorrupted))
        .transpose()
}

fn verdict_of(v: Verdict) -> DkimVerdict {
    match v {
        Verdict::Valid => DkimVerdict::Valid,
        Verdict::SignatureBroken => DkimVerdict::SignatureBroken,
        Verdict::KeyNoLongerPublished => DkimVerdict::KeyNoLongerPublished,
        Verdict::NoSignature => DkimVerdict::NoSignature,
        Verdict::NotChecked => DkimVerdict::NotChecked,
    }
}

/// A piece's proofs from a row of the pieces' query (its `ts_*` and `email_*` columns).
pub(crate) fn summary(row: &sqlx::sqlite::SqliteRow) -> Result<PieceProof, StoreError> {
    use sqlx::Row;
    let name: Option<String> = row.try_get("ts_name")?;
    let time: Option<String> = row.try_get("ts_time")?;
    let timestamp = match (name, time) {
        (Some(tsa_name), Some(t)) => Some(Stamp {
            tsa_name,
            gen_time: parse_time(&t)?,
        }),
        _ => None,
    };
    let result: Option<String> = row.try_get("email_result")?;
    let email = match result {
        Some(json) => {
            let v: EmailVerification =
                serde_json::from_str(&json).map_err(|_| StoreError::VaultCorrupted)?;
            let best = v
                .dkim
                .iter()
                .find(|s| s.verdict == v.verdict && s.aligned)
                .or_else(|| v.dkim.iter().find(|s| s.verdict == v.verdict));
            Some(EmailCheck {
                verdict: verdict_of(v.verdict),
                domain: best.map(|s| s.domain.clone()).unwrap_or_default(),
                selector: best.map(|s| s.selector.clone()).unwrap_or_default(),
                aligned: best.is_some_and(|s| s.aligned),
                from_domain: v.from_domain.clone(),
                arc: v.arc.map(verdict_of),
                checked_at: v.checked_at,
                stamped: row.try_get("email_stamped")?,
            })
        }
        None => None,
    };
    Ok(PieceProof {
        stamp_waiting: timestamp.is_none() && row.try_get("ts_waiting")?,
        timestamp,
        email,
    })
}

/// Removes the proofs of a content about to be deleted for good.
pub(crate) async fn forget(conn: &mut SqliteConnection, content_id: i64) -> Result<(), StoreError> {
    for table in ["proof_queue", "content_timestamp", "content_email_check"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE content_id = ?"
        )))
        .bind(content_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The evidence content a live piece shows.
pub async fn content_of_piece(vault: &Vault, piece_id: i64) -> Result<i64, StoreError> {
    let id: Option<i64> = sqlx::query_scalar("SELECT content_id FROM piece WHERE id = ?")
        .bind(piece_id)
        .fetch_optional(vault.pool())
        .await?;
    id.ok_or(StoreError::NotFound)
}
