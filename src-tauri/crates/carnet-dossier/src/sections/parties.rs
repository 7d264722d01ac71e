//! The parties: the company (who complains) and the platform(s).

use carnet_core::Platforms;
use carnet_core::journal::company::SizeClass;
use carnet_core::report::CharterStatus;

use super::{Ctx, key_values};
use crate::destinations::Section;
use crate::layout::{Block, Span};
use crate::texts::T;

pub fn company(ctx: &Ctx, out: &mut Vec<Block>) {
    let c = &ctx.report.company;
    out.push(ctx.heading(Section::Company));
    let opt = |v: Option<String>| match v {
        Some(v) => vec![Span::plain(v)],
        None => ctx.or_not_given(""),
    };
    let size = c.size_class.map(|s| {
        ctx.t(match s {
            SizeClass::Micro => T::SizeMicro,
            SizeClass::Small => T::SizeSmall,
            SizeClass::Medium => T::SizeMedium,
            SizeClass::Large => T::SizeLarge,
        })
    });
    let address = [
        c.street.as_str(),
        &format!("{} {}", c.postcode, c.city),
        &c.country,
    ]
    .iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let contact = [c.contact_name.as_str(), c.contact_role.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    out.push(key_values(vec![
        (
            ctx.t(T::LegalName),
            vec![Span::bold(ctx.owner(&c.legal_name))],
        ),
        (ctx.t(T::Siren), opt(c.siren.as_ref().map(|s| s.grouped()))),
        (ctx.t(T::Siret), opt(c.siret.as_ref().map(|s| s.grouped()))),
        (ctx.t(T::LegalForm), ctx.or_not_given(&c.legal_form)),
        (ctx.t(T::Naf), opt(c.naf.as_ref().map(|n| n.to_string()))),
        (ctx.t(T::SizeClass), opt(size)),
        (
            ctx.t(T::Headcount),
            opt(c
                .headcount
                .map(|n| T::count(i64::from(n), T::PersonOne, T::PersonOther, ctx.locale))),
        ),
        (ctx.t(T::Address), ctx.or_not_given(&address)),
        (ctx.t(T::Contact), ctx.or_not_given(&contact)),
        (ctx.t(T::ContactEmail), ctx.or_not_given(&c.contact_email)),
        (ctx.t(T::ContactPhone), ctx.or_not_given(&c.contact_phone)),
        (
            ctx.t(T::Insolvency),
            vec![Span::plain(ctx.yes_no(c.insolvency))],
        ),
    ]));
}

pub fn platforms(ctx: &Ctx, out: &mut Vec<Block>) {
    out.push(ctx.heading(Section::Platform));
    let several = ctx.report.platforms.len() > 1;
    for p in &ctx.report.platforms {
        let d = &p.details;
        if several {
            out.push(ctx.sub(ctx.owner(&d.name), None, false));
        }
        let charter = ctx.t(match p.charter {
            CharterStatus::Signed2019 => T::CharterSigned2019,
            CharterStatus::Joined2020 => T::CharterJoined2020,
            CharterStatus::No => T::CharterNo,
            CharterStatus::Unknown => T::CharterUnknown,
        });
        let flag = |b: Option<bool>| match b {
            Some(b) => ctx.yes_no(b),
            None => ctx.t(T::Unknown),
        };
        let bodies: Vec<String> = p
            .out_of_court_bodies
            .iter()
            .map(|b| {
                let mut s = b.name.clone();
                if !b.country.trim().is_empty() {
                    s.push_str(&format!(" ({})", b.country.trim()));
                }
                if !b.fee_rule.trim().is_empty() {
                    s.push_str(&format!(" — {}", b.fee_rule.trim()));
                }
                s
            })
            .collect();
        let since = d
            .relationship_start
            .map(|s| ctx.date(s))
            .unwrap_or_default();
        let share = d
            .turnover_share_pct
            .map(|s| ctx.owner(&format!("{s}\u{A0}%")))
            .unwrap_or_default();
        out.push(key_values(vec![
            (ctx.t(T::Brand), vec![Span::bold(ctx.owner(&d.name))]),
            (ctx.t(T::LegalEntity), ctx.or_not_given(&d.legal_entity)),
            (ctx.t(T::Country), ctx.or_not_given(&d.country)),
            (
                ctx.t(T::PlatformAddress),
                ctx.or_not_given(&p.details.address),
            ),
            (
                ctx.t(T::Siret),
                ctx.or_not_given(&d.siret.as_ref().map(|s| s.grouped()).unwrap_or_default()),
            ),
            (
                ctx.t(T::Service),
                vec![Span::plain(ctx.owner(
                    Platforms::builtin().service(d.service).get(ctx.locale),
                ))],
            ),
            (ctx.t(T::Charter), vec![Span::plain(charter)]),
            (ctx.t(T::Vlop), vec![Span::plain(flag(p.vlop))]),
            (ctx.t(T::Gatekeeper), vec![Span::plain(flag(p.gatekeeper))]),
            (
                ctx.t(T::SellerAccounts),
                ctx.or_not_given(&d.seller_accounts.join(", ")),
            ),
            (ctx.t(T::Since), ctx.or_not_given(&since)),
            (ctx.t(T::TurnoverShare), ctx.or_not_given(&share)),
            (ctx.t(T::TermsVersion), ctx.or_not_given(&d.terms_version)),
            (
                ctx.t(T::ComplaintChannel),
                ctx.or_not_given(&d.complaint_channel),
            ),
            (
                ctx.t(T::Mediators),
                ctx.or_not_given(&d.mediators.join("; ")),
            ),
            (ctx.t(T::OocBodies), ctx.or_not_given(&bodies.join("; "))),
        ]));
    }
}
