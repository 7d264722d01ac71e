//! The retry queue: back-off with a cap, and nothing is ever dropped.

use carnet_proof::queue::{BASE_DELAY, MAX_DELAY, RetryQueue, backoff};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

#[test]
fn backoff_doubles_up_to_the_cap() {
    assert_eq!(backoff(1), BASE_DELAY);
    assert_eq!(backoff(2), BASE_DELAY * 2);
    assert_eq!(backoff(3), BASE_DELAY * 4);
    assert_eq!(backoff(30), MAX_DELAY);
    assert_eq!(backoff(u32::MAX), MAX_DELAY);
}

#[test]
fn failed_request_waits_then_is_due_again() {
    let mut q = RetryQueue::new();
    q.push("P1", t0());
    assert_eq!(q.due(t0()), vec!["P1"]);
    q.failed(&"P1", t0());
    assert!(q.due(t0() + Duration::seconds(29)).is_empty());
    assert_eq!(q.due(t0() + Duration::seconds(30)), vec!["P1"]);
    assert_eq!(q.next_wake(), Some(t0() + Duration::seconds(30)));
    q.wake_all(t0() + Duration::seconds(1));
    assert_eq!(q.due(t0() + Duration::seconds(1)), vec!["P1"]);
    assert_eq!(q.pending()[0].attempts, 1);
    q.succeeded(&"P1");
    assert!(q.is_empty());
}

#[derive(Clone, Debug)]
enum Op {
    Push(u8),
    Fail(u8),
    Succeed(u8),
    Advance(u32),
    WakeAll,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..16).prop_map(Op::Push),
        (0u8..16).prop_map(Op::Fail),
        (0u8..16).prop_map(Op::Succeed),
        (0u32..100_000).prop_map(Op::Advance),
        Just(Op::WakeAll),
    ]
}

proptest! {
    /// Every key pushed stays until it succeeds, appears once, and is due again by the cap.
    #[test]
    fn nothing_is_dropped(ops in proptest::collection::vec(op(), 0..200)) {
        let mut q = RetryQueue::new();
        let mut expected = std::collections::BTreeSet::new();
        let mut now = t0();
        for op in ops {
            match op {
                Op::Push(k) => { q.push(k, now); expected.insert(k); }
                Op::Fail(k) => q.failed(&k, now),
                Op::Succeed(k) => { q.succeeded(&k); expected.remove(&k); }
                Op::Advance(s) => now += Duration::seconds(i64::from(s)),
                Op::WakeAll => q.wake_all(now),
            }
            let mut keys: Vec<u8> = q.pending().iter().map(|p| p.key).collect();
            keys.sort();
            let want: Vec<u8> = expected.iter().copied().collect();
            prop_assert_eq!(&keys, &want);
            prop_assert_eq!(q.len(), want.len());
            for p in q.pending() {
                prop_assert!(p.next_try <= now + MAX_DELAY);
            }
        }
        let mut due = q.due(now + MAX_DELAY);
        due.sort();
        prop_assert_eq!(due, expected.into_iter().collect::<Vec<_>>());
    }
}
