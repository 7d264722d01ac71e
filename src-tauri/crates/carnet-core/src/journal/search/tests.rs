use super::*;

fn check(query: &str, filters: &SearchFilters) -> Result<SearchRequest, CoreError> {
    SearchRequest::check(query, filters, "", 0)
}

fn invalid(field: Field) -> Result<SearchRequest, CoreError> {
    Err(CoreError::Invalid(field))
}

#[test]
fn any_text_is_a_search_but_a_too_long_one() {
    let none = SearchFilters::default();
    for q in [
        "",
        "  ",
        "\"",
        "*",
        "NEAR(a b",
        "a:b",
        "-x",
        "^y",
        "'; DROP TABLE x; --",
    ] {
        assert_eq!(check(q, &none).unwrap().text, q.trim(), "{q:?}");
    }
    assert_eq!(check("a\0b\u{202E}c\n", &none).unwrap().text, "a b c");
    assert_eq!(
        check(&"é".repeat(QUERY_MAX), &none)
            .unwrap()
            .text
            .chars()
            .count(),
        QUERY_MAX
    );
    assert_eq!(
        check(&"é".repeat(QUERY_MAX + 1), &none),
        invalid(Field::SearchQuery)
    );
    assert_eq!(
        check(&"x".repeat(100_000), &none),
        invalid(Field::SearchQuery)
    );
}

#[test]
fn filters_are_checked_and_axes_become_categories() {
    let f = SearchFilters {
        platform_ids: Some(vec![3, 3, 7]),
        categories: Some(vec!["ACC-02".into(), " CTF-01 ".into()]),
        statuses: Some(vec!["open".into(), "mediation".into()]),
        from: Some("2026-01-01".into()),
        to: Some("2026-03-31".into()),
        ..Default::default()
    };
    let r = check("x", &f).unwrap();
    assert_eq!(r.platform_ids, Some(vec![3, 3, 7]));
    assert_eq!(r.categories, Some(vec!["ACC-02".into(), "CTF-01".into()]));
    assert_eq!(r.statuses, Some(vec![Status::Open, Status::Mediation]));
    assert_eq!(r.from, NaiveDate::from_ymd_opt(2026, 1, 1));

    // The main axis only: FIN-02 (A1, A2) is under A1; CTF-02 (A3, A2) under A3.
    let a2 = SearchFilters {
        axes: Some(vec!["A2".into()]),
        ..Default::default()
    };
    let cats = check("", &a2).unwrap().categories.unwrap();
    assert!(cats.contains(&"ACC-02".to_owned()));
    assert!(!cats.contains(&"FIN-02".to_owned()) && !cats.contains(&"CTF-02".to_owned()));
    let both = SearchFilters {
        axes: Some(vec!["A3".into()]),
        categories: Some(vec!["ACC-02".into(), "CTF-02".into()]),
        ..Default::default()
    };
    assert_eq!(
        check("", &both).unwrap().categories,
        Some(vec!["CTF-02".to_owned()])
    );
    let disjoint = SearchFilters {
        axes: Some(vec!["A3".into()]),
        categories: Some(vec!["ACC-02".into()]),
        ..Default::default()
    };
    assert_eq!(check("", &disjoint).unwrap().categories, Some(vec![]));

    let empty = SearchFilters {
        platform_ids: Some(vec![]),
        categories: Some(vec![]),
        axes: Some(vec![]),
        statuses: Some(vec![]),
        from: Some(" ".into()),
        to: None,
    };
    let r = check("", &empty).unwrap();
    assert_eq!(
        (r.platform_ids, r.categories, r.statuses, r.from, r.to),
        (None, None, None, None, None)
    );
}

#[test]
fn bad_filters_name_their_field() {
    let cases: Vec<(SearchFilters, Field)> = vec![
        (
            SearchFilters {
                platform_ids: Some(vec![0]),
                ..Default::default()
            },
            Field::SearchPlatforms,
        ),
        (
            SearchFilters {
                platform_ids: Some(vec![1; FILTER_VALUES_MAX + 1]),
                ..Default::default()
            },
            Field::SearchPlatforms,
        ),
        (
            SearchFilters {
                categories: Some(vec!["ACC-99".into()]),
                ..Default::default()
            },
            Field::SearchCategories,
        ),
        (
            SearchFilters {
                axes: Some(vec!["A4".into()]),
                ..Default::default()
            },
            Field::SearchAxes,
        ),
        (
            SearchFilters {
                statuses: Some(vec!["closed".into()]),
                ..Default::default()
            },
            Field::SearchStatuses,
        ),
        (
            SearchFilters {
                from: Some("2026-02-30".into()),
                ..Default::default()
            },
            Field::SearchPeriod,
        ),
        (
            SearchFilters {
                from: Some("2026-03-01".into()),
                to: Some("2026-02-01".into()),
                ..Default::default()
            },
            Field::SearchPeriod,
        ),
    ];
    for (f, field) in cases {
        assert_eq!(check("", &f), invalid(field), "{f:?}");
    }
    let none = SearchFilters::default();
    assert_eq!(
        SearchRequest::check("", &none, "newest", 0),
        invalid(Field::SearchSort)
    );
    for page in [-1, PAGE_LAST + 1, i64::MAX, i64::MIN] {
        assert_eq!(
            SearchRequest::check("", &none, "", page),
            invalid(Field::SearchPage)
        );
    }
    for s in SearchSort::ALL {
        assert_eq!(SearchSort::parse(s.code()), Ok(s));
    }
    assert_eq!(SearchSort::parse(" "), Ok(SearchSort::Relevance));
}
