import { describe, expect, it } from 'vitest';
import type { Company } from '../bindings/Company';
import type { PlatformRecord } from '../bindings/PlatformRecord';
import type { Platforms } from '../bindings/Platforms';
import type { UiError } from '../ipc';
import { companyToInput, emptyCompanyInput, groupSiren, groupSiret, COMPANY_FIELDS } from './company';
import { countryName, countryOptions } from './countries';
import { isoDate, longDate, typedDate } from './dates';
import { FormErrors, describedBy, inputOf, keptEntries, noteIds } from './forms';
import { folded } from './labels';
import {
  PLATFORM_FIELDS,
  catalogueSuggestions,
  charterTexts,
  emptyPlatformForm,
  findInCatalogue,
  formToInput,
  recordToForm,
} from './platforms';

const known = {
  legalEntity: null,
  country: null,
  address: null,
  vlop: null,
  gatekeeper: null,
  source: null,
  checked: null,
  toCheck: [],
  outOfCourtBodies: [],
  mediators: [],
};

const catalogue: Platforms = {
  services: [
    { service: 'marketplace', label: { fr: 'Place de marché', en: 'Marketplace' } },
    { service: 'booking', label: { fr: 'Réservation et voyage', en: 'Booking and travel' } },
  ],
  platforms: [
    { id: 'amazon', name: 'Amazon', service: 'marketplace', charter: 'no', aliases: ['Amazon.fr', 'Seller Central'], ...known },
    { id: 'rakuten', name: 'Rakuten', service: 'marketplace', charter: 'signed2019', aliases: ['PriceMinister'], ...known },
    { id: 'booking', name: 'Booking.com', service: 'booking', charter: 'no', aliases: [], ...known },
  ],
};

describe('dates', () => {
  it('reads the French way and ISO, and leaves the rest to Rust', () => {
    expect(isoDate('15/03/2021')).toBe('2021-03-15');
    expect(isoDate(' 5/3/2021 ')).toBe('2021-03-05');
    expect(isoDate('05.03.2021')).toBe('2021-03-05');
    expect(isoDate('2021-03-15')).toBe('2021-03-15');
    expect(isoDate('')).toBe('');
    expect(isoDate('   ')).toBe('');
    expect(isoDate('mars 2021')).toBe('mars 2021');
    expect(isoDate('15/03/21')).toBe('15/03/21');
  });

  it('writes ISO dates back the way they are typed, and long', () => {
    expect(typedDate('2021-03-15')).toBe('15/03/2021');
    expect(typedDate(null)).toBe('');
    expect(isoDate(typedDate('2024-02-29'))).toBe('2024-02-29');
    expect(longDate('2026-11-26', 'fr')).toBe('26 novembre 2026');
    expect(longDate('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(longDate('2026-11-26', 'en')).toBe('26 November 2026');
    expect(longDate('n/a', 'en')).toBe('n/a');
  });
});

describe('forms', () => {
  it('puts an invalid field on its input, anything else on the form', () => {
    const siret = { code: 'invalid_input', field: 'siret', message: 'SIRET' } as const;
    expect(inputOf(siret, COMPANY_FIELDS)).toBe('siret');
    expect(inputOf(siret, PLATFORM_FIELDS)).toBe('siret');
    expect(inputOf({ code: 'invalid_input', field: 'siret_of_another_siren', message: '' }, COMPANY_FIELDS)).toBe(
      'siret',
    );
    expect(inputOf({ code: 'invalid_input', field: 'phone', message: '' }, PLATFORM_FIELDS)).toBeNull();
    expect(inputOf({ code: 'vault_locked', message: 'locked' }, COMPANY_FIELDS)).toBeNull();
    expect(inputOf({ code: 'unexpected' }, COMPANY_FIELDS)).toBeNull();
    expect(inputOf(null, COMPANY_FIELDS)).toBeNull();
  });

  it('describes inputs by what is shown', () => {
    expect(describedBy('a-hint', null, 'a-error')).toBe('a-hint a-error');
    expect(describedBy(null, false, undefined)).toBeUndefined();
    expect(noteIds('a', 'a hint', null)).toEqual({ hint: 'a-hint', error: null });
    expect(noteIds('a', undefined, 'refused')).toEqual({ hint: null, error: 'a-error' });
  });

  it('follows the action: the message on its input, or on the form', () => {
    const action: { error: UiError | null } = { error: null };
    const errors = new FormErrors('company', action, COMPANY_FIELDS);
    expect(errors.at('siret')).toEqual({ id: 'company-siret', error: null });
    expect(errors.formError).toBeNull();
    action.error = { code: 'invalid_input', field: 'siret', message: 'SIRET' };
    expect(errors.invalid).toBe('siret');
    expect(errors.at('siret')).toEqual({ id: 'company-siret', error: 'SIRET' });
    expect(errors.errorAt('siren')).toBeNull();
    expect(errors.formError).toBeNull();
    action.error = { code: 'vault_locked', message: 'locked' };
    expect(errors.invalid).toBeNull();
    expect(errors.formError).toBe(action.error);
  });

  it('sends list entries trimmed, without blanks', () => {
    expect(keptEntries([' A1 ', '', '  ', 'B2'])).toEqual(['A1', 'B2']);
  });
});

describe('company', () => {
  it('groups SIREN and SIRET for reading, and leaves odd values alone', () => {
    expect(groupSiret('73282932000074')).toBe('732 829 320 00074');
    expect(groupSiren('732829320')).toBe('732 829 320');
    expect(groupSiret('7328')).toBe('7328');
    expect(groupSiret('7328293200007A')).toBe('7328293200007A');
  });

  it('puts the saved profile back in the form as Rust normalised it', () => {
    const company: Company = {
      updatedAt: '2026-11-26T14:05:00+01:00',
      legalName: 'Atelier Dupont',
      siren: '732829320',
      siret: '73282932000074',
      legalForm: 'SARL',
      naf: '47.91B',
      sizeClass: 'micro',
      headcount: 4,
      street: '3 rue des Lilas',
      postcode: '69003',
      city: 'Lyon',
      country: 'FR',
      contactName: 'Claire Dupont',
      contactRole: 'Gérante',
      contactEmail: 'claire@example.fr',
      contactPhone: '+33 6 12 34 56 78',
      insolvency: false,
    };
    const input = companyToInput(company);
    expect(input.siret).toBe('732 829 320 00074');
    expect(input.siren).toBe('732 829 320');
    expect(input.headcount).toBe('4');
    expect(input.sizeClass).toBe('micro');
    expect(input.contactPhone).toBe('+33 6 12 34 56 78');
    const blank = companyToInput({ ...company, siren: null, siret: null, naf: null, sizeClass: null, headcount: null, country: '' });
    expect(blank).toMatchObject({ siren: '', siret: '', naf: '', sizeClass: '', headcount: '', country: 'FR' });
    expect(emptyCompanyInput().country).toBe('FR');
  });
});

describe('countries', () => {
  it('names countries in the owner’s language, sorted the owner’s way', () => {
    expect(countryName('FR', 'fr')).toBe('France');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('', 'en')).toBe('');
    const options = countryOptions('fr');
    expect(options).toHaveLength(250);
    expect(options.findIndex((o) => o.value === 'DE')).toBeLessThan(options.findIndex((o) => o.value === 'FR'));
  });
});

describe('platforms', () => {
  it('finds catalogue entries by name or alias, whatever the case, spaces or accents', () => {
    expect(findInCatalogue(catalogue, 'amazon')?.id).toBe('amazon');
    expect(findInCatalogue(catalogue, '  Amazon.FR ')?.id).toBe('amazon');
    expect(findInCatalogue(catalogue, 'seller   central')?.id).toBe('amazon');
    expect(findInCatalogue(catalogue, 'PríceMinister')?.id).toBe('rakuten');
    expect(findInCatalogue(catalogue, 'Amaz')).toBeNull();
    expect(findInCatalogue(catalogue, '')).toBeNull();
    expect(folded('  Réclamation  Ébauche ')).toBe('reclamation ebauche');
  });

  it('suggests names, then aliases, once each', () => {
    expect(catalogueSuggestions(catalogue)).toEqual([
      'Amazon',
      'Rakuten',
      'Booking.com',
      'Amazon.fr',
      'Seller Central',
      'PriceMinister',
    ]);
  });

  it('sends the catalogue id for a known name, the typed name otherwise', () => {
    const form = { ...emptyPlatformForm(), name: 'amazon.fr', relationshipStart: '15/03/2021', sellerAccounts: [' A1 ', ''] };
    const input = formToInput(form, null, catalogue);
    expect(input).toMatchObject({
      id: null,
      catalogueId: 'amazon',
      relationshipStart: '2021-03-15',
      sellerAccounts: ['A1'],
      mediators: [],
    });
    const custom = formToInput({ ...emptyPlatformForm(), name: ' Ma Boutique Locale ', service: 'marketplace' }, 7, catalogue);
    expect(custom).toMatchObject({ id: 7, catalogueId: '', name: 'Ma Boutique Locale', service: 'marketplace' });
  });

  it('puts a saved record back in the form', () => {
    const record: PlatformRecord = {
      id: 3,
      charter: 'no',
      createdAt: '',
      updatedAt: '',
      deletedAt: null,
      catalogueId: 'amazon',
      name: 'Amazon',
      service: 'marketplace',
      legalEntity: 'Amazon EU S.à r.l.',
      address: '38 avenue John F. Kennedy, L-1855 Luxembourg',
      country: 'LU',
      siret: null,
      sellerAccounts: [],
      relationshipStart: '2021-03-15',
      turnoverSharePct: 35,
      complaintChannel: '',
      mediators: ['CMAP'],
      oocBodies: [],
      smallEnterprise: true,
      termsVersion: '',
    };
    const form = recordToForm(record);
    expect(form).toMatchObject({ relationshipStart: '15/03/2021', turnoverShare: '35', sellerAccounts: [''], mediators: ['CMAP'], siret: '' });
    expect(formToInput(form, 3, catalogue).relationshipStart).toBe('2021-03-15');
    expect(form.address).toBe('38 avenue John F. Kennedy, L-1855 Luxembourg');
    expect(form.oocBodies).toEqual(['']);
    expect(formToInput({ ...form, oocBodies: [' User Rights ', ''] }, 3, catalogue)).toMatchObject({
      oocBodies: ['User Rights'],
      smallEnterprise: true,
    });
    expect(formToInput(form, 3, catalogue).address).toBe('38 avenue John F. Kennedy, L-1855 Luxembourg');
    expect(recordToForm({ ...record, siret: '73282932000074' }).siret).toBe('732 829 320 00074');
  });

  it('says the charter status, unknown for a platform the owner named', () => {
    expect(charterTexts('signed2019').label).toBe('platforms.charter.signed2019');
    expect(charterTexts('joined2020').label).toBe('platforms.charter.joined2020');
    expect(charterTexts('unknown').explanation).toBe('platforms.charter.unknownHelp');
    expect(charterTexts(null).explanation).toBe('platforms.charter.outsideHelp');
    expect(charterTexts(null).label).toBe('platforms.charter.unknown');
  });
});
