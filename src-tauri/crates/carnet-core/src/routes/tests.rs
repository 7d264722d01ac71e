//! Scenarios written from the texts (docs/law.md), each naming the article it rests on.
use super::*;
use crate::platforms::Platforms;
use crate::reasons::{self, DecisionKind};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn get(routes: &[Route], kind: RouteKind) -> &Route {
    routes.iter().find(|r| r.kind == kind).unwrap()
}

fn suspension<'a>() -> RouteInput<'a> {
    RouteInput {
        measure: Some(Measure::Suspension),
        decision: Some(d(2026, 3, 2)),
        informed: Some(d(2026, 3, 10)),
        ..RouteInput::default()
    }
}

/// DSA 20(1): six months from the day informed (10 March), not the decision (2 March).
#[test]
fn s01_complaint_clock_from_the_day_informed() {
    let r = guide(&suspension(), d(2026, 9, 5));
    let c = get(&r, RouteKind::InternalComplaint).clock.clone().unwrap();
    assert_eq!(c.deadline, d(2026, 9, 10));
    assert_eq!(c.days_left, 5);
    assert_eq!(c.counted_from, CountedFrom::Informed);
    assert!(!c.from_earliest_known);
}

/// DSA 20(1): the day informed unknown: from the decision, and said so.
#[test]
fn s02_complaint_clock_from_the_decision_said_so() {
    let i = RouteInput {
        informed: None,
        ..suspension()
    };
    let c = get(&guide(&i, d(2026, 4, 1)), RouteKind::InternalComplaint)
        .clock
        .clone()
        .unwrap();
    assert_eq!(c.deadline, d(2026, 9, 2));
    assert!(c.from_earliest_known);
}

/// DSA 21(1): out-of-court open with no complaint at all.
#[test]
fn s03_out_of_court_open_without_a_complaint() {
    let r = guide(&suspension(), d(2026, 3, 11));
    assert_eq!(get(&r, RouteKind::OutOfCourt).state, RouteState::Open);
}

/// DSA 21: the bodies covering Amazon are named with their fee rule.
#[test]
fn s04_bodies_covering_the_platform_are_named() {
    let amazon = Platforms::builtin().get("amazon").unwrap();
    let i = RouteInput {
        platform: Some(amazon),
        ..suspension()
    };
    let r = guide(&i, d(2026, 3, 11));
    let o = get(&r, RouteKind::OutOfCourt);
    assert!(
        o.bodies
            .iter()
            .any(|b| b.name == "ADR Center" && b.fee.is_some())
    );
}

/// DSA 21(4): day 100 after the referral is within the 180-day extension.
#[test]
fn s05_out_of_court_clock_extendable() {
    let i = RouteInput {
        referral: Some(d(2026, 1, 1)),
        ..suspension()
    };
    let c = get(&guide(&i, d(2026, 4, 11)), RouteKind::OutOfCourt)
        .clock
        .clone()
        .unwrap();
    assert_eq!(c.deadline, d(2026, 6, 30));
}

/// Médiateur des entreprises: closed in collective proceedings, the tribunal's president named.
#[test]
fn s06_mediateur_closed_in_collective_proceedings() {
    let i = RouteInput {
        collective_proceedings: true,
        ..suspension()
    };
    match &get(&guide(&i, d(2026, 3, 11)), RouteKind::MediateurEntreprises).state {
        RouteState::Closed { why } => {
            assert!(why.fr.contains("président du tribunal de commerce"));
            assert!(why.en.contains("commercial court"));
        }
        s => panic!("{s:?}"),
    }
}

/// DSA 16: for counterfeits, the notice comes first; complaint after.
#[test]
fn s07_counterfeit_notice_first() {
    let i = RouteInput {
        counterfeit: true,
        ..RouteInput::default()
    };
    let r = guide(&i, d(2026, 3, 11));
    assert_eq!(r[0].kind, RouteKind::Notice);
    assert_eq!(r[0].state, RouteState::Open);
    assert!(get(&r, RouteKind::InternalComplaint).order > r[0].order);
}

/// DSA 16 does not apply without illegal content.
#[test]
fn s08_no_notice_without_counterfeit() {
    let r = guide(&suspension(), d(2026, 3, 11));
    assert_eq!(get(&r, RouteKind::Notice).state, RouteState::NotApplicable);
}

/// P2B 11(5), DSA 19: a small platform's complaint system may not exist.
#[test]
fn s09_small_platform_may_have_no_complaint_system() {
    let i = RouteInput {
        small_platform: true,
        ..suspension()
    };
    let r = guide(&i, d(2026, 3, 11));
    assert!(matches!(
        get(&r, RouteKind::InternalComplaint).state,
        RouteState::MayNotExist { .. }
    ));
    assert!(matches!(
        get(&r, RouteKind::TermsMediator).state,
        RouteState::MayNotExist { .. }
    ));
}

/// DSA 19: the exemption does not cover a VLOP.
#[test]
fn s10_a_vlop_is_never_exempt() {
    let temu = Platforms::builtin().get("temu").unwrap();
    let i = RouteInput {
        small_platform: true,
        platform: Some(temu),
        ..suspension()
    };
    assert_eq!(
        get(&guide(&i, d(2026, 3, 11)), RouteKind::InternalComplaint).state,
        RouteState::Open
    );
}

/// DSA 20(1): past six months the minimum window is closed.
#[test]
fn s11_complaint_closed_after_six_months() {
    let r = guide(&suspension(), d(2026, 9, 11));
    assert!(matches!(
        get(&r, RouteKind::InternalComplaint).state,
        RouteState::Closed { .. }
    ));
}

/// P2B 3(2): a terms change is no decision: no DSA 20 complaint route.
#[test]
fn s12_terms_change_opens_no_dsa_20_route() {
    let i = RouteInput {
        measure: Some(Measure::TermsChange),
        ..RouteInput::default()
    };
    let r = guide(&i, d(2026, 3, 11));
    assert_eq!(
        get(&r, RouteKind::InternalComplaint).state,
        RouteState::NotApplicable
    );
    assert_eq!(get(&r, RouteKind::DgeReport).state, RouteState::Open);
}

/// DSA 17(3): the checker's missing elements reach the complaint and out-of-court routes.
#[test]
fn s13_missing_reasons_are_grounds() {
    let i = RouteInput {
        missing_reasons: reasons::missing(DecisionKind::Suspension, &[]),
        ..suspension()
    };
    let r = guide(&i, d(2026, 3, 11));
    for k in [
        RouteKind::InternalComplaint,
        RouteKind::OutOfCourt,
        RouteKind::MediateurEntreprises,
    ] {
        assert!(
            get(&r, k)
                .grounds
                .iter()
                .any(|g| g.article == "DSA 17(3)(b)"),
            "{k:?}"
        );
    }
}

/// DSA 53: Arcom always open, as information to the regulator.
#[test]
fn s14_arcom_is_open() {
    let r = guide(&suspension(), d(2026, 3, 11));
    assert_eq!(get(&r, RouteKind::Arcom).articles, ["DSA 53"]);
}

/// Dashboard: only clocks closing within 30 days.
#[test]
fn s15_dashboard_lists_routes_closing_within_30_days() {
    let r = guide(&suspension(), d(2026, 8, 20));
    let soon = closing_within(&r, 30);
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].kind, RouteKind::InternalComplaint);
    assert!(closing_within(&guide(&suspension(), d(2026, 5, 1)), 30).is_empty());
}

/// No text says "you must" or promises an outcome; every one in both languages.
#[test]
fn wording() {
    let r = guide(
        &RouteInput {
            counterfeit: true,
            collective_proceedings: true,
            small_platform: true,
            ..suspension()
        },
        d(2026, 3, 11),
    );
    let mut texts: Vec<Label> = vec![l(DISCLAIMER.0, DISCLAIMER.1), gatekeeper_note()];
    for x in &r {
        texts.push(x.why.clone());
        texts.push(x.order_note.clone());
        if let RouteState::Closed { why } | RouteState::MayNotExist { why } = &x.state {
            texts.push(why.clone());
        }
    }
    for t in texts {
        assert!(!t.fr.is_empty() && !t.en.is_empty());
        let (fr, en) = (t.fr.to_lowercase(), t.en.to_lowercase());
        assert!(
            !fr.contains("vous devez") && !en.contains("you must"),
            "{t:?}"
        );
        assert!(
            !fr.contains("obtiendrez") && !en.contains("you will get"),
            "{t:?}"
        );
        assert!(
            !fr.contains("après la réclamation") && !en.contains("after the internal complaint"),
            "{t:?}"
        );
    }
}

proptest! {
    /// Any pair of dates, informed later than the decision or missing: the complaint clock
    /// never closes before six months after the decision, and counts from the day informed.
    #[test]
    fn complaint_clock_any_dates(dec in 0u64..40_000, later in 0u64..400, today in 0u64..40_000, has_informed in any::<bool>()) {
        let base = d(1990, 1, 1);
        let decision = base + chrono::Days::new(dec);
        let informed = has_informed.then(|| decision + chrono::Days::new(later));
        let i = RouteInput { informed, decision: Some(decision), ..suspension() };
        let r = guide(&i, base + chrono::Days::new(today));
        let c = get(&r, RouteKind::InternalComplaint).clock.clone().unwrap();
        prop_assert!(c.deadline >= decision.checked_add_months(chrono::Months::new(6)).unwrap());
        prop_assert_eq!(c.from_earliest_known, !has_informed);
    }
}

fn state_name(s: &RouteState) -> &'static str {
    match s {
        RouteState::Open => "open",
        RouteState::NotYet { .. } => "not_yet",
        RouteState::Closed { .. } => "closed",
        RouteState::MayNotExist { .. } => "may_not_exist",
        RouteState::NotApplicable => "n/a",
    }
}

/// One scenario: article, input, today, route, expected state, expected deadline.
type Row<'a> = (
    &'static str,
    RouteInput<'a>,
    NaiveDate,
    RouteKind,
    &'static str,
    Option<NaiveDate>,
);

/// More scenarios, as a table: (article, input, today, route, expected state, expected
/// deadline if any). Written from the texts, not from the code's output.
#[test]
fn scenario_table() {
    use RouteKind as K;
    let base = suspension;
    let termination = || RouteInput {
        measure: Some(Measure::Termination),
        ..base()
    };
    let restriction = || RouteInput {
        measure: Some(Measure::Restriction),
        ..base()
    };
    // 31 August informed: six months end on the last day of February (Reg. 1182/71).
    let month_end = || RouteInput {
        informed: Some(d(2025, 8, 31)),
        decision: Some(d(2025, 8, 31)),
        ..base()
    };
    let leap = || RouteInput {
        informed: Some(d(2027, 8, 31)),
        decision: Some(d(2027, 8, 30)),
        ..base()
    };
    let rows: Vec<Row> = vec![
        (
            "DSA 20(1) termination",
            termination(),
            d(2026, 4, 1),
            K::InternalComplaint,
            "open",
            Some(d(2026, 9, 10)),
        ),
        (
            "DSA 20(1) restriction",
            restriction(),
            d(2026, 4, 1),
            K::InternalComplaint,
            "open",
            Some(d(2026, 9, 10)),
        ),
        (
            "DSA 20(1) last day still open",
            base(),
            d(2026, 9, 10),
            K::InternalComplaint,
            "open",
            Some(d(2026, 9, 10)),
        ),
        (
            "DSA 20(1) month end",
            month_end(),
            d(2026, 2, 28),
            K::InternalComplaint,
            "open",
            Some(d(2026, 2, 28)),
        ),
        (
            "DSA 20(1) leap year",
            leap(),
            d(2028, 1, 1),
            K::InternalComplaint,
            "open",
            Some(d(2028, 2, 29)),
        ),
        (
            "DSA 21(1) termination",
            termination(),
            d(2026, 4, 1),
            K::OutOfCourt,
            "open",
            None,
        ),
        (
            "DSA 21(4) pending at day 90",
            RouteInput {
                referral: Some(d(2026, 1, 1)),
                ..base()
            },
            d(2026, 4, 1),
            K::OutOfCourt,
            "open",
            Some(d(2026, 4, 1)),
        ),
        (
            "DSA 21(4) decided: no clock",
            RouteInput {
                referral: Some(d(2026, 1, 1)),
                referral_decided: Some(d(2026, 2, 1)),
                ..base()
            },
            d(2026, 4, 1),
            K::OutOfCourt,
            "open",
            None,
        ),
        (
            "P2B 12 open for any dispute",
            RouteInput::default(),
            d(2026, 4, 1),
            K::TermsMediator,
            "open",
            None,
        ),
        (
            "Médiateur open outside proceedings",
            base(),
            d(2026, 4, 1),
            K::MediateurEntreprises,
            "open",
            None,
        ),
        (
            "DGE report always",
            RouteInput {
                collective_proceedings: true,
                ..base()
            },
            d(2026, 4, 1),
            K::DgeReport,
            "open",
            None,
        ),
        (
            "courts as information",
            base(),
            d(2026, 4, 1),
            K::Courts,
            "open",
            None,
        ),
        (
            "DSA 19 out-of-court may not exist",
            RouteInput {
                small_platform: true,
                ..base()
            },
            d(2026, 4, 1),
            K::OutOfCourt,
            "may_not_exist",
            None,
        ),
    ];
    for (article, input, today, kind, state, deadline) in rows {
        let r = guide(&input, today);
        let route = get(&r, kind);
        assert_eq!(state_name(&route.state), state, "{article}");
        assert_eq!(
            route.clock.as_ref().map(|c| c.deadline),
            deadline,
            "{article}"
        );
    }
}

fn incident(category: &str, notified: Option<NaiveDate>) -> IncidentData {
    IncidentData {
        platform_id: 1,
        category: category.into(),
        measure: Some(Measure::Suspension),
        title: "Compte suspendu".into(),
        dates: crate::journal::incident::IncidentDates {
            decision_on: Some(d(2026, 3, 2)),
            notified_on: notified,
            ..Default::default()
        },
        reasons_received: Default::default(),
        amounts: Default::default(),
        decision_reference: String::new(),
        description: String::new(),
        wanted: String::new(),
        tags: Vec::new(),
    }
}

/// The journal's incident feeds the guide: the day informed is the incident's notified date,
/// a `CTF` category is a counterfeit case, the company's insolvency flag closes the Médiateur.
#[test]
fn s16_the_input_comes_from_the_journal() {
    let data = incident("CTF-01", Some(d(2026, 3, 10)));
    let company = crate::journal::company::CompanyInput {
        legal_name: "Atelier du Cuir".into(),
        insolvency: true,
        ..Default::default()
    }
    .check()
    .unwrap();
    let input = input_for(&data, Some(&company), None, None, Vec::new());
    assert_eq!(input.informed, Some(d(2026, 3, 10)));
    assert_eq!(input.decision, Some(d(2026, 3, 2)));
    assert!(input.counterfeit);
    assert!(input.collective_proceedings);
    let plain = input_for(&incident("ACC-02", None), None, None, None, Vec::new());
    assert!(!plain.counterfeit && !plain.collective_proceedings);
    let routes = guide(&input, d(2026, 4, 1));
    assert_eq!(
        routes[0].kind,
        RouteKind::Notice,
        "DSA 16: the notice comes first"
    );
    assert!(matches!(
        get(&routes, RouteKind::MediateurEntreprises).state,
        RouteState::Closed { .. }
    ));
}

/// A route's gaps are the dossier rules' (the company profile, here), without what the dossier
/// form asks itself (title, summary, asks); a route that does not apply, or has no dossier of
/// Carnet's (the courts), has none.
#[test]
fn s17_each_route_says_what_its_dossier_still_lacks() {
    let data = incident("ACC-02", Some(d(2026, 3, 10)));
    let mut routes = guide(
        &input_for(&data, None, None, None, Vec::new()),
        d(2026, 4, 1),
    );
    let parties = Parties {
        company: None,
        platforms: &[],
        incidents: &[],
        pieces: &[],
    };
    fill_gaps(&mut routes, 7, &parties, d(2026, 4, 1));
    let complaint = get(&routes, RouteKind::InternalComplaint);
    assert!(
        complaint
            .missing_for_dossier
            .contains(&MissingCode::CompanyProfile)
    );
    for r in &routes {
        assert!(!r.missing_for_dossier.contains(&MissingCode::Title));
        assert!(
            !r.missing_for_dossier
                .contains(&MissingCode::IncidentUnavailable)
        );
    }
    assert!(
        get(&routes, RouteKind::Notice)
            .missing_for_dossier
            .is_empty()
    );
    assert!(
        get(&routes, RouteKind::Courts)
            .missing_for_dossier
            .is_empty()
    );
}

fn referred(referral: NaiveDate, decided: Option<NaiveDate>) -> RouteInput<'static> {
    RouteInput {
        referral: Some(referral),
        referral_decided: decided,
        ..suspension()
    }
}

/// DSA 21(4): the body decides within 90 days of the complete file; its clock runs from the
/// referral, and says so.
#[test]
fn s18_out_of_court_clock_from_the_referral() {
    let r = guide(&referred(d(2026, 1, 10), None), d(2026, 3, 1));
    let c = get(&r, RouteKind::OutOfCourt).clock.clone().unwrap();
    assert_eq!(c.deadline, d(2026, 4, 10));
    assert_eq!(c.counted_from, CountedFrom::Referral);
    assert_eq!(c.days_left, 40);
}

/// DSA 21(4): once the body decided, its route has no clock left.
#[test]
fn s19_no_clock_once_the_body_decided() {
    let r = guide(
        &referred(d(2026, 1, 10), Some(d(2026, 2, 20))),
        d(2026, 3, 1),
    );
    assert!(get(&r, RouteKind::OutOfCourt).clock.is_none());
}

/// DSA 21(4): between day 90 and day 180, the last day is day 180 (a highly complex dispute).
#[test]
fn s20_out_of_court_extendable_to_day_180() {
    let r = guide(&referred(d(2026, 1, 10), None), d(2026, 5, 1));
    let c = get(&r, RouteKind::OutOfCourt).clock.clone().unwrap();
    assert_eq!(c.deadline, d(2026, 7, 9));
}

/// The Médiateur des entreprises takes a company not in collective proceedings, for free.
#[test]
fn s21_mediateur_open_outside_collective_proceedings() {
    let r = guide(&suspension(), d(2026, 4, 1));
    let me = get(&r, RouteKind::MediateurEntreprises);
    assert_eq!(me.state, RouteState::Open);
    assert_eq!(me.destinations, ["mediateur"]);
}

/// DMA (gatekeepers): the complaint and Arcom routes also cite the DMA for Amazon.
#[test]
fn s22_a_gatekeeper_adds_the_dma() {
    let amazon = Platforms::builtin().get("amazon").unwrap();
    let input = RouteInput {
        platform: Some(amazon),
        ..suspension()
    };
    let r = guide(&input, d(2026, 4, 1));
    assert!(
        get(&r, RouteKind::InternalComplaint)
            .articles
            .contains(&"DMA".to_owned())
    );
    assert!(
        get(&r, RouteKind::Arcom)
            .articles
            .contains(&"DMA".to_owned())
    );
    assert!(
        !get(&r, RouteKind::OutOfCourt)
            .articles
            .contains(&"DMA".to_owned())
    );
}

/// C. com. L.442-1: the courts are given for information, with no dossier of Carnet's.
#[test]
fn s23_the_courts_for_information() {
    let r = guide(&suspension(), d(2026, 4, 1));
    let courts = get(&r, RouteKind::Courts);
    assert_eq!(courts.articles, ["C. com. L.442-1"]);
    assert!(courts.destinations.is_empty());
}

/// DSA 20(1), month ends: informed on 31 August, the six months end on 28 February.
#[test]
fn s24_six_months_from_a_month_end() {
    let input = RouteInput {
        decision: Some(d(2026, 8, 31)),
        informed: Some(d(2026, 8, 31)),
        ..suspension()
    };
    let c = get(&guide(&input, d(2026, 9, 1)), RouteKind::InternalComplaint)
        .clock
        .clone()
        .unwrap();
    assert_eq!(c.deadline, d(2027, 2, 28));
}

/// DSA 20(1), leap years: informed on 31 August 2027, the six months end on 29 February 2028.
#[test]
fn s25_six_months_into_a_leap_february() {
    let input = RouteInput {
        decision: Some(d(2027, 8, 30)),
        informed: Some(d(2027, 8, 31)),
        ..suspension()
    };
    let c = get(&guide(&input, d(2027, 9, 1)), RouteKind::InternalComplaint)
        .clock
        .clone()
        .unwrap();
    assert_eq!(c.deadline, d(2028, 2, 29));
}

/// P2B 12 and DSA 21: what the owner recorded of the platform (the mediators its terms name,
/// the bodies its notices name) joins Carnet's data, once each; a platform the owner knows to
/// be a small enterprise may have no complaint system (P2B 11(5), DSA 19).
#[test]
fn s26_the_owners_record_joins_the_data() {
    use crate::journal::platform::PlatformInput;
    let amazon = Platforms::builtin().get("amazon").unwrap();
    let record = PlatformInput {
        catalogue_id: "amazon".into(),
        mediators: vec!["CEDR".into(), "Médiateur du e-commerce".into()],
        ooc_bodies: vec!["adr  center".into(), "User Rights".into()],
        small_enterprise: true,
        ..PlatformInput::default()
    }
    .check(Platforms::builtin(), d(2026, 4, 1))
    .unwrap();
    let data = incident("ACC-02", Some(d(2026, 3, 10)));
    let input = input_for(&data, None, Some(amazon), Some(&record), Vec::new());
    let r = guide(&input, d(2026, 4, 1));
    let bodies: Vec<(&str, &str)> = get(&r, RouteKind::OutOfCourt)
        .bodies
        .iter()
        .map(|b| (b.name.as_str(), b.source.as_str()))
        .collect();
    assert_eq!(bodies[0].0, "ADR Center");
    assert_eq!(bodies[1..], [("User Rights", RECORDED_BY_OWNER)]);
    let mediators: Vec<&str> = get(&r, RouteKind::TermsMediator)
        .bodies
        .iter()
        .map(|b| b.name.as_str())
        .collect();
    assert!(
        mediators.contains(&"Médiateur du e-commerce"),
        "{mediators:?}"
    );
    // Amazon is a VLOP: never exempt, whatever the record says.
    assert_eq!(
        get(&r, RouteKind::InternalComplaint).state,
        RouteState::Open
    );
    let small = input_for(&data, None, None, Some(&record), Vec::new());
    assert!(matches!(
        get(&guide(&small, d(2026, 4, 1)), RouteKind::InternalComplaint).state,
        RouteState::MayNotExist { .. }
    ));
}
