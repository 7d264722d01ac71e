//! The route guide on the journal: every route of one incident with what its dossier still
//! lacks, and the dashboard's routes whose clock closes soon, over the open incidents. The
//! rules are carnet-core's (`routes`); this module only gathers what they read.

use carnet_core::dossier::DossierDraft;
use carnet_core::locale::Locale;
use carnet_core::platforms::Platforms;
use carnet_core::report::Destination;
use carnet_core::routes::{self, ClosingRoute, Route, RouteInput};
use chrono::{Months, NaiveDate};

use super::barometer::facts;
use super::dossiers;
use crate::error::StoreError;
use crate::vault::Vault;

/// Every route of incident `id` as of `today`, in the suggested order, each with what the
/// journal still lacks for its dossier. `NotFound` for an incident in the trash or unknown.
pub async fn for_incident(
    vault: &Vault,
    id: i64,
    today: NaiveDate,
) -> Result<Vec<Route>, StoreError> {
    let draft = DossierDraft::blank(Destination::PlatformComplaint, Locale::Fr, vec![id]);
    let gathered = dossiers::gather(vault, &draft, today).await?;
    let incident = gathered.incidents.first().ok_or(StoreError::NotFound)?;
    let recorded = gathered.platforms.first().map(|p| &p.details);
    let entry = recorded
        .and_then(|d| d.catalogue_id.as_deref())
        .and_then(|c| Platforms::builtin().get(c));
    let input = routes::input_for(
        &incident.data,
        gathered.company.as_ref(),
        entry,
        recorded,
        incident.grounds(),
    );
    let mut out = routes::guide(&input, today);
    routes::fill_gaps(&mut out, id, &gathered.parties(), today);
    Ok(out)
}

/// The routes of open incidents whose clock closes within `days` of `today`, soonest first.
/// Only incidents whose decision came in the last eight months, or with a referral still
/// waiting for its decision, can have such a clock: the others are not read.
pub async fn closing(
    vault: &Vault,
    today: NaiveDate,
    days: i64,
) -> Result<Vec<ClosingRoute>, StoreError> {
    let since = today
        .checked_sub_months(Months::new(8))
        .map(|d| d.format("%Y-%m-%d").to_string());
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(i.id, i.title, p.name, p.catalogue_id,
             p.small_enterprise, i.category, i.measure, json_array(i.notified_on, i.took_effect_on, i.decision_on,
                 i.complaint_sent_on, i.answer_received_on, i.referral_on, i.referral_decided_on)))
         FROM incident i JOIN platform p ON p.id = i.platform_id
         WHERE i.deleted_at IS NULL AND i.status NOT IN ('resolved', 'abandoned')
           AND (i.decision_on >= ?1 OR i.notified_on >= ?1
                OR (i.referral_on IS NOT NULL AND i.referral_decided_on IS NULL))",
    )
    .bind(since)
    .fetch_one(vault.pool())
    .await?;
    /// id, title, platform name, catalogue id, small enterprise, category, measure, the seven
    /// dates of `facts`.
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        i64,
        String,
        Option<String>,
        [Option<String>; 7],
    );
    let rows: Vec<Row> = serde_json::from_str(&json).map_err(|_| StoreError::VaultCorrupted)?;
    let mut out = Vec::new();
    for (incident_id, title, platform_name, catalogue_id, small, category, measure, dates) in rows {
        let f = facts(measure, None, &dates)?;
        let input = RouteInput {
            measure: f.measure,
            informed: f.notified,
            decision: f.decision,
            referral: f.referral,
            referral_decided: f.referral_decided,
            counterfeit: category.starts_with("CTF-"),
            small_platform: small != 0,
            platform: catalogue_id
                .as_deref()
                .and_then(|c| Platforms::builtin().get(c)),
            ..RouteInput::default()
        };
        let all = routes::guide(&input, today);
        for r in routes::closing_within(&all, days) {
            if let Some(clock) = r.clock.clone() {
                out.push(ClosingRoute {
                    incident_id,
                    title: title.clone(),
                    platform_name: platform_name.clone(),
                    kind: r.kind,
                    clock,
                });
            }
        }
    }
    out.sort_by_key(|r| (r.clock.days_left, r.incident_id));
    Ok(out)
}
