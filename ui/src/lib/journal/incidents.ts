// Incidents, their events and pieces on the UI side: the words for their codes, the forms
// (what the owner types) and what the commands receive, amounts typed the owner's way.
import type { Actor } from '../bindings/Actor';
import type { Amounts } from '../bindings/Amounts';
import type { Channel } from '../bindings/Channel';
import type { Event } from '../bindings/Event';
import type { EventInput } from '../bindings/EventInput';
import type { Field } from '../bindings/Field';
import type { Incident } from '../bindings/Incident';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { Locale } from '../bindings/Locale';
import type { Measure } from '../bindings/Measure';
import type { Piece } from '../bindings/Piece';
import type { PieceInput } from '../bindings/PieceInput';
import type { ReasonsReceived } from '../bindings/ReasonsReceived';
import type { Status } from '../bindings/Status';
import type { MessageKey } from '../i18n/fr';
import { formatEuros } from '../i18n/format';
import { isoDate, typedDate } from './dates';

export const STATUSES: readonly Status[] = [
  'open',
  'complaint_sent',
  'awaiting_answer',
  'mediation',
  'reported',
  'resolved',
  'abandoned',
];

export const STATUS_LABELS: Record<Status, MessageKey> = {
  open: 'status.open',
  complaint_sent: 'status.complaint_sent',
  awaiting_answer: 'status.awaiting_answer',
  mediation: 'status.mediation',
  reported: 'status.reported',
  resolved: 'status.resolved',
  abandoned: 'status.abandoned',
};

/** The badge's colour class: a case still running, settled, or dropped. */
export function statusTone(status: Status): 'warn' | 'good' | 'neutral' {
  if (status === 'resolved') return 'good';
  if (status === 'abandoned') return 'neutral';
  return 'warn';
}

export const ACTORS: readonly Actor[] = ['platform', 'us', 'third_party', 'authority'];
export const ACTOR_LABELS: Record<Actor, MessageKey> = {
  us: 'actor.us',
  platform: 'actor.platform',
  third_party: 'actor.third_party',
  authority: 'actor.authority',
};

export const CHANNELS: readonly Channel[] = ['email', 'portal_message', 'phone', 'letter', 'notification', 'other'];
export const CHANNEL_LABELS: Record<Channel, MessageKey> = {
  email: 'channel.email',
  portal_message: 'channel.portal_message',
  phone: 'channel.phone',
  letter: 'channel.letter',
  notification: 'channel.notification',
  other: 'channel.other',
};

export const MEASURES: readonly Measure[] = ['terms_change', 'restriction', 'suspension', 'termination'];
export const MEASURE_LABELS: Record<Measure, MessageKey> = {
  terms_change: 'measure.terms_change',
  restriction: 'measure.restriction',
  suspension: 'measure.suspension',
  termination: 'measure.termination',
};

export const REASONS: readonly ReasonsReceived[] = ['yes', 'no', 'unknown'];
export const REASONS_LABELS: Record<ReasonsReceived, MessageKey> = {
  yes: 'reasons.yes',
  no: 'reasons.no',
  unknown: 'reasons.unknown',
};

/** The dates of an incident, in the order of the form. */
export const DATE_KEYS = [
  'occurredOn',
  'notifiedOn',
  'tookEffectOn',
  'decisionOn',
  'complaintSentOn',
  'answerReceivedOn',
  'referralOn',
  'referralDecidedOn',
] as const;
export type DateKey = (typeof DATE_KEYS)[number];

export const DATE_LABELS: Record<DateKey, MessageKey> = {
  occurredOn: 'incident.occurredOn',
  notifiedOn: 'incident.notifiedOn',
  tookEffectOn: 'incident.tookEffectOn',
  decisionOn: 'incident.decisionOn',
  complaintSentOn: 'incident.complaintSentOn',
  answerReceivedOn: 'incident.answerReceivedOn',
  referralOn: 'incident.referralOn',
  referralDecidedOn: 'incident.referralDecidedOn',
};

/** The incident form: every value as typed (dates `15/03/2021`, amounts `1 234,56`). */
export type IncidentForm = {
  platformId: string;
  category: string;
  measure: Measure | '';
  title: string;
  reasonsReceived: ReasonsReceived;
  fundsHeld: string;
  salesLost: string;
  fees: string;
  amountsNote: string;
  decisionReference: string;
  description: string;
  wanted: string;
  /** Comma-separated. */
  tags: string;
} & Record<DateKey, string>;

export type IncidentFormKey = keyof IncidentForm;

export const INCIDENT_FIELDS: Partial<Record<Field, IncidentFormKey>> = {
  incident_platform: 'platformId',
  incident_category: 'category',
  incident_measure: 'measure',
  incident_title: 'title',
  incident_occurred_on: 'occurredOn',
  incident_notified_on: 'notifiedOn',
  incident_took_effect_on: 'tookEffectOn',
  incident_decision_on: 'decisionOn',
  incident_complaint_sent_on: 'complaintSentOn',
  incident_answer_received_on: 'answerReceivedOn',
  incident_referral_on: 'referralOn',
  incident_referral_decided_on: 'referralDecidedOn',
  incident_reasons_received: 'reasonsReceived',
  incident_funds_held: 'fundsHeld',
  incident_sales_lost: 'salesLost',
  incident_fees: 'fees',
  incident_amounts_note: 'amountsNote',
  incident_decision_reference: 'decisionReference',
  incident_description: 'description',
  incident_wanted: 'wanted',
  incident_tags: 'tags',
};

export function emptyIncidentForm(platformId: number | null = null): IncidentForm {
  return {
    platformId: platformId === null ? '' : String(platformId),
    category: '',
    measure: '',
    title: '',
    occurredOn: '',
    notifiedOn: '',
    tookEffectOn: '',
    decisionOn: '',
    complaintSentOn: '',
    answerReceivedOn: '',
    referralOn: '',
    referralDecidedOn: '',
    reasonsReceived: 'unknown',
    fundsHeld: '',
    salesLost: '',
    fees: '',
    amountsNote: '',
    decisionReference: '',
    description: '',
    wanted: '',
    tags: '',
  };
}

/** An amount in cents as the owner would type it: `1 234,56` / `1,234.56`. */
export function typedAmount(cents: number | null, locale: Locale): string {
  if (cents === null) return '';
  return formatEuros(cents, locale)
    .replace('€', '')
    .replace(/[\u00A0\u202F]/g, ' ')
    .trim();
}

/** Tags typed as `a, b; c`: trimmed, blanks dropped, once each. */
export function splitTags(typed: string): string[] {
  const tags = typed
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

/** The saved incident back in the form. */
export function incidentToForm(incident: Incident, locale: Locale): IncidentForm {
  const form = emptyIncidentForm(incident.platformId);
  for (const key of DATE_KEYS) form[key] = typedDate(incident.dates[key]);
  return {
    ...form,
    category: incident.category,
    measure: incident.measure ?? '',
    title: incident.title,
    reasonsReceived: incident.reasonsReceived,
    fundsHeld: typedAmount(incident.amounts.fundsHeldCents, locale),
    salesLost: typedAmount(incident.amounts.salesLostCents, locale),
    fees: typedAmount(incident.amounts.feesCents, locale),
    amountsNote: incident.amounts.note,
    decisionReference: incident.decisionReference,
    description: incident.description,
    wanted: incident.wanted,
    tags: incident.tags.join(', '),
  };
}

/** What `incident_save` receives. */
export function formToIncidentInput(form: IncidentForm, id: number | null): IncidentInput {
  const input: IncidentInput = {
    platformId: Number(form.platformId === '' ? 0 : form.platformId),
    category: form.category,
    measure: form.measure,
    title: form.title,
    reasonsReceived: form.reasonsReceived,
    fundsHeld: form.fundsHeld,
    salesLost: form.salesLost,
    fees: form.fees,
    amountsNote: form.amountsNote,
    decisionReference: form.decisionReference,
    description: form.description,
    wanted: form.wanted,
    tags: splitTags(form.tags),
  };
  for (const key of DATE_KEYS) input[key] = isoDate(form[key]);
  if (id !== null) input.id = id;
  return input;
}

/** Funds held, sales lost and fees together; `null` when none is known. */
export function amountAtStake(amounts: Amounts): number | null {
  const parts = [amounts.fundsHeldCents, amounts.salesLostCents, amounts.feesCents].filter(
    (c): c is number => c !== null,
  );
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
}

/** The event form. */
export type EventForm = {
  happenedOn: string;
  actor: Actor;
  channel: Channel;
  summary: string;
  fullText: string;
  pieceIds: number[];
  /** The platform's decision this event records (a `DecisionKind` code), or `''`. */
  decision: string;
  /** The elements of its statement of reasons the message contained (`ReasonElement` codes). */
  reasonsGiven: string[];
};

export type EventFormKey = keyof EventForm;

export const EVENT_FIELDS: Partial<Record<Field, EventFormKey>> = {
  event_date: 'happenedOn',
  event_actor: 'actor',
  event_channel: 'channel',
  event_summary: 'summary',
  event_full_text: 'fullText',
  event_pieces: 'pieceIds',
  event_decision: 'decision',
  event_reasons: 'reasonsGiven',
};

export function emptyEventForm(today: string): EventForm {
  return {
    happenedOn: typedDate(today),
    actor: 'platform',
    channel: 'email',
    summary: '',
    fullText: '',
    pieceIds: [],
    decision: '',
    reasonsGiven: [],
  };
}

export function eventToForm(event: Event): EventForm {
  return {
    happenedOn: typedDate(event.happenedOn),
    actor: event.actor,
    channel: event.channel,
    summary: event.summary,
    fullText: event.fullText,
    pieceIds: [...event.pieceIds],
    decision: event.decision?.kind ?? '',
    reasonsGiven: [...(event.decision?.given ?? [])],
  };
}

export function formToEventInput(form: EventForm, incidentId: number, id: number | null): EventInput {
  const input: EventInput = {
    incidentId,
    happenedOn: isoDate(form.happenedOn),
    actor: form.actor,
    channel: form.channel,
    summary: form.summary,
    fullText: form.fullText,
    pieceIds: [...form.pieceIds],
    decision: form.decision,
    reasonsGiven: form.decision === '' ? [] : [...form.reasonsGiven],
  };
  if (id !== null) input.id = id;
  return input;
}

/** What the owner may change on a piece once it is added: its title, date and note. */
export type PieceForm = { title: string; datedOn: string; note: string };
export type PieceFormKey = keyof PieceForm;

export const PIECE_FIELDS: Partial<Record<Field, PieceFormKey>> = {
  piece_title: 'title',
  piece_date: 'datedOn',
  piece_note: 'note',
};

export function pieceToForm(piece: Piece): PieceForm {
  return { title: piece.title, datedOn: typedDate(piece.datedOn), note: piece.note };
}

/** A blank date clears the piece's date; the note is always sent (empty clears it). */
export function formToPieceInput(form: PieceForm, id: number): PieceInput {
  const input: PieceInput = { id, title: form.title, note: form.note };
  const datedOn = isoDate(form.datedOn);
  if (datedOn !== '') input.datedOn = datedOn;
  return input;
}

/** `P3`. */
export const pieceNumber = (n: number): string => `P${n}`;

/** A file size for people: `512 octets`, `1,2 Mo` / `512 bytes`, `1.2 MB` (1 kB = 1000 bytes,
 * as file managers now say). */
export function formatSize(bytes: number, locale: Locale): string {
  const units: Record<Locale, string[]> = { fr: ['octets', 'ko', 'Mo', 'Go'], en: ['bytes', 'kB', 'MB', 'GB'] };
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    unit += 1;
  }
  const n = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  if (locale === 'fr' && unit === 0 && bytes < 2) return `${n}\u00A0octet`;
  if (locale === 'en' && unit === 0 && bytes === 1) return '1\u00A0byte';
  return `${n}\u00A0${units[locale][unit]}`;
}

/** A day for the chronology, local, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
