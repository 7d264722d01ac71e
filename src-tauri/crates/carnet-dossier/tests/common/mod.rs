//! A realistic sample report, shared by the integration tests and the benchmark: a
//! fictitious leather-goods workshop in Lyon whose Amazon seller account was suspended,
//! 8 events and 5 pieces (a 1280×800 JPEG screenshot, an e-mail, a PNG screenshot, a PDF
//! statement listed only, a text). Everything, images included, is made here.

#![allow(dead_code)]

use std::collections::BTreeMap;

use carnet_core::journal::company::CompanyInput;
use carnet_core::journal::event::{Actor, Channel, Event, EventData};
use carnet_core::journal::incident::{Incident, IncidentInput, IncidentMeta, Status};
use carnet_core::journal::platform::PlatformInput;
use carnet_core::report::{
    Ask, AskKind, Declarations, Destination, IdentityChoice, Report, ReportIncident, ReportPiece,
    ReportPlatform, Step, StepKind, steps_from_incident,
};
use carnet_core::report::{CharterStatus, Ground, MediateurRequest, OutOfCourtBodyRef};
use carnet_core::{Locale, Platforms};
use chrono::{DateTime, NaiveDate};
use sha2::{Digest, Sha256};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Something that looks like a screenshot: a title bar, panels, lines of "text".
pub fn screenshot_pixels(w: u32, h: u32, seed: u32, channels: usize) -> Vec<u8> {
    let mut px = vec![0u8; (w * h) as usize * channels];
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) as usize) * channels;
            let (r, g, b) = if y < 48 {
                (35, 47, 62)
            } else if x < w / 5 {
                (242, 244, 247)
            } else if (y / 14) % 3 == 0 && (x + seed * 37) % 97 < 70 && y % 14 > 4 {
                (60, 64, 72)
            } else if (x / 40 + y / 40 + seed).is_multiple_of(11) {
                (255, 153, 0)
            } else {
                (
                    255 - ((x * 7 + seed) % 13) as u8,
                    255 - ((y * 5) % 11) as u8,
                    250,
                )
            };
            px[i] = r;
            px[i + 1] = g;
            px[i + 2] = b;
            if channels == 4 {
                px[i + 3] = 255;
            }
        }
    }
    px
}

pub fn jpeg(w: u16, h: u16, seed: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut out, 88);
    enc.encode(
        &screenshot_pixels(w.into(), h.into(), seed, 3),
        w,
        h,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

/// A window captured with its shadow, as macOS's screenshot tool saves one: opaque content
/// with rounded corners, in a margin of translucent black shadow.
pub fn window_capture(px: &mut [u8], w: u32, h: u32) {
    const MARGIN: u32 = 20;
    const RADIUS: u32 = 10;
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            let out = |v: u32, n: u32| {
                MARGIN
                    .saturating_sub(v)
                    .max((v + 1 + MARGIN).saturating_sub(n))
            };
            let outside = out(x, w).max(out(y, h));
            // How far into a corner's square, past the rounding's centre.
            let corner = |v: u32, n: u32| {
                (MARGIN + RADIUS)
                    .saturating_sub(v)
                    .max((v + 1 + MARGIN + RADIUS).saturating_sub(n))
            };
            let (cx, cy) = (corner(x, w), corner(y, h));
            let alpha = if outside > 0 {
                (MARGIN - outside) * 4
            } else if cx * cx + cy * cy > RADIUS * RADIUS {
                80
            } else {
                continue;
            };
            px[i..i + 4].copy_from_slice(&[0, 0, 0, alpha as u8]);
        }
    }
}

/// A PNG screenshot; with `alpha`, RGBA, and one in ten of those (seeds 13, 33, 53…) a
/// window capture with transparent corners and shadow, the others opaque.
pub fn png(w: u32, h: u32, seed: u32, alpha: bool) -> Vec<u8> {
    let channels = if alpha { 4 } else { 3 };
    let mut px = screenshot_pixels(w, h, seed, channels);
    if alpha && seed % 20 == 13 {
        window_capture(&mut px, w, h);
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(if alpha {
        png::ColorType::Rgba
    } else {
        png::ColorType::Rgb
    });
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&px).unwrap();
    out
}

pub const EMAIL: &str = "From: Amazon Seller Performance <seller-performance@amazon.fr>\r\n\
To: Maroquinerie Bellecour <contact@maroquinerie-bellecour.example>\r\n\
Subject: Votre compte vendeur a été désactivé\r\n\
Date: Tue, 15 Sep 2026 08:12:44 +0200\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: 8bit\r\n\
\r\n\
Bonjour,\r\n\
\r\n\
Nous avons désactivé votre compte vendeur en raison d'une activité suspecte.\r\n\
Vos fonds seront retenus pendant que nous examinons votre compte.\r\n\
\r\n\
Pour faire appel de cette décision, soumettez un plan d'action depuis Seller Central.\r\n\
\r\n\
Cordialement,\r\nL'équipe Performance vendeur\r\n";

pub const ACTION_PLAN: &str = "Plan d'action — Maroquinerie Bellecour\n\n\
1. Cause : nous ne connaissons pas le motif exact de la désactivation ; aucune réclamation client n'est ouverte.\n\
2. Mesures prises : vérification de nos 214 commandes des 90 derniers jours ; factures fournisseurs jointes.\n\
3. Prévention : contrôle qualité renforcé, délais d'expédition < 48 h.\n\n\
Nous demandons la réactivation du compte et le versement des 18 450,00 € retenus.\n";

/// The pieces' bytes, by piece id.
pub struct Sample {
    pub report: Report,
    pub bytes: BTreeMap<i64, Vec<u8>>,
    pub jpeg: Vec<u8>,
    pub png: Vec<u8>,
}

fn piece(
    id: i64,
    number: u32,
    title: &str,
    name: &str,
    media_type: &str,
    bytes: &[u8],
    dated: NaiveDate,
) -> ReportPiece {
    ReportPiece {
        id,
        incident_id: 11,
        number,
        title: title.into(),
        dated_on: Some(dated),
        note: String::new(),
        original_name: name.into(),
        media_type: media_type.into(),
        size: bytes.len() as u64,
        sha256: sha(bytes),
        event_ids: vec![],
        proof: Default::default(),
    }
}

fn event(
    id: i64,
    on: NaiveDate,
    actor: Actor,
    channel: Channel,
    summary: &str,
    pieces: &[i64],
) -> Event {
    Event {
        id,
        data: EventData {
            incident_id: 11,
            happened_on: on,
            actor,
            channel,
            summary: summary.into(),
            full_text: String::new(),
            piece_ids: pieces.to_vec(),
            decision: None,
        },
        created_at: String::new(),
        updated_at: String::new(),
    }
}

pub fn sample(destination: Destination, locale: Locale) -> Sample {
    let generated_at = DateTime::parse_from_rfc3339("2026-11-26T10:30:00+01:00").unwrap();
    let today = generated_at.date_naive();
    let company = CompanyInput {
        legal_name: "Maroquinerie Bellecour SARL".into(),
        siret: "89451237500011".into(),
        legal_form: "SARL".into(),
        naf: "15.12Z".into(),
        size_class: "micro".into(),
        headcount: "6".into(),
        street: "12 rue de la République".into(),
        postcode: "69002".into(),
        city: "Lyon".into(),
        country: "FR".into(),
        contact_name: "Élodie Garnier".into(),
        contact_role: "gérante".into(),
        contact_email: "elodie.garnier@example.fr".into(),
        contact_phone: "06 12 34 56 78".into(),
        insolvency: false,
        ..CompanyInput::default()
    }
    .check()
    .unwrap();
    let details = PlatformInput {
        catalogue_id: "amazon".into(),
        legal_entity: "Amazon Services Europe S.à r.l.".into(),
        address: "38 avenue John F. Kennedy, L-1855 Luxembourg".into(),
        country: "LU".into(),
        seller_accounts: vec!["A2B3C4D5E6F7G8".into()],
        relationship_start: "2019-04-01".into(),
        turnover_share: "62".into(),
        complaint_channel: "Seller Central > Performance du compte > Réactiver votre compte".into(),
        mediators: vec!["Centre for Effective Dispute Resolution (CEDR)".into()],
        terms_version: "Contrat Amazon Services Business Solutions, version du 1er août 2025"
            .into(),
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), today)
    .unwrap();
    let platform = ReportPlatform {
        charter: CharterStatus::Joined2020,
        vlop: Some(true),
        gatekeeper: Some(true),
        out_of_court_bodies: vec![OutOfCourtBodyRef {
            name: "ADR Center".into(),
            country: "IT".into(),
            fee_rule: match locale {
                Locale::Fr => "gratuit pour le destinataire depuis le 1er septembre 2025".into(),
                Locale::En => "free for the recipient since 1 September 2025".into(),
            },
        }],
        ..ReportPlatform::new(3, details)
    };
    let (_, data) = IncidentInput {
        platform_id: 3,
        category: "ACC-02".into(),
        measure: Some("suspension".into()),
        title: "Suspension du compte vendeur sans préavis ni motif précis".into(),
        occurred_on: Some("2026-09-15".into()),
        notified_on: Some("2026-09-15".into()),
        took_effect_on: Some("2026-09-15".into()),
        decision_on: Some("2026-09-15".into()),
        complaint_sent_on: Some("2026-09-18".into()),
        answer_received_on: Some("2026-10-02".into()),
        reasons_received: Some("no".into()),
        funds_held: Some("18 450,00".into()),
        sales_lost: Some("23 700,00".into()),
        amounts_note: Some("Fonds : solde bloqué au 15 septembre, d'après le relevé de paiement (P04). Ventes perdues : moyenne des ventes de juillet et août 2026 (11 850 € par mois) × 2 mois.".into()),
        decision_reference: Some("CASE-20260915-4471".into()),
        description: Some("Le 15 septembre 2026, Amazon a désactivé notre compte vendeur « Maroquinerie Bellecour » sans préavis, au motif d'une « activité suspecte » : aucun fait précis n'a été indiqué. Nos 38 offres ont disparu du site ; les fonds du compte sont retenus. Que nous reproche-t-on ? Nous l'ignorons toujours.".into()),
        wanted: Some("Le rétablissement du compte et de nos offres ; un exposé précis des motifs ; le versement des fonds retenus.".into()),
        ..IncidentInput::default()
    }
    .validate(today, Locale::Fr)
    .unwrap();
    let incident = Incident::new(
        IncidentMeta {
            id: 11,
            platform_name: "Amazon".into(),
            status: Status::AwaitingAnswer,
            created_at: String::new(),
            updated_at: String::new(),
            deleted_at: None,
            piece_count: 5,
        },
        data,
        today,
    );

    let jpeg = jpeg(1280, 800, 1);
    let png = png(1024, 640, 2, false);
    let statement =
        b"%PDF-1.4\n% releve de paiement (exemple)\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
            .to_vec();
    let pieces = vec![
        piece(
            101,
            1,
            "Notification de désactivation (capture d'écran)",
            "desactivation-2026-09-15.jpg",
            "image/jpeg",
            &jpeg,
            d(2026, 9, 15),
        ),
        piece(
            102,
            2,
            "Courriel « Votre compte vendeur a été désactivé »",
            "Votre compte vendeur a été désactivé.eml",
            "message/rfc822",
            EMAIL.as_bytes(),
            d(2026, 9, 15),
        ),
        piece(
            103,
            3,
            "Santé du compte : aucune réclamation client",
            "sante-du-compte.png",
            "image/png",
            &png,
            d(2026, 9, 15),
        ),
        piece(
            104,
            4,
            "Relevé de paiement de septembre 2026",
            "releve-septembre-2026.pdf",
            "application/pdf",
            &statement,
            d(2026, 9, 30),
        ),
        piece(
            105,
            5,
            "Plan d'action envoyé à Amazon",
            "plan-d-action.txt",
            "text/plain",
            ACTION_PLAN.as_bytes(),
            d(2026, 9, 18),
        ),
    ];
    let mut bytes = BTreeMap::new();
    bytes.insert(101, jpeg.clone());
    bytes.insert(102, EMAIL.as_bytes().to_vec());
    bytes.insert(103, png.clone());
    bytes.insert(104, statement);
    bytes.insert(105, ACTION_PLAN.as_bytes().to_vec());

    use Actor::*;
    use Channel::*;
    let events = vec![
        event(
            201,
            d(2026, 9, 15),
            Platform,
            Notification,
            "Notification « Votre compte vendeur a été désactivé » : motif invoqué « activité suspecte », sans autre précision ; fonds retenus.",
            &[101, 102],
        ),
        event(
            202,
            d(2026, 9, 15),
            Us,
            PortalMessage,
            "Vérification de la santé du compte : aucune réclamation client, taux de défaut de commande 0,2 %.",
            &[103],
        ),
        event(
            203,
            d(2026, 9, 16),
            Us,
            Phone,
            "Appel au support vendeur (ticket 987654) : aucune explication, renvoi vers le formulaire de réactivation.",
            &[],
        ),
        event(
            204,
            d(2026, 9, 18),
            Us,
            PortalMessage,
            "Plan d'action et réclamation déposés dans Seller Central ; demande des motifs précis.",
            &[105],
        ),
        event(
            205,
            d(2026, 9, 22),
            Platform,
            Email,
            "Accusé de réception automatique : « nous examinons votre demande ».",
            &[],
        ),
        event(
            206,
            d(2026, 9, 30),
            Us,
            Email,
            "Relance écrite : demande d'un exposé des motifs (P2B, art. 4) et du versement des 18 450,00 € retenus.",
            &[104],
        ),
        event(
            207,
            d(2026, 10, 2),
            Platform,
            Email,
            "Refus de réactivation, sans motif précis ; les fonds restent retenus 90 jours.",
            &[],
        ),
        event(
            208,
            d(2026, 10, 20),
            Authority,
            Letter,
            "Signalement déposé auprès de la DGCCRF (référence 2026-LYO-0412).",
            &[],
        ),
    ];
    let mut events = events;
    events[2].data.full_text = "Appel de 14 h 05 à 14 h 31. L'agent indique ne pas avoir accès au motif de la désactivation et nous invite à soumettre un plan d'action. Aucun numéro de dossier supplémentaire n'est donné.".into();
    let mut steps = steps_from_incident(&incident.data);
    steps[1].outcome = "Refus de réactivation, sans motif précis.".into();
    steps.push(Step {
        kind: StepKind::AuthorityReport,
        date: Some(d(2026, 10, 20)),
        reference: "2026-LYO-0412".into(),
        outcome: "En cours d'instruction.".into(),
    });
    let summary = match locale {
        Locale::Fr => {
            "Le 15 septembre 2026, Amazon a désactivé sans préavis le compte vendeur de Maroquinerie Bellecour (62 % de son chiffre d'affaires), pour une « activité suspecte » jamais précisée. 18 450 € sont retenus ; notre réclamation a été rejetée sans motif le 2 octobre. Nous demandons une médiation : réactivation, motifs, versement des fonds."
        }
        Locale::En => {
            "On 15 September 2026 Amazon deactivated the seller account of Maroquinerie Bellecour (62% of its turnover) without notice, for an unspecified “suspicious activity”. €18,450 is held; our complaint was rejected without reasons on 2 October. We ask for mediation: reinstatement, reasons, release of the funds."
        }
    };
    let report = Report {
        destination,
        locale,
        generated_at,
        number: "2026-0007".into(),
        title: match locale {
            Locale::Fr => "Suspension du compte vendeur Amazon".into(),
            Locale::En => "Suspension of the Amazon seller account".into(),
        },
        summary: summary.into(),
        company,
        platforms: vec![platform],
        incidents: vec![ReportIncident::new(&incident, events, today)],
        pieces,
        steps,
        asks: vec![
            Ask {
                kind: AskKind::Reinstatement,
                detail: String::new(),
            },
            Ask {
                kind: AskKind::StatementOfReasons,
                detail: "au sens de l'article 4 du règlement P2B".into(),
            },
            Ask {
                kind: AskKind::ReleaseOfFunds,
                detail: carnet_core::format::euros(1_845_000, locale),
            },
            Ask {
                kind: AskKind::Mediation,
                detail: String::new(),
            },
        ],
        ip_rights: vec![],
        listings: vec![],
        declarations: Declarations {
            accuracy: true,
            confidentiality: true,
            good_faith: false,
            identity: Some(IdentityChoice::Withhold),
            signatory: "Élodie Garnier, gérante".into(),
            place: "Lyon".into(),
        },
        mediateur_request: Some(MediateurRequest::Saisine),
        framework: match locale {
            Locale::Fr => "Litige avec une plateforme de vente en ligne".into(),
            Locale::En => "Dispute with an online marketplace".into(),
        },
        handled_so_far: match locale {
            Locale::Fr => "Réclamation dans Seller Central le 18 septembre, relance écrite le 30 septembre, refus sans motif le 2 octobre.".into(),
            Locale::En => "Complaint in Seller Central on 18 September, written reminder on 30 September, refusal without reasons on 2 October.".into(),
        },
        dsa_provisions: vec!["DSA 17".into(), "DSA 20".into()],
        mediator: "Centre for Effective Dispute Resolution (CEDR)".into(),
        grounds: vec![
            Ground {
                incident_id: None,
                article: "DSA 17(3)(b)".into(),
                fr: "La décision n’indique pas les faits et circonstances sur lesquels elle repose".into(),
                en: "The decision does not state the facts and circumstances it rests on".into(),
            },
            Ground {
                incident_id: None,
                article: "DSA 17(3)(e)".into(),
                fr: "La décision ne cite pas la clause des conditions qui la fonde".into(),
                en: "The decision does not cite the clause of the terms it rests on".into(),
            },
        ],
    };
    Sample {
        report,
        bytes,
        jpeg,
        png,
    }
}

/// A large dossier for the benchmark: the sample's company and platform, `incidents`
/// incidents of `events` events each, `screenshots` 1280×800 screenshots (half JPEG, half
/// PNG, RGBA or RGB) and `texts` long text pieces.
pub fn big_sample(
    incidents: usize,
    events: usize,
    screenshots: usize,
    texts: usize,
    rgba: bool,
) -> Sample {
    let base = sample(Destination::DgeForm, Locale::Fr);
    let mut report = base.report.clone();
    let template = report.incidents[0].clone();
    let mut bytes = BTreeMap::new();
    report.pieces.clear();
    report.incidents.clear();
    let mut piece_id = 1000;
    let mut event_id = 5000;
    let mut number = 0;
    let text: String = ACTION_PLAN.repeat(12);
    for i in 0..incidents {
        let mut incident = template.clone();
        incident.id = 100 + i as i64;
        incident.data.title = format!(
            "Incident {} : retenue de paiements et déréférencement d'offres",
            i + 1
        );
        incident.events.clear();
        // This incident's pieces.
        let mut mine = Vec::new();
        let shots = screenshots / incidents + usize::from(i < screenshots % incidents);
        let docs = texts / incidents + usize::from(i < texts % incidents);
        for s in 0..shots + docs {
            piece_id += 1;
            number += 1;
            let (name, media, data) = if s >= shots {
                ("notes.txt", "text/plain", text.clone().into_bytes())
            } else if (number % 2) == 0 {
                ("capture.jpg", "image/jpeg", jpeg(1280, 800, number))
            } else {
                ("capture.png", "image/png", png(1280, 800, number, rgba))
            };
            let mut p = piece(
                piece_id,
                number,
                &format!("Capture d'écran n° {number}"),
                name,
                media,
                &data,
                d(2026, 9, 15),
            );
            p.incident_id = incident.id;
            bytes.insert(piece_id, data);
            mine.push(piece_id);
            report.pieces.push(p);
        }
        for e in 0..events {
            event_id += 1;
            let cited: Vec<i64> = mine
                .iter()
                .copied()
                .skip(e % 3)
                .step_by(7)
                .take(2)
                .collect();
            incident.events.push(event(
                event_id,
                d(2026, 9, 1) + chrono::Days::new((e % 60) as u64),
                if e % 2 == 0 { Actor::Platform } else { Actor::Us },
                Channel::Email,
                &format!("Échange n° {} : la plateforme maintient la retenue de 1 234,56 € ; « nous examinons votre dossier » ; aucune date n'est donnée.", e + 1),
                &cited,
            ));
        }
        report.incidents.push(incident);
    }
    report.steps.truncate(2);
    Sample {
        report,
        bytes,
        jpeg: base.jpeg,
        png: base.png,
    }
}
