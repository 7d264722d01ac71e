import { describe, expect, it } from 'vitest';
import type { Mapping } from '../bindings/Mapping';
import { catalogues, translate } from '../i18n/index.svelte';
import type { Translate } from './checks';
import {
  FIELD_LABELS,
  MAP_FIELDS,
  PROBLEM_LABELS,
  choiceOf,
  columnLetter,
  columnOf,
  columnOptions,
  fixKey,
  withColumn,
} from './importing';

const trFr: Translate = (key, params) => translate('fr', key, params);

const mapping = (columns: Mapping['columns']): Mapping => ({
  headerRow: 1,
  columns,
  amountTarget: 'sales_lost',
  groupBy: null,
});

describe('the spreadsheet import in words', () => {
  it('names columns as the spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA',
    ]);
  });

  it('offers "not imported" first, then each column by letter and header', () => {
    const options = columnOptions(['Date', 'Plateforme'], trFr);
    expect(options.map((o) => o.value)).toEqual(['', '0', '1']);
    expect(options[1]?.label).toBe('A — Date');
    expect(options[0]?.label).not.toBe('');
  });

  it('gives a column to one field only', () => {
    const before = mapping({ date: 0, title: 2 });
    const after = withColumn(before, 'platform', '2');
    expect(after.columns).toEqual({ date: 0, platform: 2 });
    expect(columnOf(after, 'title')).toBe('');
    expect(columnOf(after, 'platform')).toBe('2');
    expect(withColumn(after, 'date', '').columns).toEqual({ platform: 2 });
    expect(before.columns).toEqual({ date: 0, title: 2 });
  });

  it('sends only the fixes typed, and the rows left out in order', () => {
    const fixes = new Map([
      [fixKey(7, 'date'), '26/11/2026'],
      [fixKey(3, 'amount'), ' '],
      [fixKey(3, 'title'), 'Compte suspendu'],
    ]);
    const choice = choiceOf(mapping({ date: 0 }), fixes, new Set([9, 4]));
    expect(choice.fixes).toEqual([
      { row: 3, field: 'title', value: 'Compte suspendu' },
      { row: 7, field: 'date', value: '26/11/2026' },
    ]);
    expect(choice.skipRows).toEqual([4, 9]);
  });

  it('has a label for every field and problem, in both languages', () => {
    for (const f of MAP_FIELDS) {
      expect(catalogues.fr[FIELD_LABELS[f]]).toBeTruthy();
      expect(catalogues.en[FIELD_LABELS[f]]).toBeTruthy();
    }
    for (const key of Object.values(PROBLEM_LABELS)) {
      expect(catalogues.fr[key]).toBeTruthy();
      expect(catalogues.en[key]).toBeTruthy();
    }
  });
});
