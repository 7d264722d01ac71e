//! The facts and what follows from them: the chronology, the classification with the
//! deadline checks, the financial impact, the steps taken, what is asked, and the rights a
//! counterfeit notice rests on.

use carnet_core::Catalogue;
use carnet_core::deadlines::{
    AnswerStatus, Check, CountedFrom, NoticeStatus, OutOfCourtStatus, ReasonsStatus, WindowStatus,
};
use carnet_core::journal::event::{Actor, Channel};
use carnet_core::journal::incident::{ReasonsReceived, Status};
use carnet_core::report::{AskKind, Destination, MediateurRequest, StepKind};

use super::{Ctx, event_anchor, grid, key_values, muted, para, piece_anchor};
use crate::destinations::Section;
use crate::layout::{Anchor, Block, Ink, Para, Span};
use crate::texts::T;

fn actor(a: Actor) -> T {
    match a {
        Actor::Us => T::ActorUs,
        Actor::Platform => T::ActorPlatform,
        Actor::ThirdParty => T::ActorThirdParty,
        Actor::Authority => T::ActorAuthority,
    }
}

fn channel(c: Channel) -> T {
    match c {
        Channel::Email => T::ChannelEmail,
        Channel::PortalMessage => T::ChannelPortal,
        Channel::Phone => T::ChannelPhone,
        Channel::Letter => T::ChannelLetter,
        Channel::Notification => T::ChannelNotification,
        Channel::Other => T::ChannelOther,
    }
}

fn status(s: Status) -> T {
    match s {
        Status::Open => T::StatusOpen,
        Status::ComplaintSent => T::StatusComplaintSent,
        Status::AwaitingAnswer => T::StatusAwaitingAnswer,
        Status::Mediation => T::StatusMediation,
        Status::Reported => T::StatusReported,
        Status::Resolved => T::StatusResolved,
        Status::Abandoned => T::StatusAbandoned,
    }
}

pub fn ask_label(ctx: &Ctx, kind: AskKind) -> String {
    ctx.t(T::ask(kind))
}

/// A table cell of one plain text.
fn cell(text: String) -> Vec<Span> {
    vec![Span::plain(text)]
}

/// A bulleted, indented line, `after` points above the next block.
fn bullet(mut spans: Vec<Span>, after: f32) -> Block {
    spans.insert(0, Span::plain("•  "));
    Block::Para(Para::new(spans).indent(8.0).after(after))
}

/// A line in bold that introduces the paragraph under it.
fn lead(text: String, before: f32) -> Block {
    Block::Para(Para::new(vec![Span::bold(text)]).before(before).after(2.0))
}

/// A table of `items`, a row each, or the sentence `none` when there are none.
fn table_or_none<I>(
    ctx: &Ctx,
    out: &mut Vec<Block>,
    items: &[I],
    none: T,
    columns: &[(T, f32)],
    row: impl Fn(&I) -> Vec<Vec<Span>>,
) {
    if items.is_empty() {
        out.push(para(ctx.t(none)));
    } else {
        out.push(grid(ctx, columns, items.iter().map(row).collect(), vec![]));
    }
}

fn incident_anchor(id: i64) -> Anchor {
    Anchor::new(format!("incident:{id}"))
}

/// Links to the pieces an event cites, as `P01, P03`.
fn piece_links(ctx: &Ctx, ids: &[i64]) -> Vec<Span> {
    let mut pieces: Vec<_> = ctx.report.pieces_of(ids).collect();
    pieces.sort_by_key(|p| p.number);
    let mut out = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            out.push(Span::plain(", "));
        }
        out.push(Span::link(p.label(), piece_anchor(p.id)));
    }
    out
}

pub fn chronology(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Chronology));
    out.push(muted(ctx.t(T::ChronoIntro)));
    for incident in &r.incidents {
        let d = &incident.data;
        out.push(ctx.sub(
            ctx.owner(&d.title),
            Some(incident_anchor(incident.id)),
            true,
        ));
        let platform = r
            .platform(d.platform_id)
            .map(|p| p.details.name.clone())
            .unwrap_or_default();
        out.push(Block::Para(
            Para::new(vec![
                Span::plain(ctx.fill(
                    T::IncidentLine,
                    &[
                        ("platform", &platform),
                        ("category", &ctx.category(&d.category)),
                        ("status", &ctx.t(status(incident.status))),
                    ],
                ))
                .ink(Ink::Muted),
            ])
            .size(9.0),
        ));
        if !d.description.trim().is_empty() {
            out.push(para(ctx.owner(&d.description)));
        }
        if incident.events.is_empty() {
            out.push(para(ctx.t(T::NoEvents)));
            continue;
        }
        let rows = incident
            .events
            .iter()
            .map(|e| {
                let mut summary = vec![Span::plain(ctx.owner(&e.data.summary))];
                if !e.data.full_text.trim().is_empty() {
                    summary
                        .push(Span::plain(format!(" {}", ctx.t(T::FullTextNote))).ink(Ink::Muted));
                }
                // An e-mail's DKIM verdict, under the message it authenticates (or not).
                for check in ctx
                    .report
                    .pieces_of(&e.data.piece_ids)
                    .filter_map(|p| p.proof.email.as_ref())
                {
                    summary.push(
                        Span::plain(format!("\n{}", ctx.owner(&check.sentence(ctx.locale))))
                            .ink(Ink::Muted),
                    );
                }
                vec![
                    vec![Span::bold(ctx.event_label(e.id).unwrap_or_default())],
                    cell(ctx.date(e.data.happened_on)),
                    summary,
                    cell(ctx.t(actor(e.data.actor))),
                    cell(ctx.t(channel(e.data.channel))),
                    piece_links(ctx, &e.data.piece_ids),
                ]
            })
            .collect();
        let anchors = incident
            .events
            .iter()
            .map(|e| Some(event_anchor(e.id)))
            .collect();
        out.push(grid(
            ctx,
            &[
                (T::ColNo, 0.45),
                (T::ColDate, 1.15),
                (T::ColEvent, 3.3),
                (T::ColActor, 1.0),
                (T::ColChannel, 1.05),
                (T::ColPieces, 0.85),
            ],
            rows,
            anchors,
        ));
        // What an event records in full (a call's notes, a letter's text), after the table.
        for e in incident
            .events
            .iter()
            .filter(|e| !e.data.full_text.trim().is_empty())
        {
            let label = ctx.event_label(e.id).unwrap_or_default();
            out.push(Block::Heading {
                text: ctx.fill(T::FullTextOf, &[("event", &label)]),
                level: 3,
                anchor: None,
                outline: false,
            });
            out.push(super::pieces::text_block(ctx, &e.data.full_text));
        }
    }
}

/// A check's name, what it found, and its state.
fn check_row(ctx: &Ctx, check: &Check) -> (T, String, T) {
    let days = |n: i64| T::count(n, T::DayOne, T::DayOther, ctx.locale);
    match *check {
        Check::TermsNotice(s) | Check::TerminationNotice(s) => {
            let name = if matches!(check, Check::TermsNotice(_)) {
                T::CheckTermsNotice
            } else {
                T::CheckTerminationNotice
            };
            match s {
                NoticeStatus::Unknown => (name, ctx.t(T::FindNoticeUnknown), T::StateUnknown),
                NoticeStatus::Met { days: d, required }
                | NoticeStatus::ShortNotice { days: d, required } => (
                    name,
                    ctx.fill(
                        T::FindNotice,
                        &[("days", &days(d)), ("required", &days(required))],
                    ),
                    if matches!(s, NoticeStatus::Met { .. }) {
                        T::StateMet
                    } else {
                        T::StateNotMet
                    },
                ),
            }
        }
        Check::StatementOfReasons(s) => match s {
            ReasonsStatus::Unknown => (
                T::CheckReasons,
                ctx.t(T::FindReasonsUnknown),
                T::StateUnknown,
            ),
            ReasonsStatus::Received => {
                (T::CheckReasons, ctx.t(T::FindReasonsReceived), T::StateMet)
            }
            ReasonsStatus::NotReceived => {
                (T::CheckReasons, ctx.t(T::FindReasonsNone), T::StateNotMet)
            }
        },
        Check::ComplaintWindow(s) => {
            let (finding, counted_from) = match s {
                WindowStatus::Unknown => {
                    return (T::CheckWindow, ctx.t(T::FindWindowUnknown), T::StateUnknown);
                }
                WindowStatus::Open {
                    closes_on,
                    days_left,
                    counted_from,
                    ..
                } => (
                    ctx.fill(
                        T::FindWindowOpen,
                        &[("date", &ctx.date(closes_on)), ("days", &days(days_left))],
                    ),
                    counted_from,
                ),
                WindowStatus::Closed {
                    closed_on,
                    counted_from,
                } => (
                    ctx.fill(T::FindWindowClosed, &[("date", &ctx.date(closed_on))]),
                    counted_from,
                ),
            };
            (
                T::CheckWindow,
                from_decision(ctx, counted_from, finding),
                T::StateInfo,
            )
        }
        Check::OutOfCourtDecision(s) => match s {
            OutOfCourtStatus::Pending { due_on, days_left } => (
                T::CheckOutOfCourt,
                ctx.fill(
                    T::FindOocPending,
                    &[("date", &ctx.date(due_on)), ("days", &days(days_left))],
                ),
                T::StateInfo,
            ),
            OutOfCourtStatus::Extendable {
                due_on,
                extended_due_on,
                days_left,
            } => (
                T::CheckOutOfCourt,
                ctx.fill(
                    T::FindOocExtendable,
                    &[
                        ("date", &ctx.date(due_on)),
                        ("latest", &ctx.date(extended_due_on)),
                        ("days", &days(days_left)),
                    ],
                ),
                T::StateInfo,
            ),
            OutOfCourtStatus::Overdue { due_on, since_days } => (
                T::CheckOutOfCourt,
                ctx.fill(
                    T::FindOocOverdue,
                    &[("date", &ctx.date(due_on)), ("days", &days(since_days))],
                ),
                T::StateNotMet,
            ),
            OutOfCourtStatus::Decided { days: d } => (
                T::CheckOutOfCourt,
                ctx.fill(T::FindOocDecided, &[("days", &days(d))]),
                T::StateMet,
            ),
        },
        Check::Answer(s) => match s {
            AnswerStatus::Awaiting { days: d } => (
                T::CheckAnswer,
                ctx.fill(T::FindAwaiting, &[("days", &days(d))]),
                T::StateInfo,
            ),
            AnswerStatus::Answered { days: d } => (
                T::CheckAnswer,
                ctx.fill(T::FindAnswered, &[("days", &days(d))]),
                T::StateInfo,
            ),
        },
    }
}

pub fn classification(ctx: &Ctx, out: &mut Vec<Block>) {
    out.push(ctx.heading(Section::Classification));
    for incident in &ctx.report.incidents {
        let d = &incident.data;
        out.push(ctx.sub(ctx.owner(&d.title), None, false));
        let cat = Catalogue::builtin().category(&d.category);
        let axes = cat
            .map(|c| {
                c.axes
                    .iter()
                    .map(|a| {
                        format!(
                            "{} — {}",
                            a.code(),
                            Catalogue::builtin().axis(*a).get(ctx.locale)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        // The articles by the measure recorded (P2B 4(1) for a restriction or suspension, 4(2)
        // for a termination of the whole service).
        let refs = cat
            .map(|c| c.refs_for(d.measure, false, false).join("; "))
            .unwrap_or_default();
        let dates: Vec<String> = T::key_dates(&d.dates)
            .into_iter()
            .filter_map(|(t, d)| d.map(|d| format!("{} {}", ctx.t(t), ctx.date(d))))
            .collect();
        let reasons = match d.reasons_received {
            ReasonsReceived::Yes => ctx.t(T::FindReasonsReceived),
            ReasonsReceived::No => ctx.t(T::FindReasonsNone),
            ReasonsReceived::Unknown => ctx.t(T::FindReasonsUnknown),
        };
        out.push(key_values(vec![
            (ctx.t(T::Category), cell(ctx.category(&d.category))),
            (ctx.t(T::Axes), ctx.or_not_given(&axes)),
            (ctx.t(T::Articles), ctx.or_not_given(&refs)),
            (
                ctx.t(T::Measure),
                ctx.or_not_given(&d.measure.map(|m| ctx.t(T::measure(m))).unwrap_or_default()),
            ),
            (
                ctx.t(T::DecisionReference),
                ctx.or_not_given(&d.decision_reference),
            ),
            (
                ctx.t(T::KeyDates),
                ctx.or_not_given(&ctx.owner(&dates.join("; "))),
            ),
            (ctx.t(T::CheckReasons), cell(reasons)),
        ]));
        table_or_none(
            ctx,
            out,
            &incident.checks,
            T::NoChecks,
            &[(T::ColCheck, 2.6), (T::ColFinding, 2.8), (T::ColState, 1.1)],
            |c| {
                let (name, finding, state) = check_row(ctx, c);
                let state_span = Span::bold(ctx.t(state)).ink(match state {
                    T::StateNotMet => Ink::Warning,
                    T::StateMet => Ink::Accent,
                    _ => Ink::Muted,
                });
                vec![cell(ctx.t(name)), cell(finding), vec![state_span]]
            },
        );
    }
    out.push(muted(ctx.t(T::ChecksNote)));
}

pub fn impact(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Impact));
    let totals = r.totals();
    if totals.total_cents().is_none() {
        out.push(para(ctx.t(T::NoAmounts)));
        return;
    }
    out.push(para(ctx.t(T::ImpactIntro)));
    let euros = |v: Option<i64>| v.map(|c| ctx.euros(c)).unwrap_or_else(|| "—".into());
    let mut rows: Vec<Vec<Vec<Span>>> = r
        .incidents
        .iter()
        .map(|i| {
            let a = &i.data.amounts;
            let total = carnet_core::report::ReportTotals {
                funds_held_cents: a.funds_held_cents,
                sales_lost_cents: a.sales_lost_cents,
                fees_cents: a.fees_cents,
            }
            .total_cents();
            vec![
                cell(ctx.owner(&i.data.title)),
                cell(euros(a.funds_held_cents)),
                cell(euros(a.sales_lost_cents)),
                cell(euros(a.fees_cents)),
                cell(euros(total)),
            ]
        })
        .collect();
    let bold = |v: Option<i64>| vec![Span::bold(euros(v))];
    rows.push(vec![
        vec![Span::bold(ctx.t(T::Total))],
        bold(totals.funds_held_cents),
        bold(totals.sales_lost_cents),
        bold(totals.fees_cents),
        bold(totals.total_cents()),
    ]);
    out.push(grid(
        ctx,
        &[
            (T::ColIncident, 2.6),
            (T::FundsHeld, 1.2),
            (T::SalesLost, 1.2),
            (T::Fees, 1.2),
            (T::Total, 1.2),
        ],
        rows,
        vec![],
    ));
    for i in &r.incidents {
        if !i.data.amounts.note.trim().is_empty() {
            out.push(Block::Para(Para::new(vec![
                Span::bold(format!(
                    "{} — {}",
                    ctx.t(T::HowComputed),
                    ctx.owner(&i.data.title)
                )),
                Span::plain(format!(
                    "{}{}",
                    ctx.colon(),
                    ctx.owner(&i.data.amounts.note)
                )),
            ])));
        }
    }
    out.push(Block::Para(Para::new(vec![
        Span::bold(ctx.t(T::Period)),
        Span::plain(format!("{}{}", ctx.colon(), ctx.period())),
    ])));
}

pub fn steps(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Steps));
    let complained = r
        .steps
        .iter()
        .any(|s| s.kind == StepKind::InternalComplaint);
    if r.destination == Destination::OutOfCourtBody && !complained {
        out.push(para(ctx.t(T::OocNoComplaint)));
    }
    if !r.handled_so_far.trim().is_empty() {
        out.push(lead(ctx.t(T::HandledSoFar), 2.0));
        out.push(para(ctx.owner(&r.handled_so_far)));
    }
    table_or_none(
        ctx,
        out,
        &r.steps,
        T::NoSteps,
        &[
            (T::ColDate, 1.2),
            (T::ColStep, 2.0),
            (T::ColReference, 1.4),
            (T::ColOutcome, 2.4),
        ],
        |s| {
            vec![
                ctx.or_not_given(&s.date.map(|d| ctx.date(d)).unwrap_or_default()),
                cell(ctx.t(T::step(s.kind))),
                cell(ctx.owner(&s.reference)),
                cell(ctx.owner(&s.outcome)),
            ]
        },
    );
    out.push(para(ctx.t(if r.company.insolvency {
        T::InsolvencyOngoing
    } else {
        T::InsolvencyNone
    })));
    if !r.steps.iter().any(|s| s.kind == StepKind::CourtCase) {
        out.push(para(ctx.t(T::CourtNone)));
    }
}

/// The request: the Médiateur's sollicitation or saisine and its framework, the mediator
/// addressed with the cost-share note, Arcom's DSA provisions.
pub fn request(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Request));
    let mut rows: Vec<(String, Vec<Span>)> = Vec::new();
    match r.destination {
        Destination::Mediateur => {
            let kind = match r.mediateur_request {
                Some(MediateurRequest::Sollicitation) => ctx.t(T::Sollicitation),
                Some(MediateurRequest::Saisine) => ctx.t(T::Saisine),
                None => String::new(),
            };
            rows.push((ctx.t(T::RequestKind), ctx.or_not_given(&kind)));
            if r.mediateur_request == Some(MediateurRequest::Saisine) {
                rows.push((ctx.t(T::Framework), ctx.or_not_given(&r.framework)));
            }
        }
        Destination::P2bMediator => {
            let named = r.platforms.iter().any(|p| {
                p.details
                    .mediators
                    .iter()
                    .any(|m| m.trim().eq_ignore_ascii_case(r.mediator.trim()))
            });
            let mut spans = ctx.or_not_given(&r.mediator);
            if !r.mediator.trim().is_empty() {
                let note = if named {
                    T::MediatorNamedInTerms
                } else {
                    T::MediatorNotInTerms
                };
                spans.push(Span::plain(format!(" — {}", ctx.t(note))));
            }
            rows.push((ctx.t(T::MediatorAddressed), spans));
        }
        Destination::Arcom => {
            rows.push((
                ctx.t(T::Provisions),
                ctx.or_not_given(&r.dsa_provisions.join(", ")),
            ));
        }
        _ => {}
    }
    if !rows.is_empty() {
        out.push(key_values(rows));
    }
    match r.destination {
        Destination::P2bMediator => out.push(para(ctx.t(T::CostShare))),
        Destination::Arcom => out.push(para(ctx.t(T::ArcomNote))),
        _ => {}
    }
}

/// The statement of reasons' missing elements, each with its article.
pub fn grounds(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Grounds));
    if r.grounds.is_empty() {
        out.push(para(ctx.t(T::NoGrounds)));
        return;
    }
    out.push(para(ctx.t(T::GroundsIntro)));
    for g in &r.grounds {
        let mut spans = Vec::new();
        if let Some(i) = g
            .incident_id
            .and_then(|id| r.incidents.iter().find(|i| i.id == id))
            && r.incidents.len() > 1
        {
            spans.push(Span::bold(format!("{} — ", ctx.owner(&i.data.title))));
        }
        spans.push(Span::plain(format!(
            "{} ({})",
            ctx.owner(g.text(ctx.locale)),
            ctx.owner(&g.article)
        )));
        out.push(bullet(spans, 3.0));
    }
}

pub fn asks(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::Asks));
    if r.asks.is_empty() && r.incidents.iter().all(|i| i.data.wanted.trim().is_empty()) {
        out.push(para(ctx.t(T::NoAsks)));
        return;
    }
    for a in &r.asks {
        let mut spans = vec![Span::bold(ask_label(ctx, a.kind))];
        if !a.detail.trim().is_empty() {
            spans.push(Span::plain(format!(
                "{}{}",
                ctx.colon(),
                ctx.owner(&a.detail)
            )));
        }
        out.push(bullet(spans, 3.0));
    }
    for i in &r.incidents {
        if !i.data.wanted.trim().is_empty() {
            out.push(lead(
                ctx.fill(T::WantedBy, &[("title", &i.data.title)]),
                6.0,
            ));
            out.push(para(ctx.owner(&i.data.wanted)));
        }
    }
}

pub fn ip_rights(ctx: &Ctx, out: &mut Vec<Block>) {
    let r = ctx.report;
    out.push(ctx.heading(Section::IpRights));
    table_or_none(
        ctx,
        out,
        &r.ip_rights,
        T::NoIpRights,
        &[
            (T::ColRight, 1.3),
            (T::ColTitle, 2.4),
            (T::ColRegistration, 1.4),
            (T::ColOffice, 1.2),
        ],
        |ip| {
            vec![
                cell(ctx.t(T::ip_right(ip.kind))),
                cell(ctx.owner(&ip.title)),
                cell(ip.number.clone()),
                cell(ctx.owner(&ip.office)),
            ]
        },
    );
    if !r.listings.is_empty() {
        out.push(ctx.sub(ctx.t(T::Listings), None, false));
        for l in &r.listings {
            // Exactly as given: a URL is not typeset.
            out.push(bullet(vec![Span::plain(l.clone())], 2.0));
        }
    }
}

/// The window's finding, with "counted from the decision" when the day the owner was informed
/// is not recorded (DSA 20(1) counts from that day).
fn from_decision(ctx: &Ctx, counted_from: CountedFrom, finding: String) -> String {
    match counted_from {
        CountedFrom::Decision => format!("{finding} {}", ctx.t(T::FindCountedFromDecision)),
        CountedFrom::Informed | CountedFrom::Referral => finding,
    }
}
