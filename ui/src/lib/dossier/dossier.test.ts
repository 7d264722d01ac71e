import { describe, expect, it } from 'vitest';
import MISSING_CODE_TS from '../bindings/MissingCode.ts?raw';
import type { DossierDraft } from '../bindings/DossierDraft';
import type { Missing } from '../bindings/Missing';
import type { MissingCode } from '../bindings/MissingCode';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { formatSize } from '../journal/incidents';
import {
  DESTINATIONS,
  DESTINATION_LABELS,
  MISSING_TEXT,
  codePoints,
  counter,
  draftFixId,
  draftToForm,
  emptyDossierForm,
  fixInputs,
  formToInput,
  inputElementId,
  missingKey,
  missingText,
} from './dossier';
import { instant, percent } from './format';

/** Every code of the generated union, read from the binding itself. */
const bindingCodes = [...MISSING_CODE_TS.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]!) as MissingCode[];

describe('the summary counter', () => {
  it('counts code points, as Rust’s chars().count()', () => {
    expect(codePoints('')).toBe(0);
    expect(codePoints('Déjà vu')).toBe(7);
    // An emoji is two UTF-16 units but one character for Rust.
    expect('😀'.length).toBe(2);
    expect(codePoints('😀')).toBe(1);
    // A decomposed é (e + combining acute) is two characters for Rust too.
    expect(codePoints('e\u0301')).toBe(2);
  });

  it('reads n / max', () => {
    expect(counter('a'.repeat(123), 400)).toBe('123 / 400');
    expect(counter('😀😀', 400)).toBe('2 / 400');
  });
});

describe('what is missing, in words', () => {
  it('reads every code of the bindings', () => {
    expect(bindingCodes.length).toBeGreaterThan(25);
    expect(Object.keys(MISSING_TEXT).sort()).toEqual([...bindingCodes].sort());
  });

  it('has a sentence in both catalogues for every code, each its own', () => {
    const keys = bindingCodes.map((c) => missingText(c));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(fr[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('has a generic sentence for a code a newer Rust might send', () => {
    expect(missingText('something_new')).toBe('dossier.missing.unknown');
  });

  it('names and explains every destination in both languages', () => {
    expect([...DESTINATIONS].sort()).toEqual(Object.keys(DESTINATION_LABELS).sort());
    expect(DESTINATIONS).toHaveLength(7);
    for (const d of DESTINATIONS) {
      expect(fr[DESTINATION_LABELS[d].explanation]).toBeTruthy();
      expect(en[DESTINATION_LABELS[d].label]).toBeTruthy();
    }
  });
});

describe('fixing in place', () => {
  const draft = (field: string, index: number | null = null) => ({ kind: 'draft' as const, field, index });

  it('focuses the dossier form’s input for a draft element', () => {
    expect(draftFixId('title', draft('title'))).toBe('dossier-title');
    expect(draftFixId('summary', draft('summary'))).toBe('dossier-summary');
    expect(draftFixId('no_incidents', draft('incidentIds'))).toBe('dossier-incidents');
    expect(draftFixId('asks', draft('asks'))).toBe('dossier-ask-add');
    expect(draftFixId('ip_right', draft('ipRights'))).toBe('dossier-ip-add');
    expect(draftFixId('ip_right_title', draft('ipRights', 1))).toBe('dossier-ip-1-title');
    expect(draftFixId('ip_right_number', draft('ipRights', 2))).toBe('dossier-ip-2-number');
    expect(draftFixId('listings', draft('listings'))).toBe('dossier-listings');
    expect(draftFixId('accuracy_declaration', draft('declarations.accuracy'))).toBe('dossier-accuracy');
    expect(draftFixId('confidentiality_undertaking', draft('declarations.confidentiality'))).toBe(
      'dossier-confidentiality',
    );
    expect(draftFixId('good_faith_statement', draft('declarations.goodFaith'))).toBe('dossier-goodFaith');
    expect(draftFixId('identity_choice', draft('declarations.identity'))).toBe('dossier-identity-disclose');
    expect(draftFixId('signatory', draft('declarations.signatory'))).toBe('dossier-signatory');
  });

  it('edits the company, a platform or an incident with the inputs the element needs', () => {
    const m = (code: MissingCode, at: Missing['at']): Missing => ({ code, blocking: true, at });
    expect(fixInputs(m('company_siret', { kind: 'company', field: 'siret' })).map((i) => i.key)).toEqual(['siret']);
    expect(fixInputs(m('company_address', { kind: 'company', field: 'street' })).map((i) => i.key)).toEqual([
      'street',
      'postcode',
      'city',
    ]);
    // The insolvency box is the company page's, never flipped from a dossier.
    expect(fixInputs(m('company_insolvency', { kind: 'company', field: 'insolvency' }))).toEqual([]);
    expect(
      fixInputs(m('platform_siret', { kind: 'platform', platformId: 3, field: 'siret' })).map((i) => i.key),
    ).toEqual(['siret', 'country']);
    expect(
      fixInputs(m('decision_date', { kind: 'incident', incidentId: 4, field: 'decisionOn' })).map((i) => i.kind),
    ).toEqual(['date']);
    expect(missingKey(m('platform_siret', { kind: 'platform', platformId: 3, field: 'siret' }))).toBe(
      'platform_siret-p3',
    );
    for (const label of fixInputs(m('company_contact_phone', { kind: 'company', field: 'contactPhone' }))) {
      expect(fr[label.label]).toBeTruthy();
    }
  });

  it('focuses the first input of a refused group', () => {
    const form = emptyDossierForm('fr');
    expect(inputElementId('asks', form)).toBe('dossier-ask-add');
    expect(inputElementId('identity', form)).toBe('dossier-identity-disclose');
    expect(inputElementId('destination', form)).toBe('dossier-destination-mediateur');
    form.asks.push({ kind: 'other', detail: '' });
    expect(inputElementId('asks', form)).toBe('dossier-ask-0-detail');
  });
});

describe('the form', () => {
  it('starts with nothing declared and no identity chosen', () => {
    const form = emptyDossierForm('en');
    expect(form.locale).toBe('en');
    expect(form.declarations.identity).toBe('');
    expect(form.declarations.accuracy).toBe(false);
  });

  it('sends one listing a line, blanks dropped, and reads a draft back', () => {
    const form = emptyDossierForm('fr');
    form.listings = ' https://exemple.fr/annonce/1 \n\n B0ABCDEFGH\r\n';
    expect(formToInput(form).listings).toEqual(['https://exemple.fr/annonce/1', 'B0ABCDEFGH']);
    const draft: DossierDraft = {
      destination: 'counterfeit_notice',
      locale: 'en',
      incidentIds: [3, 1],
      title: 'Faux',
      summary: 'Résumé',
      asks: [{ kind: 'removal_of_counterfeits', detail: '' }],
      ipRights: [{ kind: 'trademark', title: 'ATELIER', number: '4123456', office: 'INPI' }],
      listings: ['B0ABCDEFGH'],
      declarations: { accuracy: true, confidentiality: false, goodFaith: true, identity: null, signatory: 'C. D.', place: 'Lyon' },
      mediateurRequest: null,
      framework: '',
      handledSoFar: '',
      dsaProvisions: [],
      mediator: '',
    };
    const back = draftToForm(draft);
    expect(back.declarations.identity).toBe('');
    expect(back.listings).toBe('B0ABCDEFGH');
    expect(formToInput(back)).toEqual({
      ...draft,
      declarations: { ...draft.declarations, identity: '' },
      mediateurRequest: '',
    });
  });

  it('sends the DSA provisions one by one and reads a saisine back', () => {
    const form = { ...emptyDossierForm('fr'), destination: 'arcom', dsaProvisions: ' DSA 17, DSA 20 ;\nDSA 53 ,, ' };
    expect(formToInput(form).dsaProvisions).toEqual(['DSA 17', 'DSA 20', 'DSA 53']);
    const draft: DossierDraft = {
      ...formToInput(emptyDossierForm('fr')),
      destination: 'mediateur',
      locale: 'fr',
      asks: [],
      ipRights: [],
      declarations: { accuracy: false, confidentiality: false, goodFaith: false, identity: null, signatory: '', place: '' },
      mediateurRequest: 'saisine',
      framework: 'Relations avec une plateforme',
      dsaProvisions: ['DSA 20'],
    };
    const back = draftToForm(draft);
    expect(back.mediateurRequest).toBe('saisine');
    expect(back.framework).toBe('Relations avec une plateforme');
    expect(back.dsaProvisions).toBe('DSA 20');
  });
});

describe('formatting', () => {
  it('writes sizes the owner’s way', () => {
    expect(formatSize(1_234_567, 'fr')).toBe('1,2\u00A0Mo');
    expect(formatSize(1_234_567, 'en')).toBe('1.2\u00A0MB');
  });

  it('says progress as a bounded percentage', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(3, 4)).toBe(75);
    expect(percent(9, 4)).toBe(100);
  });

  it('writes an instant as a local day and time', () => {
    const at = new Date(2026, 10, 26, 14, 5).toISOString();
    expect(instant(at, 'fr')).toBe('26 novembre 2026, 14:05');
    expect(instant(at, 'en')).toBe('26 November 2026, 14:05');
    expect(instant('not a date', 'en')).toBe('not a date');
  });
});
