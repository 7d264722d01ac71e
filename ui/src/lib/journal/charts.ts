// Arithmetic for the dashboard's small SVG charts: a round top for the scale, its ticks, the
// months' short names.
import type { Locale } from '../bindings/Locale';

/** The smallest "round" number ≥ `n` (1, 2, 2.5, 5 or 10 times a power of ten); 1 for 0. */
export function niceMax(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= n) return step * power;
  }
  return 10 * power;
}

/** `count` + 1 evenly spaced values from 0 to `max`. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** The scale of whole numbers (counts of incidents): a round top that is a whole number, and
 * ticks that are whole numbers too (`3` gives 0 to 5 by 1; `1` gives 0 and 1). */
export function wholeScale(n: number): { max: number; ticks: number[] } {
  const max = Math.max(1, Math.ceil(niceMax(n)));
  const count = [5, 4, 2, 1].find((c) => max % c === 0 && max / c >= 1 && c <= max) ?? 1;
  return { max, ticks: ticks(max, count) };
}

/** `2026-03` as `mars 26` / `Mar 26`. */
export function shortMonth(month: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null) return month;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, 1);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: '2-digit' }).format(d);
}

/** `2026-03` as `mars 2026` / `March 2026`. */
export function longMonth(month: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null) return month;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, 1);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric' }).format(d);
}

/** The share of `value` in `max`, as a length between 0 and `length` (never negative). */
export function scaled(value: number, max: number, length: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(length, (value / max) * length);
}
