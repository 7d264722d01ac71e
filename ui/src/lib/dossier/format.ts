// Dates, sizes and hashes as the dossier screens show them.
import type { Locale } from '../bindings/Locale';
import { formatLongDate, formatTime } from '../i18n/format';

/** An instant (RFC 3339) as a local day and time: `26 novembre 2026, 14:05`; the text itself
 * when unreadable. */
export function instant(rfc3339: string, locale: Locale): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return `${formatLongDate(d, locale)}, ${formatTime(d, locale)}`;
}

/** The progress of an export as a whole percentage of its steps (0 before the first event). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}
