use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 26);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

pub(crate) fn input() -> IncidentInput {
    IncidentInput {
        platform_id: 1,
        category: "ACC-02".into(),
        measure: Some("termination".into()),
        title: "  Compte fermé sans préavis ".into(),
        notified_on: Some("2026-03-01".into()),
        took_effect_on: Some("2026-03-11".into()),
        decision_on: Some("2026-03-01".into()),
        reasons_received: Some("no".into()),
        funds_held: Some("1 234,56".into()),
        tags: vec![" urgent ".into(), "URGENT".into(), "".into(), "kyc".into()],
        ..IncidentInput::default()
    }
}

#[test]
fn a_typical_incident_is_validated_and_normalised() {
    let (id, data) = input().validate(today(), Locale::Fr).unwrap();
    assert_eq!(id, None);
    assert_eq!(data.title, "Compte fermé sans préavis");
    assert_eq!(data.measure, Some(Measure::Termination));
    assert_eq!(data.amounts.funds_held_cents, Some(123_456));
    assert_eq!(data.amounts.fees_cents, None);
    assert_eq!(data.tags, ["urgent", "kyc"]);
    assert_eq!(data.reasons_received, ReasonsReceived::No);
    assert_eq!(data.dates.notified_on, Some(d(2026, 3, 1)));
}

#[test]
fn each_bad_input_names_its_field() {
    type Edit = fn(&mut IncidentInput);
    let cases: Vec<(Edit, Field)> = vec![
        (|i| i.platform_id = 0, Field::IncidentPlatform),
        (|i| i.platform_id = -3, Field::IncidentPlatform),
        (|i| i.category = "ACC-99".into(), Field::IncidentCategory),
        (|i| i.category = "".into(), Field::IncidentCategory),
        (|i| i.measure = Some("ban".into()), Field::IncidentMeasure),
        (|i| i.title = " ".into(), Field::IncidentTitle),
        (|i| i.title = "x".repeat(201), Field::IncidentTitle),
        (|i| i.title = "a\0b".into(), Field::IncidentTitle),
        (
            |i| i.occurred_on = Some("2026-13-01".into()),
            Field::IncidentOccurredOn,
        ),
        (
            |i| i.notified_on = Some("1er mars".into()),
            Field::IncidentNotifiedOn,
        ),
        (
            |i| i.took_effect_on = Some("1989-01-01".into()),
            Field::IncidentTookEffectOn,
        ),
        (
            |i| i.decision_on = Some("2030-01-01".into()),
            Field::IncidentDecisionOn,
        ),
        (
            |i| i.complaint_sent_on = Some("x".into()),
            Field::IncidentComplaintSentOn,
        ),
        (
            |i| i.answer_received_on = Some("x".into()),
            Field::IncidentAnswerReceivedOn,
        ),
        (
            |i| i.referral_on = Some("x".into()),
            Field::IncidentReferralOn,
        ),
        (
            |i| i.referral_decided_on = Some("x".into()),
            Field::IncidentReferralDecidedOn,
        ),
        (
            |i| i.reasons_received = Some("maybe".into()),
            Field::IncidentReasonsReceived,
        ),
        (
            |i| i.funds_held = Some("-5".into()),
            Field::IncidentFundsHeld,
        ),
        (
            |i| i.sales_lost = Some("1.234,5".into()),
            Field::IncidentSalesLost,
        ),
        (|i| i.fees = Some("douze".into()), Field::IncidentFees),
        (
            |i| i.amounts_note = Some("x".repeat(2001)),
            Field::IncidentAmountsNote,
        ),
        (
            |i| i.decision_reference = Some("x".repeat(201)),
            Field::IncidentDecisionReference,
        ),
        (
            |i| i.description = Some("x".repeat(20_001)),
            Field::IncidentDescription,
        ),
        (
            |i| i.wanted = Some("x".repeat(5_001)),
            Field::IncidentWanted,
        ),
        (
            |i| i.tags = (0..21).map(|n| n.to_string()).collect(),
            Field::IncidentTags,
        ),
        (|i| i.tags = vec!["x".repeat(41)], Field::IncidentTags),
    ];
    for (edit, field) in cases {
        let mut i = input();
        edit(&mut i);
        assert_eq!(
            i.validate(today(), Locale::Fr).unwrap_err(),
            CoreError::Invalid(field),
            "{field:?}"
        );
    }
}

#[test]
fn amounts_follow_the_locale() {
    let mut i = input();
    i.funds_held = Some("€1,234.56".into());
    assert!(i.validate(today(), Locale::Fr).is_err());
    assert_eq!(
        i.validate(today(), Locale::En)
            .unwrap()
            .1
            .amounts
            .funds_held_cents,
        Some(123_456)
    );
}

#[test]
fn an_incident_carries_its_checks_and_checklist() {
    let (_, data) = input().validate(today(), Locale::Fr).unwrap();
    let meta = IncidentMeta {
        id: 7,
        platform_name: "Amazon".into(),
        status: Status::Open,
        created_at: "2026-11-26T10:00:00+01:00".into(),
        updated_at: "2026-11-26T10:00:00+01:00".into(),
        deleted_at: None,
        piece_count: 0,
    };
    let incident = Incident::new(meta, data, today());
    assert!(matches!(
        incident.checks[0],
        Check::TerminationNotice(deadlines::NoticeStatus::ShortNotice { days: 10, .. })
    ));
    assert_eq!(incident.checklist.len(), 3);
    let json = serde_json::to_value(&incident).unwrap();
    assert_eq!(json["title"], "Compte fermé sans préavis");
    assert_eq!(json["dates"]["notifiedOn"], "2026-03-01");
    assert_eq!(json["status"], "open");
}

#[test]
fn changed_fields_are_names_only() {
    let (_, a) = input().validate(today(), Locale::Fr).unwrap();
    let mut b = a.clone();
    b.title = "Autre".into();
    b.amounts.fees_cents = Some(1);
    assert_eq!(b.changed_fields(&a), ["title", "fees_cents"]);
    assert!(a.changed_fields(&a).is_empty());
}

#[test]
fn statuses_round_trip_and_unknown_ones_are_refused() {
    for s in Status::ALL {
        assert_eq!(Status::parse(s.code()), Ok(s));
        assert_eq!(serde_json::to_value(s).unwrap(), s.code());
    }
    for bad in ["", "OPEN", "closed", " open"] {
        assert!(
            Status::parse(bad).is_err() || bad.trim() == "open",
            "{bad:?}"
        );
    }
}

#[test]
fn list_filters_are_checked() {
    let ok = IncidentFilters::default().validate(today()).unwrap();
    assert_eq!((ok.offset, ok.limit), (0, PAGE_DEFAULT));
    for (f, field) in [
        (
            IncidentFilters {
                limit: Some(0),
                ..Default::default()
            },
            Field::IncidentList,
        ),
        (
            IncidentFilters {
                limit: Some(201),
                ..Default::default()
            },
            Field::IncidentList,
        ),
        (
            IncidentFilters {
                offset: Some(-1),
                ..Default::default()
            },
            Field::IncidentList,
        ),
        (
            IncidentFilters {
                from: Some("hier".into()),
                ..Default::default()
            },
            Field::IncidentList,
        ),
        (
            IncidentFilters {
                status: Some("x".into()),
                ..Default::default()
            },
            Field::IncidentStatus,
        ),
        (
            IncidentFilters {
                category: Some("x".into()),
                ..Default::default()
            },
            Field::IncidentCategory,
        ),
    ] {
        assert_eq!(f.validate(today()).unwrap_err(), CoreError::Invalid(field));
    }
}

proptest! {
    #[test]
    fn validation_never_panics(
        title in "\\PC{0,250}",
        date in "\\PC{0,12}",
        amount in "\\PC{0,12}",
        tags in proptest::collection::vec("\\PC{0,50}", 0..25),
    ) {
        let mut i = input();
        i.title = title;
        i.occurred_on = Some(date);
        i.fees = Some(amount);
        i.tags = tags;
        if let Ok((_, data)) = i.validate(today(), Locale::Fr) {
            prop_assert!(!data.title.is_empty() && data.title.chars().count() <= TITLE_MAX);
            prop_assert!(data.tags.len() <= TAGS_MAX);
            prop_assert!(data.amounts.fees_cents.is_none_or(|c| c >= 0));
        }
    }
}
