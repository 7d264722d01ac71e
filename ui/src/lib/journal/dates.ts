// Calendar dates: the owner types them the French way (15/03/2021, in both languages: the
// British order is the same), Rust receives `YYYY-MM-DD`, pages show `15 mars 2021`.
import type { Locale } from '../bindings/Locale';
import { formatLongDate } from '../i18n/format';

/** What the owner typed, as Rust reads dates: `15/03/2021`, `15/3/2021`, `15.03.2021` and
 * `2021-03-15` all give `2021-03-15`; blank gives blank; anything else goes unchanged, so that
 * Rust refuses it with its own message. */
export function isoDate(typed: string): string {
  const s = typed.trim();
  if (s === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m === null) return s;
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** An ISO date as the inputs show it: `2021-03-15` gives `15/03/2021`. */
export function typedDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The local calendar day of an ISO date (`2021-03-15`), or `null` if it is not one. */
export function dayOf(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `15 mars 2021` / `15 March 2021` from `2021-03-15`; the text itself if unreadable. */
export function longDate(iso: string, locale: Locale): string {
  const d = dayOf(iso);
  return d === null ? iso : formatLongDate(d, locale);
}

/** The local day of an instant (RFC 3339), `2026-11-26`, for comparing with ISO dates. */
export function localIsoDay(instant: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${p(instant.getMonth() + 1)}-${p(instant.getDate())}`;
}
