// The company form: its empty state, the saved profile put back into it (as Rust normalised
// it, identifiers grouped for reading), and which input each refused field belongs to.
import type { Company } from '../bindings/Company';
import type { CompanyInput } from '../bindings/CompanyInput';
import type { Field } from '../bindings/Field';
import type { SizeClass } from '../bindings/SizeClass';
import type { MessageKey } from '../i18n/fr';

export type CompanyInputKey = Exclude<keyof CompanyInput, 'insolvency'>;

export const SIZE_CLASSES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large'];

export const SIZE_CLASS_LABELS: Record<SizeClass, MessageKey> = {
  micro: 'company.size.micro',
  small: 'company.size.small',
  medium: 'company.size.medium',
  large: 'company.size.large',
};

/** Rust's field → the input it is about. A SIRET of another company is the SIRET's fault. */
export const COMPANY_FIELDS: Partial<Record<Field, CompanyInputKey>> = {
  company_legal_name: 'legalName',
  siren: 'siren',
  siret: 'siret',
  siret_of_another_siren: 'siret',
  company_legal_form: 'legalForm',
  naf: 'naf',
  company_size_class: 'sizeClass',
  company_headcount: 'headcount',
  company_street: 'street',
  postcode: 'postcode',
  company_city: 'city',
  country: 'country',
  company_contact_name: 'contactName',
  company_contact_role: 'contactRole',
  email: 'contactEmail',
  phone: 'contactPhone',
};

/** The form of a company not yet described: France by default. */
export function emptyCompanyInput(): CompanyInput {
  return {
    legalName: '',
    siren: '',
    siret: '',
    legalForm: '',
    naf: '',
    sizeClass: '',
    headcount: '',
    street: '',
    postcode: '',
    city: '',
    country: 'FR',
    contactName: '',
    contactRole: '',
    contactEmail: '',
    contactPhone: '',
    insolvency: false,
  };
}

/** Digits in groups of `sizes`, separated by ordinary spaces (Rust reads them back):
 * `73282932000074` with [3, 3, 3, 5] gives `732 829 320 00074`. Anything but the expected
 * number of digits comes back unchanged. */
export function groupDigits(digits: string, sizes: readonly number[]): string {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (!/^\d+$/.test(digits) || digits.length !== total) return digits;
  const groups: string[] = [];
  let at = 0;
  for (const n of sizes) {
    groups.push(digits.slice(at, at + n));
    at += n;
  }
  return groups.join(' ');
}

export const groupSiren = (siren: string): string => groupDigits(siren, [3, 3, 3]);
export const groupSiret = (siret: string): string => groupDigits(siret, [3, 3, 3, 5]);

/** The saved profile, back in the form as Rust normalised it. */
export function companyToInput(company: Company): CompanyInput {
  return {
    legalName: company.legalName,
    siren: company.siren === null ? '' : groupSiren(company.siren),
    siret: company.siret === null ? '' : groupSiret(company.siret),
    legalForm: company.legalForm,
    naf: company.naf ?? '',
    sizeClass: company.sizeClass ?? '',
    headcount: company.headcount === null ? '' : String(company.headcount),
    street: company.street,
    postcode: company.postcode,
    city: company.city,
    country: company.country === '' ? 'FR' : company.country,
    contactName: company.contactName,
    contactRole: company.contactRole,
    contactEmail: company.contactEmail,
    contactPhone: company.contactPhone,
    insolvency: company.insolvency,
  };
}
