use super::*;
use chrono::Datelike;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn facts(measure: Measure) -> IncidentFacts {
    IncidentFacts {
        measure: Some(measure),
        ..IncidentFacts::default()
    }
}

/// Any date from 1990 to 2100.
fn date() -> impl Strategy<Value = NaiveDate> {
    let span = days(d(1990, 1, 1), d(2100, 12, 31));
    (0..=span).prop_map(|n| d(1990, 1, 1) + Days::new(n as u64))
}

/// Any date chrono can hold.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

#[test]
fn terms_change_notice() {
    let mut f = facts(Measure::TermsChange);
    let today = d(2026, 6, 1);
    assert_eq!(
        checks(&f, today),
        [Check::TermsNotice(NoticeStatus::Unknown)]
    );
    f.notified = Some(d(2026, 3, 1));
    // Notified on 1 March: an effect 15 days later is in time, 14 days or fewer is not.
    for (took_effect, found) in [
        (
            d(2026, 3, 16),
            NoticeStatus::Met {
                days: 15,
                required: 15,
            },
        ),
        (
            d(2026, 3, 15),
            NoticeStatus::ShortNotice {
                days: 14,
                required: 15,
            },
        ),
        (
            d(2026, 2, 27),
            NoticeStatus::ShortNotice {
                days: -2,
                required: 15,
            },
        ),
    ] {
        f.took_effect = Some(took_effect);
        assert_eq!(
            checks(&f, today),
            [Check::TermsNotice(found)],
            "{took_effect}"
        );
    }
}

#[test]
fn termination_notice_and_its_decision_checks() {
    let f = IncidentFacts {
        notified: Some(d(2026, 1, 10)),
        took_effect: Some(d(2026, 1, 30)),
        decision: Some(d(2026, 1, 10)),
        reasons_received: Some(false),
        ..facts(Measure::Termination)
    };
    assert_eq!(
        checks(&f, d(2026, 2, 1)),
        [
            Check::TerminationNotice(NoticeStatus::ShortNotice {
                days: 20,
                required: 30
            }),
            Check::StatementOfReasons(ReasonsStatus::NotReceived),
            Check::ComplaintWindow(WindowStatus::Open {
                closes_on: d(2026, 7, 10),
                days_left: 159,
                urgent: false,
                counted_from: CountedFrom::Informed,
            }),
        ]
    );
    let met = IncidentFacts {
        took_effect: Some(d(2026, 2, 9)),
        ..f
    };
    assert_eq!(
        checks(&met, d(2026, 2, 1))[0],
        Check::TerminationNotice(NoticeStatus::Met {
            days: 30,
            required: 30
        })
    );
}

#[test]
fn statement_of_reasons_follows_the_flag() {
    for (flag, status) in [
        (None, ReasonsStatus::Unknown),
        (Some(true), ReasonsStatus::Received),
        (Some(false), ReasonsStatus::NotReceived),
    ] {
        let f = IncidentFacts {
            reasons_received: flag,
            ..facts(Measure::Restriction)
        };
        assert_eq!(
            checks(&f, d(2026, 1, 1)),
            [
                Check::StatementOfReasons(status),
                Check::ComplaintWindow(WindowStatus::Unknown)
            ]
        );
    }
}

#[test]
fn complaint_window_counts_calendar_months() {
    let w = |decision, today| window(None, Some(decision), today);
    // 31 August + 6 months: the last day of February, leap year or not.
    assert_eq!(
        w(d(2025, 8, 31), d(2026, 2, 28)),
        WindowStatus::Open {
            closes_on: d(2026, 2, 28),
            days_left: 0,
            urgent: true,
            counted_from: CountedFrom::Decision,
        }
    );
    assert_eq!(
        w(d(2025, 8, 31), d(2026, 3, 1)),
        WindowStatus::Closed {
            closed_on: d(2026, 2, 28),
            counted_from: CountedFrom::Decision,
        }
    );
    assert_eq!(
        w(d(2027, 8, 31), d(2028, 1, 1)),
        WindowStatus::Open {
            closes_on: d(2028, 2, 29),
            days_left: 59,
            urgent: false,
            counted_from: CountedFrom::Decision,
        }
    );
    // Urgent from 14 days left.
    assert!(matches!(
        w(d(2026, 1, 15), d(2026, 7, 1)),
        WindowStatus::Open {
            days_left: 14,
            urgent: true,
            ..
        }
    ));
    assert!(matches!(
        w(d(2026, 1, 15), d(2026, 6, 30)),
        WindowStatus::Open {
            days_left: 15,
            urgent: false,
            ..
        }
    ));
    assert_eq!(window(None, None, d(2026, 1, 1)), WindowStatus::Unknown);
    // Out of chrono's range: unknown, not a panic.
    assert_eq!(
        window(Some(NaiveDate::MAX), None, NaiveDate::MAX),
        WindowStatus::Unknown
    );
}

#[test]
fn out_of_court_decision_is_due_after_90_days() {
    let f = |decided| IncidentFacts {
        referral: Some(d(2026, 1, 1)),
        referral_decided: decided,
        ..IncidentFacts::default()
    };
    assert_eq!(
        checks(&f(None), d(2026, 4, 1)),
        [Check::OutOfCourtDecision(OutOfCourtStatus::Pending {
            due_on: d(2026, 4, 1),
            days_left: 0
        })]
    );
    // DSA 21(4): a highly complex dispute may take up to 180 days: day 100 is not overdue.
    assert_eq!(
        checks(&f(None), d(2026, 4, 11)),
        [Check::OutOfCourtDecision(OutOfCourtStatus::Extendable {
            due_on: d(2026, 4, 1),
            extended_due_on: d(2026, 6, 30),
            days_left: 80,
        })]
    );
    assert!(matches!(
        checks(&f(None), d(2026, 6, 30))[0],
        Check::OutOfCourtDecision(OutOfCourtStatus::Extendable { days_left: 0, .. })
    ));
    assert_eq!(
        checks(&f(None), d(2026, 7, 1)),
        [Check::OutOfCourtDecision(OutOfCourtStatus::Overdue {
            due_on: d(2026, 6, 30),
            since_days: 1
        })]
    );
    assert_eq!(
        checks(&f(Some(d(2026, 3, 2))), d(2026, 12, 1)),
        [Check::OutOfCourtDecision(OutOfCourtStatus::Decided {
            days: 60
        })]
    );
}

#[test]
fn answer_awaited_or_received() {
    let mut f = IncidentFacts {
        complaint_sent: Some(d(2026, 5, 1)),
        ..IncidentFacts::default()
    };
    assert_eq!(
        checks(&f, d(2026, 5, 21)),
        [Check::Answer(AnswerStatus::Awaiting { days: 20 })]
    );
    f.answer_received = Some(d(2026, 5, 4));
    assert_eq!(
        checks(&f, d(2026, 5, 21)),
        [Check::Answer(AnswerStatus::Answered { days: 3 })]
    );
}

#[test]
fn nothing_to_check_without_a_measure_or_a_step() {
    let f = IncidentFacts {
        notified: Some(d(2026, 1, 1)),
        took_effect: Some(d(2026, 1, 2)),
        decision: Some(d(2026, 1, 1)),
        reasons_received: Some(false),
        ..IncidentFacts::default()
    };
    assert!(checks(&f, d(2026, 2, 1)).is_empty());
    // A terms change is no decision on the account: no reasons, no complaint window.
    assert_eq!(
        checks(
            &IncidentFacts {
                measure: Some(Measure::TermsChange),
                ..f
            },
            d(2026, 2, 1)
        )
        .len(),
        1
    );
}

#[test]
fn serialised_as_kind_and_status() {
    let c = Check::ComplaintWindow(WindowStatus::Open {
        closes_on: d(2026, 7, 10),
        days_left: 3,
        urgent: true,
        counted_from: CountedFrom::Decision,
    });
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"kind":"complaintWindow","status":{"state":"open","closesOn":"2026-07-10","daysLeft":3,"urgent":true,"countedFrom":"decision"}}"#
    );
    let f: IncidentFacts =
        serde_json::from_str(r#"{"measure":"terms_change","notified":"2026-03-01"}"#).unwrap();
    assert_eq!(f.measure, Some(Measure::TermsChange));
    assert_eq!(f.notified, Some(d(2026, 3, 1)));
    for m in Measure::ALL {
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            format!("\"{}\"", m.code())
        );
    }
}

#[test]
fn the_window_runs_from_the_day_informed_not_the_decision() {
    // DSA 20(1): decided on 10 January, the owner informed by e-mail on 20 January.
    let f = IncidentFacts {
        decision: Some(d(2026, 1, 10)),
        notified: Some(d(2026, 1, 20)),
        ..facts(Measure::Suspension)
    };
    assert_eq!(
        checks(&f, d(2026, 7, 15))[1],
        Check::ComplaintWindow(WindowStatus::Open {
            closes_on: d(2026, 7, 20),
            days_left: 5,
            urgent: true,
            counted_from: CountedFrom::Informed,
        })
    );
    // Without the day informed: from the decision, and said so.
    let g = IncidentFacts {
        notified: None,
        ..f
    };
    assert_eq!(
        checks(&g, d(2026, 7, 15))[1],
        Check::ComplaintWindow(WindowStatus::Closed {
            closed_on: d(2026, 7, 10),
            counted_from: CountedFrom::Decision,
        })
    );
}

proptest! {
    #[test]
    fn the_window_counts_from_the_day_informed_when_known(
        decision in proptest::option::of(date()), later in 0u64..400, today in date(),
    ) {
        // Informed on or after the decision (or with no decision date recorded).
        let informed = decision.unwrap_or(d(2000, 1, 1)) + Days::new(later);
        let last = informed.checked_add_months(Months::new(6)).unwrap();
        match window(Some(informed), decision, today) {
            WindowStatus::Open { closes_on, counted_from, .. } => prop_assert!(closes_on == last && counted_from == CountedFrom::Informed),
            WindowStatus::Closed { closed_on, counted_from } => prop_assert!(closed_on == last && counted_from == CountedFrom::Informed),
            WindowStatus::Unknown => prop_assert!(false),
        }
        // Never closes earlier than when counted from the decision.
        if let Some(dec) = decision {
            let from_dec = dec.checked_add_months(Months::new(6)).unwrap();
            prop_assert!(last >= from_dec);
        }
    }

    #[test]
    fn a_later_effect_never_shortens_the_notice(n in date(), e in date(), later in 0u64..400, required in 0i64..60) {
        let e2 = e + Days::new(later);
        let days_of = |s: NoticeStatus| match s {
            NoticeStatus::Met { days, .. } | NoticeStatus::ShortNotice { days, .. } => days,
            NoticeStatus::Unknown => unreachable!(),
        };
        let (a, b) = (notice(Some(n), Some(e), required), notice(Some(n), Some(e2), required));
        prop_assert!(days_of(b) >= days_of(a));
        let (a_met, b_met) = (matches!(a, NoticeStatus::Met { .. }), matches!(b, NoticeStatus::Met { .. }));
        prop_assert!(!a_met || b_met);
        // Met exactly when the days reach what is required.
        prop_assert_eq!(a_met, days(n, e) >= required);
        prop_assert_eq!(notice(None, Some(e), required), NoticeStatus::Unknown);
        prop_assert_eq!(notice(Some(n), None, required), NoticeStatus::Unknown);
    }

    #[test]
    fn the_window_closes_exactly_six_months_after(decision in date(), today in date()) {
        let last = decision.checked_add_months(Months::new(6)).unwrap();
        let on_last_day = window(None, Some(decision), last);
        prop_assert!(matches!(on_last_day, WindowStatus::Open { days_left: 0, urgent: true, .. }), "{on_last_day:?}");
        prop_assert_eq!(window(None, Some(decision), last + Days::new(1)), WindowStatus::Closed { closed_on: last, counted_from: CountedFrom::Decision });
        // Same day of the month, or the month's last day when it has no such day.
        prop_assert!(last.day() == decision.day() || (last.day() < decision.day() && (last + Days::new(1)).day() == 1));
        prop_assert_eq!((last.year() * 12 + last.month0() as i32) - (decision.year() * 12 + decision.month0() as i32), 6);
        match window(None, Some(decision), today) {
            WindowStatus::Open { closes_on, days_left, urgent, .. } => {
                prop_assert!(days_left >= 0);
                prop_assert_eq!(closes_on, last);
                prop_assert_eq!(today + Days::new(days_left as u64), last);
                prop_assert_eq!(urgent, days_left <= URGENT_DAYS);
            }
            WindowStatus::Closed { closed_on, .. } => prop_assert!(closed_on == last && today > last),
            WindowStatus::Unknown => prop_assert!(false, "a decision date gives a window"),
        }
    }

    #[test]
    fn the_out_of_court_decision_is_due_90_days_after(referral in date(), today in date()) {
        let due = referral + Days::new(90);
        let latest = referral + Days::new(180);
        match out_of_court(referral, None, today).unwrap() {
            OutOfCourtStatus::Pending { due_on, days_left } => prop_assert!(due_on == due && days_left >= 0 && today <= due),
            OutOfCourtStatus::Extendable { due_on, extended_due_on, days_left } => prop_assert!(
                due_on == due && extended_due_on == latest && today > due && today <= latest
                    && today + Days::new(days_left as u64) == latest),
            OutOfCourtStatus::Overdue { due_on, since_days } => prop_assert!(due_on == latest && since_days >= 1 && today > latest),
            OutOfCourtStatus::Decided { .. } => prop_assert!(false),
        }
    }

    #[test]
    fn the_checks_that_apply_depend_on_the_facts(
        measure in proptest::option::of(proptest::sample::select(Measure::ALL.to_vec())),
        dates in proptest::collection::vec(proptest::option::of(date()), 7),
        reasons in proptest::option::of(any::<bool>()),
        today in date(),
    ) {
        let f = IncidentFacts {
            measure, reasons_received: reasons,
            notified: dates[0], took_effect: dates[1], decision: dates[2], complaint_sent: dates[3],
            answer_received: dates[4], referral: dates[5], referral_decided: dates[6],
        };
        let kinds: Vec<&str> = checks(&f, today).iter().map(|c| match c {
            Check::TermsNotice(_) => "terms", Check::TerminationNotice(_) => "termination",
            Check::StatementOfReasons(_) => "reasons", Check::ComplaintWindow(_) => "window",
            Check::Answer(_) => "answer", Check::OutOfCourtDecision(_) => "court",
        }).collect();
        let mut expected = match measure {
            Some(Measure::TermsChange) => vec!["terms"],
            Some(Measure::Termination) => vec!["termination", "reasons", "window"],
            Some(_) => vec!["reasons", "window"],
            None => vec![],
        };
        if f.complaint_sent.is_some() { expected.push("answer"); }
        if f.referral.is_some() { expected.push("court"); }
        prop_assert_eq!(kinds, expected);
    }

    #[test]
    fn no_date_chrono_holds_makes_a_check_panic(
        dates in proptest::collection::vec(proptest::option::of(any_date()), 7),
        today in any_date(),
    ) {
        for measure in Measure::ALL {
            let f = IncidentFacts {
                measure: Some(measure), reasons_received: None,
                notified: dates[0], took_effect: dates[1], decision: dates[2], complaint_sent: dates[3],
                answer_received: dates[4], referral: dates[5], referral_decided: dates[6],
            };
            let _ = checks(&f, today);
        }
    }
}
