// The dossier screens' pure helpers: the destinations and the kinds of asks and rights with
// their words, the form's empty state and the checked draft put back into it, the summary's
// counter (code points, as Rust counts), which catalogue sentence says each missing element,
// and which input of the dossier form fixes a missing draft element.
import type { AskKind } from '../bindings/AskKind';
import { DOSSIER_SUMMARY_MAX } from '../bindings/limits';
import type { Destination } from '../bindings/Destination';
import type { DossierDraft } from '../bindings/DossierDraft';
import type { DossierInput } from '../bindings/DossierInput';
import type { Field } from '../bindings/Field';
import type { FixAt } from '../bindings/FixAt';
import type { IpRightKind } from '../bindings/IpRightKind';
import type { Locale } from '../bindings/Locale';
import type { Missing } from '../bindings/Missing';
import type { MissingCode } from '../bindings/MissingCode';
import type { MessageKey } from '../i18n/fr';

/** The summary's limit, in characters (code points), as carnet-core checks it. */
export const SUMMARY_MAX = DOSSIER_SUMMARY_MAX;

/** Characters as Rust counts them (`chars().count()`): code points, not UTF-16 units. */
export function codePoints(text: string): number {
  return [...text].length;
}

/** `123 / 400`, the counter under the summary. */
export function counter(text: string, max: number): string {
  return `${codePoints(text)} / ${max}`;
}

export const DESTINATIONS: readonly Destination[] = [
  'mediateur',
  'dge_form',
  'platform_complaint',
  'out_of_court_body',
  'counterfeit_notice',
  'p2b_mediator',
  'arcom',
];

export const DESTINATION_LABELS: Record<Destination, { label: MessageKey; explanation: MessageKey }> = {
  dge_form: { label: 'dossier.dest.dge_form', explanation: 'dossier.dest.dge_form.help' },
  mediateur: { label: 'dossier.dest.mediateur', explanation: 'dossier.dest.mediateur.help' },
  platform_complaint: {
    label: 'dossier.dest.platform_complaint',
    explanation: 'dossier.dest.platform_complaint.help',
  },
  out_of_court_body: {
    label: 'dossier.dest.out_of_court_body',
    explanation: 'dossier.dest.out_of_court_body.help',
  },
  counterfeit_notice: {
    label: 'dossier.dest.counterfeit_notice',
    explanation: 'dossier.dest.counterfeit_notice.help',
  },
  p2b_mediator: { label: 'dossier.dest.p2b_mediator', explanation: 'dossier.dest.p2b_mediator.help' },
  arcom: { label: 'dossier.dest.arcom', explanation: 'dossier.dest.arcom.help' },
};

/** The destination's name, for a code that may come as a plain string (the draft's). */
export function destinationLabel(code: string): MessageKey {
  return (DESTINATION_LABELS as Record<string, { label: MessageKey }>)[code]?.label ?? 'dossier.dest.unknown';
}

export const ASK_KINDS: readonly AskKind[] = [
  'reinstatement',
  'statement_of_reasons',
  'release_of_funds',
  'review_of_decision',
  'mediation',
  'removal_of_counterfeits',
  'compensation',
  'other',
];

export const ASK_LABELS: Record<AskKind, MessageKey> = {
  reinstatement: 'dossier.ask.reinstatement',
  statement_of_reasons: 'dossier.ask.statement_of_reasons',
  release_of_funds: 'dossier.ask.release_of_funds',
  review_of_decision: 'dossier.ask.review_of_decision',
  mediation: 'dossier.ask.mediation',
  removal_of_counterfeits: 'dossier.ask.removal_of_counterfeits',
  compensation: 'dossier.ask.compensation',
  other: 'dossier.ask.other',
};

export const IP_RIGHT_KINDS: readonly IpRightKind[] = ['trademark', 'design', 'patent', 'copyright', 'other'];

export const IP_RIGHT_LABELS: Record<IpRightKind, MessageKey> = {
  trademark: 'dossier.ip.trademark',
  design: 'dossier.ip.design',
  patent: 'dossier.ip.patent',
  copyright: 'dossier.ip.copyright',
  other: 'dossier.ip.other',
};

/** The sentence that says what is missing, for every code Rust may send. */
export const MISSING_TEXT: Record<MissingCode, MessageKey> = {
  no_incidents: 'dossier.missing.no_incidents',
  incident_unavailable: 'dossier.missing.incident_unavailable',
  title: 'dossier.missing.title',
  summary: 'dossier.missing.summary',
  asks: 'dossier.missing.asks',
  company_profile: 'dossier.missing.company_profile',
  company_siret: 'dossier.missing.company_siret',
  company_address: 'dossier.missing.company_address',
  company_contact_name: 'dossier.missing.company_contact_name',
  company_contact_email: 'dossier.missing.company_contact_email',
  company_contact_phone: 'dossier.missing.company_contact_phone',
  company_insolvency: 'dossier.missing.company_insolvency',
  company_naf: 'dossier.missing.company_naf',
  company_size_class: 'dossier.missing.company_size_class',
  platform_legal_entity: 'dossier.missing.platform_legal_entity',
  platform_siret: 'dossier.missing.platform_siret',
  platform_seller_account: 'dossier.missing.platform_seller_account',
  platform_address: 'dossier.missing.platform_address',
  mediateur_request: 'dossier.missing.mediateur_request',
  saisine_framework: 'dossier.missing.saisine_framework',
  company_headcount: 'dossier.missing.company_headcount',
  company_contact_email_generic: 'dossier.missing.company_contact_email_generic',
  company_contact_mobile: 'dossier.missing.company_contact_mobile',
  handled_so_far: 'dossier.missing.handled_so_far',
  dsa_provisions: 'dossier.missing.dsa_provisions',
  facts_dates: 'dossier.missing.facts_dates',
  mediator: 'dossier.missing.mediator',
  mediator_not_named: 'dossier.missing.mediator_not_named',
  decision_reference: 'dossier.missing.decision_reference',
  decision_date: 'dossier.missing.decision_date',
  prior_steps: 'dossier.missing.prior_steps',
  heic_piece: 'dossier.missing.heic_piece',
  listings: 'dossier.missing.listings',
  ip_right: 'dossier.missing.ip_right',
  ip_right_number: 'dossier.missing.ip_right_number',
  ip_right_title: 'dossier.missing.ip_right_title',
  accuracy_declaration: 'dossier.missing.accuracy_declaration',
  confidentiality_undertaking: 'dossier.missing.confidentiality_undertaking',
  good_faith_statement: 'dossier.missing.good_faith_statement',
  identity_choice: 'dossier.missing.identity_choice',
  signatory: 'dossier.missing.signatory',
};

/** The sentence for a code; an unknown one (a newer Rust) gets a generic sentence. */
export function missingText(code: string): MessageKey {
  return (MISSING_TEXT as Record<string, MessageKey>)[code] ?? 'dossier.missing.unknown';
}

/** The inputs of the dossier form that Rust's fields point at. */
export type DossierInputKey =
  | 'destination'
  | 'locale'
  | 'incidentIds'
  | 'title'
  | 'summary'
  | 'asks'
  | 'ipRights'
  | 'listings'
  | 'mediateurRequest'
  | 'framework'
  | 'handledSoFar'
  | 'dsaProvisions'
  | 'mediator'
  | 'identity'
  | 'signatory'
  | 'place';

export const DOSSIER_FIELDS: Partial<Record<Field, DossierInputKey>> = {
  dossier_destination: 'destination',
  dossier_locale: 'locale',
  dossier_incidents: 'incidentIds',
  dossier_title: 'title',
  dossier_summary: 'summary',
  dossier_asks: 'asks',
  dossier_ip_rights: 'ipRights',
  dossier_listings: 'listings',
  dossier_mediateur_request: 'mediateurRequest',
  dossier_framework: 'framework',
  dossier_handled_so_far: 'handledSoFar',
  dossier_provisions: 'dsaProvisions',
  dossier_mediator: 'mediator',
  dossier_identity: 'identity',
  dossier_signatory: 'signatory',
  dossier_place: 'place',
};

/** The element to focus for a refused input (the first of a group). */
export function inputElementId(key: DossierInputKey, form: DossierForm): string {
  switch (key) {
    case 'destination':
      return `dossier-destination-${form.destination || DESTINATIONS[0]}`;
    case 'locale':
      return `dossier-locale-${form.locale}`;
    case 'incidentIds':
      return 'dossier-incidents';
    case 'asks':
      return form.asks.length === 0 ? 'dossier-ask-add' : 'dossier-ask-0-detail';
    case 'ipRights':
      return form.ipRights.length === 0 ? 'dossier-ip-add' : 'dossier-ip-0-title';
    case 'identity':
      return 'dossier-identity-disclose';
    case 'mediateurRequest':
      return 'dossier-mediateurRequest-sollicitation';
    default:
      return `dossier-${key}`;
  }
}

/** The form as the screen holds it: listings typed one per line, DSA provisions separated by
 * commas or lines. */
export type DossierForm = Omit<DossierInput, 'listings' | 'locale' | 'dsaProvisions'> & {
  locale: Locale;
  listings: string;
  dsaProvisions: string;
};

export function emptyDossierForm(locale: Locale): DossierForm {
  return {
    destination: 'mediateur',
    locale,
    incidentIds: [],
    title: '',
    summary: '',
    asks: [],
    ipRights: [],
    listings: '',
    declarations: {
      accuracy: false,
      confidentiality: false,
      goodFaith: false,
      identity: '',
      signatory: '',
      place: '',
    },
    mediateurRequest: '',
    framework: '',
    handledSoFar: '',
    dsaProvisions: '',
    mediator: '',
  };
}

/** The checked draft back in the form. */
export function draftToForm(draft: DossierDraft): DossierForm {
  return {
    destination: draft.destination,
    locale: draft.locale,
    incidentIds: [...draft.incidentIds],
    title: draft.title,
    summary: draft.summary,
    asks: draft.asks.map((a) => ({ kind: a.kind, detail: a.detail })),
    ipRights: draft.ipRights.map((r) => ({ kind: r.kind, title: r.title, number: r.number, office: r.office })),
    listings: draft.listings.join('\n'),
    declarations: {
      accuracy: draft.declarations.accuracy,
      confidentiality: draft.declarations.confidentiality,
      goodFaith: draft.declarations.goodFaith,
      identity: draft.declarations.identity ?? '',
      signatory: draft.declarations.signatory,
      place: draft.declarations.place,
    },
    mediateurRequest: draft.mediateurRequest ?? '',
    framework: draft.framework,
    handledSoFar: draft.handledSoFar,
    dsaProvisions: draft.dsaProvisions.join(', '),
    mediator: draft.mediator,
  };
}

/** What `dossier_create`/`dossier_save` receive: one listing a line, blanks dropped. */
export function formToInput(form: DossierForm): DossierInput {
  return {
    ...form,
    incidentIds: [...form.incidentIds],
    asks: form.asks.map((a) => ({ ...a })),
    ipRights: form.ipRights.map((r) => ({ ...r })),
    listings: form.listings
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    declarations: { ...form.declarations },
    dsaProvisions: form.dsaProvisions
      .split(/[,;\r\n]+/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  };
}

/** The id of the dossier form's element that fixes a missing draft element. */
export function draftFixId(code: MissingCode, at: Extract<FixAt, { kind: 'draft' }>): string {
  const i = at.index;
  switch (at.field) {
    case 'incidentIds':
      return 'dossier-incidents';
    case 'title':
      return 'dossier-title';
    case 'summary':
      return 'dossier-summary';
    case 'asks':
      return i === null ? 'dossier-ask-add' : `dossier-ask-${i}-detail`;
    case 'ipRights':
      if (i === null) return 'dossier-ip-add';
      return code === 'ip_right_number' ? `dossier-ip-${i}-number` : `dossier-ip-${i}-title`;
    case 'listings':
      return 'dossier-listings';
    case 'declarations.accuracy':
      return 'dossier-accuracy';
    case 'declarations.confidentiality':
      return 'dossier-confidentiality';
    case 'declarations.goodFaith':
      return 'dossier-goodFaith';
    case 'declarations.identity':
      return 'dossier-identity-disclose';
    case 'declarations.signatory':
      return 'dossier-signatory';
    case 'declarations.place':
      return 'dossier-place';
    case 'mediateurRequest':
      return 'dossier-mediateurRequest-sollicitation';
    case 'framework':
      return 'dossier-framework';
    case 'handledSoFar':
      return 'dossier-handledSoFar';
    case 'dsaProvisions':
      return 'dossier-dsaProvisions';
    case 'mediator':
      return 'dossier-mediator';
    default:
      return 'dossier-form-title';
  }
}

/** An input of another record that the dossier screen edits in place. */
export type FixInput = { key: string; label: MessageKey; kind: 'text' | 'date' | 'size' | 'country'; mono?: boolean };

/** The inputs shown to fix a company, platform or incident element in place; empty when the
 * owner must go to that page (the insolvency box). */
export function fixInputs(missing: Missing): FixInput[] {
  const at = missing.at;
  if (at.kind === 'company') {
    switch (missing.code) {
      case 'company_insolvency':
        return [];
      case 'company_address':
        return [
          { key: 'street', label: 'company.street', kind: 'text' },
          { key: 'postcode', label: 'company.postcode', kind: 'text' },
          { key: 'city', label: 'company.city', kind: 'text' },
        ];
      case 'company_size_class':
        return [{ key: 'sizeClass', label: 'company.sizeClass', kind: 'size' }];
      case 'company_siret':
        return [{ key: 'siret', label: 'company.siret', kind: 'text', mono: true }];
      case 'company_naf':
        return [{ key: 'naf', label: 'company.naf', kind: 'text', mono: true }];
      case 'company_contact_name':
        return [{ key: 'contactName', label: 'company.contactName', kind: 'text' }];
      case 'company_contact_email':
      case 'company_contact_email_generic':
        return [{ key: 'contactEmail', label: 'company.contactEmail', kind: 'text' }];
      case 'company_contact_phone':
      case 'company_contact_mobile':
        return [{ key: 'contactPhone', label: 'company.contactPhone', kind: 'text' }];
      case 'company_headcount':
        return [{ key: 'headcount', label: 'company.headcount', kind: 'text' }];
      default:
        return [{ key: 'legalName', label: 'company.legalName', kind: 'text' }];
    }
  }
  if (at.kind === 'platform') {
    switch (missing.code) {
      case 'platform_siret':
        return [
          { key: 'siret', label: 'platforms.siret', kind: 'text', mono: true },
          { key: 'country', label: 'platforms.country', kind: 'country' },
        ];
      case 'platform_seller_account':
        return [{ key: 'sellerAccounts', label: 'dossier.fix.sellerAccount', kind: 'text' }];
      case 'platform_address':
        return [{ key: 'address', label: 'platforms.address', kind: 'text' }];
      default:
        return [{ key: 'legalEntity', label: 'platforms.legalEntity', kind: 'text' }];
    }
  }
  if (at.kind === 'incident') {
    switch (at.field) {
      case 'decisionReference':
        return [{ key: 'decisionReference', label: 'incident.decisionReference', kind: 'text' }];
      case 'decisionOn':
        return [{ key: 'decisionOn', label: 'incident.decisionOn', kind: 'date' }];
      case 'answerReceivedOn':
        return [{ key: 'answerReceivedOn', label: 'incident.answerReceivedOn', kind: 'date' }];
      case 'occurredOn':
        return [{ key: 'occurredOn', label: 'incident.occurredOn', kind: 'date' }];
      default:
        return [{ key: 'complaintSentOn', label: 'incident.complaintSentOn', kind: 'date' }];
    }
  }
  return [];
}

/** A stable key for a missing element (for lists and ids). */
export function missingKey(missing: Missing): string {
  const at = missing.at;
  const where =
    at.kind === 'platform'
      ? `p${at.platformId}`
      : at.kind === 'incident'
        ? `i${at.incidentId}`
        : at.kind === 'draft'
          ? `d${at.index ?? ''}`
          : 'c';
  return `${missing.code}-${where}`;
}
