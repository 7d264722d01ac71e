import { describe, expect, it } from 'vitest';
import type { Route } from '../bindings/Route';
import { translate } from '../i18n/index.svelte';
import type { Translate } from './checks';
import { clockText, preparable, split, stateBadge, stateReason } from './routes';

const trFr: Translate = (key, params) => translate('fr', key, params);
const trEn: Translate = (key, params) => translate('en', key, params);
const plain = (s: string): string => s.replace(/\u202f|\u00a0/g, ' ');

const label = (fr: string, en: string) => ({ fr, en });

function route(over: Partial<Route>): Route {
  return {
    kind: 'internal_complaint',
    state: { state: 'open' },
    clock: null,
    articles: ['P2B 11', 'DSA 20(1)'],
    why: label('Règle', 'Rule'),
    order: 1,
    orderNote: label('Ensemble', 'Together'),
    bodies: [],
    destinations: ['platform_complaint'],
    missingForDossier: [],
    grounds: [],
    ...over,
  };
}

describe('the route guide in words', () => {
  it('says the clock with its date, the days left and the day it counts from', () => {
    const clock = { deadline: '2026-12-10', daysLeft: 9, countedFrom: 'informed' as const, fromEarliestKnown: false };
    expect(plain(clockText(clock, trFr, 'fr'))).toBe(
      'Jusqu’au 10 décembre 2026, encore 9 jours, compté à partir du jour où vous avez été informé de la décision.',
    );
    const earliest = { ...clock, daysLeft: -1, countedFrom: 'decision' as const, fromEarliestKnown: true };
    expect(plain(clockText(earliest, trEn, 'en'))).toBe(
      'Time limit passed on 10 December 2026, 1 day ago, counted from the decision’s date, as the day you were informed of it is missing: give it if it came later.',
    );
  });

  it('grades each state and gives its reason in the owner’s language', () => {
    expect(stateBadge({ state: 'open' }, trFr)).toEqual({ text: 'Ouverte', tone: 'good' });
    expect(stateBadge({ state: 'closed', why: label('a', 'b') }, trEn).tone).toBe('bad');
    expect(stateReason({ state: 'closed', why: label('Procédure collective', 'Collective proceedings') }, 'en')).toBe(
      'Collective proceedings',
    );
    expect(stateReason({ state: 'notYet', first: label('Attendre le refus', 'Wait') }, 'fr')).toBe('Attendre le refus');
    expect(stateReason({ state: 'open' }, 'fr')).toBeNull();
  });

  it('offers a dossier only for Carnet’s destinations and routes that are not closed', () => {
    expect(preparable(route({}))).toBe('platform_complaint');
    expect(preparable(route({ state: { state: 'closed', why: label('', '') } }))).toBeNull();
    expect(preparable(route({ state: { state: 'notApplicable' } }))).toBeNull();
    expect(preparable(route({ destinations: ['arcom'] }))).toBe('arcom');
    expect(preparable(route({ destinations: ['tribunal'] }))).toBeNull();
    expect(preparable(route({ destinations: [] }))).toBeNull();
  });

  it('keeps Rust’s order and sets aside the routes that do not apply', () => {
    const routes = [
      route({ kind: 'notice', state: { state: 'notApplicable' } }),
      route({ kind: 'internal_complaint' }),
      route({ kind: 'courts', destinations: [] }),
    ];
    const { shown, notApplicable } = split(routes);
    expect(shown.map((r) => r.kind)).toEqual(['internal_complaint', 'courts']);
    expect(notApplicable.map((r) => r.kind)).toEqual(['notice']);
  });
});
