//! Vaults of any size for the benchmarks: eight marketplaces weighted by how often sellers
//! meet them, categories weighted by how often each trouble comes up, dates over three years,
//! statuses following the dates (old cases mostly closed), amounts mostly in hundreds of
//! euros, and texts drawn from [`words`](super::words) with their placeholders filled.

use carnet_core::categories::Catalogue;
use carnet_core::deadlines::{IncidentFacts, Measure};
use carnet_core::journal::incident::Status;
use chrono::{Days, NaiveDate};

use super::{
    NewEvent, NewIncident, NewPiece, NewPlatform, Rng, Scale, Summary, insert_event,
    insert_incident, insert_piece, insert_platform, instant, picture, words,
};
use crate::error::StoreError;
use crate::evidence;
use crate::vault::Vault;

/// The platforms of a generated vault, with their share of the incidents.
const PLATFORMS: &[(&str, &str, &str, u32)] = &[
    ("amazon", "Amazon", "Amazon EU S.à r.l.", 30),
    ("cdiscount", "Cdiscount", "Cdiscount SA", 18),
    ("manomano", "ManoMano", "Colibri SAS", 12),
    ("etsy", "Etsy", "Etsy Ireland UC", 10),
    ("ebay", "eBay", "eBay GmbH", 10),
    (
        "fnac-darty",
        "Fnac Darty",
        "Fnac Darty Participations et Services",
        8,
    ),
    ("rakuten", "Rakuten", "Rakuten France SAS", 7),
    ("leboncoin", "leboncoin", "LBC France SAS", 5),
];

/// How often each category comes up.
const CATEGORY_WEIGHTS: &[(&str, u32)] = &[
    ("ACC-01", 12),
    ("ACC-02", 8),
    ("ACC-03", 4),
    ("FIN-01", 8),
    ("FIN-02", 10),
    ("CGU-01", 5),
    ("CGU-02", 2),
    ("CGU-03", 2),
    ("VIS-01", 6),
    ("VIS-02", 2),
    ("SRV-01", 2),
    ("DAT-01", 1),
    ("PAR-01", 1),
    ("COM-01", 8),
    ("COM-02", 6),
    ("COM-03", 1),
    ("TEC-01", 5),
    ("CTF-01", 4),
    ("CTF-02", 4),
    ("CTF-03", 3),
    ("REV-01", 4),
    ("OTH-99", 2),
];

/// Fills `vault` (with no journal yet) with `scale` records over the three years up to
/// `today`: platforms first, then the evidence files, then everything else in one
/// transaction.
pub async fn fill(
    vault: &Vault,
    scale: Scale,
    seed: u64,
    today: NaiveDate,
) -> Result<Summary, StoreError> {
    let mut rng = Rng::new(seed);
    let mut contents = Vec::with_capacity(scale.pieces as usize);
    for n in 0..scale.pieces {
        let (title, stem, note) = *rng.pick(words::PIECES);
        let (bytes, name, media) = if n % 4 == 0 {
            let png = picture::notice(&mut rng, "COMPTE SUSPENDU", [35, 47, 62]);
            (png, format!("{stem}-{n}.png"), "image/png")
        } else {
            let text = email(&mut rng, today);
            (text.into_bytes(), format!("{stem}-{n}.txt"), "text/plain")
        };
        let added =
            evidence::add(vault, &bytes[..], None, &name, media, &instant(today, 9)).await?;
        contents.push((added.id, name, title, note));
    }

    let mut tx = crate::journal::begin(vault).await?;
    let catalogue = Catalogue::builtin();
    let mut platform_ids = Vec::new();
    for (catalogue_id, name, entity, weight) in PLATFORMS {
        let p = NewPlatform {
            catalogue_id: Some(catalogue_id),
            name,
            service: "marketplace",
            legal_entity: entity,
            country: "",
            seller_accounts: &[],
            relationship_start: today.checked_sub_days(Days::new(2000)),
            turnover_share_pct: None,
            complaint_channel: "",
            terms_version: "",
        };
        let at = instant(today - Days::new(1200), 8);
        platform_ids.push((insert_platform(&mut tx, &p, &at).await?, *weight));
    }

    let mut incidents = Vec::with_capacity(scale.incidents as usize);
    for _ in 0..scale.incidents {
        let platform_id = *rng.weighted(&platform_ids);
        let category = *rng.weighted(CATEGORY_WEIGHTS);
        let measures = catalogue
            .category(category)
            .map(|c| c.measures.clone())
            .unwrap_or_default();
        let i = incident(&mut rng, platform_id, category, &measures, today);
        let created = i.occurred_on.unwrap_or(today - Days::new(30));
        let status_day = i.facts.complaint_sent.unwrap_or(created).min(today);
        let id =
            insert_incident(&mut tx, &i, &instant(created, 10), &instant(status_day, 16)).await?;
        incidents.push((id, created));
    }

    let mut events_of: Vec<Vec<i64>> = vec![Vec::new(); incidents.len()];
    for _ in 0..scale.events {
        if incidents.is_empty() {
            break;
        }
        let k = rng.below(incidents.len() as u64) as usize;
        let (incident_id, start) = incidents[k];
        let e = event(&mut rng, start, today);
        let at = instant(e.happened_on, 11);
        events_of[k].push(insert_event(&mut tx, incident_id, &e, &at).await?);
    }

    for (content_id, name, title, note) in contents {
        if incidents.is_empty() {
            break;
        }
        let k = rng.below(incidents.len() as u64) as usize;
        let (incident_id, start) = incidents[k];
        let linked: Vec<i64> = events_of[k].first().copied().into_iter().collect();
        let p = NewPiece {
            content_id,
            original_name: name,
            title: title.to_owned(),
            dated_on: Some(start),
            note: note.to_owned(),
        };
        insert_piece(&mut tx, incident_id, &p, &linked, &instant(start, 12)).await?;
    }
    tx.commit().await?;
    Ok(Summary {
        platforms: platform_ids.len() as u32,
        incidents: scale.incidents,
        events: if incidents.is_empty() {
            0
        } else {
            scale.events
        },
        pieces: if incidents.is_empty() {
            0
        } else {
            scale.pieces
        },
    })
}

fn days_before(today: NaiveDate, n: i64) -> NaiveDate {
    today - Days::new(n.max(0) as u64)
}

fn after(d: NaiveDate, n: i64, today: NaiveDate) -> NaiveDate {
    (d + Days::new(n.max(0) as u64)).min(today)
}

/// Cents of a plausible amount: mostly hundreds of euros, sometimes thousands.
fn amount(rng: &mut Rng) -> i64 {
    let euros = match rng.below(10) {
        0..=5 => rng.range(40, 900),
        6..=8 => rng.range(900, 6_000),
        _ => rng.range(6_000, 40_000),
    };
    euros * 100 + rng.range(0, 99)
}

fn incident(
    rng: &mut Rng,
    platform_id: i64,
    category: &str,
    measures: &[Measure],
    today: NaiveDate,
) -> NewIncident {
    let occurred = days_before(today, rng.range(0, 3 * 365));
    let measure = measures.first().copied().filter(|_| rng.chance(0.8));
    let mut f = IncidentFacts {
        measure,
        ..IncidentFacts::default()
    };
    if measure.is_some() {
        let notified = after(occurred, rng.range(0, 2), today);
        f.notified = Some(notified);
        let notice = match measure {
            Some(Measure::TermsChange) => rng.range(3, 30),
            Some(Measure::Termination) => rng.range(0, 45),
            _ => rng.range(0, 2),
        };
        f.took_effect = Some(notified + Days::new(notice as u64));
        if measure != Some(Measure::TermsChange) {
            f.decision = Some(notified);
            f.reasons_received = if rng.chance(0.3) {
                None
            } else {
                Some(rng.chance(0.4))
            };
        }
    }
    if rng.chance(0.7) {
        let sent = after(occurred, rng.range(1, 20), today);
        f.complaint_sent = Some(sent);
        if rng.chance(0.6) {
            f.answer_received = Some(after(sent, rng.range(2, 60), today));
        }
        if rng.chance(0.08) {
            let referral = after(sent, rng.range(30, 90), today);
            f.referral = Some(referral);
            if rng.chance(0.5) {
                f.referral_decided = Some(after(referral, rng.range(20, 120), today));
            }
        }
    }
    let age = (today - occurred).num_days();
    let status = if f.referral.is_some() && f.referral_decided.is_none() {
        Status::Mediation
    } else if age > 120 && rng.chance(0.7) {
        *rng.weighted(&[
            (Status::Resolved, 6),
            (Status::Abandoned, 2),
            (Status::Reported, 1),
        ])
    } else if f.answer_received.is_some() {
        *rng.weighted(&[
            (Status::Resolved, 3),
            (Status::Open, 1),
            (Status::Reported, 1),
        ])
    } else if f.complaint_sent.is_some() {
        *rng.weighted(&[(Status::ComplaintSent, 2), (Status::AwaitingAnswer, 3)])
    } else {
        Status::Open
    };
    let group = &category[..3];
    let titles = words::TITLES
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, t)| *t)
        .unwrap_or(&["Incident"]);
    let template = *rng.pick(titles);
    let title = fill_in(rng, template, occurred);
    let n = rng.range(2, 5) as usize;
    let start = rng.below(words::DESCRIPTION.len() as u64) as usize;
    let description = (0..n)
        .map(|k| words::DESCRIPTION[(start + k * 3) % words::DESCRIPTION.len()])
        .map(|s| fill_in(rng, s, occurred))
        .collect::<Vec<_>>()
        .join(" ");
    let money = |rng: &mut Rng, p: f64| rng.chance(p).then(|| amount(rng));
    let (funds, sales, fees) = match group {
        "FIN" => (money(rng, 0.7), money(rng, 0.2), money(rng, 0.6)),
        "ACC" | "VIS" | "CTF" | "REV" => (money(rng, 0.4), money(rng, 0.8), None),
        _ => (None, money(rng, 0.3), money(rng, 0.1)),
    };
    let tags = (0..rng.below(3))
        .map(|_| rng.pick(words::TAGS).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let template = *rng.pick(words::WANTED);
    let wanted = fill_in(rng, template, occurred);
    NewIncident {
        platform_id,
        category: category.to_owned(),
        title,
        status,
        occurred_on: (!rng.chance(0.02)).then_some(occurred),
        facts: f,
        funds_held_cents: funds,
        sales_lost_cents: sales,
        fees_cents: fees,
        amounts_note: String::new(),
        decision_reference: if rng.chance(0.5) {
            case_reference(rng)
        } else {
            String::new()
        },
        description,
        wanted,
        tags,
    }
}

fn event(rng: &mut Rng, start: NaiveDate, today: NaiveDate) -> NewEvent {
    let (actor, channel, summary) = *rng.pick(words::EVENTS);
    let happened_on = after(start, rng.range(0, 120), today);
    let full_text = match channel {
        "email" | "portal_message" | "letter" => email(rng, happened_on),
        "phone" => fill_in(
            rng,
            "Appel de {days} minutes. Le conseiller dit ne pas voir le dossier {case}.",
            happened_on,
        ),
        _ => String::new(),
    };
    NewEvent {
        happened_on,
        actor,
        channel,
        summary: summary.to_owned(),
        full_text,
    }
}

/// An e-mail: a greeting, three to six sentences, a closing; `{date}`s around `day`.
fn email(rng: &mut Rng, day: NaiveDate) -> String {
    let mut out = vec![rng.pick(words::GREETINGS).to_string(), String::new()];
    for _ in 0..rng.range(3, 6) {
        out.push(rng.pick(words::BODY).to_string());
    }
    out.push(String::new());
    out.push(rng.pick(words::CLOSINGS).to_string());
    fill_in(rng, &out.join("\n"), day)
}

fn case_reference(rng: &mut Rng) -> String {
    format!("{:011}", rng.below(100_000_000_000))
}

/// Fills the placeholders of `template` (see [`words`]); `{date}` is around `day`.
fn fill_in(rng: &mut Rng, template: &str, day: NaiveDate) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let key = &rest[open + 1..open + close];
        match key {
            "product" => out.push_str(pick_str(rng, words::PRODUCTS)),
            "order" => out.push_str(&format!(
                "{:03}-{:07}-{:07}",
                rng.below(1000),
                rng.below(10_000_000),
                rng.below(10_000_000)
            )),
            "case" => out.push_str(&case_reference(rng)),
            "amount" => out.push_str(&euros(amount(rng))),
            "days" => out.push_str(&rng.range(2, 45).to_string()),
            "sku" => out.push_str(&format!("ASC-{:04}", rng.below(10_000))),
            "date" => out.push_str(&day.format("%d/%m/%Y").to_string()),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn pick_str(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items[rng.below(items.len() as u64) as usize]
}

/// Cents as the French write euros: `1 234,56 €` (narrow no-break spaces).
pub fn euros(cents: i64) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(c);
    }
    format!("{grouped},{:02}\u{A0}€", cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        let mut rng = Rng::new(7);
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        let s = fill_in(
            &mut rng,
            "Le {date}, {amount} pour {product} ({unknown}",
            day,
        );
        assert!(s.starts_with("Le 09/03/2026, "), "{s}");
        assert!(!s.contains('{') || s.ends_with("({unknown"), "{s}");
        assert_eq!(euros(123_456), "1\u{202F}234,56\u{A0}€");
        assert_eq!(euros(5), "0,05\u{A0}€");
    }
}
