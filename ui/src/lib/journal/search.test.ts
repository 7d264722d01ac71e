import { describe, expect, it } from 'vitest';
import { longMonth, niceMax, scaled, shortMonth, ticks } from './charts';
import { emptySearch, isFiltered, searchArgs, snippetParts } from './search';

describe('search', () => {
  it('sends nothing but the text when nothing is chosen', () => {
    const form = emptySearch();
    expect(isFiltered(form)).toBe(false);
    expect(searchArgs({ ...form, query: '  reclamation ' })).toEqual({ query: 'reclamation', filters: {}, sort: 'relevance' });
    expect(isFiltered({ ...form, sort: 'amount' })).toBe(false);
  });

  it('sends each choice as a list of one, and the period as Rust reads dates', () => {
    const args = searchArgs({
      ...emptySearch(),
      platformId: '4',
      category: 'ACC-02',
      axis: 'A2',
      status: 'open',
      from: '01/03/2026',
      to: '2026-03-31',
      sort: 'amount',
    });
    expect(args.filters).toEqual({
      platformIds: [4],
      categories: ['ACC-02'],
      axes: ['A2'],
      statuses: ['open'],
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(args.sort).toBe('amount');
  });

  it('cuts a passage into plain and marked parts', () => {
    const snippet = { source: 'incident' as const, refId: 1, text: '…notre réclamation du 5 mars…', marks: [{ start: 7, end: 18 }] };
    expect(snippetParts(snippet)).toEqual([
      { text: '…notre ', marked: false },
      { text: 'réclamation', marked: true },
      { text: ' du 5 mars…', marked: false },
    ]);
    expect(snippetParts({ ...snippet, marks: [] })).toEqual([{ text: snippet.text, marked: false }]);
    // Overlapping and out-of-range marks are clipped.
    expect(
      snippetParts({ ...snippet, text: 'abcdef', marks: [{ start: 4, end: 99 }, { start: 0, end: 2 }, { start: 1, end: 3 }] }),
    ).toEqual([
      { text: 'ab', marked: true },
      { text: 'c', marked: true },
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ]);
  });
});

describe('charts', () => {
  it('rounds the scale up', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(123456)).toBe(200000);
    expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
  });

  it('scales without going negative or past the end', () => {
    expect(scaled(5, 10, 200)).toBe(100);
    expect(scaled(-3, 10, 200)).toBe(0);
    expect(scaled(30, 10, 200)).toBe(200);
    expect(scaled(3, 0, 200)).toBe(0);
  });

  it('names months in the owner’s language', () => {
    expect(longMonth('2026-03', 'fr')).toBe('mars 2026');
    expect(longMonth('2026-03', 'en')).toBe('March 2026');
    expect(shortMonth('2026-03', 'fr')).toMatch(/^mars/);
    expect(shortMonth('bad', 'fr')).toBe('bad');
  });
});

describe('whole scales', () => {
  it('keeps counts whole', async () => {
    const { wholeScale } = await import('./charts');
    expect(wholeScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(wholeScale(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(wholeScale(3)).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(wholeScale(7)).toEqual({ max: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(wholeScale(23)).toEqual({ max: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(wholeScale(2.4).ticks.every(Number.isInteger)).toBe(true);
    for (let n = 0; n < 500; n += 7) {
      const s = wholeScale(n);
      expect(s.max).toBeGreaterThanOrEqual(n);
      expect(s.ticks.every(Number.isInteger), String(n)).toBe(true);
      expect(s.ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
