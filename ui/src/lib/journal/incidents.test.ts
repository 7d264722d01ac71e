import { describe, expect, it } from 'vitest';
import type { Check } from '../bindings/Check';
import type { Incident } from '../bindings/Incident';
import { en } from '../i18n/en';
import { fr, type MessageKey } from '../i18n/fr';
import { translate } from '../i18n/index.svelte';
import { builtinCategories, catalogueFrom, categoryGroups, categoryLabel, parseDataToml } from './categories';
import { describeCheck, type Translate } from './checks';
import {
  amountAtStake,
  emptyEventForm,
  emptyIncidentForm,
  formatSize,
  formToEventInput,
  formToIncidentInput,
  formToPieceInput,
  pieceToForm,
  incidentToForm,
  splitTags,
  typedAmount,
  ACTOR_LABELS,
  CHANNEL_LABELS,
  DATE_LABELS,
  MEASURE_LABELS,
  REASONS_LABELS,
  STATUS_LABELS,
} from './incidents';

const trFr: Translate = (key, params) => translate('fr', key, params);
const trEn: Translate = (key, params) => translate('en', key, params);
const plain = (s: string): string => s.replace(/[\u00A0\u202F]/g, ' ');

describe('the category tree', () => {
  it('is read from the data file Rust embeds', () => {
    const c = builtinCategories();
    expect(c.axes.map((a) => a.axis)).toEqual(['A1', 'A2', 'A3']);
    expect(c.groups.length).toBeGreaterThanOrEqual(12);
    expect(c.categories.length).toBeGreaterThanOrEqual(22);
    const acc02 = c.categories.find((x) => x.code === 'ACC-02');
    expect(acc02?.group).toBe('ACC');
    expect(acc02?.axes[0]).toBe('A2');
    expect(acc02?.measures.length).toBeGreaterThan(0);
    expect(acc02?.evidence.every((e) => e.fr !== '' && e.en !== '')).toBe(true);
    const other = c.categories.find((x) => x.code === 'OTH-99');
    expect(other?.axes).toEqual([]);
    for (const category of c.categories) {
      expect(category.label.fr, category.code).not.toBe('');
      expect(category.label.en, category.code).not.toBe('');
      expect(c.groups.some((g) => g.code === category.group), category.code).toBe(true);
    }
  });

  it('labels and groups categories in the owner’s language', () => {
    const c = builtinCategories();
    expect(categoryLabel(c, 'CGU-01', 'fr')).toBe('Conditions modifiées sans préavis suffisant');
    expect(categoryLabel(c, 'CGU-01', 'en')).toBe('Terms changed without enough notice');
    expect(categoryLabel(c, 'XXX-00', 'en')).toBe('XXX-00');
    const groups = categoryGroups(c, 'fr');
    expect(groups[0]?.label).toBe('Conditions générales');
    expect(groups.flatMap((g) => g.options).length).toBe(c.categories.length);
  });

  it('reads the TOML subset and names the line it cannot read', () => {
    const tables = parseDataToml(
      '# comment\n[[x]]\na = "b \\"q\\""\nlist = ["1", "2"] # trailing\nitems = [\n  { fr = "un", en = "one" },\n]\n',
    );
    expect(tables['x']).toEqual([{ a: 'b "q"', list: ['1', '2'], items: [{ fr: 'un', en: 'one' }] }]);
    expect(() => parseDataToml('[[x]]\na = 12\n')).toThrow(/line 2/);
    expect(() => parseDataToml('a = "orphan"\n')).toThrow(/line 1/);
    expect(catalogueFrom('').categories).toEqual([]);
  });
});

describe('incident forms', () => {
  it('sends dates as Rust reads them and amounts as typed', () => {
    const form = {
      ...emptyIncidentForm(3),
      category: 'FIN-02',
      measure: 'restriction' as const,
      title: 'Versements bloqués',
      occurredOn: '02/03/2026',
      fundsHeld: '1 234,56',
      tags: 'versements, urgent, versements; ',
    };
    const input = formToIncidentInput(form, null);
    expect(input).toMatchObject({
      platformId: 3,
      category: 'FIN-02',
      measure: 'restriction',
      occurredOn: '2026-03-02',
      notifiedOn: '',
      fundsHeld: '1 234,56',
      tags: ['versements', 'urgent'],
    });
    expect('id' in input).toBe(false);
    expect(formToIncidentInput(form, 9).id).toBe(9);
  });

  it('puts a saved incident back in the form, amounts the owner’s way', () => {
    const incident = {
      id: 9,
      platformId: 3,
      platformName: 'Amazon',
      status: 'open',
      category: 'FIN-02',
      measure: null,
      title: 'T',
      dates: {
        occurredOn: '2026-03-02',
        notifiedOn: null,
        tookEffectOn: null,
        decisionOn: null,
        complaintSentOn: null,
        answerReceivedOn: null,
        referralOn: null,
        referralDecidedOn: null,
      },
      reasonsReceived: 'no',
      amounts: { fundsHeldCents: 123456, salesLostCents: null, feesCents: 5, note: '' },
      decisionReference: '',
      description: '',
      wanted: '',
      tags: ['a', 'b'],
    } as unknown as Incident;
    const form = incidentToForm(incident, 'fr');
    expect(form).toMatchObject({ platformId: '3', measure: '', occurredOn: '02/03/2026', fundsHeld: '1 234,56', fees: '0,05', tags: 'a, b' });
    expect(incidentToForm(incident, 'en').fundsHeld).toBe('1,234.56');
    expect(amountAtStake(incident.amounts)).toBe(123461);
    expect(amountAtStake({ fundsHeldCents: null, salesLostCents: null, feesCents: null, note: '' })).toBeNull();
  });

  it('types amounts back, splits tags, sizes files', () => {
    expect(typedAmount(100000000, 'fr')).toBe('1 000 000,00');
    expect(typedAmount(null, 'fr')).toBe('');
    expect(splitTags(' ; , ')).toEqual([]);
    expect(plain(formatSize(512, 'fr'))).toBe('512 octets');
    expect(plain(formatSize(1, 'fr'))).toBe('1 octet');
    expect(plain(formatSize(1234, 'fr'))).toBe('1,2 ko');
    expect(plain(formatSize(3_400_000, 'en'))).toBe('3.4 MB');
    expect(plain(formatSize(1, 'en'))).toBe('1 byte');
  });

  it('sends events with their pieces', () => {
    const form = { ...emptyEventForm('2026-11-26'), summary: 'Compte suspendu', pieceIds: [4, 2] };
    expect(form.happenedOn).toBe('26/11/2026');
    expect(formToEventInput(form, 7, null)).toEqual({
      incidentId: 7,
      happenedOn: '2026-11-26',
      actor: 'platform',
      channel: 'email',
      summary: 'Compte suspendu',
      fullText: '',
      pieceIds: [4, 2],
      decision: '',
      reasonsGiven: [],
    });
  });

  it('sends the checker’s ticks only with a decision chosen', () => {
    const ticked = { ...emptyEventForm('2026-11-26'), summary: 'Suspension', reasonsGiven: ['scope', 'facts'] };
    expect(formToEventInput(ticked, 7, 3).reasonsGiven).toEqual([]);
    const decided = { ...ticked, decision: 'suspension' };
    expect(formToEventInput(decided, 7, 3)).toMatchObject({ id: 3, decision: 'suspension', reasonsGiven: ['scope', 'facts'] });
  });

  it('sends a piece’s new title, date and note', () => {
    const piece = {
      id: 9,
      incidentId: 7,
      number: 2,
      title: 'Relevé',
      datedOn: '2026-03-05',
      note: '',
      originalName: 'releve.pdf',
      mediaType: 'application/pdf',
      size: 10,
      sha256: '00',
      createdAt: '2026-03-05T10:00:00Z',
      preview: 'none' as const,
      eventIds: [],
      proof: { timestamp: null, stampWaiting: false, email: null },
    };
    const form = pieceToForm(piece);
    expect(form).toEqual({ title: 'Relevé', datedOn: '05/03/2026', note: '' });
    expect(formToPieceInput({ ...form, note: 'Montre le solde retenu' }, 9)).toEqual({
      id: 9,
      title: 'Relevé',
      datedOn: '2026-03-05',
      note: 'Montre le solde retenu',
    });
    expect(formToPieceInput({ ...form, datedOn: ' ' }, 9)).toEqual({ id: 9, title: 'Relevé', note: '' });
  });

  it('has every code’s words in both catalogues', () => {
    const keys: MessageKey[] = [
      ...Object.values(STATUS_LABELS),
      ...Object.values(ACTOR_LABELS),
      ...Object.values(CHANNEL_LABELS),
      ...Object.values(MEASURE_LABELS),
      ...Object.values(REASONS_LABELS),
      ...Object.values(DATE_LABELS),
    ];
    for (const key of keys) {
      expect(fr[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });
});

describe('deadline checks in words', () => {
  const all: Check[] = [
    { kind: 'termsNotice', status: { state: 'shortNotice', days: 3, required: 15 } },
    { kind: 'termsNotice', status: { state: 'met', days: 20, required: 15 } },
    { kind: 'termsNotice', status: { state: 'unknown' } },
    { kind: 'terminationNotice', status: { state: 'shortNotice', days: 1, required: 30 } },
    { kind: 'statementOfReasons', status: { state: 'notReceived' } },
    { kind: 'statementOfReasons', status: { state: 'received' } },
    { kind: 'statementOfReasons', status: { state: 'unknown' } },
    { kind: 'complaintWindow', status: { state: 'open', closesOn: '2027-05-02', daysLeft: 10, urgent: true, countedFrom: 'informed' } },
    { kind: 'complaintWindow', status: { state: 'open', closesOn: '2027-05-02', daysLeft: 10, urgent: true, countedFrom: 'decision' } },
    { kind: 'complaintWindow', status: { state: 'closed', closedOn: '2026-05-02', countedFrom: 'referral' } },
    { kind: 'complaintWindow', status: { state: 'unknown' } },
    { kind: 'outOfCourtDecision', status: { state: 'pending', dueOn: '2027-01-10', daysLeft: 45 } },
    { kind: 'outOfCourtDecision', status: { state: 'extendable', dueOn: '2026-10-01', extendedDueOn: '2026-12-30', daysLeft: 26 } },
    { kind: 'outOfCourtDecision', status: { state: 'overdue', dueOn: '2026-10-01', sinceDays: 56 } },
    { kind: 'outOfCourtDecision', status: { state: 'decided', days: 80 } },
    { kind: 'answer', status: { state: 'awaiting', days: 45 } },
    { kind: 'answer', status: { state: 'answered', days: 1 } },
  ];

  it('says each one in both languages, with no placeholder left', () => {
    for (const check of all) {
      for (const [tr, locale] of [
        [trFr, 'fr'],
        [trEn, 'en'],
      ] as const) {
        const text = describeCheck(check, tr, locale);
        expect(text.short, JSON.stringify(check)).not.toMatch(/[{}]/);
        expect(text.long, JSON.stringify(check)).not.toMatch(/[{}]/);
        expect(text.long.length).toBeGreaterThan(text.short.length);
      }
    }
  });

  it('counts days and dates the owner’s way, and grades what it found', () => {
    const short = describeCheck(all[0]!, trFr, 'fr');
    expect(short.tone).toBe('bad');
    expect(plain(short.long)).toBe(
      'Conditions changées avec 3 jours de préavis seulement ; le règlement P2B prévoit au moins 15 jours.',
    );
    expect(describeCheck(all[3]!, trEn, 'en').short).toBe('Short termination notice: 1 day');
    const window = describeCheck(all[7]!, trFr, 'fr');
    expect(window.tone).toBe('warn');
    expect(plain(window.short)).toBe('Réclamation interne jusqu’au 2 mai 2027');
    expect(describeCheck(all[2]!, trFr, 'fr').known).toBe(false);
    expect(plain(window.long)).toContain('compté à partir du jour où vous avez été informé de la décision');
    expect(plain(describeCheck(all[8]!, trEn, 'en').long)).toContain('counted from the decision’s date, as the day you were informed');
    const extendable = describeCheck(all[12]!, trFr, 'fr');
    expect(extendable.tone).toBe('warn');
    expect(plain(extendable.short)).toBe('Décision prolongeable jusqu’au 30 décembre 2026');
    expect(describeCheck(all[13]!, trEn, 'en').tone).toBe('bad');
    expect(describeCheck(all[14]!, trEn, 'en').tone).toBe('good');
    expect(describeCheck(all[15]!, trEn, 'en').tone).toBe('warn');
    expect(describeCheck(all[16]!, trEn, 'en').long).toBe('The platform answered your complaint in 1 day.');
  });
});
