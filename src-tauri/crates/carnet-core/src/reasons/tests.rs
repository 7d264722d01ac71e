use super::*;
use proptest::prelude::*;

fn elements(kind: DecisionKind, ticked: &[ReasonElement]) -> Vec<ReasonElement> {
    missing(kind, ticked)
        .into_iter()
        .map(|m| m.element)
        .collect()
}

#[test]
fn a_silent_suspension_misses_every_dsa_17_element_and_p2b_4_1() {
    let m = elements(DecisionKind::Suspension, &[]);
    assert_eq!(
        m,
        [
            ReasonElement::Scope,
            ReasonElement::Facts,
            ReasonElement::AutomatedMeans,
            ReasonElement::LegalGround,
            ReasonElement::ContractualGround,
            ReasonElement::Redress,
            ReasonElement::GivenInTime,
            ReasonElement::SpecificFacts,
        ]
    );
}

#[test]
fn a_termination_is_measured_against_p2b_4_2_not_4_1() {
    let m = elements(DecisionKind::Termination, &[]);
    assert!(m.contains(&ReasonElement::TerminationNotice));
    assert!(!m.contains(&ReasonElement::GivenInTime));
}

#[test]
fn a_payment_hold_is_covered_by_dsa_17() {
    // DSA 17(1)(b): restrictions of payments too.
    assert!(elements(DecisionKind::PaymentRestriction, &[]).contains(&ReasonElement::Facts));
}

#[test]
fn the_missing_facts_are_a_ground_with_their_article() {
    let m = missing(DecisionKind::VisibilityRestriction, &[ReasonElement::Scope]);
    let facts = m
        .iter()
        .find(|g| g.element == ReasonElement::Facts)
        .unwrap();
    assert_eq!(facts.article, "DSA 17(3)(b)");
    assert!(
        facts
            .text
            .en
            .starts_with("The decision does not state: the facts")
    );
    assert!(facts.text.en.ends_with("(DSA 17(3)(b))"));
    assert!(facts.text.fr.contains("(DSA 17(3)(b))"));
}

#[test]
fn either_ground_answers_17_3_d_and_e() {
    let m = elements(
        DecisionKind::AccountOrOffers,
        &[ReasonElement::ContractualGround],
    );
    assert!(!m.contains(&ReasonElement::LegalGround));
    assert!(!m.contains(&ReasonElement::ContractualGround));
}

#[test]
fn every_text_in_both_languages_without_injunction() {
    for e in ReasonElement::ALL {
        for l in [e.label(), e.missing_text()] {
            assert!(!l.fr.is_empty() && !l.en.is_empty());
            assert!(!l.fr.contains("vous devez") && !l.en.to_lowercase().contains("you must"));
            assert!(!l.fr.contains('\''));
        }
    }
}

proptest! {
    #[test]
    fn ticking_more_never_adds_a_missing_ground(
        kind in proptest::sample::select(DecisionKind::ALL.to_vec()),
        a in proptest::sample::subsequence(ReasonElement::ALL.to_vec(), 0..=9),
        extra in proptest::sample::select(ReasonElement::ALL.to_vec()),
    ) {
        let before = elements(kind, &a);
        let mut more = a.clone();
        more.push(extra);
        let after = elements(kind, &more);
        prop_assert!(after.iter().all(|e| before.contains(e)));
        // Everything required ticked: nothing missing.
        prop_assert!(elements(kind, &required(kind)).is_empty());
        // Only required elements are ever missing.
        prop_assert!(before.iter().all(|e| required(kind).contains(e)));
    }
}

/// The form's catalogue: every decision, each with the law's elements for it (a termination
/// asks for the 30 days' notice, not reasons "in time"), labelled in both languages.
#[test]
fn the_catalogue_offers_each_decisions_elements() {
    let all = catalogue();
    assert_eq!(all.len(), DecisionKind::ALL.len());
    for d in &all {
        assert!(!d.label.fr.is_empty() && !d.label.en.is_empty());
        assert_eq!(
            d.elements.iter().map(|e| e.element).collect::<Vec<_>>(),
            required(d.kind)
        );
    }
    let termination = all
        .iter()
        .find(|d| d.kind == DecisionKind::Termination)
        .unwrap();
    let articles: Vec<&str> = termination
        .elements
        .iter()
        .map(|e| e.article.as_str())
        .collect();
    assert!(articles.contains(&"P2B 4(2)") && !articles.contains(&"P2B 4(1)"));
}
