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
