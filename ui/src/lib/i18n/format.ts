// Dates and amounts in the owner's language, identical to what carnet-core writes in the PDF:
// `1er mars 2026`, `26 novembre 2026`, `1 234,56 €` (U+202F between thousands, U+00A0 before
// the euro sign) / `26 November 2026`, `€1,234.56`.
import type { Locale } from '../bindings/Locale';

const INTL_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatLongDate(date: Date, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(INTL_TAG[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(date);
  return parts
    .map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** A local time of day, `14:05` in both languages (24-hour clock). */
export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** An amount given in cents (the unit the vault stores). */
export function formatEuros(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** A whole percentage: `35 %` (narrow no-break space, whatever the webview's ICU says) /
 * `35%`. */
export function formatPercent(pct: number, locale: Locale): string {
  return locale === 'fr' ? `${formatInteger(pct, locale)}\u202F%` : `${formatInteger(pct, locale)}%`;
}

/** A whole number: `1 234` (narrow no-break space) / `1,234`. */
export function formatInteger(n: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 0 }).format(n);
}

/** French typography on catalogue text: narrow no-break space before ; : ! ? » and after «. */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([;:!?»])/g, '\u202F$1').replace(/« /g, '«\u202F');
}
