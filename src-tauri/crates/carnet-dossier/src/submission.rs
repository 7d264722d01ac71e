//! The submission helper: for each field of the destination's form or letter
//! (`[[destination.fields]]` in `data/destinations.toml`), the text to paste into it, in the
//! dossier's language, computed from the report; and the form's address when it is known.
//!
//! Texts are plain (line breaks between items), never empty ("not given" at worst), and never
//! longer than the field's `max_chars` (counted in characters): a longer text is cut at a
//! word, marked with "…" and flagged `shortened` (the PDF has it in full). French texts get
//! French typography with ordinary no-break spaces (U+00A0), which every web form keeps.

use carnet_core::Catalogue;
use carnet_core::Locale;
use carnet_core::delivery::{SubmissionField, SubmissionHelp};
use carnet_core::dossier::file_name;
use carnet_core::format::{euros, long_date};
use carnet_core::journal::incident::ReasonsReceived;
use carnet_core::report::{IdentityChoice, IpRightKind, MediateurRequest, Report, StepKind};

use crate::destinations::{FieldKind, plan};
use crate::limits::check_limits;
use crate::names::piece_file_name;
use crate::texts::T;
use crate::typography::typeset;

/// The destination's form address and each field with its text.
pub fn submission_help(report: &Report) -> SubmissionHelp {
    let p = plan(report.destination);
    SubmissionHelp {
        destination: report.destination,
        url: (!p.url.is_empty()).then(|| p.url.clone()),
        fields: submission_fields(report),
    }
}

/// The destination's form address, when known.
pub fn form_url(report: &Report) -> Option<&'static str> {
    let p = plan(report.destination);
    (!p.url.is_empty()).then_some(p.url.as_str())
}

/// Each field of the destination's form or letter with the text to paste into it.
pub fn submission_fields(report: &Report) -> Vec<SubmissionField> {
    let l = report.locale;
    plan(report.destination)
        .fields
        .iter()
        .map(|f| {
            let raw = text(report, f.key);
            let raw = if raw.trim().is_empty() {
                T::NotGiven.get(l).to_owned()
            } else {
                raw
            };
            let clean = plain(&raw, l);
            let (text, shortened) = match f.max_chars {
                Some(max) => fit(&clean, max as usize, l),
                None => (clean, false),
            };
            SubmissionField {
                key: f.key.key().to_owned(),
                label: f.label.get(l).to_owned(),
                text,
                max_chars: f.max_chars,
                shortened,
            }
        })
        .collect()
}

/// Typeset, with the narrow no-break space as an ordinary one, and trimmed.
fn plain(s: &str, l: Locale) -> String {
    typeset(s, l)
        .replace('\u{202F}', "\u{A0}")
        .trim()
        .to_owned()
}

/// The text cut to `max` characters at a word, with "…"; whether it was cut.
pub fn fit(s: &str, max: usize, _l: Locale) -> (String, bool) {
    if s.chars().count() <= max {
        return (s.to_owned(), false);
    }
    if max <= 1 {
        return (s.chars().take(max).collect(), true);
    }
    let head: String = s.chars().take(max - 1).collect();
    // Back to the last space if it is not too far back (a very long word is cut as it is).
    let cut = match head.rfind(char::is_whitespace) {
        Some(i) if head[..i].chars().count() * 10 >= (max - 1) * 7 => &head[..i],
        _ => head.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '-' | '(' | '\u{A0}')
    });
    (format!("{cut}…"), true)
}

fn t(l: Locale, t: T) -> &'static str {
    t.get(l)
}

/// Between items of one line: ` ; ` in French, `; ` in English.
fn semicolon(l: Locale) -> &'static str {
    match l {
        Locale::Fr => " ; ",
        Locale::En => "; ",
    }
}

/// Items of one line: the first capitalised, the others as they are.
fn items(l: Locale, parts: &[String]) -> String {
    capitalise(&join_nonempty(parts, semicolon(l)))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn colon(l: Locale) -> &'static str {
    match l {
        Locale::Fr => " : ",
        Locale::En => ": ",
    }
}

fn join_nonempty(parts: &[String], sep: &str) -> String {
    parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

fn text(r: &Report, kind: FieldKind) -> String {
    let l = r.locale;
    let c = &r.company;
    match kind {
        FieldKind::Siret => c
            .siret
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        FieldKind::Company => {
            let address = join_nonempty(
                &[
                    c.street.clone(),
                    format!("{} {}", c.postcode, c.city),
                    c.country.clone(),
                ],
                ", ",
            );
            join_nonempty(
                &[
                    join_nonempty(&[c.legal_name.clone(), c.legal_form.clone()], ", "),
                    c.siret
                        .as_ref()
                        .map(|s| T::SubSiretLine.fill(l, &[("siret", &s.grouped())]))
                        .unwrap_or_default(),
                    c.naf
                        .as_ref()
                        .map(|n| T::SubNafLine.fill(l, &[("naf", &n.to_string())]))
                        .unwrap_or_default(),
                    address,
                ],
                " — ",
            )
        }
        FieldKind::Contact => contact(r),
        FieldKind::Notifier => join_nonempty(&[c.legal_name.clone(), contact(r)], " — "),
        FieldKind::Platform => r
            .platforms
            .iter()
            .map(|p| {
                let d = &p.details;
                let entity = join_nonempty(
                    &[
                        d.legal_entity.clone(),
                        if d.country.trim().is_empty() {
                            String::new()
                        } else {
                            format!("({})", d.country)
                        },
                        d.siret
                            .as_ref()
                            .map(|s| T::SubSiretLine.fill(l, &[("siret", &s.grouped())]))
                            .unwrap_or_default(),
                    ],
                    " ",
                );
                let mut parts = vec![d.name.clone(), entity, p.details.address.clone()];
                if !d.seller_accounts.is_empty() {
                    parts.push(format!(
                        "{}{}{}",
                        t(l, T::SubAccounts),
                        colon(l),
                        d.seller_accounts.join(", ")
                    ));
                }
                if let Some(since) = d.relationship_start {
                    parts.push(T::SubSince.fill(l, &[("date", &long_date(since, l))]));
                }
                if let Some(pct) = d.turnover_share_pct {
                    parts.push(T::SubTurnover.fill(l, &[("pct", &pct.to_string())]));
                }
                join_nonempty(&parts, " — ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Account => r
            .platforms
            .iter()
            .filter(|p| !p.details.seller_accounts.is_empty())
            .map(|p| {
                format!(
                    "{}{}{}",
                    p.details.name,
                    colon(l),
                    p.details.seller_accounts.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Category => {
            let mut codes: Vec<&str> = r
                .incidents
                .iter()
                .map(|i| i.data.category.as_str())
                .collect();
            codes.dedup();
            let mut seen = Vec::new();
            for code in codes {
                if seen.contains(&code) {
                    continue;
                }
                seen.push(code);
            }
            seen.iter()
                .map(|code| match Catalogue::builtin().category(code) {
                    Some(cat) => format!("{code} — {}", cat.label.get(l)),
                    None => (*code).to_owned(),
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        FieldKind::Subject => r.title.clone(),
        FieldKind::Description => {
            if r.summary.trim().is_empty() {
                r.incidents
                    .iter()
                    .map(|i| i.data.description.clone())
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                r.summary.clone()
            }
        }
        FieldKind::Facts => {
            let mut lines = Vec::new();
            let mut n = 0;
            for i in &r.incidents {
                if r.incidents.len() > 1 {
                    lines.push(i.data.title.clone());
                }
                if !i.data.description.trim().is_empty() {
                    lines.push(i.data.description.clone());
                }
                for e in &i.events {
                    n += 1;
                    let pieces: Vec<String> =
                        r.pieces_of(&e.data.piece_ids).map(|p| p.label()).collect();
                    let mut line = format!(
                        "E{n} — {} — {}",
                        long_date(e.data.happened_on, l),
                        e.data.summary.trim()
                    );
                    if !pieces.is_empty() {
                        line.push_str(&format!(" ({})", pieces.join(", ")));
                    }
                    lines.push(line);
                }
            }
            lines.join("\n")
        }
        FieldKind::Dates => r
            .incidents
            .iter()
            .map(|i| {
                let items: Vec<String> = T::key_dates(&i.data.dates)
                    .into_iter()
                    .filter_map(|(label, date)| {
                        date.map(|date| format!("{} {}", t(l, label), long_date(date, l)))
                    })
                    .collect();
                let line = self::items(l, &items);
                if r.incidents.len() > 1 && !line.is_empty() {
                    format!("{}{}{line}", i.data.title, colon(l))
                } else {
                    line
                }
            })
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Decision => r
            .incidents
            .iter()
            .map(|i| {
                let d = &i.data;
                let date = d
                    .dates
                    .decision_on
                    .or(d.dates.took_effect_on)
                    .or(d.dates.notified_on);
                join_nonempty(
                    &[
                        d.measure
                            .map(|m| {
                                format!("{}{}{}", t(l, T::Measure), colon(l), t(l, T::measure(m)))
                            })
                            .unwrap_or_default(),
                        date.map(|date| format!("{} {}", t(l, T::DecisionOn), long_date(date, l)))
                            .unwrap_or_default(),
                        if d.decision_reference.trim().is_empty() {
                            String::new()
                        } else {
                            format!(
                                "{}{}{}",
                                t(l, T::DecisionReference),
                                colon(l),
                                d.decision_reference
                            )
                        },
                        reasons(l, d.reasons_received),
                    ],
                    " — ",
                )
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Contested => r
            .incidents
            .iter()
            .map(|i| {
                join_nonempty(
                    &[
                        i.data.title.clone(),
                        reasons(l, i.data.reasons_received),
                        i.data.description.clone(),
                    ],
                    " — ",
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Amounts => {
            let totals = r.totals();
            let mut parts: Vec<String> = [
                (T::FundsHeld, totals.funds_held_cents),
                (T::SalesLost, totals.sales_lost_cents),
                (T::Fees, totals.fees_cents),
            ]
            .into_iter()
            .filter_map(|(label, cents)| {
                cents.map(|c| format!("{}{}{}", lower_first(t(l, label)), colon(l), euros(c, l)))
            })
            .collect();
            if parts.len() > 1
                && let Some(total) = totals.total_cents()
            {
                parts.push(format!(
                    "{}{}{}",
                    lower_first(t(l, T::Total)),
                    colon(l),
                    euros(total, l)
                ));
            }
            let mut out = items(l, &parts);
            let notes: Vec<&str> = r
                .incidents
                .iter()
                .map(|i| i.data.amounts.note.trim())
                .filter(|n| !n.is_empty())
                .collect();
            if !notes.is_empty() && !out.is_empty() {
                out.push_str(&format!(
                    ".\n{}{}{}",
                    t(l, T::SubAmountsNote),
                    colon(l),
                    notes.join(" ")
                ));
            }
            out
        }
        FieldKind::Steps => {
            let mut lines: Vec<String> = r
                .steps
                .iter()
                .map(|s| {
                    let mut line = join_nonempty(
                        &[
                            s.date.map(|d| long_date(d, l)).unwrap_or_default(),
                            t(l, T::step(s.kind)).to_owned(),
                        ],
                        " — ",
                    );
                    if !s.reference.trim().is_empty() {
                        line.push_str(&format!(" ({})", s.reference.trim()));
                    }
                    if !s.outcome.trim().is_empty() {
                        line.push_str(&format!("{}{}", colon(l), s.outcome.trim()));
                    }
                    line
                })
                .collect();
            if r.destination == carnet_core::report::Destination::OutOfCourtBody
                && !r
                    .steps
                    .iter()
                    .any(|s| s.kind == StepKind::InternalComplaint)
            {
                lines.insert(0, t(l, T::OocNoComplaint).to_owned());
            }
            if r.destination == carnet_core::report::Destination::Mediateur
                || r.destination == carnet_core::report::Destination::DgeForm
            {
                lines.push(
                    t(
                        l,
                        if c.insolvency {
                            T::InsolvencyOngoing
                        } else {
                            T::InsolvencyNone
                        },
                    )
                    .to_owned(),
                );
            }
            lines.join("\n")
        }
        FieldKind::Asks => {
            let mut lines: Vec<String> = r
                .asks
                .iter()
                .map(|a| {
                    let label = t(l, T::ask(a.kind));
                    let mut label = capitalise(label);
                    if !a.detail.trim().is_empty() {
                        label.push_str(&format!("{}{}", colon(l), a.detail.trim()));
                    }
                    label
                })
                .collect();
            if lines.is_empty() {
                lines = r
                    .incidents
                    .iter()
                    .map(|i| i.data.wanted.trim().to_owned())
                    .filter(|w| !w.is_empty())
                    .collect();
            }
            lines.join("\n")
        }
        FieldKind::IpRights => r
            .ip_rights
            .iter()
            .map(|ip| {
                let kind = capitalise(t(
                    l,
                    match ip.kind {
                        IpRightKind::Trademark => T::IpTrademark,
                        IpRightKind::Design => T::IpDesign,
                        IpRightKind::Patent => T::IpPatent,
                        IpRightKind::Copyright => T::IpCopyright,
                        IpRightKind::Other => T::IpOther,
                    },
                ));
                let mut s = format!("{kind} « {} »", ip.title.trim());
                if l == Locale::En {
                    s = format!("{kind} “{}”", ip.title.trim());
                }
                join_nonempty(&[s, ip.number.clone(), ip.office.clone()], " — ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Listings => r.listings.join("\n"),
        FieldKind::RequestKind => match r.mediateur_request {
            Some(MediateurRequest::Sollicitation) => t(l, T::Sollicitation).to_owned(),
            Some(MediateurRequest::Saisine) => t(l, T::Saisine).to_owned(),
            None => String::new(),
        },
        FieldKind::Framework => r.framework.clone(),
        FieldKind::Headcount => c
            .headcount
            .map(|n| T::count(i64::from(n), T::PersonOne, T::PersonOther, l))
            .unwrap_or_default(),
        FieldKind::HandledSoFar => {
            let steps = text(r, FieldKind::Steps);
            join_nonempty(&[r.handled_so_far.trim().to_owned(), steps], "\n")
        }
        FieldKind::Provisions => r.dsa_provisions.join(", "),
        FieldKind::Mediator => r.mediator.clone(),
        FieldKind::CostShare => t(l, T::CostShare).to_owned(),
        FieldKind::Grounds => r
            .grounds
            .iter()
            .map(|g| format!("{} ({})", g.text(l).trim(), g.article.trim()))
            .collect::<Vec<_>>()
            .join("\n"),
        FieldKind::Identity => match r.declarations.identity {
            Some(IdentityChoice::Disclose) => sentence(&c.legal_name, t(l, T::DeclDisclose)),
            Some(IdentityChoice::Withhold) => sentence(&c.legal_name, t(l, T::DeclWithhold)),
            None => sentence(&c.legal_name, t(l, T::DeclIdentityOpen)),
        },
        FieldKind::Confidentiality => {
            if r.declarations.confidentiality {
                sentence(&c.legal_name, t(l, T::DeclConfidentiality))
            } else {
                t(l, T::SubConfidentialityMissing).to_owned()
            }
        }
        FieldKind::GoodFaith => {
            if r.declarations.good_faith {
                sentence(&c.legal_name, t(l, T::DeclGoodFaith))
            } else {
                t(l, T::SubGoodFaithMissing).to_owned()
            }
        }
        FieldKind::Pieces => {
            let mut lines =
                vec![T::SubPdf.fill(l, &[("file", &file_name(&r.number, r.destination))])];
            let limits = check_limits(r);
            if !limits.groups.is_empty() {
                let files: Vec<&str> = limits.groups.iter().map(|g| g.file_name.as_str()).collect();
                lines.push(T::SubGroups.fill(l, &[("files", &files.join(", "))]));
            }
            let heic: Vec<String> = r
                .pieces
                .iter()
                .filter(|p| r.destination.refuses_heic() && p.is_heic())
                .map(|p| p.label())
                .collect();
            if !heic.is_empty() {
                lines.push(T::SubHeic.fill(l, &[("pieces", &heic.join(", "))]));
            }
            // The names in the bundle say the number and the title, in few characters.
            lines.extend(r.pieces.iter().map(piece_file_name));
            lines.join("\n")
        }
    }
}

fn contact(r: &Report) -> String {
    let c = &r.company;
    join_nonempty(
        &[
            join_nonempty(&[c.contact_name.clone(), c.contact_role.clone()], ", "),
            c.contact_email.clone(),
            c.contact_phone.clone(),
        ],
        " — ",
    )
}

/// `Maroquinerie Bellecour SARL accepte que…`, the declaration's closing `;` as a full stop.
fn sentence(subject: &str, predicate: &str) -> String {
    let predicate = predicate.trim_end_matches([';', ' ', '.']);
    format!("{} {predicate}.", subject.trim())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn reasons(l: Locale, r: ReasonsReceived) -> String {
    match r {
        ReasonsReceived::No => t(l, T::SubReasonsNo).to_owned(),
        ReasonsReceived::Yes => t(l, T::SubReasonsYes).to_owned(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(fit("court", 10, Locale::Fr), ("court".into(), false));
        let (s, cut) = fit("un deux trois quatre cinq six", 16, Locale::Fr);
        assert!(cut);
        assert_eq!(s, "un deux trois…");
        assert!(s.chars().count() <= 16);
        let (s, _) = fit(&"x".repeat(50), 10, Locale::En);
        assert_eq!(s.chars().count(), 10);
    }
}
