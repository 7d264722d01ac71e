import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { translateCount } from './index.svelte';
import { formatEuros, formatInteger, formatLongDate, formatPercent, frenchSpacing } from './format';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('catalogues', () => {
  it('have exactly the same keys', () => {
    const missingInEn = Object.keys(fr).filter((k) => !(k in en));
    const missingInFr = Object.keys(en).filter((k) => !(k in fr));
    expect(missingInEn).toEqual([]);
    expect(missingInFr).toEqual([]);
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(fr)) {
      const other = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('use typographic apostrophes and quotes', () => {
    for (const [key, text] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(text, key).not.toMatch(/['"]/);
    }
  });

  it('leave French spacing to t(): no no-break space written by hand', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/[\u00A0\u202F]/);
    }
  });

  it('are really translated (only proper names and words both languages share may be identical)', () => {
    const same = Object.keys(fr).filter((k) => fr[k as keyof typeof fr] === en[k as keyof typeof en]);
    // « incident » is French and English alike.
    expect(same).toEqual(['app.name', 'dossier.export.incidents.one', 'dossier.export.incidents.other']);
  });
});

describe('counted messages', () => {
  it('take the form each language uses for the count', () => {
    expect(translateCount('fr', 'dossier.export.piecesN', 0)).toBe('0 pièce');
    expect(translateCount('fr', 'dossier.export.piecesN', 1)).toBe('1 pièce');
    expect(translateCount('fr', 'dossier.export.piecesN', 2)).toBe('2 pièces');
    expect(translateCount('en', 'dossier.export.piecesN', 0)).toBe('0 pieces');
    expect(translateCount('en', 'dossier.export.piecesN', 1)).toBe('1 piece');
    expect(translateCount('en', 'search.found', 3)).toBe('3 incidents found');
  });

  it('exist in both forms whenever one exists', () => {
    for (const key of Object.keys(fr).filter((k) => k.endsWith('.one'))) {
      expect(Object.keys(fr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

describe('formatting', () => {
  const nov26 = new Date(2026, 10, 26);

  it('writes French long dates, with 1er', () => {
    expect(formatLongDate(nov26, 'fr')).toBe('26 novembre 2026');
    expect(formatLongDate(new Date(2026, 2, 1), 'fr')).toBe('1er mars 2026');
    expect(formatLongDate(new Date(2026, 7, 15), 'fr')).toBe('15 août 2026');
  });

  it('writes English long dates', () => {
    expect(formatLongDate(nov26, 'en')).toBe('26 November 2026');
    expect(formatLongDate(new Date(2026, 2, 1), 'en')).toBe('1 March 2026');
  });

  it('writes amounts as carnet-core does', () => {
    expect(formatEuros(123456, 'fr')).toBe('1\u202F234,56\u00A0€');
    expect(formatEuros(-123456, 'fr')).toBe('-1\u202F234,56\u00A0€');
    expect(formatEuros(5, 'fr')).toBe('0,05\u00A0€');
    expect(formatEuros(123456, 'en')).toBe('€1,234.56');
    expect(formatEuros(100000000, 'fr')).toBe('1\u202F000\u202F000,00\u00A0€');
  });

  it('writes percentages and whole numbers', () => {
    expect(formatPercent(35, 'fr')).toBe('35\u202F%');
    expect(formatPercent(100, 'en')).toBe('100%');
    expect(formatInteger(12345, 'fr')).toBe('12\u202F345');
    expect(formatInteger(12345, 'en')).toBe('12,345');
  });

  it('puts narrow no-break spaces in French text', () => {
    expect(frenchSpacing('Motif : compte suspendu ; pourquoi ?')).toBe(
      'Motif\u202F: compte suspendu\u202F; pourquoi\u202F?',
    );
    expect(frenchSpacing('« Bonjour »')).toBe('«\u202FBonjour\u202F»');
    expect(frenchSpacing('https://x.fr/a?b=1')).toBe('https://x.fr/a?b=1');
  });
});
