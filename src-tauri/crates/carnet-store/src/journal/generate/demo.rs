//! The demo vault of `make demo`: a fictitious leather workshop of the Croix-Rousse in Lyon
//! (SARL, NAF 15.12Z, four people) that sells through Amazon, Cdiscount, ManoMano and Etsy,
//! and a year of its troubles with them, written as its manager would. The dates are counted
//! back from "today", so the deadline badges always show: a complaint window closing within
//! days, an out-of-court decision overdue, notices shorter than the law's, an answer awaited
//! for months. Its pieces are screenshots drawn in code, e-mails and notes, added as real
//! encrypted evidence.
//!
//! Everything here is made up: the company, its people, its numbers (its SIREN and SIRET
//! merely pass the Luhn check), the messages; the platforms' brands are real, their words are
//! not theirs.

use carnet_core::deadlines::{IncidentFacts, Measure};
use carnet_core::journal::incident::Status;
use carnet_core::{Siren, Siret};
use chrono::{Days, NaiveDate};

use super::picture::{Screen, screenshot};
use super::{
    NewEvent, NewIncident, NewPiece, NewPlatform, Summary, insert_event, insert_incident,
    insert_piece, insert_platform, instant,
};
use crate::error::StoreError;
use crate::evidence;
use crate::journal::history::{self, fields};
use crate::vault::Vault;
use scripts::scripts;

mod scripts;

/// The passphrase `make demo` gives the demo vault: strong enough for Carnet's own rule
/// (10 characters, hard to guess), printed on the terminal, so never a secret.
pub const DEMO_PASSPHRASE: &str = "Sellerie des Canuts, cuir tanné 1924 !";

const SIREN: &str = "837154020";
const SIRET: &str = "83715402000015";

/// The demo's platforms: catalogue id, name, legal entity, country, account, start, share,
/// complaint channel, terms, header colour of its screenshots.
struct Shop {
    catalogue_id: &'static str,
    name: &'static str,
    entity: &'static str,
    country: &'static str,
    account: &'static str,
    since: &'static str,
    share: i64,
    channel: &'static str,
    terms: &'static str,
    colour: [u8; 3],
}

const SHOPS: [Shop; 4] = [
    Shop {
        catalogue_id: "amazon",
        name: "Amazon",
        entity: "Amazon EU S.à r.l.",
        country: "LU",
        account: "A2CANUTS7LYON",
        since: "2019-03-04",
        share: 38,
        channel: "Seller Central › Aide › Nous contacter (dossiers numérotés)",
        terms: "Contrat Services Business Solutions, version en vigueur",
        colour: [35, 47, 62],
    },
    Shop {
        catalogue_id: "cdiscount",
        name: "Cdiscount",
        entity: "Cdiscount SA",
        country: "FR",
        account: "SELLER-118406",
        since: "2020-09-14",
        share: 14,
        channel: "Espace vendeur › Mes demandes",
        terms: "Conditions générales Marketplace",
        colour: [0, 85, 165],
    },
    Shop {
        catalogue_id: "manomano",
        name: "ManoMano",
        entity: "Colibri SAS",
        country: "FR",
        account: "cuir-des-canuts",
        since: "2021-04-01",
        share: 9,
        channel: "Toolbox › Support marchands",
        terms: "Conditions générales de vente aux marchands",
        colour: [0, 161, 154],
    },
    Shop {
        catalogue_id: "etsy",
        name: "Etsy",
        entity: "Etsy Ireland UC",
        country: "IE",
        account: "CuirDesCanuts",
        since: "2018-05-22",
        share: 22,
        channel: "Centre d'aide › Contacter l'assistance",
        terms: "Politique des vendeurs",
        colour: [241, 100, 30],
    },
];

const AMAZON: usize = 0;
const CDISCOUNT: usize = 1;
const MANOMANO: usize = 2;
const ETSY: usize = 3;

/// A piece of a scripted incident: a screenshot, or a text file.
enum Content {
    Screen {
        banner: &'static str,
        red: bool,
        lines: &'static [&'static str],
    },
    Text {
        name: &'static str,
        media_type: &'static str,
        body: &'static str,
    },
}

struct Piece {
    title: &'static str,
    note: &'static str,
    /// The event it supports (index in the incident's events).
    event: usize,
    content: Content,
}

/// An event: days before today, actor, channel, summary, full text.
type Ev = (u64, &'static str, &'static str, &'static str, &'static str);

/// Days before today for each date (`None`: unknown); negative days are in the future.
#[derive(Default, Clone, Copy)]
struct Dates {
    occurred: i64,
    notified: Option<i64>,
    took_effect: Option<i64>,
    decision: Option<i64>,
    complaint_sent: Option<i64>,
    answer_received: Option<i64>,
    referral: Option<i64>,
    referral_decided: Option<i64>,
}

struct Script {
    shop: usize,
    category: &'static str,
    measure: Option<Measure>,
    title: &'static str,
    status: Status,
    dates: Dates,
    reasons: Option<bool>,
    /// Euros: funds held, sales lost, fees.
    amounts: (Option<i64>, Option<i64>, Option<i64>),
    amounts_note: &'static str,
    reference: &'static str,
    description: &'static str,
    wanted: &'static str,
    tags: &'static [&'static str],
    events: &'static [Ev],
    pieces: &'static [Piece],
}

fn on(today: NaiveDate, days_ago: i64) -> NaiveDate {
    if days_ago >= 0 {
        today - Days::new(days_ago as u64)
    } else {
        today + Days::new(days_ago.unsigned_abs())
    }
}

/// Fills `vault` (with no journal yet) with the demo as of `today`.
pub async fn demo(vault: &Vault, today: NaiveDate) -> Result<Summary, StoreError> {
    let scripts = scripts();
    // The evidence first: each file is its own write (see `evidence::add`).
    let mut contents: Vec<Vec<(i64, String)>> = Vec::new();
    for s in &scripts {
        let mut added = Vec::new();
        for p in s.pieces {
            let at = instant(on(today, s.events[p.event].0 as i64), 18);
            let (bytes, name, media) = match &p.content {
                Content::Screen { banner, red, lines } => {
                    let shop = &SHOPS[s.shop];
                    let png = screenshot(&Screen {
                        portal: portal(shop.name),
                        header: shop.colour,
                        banner,
                        banner_colour: if *red { [196, 40, 40] } else { [214, 138, 0] },
                        lines,
                    });
                    let name = format!("capture-{}-{}.png", shop.catalogue_id, added.len() + 1);
                    (png, name, "image/png")
                }
                Content::Text {
                    name,
                    media_type,
                    body,
                } => (body.as_bytes().to_vec(), (*name).to_owned(), *media_type),
            };
            let e = evidence::add(vault, &bytes[..], None, &name, media, &at).await?;
            added.push((e.id, name));
        }
        contents.push(added);
    }

    let mut tx = crate::journal::begin(vault).await?;
    let created = instant(on(today, 400), 9);
    company(&mut tx, &created).await?;
    let mut shops = Vec::new();
    for shop in &SHOPS {
        let since = NaiveDate::parse_from_str(shop.since, "%Y-%m-%d").ok();
        let p = NewPlatform {
            catalogue_id: Some(shop.catalogue_id),
            name: shop.name,
            service: "marketplace",
            legal_entity: shop.entity,
            country: shop.country,
            seller_accounts: &[shop.account],
            relationship_start: since,
            turnover_share_pct: Some(shop.share),
            complaint_channel: shop.channel,
            terms_version: shop.terms,
        };
        shops.push(insert_platform(&mut tx, &p, &created).await?);
    }
    let mut summary = Summary {
        platforms: SHOPS.len() as u32,
        ..Summary::default()
    };
    for (s, added) in scripts.iter().zip(contents) {
        let d = s.dates;
        let day = |n: Option<i64>| n.map(|n| on(today, n));
        let cents = |e: Option<i64>| e.map(|e| e * 100);
        let incident = NewIncident {
            platform_id: shops[s.shop],
            category: s.category.to_owned(),
            title: s.title.to_owned(),
            status: s.status,
            occurred_on: Some(on(today, d.occurred)),
            facts: IncidentFacts {
                measure: s.measure,
                reasons_received: s.reasons,
                notified: day(d.notified),
                took_effect: day(d.took_effect),
                decision: day(d.decision),
                complaint_sent: day(d.complaint_sent),
                answer_received: day(d.answer_received),
                referral: day(d.referral),
                referral_decided: day(d.referral_decided),
            },
            funds_held_cents: cents(s.amounts.0),
            sales_lost_cents: cents(s.amounts.1),
            fees_cents: cents(s.amounts.2),
            amounts_note: s.amounts_note.to_owned(),
            decision_reference: s.reference.to_owned(),
            description: s.description.to_owned(),
            wanted: s.wanted.to_owned(),
            tags: s.tags.iter().map(|t| (*t).to_owned()).collect(),
        };
        let opened = instant(on(today, d.occurred), 10);
        let last = s
            .events
            .iter()
            .map(|e| e.0)
            .min()
            .unwrap_or(d.occurred as u64);
        let status_at = instant(on(today, last as i64), 17);
        let id = insert_incident(&mut tx, &incident, &opened, &status_at).await?;
        summary.incidents += 1;
        let mut event_ids = Vec::new();
        for (days, actor, channel, summary_text, text) in s.events {
            let e = NewEvent {
                happened_on: on(today, *days as i64),
                actor,
                channel,
                summary: (*summary_text).to_owned(),
                full_text: (*text).to_owned(),
            };
            let at = instant(e.happened_on, 18);
            event_ids.push(insert_event(&mut tx, id, &e, &at).await?);
            summary.events += 1;
        }
        for (p, (content_id, name)) in s.pieces.iter().zip(added) {
            let dated = on(today, s.events[p.event].0 as i64);
            let piece = NewPiece {
                content_id,
                original_name: name,
                title: p.title.to_owned(),
                dated_on: Some(dated),
                note: p.note.to_owned(),
            };
            let at = instant(dated, 19);
            insert_piece(&mut tx, id, &piece, &[event_ids[p.event]], &at).await?;
            summary.pieces += 1;
        }
    }
    tx.commit().await?;
    Ok(summary)
}

fn portal(name: &str) -> &'static str {
    match name {
        "Amazon" => "SELLER CENTRAL",
        "Cdiscount" => "ESPACE VENDEUR CDISCOUNT",
        "ManoMano" => "MANOMANO TOOLBOX",
        _ => "ETSY - GESTIONNAIRE DE BOUTIQUE",
    }
}

async fn company(conn: &mut sqlx::SqliteConnection, at: &str) -> Result<(), StoreError> {
    // The numbers pass the checks the company form applies.
    let siren = Siren::parse(SIREN).map_err(|_| StoreError::decode())?;
    let siret = Siret::parse(SIRET).map_err(|_| StoreError::decode())?;
    sqlx::query(
        "INSERT INTO company (id, legal_name, siren, siret, legal_form, naf, size_class,
             headcount, street, postcode, city, country, contact_name, contact_role,
             contact_email, contact_phone, insolvency, updated_at)
         VALUES (1, 'Atelier Cuir des Canuts', ?, ?, 'SARL', '15.12Z', 'micro', 4,
             '8 montée de la Grande-Côte', '69001', 'Lyon', 'FR', 'Camille Ferrandi', 'Gérante',
             'camille.ferrandi@example.org', '+33 6 39 98 41 27', 0, ?)",
    )
    .bind(siren.as_str())
    .bind(siret.as_str())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    let set = [
        "legal_name",
        "siren",
        "siret",
        "legal_form",
        "naf",
        "size_class",
        "headcount",
        "street",
        "postcode",
        "city",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
    ];
    history::record(conn, at, "company", 1, "created", fields(&set)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_passes_the_checks_of_the_forms() {
        assert!(Siren::parse(SIREN).is_ok());
        assert_eq!(Siret::parse(SIRET).unwrap().siren().as_str(), SIREN);
        assert!(carnet_core::passphrase::validate_new(DEMO_PASSPHRASE, DEMO_PASSPHRASE).is_ok());
        let catalogue = carnet_core::Catalogue::builtin();
        for s in scripts() {
            let category = catalogue.category(s.category).expect(s.category);
            assert!(
                s.measure.is_none_or(|m| category.measures.contains(&m)),
                "{}",
                s.title
            );
            assert!(s.title.chars().count() <= 200);
            for p in s.pieces {
                assert!(p.event < s.events.len(), "{}", p.title);
            }
        }
        for shop in SHOPS {
            assert!(
                carnet_core::Platforms::builtin()
                    .get(shop.catalogue_id)
                    .is_some()
            );
        }
    }
}
