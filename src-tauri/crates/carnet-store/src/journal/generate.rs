//! Vaults filled with made-up records: at any scale for the benchmarks ([`fill`]), and the demo
//! of `make demo` ([`demo`]): a fictitious leather workshop in Lyon and a year of its troubles
//! with four marketplaces. Run through the `carnet-generate` program.
//!
//! The rows are the ones the journal's own writes leave — the record, its `history` row, its
//! `search` row (through [`history`]) and, for incidents, the status history — so search, the
//! dashboard and the trash work on a generated vault as on a real one. The searchable text of
//! each kind is built as the journal builds it: an incident's title, description, what is
//! asked, decision reference and tags; an event's summary and full text; a piece's title,
//! file name and note; a platform's name and legal entity; each part on its own line.
//!
//! Everything but the evidence files is written in one transaction (prepared statements,
//! reused): a vault of 10,000 incidents, 100,000 events and 1,000 pieces takes seconds. The
//! evidence goes first, through [`evidence::add`], so pieces are real encrypted files.

mod demo;
mod picture;
mod scale;
mod words;

use carnet_core::deadlines::{IncidentFacts, Measure};
use carnet_core::journal::incident::{IncidentData, Status};
use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::StoreError;
use crate::journal::history::{self, fields};
use crate::journal::rows::iso;

pub use demo::{DEMO_PASSPHRASE, demo};
pub use scale::{euros, fill};

/// How many records [`fill`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Incidents to write.
    pub incidents: u32,
    /// Events to write, spread over the incidents.
    pub events: u32,
    /// Pieces to write, spread over the incidents.
    pub pieces: u32,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Platforms written.
    pub platforms: u32,
    /// Incidents written.
    pub incidents: u32,
    /// Events written.
    pub events: u32,
    /// Pieces written.
    pub pieces: u32,
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same vault.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One item, each as likely as the others (`items` must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One item, each as likely as its weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut at = self.below(total);
        for (item, w) in items {
            if at < u64::from(*w) {
                return item;
            }
            at -= u64::from(*w);
        }
        &items[items.len() - 1].0
    }
}

/// A platform as the journal stores it.
pub struct NewPlatform<'a> {
    /// The catalogue's id, `None` for a platform the owner named.
    pub catalogue_id: Option<&'a str>,
    /// The platform's name.
    pub name: &'a str,
    /// Its service type code (`marketplace`…).
    pub service: &'a str,
    /// The company operating it.
    pub legal_entity: &'a str,
    /// Its country, ISO 3166-1 alpha-2.
    pub country: &'a str,
    /// The seller accounts there.
    pub seller_accounts: &'a [&'a str],
    /// When the company started selling there.
    pub relationship_start: Option<NaiveDate>,
    /// The share of the company's turnover made there, 0 to 100.
    pub turnover_share_pct: Option<i64>,
    /// How to complain to it.
    pub complaint_channel: &'a str,
    /// The version of its terms.
    pub terms_version: &'a str,
}

/// An incident as the journal stores it; `facts` holds its measure, reasons and dates.
pub struct NewIncident {
    /// The vault platform it happened on.
    pub platform_id: i64,
    /// Its category code (`ACC-02`).
    pub category: String,
    /// Its title.
    pub title: String,
    /// Where its case stands.
    pub status: Status,
    /// When it happened.
    pub occurred_on: Option<NaiveDate>,
    /// Its measure, whether reasons came, and its other dates.
    pub facts: IncidentFacts,
    /// The funds held, in cents.
    pub funds_held_cents: Option<i64>,
    /// The sales lost, in cents.
    pub sales_lost_cents: Option<i64>,
    /// The fees, in cents.
    pub fees_cents: Option<i64>,
    /// How the amounts were computed.
    pub amounts_note: String,
    /// The platform's decision or case number.
    pub decision_reference: String,
    /// The account of what happened.
    pub description: String,
    /// What the owner wants.
    pub wanted: String,
    /// Free tags.
    pub tags: Vec<String>,
}

impl NewIncident {
    /// The text the journal indexes for an incident.
    pub fn search_text(&self) -> String {
        let texts = [
            &self.title,
            &self.description,
            &self.wanted,
            &self.decision_reference,
        ];
        IncidentData::search_text_of(texts.map(String::as_str), &self.tags)
    }
}

/// An event of the chronology.
pub struct NewEvent {
    /// The day it happened.
    pub happened_on: NaiveDate,
    /// `us`, `platform`, `third_party`, `authority`.
    pub actor: &'static str,
    /// `email`, `portal_message`, `phone`, `letter`, `notification`, `other`.
    pub channel: &'static str,
    /// One line.
    pub summary: String,
    /// The message or transcript; may be empty.
    pub full_text: String,
}

/// A piece, its evidence already added (`content_id`, `original_name`).
pub struct NewPiece {
    /// The `evidence_content` row holding its file.
    pub content_id: i64,
    /// The file's name when it was added.
    pub original_name: String,
    /// Its title.
    pub title: String,
    /// The date of what it shows.
    pub dated_on: Option<NaiveDate>,
    /// The owner's note.
    pub note: String,
}

/// The non-empty parts, one per line.
fn lines(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// An instant on day `d` (RFC 3339, Paris winter time is good enough for made-up records).
pub fn instant(d: NaiveDate, hour: u32) -> String {
    format!(
        "{}T{:02}:{:02}:00+01:00",
        d.format("%Y-%m-%d"),
        hour % 24,
        (hour * 7) % 60
    )
}

/// Writes a platform, its history row and its search row; returns its id.
pub async fn insert_platform(
    conn: &mut SqliteConnection,
    p: &NewPlatform<'_>,
    at: &str,
) -> Result<i64, StoreError> {
    let accounts = serde_json::to_string(p.seller_accounts).map_err(|_| StoreError::decode())?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO platform (catalogue_id, name, service, legal_entity, country,
             seller_accounts, relationship_start, turnover_share_pct, complaint_channel,
             terms_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(p.catalogue_id)
    .bind(p.name)
    .bind(p.service)
    .bind(p.legal_entity)
    .bind(p.country)
    .bind(accounts)
    .bind(iso(p.relationship_start))
    .bind(p.turnover_share_pct)
    .bind(p.complaint_channel)
    .bind(p.terms_version)
    .bind(at)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let set = [
        "name",
        "service",
        "legal_entity",
        "country",
        "seller_accounts",
    ];
    history::record(conn, at, "platform", id, "created", fields(&set)).await?;
    let text = lines(&[p.name, p.legal_entity]);
    history::search_replace(conn, "platform", id, None, &text).await?;
    Ok(id)
}

/// Writes an incident, its status history (opened at `at`, then its status on `status_at`
/// when it is not `open`), its history rows and its search row.
pub async fn insert_incident(
    conn: &mut SqliteConnection,
    i: &NewIncident,
    at: &str,
    status_at: &str,
) -> Result<i64, StoreError> {
    let f = &i.facts;
    let tags = serde_json::to_string(&i.tags).map_err(|_| StoreError::decode())?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO incident (platform_id, category, measure, title, status, occurred_on,
             notified_on, took_effect_on, decision_on, complaint_sent_on, answer_received_on,
             referral_on, referral_decided_on, reasons_received, funds_held_cents,
             sales_lost_cents, fees_cents, amounts_note, decision_reference, description,
             wanted, tags, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(i.platform_id)
    .bind(&i.category)
    .bind(f.measure.map(Measure::code))
    .bind(&i.title)
    .bind(i.status.code())
    .bind(iso(i.occurred_on))
    .bind(iso(f.notified))
    .bind(iso(f.took_effect))
    .bind(iso(f.decision))
    .bind(iso(f.complaint_sent))
    .bind(iso(f.answer_received))
    .bind(iso(f.referral))
    .bind(iso(f.referral_decided))
    .bind(f.reasons_received)
    .bind(i.funds_held_cents)
    .bind(i.sales_lost_cents)
    .bind(i.fees_cents)
    .bind(&i.amounts_note)
    .bind(&i.decision_reference)
    .bind(&i.description)
    .bind(&i.wanted)
    .bind(tags)
    .bind(at)
    .bind(if i.status == Status::Open {
        at
    } else {
        status_at
    })
    .fetch_one(&mut *conn)
    .await?;
    let mut changes = vec![(Status::Open, at)];
    if i.status != Status::Open {
        changes.push((i.status, status_at));
    }
    for (status, when) in &changes {
        sqlx::query(
            "INSERT INTO incident_status (incident_id, status, changed_at) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(status.code())
        .bind(when)
        .execute(&mut *conn)
        .await?;
    }
    let mut set = vec!["platform_id", "category", "title"];
    set.extend(i.occurred_on.map(|_| "occurred_on"));
    set.extend(f.measure.map(|_| "measure"));
    set.extend((!i.description.is_empty()).then_some("description"));
    history::record(conn, at, "incident", id, "created", fields(&set)).await?;
    if i.status != Status::Open {
        history::record(
            conn,
            status_at,
            "incident",
            id,
            "updated",
            fields(&["status"]),
        )
        .await?;
    }
    history::search_replace(conn, "incident", id, Some(id), &i.search_text()).await?;
    Ok(id)
}

/// Writes an event of `incident_id`, its history row and its search row; returns its id.
pub async fn insert_event(
    conn: &mut SqliteConnection,
    incident_id: i64,
    e: &NewEvent,
    at: &str,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event (incident_id, happened_on, actor, channel, summary, full_text,
             created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(incident_id)
    .bind(iso(Some(e.happened_on)))
    .bind(e.actor)
    .bind(e.channel)
    .bind(&e.summary)
    .bind(&e.full_text)
    .bind(at)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let set = ["happened_on", "actor", "channel", "summary", "full_text"];
    history::record(conn, at, "event", id, "created", fields(&set)).await?;
    let text = lines(&[&e.summary, &e.full_text]);
    history::search_replace(conn, "event", id, Some(incident_id), &text).await?;
    Ok(id)
}

/// Writes a piece with the next number of its incident, linked to `event_ids`.
pub async fn insert_piece(
    conn: &mut SqliteConnection,
    incident_id: i64,
    p: &NewPiece,
    event_ids: &[i64],
    at: &str,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO piece (incident_id, content_id, number, title, dated_on, note, created_at)
         VALUES (?, ?, (SELECT coalesce(max(number), 0) + 1 FROM piece WHERE incident_id = ?),
                 ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(incident_id)
    .bind(p.content_id)
    .bind(incident_id)
    .bind(&p.title)
    .bind(iso(p.dated_on))
    .bind(&p.note)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    for event_id in event_ids {
        sqlx::query("INSERT INTO event_piece (event_id, piece_id) VALUES (?, ?)")
            .bind(event_id)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    history::record(
        conn,
        at,
        "piece",
        id,
        "created",
        fields(&["title", "content"]),
    )
    .await?;
    let text = lines(&[&p.title, &p.original_name, &p.note]);
    history::search_replace(conn, "piece", id, Some(incident_id), &text).await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_seeded() {
        let (mut a, mut b) = (Rng::new(1), Rng::new(1));
        assert_eq!(
            (0..5).map(|_| a.next_u64()).collect::<Vec<_>>(),
            (0..5).map(|_| b.next_u64()).collect::<Vec<_>>()
        );
        let mut r = Rng::new(3);
        for _ in 0..1000 {
            assert!((5..=9).contains(&r.range(5, 9)));
        }
        assert_eq!(*r.weighted(&[("only", 1)]), "only");
    }
}
