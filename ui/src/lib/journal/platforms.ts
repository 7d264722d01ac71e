// The platforms: matching what the owner types against the catalogue, the form's empty state
// and a saved record put back into it, the charter status in words.
import type { CharterSignatory } from '../bindings/CharterSignatory';
import type { Field } from '../bindings/Field';
import type { Locale } from '../bindings/Locale';
import type { Platform } from '../bindings/Platform';
import type { PlatformInput } from '../bindings/PlatformInput';
import type { PlatformRecord } from '../bindings/PlatformRecord';
import type { Platforms } from '../bindings/Platforms';
import type { ServiceType } from '../bindings/ServiceType';
import type { MessageKey } from '../i18n/fr';
import { groupSiret } from './company';
import { isoDate, typedDate } from './dates';
import { keptEntries } from './forms';
import { folded, pick } from './labels';

/** The inputs of the platform form (the date is typed the French way, see `dates.ts`). */
export type PlatformInputKey =
  | 'name'
  | 'service'
  | 'legalEntity'
  | 'address'
  | 'country'
  | 'siret'
  | 'sellerAccounts'
  | 'relationshipStart'
  | 'turnoverShare'
  | 'complaintChannel'
  | 'mediators'
  | 'oocBodies'
  | 'smallEnterprise'
  | 'termsVersion';

export const PLATFORM_FIELDS: Partial<Record<Field, PlatformInputKey>> = {
  platform_catalogue_id: 'name',
  platform_name: 'name',
  platform_service: 'service',
  platform_legal_entity: 'legalEntity',
  platform_address: 'address',
  country: 'country',
  siret: 'siret',
  platform_seller_accounts: 'sellerAccounts',
  platform_relationship_start: 'relationshipStart',
  platform_turnover_share: 'turnoverShare',
  platform_complaint_channel: 'complaintChannel',
  platform_mediators: 'mediators',
  platform_terms_version: 'termsVersion',
  platform_ooc_bodies: 'oocBodies',
};

/** The catalogue's entry whose name or alias is `name` (case, spaces and accents aside). */
export function findInCatalogue(catalogue: Platforms, name: string): Platform | null {
  const wanted = folded(name);
  if (wanted === '') return null;
  return (
    catalogue.platforms.find(
      (p) => folded(p.name) === wanted || p.aliases.some((a) => folded(a) === wanted),
    ) ?? null
  );
}

/** What the name field suggests: every name, then every alias, once each. */
export function catalogueSuggestions(catalogue: Platforms): string[] {
  const names = catalogue.platforms.map((p) => p.name);
  const aliases = catalogue.platforms.flatMap((p) => p.aliases);
  return [...new Set([...names, ...aliases])];
}

/** The service type in the owner's language (its code if the catalogue lacks it). */
export function serviceLabel(catalogue: Platforms | null, service: ServiceType, locale: Locale): string {
  const info = catalogue?.services.find((s) => s.service === service);
  return info === undefined ? service : pick(info.label, locale);
}

/** `null`: a platform the owner named, which the catalogue cannot vouch for. */
export type Charter = CharterSignatory | null;

export const CHARTER_LABELS: Record<CharterSignatory | 'outside', { label: MessageKey; explanation: MessageKey }> = {
  signed2019: { label: 'platforms.charter.signed2019', explanation: 'platforms.charter.signed2019Help' },
  joined2020: { label: 'platforms.charter.joined2020', explanation: 'platforms.charter.joined2020Help' },
  no: { label: 'platforms.charter.no', explanation: 'platforms.charter.noHelp' },
  unknown: { label: 'platforms.charter.unknown', explanation: 'platforms.charter.unknownHelp' },
  outside: { label: 'platforms.charter.unknown', explanation: 'platforms.charter.outsideHelp' },
};

/** The charter status in words; a platform outside the catalogue is "not known". */
export const charterTexts = (charter: Charter): { label: MessageKey; explanation: MessageKey } =>
  CHARTER_LABELS[charter ?? 'outside'];

/** The values the platform form edits, as strings in the inputs. */
export type PlatformForm = {
  name: string;
  service: ServiceType | '';
  legalEntity: string;
  /** The legal entity's postal address, as its legal notice gives it. */
  address: string;
  country: string;
  siret: string;
  sellerAccounts: string[];
  /** As typed: `15/03/2021`. */
  relationshipStart: string;
  turnoverShare: string;
  complaintChannel: string;
  mediators: string[];
  /** Certified out-of-court bodies its notices name (DSA 21). */
  oocBodies: string[];
  /** Known to be a micro or small enterprise (P2B 11(5), DSA 19). */
  smallEnterprise: boolean;
  termsVersion: string;
};

export function emptyPlatformForm(): PlatformForm {
  return {
    name: '',
    service: '',
    legalEntity: '',
    address: '',
    country: '',
    siret: '',
    sellerAccounts: [''],
    relationshipStart: '',
    turnoverShare: '',
    complaintChannel: '',
    mediators: [''],
    oocBodies: [''],
    smallEnterprise: false,
    termsVersion: '',
  };
}

/** A saved platform back in the form, as Rust normalised it. */
export function recordToForm(record: PlatformRecord): PlatformForm {
  return {
    name: record.name,
    service: record.service,
    legalEntity: record.legalEntity,
    address: record.address,
    country: record.country,
    siret: record.siret === null ? '' : groupSiret(record.siret),
    sellerAccounts: record.sellerAccounts.length === 0 ? [''] : [...record.sellerAccounts],
    relationshipStart: typedDate(record.relationshipStart),
    turnoverShare: record.turnoverSharePct === null ? '' : String(record.turnoverSharePct),
    complaintChannel: record.complaintChannel,
    mediators: record.mediators.length === 0 ? [''] : [...record.mediators],
    oocBodies: record.oocBodies.length === 0 ? [''] : [...record.oocBodies],
    smallEnterprise: record.smallEnterprise,
    termsVersion: record.termsVersion,
  };
}

/** What `platform_save` receives: the catalogue's id when the name is one of its names or
 * aliases, the typed name otherwise; the date as Rust reads it; blank list entries dropped. */
export function formToInput(form: PlatformForm, id: number | null, catalogue: Platforms | null): PlatformInput {
  const entry = catalogue === null ? null : findInCatalogue(catalogue, form.name);
  return {
    id,
    catalogueId: entry?.id ?? '',
    name: form.name.trim(),
    service: form.service,
    legalEntity: form.legalEntity,
    address: form.address,
    country: form.country,
    siret: form.siret,
    sellerAccounts: keptEntries(form.sellerAccounts),
    relationshipStart: isoDate(form.relationshipStart),
    turnoverShare: form.turnoverShare,
    complaintChannel: form.complaintChannel,
    mediators: keptEntries(form.mediators),
    oocBodies: keptEntries(form.oocBodies),
    smallEnterprise: form.smallEnterprise,
    termsVersion: form.termsVersion,
  };
}
