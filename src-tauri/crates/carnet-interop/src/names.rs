//! What a file's name says about the incident it belongs to: the references it holds (an
//! order or listing number: `CMD-004471.png`, `commande 4471-A.jpg`) and the days it names
//! (`Capture d’écran 2026-11-26 à 14.02.11.png`, `IMG_20261126_140211.jpg`, `26.11.2026.pdf`).
//! The shell looks them up in the journal to propose an incident for each screenshot of a
//! folder; the owner confirms.

use chrono::NaiveDate;

/// The days a file name names: `AAAA-MM-JJ`, `JJ-MM-AAAA` (with `-`, `_` or `.`) and
/// `AAAAMMJJ`; impossible days are left out. In the order found, without repeats.
pub fn dates(name: &str) -> Vec<NaiveDate> {
    spans(name)
        .into_iter()
        .map(|s| s.day)
        .fold(Vec::new(), |mut out, d| {
            if !out.contains(&d) {
                out.push(d);
            }
            out
        })
}

/// The references a file name holds: its runs of letters and digits of at least 4
/// characters with a digit among them, outside the days it names (and not a time like
/// `140211` right after a day), lower-cased. In the order found, without repeats.
pub fn references(name: &str) -> Vec<String> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, ext)| {
        if ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()) {
            stem
        } else {
            name
        }
    });
    let days = spans(stem);
    let mut out: Vec<String> = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = stem.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        }
        let ends = !c.is_alphanumeric() || i + 1 == chars.len();
        if let (true, Some(from)) = (ends, start) {
            let to = if c.is_alphanumeric() {
                at + c.len_utf8()
            } else {
                at
            };
            start = None;
            let token = &stem[from..to];
            let in_day = days.iter().any(|d| from < d.end && d.start < to);
            let time_after_day = days.iter().any(|d| d.end <= from && from - d.end <= 1)
                && token.len() == 6
                && token.chars().all(|c| c.is_ascii_digit());
            if token.chars().count() >= 4
                && token.chars().any(|c| c.is_ascii_digit())
                && !in_day
                && !time_after_day
            {
                let token = token.to_lowercase();
                if !out.contains(&token) {
                    out.push(token);
                }
            }
        }
    }
    out
}

struct Span {
    start: usize,
    end: usize,
    day: NaiveDate,
}

/// The runs of ASCII digits of `s`, with their byte offsets.
fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let from = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((from, i));
        } else {
            i += 1;
        }
    }
    runs
}

fn day(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !(1990..=2099).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

fn spans(s: &str) -> Vec<Span> {
    let runs = digit_runs(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let text = |k: usize| &s[runs[k].0..runs[k].1];
        let sep = |k: usize| {
            runs.get(k + 1).is_some_and(|next| {
                next.0 == runs[k].1 + 1 && matches!(s.as_bytes()[runs[k].1], b'-' | b'_' | b'.')
            })
        };
        if i + 2 < runs.len() && sep(i) && sep(i + 1) {
            let (a, b, c) = (text(i), text(i + 1), text(i + 2));
            let found = match (a.len(), b.len(), c.len()) {
                (4, 2, 2) => day(a, b, c),
                (2, 2, 4) => day(c, b, a),
                _ => None,
            };
            if let Some(day) = found {
                out.push(Span {
                    start: runs[i].0,
                    end: runs[i + 2].1,
                    day,
                });
                i += 3;
                continue;
            }
        }
        let t = text(i);
        if t.len() == 8
            && let Some(day) = day(&t[..4], &t[4..6], &t[6..])
        {
            out.push(Span {
                start: runs[i].0,
                end: runs[i].1,
                day,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_are_read_in_the_ways_cameras_and_systems_write_them() {
        assert_eq!(
            dates("Capture d’écran 2026-11-26 à 14.02.11.png"),
            [d(2026, 11, 26)]
        );
        assert_eq!(dates("IMG_20261126_140211.jpg"), [d(2026, 11, 26)]);
        assert_eq!(dates("relevé 26.11.2026.pdf"), [d(2026, 11, 26)]);
        assert_eq!(
            dates("26_11_2026 puis 2026-12-01.png"),
            [d(2026, 11, 26), d(2026, 12, 1)]
        );
        assert!(dates("2026-02-30.png").is_empty(), "no such day");
        assert!(dates("commande 12345678.png").is_empty());
        assert!(dates("").is_empty());
    }

    #[test]
    fn references_are_the_runs_with_digits_outside_the_days() {
        assert_eq!(references("CMD-004471.png"), ["004471"]);
        assert_eq!(references("commande 4471-A.jpg"), ["4471"]);
        assert_eq!(
            references("Commande n°FR4471B du 2026-11-26.png"),
            ["fr4471b"]
        );
        assert!(
            references("IMG_20261126_140211.jpg").is_empty(),
            "a day and a time"
        );
        assert!(references("Capture d’écran 2026-11-26 à 14.02.11.png").is_empty());
        assert!(references("photo.png").is_empty());
        assert_eq!(references("A1B2C3D4"), ["a1b2c3d4"]);
        assert_eq!(references("ticket 4471 et 4471.png"), ["4471"]);
    }
}
