use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn input() -> EventInput {
    EventInput {
        incident_id: 1,
        happened_on: "2026-03-02".into(),
        actor: "platform".into(),
        channel: "portal_message".into(),
        summary: " Message de suspension ".into(),
        full_text: Some("Bonjour,\r\nvotre compte…".into()),
        piece_ids: vec![3, 3, 4],
        ..EventInput::default()
    }
}

#[test]
fn an_event_is_validated() {
    let (id, e) = input().validate(today()).unwrap();
    assert_eq!(id, None);
    assert_eq!(e.summary, "Message de suspension");
    assert_eq!(e.full_text, "Bonjour,\nvotre compte…");
    assert_eq!(e.piece_ids, [3, 4]);
    assert_eq!(
        (e.actor, e.channel),
        (Actor::Platform, Channel::PortalMessage)
    );
}

#[test]
fn each_bad_input_names_its_field() {
    type Edit = fn(&mut EventInput);
    let cases: Vec<(Edit, Field)> = vec![
        (|e| e.happened_on = "".into(), Field::EventDate),
        (|e| e.happened_on = "2026-02-29".into(), Field::EventDate),
        (|e| e.actor = "them".into(), Field::EventActor),
        (|e| e.channel = "fax".into(), Field::EventChannel),
        (|e| e.summary = "".into(), Field::EventSummary),
        (|e| e.summary = "x".repeat(301), Field::EventSummary),
        (
            |e| e.full_text = Some("x".repeat(100_001)),
            Field::EventFullText,
        ),
        (|e| e.piece_ids = vec![0], Field::EventPieces),
        (|e| e.piece_ids = (1..=201).collect(), Field::EventPieces),
        (|e| e.decision = Some("ban".into()), Field::EventDecision),
        (
            |e| e.reasons_given = vec!["scope".into()],
            Field::EventReasons,
        ),
        (
            |e| {
                e.decision = Some("suspension".into());
                e.reasons_given = vec!["motive".into()];
            },
            Field::EventReasons,
        ),
        (
            |e| {
                e.decision = Some("suspension".into());
                e.reasons_given = vec!["scope".into(); 19];
            },
            Field::EventReasons,
        ),
    ];
    for (edit, field) in cases {
        let mut e = input();
        edit(&mut e);
        assert_eq!(
            e.validate(today()).unwrap_err(),
            CoreError::Invalid(field),
            "{field:?}"
        );
    }
}

#[test]
fn codes_round_trip() {
    for a in Actor::ALL {
        assert_eq!(Actor::parse(a.code()), Ok(a));
        assert_eq!(serde_json::to_value(a).unwrap(), a.code());
    }
    for c in Channel::ALL {
        assert_eq!(Channel::parse(c.code()), Ok(c));
        assert_eq!(serde_json::to_value(c).unwrap(), c.code());
    }
}

/// The checker's input: a decision and what its message contained, deduplicated in the law's
/// order; the missing elements follow (here the facts, automated means, redress, P2B 4(1) and
/// 4(5): the contractual ground stands for the legal one).
#[test]
fn a_decision_is_checked_against_the_statement_of_reasons() {
    let mut e = input();
    e.decision = Some(" suspension ".into());
    e.reasons_given = vec!["contractual_ground".into(), "scope".into(), "scope".into()];
    let (_, data) = e.validate(today()).unwrap();
    let check = data.decision.clone().unwrap();
    assert_eq!(check.kind, DecisionKind::Suspension);
    assert_eq!(
        check.given,
        [ReasonElement::Scope, ReasonElement::ContractualGround]
    );
    let missing: Vec<String> = check.missing().into_iter().map(|m| m.article).collect();
    assert_eq!(
        missing,
        [
            "DSA 17(3)(b)",
            "DSA 17(3)(c)",
            "DSA 17(3)(f)",
            "P2B 4(1)",
            "P2B 4(5)"
        ]
    );
    let mut none = input();
    none.decision = Some("  ".into());
    assert_eq!(none.validate(today()).unwrap().1.decision, None);
    let mut old = data.clone();
    old.decision = None;
    assert_eq!(data.changed_fields(&old), ["decision"]);
}

#[test]
fn decision_codes_round_trip() {
    for k in DecisionKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.code());
    }
    for r in ReasonElement::ALL {
        assert_eq!(ReasonElement::parse(r.code()), Some(r));
        assert_eq!(serde_json::to_value(r).unwrap(), r.code());
    }
}

proptest::proptest! {
    /// Any decision and elements typed: a result or a named field, never a panic; what passes
    /// holds only known codes.
    #[test]
    fn any_decision_input_is_answered(
        kind in proptest::option::of(".{0,30}"),
        given in proptest::collection::vec("[a-z_]{0,20}", 0..25),
    ) {
        let mut e = input();
        e.decision = kind;
        e.reasons_given = given;
        match e.validate(today()) {
            Ok((_, data)) => {
                if let Some(check) = data.decision {
                    proptest::prop_assert!(check.given.windows(2).all(|w| w[0] < w[1]));
                }
            }
            Err(err) => proptest::prop_assert!(matches!(
                err,
                CoreError::Invalid(Field::EventDecision | Field::EventReasons)
            )),
        }
    }
}

fn event(id: i64, day: &str, decision: Option<(&str, Vec<&str>)>) -> Event {
    let mut e = input();
    e.happened_on = day.into();
    if let Some((kind, given)) = decision {
        e.decision = Some(kind.into());
        e.reasons_given = given.into_iter().map(String::from).collect();
    }
    Event {
        id,
        data: e.validate(today()).unwrap().1,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

/// The latest decision's missing elements are the chronology's grounds; a later event that
/// records no decision changes nothing; none without a decision.
#[test]
fn the_latest_decision_gives_the_grounds() {
    assert!(decision_grounds(&[event(1, "2026-03-01", None)]).is_empty());
    let all_but_redress = vec![
        "scope",
        "facts",
        "automated_means",
        "legal_ground",
        "given_in_time",
        "specific_facts",
    ];
    let events = [
        event(1, "2026-03-01", Some(("suspension", vec![]))),
        event(2, "2026-04-01", Some(("termination", all_but_redress))),
        event(3, "2026-05-01", None),
    ];
    let grounds: Vec<String> = decision_grounds(&events)
        .into_iter()
        .map(|g| g.article)
        .collect();
    assert_eq!(grounds, ["DSA 17(3)(f)", "P2B 4(2)"]);
}
