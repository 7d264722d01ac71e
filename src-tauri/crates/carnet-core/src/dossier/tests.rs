use proptest::prelude::*;

use chrono::{DateTime, NaiveDate};

use super::contact::GENERIC_MAILBOXES;
use super::*;
use crate::journal::company::{CompanyInput, CompanyProfile};
use crate::journal::incident::{Incident, IncidentInput, IncidentMeta, Status};
use crate::journal::platform::PlatformInput;
use crate::report::{Destination, IdentityChoice, ReportIncident, ReportPiece, ReportPlatform};
use crate::{CoreError, Field, Locale, Platforms};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 26);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn input(destination: &str) -> DossierInput {
    DossierInput {
        destination: destination.into(),
        locale: "fr".into(),
        incident_ids: vec![3],
        title: "Compte suspendu".into(),
        summary: "Le compte a été suspendu sans motif.".into(),
        asks: vec![AskInput {
            kind: "reinstatement".into(),
            detail: String::new(),
        }],
        ip_rights: vec![IpRightInput {
            kind: "trademark".into(),
            title: "CUIRS DE LYON".into(),
            number: "4567890".into(),
            office: "INPI".into(),
        }],
        listings: vec![
            "https://www.amazon.fr/dp/B08N5WRWNW".into(),
            "b08n5wrwnx".into(),
        ],
        declarations: DeclarationsInput {
            accuracy: true,
            confidentiality: true,
            good_faith: true,
            identity: Some("withhold".into()),
            signatory: "Claire Martin, gérante".into(),
            place: "Lyon".into(),
        },
        mediateur_request: "saisine".into(),
        framework: "Litige avec une plateforme en ligne".into(),
        handled_so_far: "Réclamation interne rejetée sans motif.".into(),
        dsa_provisions: vec!["DSA 17".into(), "DSA 20".into()],
        mediator: "CEDR".into(),
    }
}

/// A company with everything any destination asks for.
fn company() -> CompanyProfile {
    CompanyInput {
        legal_name: "Atelier du Cuir".into(),
        siret: "73282932000074".into(),
        naf: "15.12Z".into(),
        size_class: "micro".into(),
        headcount: "6".into(),
        street: "3 rue de la Soie".into(),
        postcode: "69001".into(),
        city: "Lyon".into(),
        contact_name: "Claire Martin".into(),
        contact_email: "claire@example.org".into(),
        contact_phone: "06 12 34 56 78".into(),
        ..CompanyInput::default()
    }
    .check()
    .unwrap()
}

fn platform() -> ReportPlatform {
    let details = PlatformInput {
        catalogue_id: "amazon".into(),
        legal_entity: "Amazon Online France SAS".into(),
        country: "FR".into(),
        siret: "73282932000074".into(),
        seller_accounts: vec!["A1B2C3".into()],
        mediators: vec!["CEDR".into()],
        address: "1 rue de la Plateforme, 75002 Paris".into(),
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), today())
    .unwrap();
    ReportPlatform::new(7, details)
}

fn incident() -> ReportIncident {
    let (_, data) = IncidentInput {
        platform_id: 7,
        category: "ACC-02".into(),
        title: "Compte suspendu".into(),
        decision_on: Some("2026-03-02".into()),
        complaint_sent_on: Some("2026-03-05".into()),
        answer_received_on: Some("2026-03-20".into()),
        decision_reference: Some("CASE-42".into()),
        ..IncidentInput::default()
    }
    .validate(today(), Locale::Fr)
    .unwrap();
    let meta = IncidentMeta {
        id: 3,
        platform_name: "Amazon".into(),
        status: Status::Open,
        created_at: String::new(),
        updated_at: String::new(),
        deleted_at: None,
        piece_count: 0,
    };
    ReportIncident::new(&Incident::new(meta, data, today()), vec![], today())
}

fn codes(
    draft: &DossierDraft,
    company: Option<&CompanyProfile>,
    p: &[ReportPlatform],
    i: &[ReportIncident],
) -> Vec<(MissingCode, bool)> {
    let parties = Parties {
        company,
        platforms: p,
        incidents: i,
        pieces: &[],
    };
    missing(draft, &parties, today())
        .into_iter()
        .map(|m| (m.code, m.blocking))
        .collect()
}

#[test]
fn a_full_dossier_misses_nothing_for_any_destination() {
    for dest in Destination::ALL {
        let draft = input(dest.code()).check().unwrap();
        let got = codes(&draft, Some(&company()), &[platform()], &[incident()]);
        assert_eq!(got, vec![], "{dest:?}");
    }
}

#[test]
fn an_empty_draft_lists_what_each_destination_requires() {
    use MissingCode as M;
    let bare = |dest: Destination| DossierInput {
        destination: dest.code().into(),
        locale: "en".into(),
        ..DossierInput::default()
    };
    let common_blocking = [
        M::NoIncidents,
        M::Title,
        M::AccuracyDeclaration,
        M::Signatory,
        M::CompanyProfile,
    ];
    // Destination → every code expected (blocking, advised), with no company, no incident.
    let table: [(Destination, &[(MissingCode, bool)]); 7] = [
        (
            Destination::DgeForm,
            &[(M::Summary, true), (M::IdentityChoice, true)],
        ),
        (
            Destination::Mediateur,
            &[
                (M::Summary, false),
                (M::Asks, true),
                (M::MediateurRequest, true),
                (M::ConfidentialityUndertaking, true),
                (M::IdentityChoice, false),
            ],
        ),
        (
            Destination::Arcom,
            &[
                (M::Summary, false),
                (M::Asks, true),
                (M::DsaProvisions, true),
                (M::IdentityChoice, false),
            ],
        ),
        (
            Destination::P2bMediator,
            &[
                (M::Summary, false),
                (M::Asks, true),
                (M::Mediator, true),
                (M::IdentityChoice, false),
            ],
        ),
        (
            Destination::PlatformComplaint,
            &[(M::Summary, false), (M::Asks, true)],
        ),
        (
            Destination::OutOfCourtBody,
            &[
                (M::Summary, false),
                (M::Asks, true),
                (M::IdentityChoice, false),
            ],
        ),
        (
            Destination::CounterfeitNotice,
            &[
                (M::Summary, false),
                (M::Asks, true),
                (M::Listings, true),
                (M::IpRight, true),
                (M::GoodFaithStatement, true),
            ],
        ),
    ];
    for (dest, specific) in table {
        let draft = bare(dest).check().unwrap();
        let mut got = codes(&draft, None, &[], &[]);
        let mut want: Vec<(MissingCode, bool)> =
            common_blocking.iter().map(|c| (*c, true)).collect();
        want.extend_from_slice(specific);
        got.sort();
        want.sort();
        assert_eq!(got, want, "{dest:?}");
    }
}

#[test]
fn company_platform_and_incident_gaps_per_destination() {
    use MissingCode as M;
    let empty_company = CompanyInput {
        legal_name: "Atelier".into(),
        insolvency: true,
        ..CompanyInput::default()
    }
    .check()
    .unwrap();
    let mut bare_platform = platform();
    bare_platform.details.legal_entity.clear();
    bare_platform.details.siret = None;
    bare_platform.details.country.clear();
    bare_platform.details.seller_accounts.clear();
    bare_platform.details.address.clear();
    let mut bare_incident = incident();
    bare_incident.data.decision_reference.clear();
    bare_incident.data.dates = Default::default();
    let table: [(Destination, &[(MissingCode, bool)]); 7] = [
        (
            Destination::DgeForm,
            &[
                (M::CompanySiret, true),
                (M::CompanyContactEmail, true),
                (M::CompanyNaf, false),
                (M::CompanySizeClass, false),
            ],
        ),
        (
            Destination::Mediateur,
            &[
                (M::CompanySiret, true),
                (M::CompanyAddress, true),
                (M::CompanyContactName, true),
                (M::CompanyContactEmail, true),
                (M::CompanyContactPhone, true),
                (M::CompanyInsolvency, true),
                (M::PlatformLegalEntity, true),
                (M::PlatformAddress, true),
                (M::PlatformSiret, true),
                (M::PriorSteps, false),
                (M::CompanyHeadcount, true),
            ],
        ),
        (
            Destination::Arcom,
            &[(M::FactsDates, true), (M::PriorSteps, false)],
        ),
        (
            Destination::P2bMediator,
            &[
                (M::PlatformLegalEntity, true),
                (M::PlatformAddress, false),
                (M::PriorSteps, false),
            ],
        ),
        (
            Destination::PlatformComplaint,
            &[
                (M::PlatformSellerAccount, true),
                (M::DecisionReference, true),
                (M::DecisionDate, true),
            ],
        ),
        (
            Destination::OutOfCourtBody,
            &[(M::DecisionDate, true), (M::DecisionReference, false)],
        ),
        (
            Destination::CounterfeitNotice,
            &[
                (M::CompanyContactName, true),
                (M::CompanyContactEmail, true),
            ],
        ),
    ];
    for (dest, want) in table {
        let draft = input(dest.code()).check().unwrap();
        let mut got = codes(
            &draft,
            Some(&empty_company),
            &[bare_platform.clone()],
            &[bare_incident.clone()],
        );
        let mut want = want.to_vec();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{dest:?}");
    }
}

#[test]
fn where_to_fix_names_the_record_and_the_input() {
    let mut p = platform();
    p.details.legal_entity.clear();
    let mut draft = input("mediateur").check().unwrap();
    draft.incident_ids.push(99);
    let parties = Parties {
        company: Some(&company()),
        platforms: &[p],
        incidents: &[incident()],
        pieces: &[],
    };
    let got = missing(&draft, &parties, today());
    assert_eq!(
        got,
        vec![
            Missing {
                code: MissingCode::IncidentUnavailable,
                blocking: true,
                at: FixAt::Draft {
                    field: "incidentIds".into(),
                    index: Some(1)
                }
            },
            Missing {
                code: MissingCode::PlatformLegalEntity,
                blocking: true,
                at: FixAt::Platform {
                    platform_id: 7,
                    field: "legalEntity".into()
                }
            },
        ]
    );
}

#[test]
fn a_foreign_platform_needs_no_siret_and_an_unknown_country_does() {
    let draft = input("mediateur").check().unwrap();
    let mut p = platform();
    p.details.siret = None;
    p.details.country = "LU".into();
    assert_eq!(
        codes(&draft, Some(&company()), &[p.clone()], &[incident()]),
        vec![]
    );
    p.details.country.clear();
    assert_eq!(
        codes(&draft, Some(&company()), &[p], &[incident()]),
        vec![(MissingCode::PlatformSiret, true)]
    );
}

#[test]
fn the_out_of_court_body_needs_no_prior_complaint_nor_any_wait() {
    // DSA 21(1): the body may be seized directly; a complaint, answered or not, changes
    // nothing to what the dossier needs.
    let draft = input("out_of_court_body").check().unwrap();
    // (complaint sent, answer received)
    let table = [
        (None, None),
        (Some(d(2026, 11, 25)), None), // sent yesterday, no answer
        (Some(d(2026, 10, 28)), None),
        (Some(d(2026, 11, 20)), Some(d(2026, 11, 25))),
    ];
    for (sent, answer) in table {
        let mut i = incident();
        i.data.dates.complaint_sent_on = sent;
        i.data.dates.answer_received_on = answer;
        let got = codes(&draft, Some(&company()), &[platform()], &[i]);
        assert_eq!(got, vec![], "{sent:?} {answer:?}");
    }
}

#[test]
fn ip_rights_without_title_or_number_are_pointed_at() {
    let mut i = input("counterfeit_notice");
    i.ip_rights.push(IpRightInput {
        kind: "design".into(),
        ..IpRightInput::default()
    });
    let draft = i.check().unwrap();
    let parties = Parties {
        company: Some(&company()),
        platforms: &[platform()],
        incidents: &[incident()],
        pieces: &[],
    };
    let got = missing(&draft, &parties, today());
    let at = FixAt::Draft {
        field: "ipRights".into(),
        index: Some(1),
    };
    assert_eq!(
        got.iter()
            .map(|m| (m.code, m.at.clone()))
            .collect::<Vec<_>>(),
        vec![
            (MissingCode::IpRightTitle, at.clone()),
            (MissingCode::IpRightNumber, at)
        ]
    );
}

#[test]
fn bad_inputs_name_their_field() {
    let long = |n: usize| "x".repeat(n);
    type Change = fn(&mut DossierInput);
    let table: Vec<(Change, Field)> = vec![
        (
            |i| i.destination = "dgccrf".into(),
            Field::DossierDestination,
        ),
        (|i| i.destination = String::new(), Field::DossierDestination),
        (|i| i.locale = "de".into(), Field::DossierLocale),
        (|i| i.incident_ids = vec![0], Field::DossierIncidents),
        (|i| i.incident_ids = vec![-4], Field::DossierIncidents),
        (
            |i| i.incident_ids = (1..=201).collect(),
            Field::DossierIncidents,
        ),
        (|i| i.title = "x".repeat(201), Field::DossierTitle),
        (|i| i.title = "a\u{202E}b".into(), Field::DossierTitle),
        (|i| i.summary = "é".repeat(401), Field::DossierSummary),
        (|i| i.asks[0].kind = "revenge".into(), Field::DossierAsks),
        (|i| i.asks[0].detail = "x".repeat(2001), Field::DossierAsks),
        (
            |i| {
                i.asks = vec![
                    AskInput {
                        kind: "other".into(),
                        detail: String::new()
                    };
                    21
                ]
            },
            Field::DossierAsks,
        ),
        (
            |i| i.ip_rights[0].kind = "brand".into(),
            Field::DossierIpRights,
        ),
        (
            |i| i.ip_rights[0].number = "1".repeat(101),
            Field::DossierIpRights,
        ),
        (
            |i| i.listings = vec!["ftp://x.fr/a".into()],
            Field::DossierListings,
        ),
        (
            |i| i.listings = vec!["B08N5WRWN".into()],
            Field::DossierListings,
        ),
        (
            |i| i.listings = vec!["https://localhost/".into()],
            Field::DossierListings,
        ),
        (
            |i| i.listings = vec!["https://amazon.fr@evil.example/".into()],
            Field::DossierListings,
        ),
        (
            |i| i.listings = vec!["https://a.fr/x y".into()],
            Field::DossierListings,
        ),
        (
            |i| i.listings = (0..201).map(|n| format!("https://a.fr/{n}")).collect(),
            Field::DossierListings,
        ),
        (
            |i| i.declarations.identity = Some("maybe".into()),
            Field::DossierIdentity,
        ),
        (
            |i| i.declarations.signatory = "x".repeat(201),
            Field::DossierSignatory,
        ),
        (
            |i| i.declarations.place = "x".repeat(101),
            Field::DossierPlace,
        ),
    ];
    for (n, (change, field)) in table.into_iter().enumerate() {
        let mut i = input("mediateur");
        change(&mut i);
        assert_eq!(i.check(), Err(CoreError::Invalid(field)), "row {n}");
    }
    // Exactly at the limits: accepted.
    let mut i = input("mediateur");
    i.summary = "é".repeat(400);
    i.title = long(200);
    assert!(i.check().is_ok());
}

#[test]
fn a_draft_comes_back_as_the_input_it_was_typed_from() {
    let draft = input("counterfeit_notice").check().unwrap();
    assert_eq!(
        draft.listings,
        vec!["https://www.amazon.fr/dp/B08N5WRWNW", "B08N5WRWNX"]
    );
    assert_eq!(draft.declarations.identity, Some(IdentityChoice::Withhold));
    // The draft's JSON read as an input checks into the same draft.
    let json = serde_json::to_string(&draft).unwrap();
    let again: DossierInput = serde_json::from_str(&json).unwrap();
    assert_eq!(again.check().unwrap(), draft);
    // Repeats and blanks go.
    let mut i = input("dge_form");
    i.incident_ids = vec![3, 3, 4];
    i.listings = vec![" ".into(), "B08N5WRWNW".into(), "b08n5wrwnw".into()];
    let draft = i.check().unwrap();
    assert_eq!(draft.incident_ids, vec![3, 4]);
    assert_eq!(draft.listings, vec!["B08N5WRWNW"]);
}

#[test]
fn listings_table() {
    let table = [
        (
            "https://www.amazon.fr/dp/B08N5WRWNW",
            Some("https://www.amazon.fr/dp/B08N5WRWNW"),
        ),
        (
            "  http://cdiscount.com/f-1.html?x=1#y ",
            Some("http://cdiscount.com/f-1.html?x=1#y"),
        ),
        (
            "HTTPS://ÉTSY.fr/listing/1",
            Some("HTTPS://ÉTSY.fr/listing/1"),
        ),
        (
            "https://shop.example:8443/p",
            Some("https://shop.example:8443/p"),
        ),
        ("b00005n5pf", Some("B00005N5PF")),
        ("284070078X", Some("284070078X")),
        ("2840700781", Some("2840700781")),
        ("A00005N5PF", None),
        ("28407007XX", None),
        ("https://", None),
        ("https://.fr/", None),
        ("https://-a.fr/", None),
        ("https://a.fr:/", None),
        ("https://a.fr:123456/", None),
        ("javascript:alert(1)", None),
        ("www.amazon.fr/dp/1", None),
        ("https://a.fr/\u{202E}x", None),
    ];
    for (typed, want) in table {
        assert_eq!(listing(typed).as_deref(), want, "{typed}");
    }
}

#[test]
fn submissions_move_statuses_forward_only() {
    use Destination as D;
    use Status as S;
    let table = [
        (S::Open, D::DgeForm, Some(S::Reported)),
        (S::Open, D::Mediateur, Some(S::Mediation)),
        (S::Open, D::PlatformComplaint, Some(S::ComplaintSent)),
        (S::Open, D::OutOfCourtBody, Some(S::Mediation)),
        (S::Open, D::CounterfeitNotice, Some(S::Reported)),
        (S::ComplaintSent, D::Mediateur, Some(S::Mediation)),
        (S::AwaitingAnswer, D::PlatformComplaint, None),
        (S::Mediation, D::PlatformComplaint, None),
        (S::Mediation, D::Mediateur, None),
        (S::Resolved, D::DgeForm, None),
        (S::Abandoned, D::Mediateur, None),
    ];
    for (current, dest, want) in table {
        assert_eq!(
            submission::advance(current, dest),
            want,
            "{current:?} {dest:?}"
        );
    }
}

#[test]
fn submission_inputs() {
    let ok = SubmissionInput {
        submitted_on: "2026-11-26".into(),
        reference: " DS-12345 ".into(),
    };
    assert_eq!(
        ok.check(today()).unwrap(),
        Submission {
            submitted_on: today(),
            reference: "DS-12345".into()
        }
    );
    let bad = [
        ("2026-11-27", "", Field::DossierSubmittedOn),
        ("", "", Field::DossierSubmittedOn),
        ("26/11/2026", "", Field::DossierSubmittedOn),
        ("2026-11-26", &*"x".repeat(101), Field::DossierReference),
    ];
    for (on, reference, field) in bad {
        let i = SubmissionInput {
            submitted_on: on.into(),
            reference: reference.into(),
        };
        assert_eq!(i.check(today()), Err(CoreError::Invalid(field)), "{on}");
    }
    for dest in Destination::ALL {
        for locale in Locale::ALL {
            let s = submission::summary(dest, locale, "2026-0001", &"R".repeat(REFERENCE_MAX));
            assert!(
                s.chars().count() <= crate::journal::event::SUMMARY_MAX,
                "{s}"
            );
            assert!(s.contains("2026-0001"));
        }
    }
}

#[test]
fn numbers_and_file_names() {
    assert_eq!(number(2026, 1), "2026-0001");
    assert_eq!(number(2026, 12345), "2026-12345");
    assert_eq!(
        file_name("2026-0001", Destination::OutOfCourtBody),
        "Carnet-2026-0001-out-of-court-body.pdf"
    );
}

#[test]
fn the_report_carries_the_draft_and_the_incidents_steps() {
    let draft = input("mediateur").check().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    let r = draft.report(
        "2026-0003",
        at,
        company(),
        vec![platform()],
        vec![incident()],
        vec![],
    );
    assert_eq!(r.number, "2026-0003");
    assert_eq!(r.steps.len(), 2, "{:?}", r.steps);
    assert_eq!(r.declarations, draft.declarations);
    assert!(r.problems().is_empty(), "{:?}", r.problems());
}

/// The statement-of-reasons checker's findings become the report's grounds, each with its
/// incident and article, the sentence without the article (the dossier prints it after).
#[test]
fn the_report_carries_the_checkers_grounds() {
    use crate::journal::event::{Event, EventInput};
    let draft = input("mediateur").check().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    let mut with_decision = incident();
    let (_, data) = EventInput {
        incident_id: 3,
        happened_on: "2026-03-02".into(),
        actor: "platform".into(),
        channel: "email".into(),
        summary: "Compte suspendu".into(),
        decision: Some("suspension".into()),
        reasons_given: vec!["scope".into(), "facts".into(), "legal_ground".into()],
        ..EventInput::default()
    }
    .validate(today())
    .unwrap();
    with_decision.events.push(Event {
        id: 9,
        data,
        created_at: String::new(),
        updated_at: String::new(),
    });
    let r = draft.report(
        "2026-0003",
        at,
        company(),
        vec![platform()],
        vec![with_decision],
        vec![],
    );
    let articles: Vec<&str> = r.grounds.iter().map(|g| g.article.as_str()).collect();
    assert_eq!(
        articles,
        ["DSA 17(3)(c)", "DSA 17(3)(f)", "P2B 4(1)", "P2B 4(5)"]
    );
    assert!(r.grounds.iter().all(|g| g.incident_id == Some(3)));
    assert_eq!(
        r.grounds[0].fr,
        "La décision n’indique pas : si des moyens automatisés ont été utilisés"
    );
    let plain = draft.report(
        "2026-0003",
        at,
        company(),
        vec![platform()],
        vec![incident()],
        vec![],
    );
    assert!(plain.grounds.is_empty());
}

proptest! {
    #[test]
    fn listing_never_panics_and_accepts_only_urls_or_asins(s in "\\PC{0,40}") {
        if let Some(l) = listing(&s) {
            let lower = l.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://") || l.len() == 10);
            prop_assert_eq!(listing(&l), Some(l.clone()));
        }
    }

    #[test]
    fn asins_round_trip(tail in "[A-Za-z0-9]{9}") {
        let typed = format!("b{tail}");
        prop_assert_eq!(listing(&typed), Some(typed.to_ascii_uppercase()));
    }

    #[test]
    fn summaries_up_to_400_characters_pass(s in "[a-zé €]{0,400}") {
        let mut i = input("dge_form");
        i.summary = s.clone();
        let checked = i.check();
        prop_assert!(checked.is_ok());
    }
}

#[test]
fn earlier_submissions_become_steps_once() {
    let draft = input("mediateur").check().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    let mut r = draft.report(
        "2026-0003",
        at,
        company(),
        vec![platform()],
        vec![incident()],
        vec![],
    );
    // The incident records its complaint of 5 March; a complaint dossier sent that day is it.
    add_steps(
        &mut r,
        [
            submission::step(Destination::PlatformComplaint, d(2026, 3, 5), "R-1"),
            submission::step(Destination::DgeForm, d(2026, 2, 1), ""),
            submission::step(Destination::CounterfeitNotice, d(2026, 4, 1), "N-9"),
        ],
    );
    let steps: Vec<(crate::report::StepKind, Option<NaiveDate>)> =
        r.steps.iter().map(|s| (s.kind, s.date)).collect();
    use crate::report::StepKind as K;
    assert_eq!(
        steps,
        vec![
            (K::InternalComplaint, Some(d(2026, 3, 5))),
            (K::PlatformAnswer, Some(d(2026, 3, 20))),
            (K::AuthorityReport, Some(d(2026, 2, 1))),
            (K::Notice, Some(d(2026, 4, 1))),
        ]
    );
}

/// The facts a dossier can lack, each removable on its own (bit `n` of a mask).
fn with_holes(
    mask: u32,
) -> (
    DossierDraft,
    Option<CompanyProfile>,
    Vec<ReportPlatform>,
    Vec<ReportIncident>,
) {
    let hole = |n: u32| mask & (1 << n) != 0;
    let mut i = input("mediateur");
    if hole(0) {
        i.title.clear();
    }
    if hole(1) {
        i.summary.clear();
    }
    if hole(2) {
        i.asks.clear();
    }
    if hole(3) {
        i.listings.clear();
    }
    if hole(4) {
        i.ip_rights[0].number.clear();
    }
    if hole(5) {
        i.declarations.accuracy = false;
    }
    if hole(6) {
        i.declarations.confidentiality = false;
    }
    if hole(7) {
        i.declarations.good_faith = false;
    }
    if hole(8) {
        i.declarations.identity = None;
    }
    if hole(9) {
        i.declarations.signatory.clear();
    }
    let draft = i.check().unwrap();
    let mut c = company();
    if hole(10) {
        c.siret = None;
    }
    if hole(11) {
        c.contact_email.clear();
    }
    if hole(12) {
        c.contact_phone.clear();
    }
    if hole(13) {
        c.city.clear();
    }
    if hole(14) {
        c.insolvency = true;
    }
    if hole(15) {
        c.naf = None;
    }
    let mut p = platform();
    if hole(16) {
        p.details.legal_entity.clear();
    }
    if hole(17) {
        p.details.siret = None;
    }
    if hole(18) {
        p.details.seller_accounts.clear();
    }
    let mut inc = incident();
    if hole(19) {
        inc.data.decision_reference.clear();
    }
    if hole(20) {
        inc.data.dates.decision_on = None;
    }
    if hole(21) {
        inc.data.dates.answer_received_on = None;
    }
    if hole(22) {
        inc.data.dates.complaint_sent_on = None;
    }
    let company = (!hole(23)).then_some(c);
    let incidents = if hole(24) { vec![] } else { vec![inc] };
    (draft, company, vec![p], incidents)
}

fn missing_with(dest: Destination, mask: u32) -> Vec<Missing> {
    let (mut draft, company, platforms, incidents) = with_holes(mask);
    draft.destination = dest;
    let parties = Parties {
        company: company.as_ref(),
        platforms: &platforms,
        incidents: &incidents,
        pieces: &[],
    };
    missing(&draft, &parties, today())
}

proptest! {
    /// Taking more away never makes less missing: each element stays listed, or a larger one
    /// stands for it (no company profile, the incident gone, no complaint sent).
    #[test]
    fn more_holes_never_miss_less(a in 0u32..(1 << 25), b in 0u32..(1 << 25)) {
        for dest in Destination::ALL {
            let fewer = missing_with(dest, a);
            let more = missing_with(dest, a | b);
            let has = |c: MissingCode| more.iter().any(|m| m.code == c);
            for m in &fewer {
                // What may stand for it once a larger hole opens: no company profile at all,
                // the incident gone from the journal, no complaint sent at all.
                let instead = match (&m.at, m.code) {
                    (FixAt::Company { .. }, _) => has(MissingCode::CompanyProfile),
                    (FixAt::Platform { .. } | FixAt::Incident { .. }, _) => {
                        has(MissingCode::IncidentUnavailable)
                    }
                    _ => false,
                };
                prop_assert!(
                    more.contains(m) || instead,
                    "{dest:?}: {m:?} gone with more holes"
                );
            }
            // Blocking first.
            prop_assert!(more.windows(2).all(|w| w[0].blocking >= w[1].blocking));
        }
    }

    /// No hole, nothing missing; any hole among those every destination needs is blocking.
    #[test]
    fn shared_requirements_block_every_destination(n in prop::sample::select(vec![0u32, 5, 9, 23, 24])) {
        for dest in Destination::ALL {
            prop_assert!(missing_with(dest, 0).is_empty());
            let m = missing_with(dest, 1 << n);
            prop_assert!(!complete(&m), "{dest:?} hole {n}: {m:?}");
        }
    }
}

#[test]
fn a_heic_photo_for_a_form_that_refuses_it_is_pointed_at_once_per_incident() {
    let piece = |id: i64, name: &str, media: &str| ReportPiece {
        id,
        incident_id: 3,
        number: u32::try_from(id).unwrap(),
        title: "Photo".into(),
        dated_on: None,
        note: String::new(),
        original_name: name.into(),
        media_type: media.into(),
        size: 10,
        sha256: "0".repeat(64),
        event_ids: vec![],
        proof: Default::default(),
    };
    let pieces = [
        piece(1, "IMG_0001.HEIC", "image/heic"),
        piece(2, "photo.heif", "application/octet-stream"),
        piece(3, "capture.png", "image/png"),
    ];
    assert!(pieces[0].is_heic() && pieces[1].is_heic() && !pieces[2].is_heic());
    for dest in Destination::ALL {
        let draft = input(dest.code()).check().unwrap();
        let parties = Parties {
            company: Some(&company()),
            platforms: &[platform()],
            incidents: &[incident()],
            pieces: &pieces,
        };
        let got = missing(&draft, &parties, today());
        let heic: Vec<&Missing> = got
            .iter()
            .filter(|m| m.code == MissingCode::HeicPiece)
            .collect();
        if dest.refuses_heic() {
            assert_eq!(
                heic,
                vec![&Missing {
                    code: MissingCode::HeicPiece,
                    blocking: false,
                    at: FixAt::Incident {
                        incident_id: 3,
                        field: "pieces".into()
                    }
                }],
                "{dest:?}"
            );
        } else {
            assert!(heic.is_empty(), "{dest:?}");
        }
    }
    assert!(Destination::DgeForm.refuses_heic());
}

#[test]
fn a_sollicitation_asks_less_than_a_saisine() {
    use MissingCode as M;
    let mut generic = company();
    generic.contact_email = "Contact@atelier-du-cuir.fr".into();
    generic.contact_phone = "04 78 12 34 56".into();
    generic.headcount = None;
    let mut i = input("mediateur");
    i.framework.clear();
    i.handled_so_far.clear();
    let saisine = i.check().unwrap();
    let mut got = codes(&saisine, Some(&generic), &[platform()], &[incident()]);
    got.sort();
    assert_eq!(
        got,
        vec![
            (M::SaisineFramework, true),
            (M::CompanyHeadcount, true),
            (M::CompanyContactEmailGeneric, true),
            (M::CompanyContactMobile, false),
            (M::HandledSoFar, true),
        ]
    );
    i.mediateur_request = "sollicitation".into();
    let sollicitation = i.check().unwrap();
    assert_eq!(
        codes(&sollicitation, Some(&generic), &[platform()], &[incident()]),
        vec![]
    );
    i.mediateur_request = "plainte".into();
    assert_eq!(
        i.check(),
        Err(CoreError::Invalid(Field::DossierMediateurRequest))
    );
}

#[test]
fn generic_mailboxes_and_mobiles_table() {
    for (email, generic) in [
        ("contact@example.fr", true),
        ("INFO@example.fr", true),
        ("info+shop@example.fr", true),
        ("service-client@example.fr", true),
        ("claire.martin@example.fr", false),
        ("claire@contact.fr", false),
        ("contactez-moi@example.fr", false),
        ("no-at-sign", false),
    ] {
        assert_eq!(generic_email(email), generic, "{email}");
    }
    for (phone, mobile) in [
        ("06 12 34 56 78", true),
        ("07.12.34.56.78", true),
        ("+33 6 12 34 56 78", true),
        ("0033 7 12 34 56 78", true),
        ("04 78 12 34 56", false),
        ("+33 1 23 45 67 89", false),
        ("+352 621 123 456", true),
        ("0612", false),
    ] {
        assert_eq!(mobile_phone(phone), mobile, "{phone}");
    }
}

#[test]
fn the_p2b_mediator_should_be_one_the_terms_name_and_arcom_needs_provisions() {
    let mut i = input("p2b_mediator");
    i.mediator = "Médiateur inconnu".into();
    let draft = i.check().unwrap();
    assert_eq!(
        codes(&draft, Some(&company()), &[platform()], &[incident()]),
        vec![(MissingCode::MediatorNotNamed, false)]
    );
    let mut a = input("arcom");
    a.dsa_provisions = vec![" DSA 17 ".into(), "DSA 17".into(), String::new()];
    assert_eq!(a.check().unwrap().dsa_provisions, vec!["DSA 17".to_owned()]);
    a.dsa_provisions = vec!["x".repeat(PROVISION_MAX + 1)];
    assert_eq!(a.check(), Err(CoreError::Invalid(Field::DossierProvisions)));
}

proptest! {
    /// A shared mailbox stays one whatever its case, tag or domain; a name with a dot in it
    /// never is.
    #[test]
    fn generic_mailboxes_whatever_the_case_tag_or_domain(
        i in 0usize..GENERIC_MAILBOXES.len(),
        upper in any::<bool>(),
        tag in "[a-z0-9]{0,6}",
        domain in "[a-z]{1,12}\\.(fr|com|eu)",
        first in "[a-z]{2,10}",
        last in "[a-z]{2,10}",
    ) {
        let base = GENERIC_MAILBOXES[i];
        let base = if upper { base.to_uppercase() } else { base.to_owned() };
        let local = if tag.is_empty() { base } else { format!("{base}+{tag}") };
        let email = format!("{local}@{domain}");
        prop_assert!(generic_email(&email), "{}", email);
        let personal = format!("{first}.{last}@{domain}");
        prop_assert!(!generic_email(&personal), "{}", personal);
    }
}
